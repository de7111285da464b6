"""Type stub of the compiled page index pass (newsparse/_accel/index.pyx)."""

from collections.abc import Mapping
from typing import Any

def element_attrs(elements: list[Any]) -> dict[Any, dict[str, str]]: ...
def naming_text(attrs: Mapping[Any, Mapping[str, str]], wanted: frozenset[str]) -> str: ...

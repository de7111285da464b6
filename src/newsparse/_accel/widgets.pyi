"""Type stub of the compiled widget scans (newsparse/_accel/widgets.pyx)."""

from collections.abc import Callable
from typing import Any

PRICE_MARK: str
LONE_SIGN: str
HINT_WORDS: tuple[str, ...]
QUOTE_ATTRS: tuple[str, ...]
SKIP_TAGS: frozenset[str]

def ticker_marks(
    elements: list[Any],
    quote_attrs: bool,
    priceish: Callable[[str], bool],
    hinted_class: Callable[[str], bool],
) -> tuple[list[Any], list[Any]]: ...

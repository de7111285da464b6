"""Type stub of the compiled ticker text tests (newsparse/_accel/quotescan.pyx)."""

from collections.abc import Callable
from typing import Any

PRICE_MARK: str
LONE_SIGN: str
CODES: frozenset[str]
SKIP_TAGS: frozenset[str]

def priceish(text: str) -> bool: ...
def code_count(root: Any) -> int: ...
def hint_in(text: str, words: tuple[str, ...], match: Callable[[str, int], Any]) -> bool | None: ...
def count_words(text: str, words: tuple[str, ...]) -> int | None: ...

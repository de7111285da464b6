"""Type stub of the compiled ticker text tests (newsparse/_accel/quotescan.pyx)."""

from typing import Any

PRICE_MARK: str
LONE_SIGN: str
CODES: frozenset[str]
SKIP_TAGS: frozenset[str]

def priceish(text: str) -> bool: ...
def code_count(root: Any) -> int: ...

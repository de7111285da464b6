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

VOCAB_WORDS: tuple[str, ...]
LABEL_WORDS: tuple[str, ...]
LABEL_RAW_MAX: int
BOX_SKIP: frozenset[str]

def box_walk(
    root: Any,
    may_name: bool,
    not_box: frozenset[str],
    may_label: bool,
    label_tags: frozenset[str],
    other: bool,
    visit: Callable[[Any], bool],
) -> None: ...

TEXT_SKIP: frozenset[str]

def headline_lists(
    root: Any, ok: Callable[[Any], bool], max_seen: int, max_text: int
) -> list[Any]: ...
def word_sequences_in(text: str, sequences: tuple[tuple[tuple[bytes, ...], ...], ...]) -> bool: ...

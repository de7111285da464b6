"""Type stub of the compiled scans (newsparse/_accel/scan.pyx)."""

from typing import Any

class BylineScan:
    def __init__(
        self,
        *,
        byline_attr: Any,
        author_href: Any,
        by_text: Any,
        no_byline_tags: Any,
        in_other_article: Any,
        chrome: Any,
        max_candidates: int,
        near: int,
    ) -> None: ...
    def cues(self, elements: list[Any]) -> set[Any]: ...
    def candidates(
        self, elements: list[Any], at: int, end: int, first_after: int, own_articles: Any
    ) -> list[Any]: ...

def comment_candidates(elements: list[Any]) -> list[Any]: ...

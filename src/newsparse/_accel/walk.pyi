"""Type stub of the compiled walk (newsparse/_accel/walk.pyx)."""

from typing import Any

class Walker:
    def __init__(
        self,
        *,
        invisible: Any,
        block: Any,
        form_controls: Any,
        unhinted: Any,
        headings: Any,
        tag_hints: Any,
        element_hint: Any,
        class_hint: Any,
        author_href: Any,
        stat_type: Any,
        short_text: int,
        inline_box: int,
        linky: float,
    ) -> None: ...
    def run(
        self, scorer: Any, el: Any, own: list[Any], in_link: bool, boxed: bool
    ) -> tuple[int, int, float, float, int]: ...

def flagged(
    top: Any, attrs: dict[Any, dict[str, str]], names: tuple[bytes, ...]
) -> list[tuple[Any, dict[str, str]]]: ...
def text_content(el: Any) -> str: ...
def lead_candidates(top: Any, cues: tuple[bytes, ...]) -> list[Any]: ...
def counter_candidates(top: Any) -> list[Any]: ...

"""Type stub of the compiled anchor scan of ``widget_gate.PhraseGate``
(newsparse/_accel/phrases.pyx)."""

from collections.abc import Iterable

class AnchorScan:
    def __init__(self, scans: Iterable[tuple[str, tuple[str, ...]]]) -> None: ...
    def hits(self, text: str) -> list[tuple[int, str]]: ...

"""Running text for the content tests: sentences of an ordinary news story."""

from __future__ import annotations

SENTENCES = [
    "The central bank kept its benchmark rate unchanged on Tuesday, citing slower growth.",
    "Analysts had expected the decision, although several argued for an earlier cut.",
    "Markets rose modestly after the announcement, with bank shares leading the gains.",
    "The governor said inflation was moving closer to the target over the coming year.",
    "Officials will publish new forecasts next month, alongside a review of lending.",
    "Exporters welcomed the stability, saying a weaker currency had helped their orders.",
]


def sentences(i: int, n: int = 3) -> str:
    """``n`` consecutive sentences starting at the ``i``-th (cycling), distinct per ``i``."""
    return " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(n))

"""Type stub of the compiled metadata window (newsparse/_accel/meta.pyx)."""

from typing import Any

def dateline_window(anchor: Any, tags: tuple[bytes, ...], before: int, after: int) -> list[Any]: ...

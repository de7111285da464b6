"""The exception hierarchy: everything newsparse raises on bad input.

All of them derive from :class:`NewsparseError`, itself a ``ValueError``, so
``except newsparse.NewsparseError`` is the one handler a pipeline needs.
"""

from __future__ import annotations

__all__ = [
    "EmptyInputError",
    "InputTooLargeError",
    "NewsparseError",
    "NotHTMLError",
    "ParseTimeoutError",
    "UnsupportedInputError",
]


class NewsparseError(ValueError):
    """Base class of every error newsparse raises for an input it cannot turn into an Article."""


class EmptyInputError(NewsparseError):
    """The input is empty or only whitespace."""


class NotHTMLError(NewsparseError):
    """The input is not an HTML document (binary data, PDF, image, JSON, plain text...)."""

    def __init__(self, message: str, *, detected: str | None = None) -> None:
        super().__init__(message)
        self.detected = detected
        """What the input looked like instead, e.g. 'pdf', 'gzip', 'json', 'binary'."""


class InputTooLargeError(NewsparseError):
    """The input is larger than the configured size limit (``Limits.max_bytes``)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"input is {size:,} bytes, over the limit of {limit:,} bytes")
        self.size = size
        self.limit = limit


class UnsupportedInputError(NewsparseError, TypeError):
    """The input is of a type parse() does not accept (accepted: str, bytes, BeautifulSoup)."""


class ParseTimeoutError(NewsparseError):
    """Parsing one page took longer than the time limit (raised by the batch runner)."""

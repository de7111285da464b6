"""The exception hierarchy: everything newsparse raises on bad input.

All of them derive from :class:`NewsparseError`, itself a ``ValueError``, so
``except newsparse.NewsparseError`` is the one handler a pipeline needs.
"""

from __future__ import annotations

__all__ = [
    "EmptyInputError",
    "ExtractionError",
    "InputTooLargeError",
    "NewsparseError",
    "NotHTMLError",
    "ParseTimeoutError",
    "TooManyElementsError",
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


class TooManyElementsError(InputTooLargeError):
    """The parsed page has more elements than ``Limits.max_elements``."""

    def __init__(self, size: int, limit: int) -> None:
        NewsparseError.__init__(
            self, f"page has {size:,} elements, over the limit of {limit:,} elements"
        )
        self.size = size
        self.limit = limit


class ExtractionError(NewsparseError):
    """An extractor failed on this page: a newsparse bug, reported with the page's stage.

    The original exception is chained (``__cause__``); please report it with the page.
    """

    def __init__(self, stage: str, cause: BaseException) -> None:
        super().__init__(f"{stage} failed: {type(cause).__name__}: {cause}")
        self.stage = stage
        """The pipeline stage that failed, e.g. 'comments' or 'content'."""


class UnsupportedInputError(NewsparseError, TypeError):
    """The input is of a type parse() does not accept (accepted: str, bytes, BeautifulSoup)."""


class ParseTimeoutError(NewsparseError):
    """Parsing one page took longer than the time limit (raised by the batch runner)."""

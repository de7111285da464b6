"""Errors that only batch processing can meet, as :class:`~newsparse.NewsparseError` subclasses.

They never escape :func:`~newsparse.batch.parse_many`: each becomes the error
row of the input it concerns (its class name is the row's ``error.type``).
Errors of a page itself keep newsparse's own types (``NotHTMLError``,
``EmptyInputError``, ``InputTooLargeError``...); a page that runs over the
time limit gives ``ParseTimeoutError``.
"""

from __future__ import annotations

from newsparse.errors import NewsparseError

__all__ = [
    "BatchError",
    "InputNotFoundError",
    "InputReadError",
    "InvalidRecordError",
    "WorkerCrashedError",
    "WorkerStartError",
]


class BatchError(NewsparseError):
    """Base class of the errors raised by batch processing rather than by parsing."""


class InputReadError(BatchError):
    """An input could not be read: unreadable file, corrupt gzip, truncated WARC or JSONL."""


class InputNotFoundError(InputReadError):
    """A path given as input does not exist, or a glob pattern matches no file."""


class InvalidRecordError(BatchError):
    """A record of a container is unusable: a JSONL line that is not a JSON object with an
    HTML string, or a WARC record whose payload cannot be decoded."""


class WorkerCrashedError(BatchError):
    """The worker process died while it was parsing this page (a crash, the OOM killer...)."""


class WorkerStartError(BatchError):
    """The worker processes cannot start, so no page can be parsed: raised by
    :func:`~newsparse.batch.parse_many` (not an error row), e.g. when the script
    calling it has no ``if __name__ == "__main__":`` guard."""

"""The row newsparse batch writes for every input: an article or an error.

One schema for both outcomes, so that a JSONL line, a Parquet row and a Spark
row all have the same four fields::

    {"source": "crawl/a.html", "url": "https://...", "article": {...}, "error": null}
    {"source": "dump.jsonl:17", "url": null, "article": null,
     "error": {"type": "NotHTMLError", "message": "input has no HTML markup (looks like json)"}}

``source`` names the input: a file path as given (or as found under a
directory), ``PATH:LINE`` for a JSONL record (1-based line number) and
``PATH@OFFSET`` for a WARC record (byte offset of the record in the file).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from newsparse.models import Article

__all__ = ["ErrorInfo", "Result"]


class ErrorInfo(BaseModel):
    """Why an input gave no Article."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(
        description="The error's class name: a NewsparseError subclass such as 'NotHTMLError', "
        "'InputTooLargeError', 'ParseTimeoutError', 'InputReadError', 'InvalidRecordError', "
        "'WorkerCrashedError' (or the class of an unexpected exception)."
    )
    message: str = Field(description="A one-line human-readable explanation.")


class Result(BaseModel):
    """The outcome for one input: ``article`` when it parsed, ``error`` when it did not."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(
        description="The input: a path, 'PATH:LINE' for a JSONL record, 'PATH@OFFSET' for a "
        "WARC record, or the source given to a Page."
    )
    url: str | None = Field(
        default=None, description="The page's URL when the input gives one (JSONL key, WARC URI)."
    )
    article: Article | None = Field(default=None, description="The Article; None on error.")
    error: ErrorInfo | None = Field(default=None, description="The error; None on success.")

    @property
    def ok(self) -> bool:
        """True when the input gave an Article."""
        return self.error is None

    @classmethod
    def failure(cls, source: str, error_type: str, message: str, url: str | None = None) -> Result:
        """An error row."""
        return cls(source=source, url=url, error=ErrorInfo(type=error_type, message=message))

    @classmethod
    def from_exception(cls, source: str, exc: BaseException, url: str | None = None) -> Result:
        """An error row for ``exc``: its class name as the type, its text as the message."""
        return cls.failure(source, type(exc).__name__, one_line(str(exc)) or repr(exc), url)


def one_line(text: str, limit: int = 500) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

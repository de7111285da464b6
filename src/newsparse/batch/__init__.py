"""Batch processing: many pages, files, JSONL and WARC through a pool of workers.

>>> from newsparse.batch import parse_many
>>> for result in parse_many(["crawl/", "dump.jsonl", "pages.warc.gz"], workers=4):
...     if result.article is not None:
...         print(result.source, result.article.title)
...     else:
...         print(result.source, result.error.type, result.error.message)

The command line ``newsparse batch`` is a thin layer over :func:`parse_many`
(see :mod:`newsparse.batch.command`); writers for JSONL and Parquet are in
:mod:`newsparse.batch.writers`.
"""

from __future__ import annotations

from newsparse.batch.errors import (
    BatchError,
    InputNotFoundError,
    InputReadError,
    InvalidRecordError,
    WorkerCrashedError,
    WorkerStartError,
)
from newsparse.batch.results import ErrorInfo, Result
from newsparse.batch.runner import BatchStats, ParseFn, default_workers, parse_many
from newsparse.batch.sources import DEFAULT_HTML_KEYS, DEFAULT_URL_KEYS, Page

__all__ = [
    "DEFAULT_HTML_KEYS",
    "DEFAULT_URL_KEYS",
    "BatchError",
    "BatchStats",
    "ErrorInfo",
    "InputNotFoundError",
    "InputReadError",
    "InvalidRecordError",
    "Page",
    "ParseFn",
    "Result",
    "WorkerCrashedError",
    "WorkerStartError",
    "default_workers",
    "parse_many",
]

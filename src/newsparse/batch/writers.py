"""Writers for batch results: JSONL (one line per input) and Parquet (a directory of parts).

Both can resume: opened with ``resume=True`` on an existing output they read
the sources already recorded (:attr:`Writer.done`), so that the run skips them,
and append the new rows.

**JSONL** — one :class:`~newsparse.batch.results.Result` per line, always
the four keys ``source``, ``url``, ``article``, ``error`` in that order (see
:mod:`newsparse.batch.results`). Every line is written whole and flushed, so
a run killed at any moment leaves complete lines, plus at worst one partial
last line (if the kill lands inside the write); resuming cuts that partial
line off before appending.

**Parquet** — the output path is a directory of ``part-NNNNN.parquet`` files
(readable as one table by pyarrow, pandas, Spark, DuckDB...). Rows are
buffered and written ``rows_per_part`` at a time to a temporary name that is
renamed into place, so a part is either complete or absent; an interrupted run
loses at most the rows of the part being filled. The schema is derived from
the pydantic models (:mod:`newsparse.batch.schema`); nested data are structs
and lists; dates are UTC timestamps (with ``<name>_date_only`` and
``<name>_local`` flags) and Decimals ``decimal(38, 18)``.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import sys
from pathlib import Path
from typing import IO, Any

from newsparse.batch.results import Result
from newsparse.batch.schema import Column, arrow_schema, schema_tree, to_columns

__all__ = ["JsonlWriter", "OutputError", "ParquetWriter", "Writer", "open_writer", "result_schema"]


class OutputError(Exception):
    """The output cannot be opened, read (to resume) or written."""


class Writer:
    """Common interface of the writers."""

    done: set[str]
    """Sources already recorded in the output (filled by ``resume``)."""

    def write(self, result: Result) -> None:
        """Record one result."""
        raise NotImplementedError

    def close(self) -> None:
        """Flush and close; safe to call twice."""
        raise NotImplementedError

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SOURCE_PREFIX = '{"source":'
_DECODER = json.JSONDecoder()


class JsonlWriter(Writer):
    """Results as JSON lines, to a file or (``path`` ``-``) standard output."""

    def __init__(self, path: str | os.PathLike[str], *, resume: bool = False) -> None:
        self.path = os.fspath(path)
        self.done = set()
        self._stream: IO[bytes]
        try:
            if self.path == "-":
                if resume:
                    raise OutputError("--resume needs an output file, not standard output")
                self._stream = sys.stdout.buffer
                self._owned = False
                return
            if resume and os.path.exists(self.path):
                self._stream = open(self.path, "r+b")  # noqa: SIM115 - closed in close()
                self._load()
            else:
                self._stream = open(self.path, "wb")  # noqa: SIM115 - closed in close()
            self._owned = True
        except OSError as exc:
            raise OutputError(f"cannot open {self.path}: {exc.strerror or exc}") from exc

    def _load(self) -> None:
        """Read the sources already recorded; cut off a partial last line."""
        stream = self._stream
        good_end = 0
        foreign = 0
        for line in stream:
            if not line.endswith(b"\n"):
                break  # a partial last line: an interrupted write
            source = _line_source(line)
            if source is not None:
                self.done.add(source)
            elif line.strip():
                foreign += 1
            good_end += len(line)
        if foreign and not self.done:
            stream.close()
            raise OutputError(
                f"{self.path} does not look like newsparse batch output; not resuming into it"
            )
        stream.seek(good_end)
        stream.truncate()

    def write(self, result: Result) -> None:
        """Write one result as one whole line and flush it."""
        line = result.model_dump_json().encode("utf-8") + b"\n"
        try:
            self._stream.write(line)
            self._stream.flush()
        except BrokenPipeError:
            raise  # the reader of standard output went away: the caller decides
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        """Flush and close the file (standard output is flushed, not closed)."""
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()
        if getattr(self, "_owned", False):
            self._stream.close()


def _line_source(line: bytes) -> str | None:
    """The ``source`` of a recorded line, or None if the line is not a result."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.startswith(_SOURCE_PREFIX):  # fast path: our own lines start with the source
        try:
            value, _ = _DECODER.raw_decode(text, len(_SOURCE_PREFIX))
        except ValueError:
            value = None
        return value if isinstance(value, str) else None
    try:
        obj = json.loads(text)
    except ValueError:
        return None
    source = obj.get("source") if isinstance(obj, dict) else None
    return source if isinstance(source, str) else None


_result_tree: Column | None = None


def result_schema() -> Column:
    """The column tree of a result row (cached)."""
    global _result_tree
    if _result_tree is None:
        _result_tree = schema_tree(Result)
    return _result_tree


_PART = re.compile(r"^part-(\d+)\.parquet$")


class ParquetWriter(Writer):
    """Results as a directory of Parquet part files (needs the ``parquet`` extra)."""

    def __init__(
        self, path: str | os.PathLike[str], *, resume: bool = False, rows_per_part: int = 1000
    ) -> None:
        try:
            self._pa: Any = importlib.import_module("pyarrow")
            self._pq: Any = importlib.import_module("pyarrow.parquet")
        except ImportError as exc:
            raise OutputError(
                "Parquet output needs pyarrow: pip install 'newsparse[parquet]'"
            ) from exc
        self.path = Path(path)
        self.rows_per_part = max(1, rows_per_part)
        self.done = set()
        self._rows: list[dict[str, Any]] = []
        self._tree = result_schema()
        from newsparse import __version__

        self._schema = arrow_schema(self._tree).with_metadata(
            {"newsparse.version": __version__, "newsparse.row": "newsparse.batch.Result"}
        )
        try:
            if self.path.exists() and not self.path.is_dir():
                raise OutputError(f"{self.path} exists and is not a directory")
            self.path.mkdir(parents=True, exist_ok=True)
            for stale in self.path.glob("*.parquet.tmp"):
                stale.unlink()
            parts = sorted(p for p in self.path.iterdir() if _PART.match(p.name))
            if resume:
                for part in parts:
                    table = self._pq.read_table(part, columns=["source"])
                    self.done.update(s for s in table.column("source").to_pylist() if s)
            else:
                for part in parts:
                    part.unlink()
                parts = []
            numbers = [int(m.group(1)) for p in parts if (m := _PART.match(p.name))]
            self._next = max(numbers, default=-1) + 1
        except OSError as exc:
            raise OutputError(f"cannot use {self.path}: {exc.strerror or exc}") from exc
        except self._pa.ArrowException as exc:
            raise OutputError(f"cannot read {self.path} to resume: {exc}") from exc
        self._closed = False

    def write(self, result: Result) -> None:
        """Buffer one result; a full buffer becomes a part file."""
        self._rows.append(to_columns(result.model_dump(mode="json"), self._tree))
        if len(self._rows) >= self.rows_per_part:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows as a new part file (atomically: temp name, then rename)."""
        if not self._rows:
            return
        table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
        final = self.path / f"part-{self._next:05d}.parquet"
        tmp = final.with_name(final.name + ".tmp")
        try:
            self._pq.write_table(table, tmp, compression="zstd")
            os.replace(tmp, final)
        except OSError as exc:
            raise OutputError(f"cannot write {final}: {exc.strerror or exc}") from exc
        self._next += 1
        self._rows = []

    def close(self) -> None:
        """Write the last part."""
        if not self._closed:
            self._closed = True
            self.flush()


def open_writer(
    path: str | os.PathLike[str], fmt: str = "jsonl", *, resume: bool = False
) -> Writer:
    """A writer for ``fmt`` ('jsonl' or 'parquet') at ``path``."""
    if fmt == "jsonl":
        return JsonlWriter(path, resume=resume)
    if fmt == "parquet":
        if os.fspath(path) == "-":
            raise OutputError("Parquet output needs a directory path, not standard output")
        return ParquetWriter(path, resume=resume)
    raise OutputError(f"unknown output format {fmt!r} (jsonl or parquet)")

"""Inputs of a batch: paths, directories, globs, JSONL and WARC files, turned into pages.

:func:`iter_pages` expands what the user named into a stream of
:class:`Page` (something to parse) and :class:`~newsparse.batch.results.Result`
(an input that already failed: a missing file, an invalid JSONL line...), in
a stable order, so that every input is accounted for.

Kinds of input, told by the name (case-insensitive):

- ``.html``, ``.htm``, ``.xhtml``, ``.shtml``, each optionally ``.gz``: one
  page per file. A file named explicitly is read as a page whatever its name
  (gzip is recognised by its magic bytes). The file is read by the worker,
  not by the parent process.
- ``.jsonl``, ``.ndjson`` (optionally ``.gz``): one page per line; the HTML is
  the first of ``html_keys`` present in the object, the URL the first of
  ``url_keys``. Blank lines are skipped; a line that is not a JSON object
  with an HTML string is an ``InvalidRecordError`` row ``PATH:LINE``.
- ``.warc``, ``.warc.gz``: one page per ``response`` record whose HTTP
  Content-Type is HTML and whose status is 2xx (redirects and error pages are
  not articles); the URL is ``WARC-Target-URI``, the charset the HTTP
  header's; the source is ``PATH@OFFSET``. Other records are skipped.
- a directory: every file of the kinds above under it, recursively, sorted
  (symlinked directories are not followed).
- a glob (``*``, ``?``, ``[``, ``**``): the matches, sorted.
- ``-``: paths read from standard input, one per line.

Paths in ``SourceOptions.exclude`` (the run's output: a JSONL file, or a
Parquet directory with its temporary part files) are never inputs, however
they are named: directly, through a directory, a glob or ``-``.

WARC reader: warcio. FastWARC is several times faster at reading records,
but it deliberately leaves chunked transfer-encoding and gzip/brotli
content-encoding to the caller, and raw HTTP bodies as crawlers store them
are often chunked or compressed; warcio's ``content_stream()`` decodes both.
warcio is pure Python (no compiled wheel to find for every platform), is the
reader of Webrecorder's own tools and reads both ``.warc`` and per-record
``.warc.gz``. Reading is not the bottleneck: parsing a page costs tens of
milliseconds, reading its record well under one.
"""

from __future__ import annotations

import glob
import gzip
import importlib
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from newsparse.batch.errors import (
    InputNotFoundError,
    InputReadError,
    InvalidRecordError,
)
from newsparse.batch.results import Result, one_line
from newsparse.document import Limits
from newsparse.errors import InputTooLargeError

__all__ = [
    "DEFAULT_HTML_KEYS",
    "DEFAULT_URL_KEYS",
    "Page",
    "SourceOptions",
    "excluded_paths",
    "input_kind",
    "iter_pages",
    "read_file",
    "read_payload",
]

DEFAULT_HTML_KEYS: tuple[str, ...] = ("html", "raw_html", "content", "body")
"""JSONL keys tried, in order, for the page's HTML."""

DEFAULT_URL_KEYS: tuple[str, ...] = ("url", "final_url", "uri", "link")
"""JSONL keys tried, in order, for the page's URL."""

_HTML_EXT = (".html", ".htm", ".xhtml", ".shtml")
_HTML_SUFFIXES = _HTML_EXT + tuple(ext + ".gz" for ext in _HTML_EXT)
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/html"})
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"
_READ_ERRORS = (OSError, EOFError, zlib.error)


@dataclass(frozen=True)
class Page:
    """One page to parse: inline ``html``, or a ``path`` the worker reads (gzip or not).

    ``source`` names it in the output and is the key ``--resume`` skips on;
    it must be unique within a run.
    """

    source: str
    html: bytes | str | None = None
    url: str | None = None
    encoding: str | None = None
    """The charset the transport declared (an HTTP header), if any."""
    path: str | None = None


@dataclass(frozen=True)
class SourceOptions:
    """How inputs are read."""

    html_keys: Sequence[str] = DEFAULT_HTML_KEYS
    """JSONL keys tried, in order, for the HTML."""
    url_keys: Sequence[str] = DEFAULT_URL_KEYS
    """JSONL keys tried, in order, for the URL."""
    max_bytes: int = Limits().max_bytes
    """Pages larger than this are not parsed: an ``InputTooLargeError`` row instead."""
    skipped: dict[str, int] = field(default_factory=dict, compare=False)
    """Counts of container records that are not pages (filled while reading)."""
    exclude: tuple[str, ...] = ()
    """Paths that are never inputs, nor anything under them (the run's own output)."""

    def excluded(self, path: str) -> bool:
        """True when ``path`` is one of :attr:`exclude` or lies under one (links resolved)."""
        if not self.exclude:
            return False
        real = os.path.realpath(path)
        return any(real == ex or real.startswith(ex.rstrip(os.sep) + os.sep)
                   for ex in self.exclude)


_OUTPUT = "files of the output"
"""The ``skipped`` reason of an input that is the run's own output."""


def excluded_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[str, ...]:
    """``paths`` resolved for :attr:`SourceOptions.exclude` (``-``, standard output, left out)."""
    names = [os.fspath(p) for p in paths]
    return tuple(os.path.realpath(name) for name in names if name != "-")


def input_kind(path: str) -> str | None:
    """'html', 'jsonl' or 'warc' from a file name; None for other names."""
    name = path.lower()
    if name.endswith(_WARC_SUFFIXES):
        return "warc"
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_HTML_SUFFIXES):
        return "html"
    return None


def iter_pages(
    inputs: Iterable[str | os.PathLike[str] | Page], options: SourceOptions | None = None
) -> Iterator[Page | Result]:
    """The pages named by ``inputs``, and an error row for each input that cannot give one."""
    opts = options or SourceOptions()
    for item in inputs:
        if isinstance(item, Page):
            yield item
            continue
        name = os.fspath(item)
        if name == "-":
            for line in sys.stdin:
                path = line.strip()
                if path:
                    yield from _expand(path, opts)
        else:
            yield from _expand(name, opts)


def _expand(name: str, opts: SourceOptions) -> Iterator[Page | Result]:
    if os.path.isdir(name):
        yield from _walk(name, opts)
    elif os.path.lexists(name):
        yield from _file(name, input_kind(name) or "html", opts)
    elif glob.has_magic(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield Result.from_exception(name, InputNotFoundError("no file matches this pattern"))
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, opts)
            else:
                yield from _file(match, input_kind(match) or "html", opts)
    else:
        yield Result.from_exception(name, InputNotFoundError("no such file or directory"))


def _walk(top: str, opts: SourceOptions) -> Iterator[Page | Result]:
    if opts.excluded(top):
        opts.skipped[_OUTPUT] = opts.skipped.get(_OUTPUT, 0) + 1
        return
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=errors.append):
        dirnames.sort()
        for name in [d for d in dirnames if opts.excluded(os.path.join(dirpath, d))]:
            dirnames.remove(name)
            opts.skipped[_OUTPUT] = opts.skipped.get(_OUTPUT, 0) + 1
        for filename in sorted(filenames):
            path = os.path.join(dirpath, filename)
            kind = input_kind(path)
            if kind is not None:
                yield from _file(path, kind, opts)
        while errors:
            exc = errors.pop(0)
            where = exc.filename if isinstance(exc.filename, str) else dirpath
            yield Result.from_exception(where, InputReadError(f"cannot list directory: {_os(exc)}"))
    while errors:
        exc = errors.pop(0)
        where = exc.filename if isinstance(exc.filename, str) else top
        yield Result.from_exception(where, InputReadError(f"cannot list directory: {_os(exc)}"))


def _file(path: str, kind: str, opts: SourceOptions) -> Iterator[Page | Result]:
    if opts.excluded(path):
        opts.skipped[_OUTPUT] = opts.skipped.get(_OUTPUT, 0) + 1
    elif kind == "jsonl":
        yield from _iter_jsonl(path, opts)
    elif kind == "warc":
        yield from _iter_warc(path, opts)
    else:
        yield Page(source=path, path=path)


def _os(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return one_line(f"{type(exc).__name__}: {exc}")


# ------------------------------------------------------------------ JSONL


def _open_maybe_gzip(path: str) -> BinaryIO:
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    try:
        magic = raw.read(2)
        raw.seek(0)
    except OSError:
        raw.close()
        raise
    if magic == _GZIP_MAGIC:
        raw.close()  # a GzipFile never closes a file object it was given: let it own one
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return raw


def _iter_jsonl(path: str, opts: SourceOptions) -> Iterator[Page | Result]:
    try:
        stream = _open_maybe_gzip(path)
    except OSError as exc:
        yield Result.from_exception(path, InputReadError(f"cannot read: {_os(exc)}"))
        return
    # JSON escapes can make a line several times longer than the HTML it holds.
    cap = 6 * opts.max_bytes + 65536
    lineno = 0
    with stream:
        try:
            while True:
                line = stream.readline(cap)
                if not line:
                    break
                lineno += 1
                source = f"{path}:{lineno}"
                if len(line) >= cap and not line.endswith(b"\n"):
                    while True:  # skip the rest of the oversized line
                        rest = stream.readline(1 << 20)
                        if not rest or rest.endswith(b"\n"):
                            break
                    yield Result.from_exception(
                        source, InputTooLargeError(len(line), opts.max_bytes)
                    )
                    continue
                if not line.strip():
                    continue
                yield _record(source, line, opts)
        except _READ_ERRORS as exc:
            yield Result.from_exception(
                path, InputReadError(f"corrupt or truncated after line {lineno}: {_os(exc)}")
            )


def _record(source: str, line: bytes, opts: SourceOptions) -> Page | Result:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Result.from_exception(source, InvalidRecordError(f"not valid JSON: {exc}"))
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return Result.from_exception(source, InvalidRecordError(f"a JSON {kind}, not an object"))
    url = next((obj[k] for k in opts.url_keys if isinstance(obj.get(k), str)), None)
    key = next((k for k in opts.html_keys if k in obj), None)
    if key is None:
        keys = ", ".join(opts.html_keys)
        return Result.from_exception(
            source, InvalidRecordError(f"no HTML field (looked for: {keys})"), url
        )
    html = obj[key]
    if not isinstance(html, str):
        kind = type(html).__name__
        return Result.from_exception(
            source, InvalidRecordError(f"field {key!r} is a JSON {kind}, not a string"), url
        )
    if len(html) > opts.max_bytes:  # characters <= UTF-8 bytes; the parser checks exactly
        size = len(html.encode("utf-8", errors="replace"))
        return Result.from_exception(source, InputTooLargeError(size, opts.max_bytes), url)
    return Page(source=source, html=html, url=url)


# ------------------------------------------------------------------ WARC


def _iter_warc(path: str, opts: SourceOptions) -> Iterator[Page | Result]:
    try:
        archive: Any = importlib.import_module("warcio.archiveiterator")
    except ImportError:
        yield Result.from_exception(
            path, InputReadError("reading WARC needs warcio: pip install 'newsparse[warc]'")
        )
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield Result.from_exception(path, InputReadError(f"cannot read: {_os(exc)}"))
        return
    offset = 0
    with stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            records = archive.ArchiveIterator(stream)
            seen = 0
            for record in records:
                seen += 1
                page = _warc_page(record, records, path, opts)
                if page is not None:
                    yield page
                    if isinstance(page, Result) and page.error and page.error.type == _TRUNCATED:
                        return
                # warcio knows a record's offset only once it has read the record to its end
                offset = records.get_record_offset()
            end = 0
            if seen:
                end = (records.get_record_offset() or 0) + (records.get_record_length() or 0)
            # An uncompressed record is followed by a 4-byte separator that the length omits.
            if size - end > 4:
                yield Result.from_exception(
                    path,
                    InputReadError(
                        f"truncated or corrupt WARC: {size - end:,} bytes after offset {end:,} "
                        "hold no complete record"
                    ),
                )
        except Exception as exc:  # warcio raises a variety: ArchiveLoadFailed, zlib, EOF...
            yield Result.from_exception(
                path,
                InputReadError(f"corrupt or truncated WARC after offset {offset}: {_os(exc)}"),
            )


_TRUNCATED = InputReadError.__name__


def _warc_page(record: Any, records: Any, path: str, opts: SourceOptions) -> Page | Result | None:
    skipped = opts.skipped
    if record.rec_type != "response" or record.http_headers is None:
        reason = "WARC records that are not HTTP responses"
        skipped[reason] = skipped.get(reason, 0) + 1
        return None
    http = record.http_headers
    content_type = http.get_header("Content-Type") or ""
    mime = content_type.split(";", 1)[0].strip().lower()
    status = str(http.get_statuscode() or "")
    if mime not in _HTML_TYPES or not status.startswith("2"):
        reason = "WARC responses not HTML" if mime not in _HTML_TYPES else "WARC responses not 2xx"
        skipped[reason] = skipped.get(reason, 0) + 1
        return None
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>") or None
    match = _CHARSET.search(content_type)
    encoding = match.group(1) if match else None
    try:
        data = record.content_stream().read(opts.max_bytes + 1)
    except Exception as exc:  # bad chunking, corrupt content-encoding...
        source = f"{path}@{records.get_record_offset()}"
        return Result.from_exception(
            source, InvalidRecordError(f"cannot decode the HTTP payload: {_os(exc)}"), url
        )
    if len(data) > opts.max_bytes:
        source = f"{path}@{records.get_record_offset()}"
        return Result.failure(
            source,
            InputTooLargeError.__name__,
            f"payload is over the limit of {opts.max_bytes:,} bytes",
            url,
        )
    raw = record.raw_stream
    missing = int(getattr(raw, "limit", 0) or 0)
    truncated = bool(missing) and len(raw.read(missing)) < missing
    source = f"{path}@{records.get_record_offset()}"
    if truncated:
        return Result.from_exception(
            source, InputReadError("truncated WARC record: the file ends inside it"), url
        )
    return Page(source=source, html=data, url=url, encoding=encoding)


# ------------------------------------------------------------------ reading a page


class PayloadError(Exception):
    """A page's payload could not be read; carries the error row's type and message."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type


def read_payload(page: Page, max_bytes: int) -> bytes | str:
    """The page's HTML: inline, or read from ``page.path`` (see :func:`read_file`).

    Raises :class:`PayloadError` for an unreadable or special file, corrupt gzip or a page
    over ``max_bytes``.
    """
    if page.html is not None:
        return page.html
    try:
        return read_file(page.path or page.source, max_bytes)
    except (InputReadError, InputTooLargeError) as exc:
        raise PayloadError(type(exc).__name__, str(exc)) from exc


def read_file(path: str, max_bytes: int) -> bytes:
    """The bytes of the page file ``path``, gunzipped when it is gzip, at most ``max_bytes``.

    Only regular files are read: a directory, FIFO, socket or device is refused
    without blocking on it (the file is opened non-blocking and checked before any
    read). Raises :class:`~newsparse.batch.InputReadError` (cannot open, not a
    regular file, corrupt gzip) or :class:`~newsparse.InputTooLargeError`.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputReadError(f"cannot read: {_os(exc)}") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            os.close(fd)
            raise InputReadError(f"cannot read: {_file_type(mode)}, not a regular file")
        os.set_blocking(fd, True)
        with open(fd, "rb") as raw:
            return _read_capped(raw, max_bytes)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputReadError(f"corrupt gzip: {_os(exc)}") from exc
    except OSError as exc:
        raise InputReadError(f"cannot read: {_os(exc)}") from exc


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "a special file"


def _read_capped(raw: BinaryIO, max_bytes: int) -> bytes:
    size = os.fstat(raw.fileno()).st_size
    magic = raw.read(2)
    raw.seek(0)
    if magic == _GZIP_MAGIC:
        with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
            data = unzipped.read(max_bytes + 1)
        if len(data) > max_bytes:
            too_large = InputTooLargeError(len(data), max_bytes)
            too_large.args = (f"decompresses to more than the limit of {max_bytes:,} bytes",)
            raise too_large
        return data
    if size > max_bytes:
        raise InputTooLargeError(size, max_bytes)
    data = raw.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew while we read it
        raise InputTooLargeError(len(data), max_bytes)
    return data


def expand_paths(inputs: Iterable[str]) -> list[str]:
    """``inputs`` with ``-`` replaced by the paths listed on standard input (read once)."""
    out: list[str] = []
    for name in inputs:
        if name == "-":
            out.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            out.append(name)
    return out


def count_pages(
    inputs: Iterable[str | os.PathLike[str] | Page], exclude: tuple[str, ...] = ()
) -> int | None:
    """How many pages ``inputs`` hold when that is cheap to know (files, plain JSONL), else None.

    Used for the progress bar's ETA; never reads a WARC or a compressed JSONL.
    ``exclude``: as :attr:`SourceOptions.exclude` (see :func:`excluded_paths`).
    """
    opts = SourceOptions(exclude=exclude)
    total = 0
    for item in inputs:
        if isinstance(item, Page):
            total += 1
            continue
        name = os.fspath(item)
        if name == "-":
            return None
        paths: list[str]
        if os.path.isdir(name):
            paths = [
                os.path.join(d, f) for d, _, fs in os.walk(name) for f in fs if input_kind(f)
            ]
        elif os.path.lexists(name):
            paths = [name]
        elif glob.has_magic(name):
            paths = []
            for match in glob.glob(name, recursive=True):
                if os.path.isdir(match):
                    paths.extend(
                        os.path.join(d, f) for d, _, fs in os.walk(match) for f in fs
                        if input_kind(f)
                    )
                else:
                    paths.append(match)
            total += not paths
        else:
            total += 1
            continue
        for path in paths:
            if opts.excluded(path):
                continue
            kind = input_kind(path)
            if kind == "warc" or (kind == "jsonl" and path.lower().endswith(".gz")):
                return None
            if kind == "jsonl":
                try:
                    total += _count_lines(Path(path))
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    count = 0
    last = b"\n"
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")

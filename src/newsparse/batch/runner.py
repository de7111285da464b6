"""``parse_many``: many pages through a pool of worker processes, one result per input.

The pool is newsparse's own, small and explicit, because the guarantees a
crawl pipeline needs are per page:

- **every input gives exactly one result**: an Article, or an error row
  (unreadable input, invalid record, oversized page, a page newsparse rejects,
  a time-out, a crashed worker);
- **time limit without signals in the parent**: each worker holds one page at
  a time; the parent waits on the workers' pipes with a timeout computed from
  the oldest start time, and kills a worker whose page runs over the limit.
  That page becomes a ``ParseTimeoutError`` row, a fresh worker takes its
  place and the run goes on;
- **a worker that dies** (segfault, ``os._exit``, the OOM killer) is noticed
  through its process sentinel: its page becomes a ``WorkerCrashedError`` row
  and the worker is replaced;
- **flat memory**: inputs are read lazily, only as workers become free (at
  most one page per worker in flight, plus a bounded reorder window when
  ``ordered``); results are yielded, never accumulated; each worker is
  replaced after ``max_tasks_per_child`` pages so that allocator
  fragmentation cannot build up;
- **size limit**: a page over ``max_bytes`` is not parsed (an
  ``InputTooLargeError`` row); files are size-checked before they are read and
  gzip is decompressed with a cap.

Order: by default results come in completion order (the fastest for a
pipeline); ``ordered=True`` yields them in input order, holding at most a
bounded window of finished results while an earlier page is still running.

Workers are started with the ``forkserver`` method where the platform has it
(``spawn`` elsewhere): safe even when the caller runs threads, and cheap to
replace, since the server has newsparse imported already (measured on 42
pages, 2 workers: forkserver as fast as ``fork``; ``spawn`` 10x slower when
workers are replaced every 2 pages). Like ``spawn``, a forkserver worker
imports the caller's main script, so a script that calls ``parse_many`` at
its top level, without an ``if __name__ == "__main__":`` guard, would run
again inside every worker. A worker that finds itself in that situation exits
at once with a known status, and the parent raises
:class:`~newsparse.batch.WorkerStartError` with a one-line explanation: a
worker that dies before it has said it is ready is never a page's crash row.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from newsparse.batch.errors import WorkerCrashedError, WorkerStartError
from newsparse.batch.results import Result, one_line
from newsparse.batch.sources import (
    DEFAULT_HTML_KEYS,
    DEFAULT_URL_KEYS,
    Page,
    PayloadError,
    SourceOptions,
    excluded_paths,
    iter_pages,
    read_payload,
)
from newsparse.errors import ParseTimeoutError
from newsparse.models import Article
from newsparse.parser import Parser

__all__ = ["BatchStats", "ParseFn", "default_workers", "parse_many"]


class ParseFn(Protocol):
    """What a worker calls for each page (``Parser.parse`` by default)."""

    def __call__(
        self, html: bytes | str, url: str | None = None, *, encoding: str | None = None
    ) -> Article:
        """Parse one page."""
        ...


@dataclass
class BatchStats:
    """Counters of a run, updated as results are yielded."""

    started: float = field(default_factory=time.monotonic)
    """``time.monotonic()`` at the start."""
    articles: int = 0
    """Inputs that gave an Article."""
    errors: Counter[str] = field(default_factory=Counter)
    """Error rows by error type."""
    skipped: int = 0
    """Inputs not processed because ``skip`` holds their source (``--resume``)."""
    not_pages: dict[str, int] = field(default_factory=dict)
    """Container records that are not pages (WARC requests, non-HTML responses...), by reason."""
    workers_started: int = 0
    """Worker processes started, replacements included."""

    @property
    def done(self) -> int:
        """Results yielded so far."""
        return self.articles + self.error_count

    @property
    def error_count(self) -> int:
        """Error rows yielded so far."""
        return sum(self.errors.values())

    @property
    def elapsed(self) -> float:
        """Seconds since the start."""
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Results per second since the start."""
        elapsed = self.elapsed
        return self.done / elapsed if elapsed > 0 else 0.0

    def count(self, result: Result) -> None:
        """Account for one yielded result."""
        if result.error is None:
            self.articles += 1
        else:
            self.errors[result.error.type] += 1

    def summary(self) -> str:
        """A one-paragraph summary: counts by outcome, error types, pages/s."""
        parts = [
            f"{self.done:,} inputs in {self.elapsed:.1f} s ({self.rate:.1f} pages/s): "
            f"{self.articles:,} articles, {self.error_count:,} errors"
        ]
        if self.errors:
            kinds = ", ".join(f"{n:,} {kind}" for kind, n in self.errors.most_common())
            parts[0] += f" ({kinds})"
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped (already in the output)")
        for reason, n in sorted(self.not_pages.items()):
            parts.append(f"{n:,} {reason} ignored")
        return "; ".join(parts)


def default_workers() -> int:
    """The number of CPUs this process may use."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def parse_many(
    inputs: Iterable[str | os.PathLike[str] | Page] | str | os.PathLike[str] | Page,
    *,
    workers: int | None = None,
    parser: Parser | None = None,
    timeout: float | None = 60.0,
    max_bytes: int | None = None,
    ordered: bool = False,
    skip: Iterable[str] | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    html_keys: Sequence[str] = DEFAULT_HTML_KEYS,
    url_keys: Sequence[str] = DEFAULT_URL_KEYS,
    max_tasks_per_child: int | None = 1000,
    parse_fn: ParseFn | None = None,
    start_method: str | None = None,
    stats: BatchStats | None = None,
) -> Generator[Result, None, None]:
    """Parse many pages in parallel; yield one :class:`Result` per input.

    ``inputs``: paths, directories (recursive), globs, JSONL and WARC files, ``-``
    (paths on stdin) and :class:`Page` objects (in-memory HTML), mixed freely; see
    :mod:`newsparse.batch.sources`. A ``str`` is always a path, never HTML.

    ``workers``: processes (default: every CPU); ``0`` parses in this process
    (no isolation, no time limit: for debugging). ``parser``: the options
    (``Parser()`` by default). ``timeout``: seconds per page before its worker is
    killed and replaced (None: no limit). ``max_bytes``: larger pages are not parsed
    (default: the parser's ``limits.max_bytes``). ``ordered``: yield in input order
    instead of completion order. ``skip``: sources to leave out (already done).
    ``exclude``: paths that are never inputs, nor anything under them (the
    output of the run: a directory or glob that covers it does not read it back).
    ``html_keys``/``url_keys``: JSONL keys tried in order. ``max_tasks_per_child``:
    pages before a worker is replaced (None: never). ``parse_fn``: a picklable
    replacement for ``parser.parse`` (tests, custom pipelines). ``stats``: a
    :class:`BatchStats` updated as results are yielded.

    Errors never escape for a bad input: they are error rows. Closing the
    iterator early (or an exception in the caller) stops the workers.
    """
    if isinstance(inputs, (str, os.PathLike, Page)):
        inputs = [inputs]
    count = default_workers() if workers is None else workers
    if count < 0:
        raise ValueError(f"workers must be >= 0, not {workers}")
    if count > 0 and _importing_main_in_a_child():
        # This process is a worker importing the caller's main script, which calls
        # parse_many() at its top level: leave quietly, the parent explains.
        os._exit(_NO_MAIN_GUARD_STATUS)
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be > 0 seconds or None, not {timeout}")
    if max_tasks_per_child is not None and max_tasks_per_child < 1:
        raise ValueError(f"max_tasks_per_child must be >= 1 or None, not {max_tasks_per_child}")
    the_parser = parser or Parser()
    limit = the_parser.limits.max_bytes if max_bytes is None else max_bytes
    fn: ParseFn = parse_fn or the_parser.parse
    run_stats = stats if stats is not None else BatchStats()
    options = SourceOptions(
        html_keys=tuple(html_keys), url_keys=tuple(url_keys), max_bytes=limit,
        skipped=run_stats.not_pages, exclude=excluded_paths(exclude),
    )
    items = iter_pages(inputs, options)
    if skip is not None:
        items = _skipping(items, frozenset(skip) if not isinstance(skip, (set, frozenset))
                          else skip, run_stats)
    if count == 0:
        return _in_process(items, fn, limit, run_stats)
    pool = _Pool(
        count,
        fn,
        limit,
        timeout=timeout,
        max_tasks=max_tasks_per_child,
        ordered=ordered,
        start_method=start_method,
        stats=run_stats,
    )
    return pool.run(items)


_NO_MAIN_GUARD_STATUS = 87
"""Exit status of a worker that was asked to start workers itself while importing ``__main__``."""

_READY = "newsparse-worker-ready"
"""The first message of every worker: it has started (imports done) and waits for pages."""


def _importing_main_in_a_child() -> bool:
    """True in a multiprocessing child that is still importing the parent's main module."""
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def _main_script() -> str | None:
    """The path of the main script when ``__main__`` is a file run as a script, else None."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return None
    path = getattr(main, "__file__", None)
    return path if isinstance(path, str) else None


def _start_failure(how: str, exitcode: int | None) -> WorkerStartError:
    script = _main_script()
    if exitcode == _NO_MAIN_GUARD_STATUS:
        where = f"the script {script}" if script else "the main module"
        return WorkerStartError(
            f"worker processes cannot start: {where} calls parse_many() when it is imported, "
            "and every worker imports it; put the script's top-level code under "
            '`if __name__ == "__main__":`'
        )
    hint = (
        f" (if {script} does work at import time, put it under "
        '`if __name__ == "__main__":`: every worker imports the main script)'
        if script else ""
    )
    return WorkerStartError(f"a worker process {how} before it was ready{hint}")


def _skipping(
    items: Iterator[Page | Result], skip: frozenset[str] | set[str], stats: BatchStats
) -> Iterator[Page | Result]:
    for item in items:
        if item.source in skip:
            stats.skipped += 1
            continue
        yield item


def _parse_one(page: Page, fn: ParseFn, max_bytes: int) -> tuple[Article | None, str, str]:
    """Parse one page; returns (article, '', '') or (None, error type, message)."""
    try:
        html = read_payload(page, max_bytes)
        article = fn(html, page.url, encoding=page.encoding)
    except PayloadError as exc:
        return None, exc.error_type, str(exc)
    except Exception as exc:  # every failure of one page is that page's error row
        return None, type(exc).__name__, one_line(str(exc)) or repr(exc)
    if not isinstance(article, Article):
        return None, "TypeError", f"the parse function returned {type(article).__name__}"
    return article, "", ""


def _result(page: Page, article: Article | None, error_type: str, message: str) -> Result:
    if article is not None:
        return Result(source=page.source, url=page.url, article=article)
    return Result.failure(page.source, error_type, message, page.url)


def _in_process(
    items: Iterator[Page | Result], fn: ParseFn, max_bytes: int, stats: BatchStats
) -> Generator[Result, None, None]:
    for item in items:
        if isinstance(item, Result):
            result = item
        else:
            result = _result(item, *_parse_one(item, fn, max_bytes))
        stats.count(result)
        yield result


# ------------------------------------------------------------------ worker side


def _die_with_parent() -> None:
    """Ask Linux to kill this worker if its parent dies (a hung page must not outlive a run)."""
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _worker_main(conn: Connection, fn: ParseFn, max_bytes: int) -> None:
    """A worker's loop: receive (seq, page), send (seq, article, error type, message)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    frozen = False
    try:
        conn.send(_READY)
    except (BrokenPipeError, EOFError, OSError):
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, page = message
        article, error_type, text = _parse_one(page, fn, max_bytes)
        try:
            conn.send((seq, article, error_type, text))
        except (BrokenPipeError, EOFError):
            return
        except Exception as exc:  # the Article could not be pickled
            conn.send((seq, None, type(exc).__name__, one_line(f"cannot send the result: {exc}")))
        if not frozen:
            del article, page, message
            _freeze_long_lived()
            frozen = True


def _freeze_long_lived() -> None:
    """Leave what the worker holds after its first page (modules, compiled patterns, the
    language model, pydantic's validators) out of the cyclic collector's full passes.

    A parse allocates thousands of container objects that live for the page, so the
    collector runs its full pass every few pages; each pass traverses every object in
    the process, most of them the tens of thousands loaded once.  ``gc.freeze`` moves
    those to a generation it never traverses (a worker process is ours to tune; the
    library itself leaves the collector alone).  Their memory is not given up: it
    stays in use while the worker lives, as it did before.
    """
    gc.collect()
    gc.freeze()


# ------------------------------------------------------------------ parent side


class _Worker:
    __slots__ = ("conn", "page", "process", "ready", "seq", "started", "tasks")

    def __init__(self, ctx: Any, fn: ParseFn, max_bytes: int) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.process: Any = ctx.Process(
            target=_worker_main, args=(child_end, fn, max_bytes), daemon=True
        )
        self.process.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.page: Page | None = None
        self.seq = -1
        self.started = 0.0
        self.tasks = 0
        self.ready = False

    def check_started(self) -> None:
        """Raise :class:`WorkerStartError` if this dead worker never said it was ready."""
        if not self.ready:
            with contextlib.suppress(Exception):
                if self.conn.poll() and self.conn.recv() == _READY:
                    self.ready = True
        if not self.ready:
            how = self.death()
            raise _start_failure(how, self.process.exitcode)

    def stop(self, *, kill: bool) -> None:
        """Stop the process: ask it to exit, or kill it; then reap it."""
        if kill:
            with contextlib.suppress(Exception):
                self.process.kill()
        else:
            with contextlib.suppress(Exception):
                self.conn.send(None)
        self.conn.close()

    def death(self) -> str:
        """How the process ended, for the error message."""
        self.process.join(timeout=1.0)
        code = self.process.exitcode
        if code is None:
            return "stopped answering"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            return f"was killed by {name}"
        return f"exited with status {code}"


def _context(start_method: str | None) -> Any:
    methods = multiprocessing.get_all_start_methods()
    method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["newsparse.batch.runner"])
    return ctx


class _Pool:
    """The parent's side: dispatch, watch, replace, yield."""

    def __init__(
        self,
        size: int,
        fn: ParseFn,
        max_bytes: int,
        *,
        timeout: float | None,
        max_tasks: int | None,
        ordered: bool,
        start_method: str | None,
        stats: BatchStats,
    ) -> None:
        self.size = size
        self.fn = fn
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.max_tasks = max_tasks
        self.ordered = ordered
        self.window = max(32, 16 * size)
        self.ctx = _context(start_method)
        self.stats = stats
        self.out: deque[Result] = deque()
        self.pending: dict[int, Result] = {}
        self.next_out = 0
        self.retired: list[_Worker] = []

    def _spawn(self) -> _Worker:
        self.stats.workers_started += 1
        return _Worker(self.ctx, self.fn, self.max_bytes)

    def _emit(self, seq: int, result: Result) -> None:
        self.stats.count(result)
        if not self.ordered:
            self.out.append(result)
            return
        self.pending[seq] = result
        while self.next_out in self.pending:
            self.out.append(self.pending.pop(self.next_out))
            self.next_out += 1

    def _dispatch(self, index: int, workers: list[_Worker], seq: int, page: Page) -> None:
        for _attempt in range(3):
            worker = workers[index]
            try:
                if not worker.process.is_alive():
                    raise BrokenPipeError("worker is gone")
                worker.conn.send((seq, page))
            except (BrokenPipeError, ConnectionResetError, EOFError, OSError):
                worker.check_started()
                worker.stop(kill=True)
                self.retired.append(worker)
                workers[index] = self._spawn()
                continue
            worker.page, worker.seq, worker.started = page, seq, time.monotonic()
            return
        self._emit(seq, Result.from_exception(
            page.source, WorkerCrashedError("could not start a worker for this page"), page.url
        ))

    def _finish(self, index: int, workers: list[_Worker]) -> None:
        """Read the result of a worker whose pipe or sentinel is ready."""
        worker = workers[index]
        page, seq = worker.page, worker.seq
        assert page is not None
        message: Any = None
        try:
            if worker.conn.poll():
                message = worker.conn.recv()
                if message == _READY:  # the time limit counts from here: parsing, not starting
                    worker.ready = True
                    worker.started = time.monotonic()
                    if worker.process.is_alive() and not worker.conn.poll():
                        return  # the page is still being parsed
                    message = worker.conn.recv()
        except (EOFError, OSError):
            message = None
        except Exception as exc:  # an unpicklable result
            message = (seq, None, type(exc).__name__, one_line(f"cannot read the result: {exc}"))
        if message is None:
            worker.check_started()
            how = worker.death()
            self._emit(seq, Result.from_exception(
                page.source,
                WorkerCrashedError(f"the worker process {how} while parsing this page"),
                page.url,
            ))
            worker.stop(kill=True)
            self.retired.append(worker)
            workers[index] = self._spawn()
            return
        _, article, error_type, text = message
        self._emit(seq, _result(page, article, error_type, text))
        worker.page = None
        worker.tasks += 1
        if self.max_tasks is not None and worker.tasks >= self.max_tasks:
            worker.stop(kill=False)
            self.retired.append(worker)
            workers[index] = self._spawn()

    def _expire(self, index: int, workers: list[_Worker]) -> None:
        worker = workers[index]
        page = worker.page
        assert page is not None
        worker.stop(kill=True)
        self.retired.append(worker)
        self._emit(worker.seq, Result.from_exception(
            page.source,
            ParseTimeoutError(f"parsing took longer than the limit of {self.timeout:g} s"),
            page.url,
        ))
        workers[index] = self._spawn()

    def _reap(self) -> None:
        alive = []
        for worker in self.retired:
            if worker.process.exitcode is None:
                alive.append(worker)
            else:
                worker.process.join(timeout=0)
        self.retired = alive

    def run(self, items: Iterator[Page | Result]) -> Generator[Result, None, None]:
        """Yield the results of ``items`` (see the module doc)."""
        workers: list[_Worker] = []  # started as pages arrive, up to self.size
        seq = 0
        exhausted = False
        clean = False
        try:
            while True:
                while not exhausted and (
                    len(workers) < self.size or any(w.page is None for w in workers)
                ):
                    if len(self.out) >= self.window or (
                        self.ordered and seq - self.next_out >= self.window
                    ):
                        break
                    item = next(items, None)
                    if item is None:
                        exhausted = True
                        break
                    if isinstance(item, Result):
                        self._emit(seq, item)
                    else:
                        index = next((i for i, w in enumerate(workers) if w.page is None), -1)
                        if index < 0:
                            workers.append(self._spawn())
                            index = len(workers) - 1
                        self._dispatch(index, workers, seq, item)
                    seq += 1
                while self.out:
                    yield self.out.popleft()
                busy = [i for i, w in enumerate(workers) if w.page is not None]
                if not busy:
                    if exhausted:
                        break
                    continue
                wait_for = None
                if self.timeout is not None:
                    oldest = min(workers[i].started for i in busy)
                    wait_for = max(0.0, oldest + self.timeout - time.monotonic())
                handles: list[Any] = []
                for i in busy:
                    handles.append(workers[i].conn)
                    handles.append(workers[i].process.sentinel)
                ready = set(wait(handles, wait_for))
                now = time.monotonic()
                for i in busy:
                    worker = workers[i]
                    if worker.conn in ready or worker.process.sentinel in ready:
                        self._finish(i, workers)
                    elif self.timeout is not None and now - worker.started >= self.timeout:
                        self._expire(i, workers)
                if self.retired:
                    self._reap()
                while self.out:
                    yield self.out.popleft()
            clean = True
        finally:
            for worker in workers:
                worker.stop(kill=not clean or worker.page is not None)
            deadline = time.monotonic() + 5.0
            for worker in workers + self.retired:
                worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
                if worker.process.exitcode is None:
                    with contextlib.suppress(Exception):
                        worker.process.kill()
                    worker.process.join(timeout=1.0)

"""``newsparse batch``: the command line over :func:`~newsparse.batch.parse_many`.

Exit status: 0 when every input was processed (error rows included) and at
least one gave an article, 1 when every input of the run gave an error row
(or, with ``--fail-on-error``, when any did), 2 for usage errors, 3 when the
output cannot be opened, read (``--resume``) or written, 4 when the worker
processes cannot start, 130 when interrupted (the output then holds every row
finished so far: re-run with ``--resume`` to complete it).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from newsparse.batch.errors import WorkerStartError
from newsparse.batch.runner import BatchStats, default_workers, parse_many
from newsparse.batch.sources import (
    DEFAULT_HTML_KEYS,
    DEFAULT_URL_KEYS,
    count_pages,
    excluded_paths,
    expand_paths,
)
from newsparse.batch.writers import OutputError, open_writer
from newsparse.document import Limits
from newsparse.parser import Parser

__all__ = [
    "EXIT_ERRORS", "EXIT_OK", "EXIT_OUTPUT", "EXIT_USAGE", "EXIT_WORKERS", "register", "run",
]

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_OUTPUT, EXIT_WORKERS = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130

_EPILOG = """\
inputs: files (.html, .htm, .html.gz...), directories (recursive), globs,
JSONL (.jsonl, .jsonl.gz: one page per line), WARC (.warc, .warc.gz: HTML
responses), or - to read paths from standard input.

output: one JSON line per input, {"source", "url", "article", "error"}; with
--format parquet, a directory of Parquet parts with the same columns.

exit status: 0 every input processed (errors are rows), 1 every input failed
(or any did, with --fail-on-error), 2 usage error, 3 output unusable, 4 workers
cannot start, 130 interrupted.
"""


def _size(text: str) -> int:
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower().removesuffix("b").removesuffix("i")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        value = int(float(number) * factor)
    except ValueError:
        message = f"not a size: {text!r} (e.g. 5000000, 500K, 16M)"
        raise argparse.ArgumentTypeError(message) from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return value


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of workers: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("workers must be >= 0")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the time limit must be >= 0")
    return value


def register(sub: Any) -> None:
    """Add the ``batch`` sub-command to the CLI's argparse sub-parsers."""
    p = sub.add_parser(
        "batch",
        help="parse many pages (files, directories, globs, JSONL, WARC) in parallel",
        description="Parse many pages with a pool of worker processes; write one row per "
        "input (an article or an error) as JSONL or Parquet.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, glob, or -")
    p.add_argument(
        "-o", "--output", default="-", help="output file (JSONL) or directory (Parquet); "
        "default: standard output"
    )
    p.add_argument(
        "--format", choices=("jsonl", "parquet"), default=None,
        help="output format (default: parquet when OUTPUT ends with .parquet, else jsonl)",
    )
    p.add_argument(
        "-j", "--workers", type=_workers, default=None,
        help=f"worker processes (default: all cores, here {default_workers()}; 0: in-process)",
    )
    p.add_argument(
        "--timeout", type=_seconds, default=60.0,
        help="seconds one page may take before its worker is replaced (default 60; 0: none)",
    )
    p.add_argument(
        "--max-bytes", type=_size, default=Limits().max_bytes,
        help="pages larger than this are recorded as errors, not parsed (default 16M)",
    )
    p.add_argument(
        "--html-key", action="append", dest="html_keys", metavar="KEY",
        help=f"JSONL key holding the HTML; repeatable (default: {', '.join(DEFAULT_HTML_KEYS)})",
    )
    p.add_argument(
        "--url-key", action="append", dest="url_keys", metavar="KEY",
        help=f"JSONL key holding the URL; repeatable (default: {', '.join(DEFAULT_URL_KEYS)})",
    )
    p.add_argument(
        "--ordered", action="store_true",
        help="write rows in input order (default: as they finish, which is faster)",
    )
    p.add_argument(
        "--resume", action="store_true",
        help="skip inputs already recorded in OUTPUT and append the rest",
    )
    p.add_argument("--no-widgets", action="store_true", help="skip the widget extractors")
    p.add_argument(
        "--max-tasks-per-child", type=int, default=1000, metavar="N",
        help="pages a worker parses before it is replaced (default 1000)",
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary"
    )
    p.add_argument(
        "--fail-on-error", action="store_true",
        help="exit with status 1 when any input gave an error row (without it: only when "
        "every input did)",
    )
    p.set_defaults(handler=run)


class _Progress:
    """A progress bar on stderr when it is a terminal: pages, pages/s, errors, ETA."""

    def __init__(self, enabled: bool, total: int | None, stats: BatchStats) -> None:
        self.stats = stats
        self.bar: Any = None
        self.enabled = enabled
        self.last = 0.0
        self.shown_errors = -1
        if not enabled:
            return
        try:
            tqdm_module: Any = importlib.import_module("tqdm")
        except ImportError:
            return
        tqdm_module.tqdm.monitor_interval = 0  # no monitor thread
        self.bar = tqdm_module.tqdm(
            total=total, unit="page", file=sys.stderr, dynamic_ncols=True, smoothing=0.05,
            desc="newsparse",
        )

    def update(self) -> None:
        """Account for one more result."""
        if not self.enabled:
            return
        now = time.monotonic()
        if self.bar is not None:
            self.bar.update(1)
            if self.stats.error_count != self.shown_errors and now - self.last > 0.5:
                self.shown_errors = self.stats.error_count
                self.bar.set_postfix(errors=self.shown_errors, refresh=False)
                self.last = now
        elif now - self.last > 0.5:  # no tqdm: a plain status line
            self.last = now
            sys.stderr.write(
                f"\rnewsparse: {self.stats.done:,} pages, {self.stats.rate:.1f} pages/s, "
                f"{self.stats.error_count:,} errors"
            )
            sys.stderr.flush()

    def close(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            self.bar.set_postfix(errors=self.stats.error_count, refresh=False)
            self.bar.close()
        elif self.enabled and self.last:
            sys.stderr.write("\n")


def _usage(message: str) -> int:
    print(f"newsparse batch: {message}", file=sys.stderr)
    return EXIT_USAGE


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Run ``newsparse batch`` with parsed arguments; returns the exit status."""
    fmt = args.format or ("parquet" if str(args.output).rstrip("/").endswith(".parquet")
                          else "jsonl")
    if args.resume and args.output == "-":
        return _usage("--resume needs --output FILE (it reads the rows already written)")
    if fmt == "parquet" and args.output == "-":
        return _usage("--format parquet needs --output DIRECTORY")
    if args.max_tasks_per_child < 1:
        return _usage("--max-tasks-per-child must be >= 1")
    inputs = expand_paths(args.inputs)
    try:
        writer = open_writer(args.output, fmt, resume=args.resume)
    except OutputError as exc:
        print(f"newsparse batch: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    stats = BatchStats()
    show = not args.quiet and sys.stderr.isatty()
    parser = Parser(limits=Limits(max_bytes=args.max_bytes), widgets=not args.no_widgets)
    results = parse_many(
        inputs,
        workers=args.workers,
        parser=parser,
        timeout=args.timeout or None,
        max_bytes=args.max_bytes,
        ordered=args.ordered,
        skip=writer.done if args.resume else None,
        exclude=[args.output],
        html_keys=args.html_keys or DEFAULT_HTML_KEYS,
        url_keys=args.url_keys or DEFAULT_URL_KEYS,
        max_tasks_per_child=args.max_tasks_per_child,
        stats=stats,
    )
    total = count_pages(inputs, excluded_paths([args.output])) if show else None
    progress = _Progress(show, total, stats)
    status = EXIT_OK
    previous: Callable[..., Any] | int | None = None
    with contextlib.suppress(ValueError):  # not the main thread
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        with contextlib.closing(results):
            for result in results:
                writer.write(result)
                progress.update()
    except KeyboardInterrupt:
        status = EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `newsparse batch ... | head`: stop quietly
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    except OutputError as exc:
        print(f"newsparse batch: {exc}", file=sys.stderr)
        status = EXIT_OUTPUT
    except WorkerStartError as exc:
        print(f"newsparse batch: {exc}", file=sys.stderr)
        status = EXIT_WORKERS
    finally:
        try:
            writer.close()
        except OutputError as exc:
            print(f"newsparse batch: {exc}", file=sys.stderr)
            status = EXIT_OUTPUT
        progress.close()
        if previous is not None:
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        print(f"newsparse batch: {stats.summary()}", file=sys.stderr)
        if status == EXIT_INTERRUPTED:
            print(
                "newsparse batch: interrupted; the output holds every finished row "
                "(re-run with --resume to complete it)",
                file=sys.stderr,
            )
    if status == EXIT_OK and stats.error_count and (args.fail_on_error or not stats.articles):
        return EXIT_ERRORS
    return status

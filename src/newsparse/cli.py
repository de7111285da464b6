"""The ``newsparse`` command line.

Exit status: 0 on success, 1 when newsparse rejects the input (a one-line
message on stderr, no traceback), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsparse import __version__
from newsparse.errors import NewsparseError
from newsparse.parser import Parser

__all__ = ["main"]

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="newsparse",
        description="Turn news pages into typed, validated data.",
    )
    ap.add_argument("--version", action="version", version=f"newsparse {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser(
        "parse",
        help="parse one page and print the Article",
        description="Parse one HTML page (a file, or - for stdin) and print the Article.",
    )
    p.add_argument("path", help="HTML file to parse, or - to read standard input")
    p.add_argument("--url", help="the page's URL (resolves relative links; stored)")
    p.add_argument("--encoding", help="charset declared by the transport (e.g. HTTP header)")
    p.add_argument(
        "--format",
        choices=("json", "markdown", "text"),
        default="json",
        help="output: the Article as JSON (default), the body as Markdown, or plain text",
    )
    p.add_argument("--indent", type=int, default=2, help="JSON indentation (0: one line)")
    try:
        from newsparse.batch.command import register
    except ImportError:  # pragma: no cover - batch is part of the package
        pass
    else:
        register(sub)
    _register_inspect(sub)
    return ap


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        data = _read(args.path)
    except OSError as exc:
        print(f"newsparse: cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_REJECTED
    try:
        article = Parser().parse(data, args.url, encoding=args.encoding)
    except NewsparseError as exc:
        print(f"newsparse: {args.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    if args.format == "json":
        out = article.model_dump_json(indent=args.indent or None)
    elif args.format == "markdown":
        out = article.to_markdown().rstrip("\n")
    else:
        out = article.text
    sys.stdout.write(out + "\n")
    return EXIT_OK


def _register_inspect(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``inspect`` command: a self-contained HTML report of what became what."""
    p = sub.add_parser(
        "inspect",
        help="write an HTML report showing each extracted region on the page",
        description="Parse one HTML page and write a self-contained HTML report: the "
        "page's own content (sanitised: nothing in it runs or loads) with body blocks, "
        "sections, takeaways, comments, ticker quotes, disclaimer, metadata sources and "
        "dropped boilerplate highlighted and labelled, a legend, and the extracted Article.",
    )
    p.add_argument("path", help="HTML file to inspect, or - to read standard input")
    p.add_argument("-o", "--output", help="report file to write (default: standard output)")
    p.add_argument("--url", help="the page's URL (resolves relative links; stored)")
    p.add_argument("--encoding", help="charset declared by the transport (e.g. HTTP header)")

    def run(args: argparse.Namespace) -> int:
        from newsparse.report import inspect_report

        try:
            data = _read(args.path)
        except OSError as exc:
            print(f"newsparse: cannot read {args.path}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_REJECTED
        try:
            report = inspect_report(data, args.url, encoding=args.encoding, title=args.path)
        except NewsparseError as exc:
            print(f"newsparse: {args.path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return EXIT_REJECTED
        if args.output is None:
            sys.stdout.write(report)
            return EXIT_OK
        try:
            Path(args.output).write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"newsparse: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_REJECTED
        return EXIT_OK

    p.set_defaults(handler=run)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    ap = _build_parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    try:
        if args.command == "parse":
            return _cmd_parse(args)
        handler = getattr(args, "handler", None)
        if handler is None:  # pragma: no cover - argparse requires a command
            ap.print_usage(sys.stderr)
            return EXIT_USAGE
        return int(handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK

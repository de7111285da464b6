"""Where newsparse.parse() spends its time, on a corpus, by module and by function.

    python benchmarks/profile_parse.py [--corpus DIR] [--limit N] [--input str|bytes] [--top N]

Runs one untimed warm-up pass, then one pass of ``newsparse.parse(page, url)``
over the corpus under cProfile, and prints (1) the share of total time spent in
each source file (own time, so it adds up to 100%: lxml's C functions and
builtins are grouped under "<built-in ...>"), and (2) the functions with the most
cumulative and own time.  Use it with compare.py's ratio to see which stage to
work on.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import DEFAULT_CORPUS, load_gold, load_pages, select_ids


def _where(filename: str, funcname: str) -> str:
    """A short label for a profiled function's home: package path or builtin group."""
    if filename == "~":
        # C functions: "<method 'xpath' of 'lxml.etree._Element' objects>", "<built-in ...>"
        if " of '" in funcname:
            owner = funcname.split(" of '", 1)[1].split("'", 1)[0]
            return f"<C: {owner.rsplit('.', 1)[0]}>"
        return "<C: builtins>"
    parts = Path(filename).parts
    for anchor in ("newsparse", "site-packages", "lib"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i + (anchor != "newsparse") :])
    return filename


def by_file(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time per source file (or C owner), largest first."""
    totals: dict[str, float] = defaultdict(float)
    raw = stats.stats  # type: ignore[attr-defined]
    for (filename, _line, funcname), (_cc, _nc, tottime, _ct, _callers) in raw.items():
        totals[_where(filename, funcname)] += tottime
    return sorted(totals.items(), key=lambda kv: -kv[1])


def main(argv: Sequence[str] | None = None) -> int:
    """Profile newsparse.parse over the corpus and print where the time goes."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, help="only this many pages (spread over the corpus)")
    ap.add_argument("--input", choices=("str", "bytes"), default="str")
    ap.add_argument("--top", type=int, default=25, help="functions to list")
    ap.add_argument("--save", type=Path, help="also write the raw cProfile data here")
    args = ap.parse_args(argv)

    import newsparse

    gold = load_gold(args.corpus)
    pages = load_pages(args.corpus, gold, select_ids(gold, args.limit))
    inputs = [(p.data.decode("utf-8") if args.input == "str" else p.data, p.url) for p in pages]
    for page, url in inputs:  # warm-up: lazy imports, compiled patterns
        newsparse.parse(page, url)

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for page, url in inputs:
        newsparse.parse(page, url)
    profiler.disable()
    wall = time.perf_counter() - started
    if args.save:
        profiler.dump_stats(str(args.save))

    stats = pstats.Stats(profiler)
    total = sum(t for _, t in by_file(stats)) or 1.0
    print(f"{len(inputs)} pages ({args.input}), {wall:.2f} s under the profiler\n")
    print("own time by file:")
    for where, t in by_file(stats)[:20]:
        print(f"  {100 * t / total:5.1f}%  {t:7.3f} s  {where}")
    print()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Does memory stay flat over many parses in one process?

    python benchmarks/memory_flat.py [--corpus DIR] [--parses 10000] [--every 500]
                                     [--lean] [--json OUT]

Parses the pages of a corpus (default ../shared/corpora/aeb-dev) round-robin,
``--parses`` times in one process, and samples the process's RSS every ``--every``
parses.  A library that leaks (a growing cache, proxies kept alive, a cycle the
collector never frees) shows a steady climb; a flat one climbs during the first
passes (imports, lazily built tables, the allocator's arenas) and then stays put.

The verdict compares the RSS after the first quarter of the parses with the RSS at
the end: ``growth after warm-up`` is that difference, and the slope is the
least-squares MB per 1,000 parses over the last three quarters.  Both are printed
with the machine's conditions; there is no pass/fail threshold here (this is a
benchmark, not a test).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from bench_pages import read_pages

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import newsparse  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "aeb-dev"


def _rss_mb() -> float:
    """This process's resident set size in MB (Linux /proc; 0.0 elsewhere)."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _pages(corpus: Path) -> list[bytes]:
    pages = read_pages(corpus)
    if not pages:
        raise SystemExit(f"no pages under {corpus}")
    return pages


def _slope(points: list[tuple[int, float]]) -> float:
    """Least-squares MB per 1,000 parses."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    cov = sum((x - mx) * (y - my) for x, y in points)
    return 1000 * cov / var if var else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--parses", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=500, help="sample RSS every N parses")
    ap.add_argument("--lean", action="store_true", help="Parser(widgets=False, mentions=False)")
    ap.add_argument("--json", type=Path, help="also write the samples here")
    args = ap.parse_args(argv)

    pages = _pages(args.corpus)
    parser = newsparse.Parser(widgets=False, mentions=False) if args.lean else newsparse.Parser()
    start_rss = _rss_mb()
    samples: list[tuple[int, float]] = [(0, start_rss)]
    errors = 0
    started = time.perf_counter()
    for i in range(1, args.parses + 1):
        try:
            parser.parse(pages[i % len(pages)])
        except newsparse.NewsparseError:
            errors += 1
        if i % args.every == 0 or i == args.parses:
            samples.append((i, _rss_mb()))
    elapsed = time.perf_counter() - started

    quarter = args.parses // 4
    warm = next(rss for n, rss in samples if n >= quarter)
    end = samples[-1][1]
    tail = [(n, rss) for n, rss in samples if n >= quarter]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}; newsparse {newsparse.__version__}"
    )
    print(
        f"{args.parses} parses of {len(pages)} pages ({'lean' if args.lean else 'full'}), "
        f"{elapsed:.0f} s, {errors} errors"
    )
    print(
        f"RSS MB: start {start_rss:.1f}, after {quarter} parses {warm:.1f}, end {end:.1f}, "
        f"peak sampled {max(r for _, r in samples):.1f}"
    )
    print(
        f"growth after warm-up: {end - warm:+.1f} MB; "
        f"slope over the last three quarters: {_slope(tail):+.3f} MB per 1,000 parses"
    )
    if args.json:
        args.json.write_text(json.dumps({"samples": samples, "elapsed_s": elapsed}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""parse() of this checkout against parse() of another git revision, in one run.

    python benchmarks/revision_ratio.py REV [--rounds N] [--corpus DIR] [--lean]
                                            [--allow-different]

The other revision's ``src/newsparse`` is exported (``git archive``) into a temporary
directory as the package ``newsparse_<rev>``, so both import side by side.  Each page of
the corpus (default ../shared/corpora/aeb-dev) is parsed by a bare
``lxml.html.document_fromstring``, by REV and by this checkout, interleaved, N times;
the per-page minimum of CPU time (unaffected by other processes waiting for the cores)
is kept, and both parsers are reported as a ratio to bare lxml: of the sums, and the
median of the per-page ratios (timings on a shared machine are noise; ratios of one run
are comparable).  With ``--lean``, ``Parser(widgets=False, mentions=False)`` of both
revisions is timed in the same run too.  Both revisions must give the same Article on
every page, unless ``--allow-different`` says the output changed on purpose between them
(then the number of pages whose Article differs is printed).

The cyclic garbage collector is off while timing: with both revisions interleaved in one
process, a collection triggered by one's garbage would be charged to whichever runs
next.  What the collector costs is measured apart, one revision per process, by
``benchmarks/gc_cost.py``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

from bench_pages import read_pages

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import newsparse  # noqa: E402


def _export(rev: str, into: Path) -> str:
    """Export ``rev``'s package into ``into`` as ``newsparse_<rev>``; returns its name."""
    name = "newsparse_" + re.sub(r"\W", "_", rev)
    data = subprocess.run(
        ["git", "archive", rev, "src/newsparse"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    package = into / name
    (into / "src" / "newsparse").rename(package)
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\bnewsparse\.", f"{name}.", text)
        text = re.sub(r"(from|import) newsparse\b", rf"\1 {name}", text)
        path.write_text(text, encoding="utf-8")
    return name


def _pages(corpus: Path) -> list[bytes]:
    return read_pages(corpus)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rev", help="the git revision to compare with (e.g. main, HEAD~3)")
    ap.add_argument("--rounds", type=int, default=9, help="repetitions per page (default 9)")
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    ap.add_argument(
        "--lean", action="store_true", help="also time Parser(widgets=False, mentions=False)"
    )
    ap.add_argument(
        "--allow-different",
        action="store_true",
        help="time the revisions even where their output differs (a deliberate change of "
        "output between them); the number of differing pages is printed",
    )
    args = ap.parse_args()
    pages = _pages(args.corpus)
    if not pages:
        sys.exit(f"no pages under {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        name = _export(args.rev, Path(tmp))
        sys.path.insert(0, tmp)
        other = importlib.import_module(name)
        fns: dict[str, Callable[[bytes], object]] = {
            "lxml": lxml.html.document_fromstring,
            args.rev: other.parse,
            "this": newsparse.parse,
        }
        if args.lean:
            fns[f"{args.rev} lean"] = other.Parser(widgets=False, mentions=False).parse
            fns["this lean"] = newsparse.Parser(widgets=False, mentions=False).parse
        pairs = [(args.rev, "this")] + ([(f"{args.rev} lean", "this lean")] if args.lean else [])
        differing = dict.fromkeys(pairs, 0)
        for page in pages:
            for a, b in pairs:
                same = fns[a](page).model_dump_json() == fns[b](page).model_dump_json()  # type: ignore[attr-defined]
                assert same or args.allow_different, f"the revisions disagree ({a} / {b})"
                differing[a, b] += not same
        for (a, b), count in differing.items():
            if count:
                print(f"output differs on {count} of {len(pages)} pages ({a} / {b})")
        best = {k: [float("inf")] * len(pages) for k in fns}
        order = list(fns)
        gc.disable()
        for _ in range(args.rounds):
            for i, page in enumerate(pages):
                for key in order:
                    start = time.process_time()
                    fns[key](page)
                    best[key][i] = min(best[key][i], time.process_time() - start)
                order = order[1:] + order[:1]
            gc.collect()
        gc.enable()
    total = {k: sum(v) for k, v in best.items()}
    print(f"{len(pages)} pages, {args.rounds} rounds; CPU time, per-page minima:")
    print(f"  {'':>12}  {'sum':>9}  {'sum/lxml':>8}  {'median of page/lxml':>19}")
    for key, seconds in total.items():
        ratio = seconds / total["lxml"]
        median = statistics.median(t / b for t, b in zip(best[key], best["lxml"], strict=True))
        print(f"  {key:>12}: {seconds:7.3f} s  {ratio:7.2f}x  {median:18.2f}x")
    for a, b in pairs:
        print(f"{b} / {a}: {total[b] / total[a]:.3f}")


if __name__ == "__main__":
    main()

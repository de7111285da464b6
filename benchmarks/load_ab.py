"""load, page index and metadata of this checkout against another git revision, in one run.

    python benchmarks/load_ab.py REV [--rounds N] [--corpus DIR]

stage_ab.py times the stages after the page index; this times the three before and at
the start of a parse: ``load`` (decode, clean, lxml parse, head data), ``page_index``
and ``extract_metadata``, each revision on its own freshly loaded Document, pages
interleaved (the order of the two revisions alternating), N rounds.  Per-page minima of
CPU time are summed and reported as ratios to a bare ``lxml.html.document_fromstring``
of the same pages in the same run.  REV is exported as in revision_ratio.py.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

from revision_ratio import ROOT, _export, _pages

STAGES = ("load", "index", "metadata")


def _functions(name: str) -> tuple[Callable[..., Any], ...]:
    return (
        importlib.import_module(f"{name}.document").load,
        importlib.import_module(f"{name}.extract.dom").page_index,
        importlib.import_module(f"{name}.extract.metadata").extract_metadata,
    )


def main() -> None:
    """Time the three stages of both revisions and print their ratios to bare lxml."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rev")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    args = ap.parse_args()
    pages = _pages(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        name = _export(args.rev, Path(tmp))
        sys.path.insert(0, tmp)
        runs = {args.rev: _functions(name), "this": _functions("newsparse")}
        best = {(rev, s): [float("inf")] * len(pages) for rev in runs for s in STAGES}
        bare = [float("inf")] * len(pages)
        order = list(runs.items())
        gc.disable()
        try:
            for round_no in range(args.rounds):
                for i, page in enumerate(pages):
                    start = time.process_time()
                    lxml.html.document_fromstring(page)
                    bare[i] = min(bare[i], time.process_time() - start)
                    for rev, (load, index, metadata) in order[:: 1 if (round_no + i) % 2 else -1]:
                        t0 = time.process_time()
                        doc = load(page)
                        t1 = time.process_time()
                        index(doc)
                        t2 = time.process_time()
                        metadata(doc)
                        t3 = time.process_time()
                        for stage, spent in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2), strict=True):
                            best[rev, stage][i] = min(best[rev, stage][i], spent)
                        del doc
                gc.collect()
        finally:
            gc.enable()
    unit = sum(bare)
    print(f"{len(pages)} pages, {args.rounds} rounds; stage CPU time / bare lxml (sum of minima)")
    print(f"{'stage':>10} {args.rev:>9} {'this':>9}  this/{args.rev}")
    for stage in STAGES:
        old, new = sum(best[args.rev, stage]) / unit, sum(best["this", stage]) / unit
        print(f"{stage:>10} {old:9.2f} {new:9.2f}  {new / old:.3f}")


if __name__ == "__main__":
    main()

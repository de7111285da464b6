"""What the cyclic garbage collector costs while parse() runs over a corpus.

    python benchmarks/gc_cost.py [--corpus DIR] [--passes N] [--freeze]

After one warm-up pass, parses every page of the corpus (default aeb-dev) N times
(default 4) with the collector on, as a pipeline runs, and times each collection with
``gc.callbacks``.  Prints, per generation, the number of collections and their CPU time
in lxml units (1.0 = a bare ``lxml.html.document_fromstring`` of every page, timed in
the same run), and the parse time in the same units.  With ``--freeze``, ``gc.freeze()``
runs after the warm-up, as ``newsparse batch`` workers do after their first page.

Collections cost in proportion to the objects they traverse: young ones to what a
parse allocates and keeps for the page, full ones to every object in the process.
A parse that leaves reference cycles makes both grow (tests/unit/test_no_cycles.py).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsparse
from bench_pages import read_pages

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    ap.add_argument("--passes", type=int, default=4)
    ap.add_argument("--freeze", action="store_true", help="gc.freeze() after the warm-up")
    args = ap.parse_args()
    pages = read_pages(args.corpus)
    if not pages:
        sys.exit(f"no pages under {args.corpus}")
    for page in pages:
        newsparse.parse(page)
    if args.freeze:
        gc.collect()
        gc.freeze()
    spent = {g: [0, 0.0] for g in range(3)}
    started = [0.0]

    def timer(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            entry = spent[info["generation"]]
            entry[0] += 1
            entry[1] += time.process_time() - started[0]

    gc.callbacks.append(timer)
    begin = time.process_time()
    for _ in range(args.passes):
        for page in pages:
            newsparse.parse(page)
    parse_s = time.process_time() - begin
    gc.callbacks.remove(timer)
    begin = time.process_time()
    for _ in range(args.passes):
        for page in pages:
            lxml.html.document_fromstring(page)
    lxml_s = time.process_time() - begin
    print(f"{len(pages)} pages x {args.passes} passes, freeze={args.freeze}")
    print(f"  parse(): {parse_s / lxml_s:6.2f} lxml units (collections included)")
    for generation, (count, seconds) in spent.items():
        print(f"  gen{generation}: {count:5d} collections, {seconds / lxml_s:5.2f} lxml units")
    total = sum(seconds for _, seconds in spent.values())
    print(f"  collector total: {total / lxml_s:.2f} lxml units")


if __name__ == "__main__":
    main()

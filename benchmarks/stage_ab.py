"""One stage of this checkout against the same stage of another git revision, in one run.

    python benchmarks/stage_ab.py REV [--rounds N] [--corpus DIR] [--stages a,b,...]

For every page of the corpus (default ../shared/corpora/aeb-dev), each widget
extractor, the metadata reader, ``find_main_content`` ("content"), the block walk
with its text and sections ("blocks": ``region_walks``, ``to_blocks``,
``blocks_text``, ``build_sections``) and ``find_mentions`` of REV and of this
checkout run on their own freshly loaded Document (page index built beforehand, as
the Parser does; for content and blocks the stages before them run untimed first),
interleaved, N times; per-page minima of CPU time are summed and reported as
ratios to a bare ``lxml.html.document_fromstring`` of the same pages in the same run.
REV is exported as in revision_ratio.py.
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
from types import ModuleType
from typing import Any

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

from revision_ratio import ROOT, _export, _pages

newsparse = importlib.import_module("newsparse")  # after revision_ratio put ./src first

STAGES = (
    "comments", "tickers", "takeaways", "disclaimer", "metadata", "content", "blocks",
    "mentions",
)  # fmt: skip


def _runners(pkg: ModuleType, name: str) -> dict[str, Callable[[bytes], float]]:
    """Per stage: a function timing that stage of package ``name`` on one page."""
    load = importlib.import_module(f"{name}.document").load
    index = importlib.import_module(f"{name}.extract.dom").page_index
    parser = importlib.import_module(f"{name}.parser")
    metadata = importlib.import_module(f"{name}.extract.metadata").extract_metadata
    mentions = importlib.import_module(f"{name}.extract.mentions").find_mentions
    content = importlib.import_module(f"{name}.extract.content")
    to_blocks = importlib.import_module(f"{name}.extract.blocks").to_blocks
    blocks_text = importlib.import_module(f"{name}.render").blocks_text
    build_sections = importlib.import_module(f"{name}.extract.sections").build_sections

    def before_content(page: bytes) -> tuple[Any, set[Any]]:
        """A loaded Document and what the widgets and the metadata claimed on it."""
        doc = load(page)
        index(doc)
        skip: set[Any] = set()
        for extractor in parser.WIDGETS.values():
            skip.update(extractor(doc).nodes)
        skip.update(metadata(doc).nodes)
        return doc, skip

    def on_content(page: bytes) -> float:
        doc, skip = before_content(page)
        start = time.process_time()
        content.find_main_content(doc, skip)
        return time.process_time() - start

    def on_blocks(page: bytes) -> float:
        doc, skip = before_content(page)
        main = content.find_main_content(doc, skip)
        start = time.process_time()
        blocks: list[Any] = []
        leave_out = skip | main.boilerplate
        for node, others in content.region_walks(main.roots):
            blocks.extend(to_blocks(doc, node, leave_out | others if others else leave_out))
        blocks_text(blocks)
        build_sections(blocks)
        return time.process_time() - start

    def on_doc(fn: Callable[[Any], object]) -> Callable[[bytes], float]:
        def run(page: bytes) -> float:
            doc = load(page)
            index(doc)
            start = time.process_time()
            fn(doc)
            return time.process_time() - start

        return run

    def on_text(page: bytes) -> float:
        text = pkg.parse(page).text
        start = time.process_time()
        mentions(text)
        return time.process_time() - start

    out = {stage: on_doc(parser.WIDGETS[stage]) for stage in STAGES[:4]}
    out["metadata"] = on_doc(metadata)
    out["content"] = on_content
    out["blocks"] = on_blocks
    out["mentions"] = on_text
    return out


def main() -> None:
    """Time each stage of both revisions and print their ratios to bare lxml."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rev")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    ap.add_argument("--stages", default=",".join(STAGES), help="comma-separated subset")
    args = ap.parse_args()
    stages = [s for s in args.stages.split(",") if s]
    unknown = set(stages) - set(STAGES)
    if unknown:
        ap.error(f"unknown stages: {', '.join(sorted(unknown))}")
    pages = _pages(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        name = _export(args.rev, Path(tmp))
        sys.path.insert(0, tmp)
        other = importlib.import_module(name)
        runs = {args.rev: _runners(other, name), "this": _runners(newsparse, "newsparse")}
        best = {(rev, s): [float("inf")] * len(pages) for rev in runs for s in stages}
        base = [float("inf")] * len(pages)
        gc.disable()
        for round_no in range(args.rounds):
            order = list(runs) if round_no % 2 == 0 else list(runs)[::-1]
            for i, page in enumerate(pages):
                start = time.process_time()
                lxml.html.document_fromstring(page)
                base[i] = min(base[i], time.process_time() - start)
                for stage in stages:
                    for rev in order:
                        best[rev, stage][i] = min(best[rev, stage][i], runs[rev][stage](page))
            gc.collect()
        gc.enable()
    total = sum(base)
    print(f"{len(pages)} pages, {args.rounds} rounds; stage CPU time / bare lxml (sum of minima)")
    print(f"  {'stage':>10}  {args.rev:>8}  {'this':>8}  this/{args.rev}")
    for stage in stages:
        a, b = sum(best[args.rev, stage]), sum(best["this", stage])
        print(f"  {stage:>10}  {a / total:8.2f}  {b / total:8.2f}  {b / a:.3f}")


if __name__ == "__main__":
    main()

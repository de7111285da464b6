"""Where a parse spends its time, stage by stage, in units of a bare lxml parse.

    python benchmarks/stage_ratio.py [--corpus DIR] [--rounds N]

Runs the Parser's stages one by one on every page of the corpus (default
../shared/corpora/aeb-dev) with a CPU clock around each, without a profiler (so no
profiler overhead skews the shares), and reports each stage's total time as a ratio to
a bare ``lxml.html.document_fromstring`` of the same pages timed in the same run
(per-page minima over N rounds).  The stages mirror ``Parser._extract``: load, index,
each widget, metadata, content, blocks, text, language, sections, mentions and the
validation of the Article.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

from bench_pages import read_pages

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsparse.document import load  # noqa: E402
from newsparse.extract.blocks import to_blocks  # noqa: E402
from newsparse.extract.content import find_main_content  # noqa: E402
from newsparse.extract.dom import page_index  # noqa: E402
from newsparse.extract.language import detect_language  # noqa: E402
from newsparse.extract.mentions import find_mentions  # noqa: E402
from newsparse.extract.metadata import extract_metadata  # noqa: E402
from newsparse.extract.sections import build_sections  # noqa: E402
from newsparse.models import Article  # noqa: E402
from newsparse.parser import WIDGETS  # noqa: E402
from newsparse.render import blocks_text  # noqa: E402


def _pages(corpus: Path) -> list[bytes]:
    return read_pages(corpus)


def _stages(page: bytes, times: dict[str, float]) -> None:
    """One parse of ``page`` stage by stage, adding each stage's CPU time to ``times``."""
    clock = time.process_time

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        start = clock()
        value = fn()
        times[name] = times.get(name, 0.0) + clock() - start
        return value

    doc = timed("load", lambda: load(page))
    timed("index", lambda: page_index(doc))
    found: dict[str, Any] = {}
    claimed: list[Any] = []
    for name, extractor in WIDGETS.items():
        claim = timed(name, lambda e=extractor: e(doc))
        found[name] = claim.value
        claimed.extend(claim.nodes)
    meta = timed("metadata", lambda: extract_metadata(doc))
    skip = set(claimed) | set(meta.nodes)
    main = timed("content", lambda: find_main_content(doc, skip))
    blocks = []
    if main.node is not None:
        blocks = timed("blocks", lambda: to_blocks(doc, main.node, skip | main.boilerplate))
    text = timed("text", lambda: blocks_text(blocks))
    language = meta.language or timed("language", lambda: detect_language(meta.title, text))
    sections = timed("sections", lambda: build_sections(blocks))
    mentions = timed("mentions", lambda: find_mentions(text))
    timed(
        "article",
        lambda: Article(
            url=doc.url, canonical_url=meta.canonical_url, title=meta.title,
            description=meta.description, authors=meta.authors, published=meta.published,
            published_raw=meta.published_raw, modified=meta.modified,
            modified_raw=meta.modified_raw, publisher=meta.publisher, language=language,
            language_source="markup", encoding=doc.encoding,
            encoding_source=doc.encoding_source, tags=meta.tags, image=meta.image,
            body=blocks, text=text, sections=sections,
            takeaways=found.get("takeaways", []), comments=found.get("comments", []),
            tickers=found.get("tickers", []), disclaimer=found.get("disclaimer"),
            mentions=mentions,
        ),
    )  # fmt: skip


def main() -> None:
    """Time the stages and print them as ratios to bare lxml."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    pages = _pages(args.corpus)
    best: list[dict[str, float]] = [{} for _ in pages]
    lxml_best = [float("inf")] * len(pages)
    gc.disable()
    for _ in range(args.rounds):
        for i, page in enumerate(pages):
            start = time.process_time()
            lxml.html.document_fromstring(page)
            lxml_best[i] = min(lxml_best[i], time.process_time() - start)
            times: dict[str, float] = {}
            _stages(page, times)
            for name, seconds in times.items():
                best[i][name] = min(best[i].get(name, float("inf")), seconds)
        gc.collect()
    gc.enable()
    base = sum(lxml_best)
    totals: dict[str, float] = {}
    for page_times in best:
        for name, seconds in page_times.items():
            totals[name] = totals.get(name, 0.0) + seconds
    print(f"{len(pages)} pages, {args.rounds} rounds; stage time / bare lxml (sum of minima):")
    for name, seconds in totals.items():
        print(f"  {name:>10}: {seconds / base:5.2f}")
    print(f"  {'total':>10}: {sum(totals.values()) / base:5.2f}")


if __name__ == "__main__":
    main()

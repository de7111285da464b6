"""The compiled scans (newsparse._accel.scan) against their Python twins, in one process.

    python benchmarks/scan_ratio.py [--rounds N] [--corpus DIR]

Two measures over every page of the corpus (default ../shared/corpora/aeb-dev), both
sums of per-page minima of CPU time over N rounds:

- inside real parses: each page is parsed with the compiled scans and with the Python
  twins (``authors._byline_candidates_python``, ``comment_markup._candidates_python``),
  in alternating order, the two scan functions timed where the parse calls them (the
  tree freshly built, as in use), and the whole parse timed too;
- on their own, on the Documents of finished parses taken one after the other (a
  colder cache: the page's tree was last read a whole corpus ago), with
  ``authors._cue_elements`` besides.

Both builds must give the same elements (checked on every page first).  Needs the
extension built (``python setup.py build_ext --inplace``).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import newsparse
from bench_pages import read_pages
from newsparse.document import Document
from newsparse.extract import authors, comment_markup
from newsparse.extract.dom import HtmlElement

ROOT = Path(__file__).resolve().parents[1]
clock = time.process_time_ns


def _in_parses(pages: list[bytes], rounds: int) -> dict[tuple[str, str], int]:
    """Per-page minima summed: (variant, 'byline' | 'comments' | 'parse') -> ns."""
    variants: dict[str, tuple[Callable[..., Any], Callable[..., Any]]] = {
        "compiled": (authors._byline_candidates, comment_markup._candidates),
        "python": (authors._byline_candidates_python, comment_markup._candidates_python),
    }
    keys = ("byline", "comments", "parse")
    best = {(v, k): [1 << 62] * len(pages) for v in variants for k in keys}
    spent: dict[str, int] = {}

    def timed(key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            start = clock()
            found = list(fn(*args))
            spent[key] = spent.get(key, 0) + clock() - start
            return found

        return wrapper

    saved = authors._byline_candidates, comment_markup._candidates
    try:
        for r in range(rounds):
            for i, page in enumerate(pages):
                for v in ("compiled", "python") if (i + r) % 2 else ("python", "compiled"):
                    byline, comments = variants[v]
                    spent.clear()
                    authors._byline_candidates = timed("byline", byline)  # type: ignore[assignment]
                    comment_markup._candidates = timed("comments", comments)  # type: ignore[assignment]
                    start = clock()
                    newsparse.parse(page)
                    spent["parse"] = clock() - start
                    for key in keys:
                        best[v, key][i] = min(best[v, key][i], spent.get(key, 0))
            gc.collect()
    finally:
        authors._byline_candidates, comment_markup._candidates = saved
    return {slot: sum(times) for slot, times in best.items()}


def _captured(pages: list[bytes]) -> tuple[list[tuple[Document, Any]], list[Document]]:
    """The (doc, anchor) of each byline search and the doc of each comment scan."""
    bylines: list[tuple[Document, Any]] = []
    docs: list[Document] = []
    saved = authors._byline_candidates, comment_markup._candidates

    def byline(doc: Document, anchor: HtmlElement | None) -> list[HtmlElement]:
        bylines.append((doc, anchor))
        return saved[0](doc, anchor)

    def comments(doc: Document) -> Any:
        docs.append(doc)
        return saved[1](doc)

    authors._byline_candidates, comment_markup._candidates = byline, comments
    try:
        for page in pages:
            newsparse.parse(page)
    finally:
        authors._byline_candidates, comment_markup._candidates = saved
    return bylines, docs


def _alone(fn: Callable[..., Any], calls: list[tuple[Any, ...]], rounds: int) -> int:
    best = [1 << 62] * len(calls)
    for _ in range(rounds):
        for i, args in enumerate(calls):
            start = clock()
            fn(*args)
            best[i] = min(best[i], clock() - start)
    return sum(best)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    args = ap.parse_args()
    if authors._SCAN is None or comment_markup._SCAN is None:
        raise SystemExit("newsparse._accel.scan is not built (or NEWSPARSE_PURE_PYTHON is set)")
    pages = read_pages(args.corpus)
    bylines, docs = _captured(pages)
    for doc, anchor in bylines:
        assert authors._byline_candidates(doc, anchor) == authors._byline_candidates_python(
            doc, anchor
        )
        assert authors._cue_elements(doc) == authors._cue_elements_python(doc)
    for doc in docs:
        assert comment_markup._candidates(doc) == list(comment_markup._candidates_python(doc))
    gc.disable()
    print(f"{len(pages)} pages, {args.rounds} rounds; sums of per-page minima of CPU time")
    print("inside parses:")
    found = _in_parses(pages, args.rounds)
    for key in ("byline", "comments", "parse"):
        py, c = found["python", key] / 1e9, found["compiled", key] / 1e9
        print(f"  {key:>9}: python {py:7.4f} s  compiled {c:7.4f} s  ratio {py / c:5.2f}")
    print("alone, on finished parses' Documents:")
    cue_calls = [(doc,) for doc, _ in bylines]
    pairs = [
        ("_byline_candidates", authors._byline_candidates_python, authors._byline_candidates,
         bylines),
        ("_cue_elements", authors._cue_elements_python, authors._cue_elements, cue_calls),
        ("_candidates", lambda d: list(comment_markup._candidates_python(d)),
         comment_markup._candidates, [(doc,) for doc in docs]),
    ]  # fmt: skip
    for name, python, compiled, calls in pairs:
        py = _alone(python, calls, args.rounds) / 1e9
        c = _alone(compiled, calls, args.rounds) / 1e9
        print(f"  {name:>18}: python {py:7.4f} s  compiled {c:7.4f} s  ratio {py / c:5.2f}")


if __name__ == "__main__":
    main()

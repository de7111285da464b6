"""The compiled text helpers (newsparse._accel.text) against their Python twins, in one run.

    python benchmarks/accel_text_ratio.py [--corpus DIR] [--rounds N]

(1) Per function: every page of the corpus (default ../shared/corpora/aeb-dev) is parsed
once with the calls that ``parse()`` makes to ``dom.text_of``, ``block_text``,
``joined_text`` and ``ticker_quotes._pieces`` recorded; then each page's calls
are replayed N times with the Python twin and with the compiled function, interleaved,
and the per-page minima of CPU time are summed (the results are checked equal on the
way).  (2) Whole parse: ``parse()`` with the compiled text helpers switched on and off
(every other compiled module as built), interleaved with a bare
``lxml.html.document_fromstring`` of the same page; per-page minima of CPU time, ratios
of the sums.  Needs the extension built (``python setup.py build_ext --inplace``).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

from bench_pages import read_pages

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import newsparse  # noqa: E402
from newsparse.extract import dom, ticker_quotes  # noqa: E402

#: The modules that dispatch to the compiled text helpers.
_USERS = (dom, ticker_quotes)


def _use(module: Any) -> None:
    for user in _USERS:
        user._COMPILED = module  # type: ignore[attr-defined]

Call = tuple[str, tuple[Any, ...]]


class _Recorder:
    """Stands in for the compiled module while a page is parsed: records each call."""

    def __init__(self, module: Any, calls: list[Call]) -> None:
        self.module = module
        self.calls = calls

    def text_of(self, names: Any, el: Any) -> str:
        self.calls.append(("text_of", (names, el)))
        return str(self.module.text_of(names, el))

    def block_text(self, names: Any, el: Any) -> str:
        self.calls.append(("block_text", (names, el)))
        return str(self.module.block_text(names, el))

    def joined_text(self, names: Any, el: Any, sep: str, most: int | None) -> str:
        self.calls.append(("joined_text", (names, el, sep, most)))
        return str(self.module.joined_text(names, el, sep, most))

    def pieces(self, names: Any, item: Any) -> Any:
        self.calls.append(("pieces", (names, item)))
        return self.module.pieces(names, item)

    def Names(self, *args: Any) -> Any:  # the module's class
        return self.module.Names(*args)


def _twins(module: Any) -> dict[str, tuple[Callable[..., Any], Callable[..., Any]]]:
    """For each recorded call kind: (Python twin, compiled) taking the recorded args."""
    from newsparse.extract.authors import _NAME_BOUNDARY, _SKIP_TAGS
    from newsparse.extract.metadata import _BLOCKISH, _NO_TEXT

    sets = {
        id(dom.compiled_names(skip, boundary)): (boundary, skip)
        for boundary, skip in ((_BLOCKISH, _NO_TEXT), (_NAME_BOUNDARY, _SKIP_TAGS))
    }

    def joined_python(names: Any, el: Any, sep: str, most: int | None) -> str:
        boundary, skip = sets[id(names)]
        return dom.joined_text_python(el, boundary, skip, sep, most)

    return {
        "text_of": (lambda names, el: dom.text_of_python(el), module.text_of),
        "block_text": (lambda names, el: dom.block_text_python(el), module.block_text),
        "joined_text": (joined_python, module.joined_text),
        "pieces": (lambda names, item: ticker_quotes._pieces_python(item), module.pieces),
    }


def _per_function(pages: list[bytes], module: Any, rounds: int) -> None:
    recorded: list[list[Call]] = []
    keep = []  # the Articles' documents stay alive: the recorded elements belong to them
    for page in pages:
        calls: list[Call] = []
        _use(_Recorder(module, calls))
        try:
            keep.append(newsparse.parse(page))
        finally:
            _use(module)
        recorded.append(calls)
    twins = _twins(module)
    best: dict[str, list[list[float]]] = {
        kind: [[float("inf")] * len(pages) for _ in range(2)] for kind in twins
    }
    counts: dict[str, int] = defaultdict(int)
    for i, calls in enumerate(recorded):
        by_kind: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for kind, args in calls:
            by_kind[kind].append(args)
        for kind, arg_list in by_kind.items():
            counts[kind] += len(arg_list)
            fns = twins[kind]
            assert [fns[0](*a) for a in arg_list] == [fns[1](*a) for a in arg_list], kind
            for _ in range(rounds):
                for side in (0, 1):
                    fn = fns[side]
                    start = time.process_time()
                    for args in arg_list:
                        fn(*args)
                    elapsed = time.process_time() - start
                    best[kind][side][i] = min(best[kind][side][i], elapsed)
    print(f"(1) per function, calls as parse() makes them on {len(pages)} pages, {rounds} rounds:")
    print(f"  {'':>12} {'calls':>6} {'python':>9} {'compiled':>9} {'compiled/python':>16}")
    for kind in twins:
        py = sum(t for t in best[kind][0] if t != float("inf"))
        cc = sum(t for t in best[kind][1] if t != float("inf"))
        ratio = cc / py if py else float("nan")
        print(f"  {kind:>12} {counts[kind]:6d} {py * 1e3:7.1f}ms {cc * 1e3:7.1f}ms {ratio:15.3f}")


def _whole_parse(pages: list[bytes], module: Any, rounds: int) -> None:
    def with_text(page: bytes) -> object:
        _use(module)
        return newsparse.parse(page)

    def without_text(page: bytes) -> object:
        _use(None)
        return newsparse.parse(page)

    fns: dict[str, Callable[[bytes], object]] = {
        "lxml": lxml.html.document_fromstring,
        "python text": without_text,
        "compiled text": with_text,
    }
    best = {k: [float("inf")] * len(pages) for k in fns}
    order = list(fns)
    gc.disable()
    try:
        for _ in range(rounds):
            for i, page in enumerate(pages):
                for key in order:
                    start = time.process_time()
                    fns[key](page)
                    best[key][i] = min(best[key][i], time.process_time() - start)
                order = order[1:] + order[:1]
            gc.collect()
    finally:
        gc.enable()
        _use(module)
    total = {k: sum(v) for k, v in best.items()}
    print(f"(2) whole parse, {len(pages)} pages, {rounds} rounds (CPU time, per-page minima):")
    for key, seconds in total.items():
        print(f"  {key:>14}: {seconds:7.3f} s  {seconds / total['lxml']:6.2f}x lxml")
    print(f"  compiled text / python text: {total['compiled text'] / total['python text']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    module = dom._COMPILED
    if module is None:
        sys.exit("newsparse._accel.text is not built (or NEWSPARSE_PURE_PYTHON is set)")
    pages = read_pages(args.corpus)
    if not pages:
        sys.exit(f"no pages under {args.corpus}")
    _per_function(pages, module, args.rounds)
    _whole_parse(pages, module, args.rounds)


if __name__ == "__main__":
    main()

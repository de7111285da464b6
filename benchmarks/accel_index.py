"""The compiled page index pass (newsparse._accel.index) against its Python twins.

    python benchmarks/accel_index.py [--rounds N] [--corpus DIR]

For every page of the corpus (default ../shared/corpora/aeb-dev), loaded once, times
in one process, interleaved, N times: a bare ``lxml.html.document_fromstring`` of the
page, the attribute pass of ``dom.page_index`` (``_element_attrs_python`` and the
compiled ``element_attrs``, over the element list load() makes) and
``widget_gate.page_naming_text``'s vocabulary (``_naming_text_python`` and the compiled
``naming_text``, over the page index's attributes) and ``widget_gate.shown_text``
(``_shown_text_python``, the XSLT pass, and the compiled twin).  Per-page minima of CPU time are
summed; prints each sum in lxml units and the compiled/Python ratio.  With ``--parse``,
times whole ``parse()`` calls instead (and ``Parser(widgets=False, mentions=False)``),
with the page index's twins switched between compiled and Python and everything else
the same (the collector off, as in revision_ratio.py).  Needs the extension built
(``python setup.py build_ext --inplace``).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsparse
from newsparse import _accel
from newsparse.document import ELEMENTS_KEY, load
from newsparse.extract import dom, widget_gate
from revision_ratio import ROOT, _pages


def _cpu(fn: Callable[[Any], Any], arg: Any) -> float:
    start = time.process_time()
    fn(arg)
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="repetitions per page (default 5)")
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    ap.add_argument("--parse", action="store_true", help="time whole parse() calls")
    args = ap.parse_args()
    module = _accel.load("index")
    if module is None:
        sys.exit("newsparse._accel.index is not built (or NEWSPARSE_PURE_PYTHON is set)")
    pages = _pages(args.corpus)
    if args.parse:
        _parse_ab(module, pages, args.rounds)
        return
    wanted = widget_gate._NAMING_ATTRIBUTES
    cases: list[tuple[Any, ...]] = []
    for page in pages:
        doc = load(page)
        elements = doc.memo[ELEMENTS_KEY]
        attrs = dom._element_attrs_python(elements)
        if module.element_attrs(elements) != attrs:
            sys.exit("the compiled attribute pass differs from the Python one")
        if module.naming_text(attrs, wanted) != widget_gate._naming_text_python(attrs, wanted):
            sys.exit("the compiled naming text differs from the Python one")
        if widget_gate._shown_text(doc) != widget_gate._shown_text_python(doc):
            sys.exit("the compiled shown text differs from the Python one")
        cases.append((page, elements, attrs, doc))
    names = (
        "lxml", "attrs python", "attrs compiled", "naming python", "naming compiled",
        "shown python", "shown compiled",
    )  # fmt: skip
    best = [[float("inf")] * len(names) for _ in cases]
    runs: tuple[tuple[Callable[..., Any], int], ...] = (
        (lxml.html.document_fromstring, 0),
        (dom._element_attrs_python, 1),
        (module.element_attrs, 1),
        (lambda attrs: widget_gate._naming_text_python(attrs, wanted), 2),
        (lambda attrs: module.naming_text(attrs, wanted), 2),
        (widget_gate._shown_text_python, 3),
        (widget_gate._shown_text, 3),
    )  # (function, which argument of the case it takes)
    for _ in range(args.rounds):
        for i, case in enumerate(cases):
            for j, (run, arg) in enumerate(runs):
                best[i][j] = min(best[i][j], _cpu(run, case[arg]))
    sums = [sum(row[j] for row in best) for j in range(len(names))]
    print(f"{len(cases)} pages, {args.rounds} rounds; sums of per-page CPU minima")
    for name, total in zip(names, sums, strict=True):
        print(f"  {name:16} {total:8.4f} s  {total / sums[0]:6.3f} lxml")
    print(f"attrs:  compiled/python {sums[2] / sums[1]:.3f}")
    print(f"naming: compiled/python {sums[4] / sums[3]:.3f}")
    print(f"shown:  compiled/python {sums[6] / sums[5]:.3f}")


_SHOWN_COMPILED = widget_gate._shown_text


def _switched(module: Any, compiled: bool, fn: Callable[[bytes], Any]) -> Callable[[bytes], Any]:
    """``fn`` run with the page index's compiled twins (or their Python ones)."""
    attrs = module.element_attrs if compiled else dom._element_attrs_python
    naming = module.naming_text if compiled else widget_gate._naming_text_python
    shown = _SHOWN_COMPILED if compiled else widget_gate._shown_text_python

    def run(page: bytes) -> Any:
        dom._element_attrs = attrs
        widget_gate._naming_text = naming
        widget_gate._shown_text = shown
        return fn(page)

    return run


def _parse_ab(module: Any, pages: list[bytes], rounds: int) -> None:
    lean = newsparse.Parser(widgets=False, mentions=False).parse
    fns = {
        "lxml": lxml.html.document_fromstring,
        "python": _switched(module, False, newsparse.parse),
        "compiled": _switched(module, True, newsparse.parse),
        "python lean": _switched(module, False, lean),
        "compiled lean": _switched(module, True, lean),
    }
    for page in pages:
        for a, b in (("python", "compiled"), ("python lean", "compiled lean")):
            if fns[a](page).model_dump_json() != fns[b](page).model_dump_json():
                sys.exit(f"the twins disagree ({a} / {b})")
    best = {k: [float("inf")] * len(pages) for k in fns}
    order = list(fns)
    gc.disable()
    for _ in range(rounds):
        for i, page in enumerate(pages):
            for key in order:
                best[key][i] = min(best[key][i], _cpu(fns[key], page))
            order = order[1:] + order[:1]
        gc.collect()
    gc.enable()
    total = {k: sum(v) for k, v in best.items()}
    print(f"{len(pages)} pages, {rounds} rounds; parse() CPU time, per-page minima:")
    for key, seconds in total.items():
        median = statistics.median(t / b for t, b in zip(best[key], best["lxml"], strict=True))
        ratio = seconds / total["lxml"]
        print(f"  {key:>14}: {seconds:7.3f} s  {ratio:6.2f}x  median {median:.2f}x")
    print(f"compiled / python: {total['compiled'] / total['python']:.3f}")
    print(f"compiled lean / python lean: {total['compiled lean'] / total['python lean']:.3f}")


if __name__ == "__main__":
    main()

"""The compiled page index pass (newsparse._accel.index) against its Python twins.

    python benchmarks/accel_index.py [--rounds N] [--corpus DIR]

For every page of the corpus (default ../shared/corpora/aeb-dev), loaded once, times
in one process, interleaved, N times, each twin's Python and compiled version: a bare
``lxml.html.document_fromstring`` of the page (the unit); the element list load()
makes (``document.elements_of``: parse and list, the parse subtracted); the attribute
pass of ``dom.page_index`` (``element_attrs``, over load()'s list);
``dom.page_attribute_names`` (``attribute_names``) and ``widget_gate.page_naming_text``
(``naming_text``) over the page index's attributes; ``widget_gate.shown_text`` (the
XSLT pass against the compiled text pass).  The order turns from page to page (the
first to read a tree pays its cache misses); per-page minima of CPU time are summed;
prints each sum in lxml units and the compiled/Python ratios.  With ``--parse``, times
whole ``parse()`` calls instead (and ``Parser(widgets=False, mentions=False)``), with
all these twins switched between compiled and Python and everything else the same
(the collector off, as in revision_ratio.py).  Needs the extension built
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
from newsparse import _accel, document
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
        if module.attribute_names(attrs) != dom._attribute_names_python(attrs):
            sys.exit("the compiled attribute names differ from the Python ones")
        if module.elements_of(doc.root) != document._elements_of_python(doc.root):
            sys.exit("the compiled element list differs from the Python one")
        cases.append((page, elements, attrs, doc))
    runs: dict[str, tuple[Callable[[Any], Any], int]] = {
        # name: (function, which item of the case it takes)
        "lxml": (lxml.html.document_fromstring, 0),
        # the element list as load() makes it: parse, then list (lxml units: minus lxml)
        "elements python": (lambda p: document._elements_of_python(_parse(p)), 0),
        "elements compiled": (lambda p: module.elements_of(_parse(p)), 0),
        "attrs python": (dom._element_attrs_python, 1),
        "attrs compiled": (module.element_attrs, 1),
        "names python": (dom._attribute_names_python, 2),
        "names compiled": (module.attribute_names, 2),
        "naming python": (lambda attrs: widget_gate._naming_text_python(attrs, wanted), 2),
        "naming compiled": (lambda attrs: module.naming_text(attrs, wanted), 2),
        "shown python": (widget_gate._shown_text_python, 3),
        "shown compiled": (widget_gate._shown_text, 3),
    }
    best = {name: [float("inf")] * len(cases) for name in runs}
    order = list(runs)
    for _ in range(args.rounds):
        for i, case in enumerate(cases):
            # the order turns: the first to read a page's tree pays its cache misses
            for name in order:
                run, arg = runs[name]
                best[name][i] = min(best[name][i], _cpu(run, case[arg]))
            order = order[1:] + order[:1]
    sums = {name: sum(times) for name, times in best.items()}
    for name in ("elements python", "elements compiled"):
        sums[name] -= sums["lxml"]
    print(f"{len(cases)} pages, {args.rounds} rounds; sums of per-page CPU minima")
    for name, total in sums.items():
        print(f"  {name:18} {total:8.4f} s  {total / sums['lxml']:6.3f} lxml")
    for what in ("elements", "attrs", "names", "naming", "shown"):
        print(f"{what:>8}: compiled/python {sums[what + ' compiled'] / sums[what + ' python']:.3f}")


def _parse(page: bytes) -> Any:
    return lxml.html.document_fromstring(page)


_SHOWN_COMPILED = widget_gate._shown_text


def _switched(module: Any, compiled: bool, fn: Callable[[bytes], Any]) -> Callable[[bytes], Any]:
    """``fn`` run with the page index's compiled twins (or their Python ones)."""
    attrs = module.element_attrs if compiled else dom._element_attrs_python
    names = module.attribute_names if compiled else dom._attribute_names_python
    elements = module.elements_of if compiled else document._elements_of_python
    naming = module.naming_text if compiled else widget_gate._naming_text_python
    shown = _SHOWN_COMPILED if compiled else widget_gate._shown_text_python

    def run(page: bytes) -> Any:
        dom._element_attrs = attrs
        dom._attribute_names = names
        document.elements_of = elements
        dom.elements_of = elements
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

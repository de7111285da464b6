"""The compiled page index pass (newsparse._accel.index) against its Python twins.

    python benchmarks/accel_index.py [--rounds N] [--corpus DIR]

For every page of the corpus (default ../shared/corpora/aeb-dev), loaded once, times
in one process, interleaved, N times: a bare ``lxml.html.document_fromstring`` of the
page, the attribute pass of ``dom.page_index`` (``_element_attrs_python`` and the
compiled ``element_attrs``, over the element list load() makes) and
``widget_gate.page_naming_text``'s vocabulary (``_naming_text_python`` and the compiled
``naming_text``, over the page index's attributes).  Per-page minima of CPU time are
summed; prints each sum in lxml units and the compiled/Python ratio.  Needs the
extension built (``python setup.py build_ext --inplace``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

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
    args = ap.parse_args()
    module = _accel.load("index")
    if module is None:
        sys.exit("newsparse._accel.index is not built (or NEWSPARSE_PURE_PYTHON is set)")
    pages = _pages(args.corpus)
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
        cases.append((page, elements, attrs))
    names = ("lxml", "attrs python", "attrs compiled", "naming python", "naming compiled")
    best = [[float("inf")] * len(names) for _ in cases]
    runs: tuple[tuple[Callable[..., Any], int], ...] = (
        (lxml.html.document_fromstring, 0),
        (dom._element_attrs_python, 1),
        (module.element_attrs, 1),
        (lambda attrs: widget_gate._naming_text_python(attrs, wanted), 2),
        (lambda attrs: module.naming_text(attrs, wanted), 2),
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


if __name__ == "__main__":
    main()

"""The compiled clean_utf8 (newsparse._accel.loadscan) against its Python twin, in one run.

    python benchmarks/loadscan_ratio.py [--rounds N] [--corpus DIR]

Over every page of the corpus (default ../shared/corpora/aeb-dev), sums of per-page
minima of CPU time over N rounds, the variants in alternating order:

- the function alone, on the UTF-8 bytes ``document.load`` hands it (``clean_bytes``);
- whole ``newsparse.parse`` with ``cleaning.clean_utf8`` set to each twin, and a bare
  ``lxml.html.document_fromstring`` of the same bytes (the ratios' unit).

Both twins must give the same answer (checked on every page first).  Needs the
extension built (``python setup.py build_ext --inplace``).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

import newsparse
from bench_pages import read_pages
from newsparse import cleaning
from newsparse.charset import decode_bytes

ROOT = Path(__file__).resolve().parents[1]
clock = time.process_time_ns


def _utf8(page: bytes) -> bytes:
    decoded = decode_bytes(page, None)
    return decoded.utf8 if decoded.utf8 is not None else decoded.text.encode("utf-8", "replace")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpora/aeb-dev")
    args = ap.parse_args()
    module = newsparse._accel.load("loadscan")
    if module is None:
        raise SystemExit("newsparse._accel.loadscan is not built")
    pages = read_pages(args.corpus)
    datas = [_utf8(p) for p in pages]
    variants: dict[str, Callable[[bytes], bool]] = {
        "compiled": module.clean_utf8,
        "python": cleaning.clean_utf8_python,
    }
    for data in datas:
        assert variants["compiled"](data) == variants["python"](data)
    fn_best = {v: [1 << 62] * len(pages) for v in variants}
    parse_best = {v: [1 << 62] * len(pages) for v in (*variants, "lxml")}
    saved = cleaning.clean_utf8
    try:
        for r in range(args.rounds):
            for i, (page, data) in enumerate(zip(pages, datas, strict=True)):
                order = ("compiled", "python") if (i + r) % 2 else ("python", "compiled")
                for v in order:
                    fn = variants[v]
                    start = clock()
                    for _ in range(20):
                        fn(data)
                    fn_best[v][i] = min(fn_best[v][i], (clock() - start) // 20)
                    cleaning.clean_utf8 = fn
                    start = clock()
                    newsparse.parse(page)
                    parse_best[v][i] = min(parse_best[v][i], clock() - start)
                start = clock()
                lxml.html.document_fromstring(page)
                parse_best["lxml"][i] = min(parse_best["lxml"][i], clock() - start)
            gc.collect()
    finally:
        cleaning.clean_utf8 = saved
    fn_sum = {v: sum(t) for v, t in fn_best.items()}
    parse_sum = {v: sum(t) for v, t in parse_best.items()}
    print(f"{len(pages)} pages, {args.rounds} rounds (sums of per-page CPU minima)")
    print(
        f"clean_utf8: compiled {fn_sum['compiled'] / 1e6:.2f} ms, "
        f"python {fn_sum['python'] / 1e6:.2f} ms, "
        f"ratio {fn_sum['python'] / fn_sum['compiled']:.2f}x"
    )
    lx = parse_sum["lxml"]
    print(
        f"parse: compiled {parse_sum['compiled'] / 1e6:.1f} ms "
        f"({parse_sum['compiled'] / lx:.3f} lxml), python {parse_sum['python'] / 1e6:.1f} ms "
        f"({parse_sum['python'] / lx:.3f} lxml), bare lxml {lx / 1e6:.1f} ms; "
        f"python/compiled {parse_sum['python'] / parse_sum['compiled']:.4f}"
    )


if __name__ == "__main__":
    main()

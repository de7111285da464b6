"""The compiled widget scans (newsparse._accel.widgets) against their Python twins.

    python benchmarks/widgets_ratio.py [--rounds N] [--corpus DIR]

Over every page of the corpus (default ../shared/corpora/aeb-dev), sums of per-page
minima of CPU time over N rounds:

- inside real parses: each page parsed with the compiled twins and with the Python ones
  (``tickers._scan_python``, ``takeaways._boxes_python``), in alternating order, each
  timed where the parse calls it, and the whole parse timed too;
- alone, on the Documents of finished parses.

Both give the same elements (checked on every page first).  Needs the extension built
(``python setup.py build_ext --inplace``).
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
from newsparse.extract import takeaways, tickers

ROOT = Path(__file__).resolve().parents[1]
clock = time.process_time_ns
#: (name, module, attribute, compiled, python)
TWINS: list[tuple[str, Any, str, Callable[..., Any], Callable[..., Any]]] = [
    ("tickers._scan", tickers, "_scan", tickers._scan, tickers._scan_python),
    ("takeaways._boxes", takeaways, "_boxes", takeaways._boxes, takeaways._boxes_python),
]


def _in_parses(pages: list[bytes], rounds: int) -> dict[tuple[str, str], int]:
    """Per-page minima summed: (variant, twin name | 'parse') -> ns."""
    keys = [name for name, *_ in TWINS] + ["parse"]
    best = {(v, k): [1 << 62] * len(pages) for v in ("compiled", "python") for k in keys}
    spent: dict[str, int] = {}

    def timed(key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = clock()
            found = fn(*args, **kwargs)
            spent[key] = spent.get(key, 0) + clock() - start
            return found

        return wrapper

    try:
        for r in range(rounds):
            for i, page in enumerate(pages):
                for v in ("compiled", "python") if (i + r) % 2 else ("python", "compiled"):
                    spent.clear()
                    for name, module, attr, compiled, python in TWINS:
                        fn = compiled if v == "compiled" else python
                        setattr(module, attr, timed(name, fn))
                    start = clock()
                    newsparse.parse(page)
                    spent["parse"] = clock() - start
                    for key in keys:
                        best[v, key][i] = min(best[v, key][i], spent.get(key, 0))
            gc.collect()
    finally:
        for _name, module, attr, compiled, _python in TWINS:
            setattr(module, attr, compiled)
    return {slot: sum(times) for slot, times in best.items()}


def _captured(pages: list[bytes]) -> dict[str, list[tuple[Any, Any]]]:
    """The arguments of each call of each twin in parses of ``pages``."""
    calls: dict[str, list[tuple[Any, Any]]] = {name: [] for name, *_ in TWINS}

    def capture(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name].append((args, kwargs))
            return fn(*args, **kwargs)

        return wrapper

    try:
        for name, module, attr, compiled, _python in TWINS:
            setattr(module, attr, capture(name, compiled))
        for page in pages:
            newsparse.parse(page)
    finally:
        for _name, module, attr, compiled, _python in TWINS:
            setattr(module, attr, compiled)
    return calls


def _alone(fn: Callable[..., Any], calls: list[tuple[Any, Any]], rounds: int) -> int:
    best = [1 << 62] * len(calls)
    for _ in range(rounds):
        for i, (args, kwargs) in enumerate(calls):
            start = clock()
            fn(*args, **kwargs)
            best[i] = min(best[i], clock() - start)
    return sum(best)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    args = ap.parse_args()
    if tickers._WIDGETS is None or takeaways._WIDGETS is None:
        raise SystemExit("newsparse._accel.widgets is not built (or NEWSPARSE_PURE_PYTHON is set)")
    pages = read_pages(args.corpus)
    calls = _captured(pages)
    for name, _module, _attr, compiled, python in TWINS:
        for a, kw in calls[name]:
            assert compiled(*a, **kw) == python(*a, **kw), name
    gc.disable()
    print(f"{len(pages)} pages, {args.rounds} rounds; sums of per-page minima of CPU time")
    print("inside parses:")
    found = _in_parses(pages, args.rounds)
    for key in [name for name, *_ in TWINS] + ["parse"]:
        py, c = found["python", key] / 1e9, found["compiled", key] / 1e9
        print(f"  {key:>22}: python {py:7.4f} s  compiled {c:7.4f} s  ratio {py / c:5.2f}")
    print("alone, on finished parses' Documents:")
    for name, _module, _attr, compiled, python in TWINS:
        py = _alone(python, calls[name], args.rounds) / 1e9
        c = _alone(compiled, calls[name], args.rounds) / 1e9
        print(
            f"  {name:>22}: {len(calls[name])} calls; python {py:7.4f} s  "
            f"compiled {c:7.4f} s  ratio {py / c:5.2f}"
        )


if __name__ == "__main__":
    main()

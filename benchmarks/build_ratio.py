"""parse() of two builds of newsparse (e.g. pure Python and mypyc-compiled), in one run.

    python benchmarks/build_ratio.py ROOT_A ROOT_B [--rounds N] [--lean] [--corpus DIR]

Each ROOT is a directory that holds the ``newsparse`` package to import (a checkout's
``src``, a venv's ``site-packages``), optionally followed by ``@PYTHON``: the
interpreter to run it with (default: this one).  The two builds cannot share a process
(a compiled module keeps its name), so each runs in a worker subprocess of its own; the
parent sends the workers one page at a time, interleaved in a rotating order, and the
workers time ``lxml.html.document_fromstring``, ``parse()`` and (``--lean``)
``Parser(widgets=False, mentions=False).parse`` of that page with ``time.process_time``
(CPU time, unaffected by other processes waiting for the cores).  The per-page minimum
over N rounds is kept; each build is reported as a ratio to bare lxml (timed in its own
worker): of the sums, and the median of the per-page ratios, then B / A.  Both builds
must give the same Article JSON on every page (checked before timing).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_pages import read_pages

ROOT = Path(__file__).resolve().parents[1]
KEYS = ("lxml", "full", "lean")


def _pages(corpus: Path) -> list[bytes]:
    return read_pages(corpus)


def _worker(corpus: Path) -> None:
    """Answer the parent's commands on stdin: ``time KEY I``, ``dump I``, ``gc``, ``where``."""
    import lxml.html

    import newsparse

    pages = _pages(corpus)
    fns: dict[str, Callable[[bytes], object]] = {
        "lxml": lxml.html.document_fromstring,
        "full": newsparse.parse,
        "lean": newsparse.Parser(widgets=False, mentions=False).parse,
    }
    gc.disable()
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "time":
            fn, page = fns[args[0]], pages[int(args[1])]
            start = time.process_time()
            fn(page)
            answer = repr(time.process_time() - start)
        elif cmd == "dump":
            page = pages[int(args[0])]
            dumps = [fns[k](page).model_dump_json() for k in ("full", "lean")]  # type: ignore[attr-defined]
            answer = hashlib.sha256("\0".join(dumps).encode()).hexdigest()
        elif cmd == "gc":
            gc.collect()
            answer = "ok"
        else:  # where
            compiled = getattr(newsparse, "compiled", None)
            answer = f"{newsparse.__file__} compiled={compiled}"
        print(answer, flush=True)


class _Build:
    def __init__(self, spec: str, corpus: Path) -> None:
        root, _, python = spec.partition("@")
        env = dict(os.environ, PYTHONPATH=str(Path(root).resolve()))
        self.name = spec
        self.proc = subprocess.Popen(
            [python or sys.executable, __file__, "--worker", "--corpus", str(corpus)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def ask(self, command: str) -> str:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("builds", nargs="*", help="ROOT or ROOT@PYTHON, two of them")
    ap.add_argument("--rounds", type=int, default=5, help="repetitions per page (default 5)")
    ap.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpora" / "aeb-dev")
    ap.add_argument(
        "--lean", action="store_true", help="also time Parser(widgets=False, mentions=False)"
    )
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.corpus)
        return
    if len(args.builds) != 2:
        ap.error("give two builds: ROOT_A ROOT_B")
    n = len(_pages(args.corpus))
    if not n:
        sys.exit(f"no pages under {args.corpus}")
    builds = [_Build(spec, args.corpus) for spec in args.builds]
    try:
        for label, build in zip("AB", builds, strict=True):
            print(f"{label}: {build.ask('where')}")
        for i in range(n):
            a, b = (build.ask(f"dump {i}") for build in builds)
            assert a == b, f"the builds disagree on page {i}"
        keys = KEYS if args.lean else KEYS[:2]
        slots = [(j, key) for j in range(len(builds)) for key in keys]
        best = {slot: [float("inf")] * n for slot in slots}
        for _ in range(args.rounds):
            for i in range(n):
                for j, key in slots:
                    seconds = float(builds[j].ask(f"time {key} {i}"))
                    best[j, key][i] = min(best[j, key][i], seconds)
                slots = slots[1:] + slots[:1]
            for build in builds:
                build.ask("gc")
    finally:
        for build in builds:
            build.close()
    print(f"{n} pages, {args.rounds} rounds; CPU time, per-page minima, each build's own lxml:")
    print(f"  {'':>8}  {'sum':>9}  {'sum/lxml':>8}  {'median of page/lxml':>19}")
    total = {slot: sum(v) for slot, v in best.items()}
    for j, key in sorted(best):
        lxml = best[j, "lxml"]
        ratio = total[j, key] / total[j, "lxml"]
        median = statistics.median(t / x for t, x in zip(best[j, key], lxml, strict=True))
        label = f"{'AB'[j]} {key}"
        print(f"  {label:>8}: {total[j, key]:7.3f} s  {ratio:7.2f}x  {median:18.2f}x")
    for key in keys:
        print(f"B / A {key}: {total[1, key] / total[0, key]:.3f}")


if __name__ == "__main__":
    main()

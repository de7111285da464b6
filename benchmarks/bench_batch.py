"""Throughput and memory of ``parse_many`` at 1 and 2 workers (and more).

Inputs: the aeb-dev pages (``../shared/corpora/aeb-dev/html/*.html.gz``)
repeated to ``--pages`` inputs (symlinks in a temporary directory, so every
input is a real file read and gunzipped by a worker). Each round runs every
worker count once, interleaved, so that a busy machine slows them alike.

Prints, per run: pages/s, wall time, the speed-up over one worker, the CPU
seconds the workers used, and RSS sampled every 0.25 s over the run: the
parent's (start / peak / end) and the workers' (peak of the sum, and the mean
of the sum over the first and the last quarter of the run: equal means flat).

``--tiny N`` adds a memory run over N small in-memory pages (e.g. 100000):
the parent and workers must stay flat while workers are recycled.

First it prints the conditions of the run, so that figures from two machines
(or two moments) can be compared: the cores this process may use, the load
average before the run and around each run, the Python, lxml/libxml2 and
newsparse versions, the CPU model and the session's autogroup nice value.
A speed-up from workers needs idle cores: on a machine whose load average is
at or above its core count, 2 workers cannot be ~2x one (the benchmark says so).

    python benchmarks/bench_batch.py --pages 2000 --workers 1 2
    python benchmarks/bench_batch.py --pages 0 --tiny 100000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import newsparse
from newsparse.batch import BatchStats, Page, default_workers, parse_many

AEB = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "aeb-dev" / "html"


def _rss(pid: int) -> int:
    """Resident set size of ``pid`` in bytes (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu(pid: int) -> float:
    """User+system CPU seconds of ``pid`` (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _descendants(pid: int) -> list[int]:
    """All live descendants of ``pid`` (workers are children of the fork server)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out: list[int] = []
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            out.append(child)
            stack.append(child)
    return out


class Sampler(threading.Thread):
    """Samples the parent's RSS, the workers' total RSS and their CPU time."""

    def __init__(self, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.parent: list[int] = []
        self.workers: list[int] = []
        self.cpu: dict[int, float] = {}
        self.halt = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.halt.is_set():
            self.parent.append(_rss(me))
            total = 0
            for pid in _descendants(me):
                total += _rss(pid)
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu(pid))
            self.workers.append(total)
            self.halt.wait(self.interval)

    def stop(self) -> None:
        self.halt.set()
        self.join()


def _quarters(values: list[int]) -> tuple[float, float]:
    if len(values) < 4:
        return (float(values[0]) if values else 0.0, float(values[-1]) if values else 0.0)
    q = len(values) // 4
    return statistics.fmean(values[:q]), statistics.fmean(values[-q:])


def run_once(inputs: Any, workers: int, **kw: Any) -> dict[str, Any]:
    """One run: pages/s, outcomes and RSS figures."""
    stats = BatchStats()
    load_before = round(os.getloadavg()[0], 2)
    sampler = Sampler()
    sampler.start()
    start = time.perf_counter()
    parent_cpu = time.process_time()
    count = 0
    for _ in parse_many(inputs, workers=workers, stats=stats, **kw):
        count += 1
    wall = time.perf_counter() - start
    parent_cpu = time.process_time() - parent_cpu
    sampler.stop()
    mb = 1 << 20
    first, last = _quarters(sampler.workers)
    pfirst, plast = _quarters(sampler.parent)
    return {
        "workers": workers,
        "pages": count,
        "articles": stats.articles,
        "errors": dict(stats.errors),
        "wall_s": round(wall, 2),
        "pages_per_s": round(count / wall, 2),
        "worker_cpu_s": round(sum(sampler.cpu.values()), 1),
        "parent_cpu_s": round(parent_cpu, 1),
        "cpu_ms_per_page": round(
            1000 * (sum(sampler.cpu.values()) + parent_cpu) / max(count, 1), 1
        ),
        "workers_started": stats.workers_started,
        "load_before": load_before,
        "load_after": round(os.getloadavg()[0], 2),
        "parent_rss_mb": {
            "start": round(sampler.parent[0] / mb, 1) if sampler.parent else 0,
            "peak": round(max(sampler.parent, default=0) / mb, 1),
            "end": round(sampler.parent[-1] / mb, 1) if sampler.parent else 0,
            "first_quarter": round(pfirst / mb, 1),
            "last_quarter": round(plast / mb, 1),
        },
        "workers_rss_mb": {
            "peak": round(max(sampler.workers, default=0) / mb, 1),
            "first_quarter": round(first / mb, 1),
            "last_quarter": round(last / mb, 1),
        },
    }


def conditions() -> dict[str, Any]:
    """What the figures depend on: cores, load, versions, CPU, scheduling."""
    import platform

    from lxml import etree

    cpu_model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu_model = next((line.split(":", 1)[1].strip() for line in f
                              if line.startswith("model name")), "")
    except OSError:
        pass
    autogroup = ""
    try:
        with open("/proc/self/autogroup", encoding="ascii") as f:
            autogroup = f.read().strip()
    except OSError:
        pass
    return {
        "cores_available": default_workers(),
        "cpu_count": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "lxml": ".".join(map(str, etree.LXML_VERSION)),
        "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
        "newsparse": newsparse.__version__,
        "platform": platform.platform(),
        "cpu_model": cpu_model,
        "autogroup": autogroup,
    }


def print_conditions(info: dict[str, Any]) -> None:
    """The conditions, one line each, and a warning when the machine is busy."""
    load = info["load_average"]
    print(
        f"conditions: {info['cores_available']} cores available to this process "
        f"({info['cpu_count']} CPUs), load average {load[0]} / {load[1]} / {load[2]} "
        f"(1 / 5 / 15 min)\n"
        f"            Python {info['python']}, lxml {info['lxml']} (libxml2 "
        f"{info['libxml2']}), newsparse {info['newsparse']}; {info['platform']}\n"
        f"            CPU {info['cpu_model'] or 'unknown'}; autogroup "
        f"{info['autogroup'] or 'n/a'}",
        flush=True,
    )
    if load[0] >= info["cores_available"]:
        print(
            f"warning: the load average ({load[0]}) is at or above the cores available "
            f"({info['cores_available']}): other processes take CPU time, pages/s and the "
            "speed-up of more workers are lower than on an idle machine",
            flush=True,
        )


def tiny_pages(n: int) -> Iterator[Page]:
    """``n`` small distinct pages, generated lazily."""
    for i in range(n):
        yield Page(
            f"tiny-{i}",
            html=f"<html><head><title>T{i}</title></head><body><article><h1>T{i}</h1>"
            f"<p>Short story number {i}, with a price of ${i % 997}.50 today.</p>"
            f"</article></body></html>",
        )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print a table and optionally write JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000, help="inputs (aeb-dev pages repeated)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=1, help="interleaved rounds per worker count")
    ap.add_argument("--tiny", type=int, default=0, help="also a memory run over N tiny pages")
    ap.add_argument("--max-tasks-per-child", type=int, default=1000)
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    runs: list[dict[str, Any]] = []
    info = conditions()
    print_conditions(info)
    with tempfile.TemporaryDirectory(prefix="newsparse-bench-") as tmp:
        if args.pages:
            files = sorted(AEB.glob("*.html.gz"))
            if not files:
                print(f"no pages under {AEB}", file=sys.stderr)
                return 2
            for i in range(args.pages):
                src = files[i % len(files)]
                (Path(tmp) / f"{i:06d}-{src.name}").symlink_to(src.resolve())
            print(f"{args.pages} inputs ({len(files)} aeb-dev pages repeated)")
            for _ in range(args.rounds):
                for w in args.workers:
                    run = run_once([tmp], w, max_tasks_per_child=args.max_tasks_per_child)
                    run["kind"] = "aeb-dev"
                    runs.append(run)
                    _print(run, runs)
        if args.tiny:
            for w in args.workers[-1:]:
                run = run_once(tiny_pages(args.tiny), w,
                               max_tasks_per_child=args.max_tasks_per_child)
                run["kind"] = f"tiny x{args.tiny}"
                runs.append(run)
                _print(run, runs)
    if args.json:
        args.json.write_text(json.dumps({"conditions": info, "runs": runs}, indent=2) + "\n")
    return 0


def _print(run: dict[str, Any], runs: list[dict[str, Any]]) -> None:
    base = [r["pages_per_s"] for r in runs if r["workers"] == 1 and r["kind"] == run["kind"]]
    speedup = f" x{run['pages_per_s'] / statistics.median(base):.2f}" if base else ""
    p, w = run["parent_rss_mb"], run["workers_rss_mb"]
    print(
        f"[{run['kind']}] workers={run['workers']}: {run['pages']} pages in {run['wall_s']} s = "
        f"{run['pages_per_s']} pages/s{speedup}; CPU s workers {run['worker_cpu_s']} "
        f"parent {run['parent_cpu_s']} ({run['cpu_ms_per_page']} ms/page); "
        f"errors {run['errors'] or 0}; workers started {run['workers_started']}; "
        f"load average {run['load_before']} -> {run['load_after']}\n"
        f"    parent RSS MB start {p['start']} peak {p['peak']} end {p['end']} "
        f"(first/last quarter {p['first_quarter']}/{p['last_quarter']}); "
        f"workers RSS MB peak {w['peak']} (first/last quarter "
        f"{w['first_quarter']}/{w['last_quarter']})",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())

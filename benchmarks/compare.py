"""Compare newsparse with trafilatura (default and fast=True), readability-lxml,
resiliparse and newspaper4k.

    python benchmarks/compare.py [--corpus DIR] [--repeat N] [--tools NAME ...]
                                 [--limit N] [--out benchmarks/results/aeb-dev.md]
                                 [--baseline OTHER_CHECKOUT/src] [--clock cpu|wall]

``--baseline`` adds ``newsparse-baseline``: newsparse imported from another
checkout's ``src`` (e.g. main before a change), measured in the same run, so that a
before/after speed ratio is read from one table.  Any corpus in the aeb layout
(``html/<id>.html.gz`` + ``ground-truth.json``) works, e.g. readability-dev.

One command, one run: every tool extracts the main text of every page of the
corpus (default ../shared/corpora/aeb-dev, gzipped pages plus ground-truth.json)
and the table gives, per tool, the body F1 / precision / recall of the shared
scorer (../shared/eval/score.py, imported, not copied), the median and p99
milliseconds per page, the ratio of that median to a bare
``lxml.html.document_fromstring`` of the same pages measured in the same
process, the peak RSS growth over its passes, and the RSS after each pass.

Each tool runs in a fresh worker process (this script with ``--worker``), one
after another, so that its memory figures are its own and its imports cannot
slow the next tool; the lxml baseline runs in that same worker, page by page
interleaved with the tool, so a change of machine load hits both alike.
Times are the worker's CPU time (``time.process_time``) by default: on a shared
machine, wall-clock time also counts the moments another process held the core, which
lands on random pages and decides the p99; ``--clock wall`` times wall-clock instead.

Install the peers with ``pip install -e '.[bench]'``; a peer that is missing is
listed as such and skipped.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib.util
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peers import BASELINE_ENV, TOOLS, Tool, resolve

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
DEFAULT_CORPUS = SHARED / "corpora" / "aeb-dev"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "aeb-dev.md"
DEFAULT_TOOLS = tuple(name for name in TOOLS if name != "newsparse-baseline")
MB = 1024 * 1024
WORKER_TIMEOUT_S = 900


# ------------------------------------------------------------------ corpus


@dataclass(frozen=True)
class Page:
    """One corpus page: its id, URL and raw bytes."""

    key: str
    url: str | None
    data: bytes


def load_gold(corpus: Path) -> dict[str, dict[str, Any]]:
    """The corpus's ground truth: ``{id: {"articleBody": ..., "url": ...}}``."""
    gold: dict[str, dict[str, Any]] = json.loads(
        (corpus / "ground-truth.json").read_text(encoding="utf-8")
    )
    return gold


def select_ids(gold: dict[str, dict[str, Any]], limit: int | None) -> list[str]:
    """Page ids in a stable order; with ``limit``, an evenly spread subset of that size."""
    ids = sorted(gold)
    if limit is None or limit >= len(ids):
        return ids
    step = len(ids) / max(limit, 1)
    return [ids[int(i * step)] for i in range(limit)]


def load_pages(corpus: Path, gold: dict[str, dict[str, Any]], ids: Sequence[str]) -> list[Page]:
    """Read and gunzip the pages ``ids`` (``html/<id>.html.gz``, or a plain ``.html``)."""
    pages = []
    for key in ids:
        path = corpus / "html" / f"{key}.html.gz"
        if path.exists():
            data = gzip.decompress(path.read_bytes())
        else:
            data = (corpus / "html" / f"{key}.html").read_bytes()
        pages.append(Page(key, gold[key].get("url"), data))
    return pages


# ------------------------------------------------------------------ scorer


def load_scorer(path: Path = SCORER) -> ModuleType:
    """Import the shared benchmark scorer from its file; SystemExit if it is absent."""
    if not path.is_file():
        raise SystemExit(
            f"compare.py: the benchmark scorer {path} is missing; it is needed for F1/P/R "
            "(the shared folder beside the repository)"
        )
    spec = importlib.util.spec_from_file_location("newsparse_bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"compare.py: cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ memory


def rss_bytes() -> int:
    """Resident set size of this process now."""
    import psutil

    return int(psutil.Process().memory_info().rss)


def _status_kb(field_name: str) -> int | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    m = re.search(rf"^{field_name}:\s+(\d+) kB", status, re.MULTILINE)
    return int(m.group(1)) if m else None


def reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (Linux ``clear_refs`` 5); False where unsupported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return _status_kb("VmHWM") is not None


def peak_bytes() -> int | None:
    """Peak RSS since the last :func:`reset_peak` (Linux VmHWM), None where unknown."""
    kb = _status_kb("VmHWM")
    return None if kb is None else kb * 1024


# ------------------------------------------------------------------ worker


#: The clocks a run can time with: the worker's CPU time, or wall-clock time.
CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def run_worker(
    tool: Tool, corpus: Path, ids: Sequence[str], repeat: int, out: Path, clock_name: str = "cpu"
) -> int:
    """Measure one tool in this process and write its raw figures as JSON to ``out``.

    Pass 1 is the warm-up (its texts are the ones scored); passes 2..repeat+1 are
    timed.  On every page the tool and a bare lxml parse of the same input run
    back to back, in alternating order.  Only the extraction call is timed.
    """
    import lxml.html

    started = time.perf_counter()
    try:
        extract = tool.load()
    except Exception as exc:  # a peer that is not installed or fails to import
        out.write_text(
            json.dumps({"tool": tool.name, "unavailable": f"{type(exc).__name__}: {exc}"})
        )
        return 0
    import_s = time.perf_counter() - started

    gold = load_gold(corpus)
    raw = load_pages(corpus, gold, ids)
    inputs: list[Any] = [p.data.decode("utf-8") if tool.input == "str" else p.data for p in raw]
    urls = [p.url for p in raw]
    fromstring = lxml.html.document_fromstring
    n = len(inputs)
    clock = CLOCKS[clock_name]

    gc.collect()
    base = rss_bytes()
    kernel_peak = reset_peak()
    sampled_peak = base
    rss_after: list[int] = []
    texts: list[str] = [""] * n
    errors: dict[str, str] = {}
    tool_ms: list[list[float]] = [[] for _ in range(n)]
    lxml_ms: list[list[float]] = [[] for _ in range(n)]

    for pass_no in range(repeat + 1):
        for i in range(n):
            page = inputs[i]
            lxml_first = (i + pass_no) % 2 == 0
            if lxml_first:
                t0 = clock()
                tree = fromstring(page)
                t_lxml = clock() - t0
                del tree
            text = ""
            t0 = clock()
            try:
                text = extract(page, urls[i])
            except Exception as exc:  # a tool that raises scores that page as empty text
                t_tool = clock() - t0
                if pass_no == 0:
                    errors[raw[i].key] = f"{type(exc).__name__}: {str(exc)[:200]}"
            else:
                t_tool = clock() - t0
            if not lxml_first:
                t0 = clock()
                tree = fromstring(page)
                t_lxml = clock() - t0
                del tree
            if pass_no == 0:
                texts[i] = text or ""
            else:
                tool_ms[i].append(t_tool * 1000)
                lxml_ms[i].append(t_lxml * 1000)
            del text
            sampled_peak = max(sampled_peak, rss_bytes())
        gc.collect()
        rss_after.append(rss_bytes() - base)

    peak = peak_bytes() if kernel_peak else None
    result = {
        "tool": tool.name,
        "input": tool.input,
        "import_s": import_s,
        "ids": [p.key for p in raw],
        "texts": texts,
        "errors": errors,
        "tool_ms": [statistics.median(t) for t in tool_ms],
        "lxml_ms": [statistics.median(t) for t in lxml_ms],
        "rss_base": base,
        "rss_after_pass": rss_after,
        "peak_growth": max(peak if peak is not None else 0, sampled_peak) - base,
        "peak_source": "VmHWM" if peak is not None else "sampled per page",
    }
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


# ------------------------------------------------------------------ parent


@dataclass
class Row:
    """The figures of one tool, ready for the table."""

    tool: Tool
    version: str = ""
    unavailable: str | None = None
    f1: float = 0.0
    precision: float = 0.0
    recall: float = 0.0
    accuracy: float = 0.0
    errors: dict[str, str] = field(default_factory=dict)
    pages: int = 0
    median_ms: float = 0.0
    p99_ms: float = 0.0
    lxml_median_ms: float = 0.0
    ratio: float = 0.0
    page_ratio: float = 0.0
    peak_mb: float = 0.0
    rss_after_mb: list[float] = field(default_factory=list)
    import_s: float = 0.0


def p99(values: Sequence[float]) -> float:
    """99th percentile (linear interpolation between closest ranks, inclusive)."""
    if len(values) < 2:
        return float(values[0]) if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def dist_version(name: str) -> str:
    """Installed version of distribution ``name``, or "not installed"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def measure(
    tool: Tool,
    corpus: Path,
    ids: Sequence[str],
    repeat: int,
    scorer: ModuleType,
    gold: dict[str, dict[str, Any]],
    clock_name: str = "cpu",
) -> Row:
    """Run ``tool`` in a fresh worker process and score its texts."""
    row = Row(tool, version=", ".join(f"{d} {dist_version(d)}" for d in tool.dists))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        ids_file = Path(tmp) / "ids.json"
        ids_file.write_text(json.dumps(list(ids)))
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            tool.name,
            "--corpus",
            str(corpus),
            "--ids-file",
            str(ids_file),
            "--repeat",
            str(repeat),
            "--worker-out",
            str(out),
            "--clock",
            clock_name,
        ]
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=WORKER_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            row.unavailable = f"worker timed out after {WORKER_TIMEOUT_S} s"
            return row
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or "").strip().splitlines()[-3:]
            row.unavailable = f"worker failed (exit {proc.returncode}): {' | '.join(tail)}"
            return row
        res = json.loads(out.read_text(encoding="utf-8"))
    if "unavailable" in res:
        row.unavailable = res["unavailable"]
        return row
    sub_gold = {k: gold[k] for k in res["ids"]}
    pred = {k: {"articleBody": t} for k, t in zip(res["ids"], res["texts"], strict=True)}
    score = scorer.score_body(sub_gold, pred)
    row.f1, row.precision, row.recall = score["f1"], score["precision"], score["recall"]
    row.accuracy = score["accuracy"]
    row.errors = res["errors"]
    row.pages = len(res["ids"])
    row.median_ms = statistics.median(res["tool_ms"])
    row.p99_ms = p99(res["tool_ms"])
    row.lxml_median_ms = statistics.median(res["lxml_ms"])
    row.ratio = row.median_ms / row.lxml_median_ms if row.lxml_median_ms else float("nan")
    per_page = [t / x for t, x in zip(res["tool_ms"], res["lxml_ms"], strict=True) if x > 0]
    row.page_ratio = statistics.median(per_page) if per_page else float("nan")
    row.peak_mb = res["peak_growth"] / MB
    row.rss_after_mb = [b / MB for b in res["rss_after_pass"]]
    row.import_s = res["import_s"]
    return row


def machine_info() -> dict[str, str]:
    """Date, architecture, CPU, cores, load, Python and lxml versions for the report."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    import lxml.etree

    libxml2 = ".".join(str(x) for x in lxml.etree.LIBXML_VERSION)
    try:  # the newsparse the workers import (the same sys.path), and its compiled twins
        import newsparse
        from newsparse import _accel

        built = [name for name, ok in _accel.available().items() if ok]
        compiled = (
            f"newsparse imported from {Path(newsparse.__file__).parent}; its compiled "
            f"modules in use: {', '.join(built) or 'none (pure Python)'}"
        )
    except ImportError:  # a newsparse from before the compiled twins
        compiled = "newsparse without compiled modules"
    return {
        "compiled": compiled,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": platform.machine(),
        "cpu": cpu or "unknown CPU",
        "cores": str(os.cpu_count()),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "lxml": f"lxml {dist_version('lxml')} (libxml2 {libxml2})",
        "load": load,
    }


def _fmt_passes(values: Sequence[float]) -> str:
    return " / ".join(f"{v:+.1f}" for v in values)


def table(rows: Sequence[Row]) -> str:
    """The main Markdown table, one line per tool, best F1 first."""
    head = (
        "| Tool | Version | Input | F1 | Precision | Recall | Errors | Median ms/page "
        "| p99 ms/page | lxml median ms | Median vs lxml | Median of page/lxml "
        "| Peak RSS growth |\n"
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = []
    for r in sorted(rows, key=lambda r: (r.unavailable is not None, -r.f1)):
        if r.unavailable:
            lines.append(
                f"| {r.tool.name} | {r.version} | {r.tool.input} | — | — | — | — | — | — | — "
                f"| — | — | not run: {r.unavailable} |"
            )
            continue
        lines.append(
            f"| {r.tool.name} | {r.version} | {r.tool.input} | {r.f1:.3f} | {r.precision:.3f} "
            f"| {r.recall:.3f} | {len(r.errors)} | {r.median_ms:.1f} | {r.p99_ms:.1f} "
            f"| {r.lxml_median_ms:.2f} | {r.ratio:.1f}x | {r.page_ratio:.1f}x "
            f"| {r.peak_mb:.1f} MB |"
        )
    return head + "\n".join(lines) + "\n"


def memory_table(rows: Sequence[Row]) -> str:
    """RSS after each pass, relative to the worker's RSS before the first one."""
    ran = [r for r in rows if not r.unavailable]
    if not ran:
        return ""
    passes = max(len(r.rss_after_mb) for r in ran)
    head = "| Tool | " + " | ".join(
        "after pass 1 (warm-up)" if i == 0 else f"after pass {i + 1}" for i in range(passes)
    )
    head += " | import s |\n|---|" + "---:|" * (passes + 1) + "\n"
    lines = [
        f"| {r.tool.name} | "
        + " | ".join(f"{v:+.1f} MB" for v in r.rss_after_mb)
        + f" | {r.import_s:.2f} |"
        for r in ran
    ]
    return head + "\n".join(lines) + "\n"


def report(
    rows: Sequence[Row],
    info: dict[str, str],
    corpus: Path,
    pages: int,
    repeat: int,
    command: str,
    clock_name: str = "cpu",
) -> str:
    """The Markdown report: context, main table, memory table, method notes."""
    clock_note = (
        "the worker's CPU time (`time.process_time`: time another process held the core "
        "does not count)"
        if clock_name == "cpu"
        else "wall-clock time (`time.perf_counter`)"
    )
    calls = "\n".join(f"- **{r.tool.name}** ({r.tool.input}): `{r.tool.call}`" for r in rows)
    errors = [
        f"- {r.tool.name}: {len(r.errors)} page(s) raised, scored as empty text "
        f"(first: {next(iter(r.errors.values()))})"
        for r in rows
        if r.errors
    ]
    return f"""# Body extraction benchmark: {corpus.name} ({pages} pages)

Measured {info["date"]} on {info["machine"]} ({info["cpu"]}), {info["cores"]} cores,
{info["system"]}, Python {info["python"]}, {info["lxml"]}.
{info["compiled"]}.
Load average when the run started: {info["load"]} (a shared machine: absolute
times vary between runs; the ratio to lxml, measured page by page in the same
process, is the steadier figure).

Command: `{command}`

{table(rows)}
- **F1 / Precision / Recall**: the article-extraction-benchmark body metric
  (word 4-gram shingles, per page, averaged over pages) computed by
  `../shared/eval/score.py` on the text each tool returns.
- **Median / p99 ms/page**: each page's time is the median of its {repeat} timed
  passes (after one warm-up pass); the median and 99th percentile are over pages.
  Only the extraction call is timed, on input already in memory, in {clock_note}.
- **Median vs lxml**: the tool's median divided by the median of a bare
  `lxml.html.document_fromstring` of the same input, timed in the same worker,
  page by page interleaved with the tool (alternating which goes first).
- **Median of page/lxml**: the median over pages of each page's time divided by
  that page's lxml time (the figure `revision_ratio.py` and `build_ratio.py` give;
  a large page weighs as much as a small one).
- **Peak RSS growth**: the worker's peak RSS over all its passes minus its RSS
  after imports and reading the pages, before the first extraction.

RSS after each pass (MB above that starting RSS; flat means no growth across
repeated passes), and the time the tool's import took:

{memory_table(rows)}
Calls measured (input: `str` is the page decoded as UTF-8, as the benchmark
feeds every tool; `bytes` is the raw page, decoding included):

{calls}
{chr(10).join(errors)}
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: run the tools, print and write the Markdown report."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="corpus folder with html/*.html.gz and ground-truth.json",
    )
    ap.add_argument("--repeat", type=int, default=3, help="timed passes after the warm-up")
    ap.add_argument(
        "--tools",
        nargs="+",
        default=list(DEFAULT_TOOLS),
        help=f"tools to run (default: all: {', '.join(DEFAULT_TOOLS)})",
    )
    ap.add_argument("--limit", type=int, help="only this many pages (spread over the corpus)")
    ap.add_argument(
        "--out",
        type=Path,
        help=f"Markdown report ('-' for none; default {DEFAULT_OUT}, or none with --limit)",
    )
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON here")
    ap.add_argument(
        "--baseline",
        type=Path,
        help="src folder of another newsparse checkout (e.g. main): adds newsparse-baseline, "
        "measured in the same run",
    )
    ap.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="cpu",
        help="time the worker's CPU time (default) or wall-clock time",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--ids-file", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        ids = json.loads(args.ids_file.read_text())
        return run_worker(
            resolve(args.worker), args.corpus, ids, args.repeat, args.worker_out, args.clock
        )

    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    try:
        tools = [resolve(name) for name in args.tools]
    except KeyError as exc:
        ap.error(f"unknown tool {exc}; choose from {', '.join(TOOLS)}")
    if args.baseline is not None:
        os.environ[BASELINE_ENV] = str(args.baseline.resolve())  # inherited by the workers
        if all(t.name != "newsparse-baseline" for t in tools):
            tools.insert(1, resolve("newsparse-baseline"))
    if not (args.corpus / "ground-truth.json").is_file():
        print(
            f"compare.py: no corpus at {args.corpus} (ground-truth.json missing)", file=sys.stderr
        )
        return 2
    scorer = load_scorer()
    try:
        import psutil  # noqa: F401
    except ImportError:
        print("compare.py: psutil is needed (pip install -e '.[bench]')", file=sys.stderr)
        return 2

    gold = load_gold(args.corpus)
    ids = select_ids(gold, args.limit)
    info = machine_info()
    rows = []
    for tool in tools:
        print(
            f"[compare] {tool.name}: {len(ids)} pages x {args.repeat + 1} passes ...",
            file=sys.stderr,
            flush=True,
        )
        row = measure(tool, args.corpus, ids, args.repeat, scorer, gold, args.clock)
        if row.unavailable:
            print(f"[compare] {tool.name}: not run: {row.unavailable}", file=sys.stderr)
        rows.append(row)

    command = "python benchmarks/compare.py" + "".join(
        f" {shlex.quote(a)}" for a in (sys.argv[1:] if argv is None else argv)
    )
    text = report(rows, info, args.corpus, len(ids), args.repeat, command, args.clock)
    print(text)
    out = args.out
    if out is None:  # a --limit subset never overwrites the committed full-run table
        out = DEFAULT_OUT if args.limit is None else Path("-")
    if str(out) != "-":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"[compare] wrote {out}", file=sys.stderr)
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {k: v for k, v in vars(r).items() if k != "tool"} | {"tool": r.tool.name}
                    for r in rows
                ],
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

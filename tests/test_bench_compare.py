"""benchmarks/compare.py: subset selection, statistics, text conversion, report, a tiny run."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))

import compare  # noqa: E402
import peers  # noqa: E402


@pytest.mark.parametrize(
    ("n", "limit", "expected"),
    [
        (10, None, list(range(10))),
        (10, 20, list(range(10))),
        (10, 5, [0, 2, 4, 6, 8]),
        (9, 3, [0, 3, 6]),
    ],
)
def test_select_ids_spreads_a_subset(n: int, limit: int | None, expected: list[int]) -> None:
    gold: dict[str, dict[str, Any]] = {f"id{i:02d}": {} for i in range(n)}
    assert compare.select_ids(gold, limit) == [f"id{i:02d}" for i in expected]


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], 0.0), ([7.0], 7.0), ([1.0, 2.0], 1.99), (list(range(1, 102)), 100.0)],
)
def test_p99_interpolates(values: list[float], expected: float) -> None:
    assert compare.p99(values) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div><p>One end.</p><p>Next one</p></div>", "One end.\nNext one"),
        ("<div><h2>Head</h2>text <b>bold</b> tail</div>", "Head\ntext bold tail"),
        ("<div><p>a<!-- hidden --></p><script>x()</script><p>b</p></div>", "a\nb"),
        ("<ul><li>x</li><li>y</li></ul>", "x\ny"),
        ("", ""),
    ],
)
def test_lxml_text_keeps_blocks_apart(html: str, expected: str) -> None:
    assert peers._lxml_text(html) == expected


def test_resolve_accepts_aliases_and_rejects_unknown() -> None:
    assert peers.resolve("readability").name == "readability-lxml"
    assert peers.resolve("newspaper").name == "newspaper4k"
    assert peers.resolve("newsparse-bytes").input == "bytes"
    with pytest.raises(KeyError):
        peers.resolve("goose3")


def test_missing_scorer_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="scorer"):
        compare.load_scorer(tmp_path / "score.py")


def test_table_orders_by_f1_and_lists_unavailable_last() -> None:
    good = compare.Row(
        peers.TOOLS["newsparse"],
        version="newsparse 0.1.0",
        f1=0.97,
        precision=0.96,
        recall=0.98,
        median_ms=10.0,
        p99_ms=40.0,
        lxml_median_ms=2.5,
        ratio=4.0,
        page_ratio=3.5,
        peak_mb=12.3,
    )
    worse = compare.Row(
        peers.TOOLS["resiliparse"],
        version="resiliparse 2",
        f1=0.9,
        errors={"x": "ValueError"},
        ratio=1.1,
    )
    missing = compare.Row(peers.TOOLS["newspaper4k"], unavailable="ImportError: no module")
    lines = compare.table([missing, worse, good]).splitlines()
    assert lines[2].startswith("| newsparse | newsparse 0.1.0 | str | 0.970 | 0.960 | 0.980 | 0 ")
    assert "| 10.0 | 40.0 | 2.50 | 4.0x | 3.5x | 12.3 MB |" in lines[2]
    assert all(line.count("|") == lines[0].count("|") for line in lines[2:5])
    assert lines[3].startswith("| resiliparse ") and "| 1 |" in lines[3]
    assert lines[4].startswith("| newspaper4k ") and "not run: ImportError" in lines[4]


def _tiny_corpus(root: Path) -> Path:
    (root / "html").mkdir(parents=True)
    body = (
        "<p>The harbour authority approved the new ferry schedule on Monday after a long "
        "public consultation with residents of both islands.</p>"
        "<p>Services will run every forty minutes from March, and the last crossing of the "
        "night moves from ten to eleven.</p>"
    )
    gold = {}
    for i in range(3):
        page = (
            f"<html><head><title>Ferry {i}</title></head><body><nav><a href='/'>Home</a>"
            f"<a href='/news'>News</a></nav><article><h1>Ferry schedule {i}</h1>{body}"
            "</article><footer>© Harbour News</footer></body></html>"
        )
        key = f"{i:02d}ab"
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(page.encode()))
        gold[key] = {
            "articleBody": "The harbour authority approved the new ferry schedule on Monday "
            "after a long public consultation with residents of both islands.\n\nServices will "
            "run every forty minutes from March, and the last crossing of the night moves "
            "from ten to eleven.",
            "url": f"https://news.example/ferry-{i}",
        }
    (root / "ground-truth.json").write_text(json.dumps(gold))
    return root


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="no ../shared scorer")
def test_tiny_run_writes_a_report(tmp_path: Path) -> None:
    pytest.importorskip("psutil")
    corpus = _tiny_corpus(tmp_path / "corpus")
    out = tmp_path / "report.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "compare.py"),
            "--corpus",
            str(corpus),
            "--repeat",
            "1",
            "--tools",
            "newsparse",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# Body extraction benchmark: corpus (3 pages)")
    row = next(line for line in report.splitlines() if line.startswith("| newsparse |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[2] == "str"
    assert float(cells[3]) > 0.9  # F1 on a page whose article is unambiguous
    assert cells[6] == "0"  # no errors
    assert cells[10].endswith("x")
    assert "after pass 2" in report
    assert "in the worker's CPU time (`time.process_time`" in report  # the default clock

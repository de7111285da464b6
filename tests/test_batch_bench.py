"""benchmarks/bench_batch.py prints the conditions it ran under (issue 13, 9): a reader
comparing its figures with the README's needs the cores, the load and the versions."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_batch
from newsparse.batch import default_workers


def test_the_benchmark_prints_its_conditions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "figures.json"
    assert bench_batch.main(["--pages", "0", "--tiny", "40", "--workers", "1",
                             "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    lxml_version = ".".join(map(str, etree.LXML_VERSION))
    assert f"{default_workers()} cores available to this process" in printed
    assert "load average " in printed and "(1 / 5 / 15 min)" in printed
    assert f"Python {platform.python_version()}, lxml {lxml_version}" in printed
    assert "[tiny x40] workers=1: 40 pages" in printed and "load average " in printed
    figures = json.loads(out.read_text())
    info = figures["conditions"]
    assert info["cores_available"] == default_workers()
    assert len(info["load_average"]) == 3 and info["lxml"] == lxml_version
    (run,) = figures["runs"]
    assert run["pages"] == 40 and {"load_before", "load_after"} <= set(run)


def test_a_busy_machine_is_flagged(capsys: pytest.CaptureFixture[str]) -> None:
    info = bench_batch.conditions()
    bench_batch.print_conditions({**info, "load_average": [9.5, 9.0, 8.0],
                                  "cores_available": 2})
    assert "warning: the load average (9.5) is at or above the cores available (2)" in (
        capsys.readouterr().out
    )
    bench_batch.print_conditions({**info, "load_average": [0.1, 0.1, 0.1],
                                  "cores_available": 2})
    assert "warning" not in capsys.readouterr().out
    assert os.getloadavg()  # the figures come from the OS, not a constant

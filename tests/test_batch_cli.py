"""``newsparse batch``: exit statuses, output, summary, and resume after a kill or Ctrl-C."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse.cli import main
from test_batch import page_html

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"


def slow_parse(
    html: bytes | str, url: str | None = None, *, encoding: str | None = None
) -> newsparse.Article:
    """A parse that takes long enough for a run to be interrupted in the middle."""
    time.sleep(0.03)
    return newsparse.parse(html, url, encoding=encoding)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(5):
        (root / f"p{i}.html").write_text(page_html(i))
    (root / "empty.html").write_text("")
    (root / "recs.jsonl").write_text(
        json.dumps({"html": page_html(10), "url": "https://example.com/10"}) + "\nnope\n"
    )
    return root


def rows(path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    assert data.endswith(b"\n"), "the output ends with a partial line"
    return [json.loads(line) for line in data.decode().splitlines()]


def test_batch_writes_one_row_per_input(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "-j", "2", "--ordered"]) == 0
    got = rows(out)
    sources = [os.path.relpath(r["source"], corpus) for r in got]
    assert sources == [
        "empty.html", "p0.html", "p1.html", "p2.html", "p3.html", "p4.html",
        "recs.jsonl:1", "recs.jsonl:2",
    ]
    assert got[0]["error"]["type"] == "EmptyInputError" and got[0]["article"] is None
    assert got[1]["article"]["title"] == "Story 0" and got[1]["error"] is None
    assert got[6]["url"] == "https://example.com/10"
    assert got[7]["error"]["type"] == "InvalidRecordError"
    err = capsys.readouterr().err
    assert "8 inputs" in err and "6 articles, 2 errors" in err
    assert "1 EmptyInputError" in err and "1 InvalidRecordError" in err


def test_fail_on_error_and_quiet(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "-j", "0", "-q", "--fail-on-error"]) == 1
    assert capsys.readouterr().err == ""
    ok = tmp_path / "ok.jsonl"
    assert main(["batch", str(corpus / "p1.html"), "-o", str(ok), "-q", "--fail-on-error"]) == 0


def test_stdout_and_paths_from_stdin(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{corpus / 'p2.html'}\n{corpus / 'p3.html'}\n"))
    assert main(["batch", "-", "-j", "0", "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    titles = sorted(json.loads(line)["article"]["title"] for line in lines)
    assert titles == ["Story 2", "Story 3"]


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["batch"], 2),  # no input
        (["batch", "x.html", "--resume"], 2),  # resume needs an output file
        (["batch", "x.html", "--format", "parquet"], 2),  # parquet needs a directory
        (["batch", "x.html", "-j", "-1"], 2),
        (["batch", "x.html", "--max-bytes", "lots"], 2),
        (["batch", "x.html", "-o", "/nonexistent-dir/out.jsonl"], 3),  # output unusable
    ],
)
def test_usage_and_output_errors(args: list[str], status: int) -> None:
    assert main(args) == status


def test_parquet_output(corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["batch", str(corpus), "-o", str(out), "-j", "0", "-q"]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 8
    assert main(["batch", str(corpus), "-o", str(out), "-j", "0", "-q", "--resume"]) == 0
    assert pq.read_table(out).num_rows == 8


# ------------------------------------------------------------------ interrupted runs

# The child sets its own SIGINT disposition first: a shell starts a background job
# (`pytest ... &`) with SIGINT ignored, the child would inherit that, and Python installs
# its KeyboardInterrupt handler only when SIGINT is not ignored at start-up.  With the
# default handler set here the Ctrl-C test behaves the same in a terminal, in CI and in
# the background.
RUNNER = textwrap.dedent(
    """
    import signal
    signal.signal(signal.SIGINT, signal.default_int_handler)
    import functools, sys
    import newsparse.batch.command as command
    from test_batch_cli import slow_parse
    command.parse_many = functools.partial(command.parse_many, parse_fn=slow_parse)
    from newsparse.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _start(args: list[str], tmp_path: Path, *, slow: bool = True) -> subprocess.Popen[bytes]:
    """Run the CLI in a subprocess; ``slow``: with a parse slow enough to interrupt."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(SRC), env.get("PYTHONPATH", "")])
    command = ["-c", RUNNER] if slow else ["-m", "newsparse"]
    return subprocess.Popen(
        [sys.executable, *command, *args],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_lines(path: Path, proc: subprocess.Popen[bytes], count: int) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return path.read_bytes().count(b"\n")
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    pytest.fail(f"the run wrote fewer than {count} lines (exit {proc.poll()})")


N_MANY = 80


@pytest.fixture
def many(tmp_path: Path) -> Path:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(N_MANY):
        (root / f"p{i:03d}.html.gz").write_bytes(gzip.compress(page_html(i).encode()))
    return root


@pytest.mark.parametrize("how", ["kill", "ctrl-c"])
def test_resume_after_an_interrupted_run(many: Path, tmp_path: Path, how: str) -> None:
    out = tmp_path / "out.jsonl"
    args = [str(many), "-o", str(out), "-j", "2", "--timeout", "30"]
    proc = _start(["batch", *args], tmp_path)
    before = _wait_for_lines(out, proc, 6)
    proc.send_signal(signal.SIGKILL if how == "kill" else signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    if how == "ctrl-c":
        assert proc.returncode == 130
        assert b"--resume" in err
        rows(out)  # whole lines only
    else:
        assert proc.returncode == -signal.SIGKILL
        with out.open("ab") as f:  # as if the kill had landed in the middle of a write
            f.write(b'{"source": "' + str(many).encode() + b'/p1')
    interrupted = out.read_bytes().count(b"\n")
    assert before <= interrupted < N_MANY, "the run finished before it could be interrupted"

    resumed = _start(["batch", *args, "--resume", "-q"], tmp_path, slow=False)
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err.decode()
    got = rows(out)
    sources = [r["source"] for r in got]
    assert len(sources) == len(set(sources)) == N_MANY  # every input exactly once
    assert sorted(sources) == sorted(str(p) for p in many.iterdir())
    assert all(r["error"] is None and r["article"]["title"].startswith("Story ") for r in got)


def test_progress_bar_on_a_terminal(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    pytest.importorskip("tqdm")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert main(["batch", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "0"]) == 0
    shown = term.getvalue()
    assert "8/8" in shown  # pages done out of a known total
    assert "page/s" in shown and "errors=2" in shown
    assert "newsparse batch: 8 inputs" in shown  # the summary after the bar


def test_no_progress_bar_when_not_a_terminal(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(corpus), "-o", str(tmp_path / "o.jsonl"), "-j", "0"]) == 0
    err = capsys.readouterr().err
    assert "page/s" not in err and err.startswith("newsparse batch: 8 inputs")

"""The command line: output formats and exit codes."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse
import newsparse.batch
from newsparse.cli import main

PAGE = Path(__file__).resolve().parent / "fixtures" / "crypto-news-page.html"
SRC = Path(__file__).resolve().parents[1] / "src"


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PAGE), "--url", "https://x.example/a"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["url"] == "https://x.example/a"
    assert data["title"].startswith("A 55 Million Bet on AI Infrastructure")


def test_parse_markdown_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(PAGE), "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# A 55 Million Bet on AI Infrastructure")
    assert "\n## The Synergy\n" in md
    assert main(["parse", str(PAGE), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("As artificial intelligence companies")


def test_rejected_input_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4 binary")
    assert main(["parse", str(pdf)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "NotHTMLError" in err and "Traceback" not in err
    assert main(["parse", str(tmp_path / "missing.html")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["parse", str(PAGE), "--format", "yaml"]) == 2
    assert main(["nonsense"]) == 2
    capsys.readouterr()


def test_stdin_and_python_m() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", "-", "--format", "text"],
        input=b"<html><body><article><p>Hello from stdin, a short paragraph.</p></article></body>",
        capture_output=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().strip() == "Hello from stdin, a short paragraph."
    out = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", "-"],
        input=b"",
        capture_output=True,
        check=False,
    )
    assert out.returncode == 1 and b"EmptyInputError" in out.stderr


def test_parse_reads_gzip_like_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: `newsparse parse page.html.gz` was refused as "gzip data"."""
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(PAGE.read_bytes()))
    assert main(["parse", str(PAGE), "--format", "text"]) == 0
    plain = capsys.readouterr().out
    assert main(["parse", str(gz), "--format", "text"]) == 0
    assert capsys.readouterr().out == plain
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(gzip.compress(PAGE.read_bytes())[:200])
    assert main(["parse", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "InputReadError: corrupt gzip" in err


def _parse_in_subprocess(path: Path | str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    return subprocess.run(  # a timeout: before the fix, a FIFO blocked the command forever
        [sys.executable, "-m", "newsparse", "parse", str(path)],
        capture_output=True, text=True, timeout=30, env=env, check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_special_files_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    cases = [(fifo, "a FIFO (named pipe)"), (tmp_path, "a directory")]
    if os.path.exists("/dev/null"):
        cases.append((Path("/dev/null"), "a character device"))
    for path, kind in cases:
        done = _parse_in_subprocess(path)
        assert done.returncode == 1, done.stderr
        assert done.stderr == f"newsparse: {path}: InputReadError: cannot read: {kind}, " \
            "not a regular file\n"
    assert issubclass(newsparse.batch.InputReadError, newsparse.NewsparseError)

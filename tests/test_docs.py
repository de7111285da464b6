"""The documentation cannot drift: field descriptions in help(), the generated model
reference, and every code block of README.md and docs/*.md executed."""

from __future__ import annotations

import ast
import gzip
import importlib.util
import json
import os
import pydoc
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import newsparse
import newsparse.models

ROOT = Path(__file__).resolve().parents[1]


def _models() -> list[type[BaseModel]]:
    return [
        obj for name in newsparse.models.__all__
        if isinstance(obj := getattr(newsparse.models, name), type) and issubclass(obj, BaseModel)
    ]


def _squash(text: str) -> str:
    text = re.sub(r"(?m)^ \|  ?", "", text)  # pydoc's ' |  ' before each line of a class
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_help_shows_every_field_description(model: type[BaseModel]) -> None:
    """Before: help(newsparse.Article) showed none of the descriptions (issue 13, 5)."""
    shown = _squash(pydoc.render_doc(model, renderer=pydoc.plaintext))
    for name, info in model.model_fields.items():
        assert info.description, f"{model.__name__}.{name} has no description"
        assert f" {name}: " in shown
        assert _squash(info.description) in shown, f"{model.__name__}.{name}"


def test_help_of_the_top_level_article() -> None:
    shown = _squash(pydoc.render_doc(newsparse.Article, renderer=pydoc.plaintext))
    assert "published: datetime | date | None Publication time: timezone-aware" in shown
    assert "body: list[Paragraph | Heading |" in shown


def test_the_model_reference_is_up_to_date() -> None:
    """docs/models.md is generated from the models: regenerate it after a model change
    with `python tools/model_reference.py`."""
    tool = _load_tool()
    assert (ROOT / "docs" / "models.md").read_text(encoding="utf-8") == tool.render(), (
        "docs/models.md is stale: run python tools/model_reference.py"
    )
    reference = tool.render()
    for model in tool.models_from(newsparse.Article):
        assert f"\n## {model.__name__}\n" in reference
        for name in model.model_fields:
            assert f"| `{name}` |" in reference


def _load_tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "model_reference", ROOT / "tools" / "model_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ------------------------------------------------------------------ code blocks of the docs

DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUN_LANGS = {"python": "python", "py": "python", "sh": "sh", "bash": "sh", "shell": "sh"}
_FENCE = re.compile(r"^(\s*)```\s*([\w+-]*)\s*$")
_SKIP = re.compile(r"^\s*<!--\s*docs-test:\s*skip\s*\((?P<reason>[^)]+)\)\s*-->\s*$")
_MARKER = re.compile(r"<!--\s*docs-test")


@dataclass(frozen=True)
class DocBlock:
    """A fenced code block of a Markdown file."""

    path: Path
    line: int
    lang: str
    code: str
    skip: str | None

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def doc_blocks(path: Path) -> list[DocBlock]:
    """Every fenced block of ``path`` with its language and skip marker, if any."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[DocBlock] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        indent, lang = fence.group(1), fence.group(2).lower()
        end = i + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = [line[len(indent):] if line.startswith(indent) else line
                for line in lines[i + 1 : end]]
        previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        marker = _SKIP.match(previous)
        out.append(DocBlock(path, i + 1, lang, "\n".join(body) + "\n",
                            marker.group("reason") if marker else None))
        i = end + 1
    return out


BLOCKS = [b for path in DOC_FILES for b in doc_blocks(path) if b.lang in RUN_LANGS]


def test_docs_have_runnable_blocks_and_well_formed_markers() -> None:
    assert len(BLOCKS) >= 8
    assert sum(b.skip is None for b in BLOCKS) >= 5
    for path in DOC_FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _MARKER.search(line):
                assert _SKIP.match(line), f"{path.name}:{number}: malformed marker {line!r}"


PRELUDE = '''\
# docs-test prelude: the placeholders the docs use for the reader's own data
from pathlib import Path as _Path

html_bytes = page_bytes = _Path("tests/fixtures/crypto-news-page.html").read_bytes()
url = "https://example.com/news/ai-bet"
rows = [("row-1", html_bytes, url), ("row-2", b"<p>too short to be an article</p>", None)]


def __doc_value(source, got, want):
    """`expr  # value` at the top level of a docs block: the value shown must be right."""
    if isinstance(want, str) and want.endswith("..."):
        assert isinstance(got, str) and got.startswith(want[:-3]), (source, got, want)
    else:
        assert got == want, (source, got, want)


from datetime import date, datetime, timezone  # for the values shown in comments
from decimal import Decimal
'''


def _checked(code: str) -> str:
    """Top-level ``expr  # value`` lines become checks that ``expr == value``."""
    out = []
    for line in code.splitlines():
        match = re.match(r"^(?P<expr>[^\s#][^#]*?)\s{2,}#\s*(?P<want>.+)$", line)
        if match and _is_expression(match["expr"]) and _is_value(match["want"]):
            expr, want = match["expr"], match["want"]
            line = f"__doc_value({expr!r}, {expr}, {want})"
        out.append(line)
    return "\n".join(out) + "\n"


def _is_value(text: str) -> bool:
    """A value as the docs show one: a literal, or datetime(...), date(...), Decimal(...)."""
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return False
    if isinstance(tree, ast.Call):
        return isinstance(tree.func, ast.Name) and tree.func.id in {
            "datetime", "date", "Decimal"
        }
    try:
        ast.literal_eval(tree)
    except ValueError:
        return False
    return True


def _is_expression(text: str) -> bool:
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return False
    return not isinstance(tree.body, ast.Name) or text.strip() in {"None", "True", "False"}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding what the docs' commands name: crawl/, dumps/, WARC files,
    the shipped fixture page, and a `newsparse` command running this checkout."""
    from test_batch import WARC_RECORDS, _warc, page_html

    root = tmp_path_factory.mktemp("docs")
    fixture = ROOT / "tests" / "fixtures" / "crypto-news-page.html"
    (root / "tests" / "fixtures").mkdir(parents=True)
    shutil.copy(fixture, root / "tests" / "fixtures" / fixture.name)
    crawl = root / "crawl"
    (crawl / "2026").mkdir(parents=True)
    shutil.copy(fixture, crawl / "seed.html")
    for i in range(3):
        (crawl / "2026" / f"story-{i}.html").write_text(page_html(i))
    (crawl / "2026" / "story-3.html.gz").write_bytes(gzip.compress(page_html(3).encode()))
    records = [
        json.dumps({"html": page_html(i), "page": page_html(i), "url": f"https://example.com/{i}"})
        for i in range(10, 13)
    ]
    (root / "dumps" / "day1").mkdir(parents=True)
    (root / "dumps" / "day1" / "part.jsonl.gz").write_bytes(
        gzip.compress("\n".join(records).encode() + b"\n")
    )
    (root / "dump.jsonl").write_text("\n".join(records) + "\n")
    warc = _warc(WARC_RECORDS, gz=True)
    (root / "CC-MAIN-20260101-00000.warc.gz").write_bytes(warc)
    (root / "pages.warc.gz").write_bytes(warc)
    bin_dir = root / "bin"
    bin_dir.mkdir()
    command = bin_dir / "newsparse"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsparse "$@"\n')
    command.chmod(0o755)
    return root


def _env(workspace: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{workspace / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.id)
def test_doc_block_runs(block: DocBlock, workspace: Path, tmp_path: Path) -> None:
    """Every python/sh block of README.md and docs/*.md runs as written (placeholders
    given values by the prelude above), unless marked `<!-- docs-test: skip (why) -->`."""
    if block.skip is not None:
        pytest.skip(f"marked in the docs: {block.skip}")
    if "pyarrow" in block.code or "parquet" in block.code:
        pytest.importorskip("pyarrow", reason="pyarrow is not installed (the 'parquet' extra)")
    if "pandas" in block.code:
        pytest.importorskip("pandas", reason="pandas is not installed")
    run_dir = tmp_path / "run"
    shutil.copytree(workspace, run_dir, symlinks=True)
    if "out.parquet" in block.code and "pq.read_table" in block.code:
        done = subprocess.run(  # the example reads a batch output: make one
            [str(run_dir / "bin" / "newsparse"), "batch", "crawl", "-o", "out.parquet", "-q"],
            cwd=run_dir, env=_env(run_dir), capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, done.stderr
    if RUN_LANGS[block.lang] == "python":
        script = run_dir / "docs_block.py"
        script.write_text(PRELUDE + "\n" + _checked(block.code))
        argv = [sys.executable, str(script)]
    else:
        argv = ["bash", "-e", "-o", "pipefail", "-c", block.code]
    done = subprocess.run(argv, cwd=run_dir, env=_env(run_dir), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{block.id} failed:\n{done.stdout[-2000:]}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr


def test_values_shown_in_comments_are_checked() -> None:
    checked = _checked("article.title  # 'A 55 Million ...'\nx = 1  # not a value\n"
                       "df.dtype  # datetime64[us, UTC]\n")
    assert checked.splitlines() == [
        "__doc_value('article.title', article.title, 'A 55 Million ...')",
        "x = 1  # not a value",
        "df.dtype  # datetime64[us, UTC]",
    ]

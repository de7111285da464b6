"""The documentation cannot drift: field descriptions in help(), the generated model
reference, and every code block of README.md and docs/*.md executed."""

from __future__ import annotations

import importlib.util
import pydoc
import re
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

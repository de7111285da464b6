"""The documentation cannot drift: field descriptions in help(), the generated model
reference, and every code block of README.md and docs/*.md executed."""

from __future__ import annotations

import pydoc
import re

import pytest
from pydantic import BaseModel

import newsparse
import newsparse.models


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

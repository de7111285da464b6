"""The seed page as other stacks serve it (WordPress/Astra, Next.js, AMP, schema.org
microdata, Elementor + wpDiscuz): every field must score full marks with the shared scorer.

The gold files in tests/fixtures/gold/ were written from the seed page's text; the pages
differ only in markup, so a rule that works on one stack and not another shows up here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsparse

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLD = sorted((FIXTURES / "gold").glob("*.json"))
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def score() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("../shared/eval/score.py is not present")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _scores(score: ModuleType, gold: Path, tmp_path: Path) -> dict[str, Any]:
    article = newsparse.parse((FIXTURES / f"{gold.stem}.html").read_bytes())
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    pred = {gold.stem: json.loads(json.dumps(article.model_dump(mode="json")))}
    result: dict[str, Any] = score.score_fields(gold_dir, pred, None)
    return result


@pytest.mark.parametrize("gold", GOLD, ids=[g.stem for g in GOLD])
def test_every_field_scores_full_marks(score: ModuleType, gold: Path, tmp_path: Path) -> None:
    result = _scores(score, gold, tmp_path)
    flat = {
        key: (value["f1"] if isinstance(value, dict) else value)
        for key, value in result.items()
        if key not in ("pages", "missing", "body_precision", "body_recall")
    }
    below = {key: value for key, value in flat.items() if value is not None and value < 1.0}
    # body text is scored on word 4-grams; allow a shingle or two of slack, nothing else
    if "body_f1" in below and below["body_f1"] >= 0.995:
        del below["body_f1"]
    assert not below, below


@pytest.mark.parametrize("gold", GOLD, ids=[g.stem for g in GOLD])
def test_takeaway_labels_are_split(gold: Path) -> None:
    expected = json.loads(gold.read_text(encoding="utf-8"))["takeaways"]
    article = newsparse.parse((FIXTURES / f"{gold.stem}.html").read_bytes())
    assert [(t.label, t.text) for t in article.takeaways] == [
        (t["label"], t["text"]) for t in expected
    ]

"""Score newsparse on the shared dev corpora with the shared scorer.

    python tools/evaluate.py                 # every dev corpus, figures + worst pages
    python tools/evaluate.py all --worst 15  # the same, more worst pages
    python tools/evaluate.py aeb readability # some corpora only
    python tools/evaluate.py body            # aeb-dev body F1 / P / R (as score.py prints it)
    python tools/evaluate.py fields          # crypto-dev every field (as score.py prints it)
    python tools/evaluate.py fields --explain ID
    python tools/evaluate.py fields --corpus tests/fixtures/gold   # our renderings of the seed

The corpora and what is scored on each:

* ``aeb``: aeb-dev, ``score.py body`` (word 4-gram shingle F1 of ``text``);
* ``readability``: readability-dev, ``score.py body`` and ``score.py fields``
  (title exact, authors);
* ``trafilatura``: trafilatura-dev, ``score.py strings`` (title + description +
  text searched for trafilatura's with/without snippets);
* ``crypto``: crypto-dev, ``score.py fields`` (every field).

The scorer (../shared/eval/score.py, stdlib only) is imported from its path, so the
figures are its own; per-page figures are computed with its functions to list the
worst pages.  ``--save DIR`` keeps each corpus's predictions as DIR/<corpus>.json
(to diff two runs).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import newsparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
CORPORA = SHARED / "corpora"
NAMES = ("aeb", "readability", "trafilatura", "crypto")


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsparse_shared_score", SCORE)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SCORE}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parse(data: bytes, url: str | None, key: str) -> dict[str, Any]:
    try:
        return newsparse.parse(data, url).model_dump(mode="json")
    except newsparse.NewsparseError as exc:
        print(f"{key}: {exc}", file=sys.stderr)
        return {"title": None, "description": None, "text": "", "authors": []}


def predict_body(corpus: Path) -> dict[str, dict[str, str]]:
    """aeb-style corpus: {id: {"articleBody": text}}."""
    return {k: {"articleBody": a.get("text") or ""} for k, a in predict_articles(corpus).items()}


def predict_articles(corpus: Path) -> dict[str, dict[str, Any]]:
    """aeb-style corpus (ground-truth.json + html/<id>.html.gz): {id: article JSON}."""
    gold = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    out = {}
    for key, item in gold.items():
        data = gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes())
        out[key] = _parse(data, item.get("url"), key)
    return out


def predict_fields(gold_dir: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    for gold in sorted(gold_dir.glob("*.json")):
        page = gold.with_suffix(".html")
        if not page.exists():  # tests/fixtures/gold/<id>.json scores tests/fixtures/<id>.html
            page = gold.parent.parent / f"{gold.stem}.html"
        if not page.exists():
            continue
        out[gold.stem] = _parse(page.read_bytes(), None, gold.stem)
    return out


def predict_strings(corpus: Path) -> dict[str, dict[str, Any]]:
    """trafilatura-dev: {file: article JSON}, raw bytes and no URL as its README says."""
    return {
        p.name[: -len(".gz")]: _parse(gzip.decompress(p.read_bytes()), None, p.name)
        for p in sorted((corpus / "html").glob("*.gz"))
    }


def _quiet(fn: Callable[..., Any], *args: Any) -> Any:
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args)


def _f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp and not fn else 0.0)


def _worst_body(score: ModuleType, gold: dict[str, Any], pred: dict[str, Any], n: int) -> None:
    rows = []
    for key, item in gold.items():
        true = item.get("articleBody", "")
        guess = pred[key]["articleBody"]
        tp, fp, fn = score.tp_fp_fn(true, guess)
        rows.append((_f1(tp, fp, fn), key, len(score.words(true)), len(score.words(guess))))
    rows.sort()
    for f1, key, nt, ng in rows[:n]:
        print(f"    {f1:.3f}  {key}  (gold {nt} words, ours {ng})")


def run_aeb(score: ModuleType, n: int, save: Path | None) -> dict[str, Any]:
    corpus = CORPORA / "aeb-dev"
    gold = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pred = predict_body(corpus)
    _save(save, "aeb", pred)
    result: dict[str, Any] = score.score_body(gold, pred)
    print(_line("aeb-dev body", result, ("f1", "precision", "recall", "accuracy")))
    _worst_body(score, gold, pred, n)
    return result


def run_readability(score: ModuleType, n: int, save: Path | None) -> dict[str, Any]:
    corpus = CORPORA / "readability-dev"
    gold = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    arts = predict_articles(corpus)
    _save(save, "readability", arts)
    pred = {k: {"articleBody": a.get("text") or ""} for k, a in arts.items()}
    result: dict[str, Any] = score.score_body(gold, pred)
    fields = _quiet(score.score_fields, corpus / "fields", arts, None)
    result["title_exact"] = fields.get("title_exact")
    result["authors"] = fields.get("authors")
    print(_line("readability-dev body", result, ("f1", "precision", "recall")))
    print(f"  title_exact {_fmt(result['title_exact'])}  authors {_fmt(result['authors'])}")
    _worst_body(score, gold, pred, n)
    return result


def run_trafilatura(score: ModuleType, n: int, save: Path | None) -> dict[str, Any]:
    corpus = CORPORA / "trafilatura-dev"
    gold = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    pred = predict_strings(corpus)
    _save(save, "trafilatura", pred)
    result: dict[str, Any] = score.score_strings(gold, pred, None)
    text_only = {k: {"text": a.get("text") or ""} for k, a in pred.items()}
    result["f1_text_only"] = score.score_strings(gold, text_only, None)["f1"]
    print(_line("trafilatura-dev strings", result, ("f1", "precision", "recall", "f1_text_only")))
    rows = []
    for item in gold.values():
        tp, fp, fn, _tn = score.count_item(item, score.haystack(pred.get(item["file"])))
        if fp or fn:
            rows.append((-(fp + fn), item["file"], tp, fp, fn))
    rows.sort()
    for _, name, tp, fp, fn in rows[:n]:
        print(f"    tp {tp} fp {fp} fn {fn}  {name}")
    return result


def run_crypto(score: ModuleType, n: int, save: Path | None) -> dict[str, Any]:
    corpus = CORPORA / "crypto-dev"
    pred = predict_fields(corpus)
    _save(save, "crypto", pred)
    result: dict[str, Any] = _quiet(score.score_fields, corpus, pred, None)
    flat = {k: v for k, v in result.items() if not isinstance(v, dict | list)}
    print("crypto-dev fields")
    print("  " + "  ".join(f"{k} {_fmt(v)}" for k, v in flat.items()))
    for k, v in result.items():
        if isinstance(v, dict):
            print(f"  {k}: " + "  ".join(f"{kk} {_fmt(vv)}" for kk, vv in v.items()))
    return result


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4f}"
    if isinstance(v, dict):
        return "/".join(_fmt(x) for x in v.values())
    return str(v)


def _line(name: str, result: dict[str, Any], keys: tuple[str, ...]) -> str:
    return name + "\n  " + "  ".join(f"{k} {_fmt(result.get(k))}" for k in keys)


def _save(save: Path | None, name: str, pred: object) -> None:
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")


RUNNERS: dict[str, Callable[[ModuleType, int, Path | None], dict[str, Any]]] = {
    "aeb": run_aeb,
    "readability": run_readability,
    "trafilatura": run_trafilatura,
    "crypto": run_crypto,
}


def run_all(names: list[str], worst: int, save: Path | None, out: Path | None) -> int:
    score = _scorer()
    results = {}
    for name in names:
        start = time.perf_counter()
        results[name] = RUNNERS[name](score, worst, save)
        print(f"  ({time.perf_counter() - start:.0f} s)\n")
    if out is not None:
        out.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


def run_single(mode: str, corpus: Path | None, explain: str | None, save: Path | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.json"
        preds: object
        if mode == "body":
            corpus = corpus or CORPORA / "aeb-dev"
            preds = predict_body(corpus)
            cmd = ["body", "--gold", str(corpus / "ground-truth.json")]
        else:
            corpus = corpus or CORPORA / "crypto-dev"
            preds = predict_fields(corpus)
            cmd = ["fields", "--gold", str(corpus)]
            if explain:
                cmd += ["--explain", explain]
        pred_path.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
        if save:
            shutil.copy(pred_path, save)
        return subprocess.call([sys.executable, str(SCORE), *cmd, "--pred", str(pred_path)])


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "what", nargs="*", default=["all"], help="all (default), body, fields, or corpus names"
    )
    ap.add_argument("--corpus", type=Path, help="body/fields: corpus folder")
    ap.add_argument("--explain", help="fields: show one page's fields side by side")
    ap.add_argument("--save", type=Path, help="keep the predictions (a file; a folder for all)")
    ap.add_argument("--worst", type=int, default=8, help="worst pages listed per corpus")
    ap.add_argument("--json", type=Path, help="all: write the figures here")
    args = ap.parse_args()
    if not SCORE.exists():
        print(f"no scorer at {SCORE}", file=sys.stderr)
        return 2
    what = args.what
    if what in (["body"], ["fields"]):
        return run_single(what[0], args.corpus, args.explain, args.save)
    names = list(NAMES) if what == ["all"] else what
    unknown = [n for n in names if n not in RUNNERS]
    if unknown:
        ap.error(f"unknown corpus {unknown}; choose from {NAMES}")
    return run_all(names, args.worst, args.save, args.json)


if __name__ == "__main__":
    sys.exit(main())

"""Score newsparse on the shared corpora with the shared scorer.

    python tools/evaluate.py body    # aeb-dev: body text F1 / P / R
    python tools/evaluate.py fields  # crypto-dev (+ the seed fixture): every field
    python tools/evaluate.py fields --explain ID
    python tools/evaluate.py fields --corpus tests/fixtures/gold   # our renderings of the seed

Predictions are written to a temporary file and scored by
../shared/eval/score.py (stdlib only); its JSON figures are printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newsparse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"


def predict_body(corpus: Path) -> dict[str, dict[str, str]]:
    gold = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    out = {}
    for key, item in gold.items():
        data = gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes())
        try:
            text = newsparse.parse(data, item.get("url")).text
        except newsparse.NewsparseError as exc:
            print(f"{key}: {exc}", file=sys.stderr)
            text = ""
        out[key] = {"articleBody": text}
    return out


def predict_fields(gold_dir: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    for gold in sorted(gold_dir.glob("*.json")):
        page = gold.with_suffix(".html")
        if not page.exists():  # tests/fixtures/gold/<id>.json scores tests/fixtures/<id>.html
            page = gold.parent.parent / f"{gold.stem}.html"
        if not page.exists():
            continue
        out[gold.stem] = newsparse.parse(page.read_bytes()).model_dump(mode="json")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=("body", "fields"))
    ap.add_argument("--corpus", type=Path, help="corpus folder (default: the shared one)")
    ap.add_argument("--explain", help="fields: show one page's fields side by side")
    ap.add_argument("--save", type=Path, help="also keep the predictions here")
    args = ap.parse_args()
    if not SCORE.exists():
        print(f"no scorer at {SCORE}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.json"
        if args.mode == "body":
            corpus = args.corpus or SHARED / "corpora" / "aeb-dev"
            preds = predict_body(corpus)
            cmd = ["body", "--gold", str(corpus / "ground-truth.json")]
        else:
            corpus = args.corpus or SHARED / "corpora" / "crypto-dev"
            preds = predict_fields(corpus)
            cmd = ["fields", "--gold", str(corpus)]
            if args.explain:
                cmd += ["--explain", args.explain]
        pred_path.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
        if args.save:
            shutil.copy(pred_path, args.save)
        return subprocess.call([sys.executable, str(SCORE), *cmd, "--pred", str(pred_path)])


if __name__ == "__main__":
    sys.exit(main())

"""A byte-identity guard: snapshot every Article of the dev corpora, then compare.

    python tools/snapshot.py write DIR      # one DIR/<corpus>.json per corpus
    python tools/snapshot.py compare DIR    # parse again, print every differing field
    python tools/snapshot.py write DIR --src OTHER/src   # another checkout's package

Parses every page of ../shared/corpora aeb-dev, crypto-dev, readability-dev,
trafilatura-dev and tests/fixtures with ``newsparse.parse`` (aeb-dev pages with their
ground-truth URL, the others without one) and keeps ``Article.model_dump(mode="json")``
per page.  Write the snapshot before a change that must not alter output (keep DIR
outside the repository), compare after it: ``compare`` prints each page and top-level
field that differs (and pages that now raise, or raise differently) and exits 1 if
anything differs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# --src DIR: snapshot another checkout's package (e.g. `git archive main src | tar -x`)
_SRC = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(ROOT / "src")
sys.path.insert(0, _SRC)

import newsparse  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
NAMES = ("aeb-dev", "crypto-dev", "readability-dev", "trafilatura-dev", "fixtures")


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def pages(name: str) -> Iterator[tuple[str, bytes, str | None]]:
    """(key, bytes, url) of every page of corpus ``name``, in a stable order."""
    if name == "fixtures":
        for path in sorted((ROOT / "tests" / "fixtures").glob("*.html")):
            yield path.name, path.read_bytes(), None
        return
    corpus = CORPORA / name
    urls: dict[str, str] = {}
    truth = corpus / "ground-truth.json"
    if name == "aeb-dev" and truth.is_file():
        gold = json.loads(truth.read_text(encoding="utf-8"))
        urls = {k: v.get("url") for k, v in gold.items() if v.get("url")}
    for path in sorted([*corpus.rglob("*.html"), *corpus.rglob("*.html.gz")]):
        key = str(path.relative_to(corpus))
        stem = path.name.split(".html")[0]
        yield key, _read(path), urls.get(stem)


def snapshot(name: str) -> dict[str, Any]:
    """``{page key: Article dump, or {"error": ...}}`` for corpus ``name``."""
    out: dict[str, Any] = {}
    for key, data, url in pages(name):
        try:
            out[key] = newsparse.parse(data, url).model_dump(mode="json")
        except newsparse.NewsparseError as exc:
            out[key] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def compare(old: dict[str, Any], new: dict[str, Any], name: str) -> int:
    """Print the differences between two snapshots of ``name``; the number of them."""
    diffs = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if not isinstance(a, dict) or not isinstance(b, dict):
            print(f"{name}/{key}: {'added' if a is None else 'removed'}")
            diffs += 1
            continue
        for field_name in sorted(a.keys() | b.keys()):
            if a.get(field_name) != b.get(field_name):
                print(f"{name}/{key} .{field_name}:")
                print(f"    before {_short(a.get(field_name))}")
                print(f"    after  {_short(b.get(field_name))}")
                diffs += 1
    return diffs


def main() -> int:
    """Write or compare a snapshot."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("write", "compare"))
    ap.add_argument("dir", type=Path, help="snapshot folder (outside the repository)")
    ap.add_argument("--only", nargs="*", choices=NAMES, help="only these corpora")
    ap.add_argument("--src", help="import newsparse from this folder instead of ./src")
    args = ap.parse_args()
    names = args.only or NAMES
    args.dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for name in names:
        if name != "fixtures" and not (CORPORA / name).is_dir():
            print(f"{name}: absent, skipped")
            continue
        current = snapshot(name)
        path = args.dir / f"{name}.json"
        if args.action == "write":
            text = json.dumps(current, ensure_ascii=False, indent=1, sort_keys=True)
            path.write_text(text, encoding="utf-8")
            print(f"{name}: {len(current)} pages -> {path}")
            continue
        before = json.loads(path.read_text(encoding="utf-8"))
        diffs = compare(before, current, name)
        total += diffs
        print(f"{name}: {len(current)} pages, {diffs} differences")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())

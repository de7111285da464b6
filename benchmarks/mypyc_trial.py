"""Build a mypyc-compiled copy of newsparse, to measure it against the pure-Python one.

    python benchmarks/mypyc_trial.py OUT [--modules hot|all]
    python benchmarks/build_ratio.py src OUT --lean --rounds 5

Not a shipped build (see benchmarks/results/speed-issue12.md, "mypyc": the gain was too
small to ship).  Copies ``src/newsparse`` into ``OUT/newsparse``, applies there the few
edits mypyc needs (below; each keeps the pure-Python behaviour), and runs ``mypyc`` on
the chosen modules, leaving the compiled extension modules next to their sources in OUT
(so OUT imports the compiled build; nothing in ``src`` changes).  Needs ``mypy`` (which
brings mypyc and mypy_extensions), the project's dependencies and ``lxml-stubs`` in the
running interpreter, and a C compiler; the build takes 3-7 minutes on two cores.

``hot``: the extraction modules, document, render and charset, but not dom.py.  ``all``:
also dom.py, parser.py and the small helper modules -- every module that defines no
pydantic model (models.py, provenance.py, spark.py and the package ``__init__`` stay
Python).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HOT = [
    "extract/content.py",
    "extract/content_prune.py",
    "extract/content_names.py",
    "extract/disclaimer.py",
    "extract/takeaways.py",
    "extract/tickers.py",
    "extract/prices.py",
    "extract/authors.py",
    "extract/metadata.py",
    "extract/dates.py",
    "extract/date_parse.py",
    "extract/blocks.py",
    "extract/comments.py",
    "extract/comment_markup.py",
    "extract/mentions.py",
    "render.py",
    "document.py",
    "charset.py",
]
ALL = [
    *HOT,
    "extract/dom.py",
    "extract/takeaway_promo.py",
    "extract/date_words.py",
    "extract/date_relative.py",
    "extract/comment_tree.py",
    "extract/comment_vocab.py",
    "extract/sections.py",
    "extract/vocabulary.py",
    "extract/language.py",
    "parser.py",
]

#: (module, old text, new text): what mypyc (2.4) rejects, and the same-behaviour edit.
EDITS = [
    # `for x in reversed(<list of lxml elements>)`: an internal mypyc error
    # ("AssertionError: Any": mypy types that reversed() call as Any with lxml-stubs).
    (
        "extract/dates.py",
        "for prev in reversed(recent[-_BEFORE_HEADLINE:]):",
        "for prev in recent[-_BEFORE_HEADLINE:][::-1]:",
    ),
    (
        "extract/disclaimer.py",
        "for child in reversed(children):",
        "for child in children[::-1]:",
    ),
    # "Surrogate codepoints in string literals not supported": let re read the escapes.
    ("document.py", r"\u2069\ud800-\udfff", r"\u2069\\ud800-\\udfff"),
    ("document.py", r'_SURROGATE = re.compile("[', r'_SURROGATE = re.compile(r"['),
    ("document.py", r'"\ud800" <= char <= "\udfff"', "chr(0xD800) <= char <= chr(0xDFFF)"),
    # A generic dataclass compiled as a native class fails at import on Python 3.11
    # ("attribute '__dict__' of 'type' objects is not writable"): keep Claim a Python class.
    (
        "extract/dom.py",
        "from lxml import etree\n",
        "from lxml import etree\nfrom mypy_extensions import mypyc_attr\n",
    ),
    (
        "extract/dom.py",
        "@dataclass\nclass Claim(",
        "@mypyc_attr(native_class=False)\n@dataclass\nclass Claim(",
    ),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("out", type=Path, help="directory for the compiled copy (replaced)")
    ap.add_argument("--modules", choices=("hot", "all"), default="all")
    args = ap.parse_args()
    modules = HOT if args.modules == "hot" else ALL
    out: Path = args.out.resolve()
    if out == (ROOT / "src").resolve():
        sys.exit("OUT must not be src: compiled modules there would shadow the sources")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copytree(ROOT / "src" / "newsparse", out / "newsparse")
    for module, old, new in EDITS:
        if module not in modules:
            continue
        path = out / "newsparse" / module
        text = path.read_text(encoding="utf-8")
        if old not in text:
            print(f"note: {module}: {old!r} not found (code changed?); not edited")
            continue
        path.write_text(text.replace(old, new), encoding="utf-8")
    targets = [f"newsparse/{m}" for m in modules]
    subprocess.run([sys.executable, "-m", "mypyc", *targets], cwd=out, check=True)
    shutil.rmtree(out / "build", ignore_errors=True)
    print(f"compiled copy in {out}: python benchmarks/build_ratio.py src {out} --lean")


if __name__ == "__main__":
    main()

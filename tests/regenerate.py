"""Regenerate the expected output of the golden fixtures.

    python tests/regenerate.py            # every tests/fixtures/*.html
    python tests/regenerate.py NAME ...   # only these fixtures (name without .html)

Each ``tests/fixtures/<name>.html`` is parsed with ``newsparse.parse`` (no URL:
the page's canonical link resolves relative links) and
``<name>.expected.json`` is rewritten with ``Article.model_dump(mode="json")``.
Review the change with ``git diff tests/fixtures`` before committing it: a
change in expected output is a change in behaviour.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import newsparse

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def expected_path(page: Path) -> Path:
    return page.with_name(page.name[: -len(".html")] + ".expected.json")


def render(page: Path) -> str:
    article = newsparse.parse(page.read_bytes())
    return json.dumps(article.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def main(names: list[str]) -> int:
    pages = [FIXTURES / f"{n}.html" for n in names] if names else sorted(FIXTURES.glob("*.html"))
    for page in pages:
        if not page.exists():
            print(f"no fixture {page}", file=sys.stderr)
            return 2
        out = expected_path(page)
        old = out.read_text(encoding="utf-8") if out.exists() else None
        new = render(page)
        if new != old:
            out.write_text(new, encoding="utf-8")
            print(f"{'updated' if old else 'created'} {out.relative_to(FIXTURES.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

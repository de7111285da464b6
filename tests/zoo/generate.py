"""Build the zoo: every stack × every language, widgets present or absent, with traps.

    python -m tests.zoo.generate --out /tmp/zoo           # pages + gold only
    python -m tests.zoo.generate --out /tmp/zoo --score   # ... and score newsparse on them

Gold is written from the generator's data: the article text, headings, takeaways,
comments, quotes and disclaimer that it put in the page.  Scores use the shared
``score.py fields`` over the whole zoo and per language.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any

from . import widgets as w
from .stacks import STACKS, Parts, Stack, page
from .texts import TEXTS, Texts

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
_COMMENTS_HEADING = {
    "en": "3 comments", "de": "3 Kommentare", "fr": "3 commentaires", "es": "3 comentarios",
    "pt": "3 comentários", "tr": "3 yorum", "ru": "3 комментария", "ja": "コメント 3件",
    "ko": "댓글 3개", "zh": "3 条评论",
}  # fmt: skip


@dataclass
class ZooPage:
    """One generated page and its gold."""

    id: str
    lang: str
    stack: str
    html: str
    gold: dict[str, Any]


def _choice(rng: random.Random, options: tuple[str, ...], none_share: float) -> str | None:
    return None if rng.random() < none_share else rng.choice(options)


def build(stack: Stack, t: Texts) -> ZooPage:
    """The page of ``t`` in ``stack`` and its gold, widgets chosen by a seeded draw."""
    rng = random.Random(f"{stack.name}/{t.lang}")
    take_style = _choice(rng, w.TAKEAWAY_STYLES, 0.3)
    com_style = _choice(rng, stack.comments, 0.3) if stack.comments else None
    tick_style = _choice(rng, w.TICKER_STYLES, 0.35)
    disc_style = rng.choice(w.DISCLAIMER_STYLES)
    list_trap = rng.random() < 0.5
    table_trap = rng.random() < 0.4
    teasers = rng.random() < 0.7
    day = 1 + (sum(map(ord, stack.name + t.lang)) % 27)
    published = f"2026-06-{day:02d}T09:30:00+00:00"

    body: list[str] = []
    text: list[str] = []
    sections = [t.headings[0], t.headings[1]]

    def para(s: str) -> None:
        body.append(f"<p>{escape(s)}</p>")
        text.append(s)

    take_html = w.takeaways(take_style, t) if take_style else ""
    take_top = take_style == "unlabelled-top" or (take_style is not None and rng.random() < 0.5)
    if take_top:
        body.append(take_html)
    para(t.paras[0])
    para(t.paras[1])
    body.append(f"<h2>{escape(t.headings[0])}</h2>")
    text.append(t.headings[0])
    para(t.paras[2])
    if list_trap:
        body.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in t.list_items) + "</ul>")
        text.append("\n".join(t.list_items))
    body.append(f"<h2>{escape(t.headings[1])}</h2>")
    text.append(t.headings[1])
    if table_trap:
        html, table_text = w.price_table(t.price_header)
        body.append(html)
        text.append(table_text)
    d1, d2 = t.disclaimer
    sep = "" if t.lang in ("ja", "zh") else " "
    disclaimer: str | None = sep.join(t.disclaimer)
    if disc_style == "glued":
        body.append(f"<p>{escape(t.paras[3])}{sep}{escape(d1)}{sep}{escape(d2)}</p>")
        text.append(t.paras[3])
    else:
        para(t.paras[3])
    if take_style and not take_top:
        body.append(take_html)
    label = escape(t.disclaimer_label)
    footer_note = ""
    banner = ""
    if disc_style == "box":
        body.append(
            f'<div class="disclaimer-box"><p><strong>{label}:</strong> {escape(d1)}{sep}'
            f"{escape(d2)}</p></div>"
        )
    elif disc_style == "heading-multi":
        body.append(f"<h4>{label}</h4><p>{escape(d1)}</p><p>{escape(d2)}</p>")
    elif disc_style == "named-multi":
        body.append(f'<div class="article-disclaimer"><p>{escape(d1)}</p><p>{escape(d2)}</p></div>')
    elif disc_style == "italic":
        body.append(f"<p><em>{escape(d1)}{sep}{escape(d2)}</em></p>")
    elif disc_style == "box-with-banner":
        body.append(
            f'<div class="post-disclaimer"><p><strong>{label}:</strong> {escape(d1)}{sep}'
            f"{escape(d2)}</p></div>"
        )
        banner = f'<div class="top-risk-warning"><p>{escape(t.banner)}</p></div>'
    elif disc_style == "footer-only":
        disclaimer = t.footer_disclaimer
    elif disc_style == "none":
        disclaimer = None
    if disc_style == "footer-only" or (disclaimer and rng.random() < 0.3):
        footer_note = f'<div class="footer-disclaimer"><p>{escape(t.footer_disclaimer)}</p></div>'

    ticker_html, quotes = w.tickers(tick_style, t.price_header) if tick_style else ("", [])
    ticker_in_header = tick_style not in ("nopct-header", "data-attrs") and rng.random() < 0.6

    sidebar = ""
    if teasers:
        lis = "".join(
            f'<li class="latest-item"><a href="/news/{i}">{escape(h)}</a> '
            f'<span class="post-author">{escape(t.commenters[i])}</span> '
            f'<time datetime="2026-06-0{i + 1}T08:00:00+00:00">0{i + 1}.06.2026</time></li>'
            for i, h in enumerate(t.teasers)
        )
        sidebar = (
            f'<div class="widget widget-latest-posts"><h3 class="widget-title">{escape(t.latest)}'
            f'</h3><ul class="latest-posts">{lis}</ul></div>'
        )
    parts = Parts(
        lang=t.lang,
        site="Coin Ledger",
        title=t.title,
        author=t.author,
        published=published,
        shown_date=f"{day:02d}.06.2026",
        body="".join(body),
        comments=w.comments(com_style, t, _COMMENTS_HEADING[t.lang]) if com_style else "",
        ticker=ticker_html,
        ticker_in_header=ticker_in_header,
        banner=banner,
        sidebar=sidebar,
        footer_note=footer_note,
    )
    gold: dict[str, Any] = {
        "title": t.title,
        "authors": [{"name": t.author}],
        "published": published,
        "text": "\n\n".join(text),
        "sections": [{"heading": h} for h in sections],
        "takeaways": [{"label": None, "text": x} for x in t.takeaways] if take_style else [],
        "comments": w.comment_gold(t) if com_style else [],
        "tickers": quotes,
        "disclaimer": disclaimer,
    }
    variant = {
        "takeaways": take_style, "comments": com_style, "tickers": tick_style,
        "disclaimer": disc_style, "list_trap": list_trap, "table_trap": table_trap,
        "teasers": teasers, "ticker_in_header": ticker_in_header,
    }  # fmt: skip
    gold["_variant"] = variant
    return ZooPage(f"{stack.name}--{t.lang}", t.lang, stack.name, page(stack, parts), gold)


def build_all(langs: list[str] | None = None, stacks: list[str] | None = None) -> list[ZooPage]:
    """Every stack × language page (or the named subset)."""
    return [
        build(s, t)
        for s in STACKS
        if stacks is None or s.name in stacks
        for lang, t in TEXTS.items()
        if langs is None or lang in langs
    ]


def write(pages: list[ZooPage], out: Path) -> None:
    """Write ``<id>.html`` and ``<id>.json`` (gold) for every page."""
    out.mkdir(parents=True, exist_ok=True)
    for p in pages:
        (out / f"{p.id}.html").write_text(p.html, encoding="utf-8")
        (out / f"{p.id}.json").write_text(
            json.dumps(p.gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )


def load_scorer() -> ModuleType | None:
    """The shared scorer module, or None when ../shared is absent."""
    if not SCORER.exists():
        return None
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(pages: list[ZooPage], scorer: ModuleType) -> dict[str, dict[str, Any]]:
    """Scores over all pages ("all") and per language."""
    import newsparse

    preds = {p.id: newsparse.parse(p.html.encode("utf-8")).model_dump(mode="json") for p in pages}
    preds = json.loads(json.dumps(preds))
    groups: dict[str, list[ZooPage]] = {"all": pages}
    for p in pages:
        groups.setdefault(p.lang, []).append(p)
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, group in groups.items():
            gold_dir = Path(tmp) / name
            gold_dir.mkdir()
            for p in group:
                (gold_dir / f"{p.id}.json").write_text(json.dumps(p.gold), encoding="utf-8")
            out[name] = scorer.score_fields(gold_dir, preds, None)
    return out


FIELDS = (
    "body_f1", "title_exact", "published_day", "authors", "sections", "takeaways", "comments",
    "comment_parent_and_author", "tickers", "disclaimer",
)  # fmt: skip


def flat(result: dict[str, Any]) -> dict[str, float | None]:
    """One number per field (F1 for the P/R/F1 ones)."""
    return {f: (result[f]["f1"] if isinstance(result[f], dict) else result[f]) for f in FIELDS}


def table(results: dict[str, dict[str, Any]]) -> str:
    """A per-language table of the field figures."""
    names = ["all", *sorted(k for k in results if k != "all")]
    short = ("body", "title", "date", "auth", "sect", "take", "comm", "c-tree", "tick", "disc")
    lines = ["lang  pages " + " ".join(f"{s:>6}" for s in short)]
    for n in names:
        row = flat(results[n])
        cells = " ".join(f"{'-' if v is None else f'{v:.3f}':>6}" for v in row.values())
        lines.append(f"{n:5} {results[n]['pages']:5} {cells}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, help="write the pages and gold here")
    ap.add_argument("--score", action="store_true", help="score newsparse on the zoo")
    ap.add_argument("--lang", action="append", help="only these languages")
    ap.add_argument("--stack", action="append", help="only these stacks")
    args = ap.parse_args()
    pages = build_all(args.lang, args.stack)
    if args.out:
        write(pages, args.out)
        print(f"{len(pages)} pages written to {args.out}")
    if args.score:
        scorer = load_scorer()
        if scorer is None:
            print(f"no scorer at {SCORER}", file=sys.stderr)
            return 2
        print(table(score(pages, scorer)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

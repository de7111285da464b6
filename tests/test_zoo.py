"""The stack zoo (tests/zoo): widgets found by structure on many stacks and languages.

A subset of the zoo is scored with the shared scorer (skipped without ../shared); each
widget markup pattern of the zoo - every comment system, takeaways box, ticker format and
disclaimer placement - is also checked on its own, in several languages, without it.
The full zoo: ``python -m tests.zoo.generate --score``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

import newsparse
from zoo import widgets as w
from zoo.generate import build, build_all, flat, load_scorer, score
from zoo.stacks import STACKS, Stack
from zoo.texts import TEXTS

LANGS = list(TEXTS)


def _subset() -> list[Any]:
    """Every stack in two languages (rotating), so each language appears four times."""
    return [
        build(s, TEXTS[LANGS[(i * 2 + k) % len(LANGS)]])
        for i, s in enumerate(STACKS)
        for k in (0, 1)
    ]


def test_zoo_subset_scores() -> None:
    scorer = load_scorer()
    if scorer is None:
        pytest.skip("../shared/eval/score.py is not present")
    pages = _subset()
    result = flat(score(pages, scorer)["all"])
    widgets = ("takeaways", "comments", "comment_parent_and_author", "tickers", "disclaimer")
    low = {k: v for k, v in result.items() if k in widgets and v is not None and v < 0.95}
    assert not low, low
    assert result["body_f1"] is not None and result["body_f1"] >= 0.9


def _page(html: str, lang: str) -> str:
    t = TEXTS[lang]
    paras = "".join(f"<p>{p}</p>" for p in t.paras)
    return (
        f'<html lang="{lang}"><head><title>{t.title}</title></head><body>'
        f"<main><article><h1>{t.title}</h1><div class='entry-content'>{paras}</div></article>"
        f"{html}</main></body></html>"
    )


def _tree(comments: list[Any]) -> list[Any]:
    return [(c.author, c.text, _tree(c.replies)) for c in comments]


def _gold_tree(gold: list[dict[str, Any]]) -> list[Any]:
    return [(c["author"], c["text"], _gold_tree(c["replies"])) for c in gold]


@pytest.mark.parametrize("lang", ["en", "de", "ja"])
@pytest.mark.parametrize("system", w.COMMENT_STYLES)
def test_comment_systems(system: str, lang: str) -> None:
    t = TEXTS[lang]
    article = newsparse.parse(_page(w.comments(system, t, "Comments"), lang))
    assert _tree(article.comments) == _gold_tree(w.comment_gold(t))
    assert "Comments" not in article.text


@pytest.mark.parametrize("lang", ["en", "ru", "ko"])
@pytest.mark.parametrize("style", w.TAKEAWAY_STYLES)
def test_takeaway_boxes(style: str, lang: str) -> None:
    t = TEXTS[lang]
    box = w.takeaways(style, t)
    paras = "".join(f"<p>{p}</p>" for p in t.paras)
    html = (
        f'<html lang="{lang}"><head><title>x</title></head><body><main><article>'
        f"<h1>{t.title}</h1><div class='entry-content'>{box}{paras}</div></article></main>"
        "</body></html>"
    )
    article = newsparse.parse(html)
    assert [(x.label, x.text) for x in article.takeaways] == [(None, x) for x in t.takeaways]
    assert t.takeaways[0] not in article.text


@pytest.mark.parametrize("lang", ["en", "tr", "zh"])
def test_ordinary_list_in_the_body_is_not_takeaways(lang: str) -> None:
    t = TEXTS[lang]
    items = "".join(f"<li>{x}</li>" for x in t.list_items)
    p = [f"<p>{x}</p>" for x in t.paras]
    body = f"{p[0]}{p[1]}<ul>{items}</ul>{p[2]}{p[3]}"
    html = (
        f'<html lang="{lang}"><head><title>x</title></head><body><main><article>'
        f"<h1>{t.title}</h1><div class='entry-content'>{body}</div></article></main></body></html>"
    )
    article = newsparse.parse(html)
    assert article.takeaways == []
    assert t.list_items[0] in article.text


@pytest.mark.parametrize("style", w.TICKER_STYLES)
def test_ticker_formats(style: str) -> None:
    strip, gold = w.tickers(style, TEXTS["en"].price_header)
    article = newsparse.parse(
        _page("", "en").replace("<main>", f"<aside class='sidebar'>{strip}</aside><main>")
    )
    got = [(q.symbol, q.price, q.change_percent) for q in article.tickers]
    want = [
        (g["symbol"], Decimal(str(g["price"])), Decimal(str(g["change_percent"]))) for g in gold
    ]
    assert got == want


@pytest.mark.parametrize("lang", ["en", "de"])
def test_price_table_in_the_article_is_not_a_widget(lang: str) -> None:
    table, text = w.price_table(TEXTS[lang].price_header)
    article = newsparse.parse(
        _page("", lang).replace("</div></article>", f"{table}</div></article>")
    )
    assert article.tickers == []
    assert text.splitlines()[1] in article.text


@pytest.mark.parametrize(
    "stack", [s for s in STACKS if s.name in ("ghost", "amp", "drupal")], ids=lambda s: s.name
)
@pytest.mark.parametrize("lang", ["en", "de", "tr", "ko"])
def test_zoo_page_disclaimer_and_widgets(stack: Stack, lang: str) -> None:
    page = build(stack, TEXTS[lang])
    got = json.loads(json.dumps(newsparse.parse(page.html).model_dump(mode="json")))
    gold = page.gold
    assert (got["disclaimer"] is None) == (gold["disclaimer"] is None)
    assert [x["text"] for x in got["takeaways"]] == [x["text"] for x in gold["takeaways"]]
    assert len(got["comments"]) == len(gold["comments"])


def test_whole_zoo_builds() -> None:
    pages = build_all()
    assert len(pages) == len(STACKS) * len(TEXTS) >= 200
    assert len({p.id for p in pages}) == len(pages)

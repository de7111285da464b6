"""Disclaimer extractor: one markup pattern per case, plus corpus checks."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from gate_pages import fixture_and_zoo_pages
from lxml import etree
from scoring_helpers import token_f1

import newsparse
from newsparse.document import load
from newsparse.extract import disclaimer as disclaimer_module
from newsparse.extract.disclaimer import cue_count, extract_disclaimer
from newsparse.extract.dom import page_index

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
AEB_DEV = SHARED / "corpora" / "aeb-dev"

BODY = (
    "<p>Bitcoin slipped on Tuesday as traders weighed fresh inflation data and a stronger dollar, "
    "extending a week of losses for the largest cryptocurrency by market value.</p>"
    "<p>Analysts said the move reflected caution ahead of the central bank meeting, with "
    "derivatives markets pricing in a wider range of outcomes than a month ago.</p>"
)
SITE_FOOTER = (
    "<footer class='site-footer'><p>© 2026 Example Media. Nothing on this site is financial "
    "advice; content is for informational purposes only.</p><a href='/terms'>Terms</a></footer>"
)


SITE_LEGAL = (
    "<footer class='site-footer'><p>© 2026 Example Media. All rights reserved.</p>"
    "<a href='/terms'>Terms</a></footer>"
)


def page(inside: str = "", *, after_content: str = "", footer: str = SITE_FOOTER) -> str:
    """A small article page: ``inside`` ends the content, ``after_content`` follows it."""
    return (
        "<html><head><title>Bitcoin slips</title></head><body>"
        "<header class='site-header'><nav><a href='/'>Home</a></nav></header>"
        "<main><article><h1>Bitcoin slips as dollar firms</h1>"
        f"<div class='entry-content'>{BODY}{inside}</div>{after_content}</article></main>"
        f"{footer}</body></html>"
    )


def disclaimer(html: str) -> str | None:
    return extract_disclaimer(load(html)).value


D1 = (
    "The cryptocurrency market remains highly volatile. This article is for informational "
    "purposes only and does not constitute financial advice."
)
D2 = (
    "Crypto assets are high-risk investments and your capital is at risk. Do your own research "
    "before making any investment decisions."
)
D3 = (
    "This content should not be considered investment advice. Readers are advised to verify "
    "facts independently and consult with a professional before making any decisions."
)

CASES = {
    "div.post-disclaimer after the content": (
        page(after_content=f"<div class='post-disclaimer' role='note'><p>{D1}</p></div>"),
        D1,
    ),
    "label 'Disclaimer' heading in a box (label dropped)": (
        page(f"<div class='box p-5'><p class='title'>Disclaimer</p><p>{D3}</p></div>"),
        D3,
    ),
    "bold 'Disclaimer:' lead-in in a plain paragraph": (
        page(f"<p><strong>Disclaimer:</strong> {D1}</p>"),
        D1,
    ),
    "data-testid on a React paragraph with hashed classes": (
        page(
            after_content=f"<p class='Disclaimer_text__Yh3b0' data-testid='article-disclaimer'>"
            f"{D1}</p>"
        ),
        D1,
    ),
    "risk-warning class with a 'Risk warning' title span": (
        page(
            f"<div class='risk-warning'><span class='title'>Risk warning</span>"
            f"<span class='text'>{D2}</span></div>"
        ),
        D2,
    ),
    "page-builder alert box: label span + description span": (
        page(
            f"<div class='elementor-alert' role='alert'><span class='elementor-alert-title'>"
            f"Risk warning</span><span class='elementor-alert-description'>{D2}</span></div>"
        ),
        D2,
    ),
    "no markup at all: a small italic paragraph closing the article": (
        page(f"<p><em>{D2}</em></p>"),
        D2,
    ),
    "two paragraphs under an 'Important disclaimer' heading": (
        page(
            f"<section class='note'><h4>Important disclaimer</h4><p>{D1}</p><p>{D2}</p></section>"
        ),
        f"{D1} {D2}",
    ),
    "a bare 'Disclaimer' paragraph among the body's paragraphs, then two paragraphs": (
        page(f"<p><strong>Disclaimer</strong></p><p>{D1}</p><p>{D2}</p>"),
        f"{D1} {D2}",
    ),
    "a text-cue paragraph continued by a second cue paragraph": (
        page(f"<p><em>{D3}</em></p><p><em>{D2}</em></p>"),
        f"{D3} {D2}",
    ),
    "warning-sign emoji before the label, advice listed with 'or other advice'": (
        page(
            "<div class='note-box'><p>⚠️ Disclaimer</p><p>This article is provided for "
            "informational purposes only. It is not offered or intended to be used as legal, "
            "tax, investment, financial, or other advice.</p></div>"
        ),
        "This article is provided for informational purposes only. It is not offered or "
        "intended to be used as legal, tax, investment, financial, or other advice.",
    ),
    "an 'Important Disclosures' box with a multi-purpose phrasing": (
        page(
            "<div class='mt-10 border-t pt-6'><div class='text-xs uppercase'>Important "
            "Disclosures</div><div class='text-xs'><p>This report is for informational and "
            "educational purposes only and does not constitute investment advice.</p><p>All "
            "investments involve risk, including the potential loss of principal.</p></div></div>"
        ),
        "This report is for informational and educational purposes only and does not "
        "constitute investment advice. All investments involve risk, including the potential "
        "loss of principal.",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_markup_patterns(name: str) -> None:
    html, expected = CASES[name]
    assert disclaimer(html) == expected


NOT_DISCLAIMERS = {
    "only the site footer's legal text": page(footer=SITE_LEGAL),
    "an editorial 'views are our own' note named disclaimer": page(
        "<p class='b-disclaimer'>The views and opinions expressed in the article do not "
        "necessarily reflect those of the publisher.</p>"
    ),
    "an affiliate disclosure": page(
        "<p class='affiliate-disclaimer'>Sometimes we include links to online retail stores. "
        "If you click on one and make a purchase we may receive a small commission.</p>"
    ),
    "news prose mentioning investment advice once": page(
        "<p>The regulator said the firm gave investment advice to retail clients without a "
        "licence, and fined it $2 million on Monday after a two-year inquiry.</p>"
    ),
    "a newsletter sign-up box": page(
        after_content="<form class='newsletter'><p>Get our daily brief. Not financial advice; "
        "for informational purposes only.</p><input name='email'></form>"
    ),
    "a sidebar widget": page(
        after_content="<aside class='sidebar'><div class='widget'><p>" + D1 + "</p></div></aside>"
    ),
}


@pytest.mark.parametrize("name", list(NOT_DISCLAIMERS))
def test_not_disclaimers(name: str) -> None:
    html = NOT_DISCLAIMERS[name].replace(SITE_FOOTER, SITE_LEGAL)
    assert disclaimer(html) is None


def test_footer_disclaimer_only_when_the_article_has_none() -> None:
    # the site footer's "not financial advice" line, its copyright sentence left out
    assert disclaimer(page()) == (
        "Nothing on this site is financial advice; content is for informational purposes only."
    )
    footer = f"<div class='footer'><div class='footer__disclaimer'><p>{D1}</p></div></div>"
    assert disclaimer(page(footer=footer)) == D1
    # an article-level disclaimer wins over the footer's
    assert disclaimer(page(f"<p><em>{D2}</em></p>")) == D2


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a lone "not investment advice" sentence is unmistakable, the copyright left out
        ("© The Block Ledger 2026. Not investment advice.", "Not investment advice."),
        (
            "© 2026 The Ledger Review. All rights reserved. Nothing on this site is "
            "investment advice.",
            "Nothing on this site is investment advice.",
        ),
        # "informational purposes only" alone is any site's note (health, legal...)
        (
            "The contents of this website are for informational purposes only and do not "
            "replace the advice of a healthcare professional.",
            None,
        ),
    ],
)
def test_one_sentence_site_footer_note(note: str, expected: str | None) -> None:
    footer = f"<div class='site-footer'><p>{note}</p></div>"
    assert disclaimer(page(footer=footer)) == expected


def test_footer_note_needs_a_not_advice_cue() -> None:
    footer = (
        "<footer><p>© 2026 Example Media. Trading involves risk of loss. "
        "Past performance.</p></footer>"
    )
    assert disclaimer(page(footer=footer)) is None


@pytest.mark.parametrize(
    "wrapper",
    [
        "<aside class='article-aside'>{}</aside>",
        "<footer class='entry-footer'>{}</footer>",
        "<div class='post-footer'><div class='note'>{}</div></div>",
    ],
)
def test_article_aside_or_footer_may_hold_the_disclaimer(wrapper: str) -> None:
    html = page(after_content=wrapper.format(f"<p>{D1}</p>"))
    assert disclaimer(html) == D1


def test_article_wrapper_named_with_a_disclaimer_word_is_not_the_box() -> None:
    html = page(f"<p><em>{D2}</em></p>").replace(
        "<div class='entry-content'>", "<div class='entry-content has-disclaimer'>"
    )
    claim = extract_disclaimer(load(html))
    assert claim.value == D2
    assert [n.tag for n in claim.nodes] == ["p"]


def test_article_disclaimer_wins_over_footer_text() -> None:
    html = page(after_content=f"<div class='disclaimer'><p>{D2}</p></div>")
    assert disclaimer(html) == D2


def test_label_and_paragraphs_all_stay_out_of_body() -> None:
    article = newsparse.parse(page(f"<p><strong>Disclaimer</strong></p><p>{D1}</p><p>{D2}</p>"))
    assert article.disclaimer == f"{D1} {D2}"
    assert "Disclaimer" not in article.text
    assert "capital is at risk" not in article.text
    assert "Analysts said the move" in article.text


def test_claimed_disclaimer_stays_out_of_body() -> None:
    article = newsparse.parse(page(f"<div class='post-disclaimer'><p>{D1}</p></div>"))
    assert article.disclaimer == D1
    assert "informational purposes" not in article.text
    assert "Analysts said the move" in article.text


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        (D1, 3),
        (D2, 3),
        (D3, 3),
        ("Bitcoin rose 4% on Tuesday after the ETF inflows resumed.", 0),
    ],
)
def test_cue_count(text: str, at_least: int) -> None:
    count = cue_count(text)
    assert count >= at_least if at_least else count == 0


def test_seed_fixture_disclaimer() -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "crypto-news-page.html"
    assert newsparse.parse(path.read_bytes()).disclaimer == D1


#: aeb-dev pages (ordinary news) where a disclaimer is found, checked by hand: none.
AEB_DEV_EXPECTED_HITS = 0


@pytest.mark.skipif(not AEB_DEV.is_dir(), reason="../shared/corpora/aeb-dev not present")
def test_aeb_dev_has_no_disclaimers() -> None:
    hits = []
    for path in sorted((AEB_DEV / "html").glob("*.html.gz")):
        doc = load(gzip.decompress(path.read_bytes()), encoding="utf-8")
        if extract_disclaimer(doc).value:
            hits.append(path.name[:6])
    assert len(hits) <= AEB_DEV_EXPECTED_HITS, hits


#: Our golden pages: each shows a different disclaimer markup (start of its text).
FIXTURE_DISCLAIMERS = {
    "crypto-news-page": "The cryptocurrency market remains highly volatile.",
    "takeaways-nextjs": "This article is provided for informational purposes only",
    "takeaways-elementor": "Cryptoassets are a high-risk investment",
    "takeaways-amp": "Ledger Daily articles are for information purposes only",
    "takeaways-microdata": "The Block Report provides news and analysis",
}


@pytest.mark.parametrize("name", list(FIXTURE_DISCLAIMERS))
def test_fixture_pages(name: str) -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures" / f"{name}.html"
    article = newsparse.parse(path.read_bytes())
    assert article.disclaimer is not None
    assert article.disclaimer.startswith(FIXTURE_DISCLAIMERS[name])
    assert not article.disclaimer.lower().startswith(("disclaimer", "risk warning", "important"))
    assert "©" not in article.disclaimer  # never the site footer's legal line
    assert article.disclaimer[:40] not in article.text


CRYPTO_DEV = SHARED / "corpora" / "crypto-dev"


@pytest.mark.skipif(not CRYPTO_DEV.is_dir(), reason="../shared/corpora/crypto-dev not present")
def test_crypto_dev_disclaimers_match_gold() -> None:
    for gold_path in sorted(CRYPTO_DEV.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page_path = gold_path.with_suffix(".html")
        if not page_path.exists() or "disclaimer" not in gold:
            continue
        got = extract_disclaimer(load(page_path.read_bytes())).value
        if gold["disclaimer"] is None:
            assert got is None, gold_path.stem
        else:
            assert got is not None, gold_path.stem
            assert token_f1(gold["disclaimer"], got) >= 0.95, gold_path.stem


#: Disclaimers in other languages, each as a site would write it (label, then text).
FOREIGN = {
    "de": ("Haftungsausschluss", "Dieser Artikel stellt keine Anlageberatung dar. Der Handel mit "
           "Kryptowährungen ist mit hohen Risiken verbunden, ein Totalverlust ist möglich."),
    "es": ("Aviso legal", "La información de este artículo no constituye asesoramiento "
           "financiero. Invertir en criptomonedas conlleva un alto riesgo."),
    "pt": ("Aviso legal", "Este conteúdo tem fins meramente informativos e não constitui "
           "aconselhamento financeiro."),
    "tr": ("Yasal uyarı", "Burada yer alan bilgiler yatırım tavsiyesi değildir. Kripto paralar "
           "yüksek risk taşır."),
    "ru": ("Отказ от ответственности", "Материал не является инвестиционной рекомендацией. "
           "Криптовалюты очень волатильны, вы можете потерять весь капитал."),
    "ja": ("免責事項", "本記事は情報提供のみを目的としたものであり、投資助言ではありません。"),
    "ko": ("면책 조항", "이 기사는 정보 제공 목적으로만 작성되었으며 투자 조언이 아닙니다."),
    "zh": ("免责声明", "本文仅供参考，不构成任何投资建议。投资有风险，入市需谨慎。"),
}  # fmt: skip


@pytest.mark.parametrize("lang", list(FOREIGN))
def test_foreign_labelled_disclaimer(lang: str) -> None:
    label, text = FOREIGN[lang]
    html = page(f"<h4>{label}</h4><p>{text}</p>", footer=SITE_LEGAL)
    assert disclaimer(html) == text


@pytest.mark.parametrize("lang", list(FOREIGN))
def test_foreign_bold_lead_in_disclaimer(lang: str) -> None:
    label, text = FOREIGN[lang]
    box = f"<div class='note'><p><strong>{label}:</strong> {text}</p></div>"
    html = page(box, footer=SITE_LEGAL)
    assert disclaimer(html) == text


def test_disclaimer_glued_to_the_last_paragraph_is_split_off() -> None:
    last = "Traders now wait for the central bank's decision on Wednesday afternoon."
    html = page(f"<p>{last} {D1}</p>", footer=SITE_LEGAL)
    article = newsparse.parse(html)
    assert article.disclaimer == D1
    assert last in article.text and "informational purposes" not in article.text


def test_glued_disclaimer_in_a_trailing_em_is_split_off() -> None:
    last = "Traders now wait for the central bank's decision on Wednesday afternoon."
    article = newsparse.parse(page(f"<p>{last} <em>{D2}</em></p>", footer=SITE_LEGAL))
    assert article.disclaimer == D2
    assert last in article.text and "capital is at risk" not in article.text


@pytest.mark.parametrize("trailing", ["{d}", "<em>{d}</em>"])
def test_a_split_off_disclaimer_is_entered_in_the_page_index(trailing: str) -> None:
    # The split adds an element to the tree after the index was made; the later stages
    # read the index, which must still list every element in document order.
    last = "Traders now wait for the central bank's <b>decision</b> on Wednesday afternoon."
    body = f"<p>{last} {trailing.format(d=D2)}</p><p>After.</p>"
    doc = load(page(body, footer=SITE_LEGAL))
    index = page_index(doc)
    claim = extract_disclaimer(doc)
    assert claim.value is not None and claim.value.startswith(D2[:20])
    assert index.elements == list(doc.root.iter(etree.Element))


def test_multi_paragraph_disclaimer_is_kept_whole() -> None:
    html = page(f"<h4>Disclaimer</h4><p>{D1}</p><p>{D2}</p>", footer=SITE_LEGAL)
    assert disclaimer(html) == f"{D1} {D2}"


def test_prose_with_one_cue_sentence_is_not_split() -> None:
    prose = (
        "<p>The fund manager said crypto assets remain highly volatile, and the firm keeps its "
        "allocation small while it studies the market.</p>"
    )
    assert disclaimer(page(prose, footer=SITE_LEGAL)) is None


@pytest.mark.parametrize(
    ("html", "other"),
    [
        ("<html lang='en-US'><head><title>Noch nicht</title></head><body></body></html>", False),
        ("<html lang='de'><head><title>Bitcoin steigt</title></head><body></body></html>", True),
        ("<html><head><title>Why bitcoin fell</title></head><body></body></html>", False),
        ("<html><head><title>Bitcoin fällt</title></head><body></body></html>", True),
        ("<html><head><title>比特币</title></head><body></body></html>", True),
    ],
)
def test_other_language_vocabulary_gate(html: str, other: bool) -> None:
    from newsparse.extract.vocabulary import other_languages

    assert other_languages(load(html)) is other


def test_cue_hint_tree_finds_what_the_word_alternation_finds() -> None:
    """disclaimer._CUE_HINT (a prefix tree of its words) against the plain alternation of
    the same words, on every text and tail of the fixtures and zoo pages."""
    plain = re.compile("|".join(map(re.escape, disclaimer_module._CUE_HINT_WORDS)))
    found = 0
    for _, html in fixture_and_zoo_pages():
        for el in load(html).root.iter():
            for text in (el.text if isinstance(el.tag, str) else None, el.tail):
                if text:
                    low = text.lower()
                    assert bool(disclaimer_module._CUE_HINT.search(low)) == bool(plain.search(low))
                    found += plain.search(low) is not None
    assert found >= 50

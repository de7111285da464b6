"""Provenance (newsparse.explain): every field, block and widget record of every fixture
is traced to an element that lxml finds again in the page by its selector."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import newsparse
from newsparse import Explanation, Parser
from newsparse.extract.dom import block_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*.html"))
SEED = FIXTURES / "crypto-news-page.html"
FIELDS = [
    "title", "authors", "published", "modified", "description", "image", "canonical_url",
    "language", "tags", "publisher",
]  # fmt: skip


def _squeeze(text: str) -> str:
    return "".join(text.split()).casefold()


def _find(page: lxml.html.HtmlElement, selector: str) -> lxml.html.HtmlElement:
    found = page.xpath(selector)
    assert len(found) == 1, f"{selector} finds {len(found)} elements"
    el = found[0]
    assert isinstance(el, lxml.html.HtmlElement)
    return el


@pytest.fixture(scope="module")
def seed() -> Explanation:
    return newsparse.explain(SEED.read_bytes())


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:-5] for p in PAGES])
def test_every_field_and_block_is_traced_to_an_element_of_the_page(page: Path) -> None:
    data = page.read_bytes()
    found = newsparse.explain(data)
    assert found.article == newsparse.parse(data)  # explaining changes nothing
    tree = lxml.html.document_fromstring(data)
    prov = found.provenance
    assert [f.field for f in prov.fields] == FIELDS
    for entry in prov.fields:
        value = getattr(found.article, entry.field)
        assert (entry.value is None) == (value in (None, [])), entry.field
        if entry.value is None:
            continue
        assert entry.sources, f"{entry.field}={entry.value!r} has no source"
        for source in entry.sources:
            el = _find(tree, source.selector)
            if source.kind == "meta":
                keys = {(el.get(a) or "").strip().lower() for a in ("name", "property", "itemprop")}
                assert el.tag == "meta" and source.key in keys
            elif source.kind == "jsonld":
                assert el.tag == "script" and source.key
            elif source.kind == "link":
                assert el.tag == "link"
    assert len(prov.blocks) == len(found.article.body)
    for block, src in zip(found.article.body, prov.blocks, strict=True):
        assert src.kind == block.kind and src.selector, src
        el = _find(tree, src.selector)
        assert el.tag == src.tag
        items = getattr(block, "items", None)
        start = getattr(block, "text", None) or (items[0].text if items else "")
        assert _squeeze(start[:30]) in _squeeze(block_text(el)), (src, start[:30])
    counted = {"takeaway": len(found.article.takeaways), "ticker": len(found.article.tickers)}
    for kind, count in counted.items():
        assert sum(w.widget == kind for w in prov.widgets) == count
    for record in prov.widgets:
        assert record.selector is not None, record
        _find(tree, record.selector)
    if found.article.body:
        assert prov.content.roots
        assert any(c.chosen for c in prov.content.candidates)


def test_seed_title_comes_from_the_visible_headline(seed: Explanation) -> None:
    title = seed.provenance.of("title")
    tree = lxml.html.document_fromstring(SEED.read_bytes())
    first = title.sources[0]
    assert first.kind == "element"
    h1 = _find(tree, first.selector)
    assert h1.tag == "h1" and h1.text_content().strip() == seed.article.title
    kinds = {(s.kind, s.key) for s in title.sources}
    assert ("meta", "og:title") in kinds  # the page declares the same title there
    assert ("title", None) in kinds  # and in <title>, with the site name after it


def test_seed_dates_and_description_name_their_structured_sources(seed: Explanation) -> None:
    published = seed.provenance.of("published")
    assert (published.sources[0].kind, published.sources[0].key) == (
        "jsonld",
        "@graph[0].datePublished",
    )
    assert any(s.key == "article:published_time" for s in published.sources)
    description = seed.provenance.of("description")
    assert [s.key for s in description.sources][:2] == ["description", "og:description"]
    language = seed.provenance.of("language")
    assert (language.sources[0].kind, language.sources[0].selector) == ("attribute", "/html")


def test_seed_comments_carry_their_parent_and_element(seed: Explanation) -> None:
    comments = [w for w in seed.provenance.widgets if w.widget == "comment"]
    reply = next(w for w in comments if w.parent is not None)
    parent = next(w for w in comments if w.ref == reply.parent)
    assert reply.ref == f"{parent.ref}.replies[0]"
    assert reply.selector and parent.selector
    # the reply's element lies inside its parent comment's element, and holds its text
    assert reply.selector.startswith(parent.selector + "/")
    tree = lxml.html.document_fromstring(SEED.read_bytes())
    text = seed.article.comments[1].replies[0].text
    assert _squeeze(text[:40]) in _squeeze(_find(tree, reply.selector).text_content())


def test_seed_content_decision_has_scores_and_reasons(seed: Explanation) -> None:
    content = seed.provenance.content
    chosen = [c for c in content.candidates if c.chosen]
    assert [c.selector for c in chosen] == content.roots
    assert chosen[0].score == max(c.score for c in content.candidates)
    reasons = {d.reason for d in content.dropped}
    # the takeaways box sits inside the article's text (the disclaimer after it)
    assert "claimed by the takeaways widget" in reasons
    assert any(d.text.startswith("Advertisement") for d in content.dropped)


def test_dropped_regions_say_why() -> None:
    words = " ".join(["The network upgrade went live on Tuesday after months of testing."] * 4)
    page = f"""<html><body><article class="post-content">
      <p>{words}</p>
      <div class="share-buttons"><a href="/s1">Share on X</a> <a href="/s2">Share</a></div>
      <p hidden>{words}</p>
      <p>{words}</p>
    </article></body></html>"""
    found = newsparse.explain(page)
    dropped = {d.text[:8]: d.reason for d in found.provenance.content.dropped}
    assert dropped["Share on"].startswith("boilerplate name: share-buttons")
    assert dropped["The netw"] == "hidden"
    assert len(found.article.body) == 2


def test_plain_parse_builds_no_provenance(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsparse.explainer as explainer

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("provenance computed by a plain parse")

    monkeypatch.setattr(explainer, "build_provenance", refuse)
    monkeypatch.setattr(explainer.adapter.Trace, "__init__", refuse)
    article = Parser().parse(SEED.read_bytes())
    assert article.title


def test_explain_rejects_bad_input_like_parse() -> None:
    with pytest.raises(newsparse.NewsparseError):
        newsparse.explain(b"")
    with pytest.raises(newsparse.NewsparseError):
        newsparse.explain(b"%PDF-1.7 binary")


CRYPTO_DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "crypto-dev"
CRYPTO_PAGES = sorted(CRYPTO_DEV.glob("*.html")) if CRYPTO_DEV.is_dir() else []


@pytest.mark.skipif(not CRYPTO_PAGES, reason="../shared/corpora/crypto-dev not present")
def test_every_selector_finds_its_element_on_the_crypto_dev_pages() -> None:
    for page in CRYPTO_PAGES:
        data = page.read_bytes()
        prov = newsparse.explain(data).provenance
        tree = lxml.html.document_fromstring(data)
        selectors = [s.selector for f in prov.fields for s in f.sources]
        selectors += [b.selector for b in prov.blocks] + [w.selector for w in prov.widgets]
        selectors += prov.content.roots + [d.selector for d in prov.content.dropped]
        for entry in prov.fields:
            assert entry.value is None or entry.sources, (page.name, entry.field)
        for selector in selectors:
            assert selector is not None, page.name
            assert len(tree.xpath(selector)) == 1, (page.name, selector)

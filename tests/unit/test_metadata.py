"""Metadata: title, language, canonical URL, publisher, description, tags, image, nodes."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

import newsparse
from newsparse.document import load
from newsparse.extract.metadata import (
    Metadata,
    extract_canonical,
    extract_description,
    extract_image,
    extract_language,
    extract_metadata,
    extract_publisher,
    extract_tags,
    extract_title,
    main_jsonld,
    normalise_language,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "crypto-news-page.html"
CRYPTO_DEV = ROOT / ".." / "shared" / "corpora" / "crypto-dev"


def _ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _doc(head: str = "", body: str = "<p>Text.</p>", url: str | None = None) -> object:
    return load(f"<html><head>{head}</head><body>{body}</body></html>", url)


def _meta(head: str = "", body: str = "<p>Text.</p>", url: str | None = None) -> Metadata:
    return extract_metadata(load(f"<html><head>{head}</head><body>{body}</body></html>", url))


# ------------------------------------------------------------------ title


@pytest.mark.parametrize(
    ("head", "body", "title", "node_tag"),
    [
        (  # the h1 matching og:title, not the site-suffixed <title>
            '<title>Big News Today | Crypto Daily</title><meta property="og:title" '
            'content="Big News Today">',
            '<h1 class="logo">Crypto Daily</h1><article><h1>Big News Today</h1><p>x</p></article>',
            "Big News Today",
            "h1",
        ),
        (  # the h1 matches the <title> once its " - Site" suffix is set aside
            "<title>Markets Slide as Rates Rise - Crypto Daily</title>",
            "<h1>Markets Slide as Rates Rise</h1><p>x</p>",
            "Markets Slide as Rates Rise",
            "h1",
        ),
        (  # no h1: the h4 that matches the JSON-LD headline
            _ld({"@type": "NewsArticle", "headline": "Best Wallets for Altcoins"}),
            '<div class="nav"><h2>Menu</h2></div><h4 class="post">Best Wallets for Altcoins</h4>'
            "<p>x</p>",
            "Best Wallets for Altcoins",
            "h4",
        ),
        (  # the displayed h1 wins over a slightly different SEO og:title
            '<meta property="og:title" content="Bitcoin price hits record high, analysts say">',
            "<h1>Bitcoin price hits a record high, analysts say</h1><p>x</p>",
            "Bitcoin price hits a record high, analysts say",
            "h1",
        ),
        (  # a site-name h1 in the header is not the headline
            '<meta property="og:site_name" content="Kabar Dunia"><title>Kabar Dunia</title>'
            '<meta property="og:title" content="Jangan Membenci Satu Kaum">',
            "<header><h1>Kabar Dunia</h1></header><h2>Jangan Membenci Satu Kaum</h2><p>x</p>",
            "Jangan Membenci Satu Kaum",
            "h2",
        ),
        (  # no matching heading: og:title, never a heading from the sidebar
            '<meta property="og:title" content="Ether Rallies on ETF Hopes">',
            "<aside><h3>Ether Rallies on ETF Hopes</h3></aside><p>x</p>",
            "Ether Rallies on ETF Hopes",
            None,
        ),
        (  # nothing but a <title>: its site suffix is stripped
            "<title>Solana Outage Explained in Full | Crypto Daily</title>"
            '<meta property="og:site_name" content="Crypto Daily">',
            "<p>x</p>",
            "Solana Outage Explained in Full",
            None,
        ),
        (  # layout wrappers named like chrome do not hide the exact headline
            '<meta property="og:title" content="Miners Sell Record BTC in April">',
            '<div class="container penci_sidebar"><div class="theiaStickySidebar">'
            '<header class="content__header--no-promo"><h1>Miners Sell Record BTC in April</h1>'
            "</header><p>x</p></div></div>",
            "Miners Sell Record BTC in April",
            "h1",
        ),
        ("", "<p>No title at all.</p>", None, None),
    ],
)
def test_title(head: str, body: str, title: str | None, node_tag: str | None) -> None:
    meta = _meta(head, body)
    assert meta.title == title
    assert (meta.title_node.tag if meta.title_node is not None else None) == node_tag


@pytest.mark.parametrize(
    ("h1", "text"),
    [
        ("$<span>100K</span> Bitcoin Is Back", "$100K Bitcoin Is Back"),
        ("Bit<em>coin</em>’s Long Road Back", "Bitcoin’s Long Road Back"),
        ("Line one of it<br>Line two of it", "Line one of it Line two of it"),
        ("Markets Rally <script>track()</script>Again", "Markets Rally Again"),
    ],
)
def test_heading_text_as_displayed(h1: str, text: str) -> None:
    assert _meta("", f"<h1>{h1}</h1><p>x</p>").title == text


def test_title_from_html_in_jsonld_headline() -> None:
    doc = load(
        "<html><head>"
        + _ld({"@type": "NewsArticle", "headline": "<b>Bold</b> &amp; Brave Move"})
        + "</head><body><p>x</p></body></html>"
    )
    assert extract_title(doc)[0] == "Bold & Brave Move"


# ------------------------------------------------------------------ language


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en_US", "en-US"),
        ("en-us", "en-US"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de-DE, en", "de-DE"),
        ("english", None),
        ("", None),
        ("12", None),
    ],
)
def test_normalise_language(raw: str, tag: str | None) -> None:
    assert normalise_language(raw) == tag


@pytest.mark.parametrize(
    ("html", "tag"),
    [
        ('<html lang="en-us"><body></body></html>', "en-US"),
        ('<html><head><meta property="og:locale" content="fr_FR"></head></html>', "fr-FR"),
        ('<html><head><meta http-equiv="content-language" content="de"></head></html>', "de"),
        (
            "<html><head>" + _ld({"@type": "Article", "inLanguage": "pt-BR"}) + "</head></html>",
            "pt-BR",
        ),
        (
            '<html lang="xx-invalid-value!"><head>'
            '<meta property="og:locale" content="en_GB"></head></html>',
            "en-GB",
        ),
        ("<html><body><p>x</p></body></html>", None),
    ],
)
def test_language(html: str, tag: str | None) -> None:
    doc = load(html)
    assert extract_language(doc, main_jsonld(doc)) == tag


# ------------------------------------------------------------------ canonical, publisher...


@pytest.mark.parametrize(
    ("head", "url", "canonical"),
    [
        (
            '<link rel="canonical" href="https://news.example/a/1">',
            None,
            "https://news.example/a/1",
        ),
        (
            '<link rel="canonical" href="/a/1">',
            "https://news.example/x?utm=1",
            "https://news.example/a/1",
        ),
        ('<link rel="canonical" href="index.html">', None, None),  # relative, nothing to resolve
        (
            '<meta property="og:url" content="https://news.example/a/2">',
            None,
            "https://news.example/a/2",
        ),
        (
            _ld({"@type": "NewsArticle", "mainEntityOfPage": {"@id": "https://news.example/a/3"}}),
            None,
            "https://news.example/a/3",
        ),
        (
            _ld({"@type": "NewsArticle", "url": "https://news.example/a/4"}),
            None,
            "https://news.example/a/4",
        ),
        ('<link rel="canonical" href="javascript:alert(1)">', None, None),
    ],
)
def test_canonical(head: str, url: str | None, canonical: str | None) -> None:
    doc = _doc(head, url=url)
    assert extract_canonical(doc, main_jsonld(doc)) == canonical  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("head", "publisher"),
    [
        (
            _ld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Daily"}}),
            "Daily",
        ),
        (
            _ld(
                {"@type": "NewsArticle", "publisher": [{"@type": "Organization", "name": "Daily"}]}
            ),
            "Daily",
        ),
        (_ld({"@type": "NewsArticle", "publisher": "Daily Wire"}), "Daily Wire"),
        ('<meta property="og:site_name" content="Crypto Daily">', "Crypto Daily"),
        (
            _ld(
                {
                    "@graph": [
                        {"@type": "NewsArticle", "headline": "H", "publisher": {"@id": "#org"}},
                        {"@type": "Organization", "@id": "#org", "name": "Ref Daily"},
                    ]
                }
            ),
            "Ref Daily",
        ),
        ('<meta name="application-name" content="Crypto Daily">', "Crypto Daily"),
        (
            _ld({"@type": "NewsArticle", "publisher": 7})
            + '<meta property="og:site_name" content="X Y">',
            "X Y",
        ),
        ("", None),
    ],
)
def test_publisher(head: str, publisher: str | None) -> None:
    doc = _doc(head)
    assert extract_publisher(doc, main_jsonld(doc)) == publisher  # type: ignore[arg-type]


_MICRODATA_ARTICLE = (
    '<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">H</h1>'
    '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
    '<span itemprop="name">Aisha Okonkwo</span></span>{publisher}<p>Text.</p></article>'
)


@pytest.mark.parametrize(
    ("head", "publisher_markup", "publisher"),
    [
        # the publisher item's own name, as a <meta content> or as text
        (
            "",
            '<span itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
            '<meta itemprop="name" content="The Chain Review"></span>',
            "The Chain Review",
        ),
        (
            "",
            '<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
            '<span itemprop="logo" itemscope itemtype="https://schema.org/ImageObject">'
            '<meta itemprop="name" content="logo.png"></span>'
            '<span itemprop="name"> Daily  Ledger </span></div>',
            "Daily Ledger",  # the logo item's name is not the publisher's
        ),
        ("", '<meta itemprop="publisher" content="Block Report">', "Block Report"),
        # og:site_name, when the page gives one, stays the first visible-metadata source
        (
            '<meta property="og:site_name" content="Ledger">',
            '<span itemprop="publisher" itemscope><meta itemprop="name" content="admin"></span>',
            "Ledger",
        ),
        ("", "", None),
    ],
)
def test_microdata_publisher(head: str, publisher_markup: str, publisher: str | None) -> None:
    doc = _doc(head, _MICRODATA_ARTICLE.format(publisher=publisher_markup))
    assert extract_publisher(doc, main_jsonld(doc)) == publisher  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("head", "description"),
    [
        ('<meta name="description" content="  A  summary. ">', "A summary."),
        ('<meta property="og:description" content="OG summary">', "OG summary"),
        (_ld({"@type": "NewsArticle", "description": "<p>LD &amp; summary</p>"}), "LD & summary"),
        ("", None),
    ],
)
def test_description(head: str, description: str | None) -> None:
    doc = _doc(head)
    assert extract_description(doc, main_jsonld(doc)) == description  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("head", "body", "tags"),
    [
        (
            '<meta property="article:tag" content="Bitcoin">'
            '<meta property="article:tag" content="ETF">'
            '<meta property="article:tag" content="bitcoin">',
            "",
            ["Bitcoin", "ETF"],
        ),
        (
            _ld({"@type": "NewsArticle", "keywords": "Bitcoin, ETF ,  , Ether"}),
            "",
            ["Bitcoin", "ETF", "Ether"],
        ),
        (
            _ld({"@type": "NewsArticle", "keywords": ["Bitcoin", 7, {"name": "ETF"}]}),
            "",
            ["Bitcoin", "ETF"],
        ),
        (
            "",
            '<article><p>x</p><a rel="tag" href="/t/btc">BTC</a>'
            '<a rel="category tag" href="/c">News</a>'
            "</article>",
            ["BTC"],
        ),
        # an article's own <footer> holds its tag row; a site footer's tags are chrome
        (
            "",
            '<article><p>x</p><footer class="article-footer">Tags: '
            '<a rel="tag" href="/t/etf">Bitcoin ETF</a> <a rel="tag" href="/t/ai">AI</a>'
            '</footer></article><footer class="site-footer"><a rel="tag" href="/t/x">X</a>'
            "</footer>",
            ["Bitcoin ETF", "AI"],
        ),
        (
            "",
            '<div class="post"><p>x</p></div><div class="site-footer">'
            '<a rel="tag" href="/t/x">Popular</a></div>',
            [],
        ),
        ('<meta name="keywords" content="crypto, markets">', "", ["crypto", "markets"]),
        ('<meta property="article:tag" content="Bitcoin, ETF">', "", ["Bitcoin", "ETF"]),
        ('<meta property="article:tag" content="A"><meta name="keywords" content="B">', "", ["A"]),
        ("", "", []),
    ],
)
def test_tags(head: str, body: str, tags: list[str]) -> None:
    doc = _doc(head, body or "<p>x</p>")
    assert extract_tags(doc, main_jsonld(doc)) == tags  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("head", "image"),
    [
        (
            '<meta property="og:image" content="https://cdn.example/a.jpg">',
            "https://cdn.example/a.jpg",
        ),
        ('<meta property="og:image" content="/a.jpg">', "https://news.example/a.jpg"),
        (
            _ld({"@type": "NewsArticle", "image": "https://cdn.example/b.jpg"}),
            "https://cdn.example/b.jpg",
        ),
        (
            _ld(
                {
                    "@type": "NewsArticle",
                    "image": ["https://cdn.example/c.jpg", "https://cdn.example/d.jpg"],
                }
            ),
            "https://cdn.example/c.jpg",
        ),
        (
            _ld(
                {
                    "@type": "NewsArticle",
                    "image": {"@type": "ImageObject", "url": "https://cdn.example/e.jpg"},
                }
            ),
            "https://cdn.example/e.jpg",
        ),
        (
            _ld(
                {
                    "@type": "NewsArticle",
                    "image": [{"@type": "ImageObject", "contentUrl": "/f.jpg"}],
                }
            ),
            "https://news.example/f.jpg",
        ),
        (
            '<meta name="twitter:image" content="https://cdn.example/g.jpg">',
            "https://cdn.example/g.jpg",
        ),
        ('<meta property="og:image" content="data:image/png;base64,xx">', None),
        ("", None),
    ],
)
def test_image(head: str, image: str | None) -> None:
    doc = _doc(head, url="https://news.example/story")
    assert extract_image(doc, main_jsonld(doc)) == image  # type: ignore[arg-type]


# ------------------------------------------------------------------ malformed JSON-LD


@pytest.mark.parametrize(
    "script",
    [
        '{"@type": "NewsArticle", "headline": "Hello World Today", "author": 42,}',
        '{"@type": "NewsArticle", "headline": ["Hello World Today"], "author": [null, 3, true]}',
        '{"@type": "NewsArticle"} {"@type": "Person", "name": "x"}',
        '{"@graph": [{"@type": ["NewsArticle"], "headline": {"x": 1}, "datePublished": 5}]}',
        '[{"@type": "NewsArticle", "publisher": [], "image": {"url": 3}, "keywords": 12}]',
        '{"@type": "NewsArticle", "inLanguage": {"name": 5}, "mainEntityOfPage": [1, 2]}',
        '{"@type": "NewsArticle", "author": {"@id": "#nobody"}}',
        '{"@type": "NewsArticle", "headline": "<script>alert(1)</script>Hi"',
        "not json at all",
    ],
)
def test_malformed_jsonld_never_raises(script: str) -> None:
    html = (
        f'<html><head><script type="application/ld+json">{script}</script></head>'
        "<body><h1>Hello World Today</h1><p>Body text of the page.</p></body></html>"
    )
    article = newsparse.parse(html)
    article.model_dump(mode="json")
    assert article.title == "Hello World Today"
    assert all(isinstance(a.name, str) and a.name for a in article.authors)


# ------------------------------------------------------------------ whole pages


def test_seed_fixture() -> None:
    meta = extract_metadata(load(FIXTURE.read_bytes()))
    assert meta.title == (
        "A 55 Million Bet on AI Infrastructure: Why Crypto Capital is Rotating Away from Bitcoin"
    )
    assert [a.name for a in meta.authors] == ["Aisha Okonkwo"]
    assert meta.authors[0].url == "https://cryptodailybrief.example/author/aisha-okonkwo/"
    assert meta.published == datetime(2026, 6, 6, 9, 30, tzinfo=timezone.utc)
    assert meta.published_raw == "2026-06-06T09:30:00+00:00"
    assert meta.modified == datetime(2026, 6, 6, 11, 5, tzinfo=timezone.utc)
    assert meta.language == "en-US"
    assert meta.canonical_url == (
        "https://cryptodailybrief.example/ai-infrastructure-bet-crypto-capital-rotation/"
    )
    assert meta.tags == ["AI Infrastructure", "Bitcoin ETFs", "Decentralized Compute"]
    assert meta.image and meta.image.startswith("https://cryptodailybrief.example/")
    assert [n.tag for n in meta.nodes] == ["h1", "div", "div"]
    assert "entry-meta" in (meta.nodes[1].get("class") or "")
    assert "cat-links" in (meta.nodes[2].get("class") or "")  # the kicker above the h1


def test_seed_fixture_body_leaves_out_title_and_byline() -> None:
    article = newsparse.parse(FIXTURE.read_bytes())
    assert not article.text.startswith("A 55 Million Bet")
    assert "By Aisha Okonkwo" not in article.text


def _crypto_pages() -> list[Path]:
    if not CRYPTO_DEV.is_dir():
        return []
    return sorted(p for p in CRYPTO_DEV.glob("*.json") if p.with_suffix(".html").exists())


@pytest.mark.skipif(not _crypto_pages(), reason="../shared/corpora/crypto-dev not available")
def test_crypto_dev_fields() -> None:
    titles = days = 0
    tp = fp = fn = 0
    pages = _crypto_pages()
    for gold_path in pages:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        meta = extract_metadata(load(gold_path.with_suffix(".html").read_bytes()))
        titles += " ".join((meta.title or "").lower().split()) == " ".join(
            (gold.get("title") or "").lower().split()
        )
        days += bool(meta.published) and str(gold.get("published"))[:10] == (
            meta.published.isoformat()[:10] if meta.published else ""
        )
        want = {a["name"].lower() for a in gold.get("authors") or []}
        got = {a.name.lower() for a in meta.authors}
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    assert titles / len(pages) >= 0.98
    assert days / len(pages) >= 0.95
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    assert f1 >= 0.95


_DESC = "Institutional investors pulled billions from bitcoin funds over thirteen days."


@pytest.mark.parametrize(
    ("header", "dek_tag"),
    [
        # a subtitle-classed paragraph under the headline is the standfirst
        (f'<h1>Headline of the story</h1><p class="entry-subtitle">{_DESC}</p>', "p"),
        # a heading repeating the description is one too, whatever its class
        (f'<h1>Headline of the story</h1><h2 class="x">{_DESC}</h2>', "h2"),
        (f'<h1>Headline of the story</h1><div class="article-dek">{_DESC}</div>', "div"),
        # a plain paragraph, even one equal to the description, may be the first paragraph
        (f"<h1>Headline of the story</h1><p>{_DESC}</p>", None),
        # "summary" boxes are often the lead paragraph: left in the body
        (f'<h1>Headline of the story</h1><div class="article__summary">{_DESC}</div>', None),
        # a standfirst before the headline is something else (a kicker, a teaser)
        (f'<p class="subtitle">{_DESC}</p><h1>Headline of the story</h1>', None),
    ],
)
def test_standfirst_node(header: str, dek_tag: str | None) -> None:
    html = (
        f'<html><head><meta name="description" content="{_DESC}"></head><body><article>'
        f'<header class="entry-header">{header}</header><div class="entry-content">'
        "<p>First paragraph of the body, with enough words to be real running text.</p>"
        "<p>Second paragraph of the body.</p></div></article></body></html>"
    )
    meta = extract_metadata(load(html))
    tags = [n.tag for n in meta.nodes]
    assert tags[0] == "h1"
    assert (tags[1] if len(tags) > 1 else None) == dek_tag
    text = newsparse.parse(html).text
    assert "First paragraph of the body" in text


@pytest.mark.parametrize(
    "ld",
    [
        {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Nested Headline"}},
        {"@type": "https://schema.org/NewsArticle", "headline": "Nested Headline"},
        {
            "@graph": [
                {"@type": "WebPage", "name": "Page"},
                {"@type": "BlogPosting", "headline": "Nested Headline"},
            ]
        },
        [
            {"@type": "VideoObject", "name": "Clip"},
            {"@type": ["Article", "NewsArticle"], "headline": "Nested Headline"},
        ],
    ],
)
def test_main_jsonld_shapes(ld: object) -> None:
    found = main_jsonld(load(f"<html><head>{_ld(ld)}</head><body><p>x</p></body></html>"))
    assert found is not None
    assert found["headline"] == "Nested Headline"


@pytest.mark.parametrize(
    "html",
    [
        "<html></html>",
        "<frameset><frame src=x></frameset>",
        "<html><body><h1></h1><h1>   </h1><time datetime='x'>y</time></body></html>",
        # URLs that do not even parse are dropped, never raised
        "<html><head><link rel=canonical href='http://[bad'><meta property='og:image' "
        "content='http://[x'></head><body><h1>Headline here</h1><p class=byline>By "
        "<a rel=author href='http://[bad'>Jane Doe</a></p></body></html>",
        "<html><head><meta name='author' content='"
        + "A" * 100_000
        + "'></head><body></body></html>",
        "<h1>" + "<span>" * 200 + "Deep title here" + "</span>" * 200 + "</h1><p>x</p>",
        "<html><body><h1>T</h1>" + "<time datetime='2026-01-01'>x</time>" * 3000 + "</body></html>",
        "<html><body>" + "<p class='byline'>By Jane Doe</p>" * 3000 + "</body></html>",
    ],
)
def test_odd_pages_never_raise(html: str) -> None:
    article = newsparse.parse(html)
    article.model_dump(mode="json")
    assert article.canonical_url is None or article.canonical_url.startswith("http")
    assert len(article.authors) <= 1


def test_bad_urls_are_dropped() -> None:
    meta = _meta(
        "<link rel=canonical href='http://[bad'><meta property='og:url' "
        "content='https://news.example/a'>",
        "<h1>Headline here</h1><p class=byline>By <a href='http://[x'>Jane Doe</a></p>",
    )
    assert meta.canonical_url == "https://news.example/a"
    assert [(a.name, a.url) for a in meta.authors] == [("Jane Doe", None)]


@pytest.mark.parametrize(
    ("before_headline", "phrase", "in_body"),
    [
        # a rubric right above the headline is the story's kicker, not its text
        ('<div class="Article_kicker__W9a2d">Markets</div>', "Markets", False),
        ('<span class="eyebrow">Crypto Policy</span>', "Crypto Policy", False),
        # a sentence, or a block holding paragraphs, is not a kicker
        ("<div>Bitcoin fell on Thursday.</div>", "Bitcoin fell on Thursday", True),
        (
            "<div><p>Analysis</p><p>Bitcoin fell again on Thursday after the decision.</p></div>",
            "Bitcoin fell again on Thursday",
            True,
        ),
    ],
)
def test_kicker_above_the_headline(before_headline: str, phrase: str, in_body: bool) -> None:
    body = (
        f"<article>{before_headline}<h1>Bitcoin Dips Under 60,000 as ECB Holds</h1>"
        "<p>Bitcoin slipped below 60,000 on Thursday after the central bank left its rate "
        "unchanged and signalled no hurry to cut. Traders trimmed positions.</p>"
        "<p>Ether fared worse, falling to around 1,512, while Solana was little changed "
        "as traders waited for the weekend.</p></article>"
    )
    html = f"<html><head><title>x</title></head><body>{body}</body></html>"
    assert (phrase in newsparse.parse(html).text) is in_body


def test_heading_and_name_texts_of_childless_elements_are_the_walk_s() -> None:
    """heading_text and authors._name_text read a childless element's own text without
    a walk: the same text as the joined_text walk gives, on every element of every
    fixture (and an empty text for a skipped tag)."""
    import lxml.etree
    import lxml.html

    from newsparse.extract import authors, metadata
    from newsparse.extract.dom import joined_text

    pages = sorted((Path(__file__).parents[1] / "fixtures").glob("*.html"))
    assert pages
    childless = 0
    for page in pages:
        root = lxml.html.document_fromstring(page.read_bytes())
        for el in root.iter(lxml.etree.Element):
            childless += not len(el)
            assert metadata.heading_text(el) == joined_text(
                el, metadata._BLOCKISH, metadata._NO_TEXT
            )
            assert authors._name_text(el) == joined_text(
                el, authors._NAME_BOUNDARY, authors._SKIP_TAGS, " , ", max_parts=400
            )
    assert childless > 500
    script = lxml.html.fragment_fromstring("<script>var x = 1;</script>")
    assert metadata.heading_text(script) == "" == authors._name_text(script)
    heading = lxml.html.fragment_fromstring("<h2>  Markets \n rally </h2>")
    assert metadata.heading_text(heading) == "Markets rally"

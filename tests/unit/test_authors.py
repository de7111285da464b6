"""Authors: byline parsing, name filters, and each markup / structured-data source."""

from __future__ import annotations

import json

import pytest

import newsparse
from newsparse.document import load
from newsparse.extract.author_names import is_person_name, split_names
from newsparse.extract.authors import find_authors
from newsparse.extract.metadata import extract_metadata, extract_title, main_jsonld


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By Aisha Okonkwo", ["Aisha Okonkwo"]),
        ("by Aisha Okonkwo", ["Aisha Okonkwo"]),
        ("Written by: Aisha Okonkwo", ["Aisha Okonkwo"]),
        ("Author: Aisha Okonkwo", ["Aisha Okonkwo"]),
        ("By A. Okonkwo and Ben Li", ["A. Okonkwo", "Ben Li"]),
        (
            "By Aisha Okonkwo, Ben Li and Carla de la Cruz",
            ["Aisha Okonkwo", "Ben Li", "Carla de la Cruz"],
        ),
        ("By Aisha Okonkwo, Ben Li, and Carla Diaz", ["Aisha Okonkwo", "Ben Li", "Carla Diaz"]),
        ("Aisha Okonkwo & Ben Li", ["Aisha Okonkwo", "Ben Li"]),
        ("By Sarah E. Needleman", ["Sarah E. Needleman"]),
        ("By Aisha Okonkwo | June 6, 2026", ["Aisha Okonkwo"]),
        ("By Aisha Okonkwo - 11/19/19 06:56 AM EST", ["Aisha Okonkwo"]),
        ("By Joseph Tsidulko November 19, 2019, 07:47 PM EST", ["Joseph Tsidulko"]),
        ("David Ehrlich Nov 13, 2019 4:26 pm", ["David Ehrlich"]),
        ("By Malcolm Owen Monday, November 18, 2019", ["Malcolm Owen"]),
        ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", ["Joe Rossignol"]),
        ("By Kamina Bashir 11 April 2025 Updated by Harsh Notariya", ["Kamina Bashir"]),
        ("Story by Jane Doe, edited by Bob Roe", ["Jane Doe"]),
        ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
        ("VICTOR TANGERMANN, FUTURISM", ["Victor Tangermann"]),
        ("Finian Cunningham. Sputnik International", ["Finian Cunningham"]),
        ("By Troy L. Smith, Cleveland.com", ["Troy L. Smith"]),
        ("By Eric Song , IGN Staff", ["Eric Song"]),
        ("By Bill Hoppe | Special to the Pioneer Press", ["Bill Hoppe"]),
        ("Reuters, Washington, Nov 20 2019", []),
        ("By Staff", []),
        ("By Staff Reporter", []),
        ("Editorial Team", []),
        ("The Associated Press", []),
        ("Associated Press", []),
        ("AFP", []),
        ("admin", []),
        ("The Russian and Syrian defense ministries", []),
        ("<b>Jane</b> Doe", ["Jane Doe"]),
        ("By 王小明 and 김철수", ["王小明", "김철수"]),
        ("김철수 기자", ["김철수"]),
        ("Иван Петров", ["Иван Петров"]),
        ("Текст: Венера Ерофеева", ["Венера Ерофеева"]),
        ("Von Moritz Bachmann", ["Moritz Bachmann"]),
        ("von Moritz Bachmann publiziert am 25. September 2018", ["Moritz Bachmann"]),
        ("por María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("Jane Doe &amp; John Roe", ["Jane Doe", "John Roe"]),
        ("", []),
    ],
)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Aisha Okonkwo", True),
        ("Camila Grigera Naón", True),
        ("Jean-Luc Picard", True),
        ("Ludwig van Beethoven", True),
        ("Staff", False),
        ("Crypto News Desk", False),
        ("Reuters", False),
        ("BeInCrypto Team", False),
        ("Editor", False),
        ("Jane", False),  # one word: a handle or a place, not a byline name
        ("jane doe", False),
        ("john@example.com", False),
        ("https://example.com/jane", False),
        ("Agent 47", False),
        ("A" * 80, False),
    ],
)
def test_is_person_name(name: str, ok: bool) -> None:
    assert is_person_name(name) is ok


def test_site_name_is_not_a_person() -> None:
    assert is_person_name("Jane Roe", ["jane", "roe"]) is False
    assert is_person_name("Jane Roe", ["jane", "roe", "com"]) is False
    assert is_person_name("Jane Roe", ["jane", "roe", "s", "blog"]) is True  # her own blog
    assert is_person_name("Jane Roe", ["other"]) is True


def _ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _authors(head: str, body: str = "<p>Text.</p>") -> list[tuple[str, str | None]]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    doc = load(html, "https://news.example/a/1")
    ld = main_jsonld(doc)
    found = find_authors(doc, ld, anchor=extract_title(doc, ld)[1])
    return [(a.name, a.url) for a in found.authors]


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ({"@type": "Person", "name": "Jane Doe"}, [("Jane Doe", None)]),
        (
            {"@type": "Person", "name": "Jane Doe", "url": "/author/jane"},
            [("Jane Doe", "https://news.example/author/jane")],
        ),
        (
            [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
            [("Jane Doe", None), ("John Roe", None)],
        ),
        ("Jane Doe", [("Jane Doe", None)]),
        (["Jane Doe", "John Roe"], [("Jane Doe", None), ("John Roe", None)]),
        ("By Jane Doe and John Roe", [("Jane Doe", None), ("John Roe", None)]),
        ({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}, [("Jane Doe", None)]),
        ({"@type": "Person", "name": ["Jane Doe"]}, [("Jane Doe", None)]),
        ({"@type": "Person", "name": "<a href='/x'>Jane Doe</a>"}, [("Jane Doe", None)]),
        ({"@type": "Organization", "name": "Crypto Daily"}, []),
        ({"@type": "Person", "name": "Staff"}, []),
        ({"@type": "Person", "name": "jane doe"}, [("Jane Doe", None)]),
        ({"@type": "Person", "name": "admin"}, []),
        ({"@type": "Person", "name": 42}, []),
        (42, []),
        (None, []),
        ({"@type": "Person"}, []),
        (
            [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Jane Doe"}],
            [("Jane Doe", None)],
        ),
        (
            {"@type": "Person", "name": "Jane Doe", "url": "javascript:alert(1)"},
            [("Jane Doe", None)],
        ),
    ],
)
def test_jsonld_author_shapes(author: object, expected: list[tuple[str, str | None]]) -> None:
    assert _authors(_ld({"@type": "NewsArticle", "headline": "H", "author": author})) == expected


def test_jsonld_author_by_reference_in_graph() -> None:
    graph = {
        "@graph": [
            {"@type": "NewsArticle", "headline": "H", "author": {"@id": "#jane"}},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe", "url": "https://x.example/j"},
        ]
    }
    assert _authors(_ld(graph)) == [("Jane Doe", "https://x.example/j")]


def test_ten_thousand_authors_are_capped() -> None:
    people = [
        {"@type": "Person", "name": f"Jane Doe{'e' * (i % 7)} Roe{chr(97 + i % 26)}"}
        for i in range(10_000)
    ]
    found = _authors(_ld({"@type": "NewsArticle", "headline": "H", "author": people}))
    assert 0 < len(found) <= 50


def test_site_like_structured_author_needs_to_be_shown() -> None:
    head = '<meta property="og:site_name" content="AltChain.net">' + _ld(
        {
            "@type": "NewsArticle",
            "headline": "H",
            "author": {"@type": "Person", "name": "Altchain Trader"},
        }
    )
    assert _authors(head) == []
    # the same name shown in the page is kept
    assert _authors(head, "<p class='x'>Altchain Trader</p><p>Text.</p>") == [
        ("Altchain Trader", None)
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="author" content="Jane Doe">', ["Jane Doe"]),
        ('<meta name="author" content="Jane Doe, John Roe">', ["Jane Doe", "John Roe"]),
        ('<meta property="article:author" content="https://facebook.com/jane">', []),
        ('<meta name="parsely-author" content="Jane Doe">', ["Jane Doe"]),
        ('<link rel="author" href="/about/" title="Jane Doe">', ["Jane Doe"]),
        ('<meta name="author" content="admin">', []),
        (
            '<meta property="og:site_name" content="Crypto Daily">'
            '<meta name="author" content="Crypto Daily">',
            [],
        ),
    ],
)
def test_meta_authors(head: str, expected: list[str]) -> None:
    assert [n for n, _ in _authors(head)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # WordPress-style byline with microdata and rel=author
            '<h1>Title of the story</h1><div class="entry-meta">By <span class="author vcard" '
            'itemprop="author" itemscope itemtype="https://schema.org/Person">'
            '<a rel="author" href="/author/jane/"><span itemprop="name">Jane Doe</span></a>'
            '</span> | <time datetime="2026-06-06">June 6, 2026</time></div><p>Text.</p>',
            [("Jane Doe", "https://news.example/author/jane/")],
        ),
        (  # a byline class with two linked names
            '<h1>Title of the story</h1><p class="byline">By <a href="/people/jane">Jane Doe'
            '</a> and <a href="/people/john">John Roe</a></p><p>Text.</p>',
            [
                ("Jane Doe", "https://news.example/people/jane"),
                ("John Roe", "https://news.example/people/john"),
            ],
        ),
        (  # utility classes only: the "By" text cue and the /author/ link
            '<h1>Title of the story</h1><div class="flex gap-2"><div>By <a class="text-3" '
            'href="/author/jane-doe/">Jane Doe</a></div><div>6 June 2026</div></div><p>Text.</p>',
            [("Jane Doe", "https://news.example/author/jane-doe/")],
        ),
        (  # an editor credited next to the author is not an author
            '<h1>Title of the story</h1><div class="meta"><div>By <a href="/author/jane/">'
            'Jane Doe</a></div><div>Edited by <a href="/author/bob/">Bob Roe</a></div></div>'
            "<p>Text.</p>",
            [("Jane Doe", "https://news.example/author/jane/")],
        ),
        (  # reviewer box and comment authors are ignored
            '<h1>Title of the story</h1><div class="reviewer">Reviewed by Bob Roe</div><p>Text.'
            '</p><div class="comments"><div class="comment-author">By Carl Poe</div></div>',
            [],
        ),
        (  # the author box at the end gives the name when nothing else does
            '<h1>Title of the story</h1><p>Text.</p><div class="author-name">Jane Doe</div>',
            [("Jane Doe", None)],
        ),
    ],
)
def test_markup_bylines(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert _authors("", body) == expected


def test_jsonld_wins_and_borrows_the_byline_url() -> None:
    head = _ld(
        {"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "Jane Doe"}}
    )
    body = '<h1>H</h1><p class="byline">By <a href="/author/jane/">Jane Doe</a></p><p>Text.</p>'
    assert _authors(head, body) == [("Jane Doe", "https://news.example/author/jane/")]


def test_byline_node_is_returned_for_the_body_to_skip() -> None:
    html = (
        "<html><body><article><h1>Title of the story</h1>"
        '<div class="entry-meta">By <a rel="author" href="/a/jane">Jane Doe</a> | '
        '<time datetime="2026-06-06">June 6, 2026</time></div>'
        "<p>First paragraph of the article body, long enough to be real text here.</p>"
        "</article></body></html>"
    )
    meta = extract_metadata(load(html))
    classes = [n.get("class") for n in meta.nodes]
    assert classes == [None, "entry-meta"]
    assert [n.tag for n in meta.nodes] == ["h1", "div"]
    article = newsparse.parse(html)
    assert "Jane Doe" not in article.text
    assert "First paragraph" in article.text


def test_byline_node_never_holds_paragraphs() -> None:
    html = (
        "<html><body><article><h1>Title of the story</h1><div class='wrap'>"
        "<span class='byline'>By Jane Doe</span>"
        "<p>First paragraph of the article body, long enough to be real article text.</p>"
        "</div></article></body></html>"
    )
    meta = extract_metadata(load(html))
    assert [n.tag for n in meta.nodes] == ["h1", "span"]


def test_personal_blog_author_named_like_the_site_is_kept_when_bylined() -> None:
    head = '<meta property="og:site_name" content="Oskar Lindqvist">' + _ld(
        {"@type": "BlogPosting", "headline": "H", "author": {"name": "Oskar Lindqvist"}}
    )
    byline = '<h1>H</h1><p class="post-meta">Posted by <a class="post-author" href="/about/">'
    byline += "Oskar Lindqvist</a></p><p>Text.</p>"
    assert _authors(head, byline) == [("Oskar Lindqvist", "https://news.example/about/")]
    # the same name only in structured data, with no byline: it is just the site's name
    assert _authors(head, "<h1>H</h1><p>Text.</p>") == []


def test_byline_inside_promoted_or_widget_wrappers_is_found() -> None:
    body = (
        '<article class="node node--promoted"><h1>Title of the story</h1>'
        '<div class="elementor-widget elementor-widget-post-info"><span itemprop="author">'
        "Jane Doe</span></div><p>Text.</p></article>"
    )
    assert _authors("", body) == [("Jane Doe", None)]


def test_weak_byline_cues_count_only_near_the_headline() -> None:
    filler = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(200))
    body = f'<h1>Title of the story</h1>{filler}<p>By <a href="/author/x">Jane Doe</a></p>'
    assert _authors("", body) == []
    # without a headline to anchor them, weak cues are not trusted at all
    assert _authors("", '<p>By <a href="/author/x">Jane Doe</a></p>') == []


def test_adjacent_author_links_stay_separate_names() -> None:
    body = (
        '<h1>Title of the story</h1><div class="author-list"><a href="/author/jane">Jane Doe'
        '</a><a href="/author/john">John Roe</a></div><p>Text.</p>'
    )
    assert [n for n, _ in _authors("", body)] == ["Jane Doe", "John Roe"]


def test_teaser_cards_do_not_give_authors() -> None:
    body = (
        "<main><article><h1>Title of the story</h1><p>Text of the story.</p></article>"
        '<section><article class="teaser"><h3>Other story</h3><span class="author">'
        "John Roe</span></article></section></main>"
    )
    assert _authors("", body) == []


def test_visible_byline_naming_more_people_than_jsonld_wins() -> None:
    head = _ld(
        {"@type": "NewsArticle", "headline": "H", "author": {"name": "Jane Doe", "url": "/j"}}
    )
    body = '<h1>H</h1><p class="byline">By Jane Doe and John Roe</p><p>Text.</p>'
    assert _authors(head, body) == [("Jane Doe", "https://news.example/j"), ("John Roe", None)]
    # a byline naming someone else entirely does not override structured data
    body = '<h1>H</h1><p class="byline">By John Roe</p><p>Text.</p>'
    assert _authors(head, body) == [("Jane Doe", "https://news.example/j")]


@pytest.mark.parametrize(
    "byline",
    [
        '<span itemprop="author" itemscope><meta itemprop="name" content="Jane Doe"></span>',
        '<meta itemprop="author" content="Jane Doe">',
    ],
)
def test_microdata_author_in_meta_content(byline: str) -> None:
    assert _authors("", f"<article><h1>Title here</h1>{byline}<p>Text.</p></article>") == [
        ("Jane Doe", None)
    ]


def test_invisible_microdata_author_gives_no_node() -> None:
    html = (
        "<html><body><article><h1>Title here</h1><div class='wrap'>"
        "<meta itemprop='author' content='Jane Doe'><p>Short text.</p></div>"
        "<p>More of the article text, long enough to be a real paragraph here.</p>"
        "</article></body></html>"
    )
    meta = extract_metadata(load(html))
    assert [a.name for a in meta.authors] == ["Jane Doe"]
    assert [n.tag for n in meta.nodes] == ["h1"]


_STORY = "<h1>Rates held steady</h1><p>The bank kept its rate unchanged, citing growth.</p>"


def test_a_consent_line_is_not_a_byline() -> None:
    body = (
        f"<article>{_STORY}<form class='signup'><span class='byline-policy'>By clicking "
        "'Submit,' you agree to the <a href='/privacy'>Privacy Policy</a></span></form>"
        "</article>"
    )
    assert _authors("", body) == []


def test_a_more_by_link_is_not_a_byline() -> None:
    body = (
        f"<article>{_STORY}<div class='writerMeta'><a class='byline' href='/writer/rj/'>"
        "More Richard Eskow.</a></div></article>"
    )
    assert _authors("", body) == []


def test_a_follow_widget_is_not_a_byline() -> None:
    body = (
        f"<article>{_STORY}<ul><li class='author-follow'>"
        "<a href='/author/katie-roe/'>Katie Roe</a></li></ul></article>"
    )
    assert _authors("", body) == []

"""Text and Markdown renderings: escaping, safe links, one Block kind per case."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.models import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Table,
)
from newsparse.render import (
    blocks_markdown,
    blocks_text,
    code_span,
    escape_markdown,
    safe_url,
)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain text", "plain text"),
        ("*not emphasis*", "\\*not emphasis\\*"),
        ("snake_case_name", "snake\\_case\\_name"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
        ("a `tick`", "a \\`tick\\`"),
        ("a | b", "a \\| b"),
        ("~~strike~~", "\\~\\~strike\\~\\~"),
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not an item", "\\- not an item"),
        ("+ not an item", "\\+ not an item"),
        ("1. not numbered", "1\\. not numbered"),
        ("12) not numbered", "12\\) not numbered"),
        ("line\n# second-line heading", "line\n\\# second-line heading"),
        ("line\n---", "line\n\\---"),
        ("line\n===", "line\n\\==="),
        ("&lt;b&gt; &amp; &#60;", "&amp;lt;b&amp;gt; &amp;amp; &amp;#60;"),
        ("AT&T and R&D", "AT&T and R&D"),
        ("2020 was a year - and # marks", "2020 was a year - and # marks"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a?b=1#c", "https://example.com/a?b=1#c"),
        ("http://example.com/a b", "http://example.com/a%20b"),
        ("https://example.com/wiki/A_(b)", "https://example.com/wiki/A_%28b%29"),
        ('https://example.com/"onmouseover="x', "https://example.com/%22onmouseover=%22x"),
        ("https://example.com/<script>", "https://example.com/%3Cscript%3E"),
        ("mailto:desk@example.com", "mailto:desk@example.com"),
        ("/relative/path", "/relative/path"),
        ("//cdn.example.com/x.png", "//cdn.example.com/x.png"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" java\tscript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html;base64,PHNjcmlwdD4=", None),
        ("vbscript:msgbox(1)", None),
        ("file:///etc/passwd", None),
        ("&#106;avascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    ("code", "span"),
    [("x", "`x`"), ("a`b", "``a`b``"), ("``x`", "``` ``x` ```"), ("`", "`` ` ``")],
)
def test_code_span_fence_is_longer_than_any_backtick_run(code: str, span: str) -> None:
    assert code_span(code) == span


def _item(text: str, *children: ListBlock) -> ListItem:
    return ListItem(text=text, markdown=text, children=list(children))


BLOCKS: list[tuple[Block, str, str]] = [
    (Paragraph(text="Hi *there*", markdown="Hi \\*there\\*"), "Hi *there*", "Hi \\*there\\*"),
    (Heading(level=3, text="Sub", markdown="Sub"), "Sub", "### Sub"),
    (
        ListBlock(ordered=False, items=[ListItem(text="a", markdown="a"), _item("b")]),
        "a\nb",
        "- a\n- b",
    ),
    (
        ListBlock(ordered=True, items=[_item("a"), _item("b")]),
        "a\nb",
        "1. a\n2. b",
    ),
    (
        ListBlock(
            ordered=True,
            items=[
                _item("a", ListBlock(ordered=False, items=[_item("a1"), _item("a2")])),
                _item("b"),
            ],
        ),
        "a\na1\na2\nb",
        "1. a\n   - a1\n   - a2\n2. b",
    ),
    (
        Quote(text="Q1\n\nQ2", markdown="Q1\n\nQ2", cite="Someone"),
        "Q1\n\nQ2\n— Someone",
        "> Q1\n>\n> Q2\n>\n> — Someone",
    ),
    (
        Quote(text="Q1", markdown="Q1", cite="https://x.example/source"),
        "Q1",
        "> Q1\n>\n> — https://x.example/source",
    ),
    (
        Table(rows=[["A", "B|C"], ["1", "2"]], header_rows=1, caption="Cap"),
        "A | B|C\n1 | 2",
        "| A | B\\|C |\n| --- | --- |\n| 1 | 2 |\n\n*Cap*",
    ),
    (
        Figure(src="https://x.example/i.png", alt="Alt [1]", caption="A caption"),
        "",
        "![Alt \\[1\\]](https://x.example/i.png)\n\n*A caption*",
    ),
    (Figure(src="javascript:alert(1)", alt=None, caption=None), "", ""),
    (
        CodeBlock(text="x = 1\n```", language="py<script>"),
        "x = 1\n```",
        "````pyscript\nx = 1\n```\n````",
    ),
]


@pytest.mark.parametrize(("block", "text", "markdown"), BLOCKS)
def test_each_block_kind_renders(block: Block, text: str, markdown: str) -> None:
    assert blocks_text([block]) == text
    assert blocks_markdown([block]) == markdown


def test_blocks_text_leaves_captions_out_unless_asked() -> None:
    body: list[Block] = [
        Paragraph(text="One.", markdown="One."),
        Figure(src=None, caption="Credit: Agency"),
        Paragraph(text="Two.", markdown="Two."),
    ]
    assert blocks_text(body) == "One.\n\nTwo."
    assert blocks_text(body, figures=True) == "One.\n\nCredit: Agency\n\nTwo."


HOSTILE = """<html><head><title>T</title></head><body><article>
<h1>Title with <b>*stars*</b> &amp; &lt;tags&gt;</h1>
<div class="entry-content">
<p>Intro text that runs on for a while before the links, so that this paragraph is
running text and not a list of links: <a href="javascript:alert(1)">bad link</a>,
<a href=" JAVASCRIPT:alert(2)">worse</a>,
<a href="data:text/html,<script>x</script>">data</a> and <a href="https://ok.example/">good</a>.</p>
<p onclick="alert(3)">Handlers <span onmouseover="alert(4)">never</span> survive, and
&lt;script&gt;alert(5)&lt;/script&gt; stays text, as does <iframe src="https://evil"></iframe>
an iframe and <img src="x" onerror="alert(6)"> an image with a handler.</p>
<p># Looks like a heading<br>[looks](like-a-link) and ![an](image.png)</p>
<script>alert(7)</script><style>p{}</style>
<p>Enough running text to make this the content, with commas, and a full stop.</p>
<figure><img src="data:image/svg+xml,<svg onload=alert(8)>"><figcaption>Cap</figcaption></figure>
</div></article></body></html>"""


def test_markdown_of_a_hostile_page_carries_no_active_content() -> None:
    article = newsparse.parse(HOSTILE, url="https://site.example/story")
    md = article.to_markdown()
    targets = re.findall(r"(?<!\\)\]\(([^)]*)\)", md)
    assert targets == ["https://ok.example/"]
    lowered = md.lower()
    for bad in ("javascript:", "data:", "<script", "<iframe", "<img", "onerror", "onclick"):
        assert bad not in lowered.replace("\\<script", "").replace("\\<", ""), bad
    assert not re.search(r"(?<!\\)<", md)
    assert "\\# Looks like a heading" in md
    assert "\\[looks\\](like-a-link)" in md
    assert "!\\[an\\](image.png)" in md
    assert "alert(7)" not in md and "alert(8)" not in md
    assert md.startswith("# Title with \\*stars\\* & \\<tags\\>")


# ------------------------------------------- Markdown structure, checked by parsing it back


def _rendered(html_body: str) -> str:
    """The article's body Markdown rendered back to HTML by a CommonMark parser (with
    GFM tables), with the newlines between tags removed."""
    from markdown_it import MarkdownIt

    prose = (
        "<p>Enough running text to make this the content of the page, with commas, "
        "clauses and a full stop, so that the scorer picks the article node.</p>"
    )
    article = newsparse.parse(
        f"<html><body><article><div class='entry-content'>{prose}{html_body}{prose}"
        "</div></article></body></html>",
        url="https://news.example/a/1",
    )
    md = blocks_markdown(article.body)
    html = MarkdownIt("commonmark").enable("table").render(md)
    html = html.replace("\n", "")
    marker = "the scorer picks the article node.</p>"
    start = html.index(marker) + len(marker)
    end = html.rindex("<p>Enough running text")
    return html[start:end]


def test_markdown_of_nested_lists_parses_back_nested() -> None:
    assert _rendered(
        "<ul><li>Exchanges<ul><li>Kraken</li><li>Bitstamp<ol><li>EU</li><li>US</li></ol>"
        "</li></ul></li><li>Wallets</li></ul>"
        "<ol><li>One</li><li>Two</li><li>3</li><li>4</li><li>5</li><li>6</li><li>7</li>"
        "<li>8</li><li>9</li><li>Ten<ul><li>Nested under ten</li></ul></li></ol>"
    ) == (
        "<ul><li>Exchanges<ul><li>Kraken</li><li>Bitstamp<ol><li>EU</li><li>US</li></ol>"
        "</li></ul></li><li>Wallets</li></ul>"
        "<ol><li>One</li><li>Two</li><li>3</li><li>4</li><li>5</li><li>6</li><li>7</li>"
        "<li>8</li><li>9</li><li>Ten<ul><li>Nested under ten</li></ul></li></ol>"
    )


def test_markdown_line_breaks_are_hard_breaks() -> None:
    assert _rendered("<p>Line one<br>Line two</p><ul><li>Item<br>second line</li></ul>") == (
        "<p>Line one<br />Line two</p><ul><li>Item<br />second line</li></ul>"
    )


def test_markdown_quote_keeps_its_paragraphs_and_attribution() -> None:
    assert _rendered(
        "<blockquote><p>First paragraph.</p><p>Second<br>paragraph.</p>"
        "<footer>— A. Person, analyst</footer></blockquote>"
    ) == (
        "<blockquote><p>First paragraph.</p><p>Second<br />paragraph.</p>"
        "<p>— A. Person, analyst</p></blockquote>"
    )


@pytest.mark.parametrize("bold", ["strong", "b"])
def test_markdown_heading_is_not_bold_inside(bold: str) -> None:
    assert _rendered(f"<h2><{bold}>Why it matters</{bold}></h2><h3>Keep <em>this</em></h3>") == (
        "<h2>Why it matters</h2><h3>Keep <em>this</em></h3>"
    )


def test_markdown_table_spans_footer_and_header() -> None:
    assert _rendered(
        "<table><thead><tr><th>Exchange</th><th colspan='2'>Fee</th></tr></thead>"
        "<tfoot><tr><td colspan='3'>Source: exchanges</td></tr></tfoot>"
        "<tbody><tr><td rowspan='2'>Kraken</td><td>0.16%</td><td>0.26%</td></tr>"
        "<tr><td>0.10%</td><td>0.20%</td></tr></tbody></table>"
    ) == (
        "<table><thead><tr><th>Exchange</th><th>Fee</th><th></th></tr></thead><tbody>"
        "<tr><td>Kraken</td><td>0.16%</td><td>0.26%</td></tr>"
        "<tr><td>Kraken</td><td>0.10%</td><td>0.20%</td></tr>"
        "<tr><td>Source: exchanges</td><td></td><td></td></tr></tbody></table>"
    )


def test_markdown_table_without_th_has_no_empty_header_row() -> None:
    assert _rendered(
        "<table><tr><td>Kraken</td><td>0.26%</td></tr><tr><td>Bitstamp</td><td>0.5%</td></tr>"
        "</table>"
    ) == (
        "<table><thead><tr><th>Kraken</th><th>0.26%</th></tr></thead><tbody>"
        "<tr><td>Bitstamp</td><td>0.5%</td></tr></tbody></table>"
    )


# The quick "needs escaping?" test of escape_markdown is three patterns (a special
# character, a block marker at the start, one after a newline); the one-pattern form
# below is the reference it must agree with (the escaping itself is the same either way).
_REFERENCE_NEEDS = re.compile(r"[\\`*_\[\]<>|~&]|^[ \t]*(?:\d+[.)]|[#>+\-=])", re.MULTILINE)


def _reference_escape(text: str) -> str:
    if not _REFERENCE_NEEDS.search(text):
        return text
    text = re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", text)
    if "&" in text:
        text = re.sub(r"&(#?\w+;)", r"&amp;\1", text)
    return re.sub(r"^([ \t]*(?:\d+)?)([#>+\-=]|(?<=\d)[.)])", r"\1\\\2", text, flags=re.MULTILINE)


@given(st.text(alphabet=" \t\n\r12.)#>+-=*_[]<>|~&`\\ab\xa0é", max_size=40))
@settings(max_examples=600, deadline=None)
def test_escape_markdown_quick_test_matches_the_one_pattern(text: str) -> None:
    assert escape_markdown(text) == _reference_escape(text)


@pytest.mark.parametrize(
    "text",
    ["plain words", "a\n# heading", "x\n  12. item", "1) first", "\n- dash", "a\r\n> q", "tab\t#"],
)
def test_escape_markdown_line_starts_match_reference(text: str) -> None:
    assert escape_markdown(text) == _reference_escape(text)

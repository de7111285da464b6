"""Walking a content node into typed Blocks: one Block kind or markup pattern per test."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.document import load
from newsparse.extract.blocks import to_blocks
from newsparse.models import (
    Block,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
)
from newsparse.render import blocks_text


def blocks(inner: str, url: str | None = "https://news.example/a/1", skip: str = "") -> list[Block]:
    """The blocks of ``<div id=main>inner</div>``; ``skip`` is an XPath of elements to leave out."""
    doc = load(f"<html><body><div id='main'>{inner}</div></body></html>", url)
    node = doc.root.get_element_by_id("main")
    skipped = set(doc.root.xpath(skip)) if skip else set()
    return to_blocks(doc, node, skipped)


def test_paragraphs_with_inline_markdown() -> None:
    out = blocks(
        '<p>Bitcoin <a href="/price/btc">rose</a> <strong>sharply</strong> and '
        "<em>quickly</em>, per <code>api.v2</code>.</p><p>Second.</p>"
    )
    assert [type(b) for b in out] == [Paragraph, Paragraph]
    first = out[0]
    assert isinstance(first, Paragraph)
    assert first.text == "Bitcoin rose sharply and quickly, per api.v2."
    assert first.markdown == (
        "Bitcoin [rose](https://news.example/price/btc) **sharply** and *quickly*, per `api.v2`."
    )


def test_line_breaks_stay_inside_one_paragraph() -> None:
    (p,) = blocks("<p>Line one<br>Line two<br><br>Line three</p>")
    assert isinstance(p, Paragraph)
    assert p.text == "Line one\nLine two\nLine three"


def test_loose_text_between_blocks_becomes_paragraphs() -> None:
    out = blocks("Intro text <b>bold</b><div>Inner block</div>Tail text")
    assert [b.text for b in out if isinstance(b, Paragraph)] == [
        "Intro text bold",
        "Inner block",
        "Tail text",
    ]


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
def test_headings_keep_their_level(level: int) -> None:
    (h,) = blocks(f"<h{level}>Why it <em>matters</em></h{level}>")
    assert isinstance(h, Heading)
    assert (h.level, h.text, h.markdown) == (level, "Why it matters", "Why it *matters*")


@pytest.mark.parametrize(("tag", "ordered"), [("ul", False), ("ol", True)])
def test_lists(tag: str, ordered: bool) -> None:
    (lst,) = blocks(f"<{tag}><li>First <b>one</b></li><li>Second</li><li> </li></{tag}>")
    assert isinstance(lst, ListBlock)
    assert lst.ordered is ordered
    assert lst.items == ["First one", "Second"]
    assert lst.items_markdown == ["First **one**", "Second"]


def test_nested_list_items_are_lines_of_their_parent_item() -> None:
    (lst,) = blocks("<ul><li>Exchanges<ul><li>Kraken</li><li>Bitstamp</li></ul></li></ul>")
    assert isinstance(lst, ListBlock)
    assert lst.items == ["Exchanges\nKraken\nBitstamp"]


def test_blockquote_with_cite() -> None:
    (q,) = blocks(
        '<blockquote cite="https://x.example/s"><p>First line.</p><p>Second line.</p></blockquote>'
    )
    assert isinstance(q, Quote)
    assert q.text == "First line.\nSecond line."
    assert q.cite == "https://x.example/s"


def test_data_table_with_header_and_caption() -> None:
    (t,) = blocks(
        "<table><caption>Fees</caption><thead><tr><th>Exchange</th><th>Fee</th></tr></thead>"
        "<tbody><tr><td>Kraken</td><td>0.26%</td></tr><tr><td>Bitstamp</td><td>0.5%</td></tr>"
        "</tbody></table>"
    )
    assert isinstance(t, Table)
    assert t.rows == [["Exchange", "Fee"], ["Kraken", "0.26%"], ["Bitstamp", "0.5%"]]
    assert t.header_rows == 1
    assert t.caption == "Fees"


@pytest.mark.parametrize(
    "layout",
    [
        "<table><tr><td><p>Para one in a layout cell.</p><p>Para two.</p></td></tr></table>",
        "<table><tr><td>Para one in a layout cell.</td></tr><tr><td>Para two.</td></tr></table>",
    ],
)
def test_layout_tables_are_walked_as_containers(layout: str) -> None:
    out = blocks(layout)
    assert [type(b) for b in out] == [Paragraph, Paragraph]
    assert out[0].text == "Para one in a layout cell."  # type: ignore[union-attr]


def test_figure_with_lazy_image_and_caption_is_not_running_text() -> None:
    out = blocks(
        "<p>Before.</p><figure><img src='data:image/gif;base64,R0lG' data-src='/img/chart.png' "
        "alt='BTC chart'><figcaption>Bitcoin this week. Photo: Agency</figcaption></figure>"
        "<p>After.</p>"
    )
    fig = out[1]
    assert isinstance(fig, Figure)
    assert fig.src == "https://news.example/img/chart.png"
    assert (fig.alt, fig.caption) == ("BTC chart", "Bitcoin this week. Photo: Agency")
    assert blocks_text(out) == "Before.\n\nAfter."


def test_figure_wrapping_a_table_keeps_the_table() -> None:
    out = blocks(
        "<figure class='wp-block-table'><table><tr><th>A</th><th>B</th></tr>"
        "<tr><td>1</td><td>2</td></tr></table><figcaption>Source: X</figcaption></figure>"
    )
    assert [type(b) for b in out] == [Figure, Table]
    assert out[1].rows == [["A", "B"], ["1", "2"]]  # type: ignore[union-attr]
    assert "Source" not in blocks_text(out)


def test_stray_figcaption_is_a_caption() -> None:
    out = blocks("<p>Text.</p><div><img src='/a.jpg'><figcaption>A caption.</figcaption></div>")
    assert blocks_text(out) == "Text."
    assert any(isinstance(b, Figure) and b.caption == "A caption." for b in out)


def test_code_block_keeps_whitespace_and_language() -> None:
    (c,) = blocks('<pre><code class="language-python">def f():\n    return 1\n</code></pre>')
    assert isinstance(c, CodeBlock)
    assert c.text == "def f():\n    return 1"
    assert c.language == "python"


def test_skipped_elements_and_hidden_ones_are_left_out() -> None:
    out = blocks(
        "<p>Keep.</p><div class='box'><p>Claimed.</p></div><p hidden>Hidden.</p>"
        "<p style='display: none'>Also hidden.</p><script>var x = 1;</script>",
        skip="//div[@class='box']",
    )
    assert blocks_text(out) == "Keep."


def test_a_form_wrapper_is_walked() -> None:
    out = blocks("<form id='aspnetForm'><p>Inside a page-wide form.</p></form>")
    assert blocks_text(out) == "Inside a page-wide form."


def test_unsafe_link_targets_are_dropped_from_markdown() -> None:
    (p,) = blocks(
        '<p><a href="javascript:alert(1)">Click</a> <a href="data:text/html,x">me</a></p>'
    )
    assert isinstance(p, Paragraph)
    assert p.markdown == "Click me"


def test_double_line_break_in_running_text_splits_paragraphs() -> None:
    out = blocks("<div>First paragraph, one line.<br>Same paragraph.<br><br>Second one.</div>")
    assert [b.text for b in out if isinstance(b, Paragraph)] == [
        "First paragraph, one line.\nSame paragraph.",
        "Second one.",
    ]


@pytest.mark.parametrize("decoration", ["📷", "***", "•", "— —", "* * *"])
def test_decoration_without_words_is_not_a_paragraph(decoration: str) -> None:
    html = (
        "<article><p>The harvest starts before sunrise, when the crust is still firm.</p>"
        f"<div><div>{decoration}</div><div>All photographs were made on film.</div></div>"
        "<p>By October the flats are water again, and the rakes go back in the shed.</p></article>"
    )
    texts = [b.text for b in newsparse.parse(html).body if b.kind == "paragraph"]
    assert decoration not in texts
    assert "All photographs were made on film." in texts

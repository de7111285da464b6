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
    ListItem,
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
    assert lst.items == [
        ListItem(text="First one", markdown="First **one**"),
        ListItem(text="Second", markdown="Second"),
    ]


def test_nested_lists_are_children_of_their_item() -> None:
    (lst,) = blocks(
        "<ul><li>Exchanges<ul><li>Kraken</li><li>Bitstamp<ol><li>EU</li></ol></li></ul></li>"
        "<li>Wallets</li></ul>"
    )
    assert lst == ListBlock(
        ordered=False,
        items=[
            ListItem(
                text="Exchanges",
                markdown="Exchanges",
                children=[
                    ListBlock(
                        ordered=False,
                        items=[
                            ListItem(text="Kraken", markdown="Kraken"),
                            ListItem(
                                text="Bitstamp",
                                markdown="Bitstamp",
                                children=[
                                    ListBlock(
                                        ordered=True, items=[ListItem(text="EU", markdown="EU")]
                                    )
                                ],
                            ),
                        ],
                    )
                ],
            ),
            ListItem(text="Wallets", markdown="Wallets"),
        ],
    )
    # article.text: one line per item, depth first
    assert blocks_text([lst]) == "Exchanges\nKraken\nBitstamp\nEU\nWallets"


def test_blockquote_with_cite() -> None:
    (q,) = blocks(
        '<blockquote cite="https://x.example/s"><p>First line.</p><p>Second line.</p></blockquote>'
    )
    assert isinstance(q, Quote)
    # a quote's paragraphs stay apart (a blank line, as between body paragraphs)
    assert q.text == "First line.\n\nSecond line."
    assert q.markdown == "First line.\n\nSecond line."
    assert q.cite == "https://x.example/s"
    assert blocks_text([q]) == q.text  # a bare cite URL is a reference, not text


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


# ------------------------------------------------------------ issue 15: data the goldens froze

_PROSE = (
    "<p>Reserves at five issuers grew every quarter, and the share held in Treasury bills "
    "rose faster than the total, while bank deposits fell by a third in dollar terms.</p>"
    "<p>The table below sets out the combined figures, quarter by quarter, as the issuers "
    "reported them in their attestation reports, with our own totals beside them.</p>"
)


def _article(inner: str) -> list[Block]:
    html = (
        "<html><head><title>Reserves</title></head><body><article>"
        f"<div class='entry-content'>{_PROSE}{inner}{_PROSE}</div></article></body></html>"
    )
    return newsparse.parse(html, url="https://news.example/a/1").body


@pytest.mark.parametrize("cell", ["th scope='row'", "td"])
def test_date_looking_table_cells_are_table_data_not_datelines(cell: str) -> None:
    end = cell.split()[0]
    rows = "".join(
        f"<tr><{cell}>{day}</{end}><td>{bills}</td><td>{total}</td></tr>"
        for day, bills, total in [
            ("Sep 30, 2025", "118.4", "178.4"),
            ("Dec 31, 2025", "127.9", "183.4"),
        ]
    )
    body = _article(
        "<table><thead><tr><th>Quarter end</th><th>Treasury bills</th><th>Total</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    (table,) = [b for b in body if isinstance(b, Table)]
    assert table.rows == [
        ["Quarter end", "Treasury bills", "Total"],
        ["Sep 30, 2025", "118.4", "178.4"],
        ["Dec 31, 2025", "127.9", "183.4"],
    ]


@pytest.mark.parametrize(
    "attrs", ["class='wp-caption-text'", "class='c-media-item__caption'", "class='caption'", ""]
)
def test_figcaption_is_kept_whatever_its_class(attrs: str) -> None:
    body = _article(
        "<figure class='wp-caption'><img src='/img/barge.jpg' alt='A barge'>"
        f"<figcaption {attrs}>A barge rests against the northern span. "
        "<span class='credit'>(Marcus Dell / Herald)</span></figcaption></figure>"
    )
    (fig,) = [b for b in body if isinstance(b, Figure)]
    assert (fig.src, fig.alt) == ("https://news.example/img/barge.jpg", "A barge")
    assert fig.caption == "A barge rests against the northern span. (Marcus Dell / Herald)"


def test_a_wordpress_caption_paragraph_in_a_figure_is_its_caption() -> None:
    body = _article(
        "<figure class='wp-caption'><amp-img src='/up/racks.jpg' alt='server racks'></amp-img>"
        "<p class='wp-caption-text'>Server racks at a GPU cloud provider.</p></figure>"
    )
    figures = [b for b in body if isinstance(b, Figure)]
    assert figures == [
        Figure(
            src="https://news.example/up/racks.jpg",
            alt="server racks",
            caption="Server racks at a GPU cloud provider.",
        )
    ]
    assert "Server racks at a GPU" not in blocks_text(body)


@pytest.mark.parametrize(
    ("media", "src", "alt"),
    [
        (
            "<amp-img src='/media/court.jpg' width='1200' height='675' layout='responsive' "
            "alt='A courthouse'></amp-img>",
            "https://news.example/media/court.jpg",
            "A courthouse",
        ),
        (
            "<amp-anim src='/media/chart.gif' width='400' height='300' alt='Animated chart'>"
            "</amp-anim>",
            "https://news.example/media/chart.gif",
            "Animated chart",
        ),
        (
            "<picture><source srcset='/m/c.webp 1x, /m/c@2x.webp 2x' type='image/webp'>"
            "<img alt='A courthouse'></picture>",
            "https://news.example/m/c.webp",
            "A courthouse",
        ),
        (
            "<img class='lazy' data-srcset='/m/c-600.jpg 600w, /m/c-1200.jpg 1200w' "
            "src='data:image/gif;base64,R0lGOD' alt='A courthouse'>",
            "https://news.example/m/c-600.jpg",
            "A courthouse",
        ),
        (
            "<img srcset='/m/c-600.jpg 600w, /m/c-1200.jpg 1200w' alt='A courthouse'>",
            "https://news.example/m/c-600.jpg",
            "A courthouse",
        ),
    ],
)
def test_amp_picture_and_lazy_images_give_the_figure_its_src_and_alt(
    media: str, src: str, alt: str
) -> None:
    out = blocks(f"<figure>{media}<figcaption>The courthouse.</figcaption></figure>")
    assert out == [Figure(src=src, alt=alt, caption="The courthouse.")]


def test_amp_img_outside_a_figure_is_a_figure() -> None:
    out = blocks("<p>Before.</p><amp-img src='/m/a.jpg' alt='A'></amp-img><p>After.</p>")
    assert out[1] == Figure(src="https://news.example/m/a.jpg", alt="A")


@pytest.mark.parametrize(
    "attribution",
    [
        "<footer>— Marguerite Okafor, former treasury head</footer>",
        "<footer>Marguerite Okafor, former treasury head</footer>",
        "<cite>Marguerite Okafor, former treasury head</cite>",
        "<p>&mdash; <cite>Marguerite Okafor, former treasury head</cite></p>",
    ],
)
def test_blockquote_attribution_goes_to_cite(attribution: str) -> None:
    body = _article(
        "<blockquote class='pull-quote'><p>The question is never whether the bills are there.</p>"
        f"{attribution}</blockquote>"
    )
    (quote,) = [b for b in body if isinstance(b, Quote)]
    assert quote.text == "The question is never whether the bills are there."
    assert quote.cite == "Marguerite Okafor, former treasury head"
    # the attribution is part of the article's text, once, as its own line after the quote
    assert (
        "The question is never whether the bills are there.\n"
        "— Marguerite Okafor, former treasury head"
    ) in newsparse.parse(
        "<html><body><article><div class='entry-content'>"
        f"{_PROSE}<blockquote><p>The question is never whether the bills are there.</p>"
        f"{attribution}</blockquote>{_PROSE}</div></article></body></html>"
    ).text


def test_inline_cite_inside_a_quote_paragraph_stays_in_the_text() -> None:
    (q,) = blocks("<blockquote><p>As <cite>The Ledger</cite> put it, bills won.</p></blockquote>")
    assert isinstance(q, Quote)
    assert (q.text, q.cite) == ("As The Ledger put it, bills won.", None)


def test_a_gallery_of_three_images_gives_three_figures() -> None:
    gallery = "".join(
        f"<div class='kg-gallery-image'><img src='/img/{name}.jpg' alt='{alt}'></div>"
        for name, alt in [("heaps", "Heaps"), ("hands", "Hands"), ("barrow", "A barrow")]
    )
    out = blocks(
        "<figure class='kg-card kg-gallery-card'><div class='kg-gallery-container'>"
        f"<div class='kg-gallery-row'>{gallery}</div></div>"
        "<figcaption><p>Heaps dry on the walls for a day.</p></figcaption></figure>"
    )
    assert out == [
        Figure(src="https://news.example/img/heaps.jpg", alt="Heaps"),
        Figure(src="https://news.example/img/hands.jpg", alt="Hands"),
        Figure(
            src="https://news.example/img/barrow.jpg",
            alt="A barrow",
            caption="Heaps dry on the walls for a day.",
        ),
    ]


def test_a_lazy_image_and_its_noscript_copy_are_one_figure() -> None:
    out = blocks(
        "<figure><img class='lazy' data-src='/img/a.jpg' alt='A'>"
        "<noscript><img src='/img/a.jpg' alt='A'></noscript><figcaption>Cap.</figcaption></figure>"
    )
    assert out == [Figure(src="https://news.example/img/a.jpg", alt="A", caption="Cap.")]


# ------------------------------------------------------------ issue 13: tables keep their shape


def _table(html: str) -> Table:
    (t,) = blocks(html)
    assert isinstance(t, Table)
    return t


def test_rowspan_and_colspan_are_expanded_so_columns_line_up() -> None:
    t = _table(
        "<table><thead><tr><th rowspan='2'>Exchange</th><th colspan='2'>Fee</th></tr>"
        "<tr><th>Maker</th><th>Taker</th></tr></thead><tbody>"
        "<tr><td rowspan='2'>Kraken</td><td>0.16%</td><td>0.26%</td></tr>"
        "<tr><td>0.10%</td><td>0.20%</td></tr>"
        "<tr><td>Bitstamp</td><td colspan='2'>0.5%</td></tr></tbody></table>"
    )
    assert t.rows == [
        ["Exchange", "Fee", ""],
        ["Exchange", "Maker", "Taker"],
        ["Kraken", "0.16%", "0.26%"],
        ["Kraken", "0.10%", "0.20%"],
        ["Bitstamp", "0.5%", ""],
    ]
    assert (t.header_rows, t.footer_rows) == (2, 0)


def test_a_rowspan_at_the_end_of_a_row_and_rowspan_zero() -> None:
    t = _table(
        "<table><tr><td>a</td><td rowspan='0'>x</td></tr><tr><td>b</td></tr>"
        "<tr><td>c</td></tr></table>"
    )
    assert t.rows == [["a", "x"], ["b", "x"], ["c", "x"]]


def test_a_span_does_not_reach_past_its_row_group() -> None:
    t = _table(
        "<table><tbody><tr><td rowspan='9'>a</td><td>1</td></tr></tbody>"
        "<tbody><tr><td>b</td><td>2</td></tr></tbody></table>"
    )
    assert t.rows == [["a", "1"], ["b", "2"]]


@pytest.mark.parametrize("span", ["abc", "-2", "99999999", ""])
def test_unreadable_or_huge_spans_do_not_blow_up(span: str) -> None:
    t = _table(f"<table><tr><td colspan='{span}'>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
    assert t.rows[0][0] == "a" and "b" in t.rows[0]
    assert len(t.rows[0]) <= 201


def test_footer_rows_are_kept_apart_and_last_wherever_the_page_puts_tfoot() -> None:
    t = _table(
        "<table><thead><tr><th>Issuer</th><th>Reserves</th></tr></thead>"
        "<tfoot><tr><td>Total</td><td>240.1</td></tr></tfoot>"  # HTML4 order: before tbody
        "<tbody><tr><td>A</td><td>140.0</td></tr><tr><td>B</td><td>100.1</td></tr></tbody>"
        "</table>"
    )
    assert t.rows == [["Issuer", "Reserves"], ["A", "140.0"], ["B", "100.1"], ["Total", "240.1"]]
    assert (t.header_rows, t.footer_rows) == (1, 1)


def test_a_footer_that_repeats_the_header_is_not_repeated() -> None:
    t = _table(
        "<table><thead><tr><th>Coin</th><th>Price</th></tr></thead>"
        "<tfoot><tr><th>Coin</th><th>Price</th></tr></tfoot>"
        "<tbody><tr><td>BTC</td><td>61,321</td></tr></tbody></table>"
    )
    assert t.rows == [["Coin", "Price"], ["BTC", "61,321"]]
    assert (t.header_rows, t.footer_rows) == (1, 0)


def test_a_table_without_th_has_no_header_rows() -> None:
    t = _table(
        "<table><tr><td>Kraken</td><td>0.26%</td></tr><tr><td>Bitstamp</td><td>0.5%</td></tr></table>"
    )
    assert (t.rows, t.header_rows) == ([["Kraken", "0.26%"], ["Bitstamp", "0.5%"]], 0)


# ------------------------------------------------------------ issue 13 item 8: bidi controls

_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_embedding_override_and_isolate_controls_never_reach_the_output() -> None:
    html = (
        "<html><head><title>\u202dETH ETF\u202c staking</title></head><body><article>"
        "<h1>\u202dETH ETF\u202c staking</h1><div class='entry-content'>"
        "<p>The SEC \u202dapproved\u202c staking for \u2066spot\u2069 ether funds on Friday, "
        "a decision the issuers had sought &#x202D;for months&#x202C; and &#8238;one&#8236; "
        "analyst called overdue, while others said it changes little for now.</p>"
        "<ul><li>\u202aItem\u202c one</li></ul><table><tr><th>\u202bA</th><th>B</th></tr>"
        "<tr><td>\u2067x\u2069</td><td>y</td></tr></table>"
        "<p>Hebrew with a mark \u05e9\u05dc\u05d5\u05dd\u200f 2026 and a left mark \u200e"
        " stays as the page wrote it, since those marks are single and carry no scope.</p>"
        "</div></article></body></html>"
    )
    article = newsparse.parse(html)
    dumped = article.model_dump_json()
    assert not any(ch in dumped for ch in _BIDI_CONTROLS)
    assert article.title == "ETH ETF staking"
    assert "The SEC approved staking for spot ether funds" in article.text
    assert "sought for months and one analyst" in article.text
    assert "\u200f" in article.text and "\u200e" in article.text  # marks are kept


def test_table_rows_named_like_boilerplate_are_kept() -> None:
    # row classes from a stats plug-in ("player-..."): the rows are still the table's data
    rows = "".join(
        f"<tr class='oddrow player-2020-{i}'><td>{i}</td><td>Driver {i}</td><td>50{i}0</td></tr>"
        for i in range(1, 4)
    )
    body = _article(
        "<table class='tablehead'><tbody><tr class='colhead'><td><strong>Pos.</strong></td>"
        f"<td><strong>Driver</strong></td><td><strong>Points</strong></td></tr>{rows}"
        "</tbody></table>"
    )
    (table,) = [b for b in body if isinstance(b, Table)]
    assert table.rows[1:] == [
        ["1", "Driver 1", "5010"],
        ["2", "Driver 2", "5020"],
        ["3", "Driver 3", "5030"],
    ]


@pytest.mark.parametrize(
    "only", ["<cite>Only a cited line.</cite>", "<footer>Only a footer.</footer>"]
)
def test_a_quote_that_is_only_a_cite_or_footer_keeps_its_text(only: str) -> None:
    (q,) = blocks(f"<blockquote>{only}</blockquote>")
    assert isinstance(q, Quote)
    assert q.text.startswith("Only a") and q.cite is None


def test_a_figcaption_of_a_quote_figure_is_its_attribution() -> None:
    out = blocks(
        "<figure><blockquote><p>Bills won.</p></blockquote>"
        "<figcaption>— Marguerite Okafor</figcaption></figure>"
    )
    assert out == [Quote(text="Bills won.", markdown="Bills won.", cite="Marguerite Okafor")]

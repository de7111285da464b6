"""The compiled widget scans (newsparse._accel.widgets) give what their Python twins give.

The Python function is the reference: ``tickers._scan_python`` (the elements with
price-like text, tails or quote attributes, and those with ticker class vocabulary).
The compiled ``tickers._scan`` must return the same elements in the same order.  Pages:
the fixtures, the zoo (every stack and language), ticker and price samples, generated
trees that mix what the scan tests (prices with ASCII and non-ASCII signs and digits,
lone signs, percentages, codes, texts split by comments, tails, quote attributes,
ticker class words in any case and with the non-ASCII letters ``re.IGNORECASE`` folds
to ASCII, skipped tags), and an XML tree with namespaced names and attribute values
holding entity references.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.unit.gate_pages import FIXTURES, compiled_module

from newsparse.document import Document, load
from newsparse.extract import takeaway_gate, takeaway_top, takeaways, tickers

COMPILED, needs_compiled = compiled_module("widgets")


def _compare(doc: Document) -> tuple[int, int]:
    """Assert the compiled scan equals its Python twin on ``doc``; (marked, hinted)
    found, so that a caller can check the page exercised the scan."""
    assert tickers._WIDGETS is not None
    python = tickers._scan_python(doc)
    compiled = tickers._scan(doc)
    path = doc.root.getroottree().getpath
    for ours, theirs in zip(compiled, python, strict=True):
        assert [path(el) for el in ours] == [path(el) for el in theirs]
        assert all(a is b for a, b in zip(ours, theirs, strict=True))
    return len(python[0]), len(python[1])


@needs_compiled
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_pages(path: Path) -> None:
    _compare(load(path.read_bytes()))


@needs_compiled
def test_fixtures_exercise_the_scan() -> None:
    totals = [_compare(load(path.read_bytes())) for path in FIXTURES]
    assert sum(1 for marked, _ in totals if marked) >= len(FIXTURES) // 2
    assert sum(1 for _, hinted in totals if hinted) >= 2


@needs_compiled
def test_zoo_pages() -> None:
    from tests.zoo.generate import build_all

    pages = build_all()
    assert len(pages) > 20
    found = [0, 0]
    for page in pages:
        marked, hinted = _compare(load(page.html))
        found[0] += marked
        found[1] += hinted
    assert found[0] and found[1]


_SAMPLES = [
    # a ticker strip: class vocabulary, prices, changes, split texts, lone signs in tails
    "<div class='Crypto-Ticker'><ul class='ticker-list'>"
    "<li><b>BTC</b> $61,321.00 <i>+1.9%</i></li>"
    "<li><b>ETH</b> <span>$<!-- -->3,402.12</span> <i>-0.4 %</i></li>"
    "<li><b>SOL</b><i>$</i>142.7<em>%</em> up</li></ul></div>",
    # quote attributes, a marquee, non-ASCII signs and codes
    "<marquee>BTC 61.321,00 \u20ac +1,2% ETH 3.402 USD</marquee>"
    "<div data-symbol='BTC' data-price='61321'></div><span data-change=''>x</span>"
    "<table class='price-table'><tr><td>\u20bf1</td><td>12 z\u0142</td><td>5\u00a0%</td>"
    "</tr><tr><td>\u00a5 100</td><td>\u20b9.5</td></tr></table>",
    # no price: dates and prose with digits, signs not by a digit, codes in words
    "<article class='entry-content'><p>On 12 May 2024 the 3 of us met.</p>"
    "<p>Cost: $ and % alone in a sentence, 5 USDT, 7 ABCD, 8 ABC.</p>"
    "<p>A sign <i>$</i> lone, then <i> % </i> and <i>\u00a0\u20ac\u2003</i> too.</p></article>",
    # non-ASCII digits and class letters IGNORECASE folds: long s, Kelvin sign
    "<div class='\u017ftock-bar'>\u0663\u0664$</div><div class='tic\u212aer'>x</div>"
    "<div class='\u00e9t\u00e9'>\u0967\u0968%</div><p>\u00bd$ and \u00b2%</p>",
    # skipped tags: their own text is not read, their tails are; descendants left out
    "<script>var p = '$5';</script>$6<style>.a{width:5%}</style><noscript><p>$7</p>"
    "</noscript><svg class='ticker'><text>$8</text></svg><button>$9</button>"
    "<select><option>$1.5</option></select><template><b>$2</b></template>",
]


@needs_compiled
@pytest.mark.parametrize("body", _SAMPLES)
def test_samples(body: str) -> None:
    doc = load(f"<html><head><title>$5 T</title></head><body>{body}</body></html>")
    marked, hinted = _compare(doc)
    assert marked or hinted


@needs_compiled
def test_samples_find_what_the_rules_say() -> None:
    """The scan's answers on samples checked by hand (both twins give these)."""
    doc = load(f"<html><body>{_SAMPLES[0]}</body></html>")
    marked, hinted = tickers._scan(doc)
    assert [el.get("class") for el in hinted] == ["Crypto-Ticker", "ticker-list"]
    # li 1: tail " $61,321.00 " after <b>; <i>+1.9%</i>; li 2: <span> and <i>; li 3: the
    # lone "$" in <i>, the tail "142.7" (no sign: not marked), <em>%</em>
    assert [el.tag for el in marked] == ["li", "i", "span", "i", "i", "em"]
    doc = load(f"<html><body>{_SAMPLES[2]}</body></html>")
    marked, hinted = tickers._scan(doc)
    assert hinted == []
    # "5 USDT" is no code (no word end after three capitals), "8 ABC." is; the lone
    # signs: "$", " % " and "\u00a0\u20ac\u2003"
    assert [el.tag for el in marked] == ["p", "i", "i", "i"]
    doc = load(f"<html><body>{_SAMPLES[3]}</body></html>")
    marked, hinted = tickers._scan(doc)
    assert [el.get("class") for el in hinted] == ["\u017ftock-bar", "tic\u212aer"]
    # Arabic-Indic and Devanagari digits are \d; "\u00bd" and "\u00b2" are not: no <p>
    assert [el.tag for el in marked] == ["div", "div"]


def test_xml_tree_with_namespaces_and_entity_references() -> None:
    """Namespaced tags are none of the skipped ones, namespaced attributes no class or
    quote attribute; attribute values of several nodes are read as lxml reads them."""
    parser = etree.XMLParser(resolve_entities=False)
    root = etree.fromstring(
        '<!DOCTYPE html [<!ENTITY t "ticker">]><html><body>'
        '<div class="x &t; y">$5</div><v:script xmlns:v="urn:v">$6</v:script>'
        '<p xmlns:v="urn:v" v:class="ticker" v:data-price="1">N</p><marquee>m</marquee>'
        '<v:marquee xmlns:v="urn:v">n</v:marquee><b data-coin="">c</b></body></html>',
        parser,
    )
    doc = Document(root=root)
    marked, hinted = tickers._scan(doc)
    assert [el.text for el in marked] == ["$5", "$6", "c"]
    assert [el.text for el in hinted] == ["$5", "m"]
    assert (marked, hinted) == tickers._scan_python(doc)


_TAGS = ["div", "span", "p", "li", "b", "i", "td", "tr", "marquee", "script", "style",
         "svg", "button", "noscript", "template", "meta", "title"]  # fmt: skip
_CLASSES = ["", "ticker", "Ticker-Wrap", "coin-price", "COINLIST", "crypto_rates",
            "price-strip", "market-data", "stocks_ticker", "quote-board", "tickertape",
            "tradingview-widget", "ccpw-ticker", "\u017ftock-bar", "tic\u212aer",
            "\u00e9t\u00e9 ticker", "coin", "price", "prices", "x", "a&amp;b",
            "marquee"]  # fmt: skip
_ATTRS = ["data-price='1'", "data-symbol='BTC'", "data-change", "data-ticker='x'",
          "data-coin='y'", "data-coin-symbol='z'", "data-value='1'", "id='ticker'",
          "title='$5'"]  # fmt: skip
_TEXTS = ["", " ", "\n  ", "$61,321.00", "61.321,00 \u20ac", "-1.9%", "+2 %", "$", " % ",
          "\u20ac", "\u00a0\u20bd\u2003", "BTC", "12 May 2024", "5 USD", "5USDT", "7 ABC.",
          "3 z\u0142", "\u0663$", "\u00b2%", "$.5", "$ 5", "5\u00a0$", "word", "1\x1c%",
          "\u0e3f9", "price: $"]  # fmt: skip


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(st.sampled_from(_TEXTS))]
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        if draw(st.integers(0, 9)) == 0:
            parts.append("<!-- c -->")
        else:
            tag = draw(st.sampled_from(_TAGS))
            attrs = ""
            cls = draw(st.sampled_from(_CLASSES))
            if cls:
                attrs += f" class='{cls}'"
            attrs += "".join(" " + a for a in draw(st.lists(st.sampled_from(_ATTRS), max_size=2)))
            inner = draw(_trees(depth + 1))
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
        parts.append(draw(st.sampled_from(_TEXTS)))
    return "".join(parts)


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_trees())
def test_generated_trees(markup: str) -> None:
    _compare(load(f"<html><head><title>T</title></head><body>{markup}</body></html>"))


@needs_compiled
def test_the_compiled_scan_is_used_while_the_vocabulary_is_its(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scan's pre-tests were written for these patterns and names: it is used with
    them, and not once one of the Python ones changes."""
    assert tickers._compiled_widgets() is not None
    changed = {
        "_PRICE_MARK": re.compile(tickers._PRICE_MARK.pattern + "|#\\d"),
        "_LONE_SIGN": re.compile(tickers._LONE_SIGN.pattern, re.IGNORECASE),
        "_HINT_WORDS": (*tickers._HINT_WORDS, "rate"),
        "_QUOTE_ATTR_SET": tickers._QUOTE_ATTR_SET | {"data-rate"},
        "_NOT_CONTENT": tickers._NOT_CONTENT - {"title"},
    }
    for name, value in changed.items():
        with monkeypatch.context() as m:
            m.setattr(tickers, name, value)
            assert tickers._compiled_widgets() is None, name


def test_pure_python_twin_is_used_when_not_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the module switched off the dispatcher runs the Python twin (and gives its
    answer), as in a process with NEWSPARSE_PURE_PYTHON=1."""
    doc = load(f"<html><body>{_SAMPLES[0]}</body></html>")
    monkeypatch.setattr(tickers, "_WIDGETS", None)
    marked, hinted = tickers._scan(doc)
    assert [el.tag for el in marked] == ["li", "i", "span", "i", "i", "em"]
    assert len(hinted) == 2


# ------------------------------------------------------------------ takeaways boxes


def _compare_boxes(doc: Document) -> int:
    """Assert the compiled box walk equals its Python twin on ``doc``, with every choice
    of the page gates' flags; the number of takeaways found (all flags on)."""
    assert takeaways._WIDGETS is not None
    found = 0
    for vocab, label in ((True, True), (True, False), (False, True)):
        python = takeaways._boxes_python(doc, doc.root, vocab=vocab, label=label)
        compiled = takeaways._boxes(doc, doc.root, vocab=vocab, label=label)
        assert compiled[0] == python[0]
        assert all(a is b for a, b in zip(compiled[1], python[1], strict=True))
        assert len(compiled[1]) == len(python[1])
        if vocab and label:
            found = len(python[0])
    return found


@needs_compiled
@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_boxes_on_fixture_pages(path: Path) -> None:
    _compare_boxes(load(path.read_bytes()))


@needs_compiled
def test_boxes_on_zoo_pages() -> None:
    from tests.zoo.generate import build_all

    assert sum(_compare_boxes(load(page.html)) for page in build_all()) > 0


_BOX_SAMPLES = [
    # named boxes (class/id vocabulary in any case), a label box, a box in chrome
    "<h1>Title</h1><div class='Key-Takeaways'><h3>Key takeaways</h3><ul>"
    "<li>Bitcoin rose above its old high this week.</li><li>Ether followed it up.</li>"
    "</ul></div><p>Body text of the article goes here.</p>"
    "<h2>In brief</h2><ul><li>The first point of the story here.</li>"
    "<li>The second point of the story here.</li></ul>"
    "<nav><div class='highlights'><ul><li>Nav one item</li><li>Nav two item</li></ul>"
    "</div></nav><footer><h3>Summary</h3><ul><li>Foot one</li><li>Foot two</li></ul>"
    "</footer>",
    # labels after punctuation and in other languages, vocabulary in non-ASCII values
    "<html lang='de'><body><p>\u2014 TL;DR:</p><ul><li>Erster Punkt der Geschichte.</li>"
    "<li>Zweiter Punkt der Geschichte.</li></ul><h3>Das Wichtigste in K\u00fcrze</h3><ul>"
    "<li>Erster Punkt hier und da.</li><li>Zweiter Punkt hier und da.</li></ul>"
    "<div class='\u017fummary-box tl\u00e9'><p>x</p></div>"
    "<article><footer><strong>At a glance</strong><ul><li>One thing that is true.</li>"
    "<li>Another thing that is true.</li></ul></footer></article></body></html>",
]


@needs_compiled
@pytest.mark.parametrize("html", _BOX_SAMPLES)
def test_boxes_samples(html: str) -> None:
    if not html.startswith("<html"):
        html = f"<html lang='en'><head><title>Markets rise</title></head><body>{html}</body></html>"
    _compare_boxes(load(html))


@needs_compiled
def test_boxes_sample_finds_what_the_rules_say() -> None:
    """Both twins take the named box and the "In brief" box, not those in the site's
    <nav> and <footer>."""
    doc = load(
        f"<html lang='en'><head><title>T</title></head><body>{_BOX_SAMPLES[0]}</body></html>"
    )
    found, _claimed = takeaways._boxes(doc, doc.root)
    assert [t.text for t in found] == [
        "Bitcoin rose above its old high this week.", "Ether followed it up.",
        "The first point of the story here.", "The second point of the story here.",
    ]  # fmt: skip


@needs_compiled
def test_boxes_named_only_by_summar_and_labelled_past_ascii() -> None:
    """A box named "summary-box" (of the hint words, only "summar") and a label whose
    first letter is the Kelvin sign (``re.IGNORECASE`` reads it as "k") on an English
    page: both twins take both boxes."""
    doc = load(
        "<html lang='en'><head><title>Markets rise</title></head><body>"
        "<h1>Markets rise today</h1><div class='summary-box'><ul>"
        "<li>Bitcoin rose above its old high this week.</li><li>Ether followed it up.</li>"
        "</ul></div><p>Body text of the article goes here and on.</p>"
        "<h3>\u212aey takeaways</h3><ul><li>The first point of the story here.</li>"
        "<li>The second point of the story here.</li></ul><p>More body text.</p></body></html>"
    )
    expected = [
        "Bitcoin rose above its old high this week.", "Ether followed it up.",
        "The first point of the story here.", "The second point of the story here.",
    ]  # fmt: skip
    assert [t.text for t in takeaways._boxes(doc, doc.root)[0]] == expected
    assert _compare_boxes(doc) == 4


_BOX_TAGS = ["div", "section", "p", "ul", "li", "h2", "h3", "strong", "span", "nav",
             "footer", "article", "aside", "script", "svg", "head", "b", "dt", "em"]  # fmt: skip
_BOX_CLASSES = ["", "key-takeaways", "KEY_POINTS", "in-brief", "tldr", "tl-dr", "summary",
                "highlights", "at-a-glance", "need-to-know", "title", "address", "x",
                "\u017fummary", "takeaway-share", "related", "site-footer", "menu"]  # fmt: skip
_BOX_TEXTS = ["", " ", "Key takeaways", "In brief:", "TL;DR", "\u2014 Summary", "The gist",
              "Highlights", "Story highlights", "Bitcoin rose above its old high.",
              "Ether followed it up, as did others.", "Das Wichtigste", "\u00bfQu\u00e9?",
              "2 things", "_x", "\u212aey points", "\n At a glance \n",
              "Written by Jane", "\u201cThe gist\u201d", "\u00a0Key takeaways", "Theme",
              "the_x", "In\u00a0brief", "\u017fummary", "K\u00e9y points",
              "\U0001f511 Key takeaways", "Summary" + "\u00e9" * 185, "Key " + "x" * 189,
              "TL\u2019DR", "Here\u2019s what to know"]  # fmt: skip


@st.composite
def _box_trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(st.sampled_from(_BOX_TEXTS))]
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        if draw(st.integers(0, 9)) == 0:
            parts.append("<!-- c -->")
        else:
            tag = draw(st.sampled_from(_BOX_TAGS))
            cls = draw(st.sampled_from(_BOX_CLASSES))
            attrs = f" class='{cls}'" if cls else ""
            inner = draw(_box_trees(depth + 1))
            parts.append(f"<{tag}{attrs}>{inner}</{tag}>")
        parts.append(draw(st.sampled_from(_BOX_TEXTS)))
    return "".join(parts)


@needs_compiled
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_box_trees(), st.sampled_from(["en", "de", ""]))
def test_boxes_generated_trees(markup: str, lang: str) -> None:
    _compare_boxes(
        load(f"<html lang='{lang}'><head><title>T</title></head><body>{markup}</body></html>")
    )


@needs_compiled
def test_the_compiled_box_walk_is_used_while_the_vocabulary_is_its(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert takeaways._compiled_widgets() is not None
    changed = {
        "_VOCAB_HINT": re.compile(takeaways._VOCAB_HINT.pattern + "|gist"),
        "_LABEL_START": re.compile(
            takeaways._LABEL_START.pattern.replace("|tl|", "|tl|gist|"), re.IGNORECASE
        ),
        "_SKIP_TEXT": takeaways._SKIP_TEXT | {"select"},
    }
    for name, value in changed.items():
        with monkeypatch.context() as m:
            m.setattr(takeaways, name, value)
            assert takeaways._compiled_widgets() is None, name


# ------------------------------------------------------------------ headline lists


def _compare_headline_lists(root: etree._Element) -> int:
    """Assert the compiled headline walk gives the lists its Python twin gives, at the
    page root and at its <body>; the number of lists found from the body."""
    assert takeaway_top._WIDGETS is not None
    found = 0
    for top in (root, root.find("body")):
        if top is None:
            continue
        python = takeaway_top.headline_lists_python(top)
        compiled = takeaway_top.headline_lists(top)
        assert len(compiled) == len(python)
        assert all(a is b for a, b in zip(compiled, python, strict=True))
        found = len(python)
    return found


@needs_compiled
def test_headline_lists_on_fixtures_and_zoo() -> None:
    from tests.zoo.generate import build_all

    found = [_compare_headline_lists(load(p.read_bytes()).root) for p in FIXTURES]
    found += [_compare_headline_lists(load(page.html).root) for page in build_all()]
    assert sum(1 for n in found if n) >= 10  # pages with lists after the headline


_HEADLINE_SAMPLE = (
    "<html><body><nav><ul><li>Menu</li></ul></nav><h1>Short</h1>"
    "<header><h1>Markets rise <i>today</i></h1><a href='/x'>By Jane <b>Doe</b></a>"
    "<ul class='summary'><li>Bitcoin rose above its old high.</li>"
    "<li>Ether followed.<ol><li>nested</li></ol></li></ul></header>"
    "<div><span>\u00a0\u2003 12 May \u3000</span><ol><li>x</li></ol>"
    "<script>var s = 'a long script text that is never counted as text at all';</script>"
    "<svg><text>svg text counts</text></svg></div>"
    "<p>" + "word " * 60 + "</p><ul><li>after the text: not met</li></ul></body></html>"
)


@needs_compiled
def test_headline_lists_sample_finds_what_the_rules_say() -> None:
    """The first <h1> of ten characters is the headline; its lists until the prose (299
    characters, after "12 May" and the svg's 15) pushes the text met past 300; lists
    inside lists are met too; the link's, the list items' and the script's text do not
    count."""
    root = load(_HEADLINE_SAMPLE).root
    lists = takeaway_top.headline_lists(root.find("body"))
    assert [(el.tag, el.get("class")) for el in lists] == [
        ("ul", "summary"), ("ol", None), ("ol", None),
    ]  # fmt: skip
    assert _compare_headline_lists(root) == 3


@needs_compiled
def test_headline_lists_stop_after_400_elements() -> None:
    spans = "<span></span>" * 399  # the <ul> is the 400th element after the headline
    root = load(
        f"<html><body><h1>Markets rise today</h1>{spans}<ul></ul><ol></ol></body></html>"
    ).root
    assert [el.tag for el in takeaway_top.headline_lists(root)] == ["ul"]
    assert _compare_headline_lists(root) == 1


@needs_compiled
def test_headline_lists_in_an_xml_tree_with_namespaces() -> None:
    """Namespaced tags are no link, list or skipped element; text split over several
    nodes (CDATA) is counted as Python counts it."""
    parser = etree.XMLParser(strip_cdata=False)
    root = etree.fromstring(
        "<html xmlns:v='urn:v'><body><a><div><h1>Markets rise today</h1></div>"
        "<p>in a link: not counted " + "x" * 300 + "</p><ul/></a>"
        "<v:ul><li>namespaced</li></v:ul><v:a>" + "y" * 200 + "</v:a>"
        "<p>a<![CDATA[ b ]]>" + "z" * 80 + " </p><ol/><p>" + "w" * 30 + "</p><ul/></body></html>",
        parser,
    )
    lists = takeaway_top.headline_lists(root)
    assert [el.tag for el in lists] == ["ul", "ol"]
    assert _compare_headline_lists(root) == 2


_HEAD_TAGS = ["div", "p", "ul", "ol", "li", "a", "h1", "h2", "span", "script", "svg",
              "button", "b", "header", "section"]  # fmt: skip
_HEAD_TEXTS = ["", " ", "\n\t ", "Markets rise today", "Short", "\u00a0x\u2003", "\x1c\x1fa\x1e",
               "\u3000\u65e5\u672c\u3000", "caf\u00e9 \u00e9t\u00e9 ", "\U0001f511 Key ",
               "word " * 30, "\u0085\u2028y\u2029", "z" * 120]  # fmt: skip


@st.composite
def _headline_trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(st.sampled_from(_HEAD_TEXTS))]
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        if draw(st.integers(0, 9)) == 0:
            parts.append("<!-- c -->")
        else:
            tag = draw(st.sampled_from(_HEAD_TAGS))
            inner = draw(_headline_trees(depth + 1))
            parts.append(f"<{tag}>{inner}</{tag}>")
        parts.append(draw(st.sampled_from(_HEAD_TEXTS)))
    return "".join(parts)


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_headline_trees())
def test_headline_lists_generated_trees(markup: str) -> None:
    _compare_headline_lists(load(f"<html><body>{markup}</body></html>").root)


@needs_compiled
def test_the_compiled_headline_walk_is_used_while_the_tags_are_its(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert takeaway_top._compiled_walk() is not None
    monkeypatch.setattr(takeaway_top, "WIDGET_SKIP_TEXT", takeaway_top.WIDGET_SKIP_TEXT | {"a"})
    assert takeaway_top._compiled_walk() is None


@needs_compiled
@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("x" * 300, True),
        ("x" * 301, False),
        ("\u00a0\u2003\u1680\n" + "x" * 300 + "\u3000\u202f\u2029 ", True),  # stripped: 300
        ("\u200bx" + "x" * 299, False),  # a zero-width space is no whitespace: 301
        ("\u00e9" * 300, True),  # code points, not UTF-8 bytes
        ("\u65e5" * 150 + "\U0001f511" * 150, True),
        ("\u00e9" * 301, False),
    ],
)
def test_headline_lists_count_text_as_python_strips_it(text: str, met: bool) -> None:
    """The text met after the headline is counted in code points, Python's whitespace
    stripped from each text's ends: a list after 300 characters is met, after 301 not."""
    root = load(f"<html><body><h1>Markets rise today</h1><p>{text}</p><ul></ul></body></html>").root
    assert len(takeaway_top.headline_lists(root)) == int(met)
    assert _compare_headline_lists(root) == int(met)


# ------------------------------------------------------------------ takeaways: box words


def _box_words_twins(names: str) -> bool:
    python = takeaway_gate.box_words_in_python(names)
    assert takeaway_gate._box_words_in(names) == python, names
    return python


@needs_compiled
def test_box_words_on_fixtures_and_zoo_names() -> None:
    from tests.zoo.generate import build_all

    from newsparse.extract.widget_gate import page_naming_text

    htmls = [p.read_bytes() for p in FIXTURES] + [page.html for page in build_all()]
    found = [_box_words_twins(page_naming_text(load(html))) for html in htmls]
    assert 0 < sum(found) < len(found)


@needs_compiled
@pytest.mark.parametrize(
    ("names", "found"),
    [
        ("key-takeaways", True), ("keytakeaways", True), ("take \u00e9\n_-away", True),
        ("takeXaway", True), ("take9away", False), ("mistake-away", True),
        ("what-to-know", True), ("need__to__know", True), ("whatto-knowing", True),
        ("what-t-know", False), ("summary-bullet", False), ("summary-bullets", True),
        ("bullet-summary", True), ("bulletsummary", True), ("bullets-summary", False),
        ("ai summary", True), ("at-a-glance", True), ("ata\u00e9glance", True),
        ("tldr", True), ("tl", False), ("", False), ("highlight", False),
        ("article-highlights", True), ("quick-takes", True), ("\ud800tl\udfffdr", True),
    ],
)  # fmt: skip
def test_box_words_samples(names: str, found: bool) -> None:
    """Words in order with separators (anything but a-z0-9: capitals, non-ASCII and
    surrogates too) or none between them, anywhere; a digit or a letter is none."""
    assert _box_words_twins(names) is found


_WORD_PARTS = sorted(
    {w for seq in takeaway_gate.BOX_WORDS for group in seq for w in group}
    | {"-", "_", " ", "\n", "\u00e9", "X", "9", "s", "ta", "t", "summar", "\ud83d\udd11"}
)


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PARTS), max_size=12))
def test_box_words_generated(parts: list[str]) -> None:
    _box_words_twins("".join(parts))


def test_box_words_reference_matches_the_vocabulary_pattern() -> None:
    """Every word sequence, with "-" between its words, is a naming word the box search
    takes (``takeaways._BOX_VOCAB``), and the reference finds it."""
    import itertools

    for seq in takeaway_gate.BOX_WORDS:
        for words in itertools.product(*seq):
            name = "-".join(words)
            assert takeaways._BOX_VOCAB.search(name), name
            assert takeaway_gate.box_words_in_python(f"x {name} y"), name


@needs_compiled
def test_the_compiled_box_words_scan_is_used_while_the_words_are_its(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scan is for lower-case ASCII words that start with a letter: other words
    leave the gate to the reference."""
    assert takeaway_gate._compiled_box_words() is not takeaway_gate.box_words_in_python
    for word in ("Take", "\u00e9t\u00e9", "2go", "ta-ke"):
        monkeypatch.setattr(takeaway_gate, "BOX_WORDS", (((word,), ("away",)),))
        assert takeaway_gate._compiled_box_words() is takeaway_gate.box_words_in_python


@needs_compiled
def test_box_walk_visits_only_what_may_start_a_label() -> None:
    """The label pre-test: own text of at most 192 characters starting (past non-word
    characters) with a whole English label word, or with a non-ASCII word character;
    any short text when other languages are tried."""
    texts = [
        "The company said it would", "The gist", "\u201cThe gist\u201d", "Theme", "the_x",
        "\u00a0In\u00a0brief", "\u212aey points", "K\u00e9y points", "Summary" + "\u00e9" * 185,
        "Key " + "x" * 189, "Disney\u2019s", "\U0001f511 Key takeaways", "In", "Inside",
    ]  # fmt: skip
    body = "".join(f"<p>{t}</p>" for t in texts)
    doc = load(f"<html lang='en'><head><title>T</title></head><body>{body}</body></html>")
    assert takeaways._WIDGETS is not None
    for other, expected in (
        (False, ["The company said it would", "The gist", "\u201cThe gist\u201d",
                 "\u00a0In\u00a0brief", "\u212aey points", "K\u00e9y points",
                 "Summary" + "\u00e9" * 185, "\U0001f511 Key takeaways", "In"]),
        (True, [t for t in texts if len(t) <= 192]),
    ):  # fmt: skip
        visited: list[str] = []

        def visit(el: etree._Element) -> bool:
            visited.append(el.text or "")  # noqa: B023 (called within the loop)
            return False

        takeaways._WIDGETS.box_walk(
            doc.root, False, takeaways._NOT_BOX, True, takeaways._LABEL_TAGS, other, visit
        )
        assert visited == expected, other

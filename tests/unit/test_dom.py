"""Tests for the shared DOM helpers: text normalisation, the per-page index, name matchers."""

from __future__ import annotations

import re

import lxml.html
import pytest

from newsparse.document import load
from newsparse.extract.dom import (
    name_matcher,
    norm_space,
    page_attribute_names,
    page_index,
    page_text,
)

PAGE = """<html><head><title>T</title><meta name="x" content="y"></head><body class="b">
<!-- a comment -->
<div id="wrap" class="outer">
  <p>One <a href="/a" rel="author">link</a></p>
  <section><h2 class="title">Head</h2><p>Two</p></section>
</div>
<footer data-x="1"><span>Foot</span></footer>
</body></html>"""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  a \n\t b  ", "a b"),
        ("a\u00a0\u00a0b", "a b"),  # no-break spaces are whitespace
        ("a\u2003b\u3000c", "a b c"),  # em space, ideographic space
        ("zero\u200bwidth\u00adsoft", "zerowidthsoft"),
        ("caf\u00e9  \u2019quoted\u2019", "caf\u00e9 \u2019quoted\u2019"),
        ("\u200b \u200b", ""),
    ],
)
def test_norm_space(raw: str | None, expected: str) -> None:
    assert norm_space(raw) == expected


def test_norm_space_matches_the_regex_definition() -> None:
    """Every character \\s matches is collapsed, and nothing else."""
    ws = re.compile(r"\s+")
    sample = "".join(chr(c) for c in range(0x3100)) + " end "
    assert (
        norm_space(sample)
        == ws.sub(" ", re.sub("[\u200b-\u200d\u2060\ufeff\u00ad]", "", sample)).strip()
    )


def test_page_index_is_made_once_per_document() -> None:
    doc = load(PAGE)
    index = page_index(doc)
    assert page_index(doc) is index
    assert page_index(load(PAGE)) is not index


def test_page_index_elements_and_attributes() -> None:
    doc = load(PAGE)
    index = page_index(doc)
    tags = [el.tag for el in index.elements]
    assert tags == [
        "html", "head", "title", "meta", "body", "div", "p", "a", "section", "h2", "p",
        "footer", "span",
    ]  # fmt: skip
    assert [el.tag for el in index.attrs] == ["meta", "body", "div", "a", "h2", "footer"]
    div = doc.root.find(".//div")
    assert index.attrs[div] == {"id": "wrap", "class": "outer"}
    link = doc.root.find(".//a")
    assert index.attrs[link] == {"href": "/a", "rel": "author"}
    assert doc.root.find(".//span") not in index.attrs


def test_descendants() -> None:
    doc = load(PAGE)
    index = page_index(doc)
    div = doc.root.find(".//div")
    assert [el.tag for el in index.descendants(div)] == ["p", "a", "section", "h2", "p"]
    footer = doc.root.find(".//footer")  # the last subtree: runs to the end
    assert [el.tag for el in index.descendants(footer)] == ["span"]
    body = doc.root.find("body")
    assert len(index.descendants(body)) == 8
    assert index.descendants(doc.root.find(".//span")) == []


def test_descendants_of_an_element_from_another_tree() -> None:
    doc = load(PAGE)
    other = lxml.html.fromstring("<div><p>x<b>y</b></p><!-- c --></div>")
    assert [el.tag for el in page_index(doc).descendants(other)] == ["p", "b"]


def test_name_matcher() -> None:
    calls: list[str] = []

    class Counting:
        def search(self, text: str) -> object:
            calls.append(text)
            return re.search("side", text)

    matches = name_matcher(Counting())  # type: ignore[arg-type]
    assert matches("left-sidebar x")
    assert matches("left-sidebar x")
    assert not matches("content")
    assert not matches("")
    assert calls == ["left-sidebar x", "content"]  # each string matched once, "" never


def test_page_attribute_names() -> None:
    assert page_attribute_names(load(PAGE)) == {
        "name", "content", "class", "id", "href", "rel", "data-x",
    }  # fmt: skip


def test_page_text_holds_all_text_and_no_comment() -> None:
    text = page_text(load(PAGE.replace("<p>Two</p>", "<p>Two<script>var s = 1;</script></p>")))
    for piece in ("T", "One link", "Head", "Two", "var s = 1;", "Foot"):
        assert piece in text
    assert "a comment" not in text

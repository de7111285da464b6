"""Void elements that libxml2 opens as containers are closed as browsers close them."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.document import load

FIRST = "First paragraph of the story is here and long enough to count as text."
SECOND = "Second paragraph of the story is also here with enough words to count."


@pytest.mark.parametrize(
    "void",
    [
        '<embed src="/media/chart.swf" type="application/x-shockwave-flash">',
        '<source src="/media/clip.mp4" type="video/mp4">',
        '<track kind="captions" src="/media/clip.vtt">',
        "<wbr>",
        "<keygen name=k>",
    ],
)
def test_text_after_a_void_element_is_body(void: str) -> None:
    html = (
        f"<html><body><article><h1>Title</h1><p>{FIRST}</p>{void}<p>{SECOND}</p>"
        "</article></body></html>"
    )
    assert newsparse.parse(html).text == f"{FIRST}\n\n{SECOND}"


def test_tree_order_is_kept_around_the_void_element() -> None:
    doc = load("<html><body><div><p>a</p>x<embed src='e'>y<p>b</p>z<b>c</b></div>w</body></html>")
    div = doc.root.find(".//div")
    assert [el.tag for el in div] == ["p", "embed", "p", "b"]
    embed = div[1]
    assert len(embed) == 0 and embed.text is None and embed.tail == "y"
    assert div[2].tail == "z" and div[3].tail is None
    assert div.tail == "w"

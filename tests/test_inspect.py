"""``newsparse inspect``: the report marks every region, and nothing of the page can run,
load or navigate in it (checked on the markup here, in a browser in
test_inspect_browser.py)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

import newsparse
from newsparse.cli import main
from newsparse.report import CSP, REGIONS, inspect_report
from newsparse.report.styles import PAGE_CSS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "crypto-news-page.html"

HOSTILE = """<!DOCTYPE html><html><head>
<base href="http://evil.example/">
<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">
<link rel="stylesheet" href="http://evil.example/style.css">
<link rel="preload" href="http://evil.example/font.woff2" as="font">
<link rel="dns-prefetch" href="//evil.example">
<style>@import url(http://evil.example/import.css);
@font-face{font-family:x;src:url(http://evil.example/f.woff)}
body{background:url("http://evil.example/bg.png")}</style>
<script src="http://evil.example/head.js"></script>
<title>Hostile page</title></head>
<body onload="alert(1)" background="http://evil.example/body.png">
<article class="np np-block" data-np-label="forged label">
<h1 onclick="alert(2)">Hostile headline for the sanitiser test</h1>
<p style="background-image:url(http://evil.example/p.png)" onmouseover="alert(3)">
The first paragraph of the article holds enough words to count as running text for the
content scorer, and a <a href="javascript:alert(4)">script link</a> and a
<a href="http://evil.example/page" target="_top" ping="http://evil.example/ping">remote
link</a>, plus text that looks like markup:
&lt;/iframe&gt;&lt;script&gt;alert(5)&lt;/script&gt;.</p>
<img src="http://evil.example/img.png" srcset="http://evil.example/2x.png 2x" alt="chart"
 onerror="alert(6)">
<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="svg data">
<picture><source srcset="http://evil.example/pic.webp"><img src="http://evil.example/pic.png"></picture>
<iframe src="http://evil.example/frame.html" srcdoc="<script>alert(7)</script>"></iframe>
<object data="http://evil.example/obj.swf"></object><embed src="http://evil.example/e.swf">
<video poster="http://evil.example/poster.png" src="http://evil.example/v.mp4"></video>
<audio src="http://evil.example/a.mp3"></audio>
<form action="http://evil.example/submit" method="post"><input name="q"
 formaction="http://evil.example/fa"><button formaction="http://evil.example/b">Go</button></form>
<x-widget onclick="alert(9)" data-url="http://evil.example/x">Custom element text stays</x-widget>
<noscript><img src="http://evil.example/noscript.png"></noscript>
<template><img src="http://evil.example/template.png"></template>
<meta http-equiv="refresh" content="0;url=http://evil.example/body-refresh">
<p>The second paragraph continues the article with more words so that the page has a real
body of running text that the content scorer picks as the main content of the page.</p>
<SCRIPT>alert(10)</SCRIPT><script type="module">import "http://evil.example/m.js"</script>
<svg><script>alert(8)</script><image href="http://evil.example/svg.png"/>
<use href="http://evil.example/sprite.svg#x"/></svg>
<math><mi xlink:href="http://evil.example/math">x</mi></math>
</article></body></html>"""


def _view(report: str) -> tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]:
    """The report's outer document and the page view (its iframe's srcdoc), parsed."""
    outer = lxml.html.document_fromstring(report)
    frames = outer.xpath("//iframe")
    assert len(frames) == 1
    return outer, lxml.html.document_fromstring(frames[0].get("srcdoc"))


def test_hostile_page_is_inert_in_the_report() -> None:
    outer, view = _view(inspect_report(HOSTILE))
    frame = outer.xpath("//iframe")[0]
    assert frame.get("sandbox") == ""  # no allow-scripts, no allow-same-origin, nothing
    for doc in (outer, view):
        csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert csp == [CSP]
        assert "default-src 'none'" in CSP and "img-src data:" in CSP
        assert not doc.xpath("//script|//object|//embed|//base|//link|//form|//input|//button")
        assert not doc.xpath("//svg|//math|//video|//audio|//source|//picture|//template")
        assert not doc.xpath("//meta[@http-equiv='refresh']|//noscript")
        for el in doc.iter(etree.Element):
            for name, value in el.attrib.items():
                assert not name.lower().startswith("on"), (el.tag, name)
                assert name not in (
                    "href",
                    "srcset",
                    "action",
                    "formaction",
                    "style",
                    "background",
                    "poster",
                    "ping",
                    "data",
                    "target",
                )
                if name == "src":
                    assert value.startswith("data:image/png") or value.startswith("data:image/gif")
                if name not in ("title", "data-np-label", "srcdoc"):
                    assert "evil.example" not in value, (el.tag, name, value)
    assert not view.xpath("//iframe")
    assert [s.text for s in view.xpath("//style")] == [PAGE_CSS]
    assert outer.xpath("//style") and all(
        "url(" not in (s.text or "") for s in outer.xpath("//style")
    )
    text = view.text_content()
    assert "</iframe><script>alert(5)</script>" in text  # markup-looking text stays text
    assert "Custom element text stays" in text
    assert "[image: chart]" in text  # remote images become placeholders
    assert "alert(10)" not in text and "alert(8)" not in text  # script content is gone
    # the page's forged marks were stripped: only the report's own labels remain
    assert "forged label" not in lxml.html.tostring(view, encoding="unicode")


def test_remote_urls_never_appear_where_a_browser_would_load_them() -> None:
    report = inspect_report(HOSTILE)
    # no attribute anywhere in the report (srcdoc included, once unescaped) that loads
    srcdoc = lxml.html.document_fromstring(report).xpath("//iframe/@srcdoc")[0]
    for markup in (report, srcdoc):
        assert not re.search(
            r"""\s(?:src|href|srcset|action|poster|data)\s*=\s*["']?https?:""", markup, re.I
        )
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", markup, re.I)
        assert "@import" not in markup


def test_seed_report_marks_every_region_and_field() -> None:
    found = newsparse.explain(SEED.read_bytes())
    outer, view = _view(inspect_report(SEED.read_bytes()))
    for region in REGIONS:
        assert view.xpath(f"//*[contains(concat(' ', @class, ' '), ' np-{region} ')]"), region
    labels = " ".join(view.xpath("//@data-np-label"))
    for entry in found.provenance.fields:
        assert entry.value is not None, entry.field  # the seed page has every field
        assert f"{entry.field} ←" in labels, entry.field
    # each comment is labelled, a reply with its parent
    assert "comments[1].replies[0] ↳ reply to comments[1]" in labels
    comment_labels = [x for x in view.xpath("//@data-np-label") if x.startswith("comments[")]
    assert len(comment_labels) == 4
    # every body block and ticker quote is marked
    blocks = view.xpath(
        "//*[contains(concat(' ', @class, ' '), ' np-block ')"
        " or contains(concat(' ', @class, ' '), ' np-section ')]"
    )
    assert len(blocks) == len(found.article.body)
    tickers = view.xpath("//*[contains(concat(' ', @class, ' '), ' np-ticker ')]")
    assert len(tickers) == len(found.article.tickers)
    legend = outer.xpath("//ul[@class='legend']/li")
    assert len(legend) == len(REGIONS)
    panel = outer.xpath("//aside[@class='panel']")[0].text_content()
    assert found.article.title is not None and found.article.title in panel


@pytest.mark.parametrize("page", sorted(FIXTURES.glob("*.html")), ids=lambda p: p.stem)
def test_every_fixture_gets_a_report(page: Path) -> None:
    _outer, view = _view(inspect_report(page.read_bytes()))
    assert view.xpath("//*[contains(@class, 'np-')]")
    assert not view.xpath("//script|//iframe|//link|//base")


def test_cli_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["inspect", str(SEED), "-o", str(out)]) == 0
    _outer, view = _view(out.read_text(encoding="utf-8"))
    assert view.xpath("//*[contains(@class, 'np-takeaway')]")
    assert main(["inspect", str(tmp_path / "missing.html")]) == 1
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert main(["inspect", str(empty), "-o", str(out)]) == 1
    assert "EmptyInputError" in capsys.readouterr().err

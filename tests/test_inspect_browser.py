"""The inspect report in a real browser (headless Chromium over the DevTools protocol):
the legend and every region render with visible boxes, and a page full of remote
scripts, images, fonts and frames makes no request while its report is open.

Skipped, with the reason, when Chromium is not installed (``.ci/run`` installs Debian's
``chromium``).  ``NEWSPARSE_SCREENSHOT=docs/img/inspect-seed.png`` makes the first test
also write the README's screenshot there.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from cdp_helpers import Browser, attributes, find_chromium, walk
from newsparse.report import REGIONS, inspect_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "crypto-news-page.html"
CHROMIUM = find_chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium not installed (apt-get install chromium; .ci/run does it): "
    "the report is not checked in a browser",
)


@pytest.fixture
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    b = Browser(CHROMIUM, width=1400, height=1800)
    try:
        yield b
    finally:
        b.close()


def _visible_box(b: Browser, session: str, node_id: int) -> bool:
    try:
        model = b.call("DOM.getBoxModel", {"nodeId": node_id}, session=session)["model"]
    except RuntimeError:  # "Could not compute box model": not rendered
        return False
    if model["width"] <= 0 or model["height"] <= 0:
        return False
    style = b.call("CSS.getComputedStyleForNode", {"nodeId": node_id}, session=session)
    props = {p["name"]: p["value"] for p in style["computedStyle"]}
    return (
        props.get("visibility") == "visible"
        and props.get("display") != "none"
        and float(props.get("opacity", "1")) > 0
    )


def _by_class(b: Browser) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """(session, node) of every element, by each of its class names, in all documents."""
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for session, root in b.documents():
        for node in walk(root):
            for name in attributes(node).get("class", "").split():
                out.setdefault(name, []).append((session, node))
    return out


def test_seed_report_renders_legend_and_every_region(browser: Browser, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(inspect_report(SEED.read_bytes()), encoding="utf-8")
    browser.open(report)
    browser.settle(0.3)
    shot = tmp_path / "inspect-seed.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    classes = _by_class(browser)
    # the widgets further down: takeaways, disclaimer, comments and (below) ticker quotes
    session, takeaway = classes["np-takeaway"][0]
    browser.call("DOM.scrollIntoViewIfNeeded", {"nodeId": takeaway["nodeId"]}, session=session)
    browser.settle(0.2)
    widgets = tmp_path / "inspect-seed-widgets.png"
    browser.screenshot(widgets)
    wanted = os.environ.get("NEWSPARSE_SCREENSHOT")
    if wanted:
        shutil.copyfile(shot, wanted)
        shutil.copyfile(widgets, wanted.replace(".png", "-widgets.png"))
    print(f"screenshots: {wanted or shot} and its -widgets.png")

    legend = classes.get("legend-item", [])
    assert len(legend) == len(REGIONS)
    assert all(_visible_box(browser, s, n["nodeId"]) for s, n in legend)
    for region in REGIONS:
        nodes = classes.get(f"np-{region}", [])
        assert nodes, f"no np-{region} element rendered"
        visible = [n for s, n in nodes if _visible_box(browser, s, n["nodeId"])]
        # every marked element is laid out and visible (outlined, tinted, labelled)
        assert len(visible) == len(nodes), (region, len(visible), len(nodes))
        # its label (the ::before box) renders too
        session, first = nodes[0]
        before = [p for p in first.get("pseudoElements", []) if p.get("pseudoType") == "before"]
        assert before and _visible_box(browser, session, before[0]["nodeId"]), region


class _Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = b"/* recorded */"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str]]]:
    hits: ClassVar[list[str]] = []
    handler = type("Recorder", (_Recorder,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def _remote_page(base: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>Remote everything</title>
<base href="{base}/base/">
<meta http-equiv="refresh" content="1;url={base}/refresh">
<link rel="stylesheet" href="{base}/style.css"><link rel="preload" href="{base}/f.woff2" as="font">
<link rel="prefetch" href="{base}/prefetch"><link rel="icon" href="{base}/favicon.ico">
<style>@import url({base}/import.css);
@font-face{{font-family:Remote;src:url({base}/font.woff2) format("woff2")}}
body{{font-family:Remote;background:url({base}/bg.png)}}</style>
<script src="{base}/head.js"></script></head>
<body background="{base}/body.png"><article>
<h1>Remote resources everywhere on this test page</h1>
<p style="background:url({base}/p.png)">The article's first paragraph has enough words to be
running text, with an image <img src="{base}/img.png" srcset="{base}/img2x.png 2x" alt="a">
and an <a href="{base}/link">ordinary link</a>.</p>
<picture><source srcset="{base}/pic.webp"><img src="{base}/pic.png" alt="p"></picture>
<video poster="{base}/poster.png" src="{base}/v.mp4" autoplay></video>
<audio src="{base}/a.mp3" autoplay></audio>
<iframe src="{base}/frame.html"></iframe><object data="{base}/obj"></object>
<svg><image href="{base}/svg.png" width="10" height="10"/></svg>
<form action="{base}/submit"><input type="image" src="{base}/input.png"></form>
<p>The second paragraph adds more words so that the page has an article body of running
text, which the report shows with its regions marked.</p>
<script>fetch("{base}/fetch")</script><img src="relative.png" alt="relative">
</article></body></html>"""


def test_page_with_remote_resources_makes_no_request(
    browser: Browser, recorder: tuple[str, list[str]], tmp_path: Path
) -> None:
    base, hits = recorder
    page = tmp_path / "page.html"
    page.write_text(_remote_page(base), encoding="utf-8")
    # the control: the page itself, opened directly, does reach the recording server
    browser.open(page)
    browser.settle(1.0)
    browser.close()
    assert hits, "the recording server saw no request from the raw page: the test is blind"
    hits.clear()

    report = tmp_path / "report.html"
    report.write_text(inspect_report(page.read_bytes()), encoding="utf-8")
    assert CHROMIUM is not None
    fresh = Browser(CHROMIUM, width=1400, height=1000)  # nothing left from the control
    try:
        fresh.open(report)
        fresh.settle(2.0)  # longer than the page's meta refresh
        assert hits == []
        requested = fresh.requests()
        assert requested and all(url.startswith("file://") for url in requested), requested
        classes = _by_class(fresh)
        assert classes.get("np-block"), "the report's page view did not render"
    finally:
        fresh.close()

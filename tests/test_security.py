"""Security: page content never makes newsparse read a file or fetch a URL, and the
Markdown it renders never carries active content from the page.

Sensors that would see an attempt: a temporary file holding a secret marker (its
text must never appear in any output, and its access time must not move), and a
local HTTP server on 127.0.0.1 that records every request (it must get none).
"""

from __future__ import annotations

import http.server
import json
import os
import re
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Article

try:
    from test_hostile import check_article, iter_strings
except ImportError:  # pragma: no cover - tests imported as a package
    from tests.test_hostile import check_article, iter_strings

SECRET = f"NEWSPARSE-SECRET-{uuid.uuid4().hex}"
REMOTE = f"NEWSPARSE-REMOTE-{uuid.uuid4().hex}"


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 - one list shared by the handler instances

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = (
            f'<!ENTITY remote "{REMOTE}">' if self.path.endswith(".dtd") else REMOTE
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server recording every request it gets: (base URL, request paths)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Recorder.requests
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def secret_file(tmp_path: Path) -> Path:
    """A file with the secret marker, its access time set before its modification time."""
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n")
    past = time.time() - 3600
    os.utime(path, (past, time.time()))
    return path


def _atime_sensor_works(tmp_path: Path) -> bool:
    probe = tmp_path / "probe.txt"
    probe.write_text("x")
    past = time.time() - 3600
    os.utime(probe, (past, time.time()))
    before = probe.stat().st_atime
    probe.read_text()
    return probe.stat().st_atime != before


PAYLOADS = [
    # External entities (XXE), general and parameter, file and http.
    '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{file_uri}">]><html><body><p>&xxe;</p></body></html>',
    '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{file}">]><html><body><p>x &xxe; y</p></body></html>',
    '<!DOCTYPE html [<!ENTITY xxe SYSTEM "{http}/xxe">]><html><body><p>&xxe;</p></body></html>',
    '<!DOCTYPE html [<!ENTITY % p SYSTEM "{http}/p.dtd"> %p;]><html><body><p>&remote;</p>'
    "</body></html>",
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{file_uri}">]><html><p>&xxe;</p>'
    "</html>",
    # External DTDs.
    '<!DOCTYPE html SYSTEM "{http}/ext.dtd"><html><body><p>&remote;</p></body></html>',
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{http}/strict.dtd">'
    "<html><body><p>&remote;</p></body></html>",
    '<!DOCTYPE html SYSTEM "{file_uri}"><p>doctype file</p>',
    # XInclude, in the HTML and in SVG.
    '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><p>'
    '<xi:include href="{file_uri}" parse="text"/></p><xi:include href="{http}/xi"/></body></html>',
    # <base> and relative references in every fetching element.
    '<html><head><base href="{dir_uri}/"></head><body><p><a href="secret.txt">link</a></p>'
    '<img src="secret.txt"><iframe src="secret.txt"></iframe></body></html>',
    '<html><head><base href="{http}/base/"></head><body><p><a href="x">link</a></p>'
    '<img src="img.png" srcset="a.png 1x, b.png 2x"></body></html>',
    '<html><head><link rel="stylesheet" href="{http}/style.css">'
    '<link rel="import" href="{file_uri}"><link rel="preload" href="{http}/pre">'
    '<script src="{http}/script.js"></script><style>@import url("{http}/import.css");'
    'body {{ background: url("{file_uri}") }}</style>'
    '<meta http-equiv="refresh" content="0; url={http}/refresh"></head><body>'
    '<p style="background:url({http}/inline)">styled</p>'
    '<iframe src="{http}/frame"></iframe><object data="{file_uri}"></object>'
    '<embed src="{http}/embed"><video poster="{http}/poster" src="{http}/v"></video>'
    '<audio src="{file_uri}"></audio><input type="image" src="{http}/input">'
    '<frameset><frame src="{file_uri}"></frameset><a ping="{http}/ping" href="/">a</a>'
    "</body></html>",
    # SVG and MathML references.
    '<html><body><svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="{file_uri}"/>'
    '<use href="{http}/use.svg#x"/><feImage href="{file_uri}"/><script href="{http}/s.js"/>'
    '</svg><math><mglyph src="{http}/glyph"/><maction actiontype="statusline" '
    'xlink:href="{file_uri}">m</maction></math><p>after svg</p></body></html>',
    # Processing instructions and XML stylesheets.
    '<?xml-stylesheet type="text/xsl" href="{http}/x.xsl"?><?xml-stylesheet href="{file_uri}"?>'
    "<html><body><p>pi</p></body></html>",
    # Structured data pointing elsewhere: a JSON-LD @context, microdata itemtype/itemid.
    '<html><head><script type="application/ld+json">{{"@context": "{http}/context.jsonld", '
    '"@type": "NewsArticle", "headline": "ld"}}</script></head><body>'
    '<div itemscope itemtype="{http}/Type" itemid="{file_uri}"><p itemprop="articleBody">'
    "micro</p></div></body></html>",
]


def _outputs(article: Article) -> str:
    return "\n".join(
        [article.model_dump_json(), article.to_markdown(), article.text]
        + [text for _, text in iter_strings(article)]
    )


@pytest.mark.parametrize("template", PAYLOADS, ids=lambda t: re.sub(r"\W+", "-", t[:50]))
def test_page_content_never_reads_files_or_urls(
    template: str, server: tuple[str, list[str]], secret_file: Path, tmp_path: Path
) -> None:
    """External entities, DTDs, XInclude, <base>, SVG/MathML, PIs, JSON-LD @context: no
    request reaches the local server, the secret never appears, the file is never read."""
    base, requests = server
    html = template.format(
        file=str(secret_file),
        file_uri=secret_file.as_uri(),
        dir_uri=secret_file.parent.as_uri(),
        http=base,
    )
    sensor = _atime_sensor_works(tmp_path)
    atime = secret_file.stat().st_atime
    requests.clear()
    for data in (html, html.encode()):
        for url in (None, base + "/page", secret_file.as_uri()):
            try:
                article = newsparse.parse(data, url=url)
            except newsparse.NewsparseError:
                continue
            check_article(article)
            out = _outputs(article)
            assert SECRET not in out
            assert REMOTE not in out
    time.sleep(0.05)  # let a request in flight be recorded
    assert requests == []
    if sensor:
        assert secret_file.stat().st_atime == atime, "the secret file was read"


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "' + f"&lol{i - 1 if i > 1 else ''};" * 10 + '">' for i in range(1, 10)
    )
    + "]><html><body><p>&lol9;</p><p>Regular text after the entities.</p></body></html>"
)
QUADRATIC_BLOWUP = (
    '<!DOCTYPE r [<!ENTITY a "' + "x" * 50_000 + '">]><html><body><p>'
    + "&a;" * 20_000
    + "</p></body></html>"
)


@pytest.mark.parametrize("html", [BILLION_LAUGHS, QUADRATIC_BLOWUP], ids=["billion", "quadratic"])
def test_entity_expansion_bombs_are_not_expanded(html: str) -> None:
    """Billion laughs and quadratic blow-up: nothing is expanded, the parse stays small/fast."""
    started = time.perf_counter()
    for data in (html, html.encode()):
        try:
            article = newsparse.parse(data)
        except newsparse.NewsparseError:
            continue
        check_article(article)
        assert "lollollol" not in article.text
        assert "x" * 1000 not in article.text
        assert len(article.model_dump_json()) < 1_000_000
    assert time.perf_counter() - started < 20


# --------------------------------------------------------------------------- Markdown output

#: A link or image target in Markdown: `](target` not preceded by a backslash.
MD_TARGET = re.compile(r"(?<!\\)\]\(\s*<?([^)\s>]*)")
SAFE_TARGET = re.compile(r"^(?:https?://|mailto:|/|#|\.|[\w%~-]+(?:[/.?#]|$))", re.IGNORECASE)

ACTIVE_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java&#x09;script:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "\x01javascript:alert(1)",
]


def _article_page(body: str) -> str:
    filler = "".join(
        f"<p>Filler paragraph number {i} with enough words to be article text.</p>"
        for i in range(6)
    )
    return (
        "<html><head><title>Security page</title></head><body><article>"
        f"<h1>Security page</h1>{filler}{body}</article></body></html>"
    )


_FENCED = re.compile(r"^(`{3,})[^\n]*\n.*?^\1\s*$", re.M | re.S)


def _assert_inert(markdown: str) -> None:
    # Fenced code blocks are rendered verbatim, never as HTML: their content is inert.
    markdown = _FENCED.sub("", markdown)
    for target in MD_TARGET.findall(markdown):
        assert SAFE_TARGET.match(target), f"unsafe link target {target!r} in Markdown"
    unescaped_lt = re.findall(r"(?<!\\)<[a-zA-Z/!?]", markdown)
    assert not unescaped_lt, f"raw HTML {unescaped_lt} in Markdown: {markdown[:300]!r}"
    lowered = markdown.lower()
    assert not re.search(r"(?<!\\)<[^>]*\bon[a-z]+\s*=", lowered)


@pytest.mark.parametrize("href", ACTIVE_LINKS, ids=repr)
def test_active_links_never_reach_markdown_or_url_fields(href: str) -> None:
    """javascript:/vbscript:/data:/file: targets are dropped, however they are disguised."""
    attr = href.replace('"', "&quot;")
    html = _article_page(
        f'<p>Read <a href="{attr}">this link</a> and <a href="https://example.com/ok">that</a>.'
        f'</p><figure><img src="{attr}" alt="pic"><figcaption>Cap</figcaption></figure>'
        f'<p><img src="{attr}" onerror="alert(1)"></p>'
    )
    html = html.replace("<head>", f'<head><meta property="og:image" content="{attr}">'
                        f'<link rel="canonical" href="{attr}">')
    article = newsparse.parse(html, url="https://example.com/news/1")
    check_article(article)
    markdown = article.to_markdown()
    _assert_inert(markdown)
    assert "this link" in markdown
    for path, value in iter_strings(article):
        if path.rsplit(".", 1)[-1] in ("url", "canonical_url", "image", "src", "author_url"):
            assert not re.match(r"\s*(?:javascript|vbscript|data|file)\s*:", value, re.I), path


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script><p>Script before this paragraph.</p>",
        '<p onclick="alert(1)" onmouseover="alert(2)">Handlers on this paragraph.</p>',
        '<img src="x" onerror="alert(1)"><svg onload="alert(1)"><circle r="1"/></svg>',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe><p>After the frame.</p>',
        "<style>body{background:url(javascript:alert(1))}</style><p>Styled.</p>",
        "<noscript><p><img src=x onerror=alert(1)></p></noscript><p>After noscript.</p>",
        "<template><script>alert(1)</script></template><p>After template.</p>",
        '<form action="javascript:alert(1)"><button formaction="javascript:x">b</button></form>',
        '<p><a href="https://ok.example/" onclick="steal()">ok link</a></p>',
        "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n```\n</code></pre>",
        "<table><tr><td><script>alert(1)</script>cell</td><td>&lt;b&gt;x&lt;/b&gt;</td></tr></table>",
        '<blockquote cite="javascript:alert(1)"><p>Quoted text.</p></blockquote>',
        "<ul><li>&lt;img src=x onerror=alert(1)&gt;</li><li>[x](javascript:alert(1))</li></ul>",
        '<h2><a href="javascript:alert(1)">Heading link</a></h2><p>Under it.</p>',
    ],
    ids=lambda b: re.sub(r"\W+", "-", b[:40]),
)
def test_markdown_never_carries_active_content(body: str) -> None:
    """Raw <script>, event handlers, srcdoc, javascript: in any attribute: none in Markdown."""
    article = newsparse.parse(_article_page(body))
    check_article(article)
    markdown = article.to_markdown()
    _assert_inert(markdown)
    assert "alert(1)</script>" not in _FENCED.sub("", markdown)


@pytest.mark.parametrize(
    ("text", "must_not"),
    [
        ("# Not a heading", re.compile(r"^#", re.M)),
        ("## Also not a heading", re.compile(r"^#", re.M)),
        ("* not a list item", re.compile(r"^\* ", re.M)),
        ("- not a list item", re.compile(r"^- not", re.M)),
        ("+ not a list item", re.compile(r"^\+ ", re.M)),
        ("1. not an ordered item", re.compile(r"^1\. ", re.M)),
        ("> not a quote", re.compile(r"^> not", re.M)),
        ("[click me](javascript:alert(1))", re.compile(r"(?<!\\)\[click")),
        ("![pixel](https://tracker.example/p.gif)", re.compile(r"(?<!\\)!(?<!\\)\[")),
        ("**not bold** and _not italic_", re.compile(r"(?<!\\)\*\*not")),
        ("`not code`", re.compile(r"(?<!\\)`not")),
        ("| not | a | table |", re.compile(r"^\|", re.M)),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", re.compile(r"(?<!\\)<script")),
        ("&lt;b onmouseover=alert(1)&gt;hover&lt;/b&gt;", re.compile(r"(?<!\\)<b")),
        ("&lt;https://autolink.example&gt;", re.compile(r"(?<!\\)<https")),
        ("&amp;lt;script&amp;gt; entity text", re.compile(r"(?<!&amp;)&lt;script")),
        ("Text with a backslash \\ and a ~~strike~~", re.compile(r"(?<!\\)~~strike")),
    ],
    ids=repr,
)
def test_text_that_looks_like_markdown_or_html_is_escaped(text: str, must_not: Any) -> None:
    """Page text with Markdown or HTML syntax comes out escaped, in paragraphs and headings."""
    for body in (f"<p>{text}</p>", f"<h2>{text}</h2><p>Under the heading.</p>"):
        article = newsparse.parse(_article_page(body))
        check_article(article)
        markdown = article.to_markdown()
        _assert_inert(markdown)
        words = ("not", "click", "script", "autolink", "pixel", "hover", "strike", "table")
        lines = [line for line in markdown.split("\n") if any(w in line.lower() for w in words)]
        assert lines, f"the text is missing from the Markdown: {markdown[:400]!r}"
        for line in lines:
            probe = line.lstrip("#").lstrip() if body.startswith("<h2>") else line
            assert not must_not.search(probe), f"unescaped: {line!r}"


def test_json_output_is_plain_data() -> None:
    """model_dump(mode='json') of a hostile page is plain JSON (no objects from the page)."""
    html = _article_page('<p>Text</p><script type="application/ld+json">{"@type": "NewsArticle",'
                         ' "headline": "<script>alert(1)</script>"}</script>')
    article = newsparse.parse(html)
    dumped = article.model_dump(mode="json")
    assert json.loads(json.dumps(dumped)) == dumped


def test_the_sensors_do_see_an_attempt(
    server: tuple[str, list[str]], secret_file: Path, tmp_path: Path
) -> None:
    """Control: a real fetch is recorded by the server, a real read moves the file's atime
    (when the file system keeps access times), so the tests above would see an attempt."""
    import urllib.request

    from lxml import etree

    base, requests = server
    requests.clear()
    with urllib.request.urlopen(base + "/control", timeout=5) as response:
        assert REMOTE in response.read().decode()
    assert requests == ["/control"]
    requests.clear()
    # An XML parser that does resolve entities reads the secret: the marker would show.
    unsafe = etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)
    doc = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]><r>&xxe;</r>'
    assert SECRET in etree.tostring(etree.fromstring(doc.encode(), unsafe)).decode()
    if _atime_sensor_works(tmp_path):
        os.utime(secret_file, (time.time() - 3600, time.time()))
        atime = secret_file.stat().st_atime
        secret_file.read_text()
        assert secret_file.stat().st_atime != atime


@pytest.mark.parametrize(
    ("base", "href", "expected"),
    [
        ("https://example.com/a/", "javascript:alert(1)", None),
        ("https://example.com/a/", "  JaVaScRiPt:alert(1)", None),
        ("https://example.com/a/", "java\tscript:alert(1)", None),
        ("https://example.com/a/", "data:text/html,x", None),
        ("https://example.com/a/", "file:///etc/passwd", None),
        ("https://example.com/a/", "chrome-extension-long-name:x", None),
        ("https://example.com/a/", "http://[broken-ipv6", None),
        ("https://example.com/a/", "//[broken", None),
        ("https://example.com/a/", "#top", None),
        ("https://example.com/a/", "/p a t h", "https://example.com/p%20a%20t%20h"),
        ("https://example.com/a/", "b.html", "https://example.com/a/b.html"),
        ("https://example.com/a/", "mailto:desk@example.com", "mailto:desk@example.com"),
        ("file:///tmp/", "secret.txt", None),
        (None, "/relative", "/relative"),
    ],
    ids=repr,
)
def test_document_absolute_urls_are_safe(base: str | None, href: str, expected: str | None) -> None:
    """Document.absolute, which the extractors use for every URL field: only http(s)/mailto
    (or a relative path when there is no base), never raising on malformed URLs."""
    from newsparse.document import load

    doc = load("<html><body><p>x</p></body></html>", url=base)
    assert doc.absolute(href) == expected

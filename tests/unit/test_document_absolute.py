"""Document.absolute's fast path for plain absolute http(s) hrefs gives what the full
path (``resolve_href``: trim, clean, scheme check, urljoin, scheme check) gives."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsparse.document import _parses, _plain_http, load, resolve_href

_BASES = st.sampled_from(
    [None, "", "http://example.com/a/b", "https://example.com/", "https://x.org/p?q#f",
     "http://[::1/", "ftp://files.example/", "https://ünï.example/", "mailto:a@b.c"]
)  # fmt: skip
_PREFIX = st.sampled_from(["http://", "https://", "HTTP://", "http:/", "https:///", "http:", ""])
_CHARS = st.sampled_from([*"ab/?#;[]:@.%=&- \t\nü\x00\x7f", "..", "//", "?#", "x.com"])


@settings(max_examples=3000)
@given(_PREFIX, st.lists(_CHARS, max_size=12), _BASES)
@example("https://", ["a", "?"], "https://x.org/")
@example("https://", ["a", "/", "p", "?", "#", "f"], "https://x.org/")
@example("http://", ["a", ";", "p"], "http://example.com/a/b")
@example("http://", ["a", "/", "#"], None)
def test_plain_http_is_returned_as_the_full_path_returns_it(
    prefix: str, parts: list[str], base: str | None
) -> None:
    href = prefix + "".join(parts)
    if _plain_http(href) and (not base or _parses(base)):
        assert resolve_href(href, base) == href


@settings(max_examples=500)
@given(_PREFIX, st.lists(_CHARS, max_size=12), _BASES)
def test_absolute_agrees_with_the_full_path(
    prefix: str, parts: list[str], base: str | None
) -> None:
    href = prefix + "".join(parts)
    doc = load("<html><body><p>x</p></body></html>", url=base or None)
    assert doc.base_url == (base or None)
    assert doc.absolute(href) == resolve_href(href, base or None)


def test_plain_http_takes_common_article_links() -> None:
    assert _plain_http("https://example.com/news/2024/01/story-title?id=3#comments")
    assert _plain_http("http://example.com")
    assert not _plain_http("https://example.com/a?")  # urljoin drops the empty query
    assert not _plain_http("https://example.com/a#")
    assert not _plain_http("https://example.com/a;")
    assert not _plain_http("/relative/path")
    assert not _plain_http(" https://example.com/")

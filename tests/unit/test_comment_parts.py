"""The comment detector's one-walk lookups (comment_markup.page_parts, li_posts) find
exactly what the XPath queries they replace found, and its Disqus gate
(may_have_post_message) lets every page through that has an ``li.post`` carrying a
post-message, on hand-made markup, every fixture and zoo page, and the dev corpora when
../shared is present."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gate_pages import corpus_pages, fixture_and_zoo_pages
from lxml import etree

from newsparse.document import load
from newsparse.extract.comment_markup import li_posts, may_have_post_message, page_parts
from newsparse.extract.comment_vocab import _POST_MESSAGE
from newsparse.extract.dom import page_index

#: The queries page_parts replaced (as the detector ran them before).
LI_POSTS = etree.XPath("//li[contains(concat(' ', normalize-space(@class), ' '), ' post ')]")
COMMENT_FORMS = etree.XPath(
    "//form[contains(@id, 'omment') or contains(@class, 'omment') or contains(@action, 'omment')"
    " or .//textarea[contains(@name, 'omment') or contains(@id, 'omment')]]"
)


def _check(html: str | bytes) -> tuple[int, int, bool]:
    doc = load(html)
    page_index(doc)
    parts = page_parts(doc)
    posts = li_posts(doc)
    assert posts == LI_POSTS(doc.root)
    assert parts.forms == COMMENT_FORMS(doc.root)
    assert parts.has_template == (doc.root.find(".//template") is not None)
    if not may_have_post_message(doc):  # the gate: no li.post holds a post-message
        assert not any(_POST_MESSAGE(li) for li in posts)
    return len(posts), len(parts.forms), parts.has_template


def test_hand_made_markup() -> None:
    html = """<html><body>
      <ul><li class="post">a</li><li class="	post
        big">b</li><li class="posts">c</li><li class="x-post">d</li><li>e</li></ul>
      <form id="commentform"></form><form action="/wp-comments-post.php"></form>
      <form class="search"><textarea name="comment"></textarea></form>
      <form class="search"><textarea id="Comment"></textarea><input name="comment"></form>
      <form class="newsletter"><input name="email"></form>
      <template><p>x</p></template>
    </body></html>"""
    assert _check(html) == (2, 4, True)
    assert not may_have_post_message(load(html))
    disqus = "<html><body><ul><li class='post'><div class='x Post-Message'>a</div></li></ul>"
    assert _check(disqus + "</body></html>") == (1, 0, False)  # no post-message (case)
    assert may_have_post_message(load(disqus))  # names are lower-cased: let through
    disqus = disqus.replace("Post-Message", "post-message-body")
    assert _check(disqus) == (1, 0, False)
    assert may_have_post_message(load(disqus))
    assert _check("<html><body><ul><li class='post-list'>x</li></ul></body></html>") == (
        0,
        0,
        False,
    )


def _pages() -> Iterator[str | bytes]:
    for _, html in fixture_and_zoo_pages():
        yield html


def test_same_as_the_queries_on_fixtures_and_zoo() -> None:
    found = [_check(html) for html in _pages()]
    assert any(forms for _, forms, _ in found)  # the pages hold comment forms


@pytest.mark.parametrize("corpus", ["aeb-dev", "crypto-dev", "readability-dev"])
def test_same_as_the_queries_on_dev_corpora(corpus: str, request: pytest.FixtureRequest) -> None:
    for _, html in corpus_pages(corpus, request):
        _check(html)

"""Reader comments as a reply tree.

The extractor works on markup vocabularies, not on sites:

* **comment items** are recognised by schema.org microdata (``itemtype`` ending in
  ``/Comment`` or ``/UserComments``), by class tokens (``comment``, ``wpd-comment``,
  ``comment-item``, ``comments__item``, another block's ``<x>-comment``...), by
  ``data-testid="comment"``, by ``data-comment-id``, by WordPress-style ids
  (``comment-123``) and, for Disqus-like threads, by ``li.post`` elements that carry a
  ``post-message``.  A candidate that only wraps another one's body (wpDiscuz's
  ``#comment-N`` inside ``.wpd-comment``) is merged into it.  A comment *list* whose
  entries have no comment vocabulary gives its entries when they show an author;
* inside an item, the **text** is the first content element (``itemprop=text``,
  ``comment-content``, ``wpd-comment-text``, ``post-message``...) or else the item's
  own text without its author, date, meta line and chrome (reply/like/report/share
  links and buttons, vote counts, avatars, badges, "says:");
* the **author** is the ``itemprop=author`` / ``fn`` / ``comment-author`` /
  ``…-username``... element (or a bare ``<cite>`` or ``rel=ugc`` link in the meta line),
  its link the ``author_url``; the **date** is a ``<time>``, a ``dateCreated``-like
  itemprop or a date-classed element (``datetime``/``content``/``title`` before text);
* the **reply tree** comes from, in this order: an explicit parent reference
  (``data-parent``/``data-parent-id``/``data-reply-to`` or an ``in-reply-to`` link to
  ``#comment-123``), DOM nesting (``ol.children``, nested containers, or a replies box
  right after its comment), a "reply to <name>" line naming an earlier commenter,
  depth markers of flat lists (``depth-N``/``level-N`` classes, ``aria-level``,
  ``data-depth``, ``margin-left`` styles), and reply flags (``is-reply``/
  ``comment-reply`` classes, a leading ``↳`` marker, or a text that opens with ``^``,
  replying to the one above);
* a candidate counts as a comment by how strongly it was recognised: microdata and
  test ids always; class and id matches inside a comments area, or outside one when
  they show a text and an author (or date) and sit outside the article's own text.
  Pingbacks, templates (``{{ }}``) and empty JavaScript shells are not comments.

The whole comments area (heading, list, form, JavaScript placeholder such as an
empty ``#disqus_thread``) is claimed so that none of it reaches the body; an area
that holds the page's ``<h1>`` or article text is never claimed.  Comments loaded
later by JavaScript are not in the HTML and are never invented; schema.org
``Comment`` objects of the page's JSON-LD are used only when the markup has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from itertools import islice
from typing import Any

from lxml import etree

from newsparse.document import Document
from newsparse.extract.dom import Claim, HtmlElement, ancestors, norm_space
from newsparse.models import Comment

__all__ = ["extract_comments", "parse_comment_date"]

# ----------------------------------------------------------------- vocabulary

#: Cheap pre-selection of elements that may be comment items or comment areas.
_CANDIDATE_HINT = re.compile(r"omment|wpd|disqus|respond|post-list|discussion|cooked")
_COMMENT_FORMS = etree.XPath(
    "//form[contains(@id, 'omment') or contains(@class, 'omment') or contains(@action, 'omment')"
    " or .//textarea[contains(@name, 'omment') or contains(@id, 'omment')]]"
)
_BODY_CLASSES = frozenset({"entry-content", "article-body", "article-content", "post-body"})
_LI_POSTS = etree.XPath("//li[contains(concat(' ', normalize-space(@class), ' '), ' post ')]")
_POST_MESSAGE = etree.XPath(".//*[contains(@class, 'post-message')]")

_ITEM_TAGS = frozenset({"li", "div", "article", "section", "dd", "tr", "blockquote"})
_ITEM_TYPE = re.compile(r"schema\.org/(?:Comment|UserComments)\s*$", re.I)
_ITEM_CLASS = re.compile(
    r"^(?:comment|wpd-comment|comment[-_]?item|comments?__item|comments?-list__item|"
    r"comment[-_]entry|single[-_]comment|c-comment|user[-_]comment|reader[-_]comment|"
    r"thecomment|comment[-_]node|comment[-_]card|comment--(?:reply|nested|child|root)|"
    r"[a-z0-9]*comment[a-z0-9]*[-_]{1,2}(?:card|item|entry|node))$"  # commento-card
)
_ITEM_CLASS_PREFIXED = re.compile(r"^([a-z0-9]+)[-_]{1,2}comment$")
_NOT_ITEM_PREFIX = frozenset(
    {
        "add", "post", "leave", "write", "new", "no", "open", "show", "toggle", "reply", "edit",
        "submit", "load", "more", "recent", "count", "has", "is", "with", "fa", "icon", "btn",
        "button", "link", "menu", "nav", "social", "share", "top", "latest", "last", "js",
        "get", "view", "hide", "allow", "disable", "enable", "closed", "close", "form",
    }
)  # fmt: skip
_ITEM_TESTID = re.compile(r"^comment(?:[-_]?(?:item|card|node|entry|thread-item))?$", re.I)
_ITEM_ID = re.compile(r"^comment[-_]?\d+$", re.I)
_AREA_SUFFIX = (
    r"(?:area|section|container|wrapper|wrap|block|list|thread|threads|box|holder|widget|"
    r"module|template|outer|inner|root|panel|region|feed|stream|embed)"
)
_AREA_TOKEN = re.compile(
    r"^(?:(?:article|post|entry|story|page|user|reader|readers|js|site|blog|single|wp|main|"
    r"the|all|ast|fb|disqus|vf|m|c|l|o|section)[-_])?comments?(?:[-_]" + _AREA_SUFFIX + r")?$"
    r"|^(?!(?:recent|latest|popular|most|last|new)[-_])[a-z0-9]+[-_]comments?[-_]"
    + _AREA_SUFFIX
    + r"$"
    r"|^(?!(?:recent|latest|popular|most|last|new|top|no|show|load|more)[-_])[a-z0-9]{1,12}[-_]"
    r"comments$"
    r"|^(?:wpdcom|wpcomm|wpd-threads|wpd-thread-list|wpd-thread-wrapper|wc-thread-wrapper|"
    r"disqus_thread|wp-block-comments|wp-block-comment-template|"
    r"disqus[-_]comments|commentlist|comment-respond|respond|comments-template|"
    r"discussion|article-discussion|discussion-thread)$"
)
_LIST_AREA = re.compile(r"comments?[-_]{0,2}list$|^commentlist$")
_AREA_TESTID = re.compile(r"^comments?(?:[-_](?:section|list|thread|area|container))?$", re.I)
_RESPOND = re.compile(r"^(?:respond|comment-respond|wpd-form-wrap|wpd_main_comm_form)$")

_CONTENT_PROP = frozenset({"text", "commenttext", "comment-text", "articlebody"})
_CONTENT_STRONG = re.compile(
    r"^(?:comment[-_]?(?:content|text|message|txt|entry-content)|wpd-comment-text|post-message|"
    r"comments?__(?:text|content|message|body)|comment--(?:text|content|body)|"
    r"comment-body-text|commenttext|comment_text|comment_content|message-content|"
    r"comment-(?:body-)?inner-text|e-content|p-content|cooked)$"
)
_CONTENT_MEDIUM = re.compile(
    r"^(?:.*[-_])?(?:comment|message|post)[-_]*(?:text|content|body|message|msg)$|"
    r"^.*__(?:text|content|body|message|msg)$|"
    r"^[a-z0-9]+[-_](?:body|text)$"  # commento-body, isso-text
)
_CONTENT_WEAK = re.compile(
    r"^(?:comment[-_]?body|body|text|message|content|post-body-inner|msg|comment-html)$"
)
_CONTENT_TESTID = re.compile(r"^comment[-_]?(?:body|text|content|message)$", re.I)

_AUTHOR_PROP = frozenset({"author", "creator"})
_AUTHOR_STRONG = re.compile(
    r"^(?:fn|comment[-_]?author(?:[-_]name)?|wpd-comment-author|comments?__(?:author|user|name|"
    r"username)|comment-user(?:name)?|commenter(?:[-_]name)?|author[-_]name|user[-_]?name|"
    r"display[-_]name|nickname|comment__author-name|comment-name)$"
)
_AUTHOR_MEDIUM = re.compile(
    r"^(?:.*[-_])?(?:author(?:[-_]?name)?|user[-_]?name|commenter(?:[-_]?name)?|nick[-_]?name|"
    r"display[-_]?name|screen[-_]?name)$|"
    r"^[a-z0-9]+(?:[-_]comments?)?(?:[-_]{1,2})(?:name|author)$"  # ht-comment-name, isso-author
)
_AUTHOR_WEAK = re.compile(r"^(?:author|name|user|vcard)$")
_AUTHOR_TESTID = re.compile(r"^(?:comment[-_]?)?(?:author|user(?:name)?|commenter)$", re.I)
_DATE_PROP = frozenset({"datecreated", "datepublished", "commenttime", "uploaddate"})
_DATE_CLASS = re.compile(
    r"^(?:.*[-_])?(?:date|time|timestamp|published|time-ago|timeago|ago|posted|datetime|"
    r"posted-on)$"
)
_META_CLASS = re.compile(
    r"^(?:comment[-_]?(?:meta|metadata|header|head|info|byline|details|top)|"
    r"comments?__(?:meta|header|head|info)|wpd-comment-header|post-meta|post-byline|meta|"
    r"commentmetadata|comment-metadata|tagline|"
    r"comment-author|vcard)$"
)
#: Parts of class tokens (split at - and _) that mark chrome inside a comment.
_CHROME_PARTS = frozenset(
    {
        "reply", "actions", "action", "vote", "votes", "voting", "like", "likes", "dislike",
        "report", "share", "sharing", "flag", "toolbar", "avatar", "badge", "says", "permalink",
        "edit", "reactions", "reaction", "upvote", "downvote", "menu", "footer", "toggle",
        "collapse", "label", "tooltip", "rating", "score", "points", "karma", "icon",
        "buttons", "button", "btn", "controls", "options", "moderation", "flair", "screen",
        "sr", "visually", "hidden", "follow", "subscribe", "indicator", "parent",
    }
)  # fmt: skip
_CHROME_TAGS = frozenset(
    {
        "button", "form", "script", "style", "noscript", "template", "svg", "img", "picture",
        "input", "textarea", "select", "option", "menu", "nav", "iframe", "video", "audio",
        "object", "embed", "canvas", "meta", "link", "head", "title", "dialog",
    }
)  # fmt: skip
_CHROME_WORDS = frozenset(
    {
        "reply", "replies", "like", "likes", "unlike", "dislike", "report", "share", "flag",
        "upvote", "downvote", "edit", "delete", "permalink", "quote", "says:", "says", "said:",
        "link", "copy link", "report abuse", "hide replies", "show replies", "load more",
        "view replies", "reply to this comment", "•", "·", "|", "responder", "antworten",
        "répondre", "rispondi", "responder a", "ответить", "cancel reply", "helpful",
        "read more", "see more", "show more", "show less", "more", "expand", "collapse",
        "edited", "(edit)", "translate", "see translation", "hide", "mute", "block",
    }
)  # fmt: skip
_CHROME_PHRASE = re.compile(
    r"^(?:show|load|view|hide|see|read|expand|collapse)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+|new\s+)?"
    r"(?:repl(?:y|ies)|comments?|responses?|answers?)\b"
)
_TRAIL_WORDS = frozenset(
    form
    for word in (
        "reply", "like", "likes", "report", "share", "flag", "upvote", "downvote", "edit",
        "delete",
    )
    for form in (word.capitalize(), word.upper())
)  # fmt: skip
_HEADING_TEXT = re.compile(
    r"^(?:\d+\s+(?:thoughts?|comments?|responses?|replies|reactions?|opinions?)\b.*|"
    r"(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b.*|"
    r"(?:reader\s+)?comments?(?:\s*\(\d+\))?|discussion|join the (?:discussion|conversation)|"
    r"what do you think\??|(?:\d+\s+)?responses? to\b.*|one (?:thought|comment|response)\b.*|"
    # the same in other languages: "3 Kommentare", "Комментарии (3)", "コメント 3件", "댓글 3개"
    r"(?:\d+\s+)?(?:kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|"
    r"yorum(?:lar)?|комментари\w*|коментар\w*|komentarz\w*|komentar|bình\s+luận|تعليق\w*)"
    r"(?:\s*\(\d+\))?|"
    r"(?:コメント|댓글|评论|評論|留言)\s*(?:\(?\d+\)?\s*(?:件|개|条)?)?|\d+\s*(?:条|則)?\s*(?:评论|評論|留言))$",
    re.I,
)
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "blockquote", "pre", "section", "article", "header",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "dd", "dt", "dl",
        "figure", "figcaption", "aside", "address", "hr", "details", "summary",
    }
)  # fmt: skip
_DEPTH_CLASS = re.compile(
    r"^(?:(?:comment|wpd_comment|wpd-comment|thread|nested|reply)[-_]{1,2})?"
    r"(?:depth|level|lvl|indent|nesting)[-_]?(\d{1,2})$"
)
_REPLY_FLAG = re.compile(
    r"^(?:is[-_]reply|comment[-_]reply|reply|comment--reply|child[-_]comment|sub[-_]?comment|"
    r"nested[-_]comment|comment--nested|is[-_]child|comment--child|reply[-_]comment|"
    r"is[-_]nested|comment-child)$"
)
_PARENT_ATTRS = (
    "data-parent",
    "data-parent-id",
    "data-parentid",
    "data-parent-comment-id",
    "data-reply-to",
    "data-in-reply-to",
    "data-reply-to-id",
)
_EPOCH_ATTRS = ("data-time", "data-timestamp", "data-utime", "pubdate", "data-date", "datetime")
_NO_PARENT = frozenset({"", "0", "null", "none", "undefined", "false", "-1", "root"})
_ALIAS_ATTRS = ("id", "data-comment-id", "data-commentid", "data-id", "data-comment", "name")
_PARENT_LINK = re.compile(r"(?:^|[-_])(?:in-reply-to|reply-to|replying-to|parent(?:-link)?)$")
_REPLY_TO_PREFIX = re.compile(
    r"^\W*(?:in\s+reply\s+to|replying\s+to|reply\s+to|replied\s+to|responding\s+to|"
    r"antwort\s+an|en\s+réponse\s+à|em\s+resposta\s+a|en\s+respuesta\s+a)\b\W*",
    re.I,
)
_REPLY_BOX = re.compile(
    r"^(?:children|replies|comment[-_]?replies|comments?[-_]children|sub[-_]?comments|"
    r"nested[-_]comments|thread[-_]replies|reply[-_]list|replies[-_]list|child[-_]comments|"
    r"indented|comment[-_]children|thread[-_]children)$"
    r"|__(?:replies|children)$"
)
_MARGIN = re.compile(
    r"(?:^|;)\s*(?:margin|padding)-(?:left|inline-start)\s*:\s*(\d+(?:\.\d+)?)\s*(px|em|rem|%)?",
    re.I,
)
#: An id that is a word prefix and a number ("comment-123", "post-42", "c9001", "123"):
#: its number names the same comment in other attributes.
_NUMBERED_ID = re.compile(r"#?[a-z_-]*?(\d+)", re.I)
_TEMPLATE_TEXT = re.compile(r"\{\{|\}\}|<%|\$\{")
_SPLIT = re.compile(r"[-_]+")
_MARKERS = "↳↪⤷"
_FN = re.compile(r"^(?:.*\s)?fn(?:\s.*)?$")

#: Responsive-visibility utility classes: shown on some screens, so not chrome.
_RESPONSIVE = re.compile(r"^(?:hidden|visible)-(?:xs|sm|md|lg|xl|xxl)\b")
_TRAIL_SEP = re.compile(r"[\s·•|]+$")
_LAST_WORD = re.compile(r"(\S+)\s*$")

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BREAK = "\x00"
_LINE = "\x01"


# ----------------------------------------------------------------- dates

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ]
    )
    for m in names
}  # fmt: skip
_ISO_DATE = re.compile(
    r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?\s*$",
    re.I,
)
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_TIME_RE = (
    r"(?:[\s,]*(?:at|@|-|–|—)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
_TEXT_MDY = re.compile(
    r"(?:^|[\s,(])" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME_RE, re.I
)
_TEXT_DMY = re.compile(
    r"(?:^|[\s,(])(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?"
    + _MONTH_RE
    + r",?\s+(\d{4})"
    + _TIME_RE,
    re.I,
)


def _tz(value: str | None) -> timezone | None:
    if not value:
        return None
    v = value.upper()
    if v in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if v[0] == "-" else 1
    digits = v[1:].replace(":", "")
    try:
        return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    except ValueError:
        return None


def _build(
    y: int,
    mo: int,
    d: int,
    hh: str | None,
    mm: str | None,
    ss: str | None,
    ampm: str | None,
    tz: str | None,
) -> datetime | date | None:
    try:
        if hh is None or mm is None:
            return date(y, mo, d)
        hour = int(hh)
        if ampm:
            pm = ampm.lower().startswith("p")
            if hour == 12:
                hour = 0
            if pm:
                hour += 12
        return datetime(y, mo, d, hour, int(mm), int(ss or 0), tzinfo=_tz(tz))
    except ValueError:
        return None


def parse_comment_date(value: str | None) -> datetime | date | None:
    """A comment's date from an ISO 8601 or English month-name string; None if neither.

    An aware datetime when an offset (or Z/UTC/GMT) is given, a naive datetime for a
    time without one, a ``date`` for a day only.  Relative dates ("2 hours ago") give None.
    """
    if not value or len(value) > 120:
        return None
    m = _ISO_DATE.match(value)
    if m:
        y, mo, d, hh, mm, ss, tz = m.groups()
        return _build(int(y), int(mo), int(d), hh, mm, ss, None, tz)
    m = _TEXT_MDY.search(value)
    if m:
        mon, d, y, hh, mm, ss, ampm, tz = m.groups()
        return _build(int(y), _month(mon), int(d), hh, mm, ss, ampm, tz)
    m = _TEXT_DMY.search(value)
    if m:
        d, mon, y, hh, mm, ss, ampm, tz = m.groups()
        return _build(int(y), _month(mon), int(d), hh, mm, ss, ampm, tz)
    return None


def _month(name: str) -> int:
    return _MONTHS.get(name.lower().rstrip(".")[:9], 0) or _MONTHS.get(name.lower()[:3], 0)


# ----------------------------------------------------------------- element helpers


def _xpath(path: etree.XPath, node: HtmlElement) -> list[HtmlElement]:
    """Run a compiled XPath that selects elements; anything else is dropped."""
    result = path(node)
    if not isinstance(result, list):
        return []
    return [r for r in result if isinstance(r, HtmlElement)]


_CSS_MODULE_HASH = re.compile(r"__(?=[A-Za-z0-9-]{0,9}[A-Z0-9])[A-Za-z0-9-]{4,10}$")


@lru_cache(maxsize=4096)
def _class_tokens(value: str) -> tuple[str, ...]:
    """Lower-cased class tokens; a CSS-modules name ("CommentThread_author__Hq0aS") also
    gives itself without its build hash ("commentthread_author"), so the vocabulary
    matches it. A BEM element ("comment__body") has no digit or capital and is kept."""
    tokens = value.split()
    out = [t.lower() for t in tokens]
    out += [_CSS_MODULE_HASH.sub("", t).lower() for t in tokens if _CSS_MODULE_HASH.search(t)]
    return tuple(out)


def _tokens(el: HtmlElement) -> tuple[str, ...]:
    value = el.get("class")
    return _class_tokens(value) if value else ()


@lru_cache(maxsize=4096)
def _chrome_words(value: str) -> bool:
    """Whether a class (or data-testid) value names chrome: reply, vote, share, avatar..."""
    return any(
        part in _CHROME_PARTS
        for token in value.lower().split()
        if not _RESPONSIVE.match(token) and not _LABEL_DISPLAY.search(token)
        for part in _SPLIT.split(token)
    )


#: How a field shows its label ("field--label-hidden", "label-above"): says nothing of the
#: field itself, which is shown (Drupal's comment body carries it).
_LABEL_DISPLAY = re.compile(r"(?:^|[-_])label[-_](?:hidden|above|inline|visually[-_]hidden)$")


@lru_cache(maxsize=4096)
def _item_class(value: str) -> str | None:
    """'class' if a class value names a comment item (``comment``, ``wpd-comment``...),
    'prefixed' for another block's ``<x>-comment``, None otherwise."""
    prefixed = False
    for token in _class_tokens(value):
        if _ITEM_CLASS.match(token):
            return "class"
        m = _ITEM_CLASS_PREFIXED.match(token)
        if m and m.group(1) not in _NOT_ITEM_PREFIX:
            prefixed = True
    return "prefixed" if prefixed else None


@lru_cache(maxsize=8192)
def _class_matches(value: str, pattern: re.Pattern[str]) -> bool:
    return any(pattern.match(t) for t in _class_tokens(value))


def _is_element(node: Any) -> bool:
    return isinstance(node.tag, str)


def _item_kind(el: HtmlElement) -> str | None:
    """How ``el`` is recognised as a comment item: 'schema', 'testid', 'class', 'prefixed',
    'id', or None."""
    itemtype = el.get("itemtype")
    if itemtype and _ITEM_TYPE.search(itemtype):
        return "schema"
    testid = el.get("data-testid")
    if testid and _ITEM_TESTID.match(testid.strip()):
        return "testid"
    cls = el.get("class")
    if cls:
        kind = _item_class(cls)
        if kind is not None:
            return kind
    if el.get("data-comment-id") and el.tag in _ITEM_TAGS:
        return "id"
    ident = el.get("id")
    if ident and _ITEM_ID.match(ident) and el.tag in _ITEM_TAGS:
        return "id"
    return None


def _is_area(el: HtmlElement) -> bool:
    if el.tag in ("html", "body", "main", "head", "a", "span", "button", "i", "svg", "img"):
        return False
    ident = (el.get("id") or "").lower()
    if ident and _AREA_TOKEN.match(ident):
        return True
    testid = el.get("data-testid")
    if testid and _AREA_TESTID.match(testid.strip()):
        return True
    cls = el.get("class")
    return bool(cls) and _class_matches(cls, _AREA_TOKEN)


def _is_chrome(el: HtmlElement) -> bool:
    tag = el.tag
    if tag in _CHROME_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    rel = (el.get("rel") or "").lower()
    if "in-reply-to" in rel:
        return True
    cls = el.get("class")
    if cls and _chrome_words(cls):
        return True
    testid = el.get("data-testid")
    if testid and _chrome_words(testid):
        return True
    if tag in ("a", "span", "small", "li") and len(el) <= 2:
        text = norm_space("".join(el.itertext())).lower()
        if (
            text in _CHROME_WORDS
            or (text and text.strip("0123456789 ") == "")
            or _CHROME_PHRASE.match(text)
        ):
            return True
    return False


def _own_elements(
    root: HtmlElement, items: dict[HtmlElement, Any]
) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """Elements under ``root`` outside nested ``items``: all of them, and those not in chrome."""
    own: list[HtmlElement] = []
    visible: list[HtmlElement] = []
    stack: list[tuple[HtmlElement, bool]] = [(c, False) for c in reversed(root) if _is_element(c)]
    while stack:
        node, hidden = stack.pop()
        if node in items:
            continue
        hidden = hidden or _is_chrome(node)
        own.append(node)
        if not hidden:
            visible.append(node)
        stack.extend((c, hidden) for c in reversed(node) if _is_element(c))
    return own, visible


def _walk(root: HtmlElement, stop: Callable[[HtmlElement], bool]) -> Iterator[HtmlElement]:
    """Elements under ``root`` in document order, not descending into ``stop`` elements."""
    stack = [c for c in reversed(root) if _is_element(c)]
    while stack:
        node = stack.pop()
        if stop(node):
            continue
        yield node
        stack.extend(c for c in reversed(node) if _is_element(c))


def _collect(node: HtmlElement, skip: Callable[[HtmlElement], bool], out: list[str]) -> None:
    if node.text:
        out.append(node.text)
    for child in node:
        if _is_element(child) and not skip(child):
            tag = child.tag
            if tag == "br":
                out.append(_LINE)
            else:
                block = tag in _BLOCK_TAGS
                if block:
                    out.append(_BREAK)
                _collect(child, skip, out)
                if block:
                    out.append(_BREAK)
        if child.tail:
            out.append(child.tail)


def _text(node: HtmlElement, skip: Callable[[HtmlElement], bool]) -> str:
    """Visible text of ``node`` without ``skip`` subtrees; paragraphs split by a blank line."""
    out: list[str] = []
    _collect(node, skip, out)
    paragraphs = []
    for para in "".join(out).split(_BREAK):
        lines = [norm_space(line) for line in para.split(_LINE)]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _leading_char(el: HtmlElement, stop: dict[HtmlElement, Any]) -> str:
    """The first visible non-space character of ``el``'s own text ('' if none)."""
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        text: str | None
        if event == "start":
            if node is not el and (node in stop or node.tag in _CHROME_TAGS):
                walker.skip_subtree()
                continue
            text = node.text
        else:
            text = node.tail if node is not el else None
        if text and text.strip():
            return str(text.strip()[0])
    return ""


def _clean_text(text: str) -> str:
    """Strip leftover chrome words at the ends of a comment's text."""
    text = re.sub(r"^(?:says|said|wrote)\s*:\s*", "", text, flags=re.I)
    dropped = False
    while True:
        text = _TRAIL_SEP.sub("", text)
        m = _LAST_WORD.search(text)
        if m is None or m.start(1) == 0:
            break
        # chrome words are labels (Reply, LIKE), not the end of a sentence ("...I like")
        last = m.group(1)
        before = _LAST_WORD.search(text[: m.start()])
        prev = before.group(1) if before else ""
        if last in _TRAIL_WORDS or (last.isdigit() and (dropped or prev in _TRAIL_WORDS)):
            text = text[: m.start()]
            dropped = True
        else:
            break
    return text.strip()


# ----------------------------------------------------------------- items


@dataclass
class _Item:
    el: HtmlElement
    kind: str
    index: int = 0
    aliases: list[str] = field(default_factory=list)
    author: str | None = None
    author_url: str | None = None
    published: datetime | date | None = None
    published_raw: str | None = None
    text: str = ""
    has_content: bool = False
    parent: int | None = None
    depth: int | None = None
    indent: float | None = None
    reply_flag: bool = False
    caret: bool = False
    explicit_parent: str | None = None
    reply_to_name: str | None = None
    comment_id: str | None = None


def _find_candidates(doc: Document) -> tuple[list[_Item], list[HtmlElement]]:
    items: list[_Item] = []
    areas: list[HtmlElement] = []
    seen: set[HtmlElement] = set()
    has_template = doc.root.find(".//template") is not None
    for el in _candidates(doc.root):
        if has_template and _inside_template(el):
            continue
        kind = _item_kind(el)
        if kind is not None:
            items.append(_Item(el, kind))
            seen.add(el)
        elif _is_area(el):
            areas.append(el)
        else:
            post = _discourse_post(el)
            if post is not None and post not in seen:
                items.append(_Item(post, "class"))
                seen.add(post)
    # Disqus-like threads: li.post carrying a post-message.
    added = False
    for li in _xpath(_LI_POSTS, doc.root):
        if li not in seen and _xpath(_POST_MESSAGE, li):
            items.append(_Item(li, "class"))
            seen.add(li)
            added = True
    if added:
        order = {el: i for i, el in enumerate(doc.root.iter())}
        items.sort(key=lambda it: order.get(it.el, 0))
    return items, areas


def _discourse_post(el: HtmlElement) -> HtmlElement | None:
    """The post (``article.post``, ``li.post``) whose body is ``el``, a Discourse embed's
    ``div.cooked``."""
    if "cooked" not in _tokens(el):
        return None
    for a in islice(ancestors(el), 2):
        if a.tag in ("article", "li", "div") and "post" in _tokens(a):
            return a
    return None


def _candidates(root: HtmlElement) -> Iterator[HtmlElement]:
    """Elements whose class, id, itemtype or data-testid hint at comments, in page order."""
    hint = _CANDIDATE_HINT.search
    for el in root.iter(etree.Element):
        get = el.get
        cls = get("class")
        if cls is not None and hint(cls):
            yield el
            continue
        ident = get("id")
        if ident is not None and hint(ident):
            yield el
            continue
        itemtype = get("itemtype")
        testid = get("data-testid")
        if (
            (itemtype is not None and "omment" in itemtype)
            or (testid is not None and "omment" in testid)
            or get("data-comment-id") is not None
        ):
            yield el


def _inside_template(el: HtmlElement) -> bool:
    return any(a.tag == "template" for a in ancestors(el))


def _nearest_item_ancestor(el: HtmlElement, item_els: dict[HtmlElement, _Item]) -> _Item | None:
    for a in ancestors(el):
        found = item_els.get(a)
        if found is not None:
            return found
    return None


def _own_text_length(item: _Item, item_els: dict[HtmlElement, _Item], cap: int = 80) -> int:
    """Length of the item's text outside nested candidates and chrome (counting stops at cap)."""
    root = item.el
    total = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, node in walker:
        text: str | None
        if event == "start":
            if node is not root and (node in item_els or _is_chrome(node)):
                walker.skip_subtree()
                continue
            text = node.text
        else:
            text = node.tail if node is not root else None
        if text and not text.isspace():
            total += len(text.strip())
            if total >= cap:
                break
    return total


def _merge_wrappers(items: list[_Item]) -> list[_Item]:
    """Drop candidates that are only the inner body wrapper of another candidate.

    wpDiscuz puts ``#comment-N`` (the body) inside ``.wpd-comment`` (the comment with its
    replies); Penci puts ``.thecomment`` inside ``.comment``.  The outer element keeps
    the comment; a container of same-kind comments that has no text of its own is no
    comment at all.
    """
    item_els = {it.el: it for it in items}
    children: dict[HtmlElement, list[_Item]] = {}
    for it in items:
        parent = _nearest_item_ancestor(it.el, item_els)
        if parent is not None:
            children.setdefault(parent.el, []).append(it)
    drop: set[HtmlElement] = set()
    for it in items:
        kids = children.get(it.el)
        if not kids:
            continue
        first = kids[0]
        odd_first = len(kids) == 1 or (first.el.tag, first.kind) != (kids[1].el.tag, kids[1].kind)
        own = _own_text_length(it, item_els)
        if own == 0:
            drop.add(first.el if odd_first else it.el)
        elif own < 40 and odd_first and first.kind != it.kind:
            # only a label ("Guest", "Member") beside the body wrapper
            drop.add(first.el)
    return [it for it in items if it.el not in drop]


def _first_match(
    own: list[HtmlElement], *tests: Callable[[HtmlElement], bool]
) -> HtmlElement | None:
    """The first element of ``own`` passing the first test that any passes."""
    for test in tests:
        for el in own:
            if test(el):
                return el
    return None


def _has_token(el: HtmlElement, pattern: re.Pattern[str]) -> bool:
    value = el.get("class")
    return bool(value) and _class_matches(value, pattern)


def _prop(el: HtmlElement) -> set[str]:
    return set((el.get("itemprop") or "").lower().split())


def _testid(el: HtmlElement, pattern: re.Pattern[str]) -> bool:
    value = el.get("data-testid")
    return bool(value and pattern.match(value.strip()))


def _contains(outer: HtmlElement, inner: HtmlElement | None) -> bool:
    if inner is None:
        return False
    return inner is outer or any(a is outer for a in ancestors(inner))


def _fill(item: _Item, item_els: dict[HtmlElement, _Item], doc: Document) -> None:
    """Read the author, date, id, text and nesting hints of one item."""
    el = item.el

    own, visible = _own_elements(el, item_els)

    # --- author: the first author-like element that yields a plausible name
    author_el: HtmlElement | None = None
    tests: list[Callable[[HtmlElement], bool]] = [
        lambda e: bool(_prop(e) & _AUTHOR_PROP),
        lambda e: _testid(e, _AUTHOR_TESTID),
        lambda e: _has_token(e, _AUTHOR_STRONG),
        lambda e: _has_token(e, _AUTHOR_MEDIUM),
        lambda e: _has_token(e, _AUTHOR_WEAK),
        # themes that print the name as a bare <cite> or a rel="ugc" link in the meta line
        lambda e: e.tag == "cite" and _in_meta_line(e, el),
        lambda e: e.tag == "a" and _is_ugc_link(e) and _in_meta_line(e, el),
    ]
    for test in tests:
        for cand in visible:
            if not test(cand):
                continue
            name = _author_name(cand)
            if name:
                author_el = cand
                item.author = name
                item.author_url = _author_link(cand, doc)
                break
        if author_el is not None:
            break

    # --- date
    date_el = _find_date(visible, el)
    if date_el is None:  # some themes print the date in the footer bar
        date_el = _find_date(own, el)
    if date_el is not None:
        _read_date(item, date_el)

    # --- content
    around: set[HtmlElement] = set()
    for found in (author_el, date_el):
        if found is not None:
            around.add(found)
            around.update(_ancestors_until(found, el))

    def good_content(e: HtmlElement) -> bool:
        return e not in around

    content_el = _first_match(
        visible,
        lambda e: bool(_prop(e) & _CONTENT_PROP) and good_content(e),
        lambda e: _testid(e, _CONTENT_TESTID) and good_content(e),
        lambda e: _has_token(e, _CONTENT_STRONG) and good_content(e),
        lambda e: _has_token(e, _CONTENT_MEDIUM) and good_content(e),
        lambda e: _has_token(e, _CONTENT_WEAK) and good_content(e),
    )
    if content_el is None:
        # the text itself may carry a chrome-looking class (``comment-text collapse``)
        content_el = _first_match(
            own,
            lambda e: bool(_prop(e) & _CONTENT_PROP) and good_content(e),
            lambda e: _testid(e, _CONTENT_TESTID) and good_content(e),
            lambda e: _has_token(e, _CONTENT_STRONG) and good_content(e),
        )

    def skip_in_content(node: HtmlElement) -> bool:
        return node in item_els or _is_chrome(node)

    if content_el is not None:
        item.has_content = True
        # a comment's subject line (Drupal and forum themes) is not its text
        text = _text(content_el, lambda n: skip_in_content(n) or n.tag in _HEADING_TAGS)
        if not text:
            text = _text(content_el, skip_in_content)
    else:
        meta = {author_el, date_el}

        def skip_fallback(node: HtmlElement) -> bool:
            return (
                node in item_els
                or node in meta
                or _is_chrome(node)
                or node.tag in ("header", "footer", "time", "h1", "h2", "h3", "h4", "h5", "h6")
                or _has_token(node, _META_CLASS)
                or _has_token(node, _DATE_CLASS)
                or bool(_prop(node) & (_AUTHOR_PROP | _DATE_PROP))
            )

        text = _text(el, skip_fallback)
    text = _clean_text(text)
    stripped = text.lstrip()
    if stripped[:1] in _MARKERS:
        item.reply_flag = True
        text = stripped[1:].lstrip()
    elif stripped.startswith("^"):
        item.caret = True
    item.text = text
    if _leading_char(el, item_els) in _MARKERS:
        item.reply_flag = True

    # --- ids, aliases, nesting hints
    _read_ids(item, own)
    _read_nesting(item, own, content_el)


def _find_date(elements: list[HtmlElement], item_el: HtmlElement) -> HtmlElement | None:
    """The element holding a comment's date: <time>, a date itemprop or class, or (older
    themes) the permalink in the meta line whose text is a date."""
    return _first_match(
        elements,
        lambda e: e.tag == "time",
        lambda e: bool(_prop(e) & _DATE_PROP),
        lambda e: _has_token(e, _DATE_CLASS),
        lambda e: (
            e.tag == "a"
            and any(_has_token(a, _META_CLASS) for a in _ancestors_until(e, item_el))
            and parse_comment_date(norm_space(e.text_content())) is not None
        ),
    )


def _ancestors_until(el: HtmlElement, stop: HtmlElement) -> Iterator[HtmlElement]:
    for a in ancestors(el):
        if a is stop:
            return
        yield a


def _in_meta_line(node: HtmlElement, item_el: HtmlElement) -> bool:
    """Whether ``node`` sits in a comment's header/footer/meta line, not in its text."""
    for a in _ancestors_until(node, item_el):
        if a.tag in ("blockquote", "p") or _has_token(a, _CONTENT_STRONG):
            return False
        if a.tag in ("header", "footer") or _has_token(a, _META_CLASS):
            return True
    return False


def _is_ugc_link(a: HtmlElement) -> bool:
    rel = (a.get("rel") or "").lower().split()
    return "ugc" in rel or "external" in rel


def _author_name(el: HtmlElement) -> str | None:
    name_el = el
    for sub in el.iter():
        if (
            sub is not el
            and _is_element(sub)
            and ("name" in _prop(sub) or _FN.match(sub.get("class") or ""))
        ):
            name_el = sub
            break
    name = _clean_author(_name_before_blocks(name_el))
    if not name:
        name = _clean_author(_text(name_el, _is_chrome_or_says))
    if not name and name_el is not el:
        name = _clean_author(_text(el, _is_chrome_or_says))
    if not name or len(name) > 80 or "\n" in name:
        return None
    return name


_NAME_BREAK = frozenset(
    {"div", "p", "ul", "ol", "section", "article", "footer", "header", "table", "time", "br"}
)


def _has_block_child(el: HtmlElement) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _NAME_BREAK for c in el)


def _name_before_blocks(el: HtmlElement) -> str:
    """For a name element that holds block children (left unclosed by the page, so the
    date and chrome after it fell inside): the text before the first block child, looked
    for down the chain of first block children (unclosed wrappers nest). "" otherwise."""
    node = el
    for _ in range(8):
        if not _has_block_child(node):
            return norm_space(_text(node, _is_chrome_or_says)) if node is not el else ""
        lead = _lead_text(node)
        if lead:
            return lead
        node = next(c for c in node if isinstance(c.tag, str) and c.tag in _NAME_BREAK)
    return ""


def _lead_text(el: HtmlElement) -> str:
    """The text before the first block child: a name element left unclosed by the page
    swallows the date and chrome after it, and those are not part of the name."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in _NAME_BREAK:
            break
        if isinstance(child.tag, str) and not _is_chrome_or_says(child):
            parts.append(_text(child, _is_chrome_or_says))
        parts.append(child.tail or "")
    return norm_space(" ".join(parts))


def _is_chrome_or_says(el: HtmlElement) -> bool:
    return _is_chrome(el) or el.tag in ("time",)


def _clean_author(name: str) -> str:
    name = norm_space(name)
    name = re.sub(r"\s*(?:says|said|wrote)\s*:?\s*$", "", name, flags=re.I)
    name = re.sub(r"^(?:by|from|posted by)\s+", "", name, flags=re.I)
    return name.strip(" :•·|-–—@").strip()


def _author_link(author_el: HtmlElement, doc: Document) -> str | None:
    link: HtmlElement | None = None
    if author_el.tag == "a":
        link = author_el
    else:
        for sub in author_el.iter("a"):
            if sub.get("href"):
                link = sub
                break
        if link is None:
            parent = author_el.getparent()
            if parent is not None and parent.tag == "a":
                link = parent
    if link is None:
        for sub in author_el.iter("link", "meta"):
            if "url" in _prop(sub):
                return doc.absolute(sub.get("href") or sub.get("content"))
        return None
    href = link.get("href") or ""
    if "javascript:" in href.lower():
        return None
    return doc.absolute(href)


def _read_date(item: _Item, date_el: HtmlElement) -> None:
    raws = [
        date_el.get("datetime"),
        date_el.get("content"),
        date_el.get("title"),
        date_el.get("data-time"),
        date_el.get("data-date"),
    ]
    text = norm_space(" ".join(t for t in date_el.itertext()))
    raws.append(text)
    if date_el.tag != "time":
        for sub in date_el.iter("time"):
            raws.insert(0, sub.get("datetime"))
    for raw in raws:
        if raw and raw.strip():
            parsed = parse_comment_date(raw.strip())
            if parsed is not None:
                item.published, item.published_raw = parsed, raw.strip()
                return
    for attr in _EPOCH_ATTRS:
        raw = date_el.get(attr)
        parsed = _epoch(raw)
        if raw and parsed is not None:
            item.published, item.published_raw = parsed, raw.strip()
            return
    first = next((r.strip() for r in raws if r and r.strip()), None)
    if first and len(first) <= 80:
        item.published_raw = first


def _epoch(raw: str | None) -> datetime | None:
    """A Unix timestamp attribute (seconds, or milliseconds) as an aware UTC datetime."""
    if not raw:
        return None
    raw = raw.strip()
    if not raw.isdigit() or not 9 <= len(raw) <= 13:
        return None
    seconds = int(raw) / (1000 if len(raw) == 13 else 1)
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _read_ids(item: _Item, own: list[HtmlElement]) -> None:
    el = item.el
    keys: list[str] = []
    for attr in _ALIAS_ATTRS:
        value = el.get(attr)
        if value and value.strip():
            keys.append(value.strip())
    for sub in own:
        ident = sub.get("id")
        if ident and ("comment" in ident.lower() or ident.isdigit()):
            keys.append(ident.strip())
        for attr in ("data-comment-id",):
            value = sub.get(attr)
            if value:
                keys.append(value.strip())
    comment_ids = [k for k in keys if _ITEM_ID.match(k)]
    item.comment_id = comment_ids[0] if comment_ids else (keys[0] if keys else None)
    aliases: list[str] = []
    for key in keys:
        aliases.append(key.lower())
        numbered = _NUMBERED_ID.fullmatch(key)
        if numbered:
            aliases.append(numbered.group(1))
    item.aliases = aliases


def _read_nesting(item: _Item, own: list[HtmlElement], content_el: HtmlElement | None) -> None:
    el = item.el
    for attr in _PARENT_ATTRS:
        value = el.get(attr)
        if value is not None:
            item.explicit_parent = value.strip().lstrip("#") or "0"
            break
    if item.explicit_parent is None:
        for sub in own:
            if sub.tag != "a" or (content_el is not None and _contains(content_el, sub)):
                continue
            href = sub.get("href") or ""
            if "#" not in href:
                continue
            rel = (sub.get("rel") or "").lower()
            marks = [*_tokens(sub), rel]
            parent_cls = sub.getparent()
            if parent_cls is not None:
                marks += _tokens(parent_cls)
            if "in-reply-to" in rel or any(_PARENT_LINK.search(t) for t in marks if t):
                item.explicit_parent = href.rsplit("#", 1)[1].strip()
                break
    if item.explicit_parent is None:
        for sub in own:
            if content_el is not None and _contains(content_el, sub):
                continue
            if any(_PARENT_LINK.search(t) for t in _tokens(sub)):
                name = _REPLY_TO_PREFIX.sub("", norm_space(sub.text_content())).strip(" @:↳↪⤷↩↰⮌")
                if name and len(name) <= 80:
                    item.reply_to_name = name.lower()
                break
    for token in _tokens(el):
        m = _DEPTH_CLASS.match(token)
        if m:
            item.depth = int(m.group(1))
        elif _REPLY_FLAG.match(token):
            item.reply_flag = True
    for attr in ("aria-level", "data-depth", "data-level", "data-indent", "data-nesting"):
        value = el.get(attr)
        if value and value.strip().isdigit():
            level = int(value.strip())
            item.depth = level + 1 if attr in ("data-indent",) else max(level, 1)
            break
    style = el.get("style")
    if style:
        m = _MARGIN.search(style)
        if m:
            amount = float(m.group(1))
            unit = (m.group(2) or "px").lower()
            item.indent = amount * (16.0 if unit in ("em", "rem") else 1.0)


# ----------------------------------------------------------------- tree


def _sibling_reply_parent(el: HtmlElement, item_els: dict[HtmlElement, _Item]) -> _Item | None:
    """The comment just before the replies box holding ``el`` (``<li/><ul class=children>``)."""
    for box in ancestors(el):
        if box in item_els or box.tag in ("body", "html"):
            return None
        if box.tag in ("ul", "ol"):
            # <li><article class="comment"/><ul><li><article class="comment"/>...: the list
            # nested in a comment's list item holds its replies
            holder = box.getparent()
            if holder is not None and holder.tag == "li":
                own = next((c for c in holder if c in item_els), None)
                if own is not None and own is not box:
                    return item_els[own]
        if not any(_REPLY_BOX.search(t) for t in _tokens(box)):
            continue
        prev = box.getprevious()
        while prev is not None and not _is_element(prev):
            prev = prev.getprevious()
        if prev is None:
            return None
        found = item_els.get(prev)
        if found is not None:
            return found
        last = None
        for sub in prev.iter():
            if sub in item_els and _nearest_item_ancestor(sub, item_els) is None:
                last = item_els[sub]
        return last
    return None


def _assign_parents(items: list[_Item], item_els: dict[HtmlElement, _Item]) -> None:
    alias: dict[str, int] = {}
    for it in items:
        for key in it.aliases:
            alias.setdefault(key, it.index)
    indents = sorted({it.indent for it in items if it.indent is not None and it.indent > 0})
    unit = indents[0] if indents else 0.0
    last_at_depth: dict[int, int] = {}
    depth_of: dict[int, int] = {}
    by_author: dict[str, int] = {}
    if any(it.depth == 0 for it in items):  # zero-based levels ("comment_level_0")
        for it in items:
            if it.depth is not None:
                it.depth += 1
    for it in items:
        parent: int | None = None
        top_level = False
        if it.explicit_parent is not None:
            key = it.explicit_parent.lower()
            top_level = key in _NO_PARENT
            found = alias.get(key)
            if found is None:
                numbered = _NUMBERED_ID.fullmatch(key)
                found = alias.get(numbered.group(1)) if numbered else None
            if found is not None and found < it.index:
                parent = found
        if parent is None and not top_level:
            dom_parent = _nearest_item_ancestor(it.el, item_els)
            if dom_parent is None:
                dom_parent = _sibling_reply_parent(it.el, item_els)
            if dom_parent is not None and dom_parent.index < it.index:
                parent = dom_parent.index
            elif it.reply_to_name is not None and it.reply_to_name in by_author:
                parent = by_author[it.reply_to_name]
            else:
                depth = it.depth
                if depth is None and it.indent is not None and unit:
                    depth = 1 + round(it.indent / unit)
                if depth is None and it.caret and it.index > 0:
                    parent = it.index - 1
                elif depth is None and it.reply_flag:
                    depth = 2
                if depth is not None and depth > 1:
                    for d in range(depth - 1, 0, -1):
                        if d in last_at_depth:
                            parent = last_at_depth[d]
                            break
        it.parent = parent
        if it.author:
            by_author[it.author.lower()] = it.index
        depth = 1 if parent is None else depth_of.get(parent, 1) + 1
        depth_of[it.index] = depth
        if it.parent is None or _nearest_item_ancestor(it.el, item_els) is None:
            last_at_depth[depth] = it.index
            for d in [d for d in last_at_depth if d > depth]:
                del last_at_depth[d]


def _build_tree(items: list[_Item]) -> list[Comment]:
    models: dict[int, Comment] = {}
    roots: list[Comment] = []
    for it in items:
        comment = Comment(
            id=it.comment_id,
            author=it.author,
            author_url=it.author_url,
            published=it.published,
            published_raw=it.published_raw,
            text=it.text,
        )
        models[it.index] = comment
        parent = models.get(it.parent) if it.parent is not None else None
        (parent.replies if parent is not None else roots).append(comment)
    return roots


def _prune_empty(comments: list[Comment]) -> list[Comment]:
    out = []
    for c in comments:
        c.replies = _prune_empty(c.replies)
        if c.text or c.replies:
            out.append(c)
    return out


# ----------------------------------------------------------------- areas and claim


def _area_ok(area: HtmlElement, item_set: set[HtmlElement]) -> bool:
    """An area is claimable if it holds no page headline and little text besides comments."""
    for node in _walk(area, lambda n: n in item_set):
        if node.tag == "h1" or _is_article_body(node):
            return False

    def skip(node: HtmlElement) -> bool:
        return node in item_set or node.tag in _CHROME_TAGS

    return len(_text(area, skip)) <= 1500


def _heading_before(area: HtmlElement) -> HtmlElement | None:
    node = area
    for _ in range(3):
        prev = node.getprevious()
        while prev is not None and (not _is_element(prev) or not norm_space(prev.text_content())):
            prev = prev.getprevious()
        if prev is not None:
            if prev.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "div", "p", "span"):
                text = norm_space(prev.text_content())
                if len(text) <= 200 and _HEADING_TEXT.match(text):
                    return prev
            return None
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        node = parent
    return None


def _outermost(nodes: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(nodes)
    out: list[HtmlElement] = []
    seen: set[HtmlElement] = set()
    for node in nodes:
        if node in seen:
            continue
        seen.add(node)
        if not any(a in chosen for a in ancestors(node)):
            out.append(node)
    return out


def _jsonld_comments(doc: Document) -> list[Comment]:
    out: list[Comment] = []
    for obj in doc.jsonld:
        value = obj.get("comment")
        if isinstance(value, (list, dict)):
            out.extend(_ld_comment_list(value, 0))
    return out


def _ld_comment_list(value: Any, depth: int) -> list[Comment]:
    if depth > 20:
        return []
    values = value if isinstance(value, list) else [value]
    out: list[Comment] = []
    for v in values:
        if not isinstance(v, dict):
            continue
        types = v.get("@type")
        names = types if isinstance(types, list) else [types]
        if not any(n in ("Comment", "UserComments") for n in names):
            continue
        text = v.get("text") or v.get("commentText")
        if not isinstance(text, str) or not norm_space(text):
            continue
        author = v.get("author") or v.get("creator")
        if isinstance(author, list):
            author = author[0] if author else None
        name = author.get("name") if isinstance(author, dict) else author
        url = author.get("url") if isinstance(author, dict) else None
        raw = v.get("dateCreated") or v.get("datePublished") or v.get("commentTime")
        raw = raw if isinstance(raw, str) else None
        out.append(
            Comment(
                id=v.get("@id") if isinstance(v.get("@id"), str) else None,
                author=norm_space(name) if isinstance(name, str) else None,
                author_url=url if isinstance(url, str) else None,
                published=parse_comment_date(raw),
                published_raw=raw,
                text=norm_space(text),
                replies=_ld_comment_list(v.get("comment") or [], depth + 1),
            )
        )
    return out


def _acceptable(it: _Item, in_area: Callable[[HtmlElement], bool]) -> bool:
    """Whether a filled candidate is a reader comment, by how strongly it was recognised."""
    if not it.text or _TEMPLATE_TEXT.search(it.text) or _is_pingback(it.el):
        return False
    if not (it.author or it.published_raw or it.has_content):
        return False
    if it.el.find(".//h1") is not None:
        return False
    if it.kind in ("schema", "testid") or in_area(it.el):
        return True
    # outside a comments area: not inside the article's own text (quote and note boxes),
    # and it shows its text and who wrote it (or when)
    if any(_is_article_body(a) for a in ancestors(it.el)):
        return False
    if it.kind == "prefixed":
        return it.has_content and bool(it.author)
    return it.has_content and bool(it.author or it.published_raw)


def _is_article_body(el: HtmlElement) -> bool:
    if el.get("itemprop") == "articleBody":
        return True
    cls = el.get("class")
    return bool(cls) and not _BODY_CLASSES.isdisjoint(cls.split())


def _is_pingback(el: HtmlElement) -> bool:
    """WordPress pingbacks/trackbacks sit in the comment list but are not reader comments."""
    return any(t in ("pingback", "trackback") for t in _tokens(el))


def _generic_list_items(areas: list[HtmlElement], doc: Document) -> list[_Item]:
    """Items of a comment *list* whose entries carry no comment vocabulary of their own.

    Every ``li`` of the list (nested ``li`` become replies), or the direct children of a
    ``div`` list, count when they show an author and a text.
    """
    items: list[_Item] = []
    for area in areas:
        if not any(_LIST_AREA.search(t) for t in [*_tokens(area), (area.get("id") or "").lower()]):
            continue
        if area.tag in ("ul", "ol"):
            entries = [e for e in area.iter("li") if e is not area]
        else:
            entries = [e for e in area if _is_element(e) and e.tag in ("div", "article", "li")]
        items.extend(
            _Item(e, "child") for e in entries if not _is_chrome(e) and not _is_pingback(e)
        )
    if not items:
        return []
    item_els = {it.el: it for it in items}
    for it in items:
        _fill(it, item_els, doc)
    kept = [it for it in items if it.author and it.text and not _TEMPLATE_TEXT.search(it.text)]
    if len(kept) != len(items):
        item_els = {it.el: it for it in kept}
        for it in kept:
            _fill(it, item_els, doc)
    return kept


def extract_comments(doc: Document) -> Claim[list[Comment]]:
    """The page's reader comments (top level, replies nested) and the comment area."""
    items, areas = _find_candidates(doc)
    had_candidates = bool(items)
    items = _merge_wrappers(items)
    item_els = {it.el: it for it in items}
    for it in items:
        _fill(it, item_els, doc)
    item_set = set(item_els)
    good_areas = [a for a in _outermost(areas) if _area_ok(a, item_set)]
    area_set = set(good_areas)

    def in_area(el: HtmlElement) -> bool:
        return any(a in area_set for a in ancestors(el))

    kept = [it for it in items if _acceptable(it, in_area)]
    if len(kept) != len(items):
        # Rejected candidates are not items: let their text flow to their container.
        items = kept
        item_els = {it.el: it for it in items}
        for it in items:
            _fill(it, item_els, doc)
    if not had_candidates:
        list_areas = [a for a in areas if a in area_set or in_area(a) or _area_ok(a, item_set)]
        items = _generic_list_items(list_areas, doc)
        item_els = {it.el: it for it in items}
    for i, it in enumerate(items):
        it.index = i
    _assign_parents(items, item_els)
    comments = _prune_empty(_build_tree(items))
    if not comments and not items:
        comments = _jsonld_comments(doc)

    nodes: list[HtmlElement] = list(good_areas)
    for it in items:
        nodes.append(it.el)
    for form in _xpath(_COMMENT_FORMS, doc.root):
        respond = next(
            (a for a in ancestors(form) if any(_RESPOND.match(t) for t in _tokens(a))), None
        )
        claim = respond if respond is not None else form
        # a page-wide <form> (ASP.NET) that happens to hold a comment box is not claimed
        if _area_ok(claim, item_set):
            nodes.append(claim)
    for area in list(good_areas):
        heading = _heading_before(area)
        if heading is not None:
            nodes.append(heading)
    tops = [it.el for it in items if it.parent is None]
    if tops:  # the list's heading ("3 comments") when no area names the list
        heading = _heading_before(tops[0])
        if heading is not None:
            nodes.append(heading)
    nodes = [n for n in nodes if n.tag not in ("html", "body")]
    return Claim(comments, _outermost(nodes))

"""Class/id names and tags as main-content hints (the vocabulary of content.py).

A class name or id is read as whole words (:func:`~newsparse.extract.dom.name_parts`:
BEM and CSS-module separators, camelCase, generated hashes dropped), never as
substrings, and turned into bit flags: an embedded post, a strong content name
(``entry-content``), a boilerplate name (``share``, ``related``, ``sidebar``...) and
whether that name is the box itself (its first word), a weak content name.  The flags
of an element's names give its hint: +2, +1, 0 or -1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newsparse.extract.dom import name_parts

#: Tags whose content is never visible article text.
_INVISIBLE = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title", "meta",
        "link", "iframe", "object", "embed", "canvas", "button", "input", "select",
        "textarea", "option", "video", "audio", "source", "track", "map", "dialog",
    }
)  # fmt: skip
#: Block-level tags: each one starts a new text block.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul", "body", "caption", "picture", "h1", "h2", "h3", "h4", "h5",
        "h6", "menu",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Tags that are boilerplate by their nature (pruned unless they hold most of the text).
_BOILER_TAGS = frozenset({"nav", "aside", "footer", "header", "menu", "form"})

# Class/id names are matched word by word after splitting camelCase and BEM
# separators: "ArticlePage-authorInfo-shortBiography" reads "article-page-author-info-
# short-biography".
_CONTENT_HINT = re.compile(
    r"(?:^|-)(?:entry-content|post-content|article-content|article-body|articlebody|"
    r"article-text|story-body|story-content|story-text|post-body|post-entry|post-text|"
    r"content-body|main-content|text-body|body-text|entry-body|single-content|td-post-content|"
    r"rich-text|page-content|news-text|news-content|article-main|article-inner|body-copy|"
    r"articletext|storytext|bodytext|postcontent|entrycontent)(?:$|-)"
)
_WEAK_CONTENT_HINT = re.compile(r"(?:^|-)(?:article|story|post|entry|content|text|body)(?:$|-)")
_BOILER_HINT = re.compile(
    r"(?:^|-)(?:share|shares|sharing|sharebar|social|socials|related|newsletters?|subscribe|"
    r"subscription|signup|sign-up|advert\w*|ad|ads|adslot|ad-slot|ad-unit|dfp|gpt|"
    r"promo\w*|sponsor\w*|taboola|outbrain|bio|bios|biography|author|authors|about-the-author|"
    r"comments?|respond|disqus|sidebar|rail|widget\w*|breadcrumbs?|tags|tag(?=$|-(?:list|cloud|links?|box|bar|"
    r"row|area|section|wrap\w*|container|block|items?)(?:$|-))|"
    r"categories|nav|navbar|navigation|menu|footer|cookies?|consent|gdpr|popup|modal|"
    r"overlay|recommend\w*|read-more|more-stories|more-news|trending|popular|most-read|"
    r"most-popular|toolbar|pagination|pager|print|byline|dateline|timestamp|date|dates|"
    r"published|caption|captions|figcaption|credit|credits|copyright|rollover|hovercard|"
    r"hover-card|popover|tooltip|latest-news|latest-stories|latest-posts|latest-articles|"
    r"hidden|sr-only|screen-reader-text|visually-hidden|skip-link|meta|teaser|teasers|cta|"
    r"follow|follow-us|dek|standfirst|disclosure|affiliate|jp-relatedposts|yarpp|"
    r"video-player|player|playlist|login|register|signin|"
    # single-word compounds of classic blog themes, loading placeholders, other languages
    r"postmetadata|postmeta|entrymeta|entryfooter|postfooter|loading|loader|preloader|spinner|"
    r"autor|autoren|kommentare|commentaires|comentarios|commenti|forum)(?:$|-)"
)
_STATE_WORD = frozenset({"has", "no", "with", "without", "is", "show", "hide", "enable",
                         "disable", "can", "js", "u"})  # fmt: skip
_LAYOUT_WORD = frozenset({"wrap", "wrapper", "container", "layout", "page", "site", "main",
                          "content", "body", "grid", "col", "column", "row", "l", "o"})  # fmt: skip
_EMBED_WORD = re.compile(r"embed|tweet|instagram|tiktok|quote|pullquote")
#: Last words that make a class name about looks, not about what the box is.
_LOOKS_WORD = frozenset({"style", "styles", "styled", "css", "theme", "color", "colour",
                         "font", "size", "variant", "format", "formatting"})  # fmt: skip
#: Words that hide the element only as the whole name ("hidden", "visually-hidden").
_VISIBILITY_WORD = frozenset({"hidden", "visually", "invisible"})
#: Every word the hint patterns can match on (a superset): a quick set test rules out
#: the many class names that say nothing, before any regular expression runs.
_VOCABULARY_WORDS = """
    entry post article story content body text articlebody articletext storytext bodytext
    postcontent entrycontent share shares sharing sharebar social socials related newsletter
    newsletters subscribe subscription signup sign ad ads adslot dfp gpt taboola outbrain bio
    bios biography author authors comment comments respond disqus sidebar rail breadcrumb
    breadcrumbs tag tags categories nav navbar navigation menu footer cookie cookies consent
    gdpr popup modal overlay more trending popular most toolbar pagination pager print byline
    dateline timestamp date dates published caption captions figcaption credit credits
    copyright rollover hovercard hover popover tooltip latest hidden sr skip meta teaser
    teasers cta follow dek standfirst disclosure affiliate relatedposts yarpp player playlist
    login register signin postmetadata postmeta entrymeta entryfooter postfooter loading
    loader preloader spinner autor autoren kommentare commentaires comentarios commenti forum"""
_VOCABULARY = frozenset(_VOCABULARY_WORDS.split())
_VOCABULARY_PREFIXES = ("advert", "promo", "sponsor", "widget", "recommend")
_EMBED_PARTS = ("embed", "tweet", "instagram", "tiktok", "quote")

#: Tags whose class names the scoring never reads (links and media are judged by their
#: block; the inline-box rule skips links).
_UNHINTED = frozenset({"a", "img", "i", "br", "hr", "picture", "symbol", "path", "use", "g"})
_TAG_HINT = {tag: -1 for tag in _BOILER_TAGS} | {"article": 1, "main": 1}

_EMBED, _STRONG, _BOILER, _HEAD_BOILER, _WEAK = 1, 2, 4, 8, 16
#: Distinct class names / class strings remembered: a site's vocabulary is a few thousand
#: names, so a crawl over a few sites reads each name once (about 100 bytes an entry).
_CACHE_SIZE = 1 << 15

@lru_cache(maxsize=_CACHE_SIZE)
def _token_flags(token: str) -> int:
    """What one class name or id says (bit flags); names repeat, so this is cached.

    The name is read as whole words (:func:`name_parts`: BEM and CSS-module separators,
    camelCase, hashes dropped), never as substrings.  A name whose last word is about
    looks (``tagStyle``, ``date-color``) names a style, not a box; a visibility word
    (``hidden``) marks the element itself only when it is the whole name
    (``field--label-hidden`` hides a label, not the field).
    """
    parts = name_parts(token)
    if not parts or (
        _VOCABULARY.isdisjoint(parts)
        and not any(part.startswith(_VOCABULARY_PREFIXES) for part in parts)
        and not any(embed in parts[-1] for embed in _EMBED_PARTS)
    ):
        return 0  # most names say nothing
    first = parts[0]
    if first in _STATE_WORD or parts[-1] in _LOOKS_WORD:
        return 0
    if parts[-1] in _VISIBILITY_WORD and len(parts) > 1 and parts[-2] not in _VISIBILITY_WORD:
        parts = parts[:-1]
    words = "-".join(parts)
    if _EMBED_WORD.search(parts[-1]):
        return _EMBED
    if _CONTENT_HINT.search(words):
        return _STRONG
    if first not in _LAYOUT_WORD and _BOILER_HINT.search(words):
        return _BOILER | (_HEAD_BOILER if _BOILER_HINT.match(words) else 0)
    if _WEAK_CONTENT_HINT.search(words):
        return _WEAK
    return 0


@lru_cache(maxsize=_CACHE_SIZE)
def _class_flags(cls: str) -> int:
    """The flags of all the names in a class attribute (class strings repeat)."""
    flags = 0
    for token in cls.split():
        flags |= _token_flags(token)
    return flags


@lru_cache(maxsize=_CACHE_SIZE)
def _class_hint(tag: str, cls: str) -> int:
    """:func:`_hint` of an element whose only attribute is ``class``."""
    return _hint({"class": cls}.get, tag)


def _hint(get: Callable[[str], str | None], tag: str) -> int:
    """+2 strong content hint, +1 weak one, -1 boilerplate, 0 none.

    Class names are read one by one: state classes (``has-sidebar``,
    ``no-comments``...) say nothing about the element itself, layout wrappers
    (``content-sidebar-wrap``, ``page-ad-margins``) are not the boxes they name,
    embedded posts (``social-embed``, ``twitter-tweet``) are content, and a box
    named by its first word (``ad-wrapper after-the-post-content``) is that box.
    """
    if get("itemprop") == "articleBody":
        return 2
    cls = get("class")
    # a heading's id is the anchor slug of its own text ("nav-bar-options"), not a name
    ident = get("id") if tag not in _HEADINGS else None
    flags = _WEAK if tag in ("article", "main") else 0
    if tag in _BOILER_TAGS:
        flags |= _BOILER
    if cls:
        flags |= _class_flags(cls)
    if ident:
        flags |= _token_flags(ident)
    if flags & _EMBED:
        return 0
    if flags & _STRONG and not flags & _HEAD_BOILER:
        return 2
    if flags & _BOILER:
        return -1
    return 1 if flags & _WEAK else 0



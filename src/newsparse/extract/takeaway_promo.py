"""Items of a takeaways box that are not takeaways: promotions, sponsored slots, calls to
action and teasers of other stories (for :mod:`takeaways`).
"""

from __future__ import annotations

import re

from lxml import etree

from newsparse.extract.dom import HtmlElement, block_text

__all__ = ["BULLET", "PROMO_CLASS", "PROMO_TEXT", "is_promo"]

#: A leading bullet typed into the text ("• ", "✅ ", "- ").
BULLET = re.compile(r"^\s*(?:[•·●○◦▪▫■□‣⁃∙✓✔✅☑👉➤➔→▶►🔹🔸🔵◆◇]+|[-–—*](?=\s))\s*")

#: Item-level promo markers (class/id fragments) and texts.
PROMO_CLASS = re.compile(
    r"promo|sponsor|advert|affiliate|newsletter|subscribe|calltoaction|adslot|adunit|"
    r"adsbygoogle|(?:^|[-_\s])(?:ad|ads|cta)(?:$|[-_\s])"
)
_PROMO_WORD = (
    r"(?:promo(?:ted|tion)?|sponsored(?:\s+content)?|partner\s+content|advertisement|"
    r"advertorial|ad|ads|paid\s+(?:post|content|partnership))"
)
#: An item's text opening with a promo marker ("Sponsored: ...", "Promo — ...").
PROMO_TEXT = re.compile(rf"^{_PROMO_WORD}(?:\s*[:|·•\-–—]|\s*$)", re.IGNORECASE)
#: A badge: an element whose whole text is a promo marker ("<span>Sponsored</span>").
_PROMO_BADGE = re.compile(rf"{_PROMO_WORD}\s*:?", re.IGNORECASE)
_CTA_TEXT = re.compile(
    r"^(?:read\s+(?:more|also|next|the\s+full)|also\s+read|related(?:\s+\w+)?\s*:|"
    r"see\s+also|click\s+here|sign\s+up|subscribe|learn\s+more|download|follow\s+us|"
    r"don'?t\s+miss|do\s+not\s+miss|join\s+(?:us|our)|get\s+(?:the|our|your|daily|free)|"
    r"watch(?:\s+now)?\s*:|listen\s*:|share\s+this|claim\s+(?:your|a|the)|"
    r"register\s+(?:now|today)|try\s+(?:it|now)|buy\s+now|trade\s+now|open\s+an?\s+account)",
    re.IGNORECASE,
)
_TEASER_MEDIA = etree.XPath(".//img|.//picture|.//video|.//amp-img")
_INTERACTIVE = etree.XPath(".//form|.//input|.//button|.//iframe|.//select|.//textarea")


def _link_text_len(el: HtmlElement) -> int:
    return sum(len(block_text(a)) for a in el.iter("a"))


def is_promo(item: HtmlElement, text: str) -> bool:
    """Items that are not takeaways: promo/sponsored slots, calls to action, bare links."""
    for el in item.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("ins", "iframe"):
            return True
        names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if names.strip() and PROMO_CLASS.search(names):
            return True
        if el is not item and len(el) == 0 and _PROMO_BADGE.fullmatch((el.text or "").strip()):
            return True
    if PROMO_TEXT.match(text) or _CTA_TEXT.match(text):
        return True
    if _INTERACTIVE(item) or _TEASER_MEDIA(item):
        return True
    first_link = item.find(".//a")
    if first_link is not None:
        # A teaser of another story opens with its headline link.
        headline = block_text(first_link)
        if len(headline.split()) >= 4 and BULLET.sub("", text).startswith(headline):
            return True
    links = _link_text_len(item)
    return bool(text) and links >= 0.6 * len(text)

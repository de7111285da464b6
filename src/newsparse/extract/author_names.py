"""Person names in a byline or an author value: "By A, B and C" gives three names.

:func:`split_names` cuts a byline's text into names (it stops at a separator, a date or
a role such as "Edited by"); :func:`is_person_name` keeps only what reads like a
person's name (never "Staff", an editor, a wire agency or the site itself).
:func:`clean_text` tidies a JSON-LD / meta string first.  Split off
:mod:`newsparse.extract.authors`, which finds the names in a page.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from newsparse.extract.dom import norm_space

__all__ = ["clean_text", "drop_combining", "is_person_name", "split_names"]

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|words|story|text|compiled|"
    r"article|report|analysis|photos?|video)\s+)?"
    r"(?:by|from)\s*[:\-]?\s+|^(?:authors?|writers?|contributors?|byline)\s*[:\-]\s*|^by[:\s]\s*",
    re.IGNORECASE,
)
# Where the names stop: a separator, a date, a role such as "Edited by", digits.
_STOP = re.compile(
    r"\s[|•·]|[|•·]\s|\s[-–—]\s|\s*\b(?:edited|reviewed|fact[- ]?checked|verified|"
    r"updated|published|posted|last\s+updated|photos?|illustrations?|images?|publiziert|"
    r"veröffentlicht|aktualisiert|publicado|publicada|publié|pubblicato|actualizado)\b|"
    r"\bon\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\d|\n|\(|\bfor\s+[A-Z]",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|&|\+|/|\b(?:and|AND|And|und|et|y|e)\b)\s*")
_FOREIGN_BY = re.compile(r"^(?:[Vv]on|[Pp]or|[Pp]ar|di|[Dd]oor|av|af)\s+(?=\S+\s+\S)")
_LABEL = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?\s*:\s*")
"""A short label before a colon ("Texte :", "Autor:", "Текст:")."""
_LATER_BY = re.compile(r"(?<=\S)\s+by\s*:?\s+(?=[A-Z])", re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")
_ROLE_BEFORE = re.compile(
    r"(?:edit|review|fact[- ]?check|updat|verif|photo|illustrat|translat|produc|design)\w*"
    r"\s+by\s*:?\s*$|(?:editor|reviewer|editing|photos?|source)\s*:\s*$",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]*>")
_EDGE_PUNCT = " \t.,;:-–—|•·\"'“”‘’()[]{}"

_ROLE_WORDS = frozenset(
    [
        "staff",
        "team",
        "editor",
        "editors",
        "editorial",
        "editorials",
        "desk",
        "newsroom",
        "admin",
        "administrator",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "contributor",
        "contributors",
        "guest",
        "author",
        "authors",
        "anonymous",
        "unknown",
        "user",
        "moderator",
        "webmaster",
        "redaktion",
        "redaccion",
        "redazione",
        "redacao",
        "rédaction",
        "redacción",
        "redação",
        "contributing",
        "columnist",
        "columnists",
        "news",
        "media",
        "press",
        "agency",
        "agencies",
        "wire",
        "wires",
        "service",
        "services",
        "network",
        "networks",
        "group",
        "inc",
        "ltd",
        "llc",
        "plc",
        "corp",
        "corporation",
        "company",
        "co",
        "gmbh",
        "magazine",
        "journal",
        "daily",
        "weekly",
        "times",
        "international",
        "online",
        "official",
        "bureau",
        "channel",
        "tv",
        "radio",
        "report",
        "reports",
        "research",
        "sponsored",
        "partner",
        "partners",
        "content",
        "brand",
        "studio",
        "studios",
        "labs",
        "foundation",
        "association",
        "institute",
        "university",
        "newsletter",
        "insights",
        "intelligence",
        "analytics",
        "markets",
        "desk",
        "community",
        "board",
        "office",
        "department",
        "ministry",
        "government",
    ]
)
_WIRE_PHRASES = frozenset(
    {"associated press", "agence france-presse", "agence france presse", "press trust of india"}
)
"""News agencies whose names read like a person's (two capitalised words)."""

_ARTICLES = frozenset({"the", "a", "an", "by", "and", "with", "from", "for", "of", "in", "on"})
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "bin",
        "binti",
        "al",
        "el",
        "ibn",
        "y",
        "e",
        "zu",
        "af",
    }
)
_DOMAIN = re.compile(r"\w\.(?:com|net|org|co|io|news|info|uk|de|fr|in)\b|\.[a-z]{2,}$")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af·・]+")
"""Scripts that write a full name without spaces (Chinese, Japanese, Korean)."""
_SITE_FILLER = frozenset({"www", "com", "net", "org", "io", "co", "uk", "info", "the"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN = re.compile(r"[^\W_]+")


#: Runs of characters from U+0300 up: no character below U+0300 is a combining mark
#: (``unicodedata.combining`` is 0 for all of them: tests/unit/test_metadata_fast_paths.py
#: checks each), so only these runs are read character by character.
_MAY_COMBINE = re.compile("[^\x00-\u02ff]+")


def _without_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def drop_combining(text: str) -> str:
    """``text`` without its combining marks: what ``"".join(c for c in text if not
    unicodedata.combining(c))`` gives, with a Python step only per character of a run
    from U+0300 up (Latin text decomposed by NFKD has one mark per accented letter)."""
    if text.isascii():
        return text
    return _MAY_COMBINE.sub(_without_marks, text)


def _fold(text: str) -> str:
    if text.isascii():  # no ASCII character decomposes or combines
        return text.lower()
    return drop_combining(unicodedata.normalize("NFKD", text)).lower()


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_fold(_CAMEL.sub(" ", text)))


def clean_text(value: str) -> str:
    """Text from a JSON-LD / meta string: HTML tags and entities removed, spaces normalised."""
    if "<" in value:
        value = _TAGS.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    return norm_space(value)


def is_person_name(name: str, site_tokens: Iterable[str] = ()) -> bool:
    """True when ``name`` reads like a person's name, not a role, an organisation or the site.

    ``site_tokens`` are the folded words of the site's name; a name equal to them is the
    site itself.
    """
    if not 2 <= len(name) <= 60:
        return False
    if any(ch.isdigit() for ch in name) or any(ch in name for ch in "@/\\<>{}=#©®™|?!"):
        return False
    if "http" in name.lower() or "www." in name.lower():
        return False
    words = name.split()
    if not 1 <= len(words) <= 6 or not any(ch.isalpha() for ch in name):
        return False
    folded = _fold(name)
    if folded in _WIRE_PHRASES:
        return False
    tokens = _tokens(name)
    if not tokens or any(t in _ROLE_WORDS for t in tokens):
        return False
    if len(words) < 2 and not (_UNSPACED.fullmatch(name) and 2 <= len(name) <= 6):
        return False  # handles ("admin", "jdoe"), places ("Washington"); CJK names excepted
    if words[0].lower() in _ARTICLES:
        return False  # "The Desk"
    if any(w[:1].islower() and w.lower() not in _PARTICLES for w in words):
        return False  # "the defense ministries", "john doe"-style handles
    if _DOMAIN.search(name):
        return False  # "Cleveland.com"
    site = set(site_tokens) - _SITE_FILLER
    if site and set(tokens) == site:
        return False  # the site's own name ("AltcoinTrading" on AltcoinTrading.net)
    return not (len(words) == 1 and name.isupper() and len(name) <= 5)  # "AP", "AFP"


_CJK_ROLE = re.compile(r"\s*(?:기자|특파원|객원기자|记者|記者|编辑|編集|通讯员|特约撰稿人)$")


def _tidy(name: str) -> str:
    name = _CJK_ROLE.sub("", name.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
    if name.isupper() and len(name) > 5:
        name = " ".join(w.capitalize() for w in name.split())
    return name


def split_names(
    text: str, site_tokens: Iterable[str] = (), *, structured: bool = False
) -> list[str]:
    """The person names in a byline: "By A, B and C" gives ["A", "B", "C"].

    The text stops at a separator, a date, or a role such as "Edited by"; parts that are
    not person names (roles, agencies, the site) are dropped.  ``structured`` text (a
    JSON-LD or meta author) may be all lower case ("jane doe" gives "Jane Doe"); in a
    visible byline, lower-case words are prose.
    """
    text = clean_text(text)
    if not text:
        return []
    later_by = _LATER_BY.search(text)
    if later_by and not _ROLE_BEFORE.search(text[: later_by.end()]):
        text = text[later_by.end() :]  # "Monday November 18, 2019 by Joe Rossignol"
    text = _PREFIX.sub("", text, count=1)
    text = _LABEL.sub("", _FOREIGN_BY.sub("", text, count=1), count=1)
    stop = _STOP.search(text)
    if stop:
        text = text[: stop.start()]
    site = list(site_tokens)
    names: list[str] = []
    for chunk in _SENTENCE_SPLIT.split(text):
        for part in _SPLIT.split(chunk):
            name = _tidy(_PREFIX.sub("", part.strip(_EDGE_PUNCT), count=1))
            if structured and name.islower() and 2 <= len(name.split()) <= 4:
                name = name.title()
            if name and is_person_name(name, site):
                names.append(name)
    return names

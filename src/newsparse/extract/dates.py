"""Publication and modification dates: parsing date strings and finding them in a page.

:func:`parse_date` turns one date string (ISO 8601, RFC 2822, or English text such as
"June 6, 2026", "6 June 2026", "Jun 6, 2026 at 9:30 am EST") into an aware datetime
when an offset is given, a naive datetime when a time is given without one, or a
``date`` when only a day is given.  Absurd values (before 1990, far in the future,
impossible days) give None: they are skipped, never raised.

:func:`find_dates` reads the page's evidence in order of reliability: the article's
JSON-LD, ``<meta>`` tags, microdata, ``<time>`` elements near the headline and
finally visible dates in the byline / dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from itertools import islice
from typing import Any

from lxml import etree

from newsparse.document import Document
from newsparse.extract.date_relative import Relative, find_relative, resolve
from newsparse.extract.date_words import (
    AMPM,
    TIME_CONNECTORS,
    YEAR_SUFFIXES,
    alternation,
    month_number,
)
from newsparse.extract.dom import (
    HtmlElement,
    ancestors,
    class_id,
    name_matcher,
    norm_space,
    page_index,
    text_of,
)

__all__ = [
    "DateFound",
    "Dates",
    "find_dates",
    "not_before",
    "page_now",
    "parse_date",
    "published_time",
    "reference_time",
    "relative_text",
    "search_date",
    "search_date_text",
    "select",
]

DateValue = datetime | date

MIN_YEAR = 1990
"""Dates before this year are taken as placeholders, not publication dates."""

MAX_FUTURE = timedelta(days=366)
"""Dates further than this after today are skipped."""

_MAX_INPUT = 120

_TZ_NAMES: dict[str, int] = {
    # minutes east of UTC; ambiguous abbreviations (ET, IST...) are left out on purpose
    "z": 0,
    "utc": 0,
    "gmt": 0,
    "ut": 0,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "akst": -540,
    "akdt": -480,
    "hst": -600,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "wet": 0,
    "west": 60,
    "msk": 180,
    "jst": 540,
    "kst": 540,
    "hkt": 480,
    "sgt": 480,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
    "mez": 60,
    "mesz": 120,
    "trt": 180,
    "ict": 420,
    "wib": 420,
    "wita": 480,
    "wit": 540,
}

_OFFSET = r"(?P<tz>[zZ]|(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})"
_AMPM = r"(?P<ampm>[aApP]\.?\s?[mM]\.?|" + alternation(k for k in AMPM if not k.isascii()) + ")"
_TIME = (
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<frac>\d{1,9}))?)?"
    r"(?:\s*" + _AMPM + r")?"
)
# "07h30" (fr, pt), "07.30 Uhr" / "07.30 WIB" (de, id: a dot only before those words)
_LOCAL_TIME = (
    r"(?P<hour>\d{1,2})(?::|\s?h\s?|\.(?=\d{2}\s*(?:uhr|wib|wita|wit|h)\b))(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?(?:\s*" + _AMPM + r")?(?:\s*(?:uhr|h)\b\.?)?"
)
_ISO = re.compile(
    r"^\s*(?P<year>\d{4})(?P<sep>[-/.]?)(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:(?:[T\s]+|\s*,\s*)" + _TIME + r"(?:\s*" + _OFFSET + r")?)?\s*$"
)
# A month name, or an Arabic two-word one ("كانون الثاني", "تشرين الأول").
_MONTH_WORD = r"(?P<mname>[^\W\d_]{2,12}(?:\s+ال[^\W\d_]{2,8})?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_CONNECTOR = r"(?:(?:" + alternation(TIME_CONNECTORS) + r")\s*)?"
_TEXT_TAIL = (
    r"(?:(?:\s*[,،]\s*|\s+|\s*[-–—|@·]\s*)" + _CONNECTOR
    + r"(?:" + _AMPM.replace("ampm", "preampm") + r"\s*)?" + _LOCAL_TIME
    + r"(?:\s*\(?" + _OFFSET + r"\)?)?)?"
)  # fmt: skip
_YEAR_SUFFIX = r"(?:\s*(?:" + alternation(YEAR_SUFFIXES) + r")(?![^\W\d_]))?"
# "June 6, 2026", "Jun. 6 2026", "Monday, June 6th, 2026 at 9:30 am EDT"
_MDY = _WEEKDAY + _MONTH_WORD + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?[,،]?\s+(?P<year>\d{4})"
# "6 June 2026", "9. Juni 2026", "9 de junio de 2026", "9 июня 2026 г.", "9 يونيو 2026"
_DMY = (
    _WEEKDAY
    + r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|ª)?\.?\s*(?:(?:of|de|du)\s+)?"
    + _MONTH_WORD
    + r"[,،]?\s+(?:de\s+)?(?P<year>\d{4})"
    + _YEAR_SUFFIX
)
# "06.06.2026", "6/6/2026" (numeric, day first when dotted)
_NUMERIC = r"(?P<a>\d{1,2})(?P<nsep>[./-])(?P<b>\d{1,2})(?P=nsep)(?P<year>\d{4})" + _YEAR_SUFFIX
# "ngày 9 tháng 6 năm 2026", "9 tháng 6, 2026" (vi)
_VI = (
    r"(?:ngày\s+)?(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})(?:\s*,\s*|\s+năm\s+)(?P<year>\d{4})"
)
# "2026. 6. 9." (ko), "2026/06/09" (ja, zh), "2026.06.09" (ko, tr, pl)
_YMD = r"(?P<year>\d{4})(?P<ysep>\.\s?|/)(?P<month>\d{1,2})(?P=ysep)(?P<day>\d{1,2})\.?"
_TEXT_PATTERNS = tuple(
    re.compile(r"(?<![\w])" + body + _TEXT_TAIL + r"(?![\w:])", re.IGNORECASE)
    for body in (_MDY, _DMY, _NUMERIC, _VI, _YMD)
)
# "2026年6月9日 15:30", "2026年6月9日(火) 午後3時30分", "2026년 6월 9일 오후 3:30"
_CJK = re.compile(
    r"(?<!\d)(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
    r"(?:\s*[(（][^)）]{1,4}[)）])?"
    r"(?:\s*(?:" + _AMPM.replace("ampm", "preampm") + r")?\s*(?P<hour>\d{1,2})\s*[:：時时시点點]\s*"
    r"(?P<minute>\d{1,2})(?:\s*[:：]\s*(?P<second>\d{2}))?\s*[分분]?)?"
    r"(?:\s*\(?" + _OFFSET + r"\)?)?"
)
_ISO_SEARCH = re.compile(
    r"(?<![\d\w])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T\s]" + _TIME + r"(?:\s?" + _OFFSET + r")?)?(?![\d])"
)
#: Arabic-Indic, Persian and full-width digits, read as ASCII digits (one for one).
_DIGITS = str.maketrans(
    {chr(base + i): str(i) for base in (0x0660, 0x06F0, 0xFF10) for i in range(10)}
)


_OFFSET_TEXT = re.compile(r"(?:utc|gmt)?\s?([+-])(\d{1,2})(?::?(\d{2}))?")
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")


def select(xpath: etree.XPath, root: HtmlElement) -> list[HtmlElement]:
    """The elements an XPath selects under ``root`` (text and attribute results dropped)."""
    result = xpath(root)
    if not isinstance(result, list):
        return []
    return [el for el in result if isinstance(el, HtmlElement)]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _offset(raw: str | None) -> timezone | bool | None:
    """A timezone for ``raw``; None when there is none; False when it is not an offset."""
    if not raw:
        return None
    text = raw.strip()
    low = text.lower()
    if low in _TZ_NAMES:
        return timezone(timedelta(minutes=_TZ_NAMES[low]))
    m = _OFFSET_TEXT.fullmatch(low)
    if not m:
        return False
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return False
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if m.group(1) == "-" else delta)


def _build(
    year: int, month: int, day: int, parts: dict[str, str | None], *, today: datetime
) -> DateValue | None:
    if year < MIN_YEAR:
        return None
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    if day_value > (today + MAX_FUTURE).date():
        return None
    if parts.get("hour") is None:
        return day_value
    hour = int(parts["hour"] or 0)
    minute = int(parts["minute"] or 0)
    second = int(parts.get("second") or 0)
    frac = parts.get("frac") or ""
    micro = int((frac + "000000")[:6]) if frac else 0
    ampm = _ampm(parts.get("ampm") or parts.get("preampm"))
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if second == 60:
        second = 59
    tz = _offset(parts.get("tz"))
    if tz is False:
        tz = None
    try:
        return datetime(
            year,
            month,
            day,
            hour,
            minute,
            second,
            micro,
            tzinfo=tz if isinstance(tz, timezone) else None,
        )
    except ValueError:
        return None


def _ampm(raw: str | None) -> str:
    """ "am", "pm" or "" for a before / after noon marker in any of the languages."""
    if not raw:
        return ""
    key = raw.strip().lower()
    if key.isascii():
        key = key.replace(".", "").replace(" ", "")
    return AMPM.get(key, "")


def _from_match(
    m: re.Match[str], today: datetime, *, day_first: bool = False
) -> DateValue | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("mname"):
        month = month_number(groups["mname"])
        if not month:
            return None
        day = int(groups["day"])
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if groups.get("nsep") == "." or a > 12:
            day, month = a, b
        elif b > 12:
            month, day = a, b
        else:
            # ambiguous: read month-first for slashes (US style), day-first otherwise
            month, day = (a, b) if groups.get("nsep") == "/" and not day_first else (b, a)
    else:
        month, day = int(groups["month"]), int(groups["day"])
    if groups.get("tz") and _offset(groups["tz"]) is False:
        groups["tz"] = None
    return _build(year, month, day, groups, today=today)


def parse_date(
    value: object,
    *,
    today: datetime | None = None,
    reference: DateValue | None = None,
    day_first: bool = False,
) -> DateValue | None:
    """Parse one date string; None when it is not a plausible date.

    Returns an aware datetime when the string has an offset or zone abbreviation, a
    naive datetime when it has a time without one, a ``date`` when only a day. Month
    names, ordinals and times are read in 17 languages (see
    :mod:`newsparse.extract.date_words`); Arabic-Indic and full-width digits count.
    A relative date ("2 hours ago", "vor 2 Stunden") is resolved against ``reference``
    (the page's own "now"), and gives None without one. ``day_first`` reads an
    ambiguous "09/06/2026" as 9 June (pages not in US English).
    """
    if not isinstance(value, str):
        return None
    text = norm_space(value)
    if not text or len(text) > _MAX_INPUT:
        return None
    if not text.isascii():
        text = text.translate(_DIGITS)
    now = today or _now()
    m = _ISO.match(text)
    if m:
        sep = m.group("sep")
        if sep == "" and not (len(m.group("month")) == 2 and len(m.group("day")) == 2):
            return None
        return _from_match(m, now)
    if _EPOCH.fullmatch(text):
        return _from_epoch(int(text), now)
    found = search_date_text(text, today=now, whole=True, day_first=day_first)
    if found is not None:
        return found[0]
    if reference is not None:
        relative = find_relative(text, whole=True)
        if relative is not None and len(text) - len(relative[1]) <= _WHOLE_SLACK:
            return _plausible_relative(relative[0], reference, now)
    return None


def _plausible_relative(
    relative: Relative, reference: DateValue, today: datetime
) -> DateValue | None:
    value = resolve(relative, reference)
    if value is None:
        return None
    day = value.date() if isinstance(value, datetime) else value
    if day.year < MIN_YEAR or day > (today + MAX_FUTURE).date():
        return None
    return value


def _from_epoch(stamp: int, today: datetime) -> DateValue | None:
    if stamp > 10**11:
        stamp //= 1000
    try:
        value = datetime.fromtimestamp(stamp, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    if value.year < MIN_YEAR or value > today + MAX_FUTURE:
        return None
    return value


def search_date(
    text: str,
    *,
    today: datetime | None = None,
    whole: bool = False,
    reference: DateValue | None = None,
    day_first: bool = False,
) -> DateValue | None:
    """The first plausible date written in ``text`` (e.g. a dateline), or None.

    With ``whole``, the date must make up nearly all of the text.
    """
    found = search_date_text(
        text, today=today, whole=whole, reference=reference, day_first=day_first
    )
    return found[0] if found else None


_UPDATED_BEFORE = re.compile(
    r"(?:updat|modif|edit|revis|aktualisiert|mis à jour|actualizad|atualizad|aggiornat|"
    r"bijgewerkt|güncellen|обновлен|оновлен|zaktualizowan|更新|업데이트|cập nhật|diperbarui|تحديث)"
    r"\w*\W{0,3}(?:on|at|am|le|el|em|il|op)?\W{0,3}$",
    re.I,
)
#: Characters a date may leave around it and still make up "the whole" text (a weekday).
_WHOLE_SLACK = 16


def search_date_text(
    text: str,
    *,
    today: datetime | None = None,
    whole: bool = False,
    published: bool = False,
    reference: DateValue | None = None,
    day_first: bool = False,
) -> tuple[DateValue, str] | None:
    """Like :func:`search_date`, with the date's text as written.

    With ``published``, a date written right after "Updated" / "Modified" (in any of the
    languages) is passed over for a later one ("Updated Nov 20, 2019 Published Nov 19,
    2019" gives Nov 19) when there is one. Without an absolute date, a relative one is
    resolved against ``reference`` when given.
    """
    if not text:
        return None
    written = text[:400]
    text = written if written.isascii() else written.translate(_DIGITS)
    now = today or _now()
    found: list[tuple[int, DateValue, str]] = []
    for pattern in (*_TEXT_PATTERNS, _CJK, _ISO_SEARCH):
        for m in pattern.finditer(text):
            if whole and len(text) - (m.end() - m.start()) > _WHOLE_SLACK:
                continue
            value = _from_match(m, now, day_first=day_first)
            if value is not None:
                found.append((m.start(), value, written[m.start() : m.end()].strip()))
            if not published:
                break
    if not found:
        if reference is None:
            return None
        relative = find_relative(text, whole=whole)
        if relative is None or (whole and len(text) - len(relative[1]) > _WHOLE_SLACK):
            return None
        value = _plausible_relative(relative[0], reference, now)
        return (value, relative[1]) if value is not None else None
    found.sort(key=lambda item: item[0])
    if published:
        for start, value, raw in found:
            if not _UPDATED_BEFORE.search(text[max(0, start - 24) : start]):
                return value, raw
    return found[0][1], found[0][2]


def relative_text(text: str) -> str | None:
    """The relative date written in ``text`` ("2 hours ago"), as written; None if none."""
    found = find_relative(text[:400])
    return found[1] if found else None


# ------------------------------------------------------------------ finding dates in a page


@dataclass
class DateFound:
    """One date read from the page."""

    value: DateValue
    raw: str
    node: HtmlElement | None = None
    """The visible element that shows it, when it came from the markup."""


@dataclass
class Dates:
    """The published and modified dates of a page."""

    published: DateFound | None = None
    modified: DateFound | None = None
    nodes: list[HtmlElement] = field(default_factory=list)
    published_relative: str | None = None
    """A relative publication date as written ("vor 2 Stunden") that no reference time
    of the page resolves: kept raw only."""


_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date.published",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dc.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "date",
    "citation_publication_date",
    "citation_date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "modified_time",
    "article:modified",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "lastmod",
    "revised",
)

_DATELINE_TAGS = ("div", "span", "p", "li", "small", "time")
_DATELINE_CLASS = re.compile(r"date|publish|byline|posted", re.IGNORECASE)
CHROME_WORDS = (
    r"comment|related|recommend|footer|popular|trending|newsletter|more-stories|read-next|"
    r"teaser|(?:^|[\s_-])(?:promo|nav|navbar|navigation|menu)(?:$|[\s_-])|"
    r"(?:^|\s)widget(?:$|\s|_)|(?:^|\s)sidebar|-sidebar(?:$|\s)"
)
"""Class/id words of page chrome (comments, related lists, sidebars, menus), as a regex.

Matched against :func:`chrome_names`, so that layout modifiers such as "no-promo" or
"penci_sidebar" and wrappers such as "theiaStickySidebar" do not count."""

_NOT_ARTICLE_RE = re.compile(CHROME_WORDS)
_not_article = name_matcher(_NOT_ARTICLE_RE)
_STATE_PREFIX = ("no-", "has-", "with-", "without-", "is-", "show-", "hide-", "enable-")


def chrome_names(el: HtmlElement) -> str:
    """The element's class and id tokens, lower-cased, state modifiers ("no-promo") left out."""
    return _chrome_names(el.get("class"), el.get("id"))


@lru_cache(maxsize=8192)
def _chrome_names(cls: str | None, ident: str | None) -> str:
    if not cls and not ident:
        return ""
    tokens = f"{cls or ''} {ident or ''}".lower().split()
    return " ".join(t for t in tokens if not t.startswith(_STATE_PREFIX))


_MODIFIED_CUE = re.compile(r"updat|modif|edited|revis", re.IGNORECASE)
_PUBLISHED_CUE = re.compile(r"publish|posted|pubdate|entry-date|created", re.IGNORECASE)


def _str(value: Any) -> str | None:
    return norm_space(value) or None if isinstance(value, str) else None


def _in_chrome(el: HtmlElement) -> bool:
    """True when ``el`` sits in comments, related-article lists, sidebars or footers."""
    for node in (el, *ancestors(el)):
        tag = node.tag
        if tag in ("footer", "aside", "nav"):
            return True
        if tag in ("article", "main", "body"):
            return False
        if _not_article(chrome_names(node)):
            return True
    return False


def _found(
    raw: str | None, node: HtmlElement | None = None, *, day_first: bool = False
) -> DateFound | None:
    if not raw:
        return None
    value = parse_date(raw, day_first=day_first)
    return DateFound(value, raw, node) if value is not None else None


def _from_jsonld(ld: dict[str, Any], key: str) -> DateFound | None:
    raw = ld.get(key)
    if isinstance(raw, list):
        raw = next((r for r in raw if isinstance(r, str)), None)
    return _found(_str(raw))


def _from_any_jsonld(doc: Document, key: str) -> DateFound | None:
    """``key`` of any JSON-LD object of the page (a WebPage's datePublished)."""
    for obj in doc.jsonld[:50]:
        found = _from_jsonld(obj, key)
        if found is not None:
            return found
    return None


def _from_meta(doc: Document, keys: tuple[str, ...]) -> DateFound | None:
    for key in keys:
        for raw in doc.meta.get(key, ()):
            found = _found(raw)
            if found is not None:
                return found
    return None


def _element_date(el: HtmlElement, *, day_first: bool = False) -> DateFound | None:
    for attr in ("datetime", "content", "data-datetime", "data-time", "title"):
        found = _found(_str(el.get(attr)), el, day_first=day_first)
        if found is not None:
            return found
    text = text_of(el)
    if text and len(text) <= 200:
        written = search_date_text(text, day_first=day_first)
        if written is not None:
            return DateFound(written[0], written[1], el)
    return None


def _from_itemprop(doc: Document, prop: str) -> DateFound | None:
    # the page index holds every element's attributes: a dict scan, not an XPath pass
    for el, attrib in page_index(doc).attrs.items():
        if attrib.get("itemprop") == prop and not _in_chrome(el):
            found = _element_date(el)
            if found is not None:
                return found
    return None


def _near(el: HtmlElement, anchor: HtmlElement | None) -> bool:
    """True when ``el`` shares a header/article ancestor with the headline ``anchor``."""
    if anchor is None:
        return True
    scope = anchor
    for _ in range(4):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        scope = parent
        if parent.tag in ("header", "article", "main"):
            break
    if scope is anchor:  # a headline straight under <body>: the page is the scope
        return True
    return any(a is scope for a in ancestors(el))


_MAX_TIMES = 100
"""Only the first <time> elements of a page are read (a live blog may have thousands)."""


def _from_time_elements(
    doc: Document, anchor: HtmlElement | None, *, day_first: bool = False
) -> tuple[DateFound | None, DateFound | None]:
    published: DateFound | None = None
    modified: DateFound | None = None
    fallback: DateFound | None = None
    for el in islice(doc.root.iter("time"), _MAX_TIMES):
        if published is not None and modified is not None:
            break
        if _in_chrome(el):
            continue
        found = _element_date(el, day_first=day_first)
        if found is None:
            continue
        cue = f"{class_id(el)} {el.get('itemprop') or ''}"
        if _MODIFIED_CUE.search(cue):
            modified = modified or found
        elif el.get("pubdate") is not None or _PUBLISHED_CUE.search(cue):
            published = published or found
        elif fallback is None and _near(el, anchor):
            fallback = found
    return published or fallback, modified


def _from_datelines(
    doc: Document,
    anchor: HtmlElement | None,
    *,
    day_first: bool = False,
    reference: DateValue | None = None,
) -> DateFound | None:
    tried = 0
    for el in doc.root.iter(*_DATELINE_TAGS):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATELINE_CLASS.search(names):
            continue
        tried += 1
        if tried > _MAX_TIMES:
            break
        if _MODIFIED_CUE.search(names) or _in_chrome(el) or not _near(el, anchor):
            continue
        text = text_of(el)
        if not text or len(text) > 200:
            continue
        found = search_date_text(
            text, published=True, day_first=day_first, reference=reference
        )
        if found is not None:
            return DateFound(found[0], found[1], el)
    return None


def _relative_dateline(doc: Document, anchor: HtmlElement | None) -> str | None:
    """A relative date ("2 hours ago") shown in a <time> or dateline near the headline."""
    tried = 0
    for el in doc.root.iter(*_DATELINE_TAGS):
        if el.tag != "time" and not _DATELINE_CLASS.search(class_id(el)):
            continue
        tried += 1
        if tried > _MAX_TIMES:
            break
        if _MODIFIED_CUE.search(class_id(el)) or _in_chrome(el) or not _near(el, anchor):
            continue
        text = text_of(el)
        if text and len(text) <= 120:
            raw = relative_text(text)
            if raw is not None:
                return raw
    return None


def dateline_node(doc: Document, anchor: HtmlElement | None) -> HtmlElement | None:
    """The visible element showing the article's date next to the headline ``anchor``:
    a ``<time>`` or a date-classed element with a date, within a few elements after the
    headline (or just before it)."""
    if anchor is None:
        return None
    recent: list[HtmlElement] = []
    since = -1
    for el in doc.root.iter(*_DATELINE_TAGS, anchor.tag):
        if el is anchor:
            since = 0
            for prev in reversed(recent[-_BEFORE_HEADLINE:]):
                if _shows_date(prev):
                    return prev
            continue
        if since < 0:
            recent.append(el)
            continue
        since += 1
        if since > _AFTER_HEADLINE:
            break
        if _shows_date(el):
            return el
    return None


_AFTER_HEADLINE = 60
_BEFORE_HEADLINE = 8


def _shows_date(el: HtmlElement) -> bool:
    if el.tag != "time":
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATELINE_CLASS.search(names):
            return False
    if _in_chrome(el):
        return False
    text = text_of(el)
    if el.tag == "time":
        return bool(text) and _element_date(el) is not None
    return 0 < len(text) <= 120 and search_date(text) is not None


_NOW_NAMES = re.compile(
    r"(?:^|[\s_-])(?:now|current[-_]?(?:time|date)|server[-_]?time|render(?:ed)?[-_]?time)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOW_ATTRS = ("data-now", "data-server-time", "data-render-time", "data-rendered-at")


def page_now(doc: Document) -> DateValue | None:
    """The moment the page says it was rendered: a ``data-now``-like attribute of <html>
    or <body>, or a <time> named "now" / "current-time" (many sites print one in the
    header); None when the page does not say."""
    for el in (doc.root, doc.root.find("body")):
        if el is None:
            continue
        for attr in _NOW_ATTRS:
            value = parse_date(_str(el.get(attr)))
            if value is not None:
                return value
    for el in islice(doc.root.iter("time"), _MAX_TIMES):
        if _NOW_NAMES.search(class_id(el)):
            found = _element_date(el)
            if found is not None:
                return found.value
    return None


def reference_time(doc: Document, ld: dict[str, Any] | None = None) -> DateValue | None:
    """The page's own "now", that relative dates ("2 hours ago") count back from: the
    rendering time the page states (:func:`page_now`), else its modification time, else
    its publication time (JSON-LD or <meta>: the page's own statements); None if none.
    Computed once per page."""
    if "reference_time" in doc.memo:
        value: DateValue | None = doc.memo["reference_time"]
        return value
    ld = ld if ld is not None else next(iter(doc.jsonld_of_type(*_ARTICLE_TYPES)), {})
    found = (
        page_now(doc),
        _value(_from_jsonld(ld, "dateModified") or _from_meta(doc, _MODIFIED_META)),
        _value(_from_jsonld(ld, "datePublished") or _from_meta(doc, _PUBLISHED_META)),
    )
    reference = next((v for v in found if v is not None), None)
    doc.memo["reference_time"] = reference
    return reference


def published_time(doc: Document) -> DateValue | None:
    """The article's publication time as its JSON-LD or <meta> states it, or None."""
    ld = next(iter(doc.jsonld_of_type(*_ARTICLE_TYPES)), {})
    return _value(_from_jsonld(ld, "datePublished") or _from_meta(doc, _PUBLISHED_META))


def not_before(value: DateValue | None, floor: DateValue | None) -> bool:
    """Whether ``value`` is not earlier than ``floor`` (a comment is not older than its
    article: "2 hours ago" counted back from the publication time is not a comment's date).
    Values of different kinds (date / naive / aware) are compared by day."""
    if value is None or floor is None:
        return True
    if (
        isinstance(value, datetime)
        and isinstance(floor, datetime)
        and (value.tzinfo is None) == (floor.tzinfo is None)
    ):
        return value >= floor
    day = value.date() if isinstance(value, datetime) else value
    floor_day = floor.date() if isinstance(floor, datetime) else floor
    return day >= floor_day


_ARTICLE_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "WebPage")


def _value(found: DateFound | None) -> DateValue | None:
    return found.value if found is not None else None


def day_first(doc: Document) -> bool:
    """Whether an ambiguous "09/06/2026" is 9 June on this page: its declared language is
    not English (US English, and English pages that say no more, read it month first)."""
    lang = (doc.language or doc.meta_first("og:locale", "content-language") or "").lower()
    return bool(lang) and not lang.startswith("en")


def find_dates(
    doc: Document, ld: dict[str, Any] | None, anchor: HtmlElement | None = None
) -> Dates:
    """The page's published and modified dates, most reliable evidence first.

    ``ld`` is the article's JSON-LD object (if any); ``anchor`` the headline element,
    used to prefer dates shown next to it over dates elsewhere in the page.
    """
    ld = ld or {}
    dmy = day_first(doc)
    published = _from_jsonld(ld, "datePublished") or _from_meta(doc, _PUBLISHED_META)
    modified = _from_jsonld(ld, "dateModified") or _from_meta(doc, _MODIFIED_META)
    published = published or _from_itemprop(doc, "datePublished")
    modified = modified or _from_itemprop(doc, "dateModified")
    if published is None or modified is None:
        time_published, time_modified = _from_time_elements(doc, anchor, day_first=dmy)
        published = published or time_published
        modified = modified or time_modified
    published = (
        published
        or _from_any_jsonld(doc, "datePublished")
        or _from_jsonld(ld, "dateCreated")
        or _from_datelines(doc, anchor, day_first=dmy)
    )
    modified = modified or _from_any_jsonld(doc, "dateModified")
    relative = None
    if published is None:  # "vor 2 Stunden": resolved against the page's "now", or raw
        reference = reference_time(doc, ld)
        if reference is not None:
            published = _from_datelines(doc, anchor, day_first=dmy, reference=reference)
        if published is None:
            relative = _relative_dateline(doc, anchor)
    return Dates(published=published, modified=modified, published_relative=relative)

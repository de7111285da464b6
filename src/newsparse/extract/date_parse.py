"""Date strings to dates: absolute dates in 17 languages and relative ones.

:func:`parse_date` turns one date string (ISO 8601, RFC 2822, a Unix timestamp, or
text as news pages write it: "June 6, 2026", "9. Juni 2026, 07:30 Uhr", "9 июня 2026
г.", "2026年6月9日", "2026년 6월 9일", "ngày 9 tháng 6 năm 2026", "٩ يونيو ٢٠٢٦")
into an aware datetime when an offset is given, a naive datetime when a time is given
without one, or a ``date`` when only a day is given. Absurd values (before 1990, far
in the future, impossible days) give None: they are skipped, never raised.
:func:`search_date_text` finds such a date inside a longer text (a byline).

Relative dates ("2 hours ago", "vor 2 Stunden", "3時間前") are read by
:mod:`newsparse.extract.date_relative` and resolved only against a reference time
the caller gives (the page's own "now"). Vocabulary: :mod:`newsparse.extract.date_words`.
No third-party date library is used: this is the fast path for every page.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from newsparse.extract.date_relative import Relative, find_relative, resolve
from newsparse.extract.date_words import (
    AMPM,
    TIME_CONNECTORS,
    YEAR_SUFFIXES,
    alternation,
    month_number,
)
from newsparse.extract.dom import norm_space

__all__ = [
    "MAX_FUTURE",
    "MIN_YEAR",
    "DateValue",
    "parse_date",
    "relative_text",
    "search_date",
    "search_date_text",
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
# "01:38:07 PM IST Nov 20, 2019" (the time first)
_TIME_FIRST = _TIME + r"(?:\s*" + _OFFSET + r")?[,\s]+(?:on\s+)?" + _MDY
_TEXT_PATTERNS = (
    *(
        re.compile(r"(?<![\w])" + body + _TEXT_TAIL + r"(?![\w:])", re.IGNORECASE)
        for body in (_MDY, _DMY, _NUMERIC, _VI, _YMD)
    ),
    re.compile(r"(?<![\w:])" + _TIME_FIRST + r"(?![\w:])", re.IGNORECASE),
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
#: The patterns of absolute dates, in the order :func:`search_date_text` tries them.
_ABSOLUTE = (*_TEXT_PATTERNS, _CJK, _ISO_SEARCH)
#: A necessary condition of a match of any of :data:`_ABSOLUTE`: each holds a mandatory
#: ``(?P<year>\d{4})`` (tests/unit/test_metadata_fast_paths.py checks the patterns).
_FOUR_DIGITS = re.compile(r"\d{4}")
#: Arabic-Indic, Persian and full-width digits, read as ASCII digits (one for one).
_DIGITS = str.maketrans(
    {chr(base + i): str(i) for base in (0x0660, 0x06F0, 0xFF10) for i in range(10)}
)


_OFFSET_TEXT = re.compile(r"(?:utc|gmt)?\s?([+-])(\d{1,2})(?::?(\d{2}))?")
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")


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
    # every pattern writes the year as four digits (``\d{4}``): without four digits in a
    # row none can match, and the eight searches are passed over
    for pattern in _ABSOLUTE if _FOUR_DIGITS.search(text) else ():
        for m in pattern.finditer(text):
            if whole and len(text) - (m.end() - m.start()) > _WHOLE_SLACK:
                continue
            value = _from_match(m, now, day_first=day_first)
            if value is None:
                continue  # "2 of 2026", "10 coins 2026": not a date, look further
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

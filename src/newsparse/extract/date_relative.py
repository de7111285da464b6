"""Relative dates ("2 hours ago", "vor 2 Stunden", "hace 3 días", "3時間前", "gestern,
14:30") in the 17 languages of :mod:`newsparse.extract.date_words`.

A relative date only means something against the moment the page was rendered. It is
resolved against a *reference* time the page itself gives (see
:func:`newsparse.extract.dates.reference_time`); without one it is found (so its text
can be kept raw) but not turned into a date: :func:`resolve` returns None.

Precision follows the wording: seconds, minutes and hours give a datetime (to the
minute); days, weeks, months and years give a date; "yesterday 14:30" a datetime.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newsparse.extract.date_words import (
    DAY_PATTERN_WORDS,
    DAY_WORDS,
    DUALS,
    NOUN_WORDS,
    NOW_WORDS,
    NUMBER_PATTERN_WORDS,
    NUMBER_WORDS,
    RELATIVE_AFTER,
    RELATIVE_BEFORE,
    UNITS,
    alternation,
    fold,
)

__all__ = ["Relative", "find_relative", "resolve"]

DateValue = datetime | date


@dataclass(frozen=True)
class Relative:
    """A relative date as written: an amount of a unit before the reference, or a day
    word (0 today, -1 yesterday) with an optional time of day."""

    unit: str
    """"second", "minute", "hour", "day", "week", "month", "year", or "now"."""
    amount: int
    hour: int | None = None
    minute: int | None = None


_NUMBER = r"(?P<n>\d{1,4}|" + alternation(NUMBER_PATTERN_WORDS) + r")"
_UNIT = r"(?P<unit>" + alternation(NOUN_WORDS) + r")\.?"
_B = r"(?<![^\W\d_])"  # no letter before (CJK has no spaces, so not \b)
_E = r"(?![^\W\d_])"  # no letter after
_AGO = re.compile(
    _B + r"(?:" + _NUMBER + r"\s*)?" + _UNIT + r"\s*(?:" + alternation(RELATIVE_AFTER) + r")"
    r"(?:(?<=[前전])|" + _E + r")",
    re.IGNORECASE,
)
_SINCE = re.compile(
    _B + r"(?:" + alternation(RELATIVE_BEFORE) + r")\s+(?:" + _NUMBER + r"\s*)?" + _UNIT + _E,
    re.IGNORECASE,
)
_CLOCK = (
    r"(?:\s*,?\s*(?:um|à|a las|às|alle|om|в|о|o|saat|lúc|pukul|at|الساعة)?\s*"
    r"(?P<hh>\d{1,2})[:h](?P<mm>\d{2}))?"
)
_DAY = re.compile(
    _B + r"(?P<day>" + alternation(DAY_PATTERN_WORDS) + r")" + _E + _CLOCK,
    re.IGNORECASE,
)
_NOW = re.compile(_B + r"(?:" + alternation(NOW_WORDS) + r")" + _E, re.IGNORECASE)


def find_relative(text: str, *, whole: bool = False) -> tuple[Relative, str] | None:
    """The first relative date written in ``text``, with its text as written.

    A bare day word ("yesterday", "hier", "gestern") counts only when it makes up the
    whole text or carries a time ("hier à 14h30"): alone inside a sentence it is too
    often another word (German "hier" is "here").
    """
    for pattern in (_AGO, _SINCE):
        m = pattern.search(text)
        if m is not None:
            found = _amount(m)
            if found is not None:
                return found, m.group().strip()
    m = _DAY.search(text)
    if m is not None and (m.group("hh") or _nearly_whole(text, m)):
        offset = DAY_WORDS.get(fold(m.group("day")))
        if offset is not None:
            hour = int(m.group("hh")) if m.group("hh") else None
            minute = int(m.group("mm")) if m.group("mm") else None
            return Relative("day", -offset, hour, minute), m.group().strip()
    m = _NOW.search(text)
    if m is not None and (not whole or _nearly_whole(text, m)):
        return Relative("now", 0), m.group().strip()
    return None


def _nearly_whole(text: str, m: re.Match[str]) -> bool:
    return len(text.strip()) - len(m.group().strip()) <= 3


def _amount(m: re.Match[str]) -> Relative | None:
    word = fold(m.group("unit"))
    unit = UNITS.get(word)
    if unit is None:
        return None
    raw = m.group("n")
    if raw is None and len(word) <= 2 and word.isascii():
        return None  # "h", "m", "d" need their number ("2h ago")
    if raw is None:
        amount = 2 if word in DUALS else 1  # "an hour ago" is written "hour ago" in ru/ar
    elif raw.isdigit():
        amount = int(raw)
    else:
        amount = NUMBER_WORDS.get(fold(raw), 0)
    if amount <= 0 and unit != "second":
        return None
    return Relative(unit, amount)


_MINUTE_UNITS = {"second": 1 / 60, "minute": 1, "hour": 60}


def resolve(relative: Relative, reference: DateValue | None) -> DateValue | None:
    """The date ``relative`` stands for, counted back from ``reference``; None without
    a reference, or when the reference is too coarse (hours before a date-only value)."""
    if reference is None:
        return None
    if relative.unit == "now":
        return reference
    if relative.unit in _MINUTE_UNITS:
        if not isinstance(reference, datetime):
            return None
        delta = timedelta(minutes=relative.amount * _MINUTE_UNITS[relative.unit])
        return (reference - delta).replace(second=0, microsecond=0)
    day = reference.date() if isinstance(reference, datetime) else reference
    if relative.unit == "day":
        day -= timedelta(days=relative.amount)
    elif relative.unit == "week":
        day -= timedelta(weeks=relative.amount)
    else:
        months = relative.amount * (12 if relative.unit == "year" else 1)
        back = _months_back(day, months)
        if back is None:
            return None
        day = back
    if relative.hour is not None and relative.minute is not None:
        if relative.hour > 23 or relative.minute > 59:
            return None
        tz = reference.tzinfo if isinstance(reference, datetime) else None
        return datetime(day.year, day.month, day.day, relative.hour, relative.minute, tzinfo=tz)
    return day


def _months_back(day: date, months: int) -> date | None:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    if year < 1:
        return None
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    return date(year, month + 1, 28)  # pragma: no cover - 28 always exists

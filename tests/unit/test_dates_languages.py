"""Dates as news pages write them in 17 languages: one table per language.

Each row is a date string as a dateline, byline or comment shows it, and the value it
means (ISO format: a date, a naive datetime, or a datetime with its offset). Relative
forms count back from REFERENCE, the page's own "now" (Tuesday 9 June 2026, 12:00 at
UTC+2); without a reference they give None (their text is kept raw by the callers).
Pages not in English read "09/06/2026" day first.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import newsparse
from newsparse.extract.comments import parse_comment_date
from newsparse.extract.dates import parse_date, relative_text, search_date_text

REFERENCE = datetime(2026, 6, 9, 12, 0, tzinfo=timezone(timedelta(hours=2)))
TODAY = datetime(2026, 6, 10, tzinfo=timezone.utc)

TABLES: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("June 9, 2026", "2026-06-09"),
        ("Jun 9, 2026, 7:30 AM EDT", "2026-06-09T07:30:00-04:00"),
        ("Tuesday, June 9th, 2026 at 3:15 pm", "2026-06-09T15:15:00"),
        ("9 June 2026", "2026-06-09"),
        ("9th June 2026 07:30 BST", "2026-06-09T07:30:00+01:00"),
        ("the 9th of June, 2026", "2026-06-09"),
        ("Updated: Jun. 9, 2026 10:05 a.m. ET", "2026-06-09T10:05:00"),
        ("2 hours ago", "2026-06-09T10:00:00+02:00"),
        ("5 mins ago", "2026-06-09T11:55:00+02:00"),
        ("an hour ago", "2026-06-09T11:00:00+02:00"),
        ("3 days ago", "2026-06-06"),
        ("yesterday", "2026-06-08"),
        ("2h ago", "2026-06-09T10:00:00+02:00"),
    ],
    "de": [
        ("9. Juni 2026", "2026-06-09"),
        ("9. Juni 2026, 07:30 Uhr", "2026-06-09T07:30:00"),
        ("Dienstag, 9. Juni 2026", "2026-06-09"),
        ("09.06.2026, 07:30 Uhr", "2026-06-09T07:30:00"),
        ("09.06.2026 um 07.30 Uhr", "2026-06-09T07:30:00"),
        ("9. Jun. 2026", "2026-06-09"),
        ("9. März 2026", "2026-03-09"),
        ("am 9. Juni 2026 um 7:30 Uhr MESZ", "2026-06-09T07:30:00+02:00"),
        ("vor 2 Stunden", "2026-06-09T10:00:00+02:00"),
        ("vor einer Stunde", "2026-06-09T11:00:00+02:00"),
        ("vor 3 Tagen", "2026-06-06"),
        ("gestern, 14:30 Uhr", "2026-06-08T14:30:00+02:00"),
        ("vor 5 Min.", "2026-06-09T11:55:00+02:00"),
    ],
    "fr": [
        ("9 juin 2026", "2026-06-09"),
        ("mardi 9 juin 2026 à 07h30", "2026-06-09T07:30:00"),
        ("1er juin 2026", "2026-06-01"),
        ("9 févr. 2026", "2026-02-09"),
        ("09/06/2026 à 07:30", "2026-06-09T07:30:00"),
        ("Publié le 9 juin 2026 à 7 h 30", "2026-06-09T07:30:00"),
        ("9 décembre 2025", "2025-12-09"),
        ("il y a 2 heures", "2026-06-09T10:00:00+02:00"),
        ("il y a une heure", "2026-06-09T11:00:00+02:00"),
        ("il y a 3 jours", "2026-06-06"),
        ("hier à 14h30", "2026-06-08T14:30:00+02:00"),
    ],
    "es": [
        ("9 de junio de 2026", "2026-06-09"),
        ("martes, 9 de junio de 2026", "2026-06-09"),
        ("9 de junio de 2026, 07:30 h", "2026-06-09T07:30:00"),
        ("09/06/2026 07:30", "2026-06-09T07:30:00"),
        ("9 jun. 2026", "2026-06-09"),
        ("1 de septiembre de 2025", "2025-09-01"),
        ("9 de diciembre de 2025 a las 18:45 CET", "2025-12-09T18:45:00+01:00"),
        ("hace 2 horas", "2026-06-09T10:00:00+02:00"),
        ("hace una hora", "2026-06-09T11:00:00+02:00"),
        ("hace 3 días", "2026-06-06"),
        ("ayer a las 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "pt": [
        ("9 de junho de 2026", "2026-06-09"),
        ("terça-feira, 9 de junho de 2026", "2026-06-09"),
        ("09/06/2026 às 07h30", "2026-06-09T07:30:00"),
        ("9 de junho de 2026 às 07:30", "2026-06-09T07:30:00"),
        ("9 jun 2026", "2026-06-09"),
        ("1º de março de 2026", "2026-03-01"),
        ("9 de dezembro de 2025", "2025-12-09"),
        ("há 2 horas", "2026-06-09T10:00:00+02:00"),
        ("há 3 dias", "2026-06-06"),
        ("2 horas atrás", "2026-06-09T10:00:00+02:00"),
        ("ontem às 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "it": [
        ("9 giugno 2026", "2026-06-09"),
        ("martedì 9 giugno 2026", "2026-06-09"),
        ("9 giugno 2026 alle 07:30", "2026-06-09T07:30:00"),
        ("09/06/2026 ore 07:30", "2026-06-09T07:30:00"),
        ("9 giu 2026", "2026-06-09"),
        ("1 marzo 2026", "2026-03-01"),
        ("9 dicembre 2025, 18:45", "2025-12-09T18:45:00"),
        ("2 ore fa", "2026-06-09T10:00:00+02:00"),
        ("un'ora fa", "2026-06-09T11:00:00+02:00"),
        ("3 giorni fa", "2026-06-06"),
        ("ieri alle 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "nl": [
        ("9 juni 2026", "2026-06-09"),
        ("dinsdag 9 juni 2026", "2026-06-09"),
        ("9 juni 2026 om 07:30", "2026-06-09T07:30:00"),
        ("di 9 jun 2026, 07:30", "2026-06-09T07:30:00"),
        ("09-06-2026 07:30", "2026-06-09T07:30:00"),
        ("9 mrt 2026", "2026-03-09"),
        ("9 december 2025", "2025-12-09"),
        ("2 uur geleden", "2026-06-09T10:00:00+02:00"),
        ("een uur geleden", "2026-06-09T11:00:00+02:00"),
        ("3 dagen geleden", "2026-06-06"),
        ("gisteren om 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "tr": [
        ("9 Haziran 2026", "2026-06-09"),
        ("9 Haziran 2026 Salı", "2026-06-09"),
        ("09.06.2026 - 07:30", "2026-06-09T07:30:00"),
        ("9 Haziran 2026, 07:30", "2026-06-09T07:30:00"),
        ("9 Haz 2026", "2026-06-09"),
        ("29 MAYIS 2026", "2026-05-29"),
        ("9 Ağustos 2025", "2025-08-09"),
        ("9 Aralık 2025 10:45 TRT", "2025-12-09T10:45:00+03:00"),
        ("2 saat önce", "2026-06-09T10:00:00+02:00"),
        ("bir saat önce", "2026-06-09T11:00:00+02:00"),
        ("3 gün önce", "2026-06-06"),
        ("dün 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "ru": [
        ("9 июня 2026", "2026-06-09"),
        ("9 июня 2026 г.", "2026-06-09"),
        ("9 июня 2026 года, 07:30", "2026-06-09T07:30:00"),
        ("9 июня 2026 г., 07:30", "2026-06-09T07:30:00"),
        ("09.06.2026 07:30", "2026-06-09T07:30:00"),
        ("1 марта 2026", "2026-03-01"),
        ("9 дек. 2025", "2025-12-09"),
        ("вторник, 9 июня 2026", "2026-06-09"),
        ("2 часа назад", "2026-06-09T10:00:00+02:00"),
        ("5 минут назад", "2026-06-09T11:55:00+02:00"),
        ("час назад", "2026-06-09T11:00:00+02:00"),
        ("3 дня назад", "2026-06-06"),
        ("вчера в 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "uk": [
        ("9 червня 2026", "2026-06-09"),
        ("9 червня 2026 р.", "2026-06-09"),
        ("9 червня 2026 року, 07:30", "2026-06-09T07:30:00"),
        ("09.06.2026 07:30", "2026-06-09T07:30:00"),
        ("1 березня 2026", "2026-03-01"),
        ("9 груд. 2025", "2025-12-09"),
        ("вівторок, 9 червня 2026", "2026-06-09"),
        ("2 години тому", "2026-06-09T10:00:00+02:00"),
        ("годину тому", "2026-06-09T11:00:00+02:00"),
        ("5 хвилин тому", "2026-06-09T11:55:00+02:00"),
        ("3 дні тому", "2026-06-06"),
        ("вчора о 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "pl": [
        ("9 czerwca 2026", "2026-06-09"),
        ("9 czerwca 2026 r.", "2026-06-09"),
        ("9 czerwca 2026 r., godz. 07:30", "2026-06-09T07:30:00"),
        ("09.06.2026, 07:30", "2026-06-09T07:30:00"),
        ("1 marca 2026", "2026-03-01"),
        ("9 gru 2025", "2025-12-09"),
        ("wtorek, 9 czerwca 2026", "2026-06-09"),
        ("2 godziny temu", "2026-06-09T10:00:00+02:00"),
        ("godzinę temu", "2026-06-09T11:00:00+02:00"),
        ("5 minut temu", "2026-06-09T11:55:00+02:00"),
        ("3 dni temu", "2026-06-06"),
        ("wczoraj o 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "ja": [
        ("2026年6月9日", "2026-06-09"),
        ("2026年6月9日 7:30", "2026-06-09T07:30:00"),
        ("2026年6月9日(火) 7:30", "2026-06-09T07:30:00"),
        ("2026年6月9日（火）15時30分", "2026-06-09T15:30:00"),
        ("2026年6月9日 午後3時30分", "2026-06-09T15:30:00"),
        ("2026年6月9日 07:30 JST", "2026-06-09T07:30:00+09:00"),
        ("2026/06/09 07:30", "2026-06-09T07:30:00"),
        ("2026/6/9", "2026-06-09"),
        ("3時間前", "2026-06-09T09:00:00+02:00"),
        ("5分前", "2026-06-09T11:55:00+02:00"),
        ("2日前", "2026-06-07"),
        ("1か月前", "2026-05-09"),
        ("昨日 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "zh": [
        ("2026年6月9日", "2026-06-09"),
        ("2026年06月09日 07:30", "2026-06-09T07:30:00"),
        ("2026年6月9日 下午3:30", "2026-06-09T15:30:00"),
        ("2026年6月9日 15:30（北京时间）", "2026-06-09T15:30:00"),
        ("2026-06-09 07:30", "2026-06-09T07:30:00"),
        ("2026/06/09", "2026-06-09"),
        ("3小时前", "2026-06-09T09:00:00+02:00"),
        ("3小時前", "2026-06-09T09:00:00+02:00"),
        ("5分钟前", "2026-06-09T11:55:00+02:00"),
        ("2天前", "2026-06-07"),
        ("1个月前", "2026-05-09"),
        ("昨天 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "ko": [
        ("2026년 6월 9일", "2026-06-09"),
        ("2026년 6월 9일 오후 3:30", "2026-06-09T15:30:00"),
        ("2026년 6월 9일 오후 3시 30분", "2026-06-09T15:30:00"),
        ("2026년 6월 9일 07:30", "2026-06-09T07:30:00"),
        ("2026. 6. 9. 오후 3:30", "2026-06-09T15:30:00"),
        ("2026.06.09 07:30", "2026-06-09T07:30:00"),
        ("입력 2026.06.09 07:30", "2026-06-09T07:30:00"),
        ("3시간 전", "2026-06-09T09:00:00+02:00"),
        ("5분 전", "2026-06-09T11:55:00+02:00"),
        ("2일 전", "2026-06-07"),
        ("1개월 전", "2026-05-09"),
        ("어제 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "vi": [
        ("ngày 9 tháng 6 năm 2026", "2026-06-09"),
        ("Ngày 1 tháng 3 năm 2026", "2026-03-01"),
        ("9 tháng 6, 2026", "2026-06-09"),
        ("Thứ Ba, 9/6/2026, 07:30 (GMT+7)", "2026-06-09T07:30:00+07:00"),
        ("09/06/2026 07:30", "2026-06-09T07:30:00"),
        ("9/6/2026", "2026-06-09"),
        ("2 giờ trước", "2026-06-09T10:00:00+02:00"),
        ("5 phút trước", "2026-06-09T11:55:00+02:00"),
        ("3 ngày trước", "2026-06-06"),
        ("1 tháng trước", "2026-05-09"),
        ("hôm qua lúc 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "id": [
        ("9 Juni 2026", "2026-06-09"),
        ("Selasa, 9 Juni 2026", "2026-06-09"),
        ("Selasa, 9 Juni 2026 07:30 WIB", "2026-06-09T07:30:00+07:00"),
        ("9 Jun 2026, 07.30 WIB", "2026-06-09T07:30:00+07:00"),
        ("09/06/2026", "2026-06-09"),
        ("1 Agustus 2025", "2025-08-01"),
        ("9 Des 2025", "2025-12-09"),
        ("2 jam yang lalu", "2026-06-09T10:00:00+02:00"),
        ("5 menit lalu", "2026-06-09T11:55:00+02:00"),
        ("3 hari yang lalu", "2026-06-06"),
        ("1 bulan lalu", "2026-05-09"),
        ("kemarin pukul 14:30", "2026-06-08T14:30:00+02:00"),
    ],
    "ar": [
        ("9 يونيو 2026", "2026-06-09"),
        ("٩ يونيو ٢٠٢٦", "2026-06-09"),
        ("الثلاثاء، 9 يونيو 2026", "2026-06-09"),
        ("9 يونيو 2026 - 07:30 م", "2026-06-09T19:30:00"),
        ("٩ يونيو ٢٠٢٦ ١٠:٣٠ ص", "2026-06-09T10:30:00"),
        ("9 حزيران 2026", "2026-06-09"),
        ("9 كانون الأول 2025", "2025-12-09"),
        ("9 أغسطس 2025", "2025-08-09"),
        ("منذ ساعتين", "2026-06-09T10:00:00+02:00"),
        ("منذ 3 ساعات", "2026-06-09T09:00:00+02:00"),
        ("منذ 5 دقائق", "2026-06-09T11:55:00+02:00"),
        ("منذ يومين", "2026-06-07"),
        ("أمس", "2026-06-08"),
    ],
}

ROWS = [(lang, raw, expected) for lang, rows in TABLES.items() for raw, expected in rows]


def iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, (date, datetime)) else None


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_each_language_has_ten_forms(lang: str) -> None:
    assert len(TABLES[lang]) >= 10


@pytest.mark.parametrize(("lang", "raw", "expected"), ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS])
def test_date_forms(lang: str, raw: str, expected: str) -> None:
    """The string as a whole reads as the expected value; relative forms only with a
    reference time, and the comment reader gives the same value."""
    day_first = lang != "en"
    value = parse_date(raw, today=TODAY, reference=REFERENCE, day_first=day_first)
    assert iso(value) == expected
    if parse_date(raw, today=TODAY, day_first=day_first) is None:
        # A relative form: nothing without the page's own "now", and its text is found.
        assert relative_text(raw) is not None
        assert parse_comment_date(raw) is None
    assert iso(parse_comment_date(raw, REFERENCE, day_first=day_first)) == expected


@pytest.mark.parametrize(("lang", "raw", "expected"), ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS])
def test_date_forms_inside_a_dateline(lang: str, raw: str, expected: str) -> None:
    """Written inside a longer byline, the date is found with its text as written (a
    bare "yesterday" only counts as the whole text: see the last test)."""
    if raw in ("yesterday", "أمس"):
        return
    line = f"Redaktion · {raw} · 4 min"
    found = search_date_text(line, today=TODAY, reference=REFERENCE, day_first=lang != "en")
    assert found is not None
    assert iso(found[0]) == expected
    assert found[1] in raw or raw.endswith(found[1]) or found[1].startswith(raw[:4])


def test_absolute_dates_keep_offset_minutes_and_sign() -> None:
    for raw, offset in (
        ("9. Juni 2026, 07:30 Uhr +05:30", timedelta(hours=5, minutes=30)),
        ("9 de junio de 2026 07:30 -03:00", timedelta(hours=-3)),
        ("2026年6月9日 07:30 +05:45", timedelta(hours=5, minutes=45)),
    ):
        value = parse_date(raw, today=TODAY)
        assert isinstance(value, datetime)
        assert value.utcoffset() == offset


def test_relative_dates_without_reference_are_not_dated() -> None:
    for raw in ("vor 2 Stunden", "2 hours ago", "hace 3 días", "3時間前", "2 часа назад"):
        assert parse_date(raw, today=TODAY) is None
        assert relative_text(f"Posted {raw}") == raw


def test_a_day_word_inside_a_sentence_is_not_a_date() -> None:
    """German "hier" (here), Portuguese "hoje" in a sentence: no date without a time."""
    assert relative_text("Hier finden Sie alle Nachrichten zum Bitcoin-Kurs") is None
    assert parse_date("Hier finden Sie alle Nachrichten", reference=REFERENCE) is None


# --------------------------------------------------------------------------- in a page

def article(head: str = "", byline: str = "", comments: str = "", html_attrs: str = "") -> str:
    return (
        f"<html{html_attrs}><head>{head}<title>Bitcoin steigt</title></head><body><article>"
        f"<h1>Bitcoin steigt wieder über 62.000 Dollar</h1>"
        f'<div class="byline">Von Anna Schmidt · <span class="date">{byline}</span></div>'
        "<p>Der Bitcoin-Kurs ist am Dienstag deutlich gestiegen, nachdem die Notenbank ihre "
        "Zinsentscheidung bekannt gegeben hatte. Händler sprachen von einer Erholung.</p>"
        "<p>Auch Ether legte zu und notierte zuletzt bei rund 3.400 Dollar.</p>"
        f"</article>{comments}</body></html>"
    )


MODIFIED = '<meta property="article:modified_time" content="2026-06-09T12:00:00+02:00">'


def test_a_relative_dateline_counts_back_from_the_page_time() -> None:
    a = newsparse.parse(article(MODIFIED, "vor 2 Stunden"))
    assert a.published == datetime(2026, 6, 9, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    assert a.published_raw == "vor 2 Stunden"


def test_a_relative_dateline_without_page_time_is_kept_raw() -> None:
    a = newsparse.parse(article("", "vor 2 Stunden"))
    assert (a.published, a.published_raw) == (None, "vor 2 Stunden")


def test_the_page_stated_now_is_the_reference() -> None:
    a = newsparse.parse(article("", "vor 3 Tagen", html_attrs=' data-now="2026-06-09T08:00:00Z"'))
    assert a.published == date(2026, 6, 6)


def test_a_time_written_before_the_date() -> None:
    value = parse_date("01:38:07 PM IST Nov 20, 2019")
    assert value == datetime(2019, 11, 20, 13, 38, 7)  # IST is ambiguous: no offset


COMMENTS = (
    '<div id="comments"><div class="comment"><span class="comment-author">Jan</span>'
    '<span class="comment-date">{}</span><div class="comment-content">Guter Artikel, danke!'
    "</div></div></div>"
)
PUBLISHED = '<meta property="article:published_time" content="2026-06-09T06:00:00+02:00">'


def test_comment_dates_in_another_language() -> None:
    a = newsparse.parse(article(PUBLISHED, comments=COMMENTS.format("9. Juni 2026 um 14:35 Uhr")))
    assert a.comments[0].published == datetime(2026, 6, 9, 14, 35)


def test_relative_comment_dates_against_the_page_time() -> None:
    page = article(PUBLISHED + MODIFIED, comments=COMMENTS.format("vor 2 Stunden"))
    (comment,) = newsparse.parse(page).comments
    assert comment.published == datetime(2026, 6, 9, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    assert comment.published_raw == "vor 2 Stunden"


def test_a_relative_comment_date_before_the_article_is_not_a_date() -> None:
    """Counted back from the publication time (no later time on the page), "vor 2
    Stunden" would put the comment before the article: the raw text is kept only."""
    page = article(PUBLISHED, comments=COMMENTS.format("vor 2 Stunden"))
    (comment,) = newsparse.parse(page).comments
    assert (comment.published, comment.published_raw) == (None, "vor 2 Stunden")


def test_an_absolute_comment_date_before_the_article_is_kept() -> None:
    """An article re-published later keeps its older comments' dates."""
    page = article(PUBLISHED, comments=COMMENTS.format("3. März 2026 um 09:10 Uhr"))
    assert newsparse.parse(page).comments[0].published == datetime(2026, 3, 3, 9, 10)


def test_a_number_before_a_year_does_not_hide_the_date_after_it() -> None:
    for line in ("Vol 2 of 2026 · 9 June 2026", "Top 10 coins 2026, updated 9. Juni 2026"):
        found = search_date_text(line, today=TODAY)
        assert found is not None
        assert found[0] == date(2026, 6, 9)

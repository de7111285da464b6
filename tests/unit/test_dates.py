"""Dates: parsing date strings and finding the published / modified dates in a page."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import newsparse
from newsparse.document import load
from newsparse.extract.dates import find_dates, parse_date, search_date, search_date_text

UTC = timezone.utc
TODAY = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def _tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # ISO 8601 and its common relatives
        ("2026-06-06", date(2026, 6, 6)),
        ("2026-06-06T09:30:00+00:00", datetime(2026, 6, 6, 9, 30, tzinfo=UTC)),
        ("2026-06-06T09:30:00Z", datetime(2026, 6, 6, 9, 30, tzinfo=UTC)),
        ("2026-06-06T09:30:00.123Z", datetime(2026, 6, 6, 9, 30, 0, 123000, tzinfo=UTC)),
        ("2026-06-06T09:30:00-05:00", datetime(2026, 6, 6, 9, 30, tzinfo=_tz(-5))),
        ("2019-11-20T06:35:39+0000", datetime(2019, 11, 20, 6, 35, 39, tzinfo=UTC)),
        ("2016-02-29 00:00:00 +0100", datetime(2016, 2, 29, 0, 0, tzinfo=_tz(1))),
        ("2019-11-20 13:42:06+08:00", datetime(2019, 11, 20, 13, 42, 6, tzinfo=_tz(8))),
        ("2025-04-08T06:15:56", datetime(2025, 4, 8, 6, 15, 56)),  # no offset: naive
        ("2026/06/06", date(2026, 6, 6)),
        ("20260606", date(2026, 6, 6)),
        # English text
        ("June 6, 2026", date(2026, 6, 6)),
        ("6 June 2026", date(2026, 6, 6)),
        ("Jun. 6, 2026", date(2026, 6, 6)),
        ("Monday, June 6th, 2026", date(2026, 6, 6)),
        ("Jun 6, 2026 at 9:30 am", datetime(2026, 6, 6, 9, 30)),
        ("Jun 6, 2026 at 9:30 pm EST", datetime(2026, 6, 6, 21, 30, tzinfo=_tz(-5))),
        ("November 19, 2019, 07:47 PM EST", datetime(2019, 11, 19, 19, 47, tzinfo=_tz(-5))),
        ("11 April 2025, 08:15 GMT+0000", datetime(2025, 4, 11, 8, 15, tzinfo=UTC)),
        ("12:30 pm", None),
        # RFC 2822
        ("Tue, 19 Nov 2019 13:03:00 GMT", datetime(2019, 11, 19, 13, 3, tzinfo=UTC)),
        ("Mon, 18 Nov 2019 16:07:38 -0600", datetime(2019, 11, 18, 16, 7, 38, tzinfo=_tz(-6))),
        # other languages, numeric day-first
        ("25. September 2018", date(2018, 9, 25)),
        ("25 de septiembre de 2018", date(2018, 9, 25)),
        ("3 März 2021", date(2021, 3, 3)),
        ("06.07.2026", date(2026, 7, 6)),
        ("25/12/2025", date(2025, 12, 25)),
        # epoch seconds
        ("1574168580", datetime(2019, 11, 19, 13, 3, tzinfo=UTC)),
        # absurd or broken values are skipped, never raised
        ("0000-00-00", None),
        ("0000-00-00T00:00:00Z", None),
        ("99999-01-01", None),
        ("1970-01-01", None),
        ("1989-12-31", None),
        ("2150-01-01", None),
        ("2026-13-01", None),
        ("2026-02-30", None),
        ("2026-06-06T25:00:00Z", None),
        ("2026-06-06T09:30:00+25:00", datetime(2026, 6, 6, 9, 30)),
        ("00:00:00 +0100", None),
        ("1 hour ago", None),
        ("yesterday", None),
        ("", None),
        ("   ", None),
        ("x" * 5000, None),
    ],
)
def test_parse_date(raw: str, expected: object) -> None:
    assert parse_date(raw, today=TODAY) == expected


@pytest.mark.parametrize("value", [None, 20260606, 3.5, ["2026-06-06"], {"a": 1}])
def test_parse_date_ignores_non_strings(value: object) -> None:
    assert parse_date(value) is None


def test_far_future_is_relative_to_today() -> None:
    assert parse_date("2027-06-01", today=TODAY) == date(2027, 6, 1)
    assert parse_date("2028-06-01", today=TODAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Aisha Okonkwo | June 6, 2026", date(2026, 6, 6)),
        ("Published June 6, 2026 at 9:30 am", datetime(2026, 6, 6, 9, 30)),
        ("VICTOR TANGERMANN, FUTURISM 18 NOV 2019", date(2019, 11, 18)),
        ("Von Moritz Bachmann publiziert am 25. September 2018", date(2018, 9, 25)),
        ("Posted 2019-11-18T20:51:19Z in Science", datetime(2019, 11, 18, 20, 51, 19, tzinfo=UTC)),
        ("No date here, only 42 words", None),
    ],
)
def test_search_date_in_text(text: str, expected: object) -> None:
    assert search_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated Nov 20, 2019 Published Nov 19, 2019", date(2019, 11, 19)),
        ("Published Nov 19, 2019 | Updated Nov 20, 2019", date(2019, 11, 19)),
        ("Last updated: 20 Nov 2019", date(2019, 11, 20)),  # nothing better to give
    ],
)
def test_published_date_skips_updated_dates(text: str, expected: object) -> None:
    found = search_date_text(text, today=TODAY, published=True)
    assert found is not None
    assert found[0] == expected


def _dates(html: str) -> tuple[object, str | None, object, str | None]:
    doc = load(html)
    from newsparse.extract.metadata import main_jsonld

    found = find_dates(doc, main_jsonld(doc), None)
    pub, mod = found.published, found.modified
    return (
        pub.value if pub else None,
        pub.raw if pub else None,
        mod.value if mod else None,
        mod.raw if mod else None,
    )


_LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    ("head", "body", "published", "modified"),
    [
        (  # JSON-LD
            _LD.format(
                '{"@type":"NewsArticle","datePublished":"2026-06-06T09:30:00+02:00",'
                '"dateModified":"2026-06-07"}'
            ),
            "",
            datetime(2026, 6, 6, 9, 30, tzinfo=_tz(2)),
            date(2026, 6, 7),
        ),
        (  # JSON-LD inside @graph, with a WebPage first
            _LD.format(
                '{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},'
                '{"@type":"Article","headline":"H","datePublished":"2026-06-06"}]}'
            ),
            "",
            date(2026, 6, 6),
            None,
        ),
        (  # Open Graph article meta
            '<meta property="article:published_time" content="2026-06-06T09:30:00Z">'
            '<meta property="article:modified_time" content="2026-06-06T11:05:00Z">',
            "",
            datetime(2026, 6, 6, 9, 30, tzinfo=UTC),
            datetime(2026, 6, 6, 11, 5, tzinfo=UTC),
        ),
        (  # other meta names
            '<meta name="pubdate" content="20260606"><meta name="lastmod" content="2026-06-08">',
            "",
            date(2026, 6, 6),
            date(2026, 6, 8),
        ),
        (  # a broken JSON-LD date falls through to the meta
            _LD.format('{"@type":"NewsArticle","datePublished":"0000-00-00"}')
            + '<meta property="article:published_time" content="2026-06-06">',
            "",
            date(2026, 6, 6),
            None,
        ),
        (  # microdata
            "",
            '<article><meta itemprop="datePublished" content="2026-06-06T09:30:00+00:00">'
            '<span itemprop="dateModified">June 7, 2026</span><p>Text</p></article>',
            datetime(2026, 6, 6, 9, 30, tzinfo=UTC),
            date(2026, 6, 7),
        ),
        (  # <time> elements: published and updated by class
            "",
            '<article><header><h1>T</h1><time class="entry-date published" '
            'datetime="2026-06-06T09:30:00+00:00">June 6</time><time class="updated" '
            'datetime="2026-06-06T11:05:00+00:00">later</time></header></article>',
            datetime(2026, 6, 6, 9, 30, tzinfo=UTC),
            datetime(2026, 6, 6, 11, 5, tzinfo=UTC),
        ),
        (  # a <time> in the comments is not the article's date
            "",
            '<article><h1>T</h1><p>Text</p></article><div class="comments">'
            '<time datetime="2026-06-09T10:00:00Z">June 9</time></div>',
            None,
            None,
        ),
        (  # a <time> inside a layout wrapper named "...Sidebar" still counts
            "",
            '<div class="theiaStickySidebar"><h1>T</h1><time datetime="2026-06-06">June 6'
            "</time><p>Text</p></div>",
            date(2026, 6, 6),
            None,
        ),
        (  # a visible dateline
            "",
            '<article><h1>T</h1><div class="post-date">Posted on Jun 6, 2026 at 9:30 am'
            "</div><p>Text</p></article>",
            datetime(2026, 6, 6, 9, 30),
            None,
        ),
    ],
)
def test_find_dates(head: str, body: str, published: object, modified: object) -> None:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    pub, _, mod, _ = _dates(html)
    assert (pub, mod) == (published, modified)


def test_raw_string_is_kept() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2016-02-29 00:00:00 +0100">'
        "</head><body><p>x</p></body></html>"
    )
    _, raw, _, _ = _dates(html)
    assert raw == "2016-02-29 00:00:00 +0100"


def test_visible_date_raw_is_the_date_text() -> None:
    html = (
        '<html><body><article><h1>T</h1><div class="date">Updated by nobody. '
        "Published: 6 June 2026</div><p>Text</p></article></body></html>"
    )
    pub, raw, _, _ = _dates(html)
    assert pub == date(2026, 6, 6)
    assert raw == "6 June 2026"


@pytest.mark.parametrize(
    "value",
    ['"0000-00-00T00:00:00Z"', '"99999-12-31"', "20260606", "null", '["x"]', '{"a": 1}'],
)
def test_bad_jsonld_dates_never_break_the_article(value: str) -> None:
    ld = f'{{"@type": "NewsArticle", "datePublished": {value}, "dateModified": {value}}}'
    html = f"<html><head>{_LD.format(ld)}</head><body><h1>Title</h1><p>Body.</p></body></html>"
    article = newsparse.parse(html)
    assert article.published is None
    assert article.modified is None
    article.model_dump(mode="json")

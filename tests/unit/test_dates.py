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


def assert_same(got: object, expected: object) -> None:
    """``got`` is ``expected`` as written: same type, same wall-clock value, same offset.

    ``==`` on aware datetimes compares instants, so 09:30+05:30 would equal 04:00Z:
    a dropped or flipped offset that also moved the clock would pass.  This compares
    the fields and ``utcoffset()`` themselves.
    """
    assert type(got) is type(expected), (got, expected)
    if isinstance(expected, datetime):
        assert isinstance(got, datetime)
        assert got.replace(tzinfo=None) == expected.replace(tzinfo=None), (got, expected)
        assert got.utcoffset() == expected.utcoffset(), (got, expected)
    else:
        assert got == expected


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
    assert_same(parse_date(raw, today=TODAY), expected)


def _offset(hours: int, minutes: int = 0) -> timedelta:
    """The offset of a zone ``hours``:``minutes`` east (negative ``hours``: west) of UTC."""
    sign = -1 if hours < 0 else 1
    return sign * timedelta(hours=abs(hours), minutes=minutes)


@pytest.mark.parametrize(
    ("raw", "wall", "offset"),
    [
        # half-hour zones (India, Newfoundland, Marquesas), east and west
        ("2026-06-06T09:30:00+05:30", (2026, 6, 6, 9, 30), _offset(5, 30)),
        ("2026-06-06T09:30:00+0530", (2026, 6, 6, 9, 30), _offset(5, 30)),
        ("2026-06-06 09:30 +05:30", (2026, 6, 6, 9, 30), _offset(5, 30)),
        ("2026-06-06T21:15:00-03:30", (2026, 6, 6, 21, 15), _offset(-3, 30)),
        ("2026-06-06T09:30:00-09:30", (2026, 6, 6, 9, 30), _offset(-9, 30)),
        ("2026-06-06T09:30:00-00:30", (2026, 6, 6, 9, 30), -timedelta(minutes=30)),
        # 45-minute zones (Nepal, Chatham Islands)
        ("2026-06-06T09:30:00+05:45", (2026, 6, 6, 9, 30), _offset(5, 45)),
        ("2026-06-06T09:30:00+12:45", (2026, 6, 6, 9, 30), _offset(12, 45)),
        ("Sat, 06 Jun 2026 09:30:00 +0545", (2026, 6, 6, 9, 30), _offset(5, 45)),
        # whole-hour negative and positive zones, written every way
        ("2026-06-06T09:30:00-05:00", (2026, 6, 6, 9, 30), _offset(-5)),
        ("2026-06-06T09:30:00+09:00", (2026, 6, 6, 9, 30), _offset(9)),
        ("Mon, 18 Nov 2019 16:07:38 -0600", (2019, 11, 18, 16, 7), _offset(-6)),
        ("Jun 6, 2026 at 9:30 pm EST", (2026, 6, 6, 21, 30), _offset(-5)),
        ("Jun 6, 2026 at 9:30 pm PDT", (2026, 6, 6, 21, 30), _offset(-7)),
        ("June 6, 2026 9:30 am GMT+05:30", (2026, 6, 6, 9, 30), _offset(5, 30)),
        ("6 June 2026 09:30 UTC-03:30", (2026, 6, 6, 9, 30), _offset(-3, 30)),
        # UTC written as Z, +00:00, GMT
        ("2026-06-06T09:30:00Z", (2026, 6, 6, 9, 30), timedelta(0)),
        ("2026-06-06T09:30:00z", (2026, 6, 6, 9, 30), timedelta(0)),
        ("2026-06-06T09:30:00+00:00", (2026, 6, 6, 9, 30), timedelta(0)),
        ("Tue, 19 Nov 2019 13:03:00 GMT", (2019, 11, 19, 13, 3), timedelta(0)),
    ],
)
def test_offsets_are_kept_as_written(
    raw: str, wall: tuple[int, int, int, int, int], offset: timedelta
) -> None:
    """The wall-clock time and the offset are the page's own, not shifted to another zone."""
    got = parse_date(raw, today=TODAY)
    assert isinstance(got, datetime), got
    assert (got.year, got.month, got.day, got.hour, got.minute) == wall
    assert got.utcoffset() == offset


@pytest.mark.parametrize(
    "raw", ["2026-06-06", "June 6, 2026", "6 June 2026", "06.06.2026", "2026/06/06", "20260606"]
)
def test_date_only_values_stay_dates(raw: str) -> None:
    """A day without a time is a ``date``: no invented midnight, no invented zone."""
    got = parse_date(raw, today=TODAY)
    assert type(got) is date
    assert got == date(2026, 6, 6)


def test_epoch_seconds_are_utc() -> None:
    got = parse_date("1780738200", today=TODAY)
    assert isinstance(got, datetime)
    assert got.utcoffset() == timedelta(0)
    assert (got.hour, got.minute) == (9, 30)


def test_assert_same_sees_offsets() -> None:
    """The helper itself: equal instants in two zones are not the same date as written."""
    india = datetime(2026, 6, 6, 9, 30, tzinfo=_tz(5.5))
    assert india == datetime(2026, 6, 6, 4, 0, tzinfo=UTC)  # what plain == would accept
    with pytest.raises(AssertionError):
        assert_same(datetime(2026, 6, 6, 4, 0, tzinfo=UTC), india)
    with pytest.raises(AssertionError):
        assert_same(datetime(2026, 6, 6, 9, 30), india)
    with pytest.raises(AssertionError):
        assert_same(datetime(2026, 6, 6), date(2026, 6, 6))


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
    assert_same(search_date(text, today=TODAY), expected)


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
    assert_same(found[0], expected)


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
        (  # JSON-LD with a half-hour zone west of UTC
            _LD.format(
                '{"@type":"NewsArticle","datePublished":"2026-06-06T09:30:00-09:30",'
                '"dateModified":"2026-06-07T10:00:00+05:45"}'
            ),
            "",
            datetime(2026, 6, 6, 9, 30, tzinfo=_tz(-9.5)),
            datetime(2026, 6, 7, 10, 0, tzinfo=_tz(5.75)),
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
        (  # <time> elements with half-hour and 45-minute zones
            "",
            '<article><header><h1>T</h1><time class="published" '
            'datetime="2026-06-06T09:30:00+05:30">June 6</time><time class="updated" '
            'datetime="2026-06-06T11:05:00+12:45">later</time></header></article>',
            datetime(2026, 6, 6, 9, 30, tzinfo=_tz(5.5)),
            datetime(2026, 6, 6, 11, 5, tzinfo=_tz(12.75)),
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
        (  # a visible dateline with a written offset
            "",
            '<article><h1>T</h1><div class="post-date">Posted on Jun 6, 2026 at 9:30 am '
            "GMT+05:45</div><p>Text</p></article>",
            datetime(2026, 6, 6, 9, 30, tzinfo=_tz(5.75)),
            None,
        ),
    ],
)
def test_find_dates(head: str, body: str, published: object, modified: object) -> None:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    pub, _, mod, _ = _dates(html)
    assert_same(pub, published)
    assert_same(mod, modified)


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


_OFFSET_PAGE = """<html><head><title>T</title>
<meta property="article:published_time" content="2026-06-06T09:30:00+05:30"></head>
<body><article><h1>Rates held steady</h1>
<p>The central bank kept its benchmark rate unchanged on Tuesday, citing slower growth.</p>
<p>Analysts had expected the decision, although several argued for an earlier cut.</p></article>
<div id="comments"><ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">Ann</b></div><div class="comment-metadata">
<time datetime="2026-06-06T12:00:00-03:30">June 6</time></div></footer>
<div class="comment-content"><p>First comment here.</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta">
<div class="comment-author vcard"><b class="fn">Bob</b></div><div class="comment-metadata">
<time datetime="2026-06-06T13:00:00+05:45">June 6</time></div></footer>
<div class="comment-content"><p>Second comment here.</p></div></article></li>
</ol></div></body></html>"""


def test_article_and_comment_offsets_survive_parse_and_json() -> None:
    """Through the public API: the article's and each comment's offset as the page gives it."""
    article = newsparse.parse(_OFFSET_PAGE)
    assert_same(article.published, datetime(2026, 6, 6, 9, 30, tzinfo=_tz(5.5)))
    assert article.published_raw == "2026-06-06T09:30:00+05:30"
    comments = {c.author: c.published for c in article.iter_comments()}
    assert set(comments) == {"Ann", "Bob"}
    assert_same(comments["Ann"], datetime(2026, 6, 6, 12, 0, tzinfo=_tz(-3.5)))
    assert_same(comments["Bob"], datetime(2026, 6, 6, 13, 0, tzinfo=_tz(5.75)))
    data = article.model_dump(mode="json")
    assert data["published"] == "2026-06-06T09:30:00+05:30"
    assert [c["published"] for c in data["comments"]] == [
        "2026-06-06T12:00:00-03:30",
        "2026-06-06T13:00:00+05:45",
    ]

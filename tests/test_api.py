"""The public API: input types, the error hierarchy, the JSON shape."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import newsparse
from newsparse import (
    Article,
    EmptyInputError,
    InputTooLargeError,
    Limits,
    NewsparseError,
    NotHTMLError,
    Parser,
    TickerQuote,
    UnsupportedInputError,
)

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Le marché recule | Site</title></head><body>
<article><h1>Le marché recule</h1>
<p>Le bitcoin a perdu 3 % ce matin, entraînant le reste du marché dans sa chute.</p>
<p>Les analystes restent prudents : « la volatilité reste élevée », selon l’un d’eux.</p>
<p><a href="/analyse">Lire l’analyse complète</a> de notre équipe sur les marchés.</p>
</article></body></html>"""


def test_str_bytes_and_soup_give_the_same_article() -> None:
    from_str = newsparse.parse(PAGE, url="https://news.example/a/1")
    from_bytes = newsparse.parse(PAGE.encode("utf-8"), url="https://news.example/a/1")
    from_latin = newsparse.parse(
        PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("iso-8859-1", "replace"),
        url="https://news.example/a/1",
    )
    from_soup = newsparse.parse(BeautifulSoup(PAGE, "html.parser"), url="https://news.example/a/1")
    assert from_str.title == "Le marché recule"
    assert from_str.text == from_bytes.text == from_soup.text
    assert "entraînant" in from_latin.text
    assert from_str.language == "fr"


def test_url_is_stored_and_resolves_links() -> None:
    article = newsparse.parse(PAGE, url="https://news.example/a/1")
    assert article.url == "https://news.example/a/1"
    assert "(https://news.example/analyse)" in article.to_markdown()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        ("   \n\t ", EmptyInputError),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>", NotHTMLError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NotHTMLError),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", NotHTMLError),
        ('{"title": "not a page", "body": "<p>x</p>"}', NotHTMLError),
        ("just some words, no markup at all", NotHTMLError),
        (bytes(range(256)) * 8, NotHTMLError),
    ],
)
def test_bad_input_raises_a_newsparse_error(data: str | bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        newsparse.parse(data)
    assert isinstance(info.value, NewsparseError)
    assert isinstance(info.value, ValueError)
    assert str(info.value)


def test_size_limit_is_configurable() -> None:
    parser = Parser(limits=Limits(max_bytes=1000))
    with pytest.raises(InputTooLargeError) as info:
        parser.parse("<p>" + "x" * 2000 + "</p>")
    assert info.value.limit == 1000 and info.value.size > 1000
    small = "<article><p>A small page with one paragraph of article text in it.</p></article>"
    assert parser.parse(small).text == "A small page with one paragraph of article text in it."


@pytest.mark.parametrize("value", [None, 42, ["<p>x</p>"], object()])
def test_unsupported_types(value: object) -> None:
    with pytest.raises(UnsupportedInputError):
        newsparse.parse(value)


def test_page_without_article_gives_empty_body() -> None:
    article = newsparse.parse("<html><head><title>Empty</title></head><body></body></html>")
    assert article.body == [] and article.text == "" and article.sections == []
    assert article.comments == [] and article.tickers == [] and article.takeaways == []


def test_json_shape_matches_the_scorer() -> None:
    article = Article(
        title="T",
        published=datetime.fromisoformat("2026-06-06T09:30:00+00:00"),
        modified=date(2026, 6, 7),
        tickers=[
            TickerQuote(
                symbol="BTC",
                price=Decimal("61321.00"),
                price_raw="$61,321.00",
                currency="USD",
                change_percent=Decimal("-1.9"),
            )
        ],
    )
    data = json.loads(json.dumps(article.model_dump(mode="json")))
    assert data["published"] == "2026-06-06T09:30:00Z"
    assert data["modified"] == "2026-06-07"
    assert data["tickers"][0]["price"] == "61321.00"
    assert data["tickers"][0]["change_percent"] == "-1.9"
    for key in (
        "title",
        "authors",
        "published",
        "text",
        "sections",
        "takeaways",
        "comments",
        "tickers",
        "disclaimer",
    ):
        assert key in data
    assert Article.model_validate(data) == article


def test_json_keeps_the_offset_of_a_half_hour_zone() -> None:
    """Dumped and read back, +05:30 keeps its wall clock and offset (not only its instant)."""
    article = Article(title="T", published=datetime.fromisoformat("2026-06-06T09:30:00+05:30"))
    data = json.loads(json.dumps(article.model_dump(mode="json")))
    assert data["published"] == "2026-06-06T09:30:00+05:30"
    back = Article.model_validate(data).published
    assert isinstance(back, datetime)
    assert back.replace(tzinfo=None) == datetime(2026, 6, 6, 9, 30)
    assert back.utcoffset() == timedelta(hours=5, minutes=30)


def test_seed_page_dates_in_json() -> None:
    """The seed page says 2026-06-06T09:30:00+00:00 (published), 11:05 the same day (modified)."""
    page = Path(__file__).resolve().parent / "fixtures" / "crypto-news-page.html"
    data = newsparse.parse(page.read_bytes()).model_dump(mode="json")
    assert data["published"] == "2026-06-06T09:30:00Z"
    assert data["published_raw"] == "2026-06-06T09:30:00+00:00"
    assert data["modified"] == "2026-06-06T11:05:00Z"


def test_every_model_field_is_documented() -> None:
    for model in (getattr(newsparse, name) for name in newsparse.__all__):
        fields = getattr(model, "model_fields", None)
        if not isinstance(fields, dict):
            continue
        for name, info in fields.items():
            assert info.description, f"{model.__name__}.{name} has no description"


def test_an_extractor_bug_becomes_an_extraction_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsparse import ExtractionError, parser

    def broken(doc: object) -> object:
        raise KeyError("boom")

    monkeypatch.setitem(parser.WIDGETS, "tickers", broken)
    with pytest.raises(ExtractionError) as info:
        newsparse.parse(PAGE)
    assert info.value.stage == "tickers"
    assert isinstance(info.value.__cause__, KeyError)
    assert isinstance(info.value, NewsparseError)


def test_too_many_elements_is_a_size_error() -> None:
    from newsparse import TooManyElementsError

    parser = Parser(limits=Limits(max_elements=50))
    with pytest.raises(TooManyElementsError) as info:
        parser.parse("<html><body>" + "<p>x</p>" * 100 + "</body></html>")
    assert isinstance(info.value, InputTooLargeError)
    assert info.value.limit == 50 and info.value.size > 100
    assert "elements" in str(info.value)

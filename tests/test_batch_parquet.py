"""Typed Parquet columns (issue 13, 6): dates as UTC timestamps with date-only and
local-time flags, prices as decimals; read back with pyarrow and pandas (Spark: in
tests/test_spark.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Article
from newsparse.batch import Result
from newsparse.batch.schema import from_columns
from newsparse.batch.writers import ParquetWriter, result_schema
from newsparse.models import Comment, PriceMention, TickerQuote

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (the 'parquet' extra)")
pq = pytest.importorskip("pyarrow.parquet")

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "crypto-news-page.html"
PLUS_2 = timezone(timedelta(hours=2))


def _articles() -> list[Article]:
    seed = newsparse.parse(FIXTURE.read_bytes(), "https://example.com/seed")
    aware = Article(
        title="aware", published=datetime(2026, 6, 6, 11, 30, tzinfo=PLUS_2),
        published_raw="2026-06-06T11:30:00+02:00", modified=date(2026, 6, 7),
        modified_raw="June 7, 2026",
        tickers=[TickerQuote(symbol="SHIB", price=Decimal("0.00001234"), price_raw="$0.00001234",
                             change_percent=Decimal("-1.9"))],
        mentions={"prices": [PriceMention(amount=Decimal("60853"), currency="USD",
                                          raw="$60,853", sentence="s", start=0, end=7)]},
        comments=[Comment(text="c", published=datetime(2026, 6, 6, 12, 0),
                          published_raw="06/06/2026 12:00")],
    )
    naive = Article(title="local", published=datetime(2026, 6, 6, 9, 30),
                    published_raw="6 June 2026, 9:30")
    return [seed, aware, naive]


@pytest.fixture
def table(tmp_path: Path) -> Any:
    out = tmp_path / "out.parquet"
    with ParquetWriter(out) as writer:
        for i, article in enumerate(_articles()):
            writer.write(Result(source=f"p{i}.html", article=article))
        writer.write(Result.failure("bad.html", "NotHTMLError", "binary"))
    return pq.read_table(out)


def test_arrow_types(table: Any) -> None:
    article = table.schema.field("article").type
    assert article.field("published").type == pa.timestamp("us", tz="UTC")
    assert article.field("published_date_only").type == pa.bool_()
    assert article.field("published_local").type == pa.bool_()
    assert article.field("published_raw").type == pa.string()
    ticker = article.field("tickers").type.value_type
    assert ticker.field("price").type == pa.decimal128(38, 18)
    assert ticker.field("change_percent").type == pa.decimal128(38, 18)
    mention = article.field("mentions").type.field("prices").type.value_type
    assert mention.field("amount").type == pa.decimal128(38, 18)
    comment = article.field("comments").type.value_type
    assert comment.field("published").type == pa.timestamp("us", tz="UTC")


def test_values_in_utc_with_flags(table: Any) -> None:
    rows = table.column("article").to_pylist()
    seed, aware, naive, failed = rows
    utc = timezone.utc
    assert failed is None
    assert aware["published"] == datetime(2026, 6, 6, 9, 30, tzinfo=utc)  # 11:30+02:00
    assert aware["published_raw"] == "2026-06-06T11:30:00+02:00"
    assert (aware["published_date_only"], aware["published_local"]) == (False, False)
    assert aware["modified"] == datetime(2026, 6, 7, tzinfo=utc)
    assert (aware["modified_date_only"], aware["modified_local"]) == (True, False)
    assert naive["published"] == datetime(2026, 6, 6, 9, 30, tzinfo=utc)
    assert (naive["published_date_only"], naive["published_local"]) == (False, True)
    assert aware["comments"][0]["published_local"] is True
    assert aware["tickers"][0]["price"] == Decimal("0.00001234")
    assert aware["tickers"][0]["change_percent"] == Decimal("-1.9")
    assert aware["mentions"]["prices"][0]["amount"] == Decimal("60853")
    assert naive["modified"] is None and naive["modified_date_only"] is None
    # the seed page: its published value, read from the page, in UTC
    parsed = newsparse.parse(FIXTURE.read_bytes())
    assert isinstance(parsed.published, datetime) and parsed.published.tzinfo is not None
    assert seed["published"] == parsed.published.astimezone(utc)
    assert [t["price"] for t in seed["tickers"]] == [t.price for t in parsed.tickers]


def test_round_trip_to_the_models(table: Any) -> None:
    tree = result_schema()
    back = [Result.model_validate(from_columns(row, tree)) for row in table.to_pylist()]
    assert [r.article for r in back[:3]] == _articles()  # aware datetimes compare as instants
    assert back[1].article is not None and back[1].article.modified == date(2026, 6, 7)
    assert back[2].article is not None and back[2].article.published == datetime(2026, 6, 6, 9, 30)
    assert back[3].error is not None and back[3].error.type == "NotHTMLError"


def test_pandas_reads_typed_columns(table: Any) -> None:
    """Before: the column held date-only, naive and aware strings mixed, and
    pandas.to_datetime(utc=True) failed on them; prices were strings."""
    pd = pytest.importorskip("pandas")
    flat = table.flatten().to_pandas()
    published = flat["article.published"]
    assert isinstance(published.dtype, pd.DatetimeTZDtype) and str(published.dtype.tz) == "UTC"
    assert pd.to_datetime(published, utc=True).iloc[1] == pd.Timestamp("2026-06-06 09:30Z")
    modified = pd.to_datetime(flat["article.modified"], utc=True)
    assert modified.iloc[1] == pd.Timestamp("2026-06-07", tz="UTC")
    tickers = flat["article.tickers"].iloc[1]
    assert tickers[0]["price"] == Decimal("0.00001234")

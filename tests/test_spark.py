"""newsparse.spark on a local[2] Spark: every row back with an article or an error, and
the articles equal parse()'s.

Pages: the aeb-dev corpus (../shared/corpora/aeb-dev) repeated to a few hundred
rows, or generated pages when the corpus is absent. Skips (with the reason)
only where pyspark, pyarrow or a Java runtime is missing.
"""

from __future__ import annotations

import gzip
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Article
from test_batch import page_html

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (the 'spark' extra)")
pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (the 'spark' extra)")
pq = pytest.importorskip("pyarrow.parquet")

if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("no Java runtime (java on PATH or JAVA_HOME): Spark cannot start",
                allow_module_level=True)

from newsparse.spark import (  # noqa: E402 - after the skips
    article_from_row,
    article_schema,
    error_schema,
    parse_dataframe,
)

AEB = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "aeb-dev" / "html"
COPIES = 3


def _pages() -> list[tuple[str, bytes]]:
    files = sorted(AEB.glob("*.html.gz")) if AEB.is_dir() else []
    if files:
        return [(f.name.split(".")[0], gzip.decompress(f.read_bytes())) for f in files]
    return [(f"gen{i}", page_html(i).encode()) for i in range(60)]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    previous = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors' Python: this venv's
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsparse-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        if previous is None:
            os.environ.pop("PYSPARK_PYTHON", None)
        else:
            os.environ["PYSPARK_PYTHON"] = previous


BAD_ROWS: list[tuple[str, str | None, str | None, str]] = [
    ("bad-null", "https://example.com/null", None, "EmptyInputError"),
    ("bad-empty", None, "", "EmptyInputError"),
    ("bad-blank", None, "   \n  ", "EmptyInputError"),
    ("bad-pdf", None, "%PDF-1.7 binary stuff", "NotHTMLError"),
    ("bad-json", None, '{"not": "html"}', "NotHTMLError"),
]


def test_parse_dataframe_on_local_spark(spark: Any, tmp_path: Path) -> None:
    pages = _pages()
    ids: list[str] = []
    urls: list[str | None] = []
    htmls: list[str | None] = []
    for copy in range(COPIES):
        for name, html in pages:
            ids.append(f"{name}-{copy}")
            urls.append(f"https://example.com/{name}")
            htmls.append(html.decode("utf-8", errors="replace"))
    for key, url, html, _ in BAD_ROWS:
        ids.append(key)
        urls.append(url)
        htmls.append(html)
    path = tmp_path / "pages.parquet"
    pq.write_table(pa.table({"id": ids, "url": urls, "html": htmls}), path)

    df = spark.read.parquet(str(path))
    parsed = parse_dataframe(df)
    assert parsed.columns == ["id", "url", "html", "article", "error"]
    assert parsed.schema["article"].dataType == article_schema()
    assert parsed.schema["error"].dataType == error_schema()
    names = [f.name for f in article_schema().fields]
    assert [n for n in names if not n.endswith(("_date_only", "_local"))] == list(
        Article.model_fields
    )

    rows = parsed.select("id", "url", "article", "error").collect()
    assert sorted(r.id for r in rows) == sorted(ids)  # every input row exactly once
    assert all((r.article is None) != (r.error is None) for r in rows)

    expected: dict[str, dict[str, Any]] = {}
    for name, html in pages:
        expected[name] = newsparse.parse(
            html.decode("utf-8", errors="replace"), f"https://example.com/{name}"
        ).model_dump(mode="json")
    bad = {key: kind for key, _, _, kind in BAD_ROWS}
    for row in rows:
        if row.id in bad:
            assert row.article is None and row.error.type == bad[row.id], row.id
            continue
        assert row.error is None, (row.id, row.error)
        article = article_from_row(row.article)
        assert article is not None
        # equal models; the JSON differs only in offsets (timestamps come back in UTC)
        want = Article.model_validate(expected[row.id.rsplit("-", 1)[0]])
        assert article == want, row.id


def test_binary_html_with_an_encoding_column(spark: Any) -> None:
    html = page_html(1, "Caf\xe9 cr\xe8me").encode("iso-8859-1")
    df = spark.createDataFrame(
        [(html, "iso-8859-1", "https://example.com/latin"), (b"\x00\x01\x02", None, None)],
        "page binary, charset string, link string",
    )
    rows = parse_dataframe(
        df, html_col="page", url_col="link", encoding_col="charset", article_col="parsed"
    ).collect()
    first = article_from_row(rows[0].parsed)
    assert first is not None and "Café crème" in first.text
    assert first.url == "https://example.com/latin"
    assert rows[1].parsed is None and rows[1].error.type == "NotHTMLError"


def test_bad_column_names_fail_early(spark: Any) -> None:
    df = spark.createDataFrame([("<p>x</p>",)], "body string")
    with pytest.raises(ValueError, match="no column 'html'"):
        parse_dataframe(df)
    with pytest.raises(ValueError, match="already has a column 'body'"):
        parse_dataframe(df, html_col="body", article_col="body")


def test_time_limit_and_crashes_inside_spark(spark: Any) -> None:
    from test_batch import flaky_parse

    # The executors import the hook from the shipped file, as a job ships its own code.
    spark.sparkContext.addPyFile(str(Path(__file__).resolve().parent / "test_batch.py"))
    df = spark.createDataFrame(
        [
            ("ok", page_html(1)),
            ("hang", page_html(2, "HANG")),
            ("crash", page_html(3, "CRASH")),
            ("boom", page_html(4, "BOOM")),
            ("null", None),
        ],
        "id string, html string",
    ).coalesce(1)
    rows = {
        r.id: r
        for r in parse_dataframe(df, url_col=None, timeout=10, parse_fn=flaky_parse).collect()
    }
    assert rows["ok"].error is None and rows["ok"].article.title == "Story 1"
    assert rows["hang"].error.type == "ParseTimeoutError"
    assert rows["crash"].error.type == "WorkerCrashedError"
    assert (rows["boom"].error.type, rows["boom"].error.message) == (
        "RuntimeError", "boom in the extractor"
    )
    assert rows["null"].error.type == "EmptyInputError"


def test_typed_columns_in_spark(spark: Any, tmp_path: Path) -> None:
    """Dates as UTC timestamps (with flags), prices as decimals (issue 13, 6): in
    parse_dataframe's column and in newsparse batch's Parquet read by Spark."""
    from datetime import datetime
    from decimal import Decimal

    from pyspark.sql import types as T

    from newsparse.batch import Result
    from newsparse.batch.writers import ParquetWriter
    from test_batch_parquet import _articles

    out = tmp_path / "out.parquet"
    with ParquetWriter(out) as writer:
        for i, article in enumerate(_articles()):
            writer.write(Result(source=f"p{i}.html", article=article))
    df = spark.read.parquet(str(out))
    article_type = df.schema["article"].dataType
    assert article_type["published"].dataType == T.TimestampType()
    assert article_type["published_date_only"].dataType == T.BooleanType()
    ticker = article_type["tickers"].dataType.elementType
    assert ticker["price"].dataType == T.DecimalType(38, 18)
    assert article_type == article_schema()  # batch's Parquet and parse_dataframe agree

    spark.conf.set("spark.sql.session.timeZone", "UTC")
    rows = {
        r.source: r
        for r in df.selectExpr(
            "source", "date_format(article.published, 'yyyy-MM-dd HH:mm') AS published",
            "article.modified_date_only AS day", "article.tickers.price AS prices",
        ).collect()
    }
    assert rows["p1.html"].published == "2026-06-06 09:30"  # 11:30+02:00 in UTC
    assert rows["p1.html"].day is True
    assert rows["p1.html"].prices == [Decimal("0.00001234").quantize(Decimal(10) ** -18)]
    back = {r.source: article_from_row(r.article) for r in df.collect()}
    assert back["p1.html"] == _articles()[1]
    published = back["p2.html"].published if back["p2.html"] else None
    assert published == datetime(2026, 6, 6, 9, 30)  # local time stays naive
    assert back["p0.html"] is not None and isinstance(back["p0.html"].published, datetime)
    assert back["p0.html"].published.tzinfo is not None
    assert back["p0.html"].published == _articles()[0].published

    parsed = parse_dataframe(spark.createDataFrame([(page_html(1),)], "html string"))
    assert parsed.schema["article"].dataType["published"].dataType == T.TimestampType()

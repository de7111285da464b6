"""newsparse on Spark: parse a DataFrame of pages into an Article struct column.

Needs the ``spark`` extra (``pip install 'newsparse[spark]'``: pyspark and
pyarrow) on the driver and newsparse with its dependencies on the executors.

>>> from newsparse.spark import parse_dataframe
>>> pages = spark.read.parquet("s3://bucket/crawl/")      # columns: url, html, ...
>>> parsed = parse_dataframe(pages, html_col="html", url_col="url")
>>> parsed.select("url", "article.title", "article.published", "error.type").show()

:func:`parse_dataframe` keeps every input column and adds two:

- ``article``: a struct whose Spark schema is derived from the pydantic
  ``Article`` model (:mod:`newsparse.batch.schema`: nested models are structs,
  lists are arrays, dates and decimals are strings in their JSON form, comment
  replies nest ``max_nesting`` levels and deeper ones are kept as JSON
  strings); null when the page could not be parsed;
- ``error``: ``struct<type: string, message: string>``, null on success —
  the same error types as ``newsparse batch`` (``NotHTMLError``,
  ``EmptyInputError``, ``InputTooLargeError``...).

Every input row comes back exactly once, with an article or an error. The
work runs in ``mapInArrow`` (Arrow batches in and out, no row-by-row pickling),
one parser per Python worker. There is no per-page time limit inside Spark:
bound the page size with ``Parser(limits=Limits(max_bytes=...))`` and let
Spark's task retries and speculation deal with stragglers.

:func:`article_from_row` turns a collected ``article`` value back into an
``Article`` (JSON-kept parts parsed, union filler fields dropped).

A cluster run (ship the wheel to the executors)::

    pip wheel . --no-deps -w dist/
    spark-submit --master yarn --py-files dist/newsparse-0.1.0-py3-none-any.whl job.py

where the executors' Python has lxml, pydantic and pyarrow installed; or pack
a whole environment with ``venv-pack`` / ``conda-pack`` and ship it with
``--archives env.tar.gz#env --conf spark.pyspark.python=./env/bin/python``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

from newsparse.batch.results import ErrorInfo, one_line
from newsparse.batch.schema import (
    DEFAULT_MAX_NESTING,
    Column,
    arrow_type,
    from_columns,
    schema_tree,
    spark_type,
    to_columns,
)
from newsparse.models import Article
from newsparse.parser import Parser

__all__ = ["article_from_row", "article_schema", "error_schema", "parse_dataframe"]


def article_schema(max_nesting: int = DEFAULT_MAX_NESTING) -> Any:
    """The Spark ``StructType`` of the ``article`` column, derived from :class:`Article`."""
    return spark_type(schema_tree(Article, max_nesting=max_nesting))


def error_schema() -> Any:
    """The Spark ``StructType`` of the ``error`` column: ``struct<type, message>``."""
    return spark_type(schema_tree(ErrorInfo))


def parse_dataframe(
    df: Any,
    *,
    html_col: str = "html",
    url_col: str | None = "url",
    encoding_col: str | None = None,
    article_col: str = "article",
    error_col: str = "error",
    parser: Parser | None = None,
    max_nesting: int = DEFAULT_MAX_NESTING,
) -> Any:
    """``df`` with an ``article`` struct column and an ``error`` column added.

    ``html_col``: string or binary column with the page (binary is decoded like
    ``parse()`` decodes bytes). ``url_col``: the page URL (ignored when None or
    absent). ``encoding_col``: an optional column with the transport's charset.
    ``parser``: the options (``Parser()`` by default). Lazy like every DataFrame
    transformation: nothing runs until an action.
    """
    types: Any = importlib.import_module("pyspark.sql.types")
    columns = list(df.columns)
    if html_col not in columns:
        raise ValueError(f"the DataFrame has no column {html_col!r} (columns: {columns})")
    for name in (article_col, error_col):
        if name in columns:
            raise ValueError(f"the DataFrame already has a column {name!r}")
    use_url = url_col if url_col is not None and url_col in columns else None
    if encoding_col is not None and encoding_col not in columns:
        raise ValueError(f"the DataFrame has no column {encoding_col!r}")
    tree = schema_tree(Article, max_nesting=max_nesting)
    error_tree = schema_tree(ErrorInfo)
    out_schema = types.StructType(
        [
            *df.schema.fields,
            types.StructField(article_col, spark_type(tree), nullable=True),
            types.StructField(error_col, spark_type(error_tree), nullable=True),
        ]
    )
    task = _ParseBatches(
        parser or Parser(), tree, error_tree, html_col, use_url, encoding_col,
        article_col, error_col,
    )
    return df.mapInArrow(task, out_schema)


class _ParseBatches:
    """The function run on the executors: Arrow batches in, batches with two more columns out."""

    def __init__(
        self,
        parser: Parser,
        tree: Column,
        error_tree: Column,
        html_col: str,
        url_col: str | None,
        encoding_col: str | None,
        article_col: str,
        error_col: str,
    ) -> None:
        self.parser = parser
        self.tree = tree
        self.error_tree = error_tree
        self.html_col = html_col
        self.url_col = url_col
        self.encoding_col = encoding_col
        self.article_col = article_col
        self.error_col = error_col

    def __call__(self, batches: Iterator[Any]) -> Iterator[Any]:
        pa: Any = importlib.import_module("pyarrow")
        article_type = arrow_type(self.tree)
        error_type = arrow_type(self.error_tree)
        for batch in batches:
            htmls = batch.column(self.html_col).to_pylist()
            n = len(htmls)
            urls = batch.column(self.url_col).to_pylist() if self.url_col else [None] * n
            encodings = (
                batch.column(self.encoding_col).to_pylist() if self.encoding_col else [None] * n
            )
            articles: list[Any] = []
            errors: list[Any] = []
            for html, url, encoding in zip(htmls, urls, encodings, strict=True):
                article, error = self._one(html, url, encoding)
                articles.append(article)
                errors.append(error)
            yield pa.RecordBatch.from_arrays(
                [
                    *batch.columns,
                    pa.array(articles, type=article_type),
                    pa.array(errors, type=error_type),
                ],
                names=[*batch.schema.names, self.article_col, self.error_col],
            )

    def _one(
        self, html: Any, url: Any, encoding: Any
    ) -> tuple[dict[str, Any] | None, dict[str, str] | None]:
        if html is None:
            return None, {"type": "EmptyInputError", "message": "the html column is null"}
        try:
            article = self.parser.parse(
                html, url if isinstance(url, str) else None,
                encoding=encoding if isinstance(encoding, str) else None,
            )
            return to_columns(article.model_dump(mode="json"), self.tree), None
        except Exception as exc:  # one bad page is that row's error, never the task's
            return None, {"type": type(exc).__name__, "message": one_line(str(exc)) or repr(exc)}


def article_from_row(value: Any, max_nesting: int = DEFAULT_MAX_NESTING) -> Article | None:
    """The :class:`Article` of a collected ``article`` value (a ``Row`` or a dict), or None."""
    if value is None:
        return None
    if hasattr(value, "asDict"):
        value = value.asDict(recursive=True)
    data = from_columns(value, schema_tree(Article, max_nesting=max_nesting))
    return Article.model_validate(data)

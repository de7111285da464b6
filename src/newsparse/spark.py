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
  lists are arrays, dates are ``TimestampType`` (UTC instants, with
  ``<name>_date_only`` and ``<name>_local`` flags), Decimals
  ``DecimalType(38, 18)``, comment replies nest ``max_nesting`` levels and
  deeper ones are kept as JSON strings); null when the page could not be parsed;
- ``error``: ``struct<type: string, message: string>``, null on success —
  the same error types as ``newsparse batch`` (``NotHTMLError``,
  ``EmptyInputError``, ``InputTooLargeError``...).

Every input row comes back exactly once, with an article or an error. The
work runs in ``mapInArrow`` (Arrow batches in and out, no row-by-row pickling),
one parser per Python worker. By default pages are parsed in the Python
worker itself; with ``timeout=SECONDS`` each Python worker parses through a
child process (the pool of :func:`newsparse.batch.parse_many`, one worker), so
that a page running over the limit gets a ``ParseTimeoutError`` row and a page
that kills its process a ``WorkerCrashedError`` row instead of failing or
hanging the Spark task.

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
from newsparse.batch.runner import ParseFn, parse_many
from newsparse.batch.schema import (
    DEFAULT_MAX_NESTING,
    Column,
    arrow_type,
    from_columns,
    schema_tree,
    spark_type,
    to_columns,
)
from newsparse.batch.sources import Page
from newsparse.models import Article
from newsparse.parser import Parser

__all__ = ["article_from_row", "article_schema", "error_schema", "parse_dataframe"]

_Outcome = tuple[dict[str, Any] | None, dict[str, str] | None]
_NULL_HTML = {"type": "EmptyInputError", "message": "the html column is null"}


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
    timeout: float | None = None,
    parse_fn: ParseFn | None = None,
) -> Any:
    """``df`` with an ``article`` struct column and an ``error`` column added.

    ``html_col``: string or binary column with the page (binary is decoded like
    ``parse()`` decodes bytes). ``url_col``: the page URL (ignored when None or
    absent). ``encoding_col``: an optional column with the transport's charset.
    ``parser``: the options (``Parser()`` by default). ``timeout``: seconds per page,
    enforced by parsing in a child process of each Python worker (None: parse
    in-process, no limit). ``parse_fn``: a picklable replacement for ``parser.parse``.
    Lazy like every DataFrame transformation: nothing runs until an action.
    """
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be > 0 seconds or None, not {timeout}")
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
        article_col, error_col, timeout, parse_fn,
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
        timeout: float | None = None,
        parse_fn: ParseFn | None = None,
    ) -> None:
        self.parser = parser
        self.timeout = timeout
        self.parse_fn = parse_fn
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
            if self.timeout is None:
                rows = zip(htmls, urls, encodings, strict=True)
                outcomes = [self._one(html, url, enc) for html, url, enc in rows]
            else:
                outcomes = self._isolated(htmls, urls, encodings)
            articles = [article for article, _ in outcomes]
            errors = [error for _, error in outcomes]
            yield pa.RecordBatch.from_arrays(
                [
                    *batch.columns,
                    pa.array(articles, type=article_type),
                    pa.array(errors, type=error_type),
                ],
                names=[*batch.schema.names, self.article_col, self.error_col],
            )

    def _one(self, html: Any, url: Any, encoding: Any) -> _Outcome:
        if html is None:
            return None, dict(_NULL_HTML)
        parse = self.parse_fn or self.parser.parse
        try:
            article = parse(
                html, url if isinstance(url, str) else None,
                encoding=encoding if isinstance(encoding, str) else None,
            )
            return to_columns(article.model_dump(mode="json"), self.tree), None
        except Exception as exc:  # one bad page is that row's error, never the task's
            return None, {"type": type(exc).__name__, "message": one_line(str(exc)) or repr(exc)}

    def _isolated(self, htmls: list[Any], urls: list[Any], encodings: list[Any]) -> list[_Outcome]:
        """Parse the batch through a one-worker pool with the time limit."""
        outcomes: list[_Outcome] = [(None, dict(_NULL_HTML))] * len(htmls)
        pages = [
            Page(
                str(i), html=html, url=url if isinstance(url, str) else None,
                encoding=encoding if isinstance(encoding, str) else None,
            )
            for i, (html, url, encoding) in enumerate(zip(htmls, urls, encodings, strict=True))
            if html is not None
        ]
        for result in parse_many(
            pages, workers=1, parser=self.parser, parse_fn=self.parse_fn, timeout=self.timeout
        ):
            if result.article is not None:
                article = to_columns(result.article.model_dump(mode="json"), self.tree)
                outcomes[int(result.source)] = (article, None)
            elif result.error is not None:
                outcomes[int(result.source)] = (None, result.error.model_dump())
        return outcomes


def article_from_row(value: Any, max_nesting: int = DEFAULT_MAX_NESTING) -> Article | None:
    """The :class:`Article` of a collected ``article`` value (a ``Row`` or a dict), or None."""
    if value is None:
        return None
    if hasattr(value, "asDict"):
        value = value.asDict(recursive=True)
    data = from_columns(value, schema_tree(Article, max_nesting=max_nesting))
    return Article.model_validate(data)

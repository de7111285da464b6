"""Batch processing: input kinds, the worker pool's guarantees, writers and schemas.

The hook ``flaky_parse`` stands in for a pathological page: a page whose HTML
says HANG sleeps, CRASH kills its worker with ``os._exit``, BOOM raises. It is
module-level so that worker processes can unpickle it.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import Article
from newsparse.batch import BatchStats, Page, Result, parse_many
from newsparse.batch.schema import Column, from_columns, schema_tree, to_columns
from newsparse.batch.sources import iter_pages
from newsparse.batch.writers import JsonlWriter, ParquetWriter, result_schema

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "crypto-news-page.html"


def page_html(i: int, marker: str = "") -> str:
    """A small but real-looking article page."""
    paras = "".join(
        f"<p>Paragraph {j} of story {i}: markets moved as traders weighed the latest "
        f"figures and the outlook for the quarter. {marker}</p>"
        for j in range(4)
    )
    return (
        f"<!doctype html><html lang='en'><head><title>Story {i} | Example News</title>"
        f"<meta property='og:title' content='Story {i}'></head><body><header><nav>"
        f"<a href='/'>Home</a></nav></header><article><h1>Story {i}</h1>{paras}</article>"
        f"<footer>© Example</footer></body></html>"
    )


def flaky_parse(
    html: bytes | str, url: str | None = None, *, encoding: str | None = None
) -> Article:
    """Parse, unless the page asks to hang, crash its worker or raise."""
    text = html if isinstance(html, str) else html.decode("utf-8", "replace")
    if "HANG" in text:
        time.sleep(120)
    if "CRASH" in text:
        os._exit(7)
    if "BOOM" in text:
        raise RuntimeError("boom in the extractor")
    return newsparse.parse(html, url, encoding=encoding)


def by_source(results: list[Result]) -> dict[str, Result]:
    out: dict[str, Result] = {}
    for r in results:
        assert r.source not in out, f"{r.source} reported twice"
        out[r.source] = r
    return out


def in_process(inputs: list[Any], **kw: Any) -> dict[str, Result]:
    return by_source(list(parse_many(inputs, workers=0, **kw)))


def error_type(result: Result) -> str | None:
    return result.error.type if result.error else None


# ------------------------------------------------------------------ files, dirs, globs


def test_html_files_dirs_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "one.html").write_text(page_html(1))
    (tmp_path / "a" / "deep" / "two.htm").write_text(page_html(2))
    (tmp_path / "a" / "deep" / "three.html.gz").write_bytes(gzip.compress(page_html(3).encode()))
    (tmp_path / "a" / "style.css").write_text("body{}")  # not a page: ignored under a dir
    (tmp_path / "b.HTML").write_text(page_html(4))
    (tmp_path / "named.txt").write_text(page_html(5))  # named explicitly: read as a page
    gz = tmp_path / "renamed.dat"
    gz.write_bytes(gzip.compress(page_html(6).encode()))  # gzip told by magic bytes

    got = in_process([tmp_path / "a", str(tmp_path / "*.HTML"), tmp_path / "named.txt", gz])
    titles = {Path(s).name: r.article.title if r.article else None for s, r in got.items()}
    assert titles == {
        "one.html": "Story 1",
        "two.htm": "Story 2",
        "three.html.gz": "Story 3",
        "b.HTML": "Story 4",
        "named.txt": "Story 5",
        "renamed.dat": "Story 6",
    }


def test_directory_order_is_sorted_and_stable(tmp_path: Path) -> None:
    for name in ("c.html", "a.html", "b/z.html", "b/y.html"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(page_html(len(name)))
    sources = [item.source for item in iter_pages([tmp_path])]
    rel = [os.path.relpath(s, tmp_path) for s in sources]
    assert rel == ["a.html", "c.html", os.path.join("b", "y.html"), os.path.join("b", "z.html")]


def test_recursive_glob(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "p.html").write_text(page_html(1))
    (tmp_path / "x" / "q.html").write_text(page_html(2))
    got = in_process([str(tmp_path / "**" / "*.html")])
    assert sorted(Path(s).name for s in got) == ["p.html", "q.html"]
    assert all(r.ok for r in got.values())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing.html", "InputNotFoundError"),
        ("nothing-*.html", "InputNotFoundError"),
    ],
)
def test_missing_inputs_are_error_rows(tmp_path: Path, name: str, expected: str) -> None:
    got = in_process([str(tmp_path / name)])
    assert [error_type(r) for r in got.values()] == [expected]


def test_unreadable_files_are_error_rows(tmp_path: Path) -> None:
    (tmp_path / "dangling.html").symlink_to(tmp_path / "gone.html")
    (tmp_path / "ok.html").write_text(page_html(1))
    got = in_process([tmp_path])
    row = got[str(tmp_path / "dangling.html")]
    assert error_type(row) == "InputReadError"
    assert "No such file" in row.error.message  # type: ignore[union-attr]
    assert got[str(tmp_path / "ok.html")].ok


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads mode-000 files")
def test_permission_denied_is_an_error_row(tmp_path: Path) -> None:
    locked = tmp_path / "locked.html"
    locked.write_text(page_html(1))
    locked.chmod(0)
    try:
        got = in_process([locked])
    finally:
        locked.chmod(0o644)
    assert error_type(got[str(locked)]) == "InputReadError"


def test_corrupt_gzip_is_an_error_row(tmp_path: Path) -> None:
    data = gzip.compress(page_html(1).encode() * 20)
    (tmp_path / "truncated.html.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "garbage.html.gz").write_bytes(b"\x1f\x8b" + b"\x00garbage" * 10)
    got = in_process([tmp_path])
    for name in ("truncated.html.gz", "garbage.html.gz"):
        row = got[str(tmp_path / name)]
        assert error_type(row) == "InputReadError", row
        assert "corrupt gzip" in row.error.message  # type: ignore[union-attr]


def test_size_limit_skips_and_records(tmp_path: Path) -> None:
    big = page_html(1) + "<!--" + "x" * 5000 + "-->"
    (tmp_path / "big.html").write_text(big)
    (tmp_path / "big.html.gz").write_bytes(gzip.compress(big.encode()))
    (tmp_path / "small.html").write_text(page_html(2))
    (tmp_path / "recs.jsonl").write_text(json.dumps({"html": big}) + "\n")
    got = in_process([tmp_path], max_bytes=4000)
    for source in ("big.html", "big.html.gz", "recs.jsonl:1"):
        assert error_type(got[str(tmp_path / source)]) == "InputTooLargeError", source
    assert got[str(tmp_path / "small.html")].ok


def test_paths_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "one.html").write_text(page_html(1))
    (tmp_path / "two.html").write_text(page_html(2))
    listing = f"{tmp_path / 'one.html'}\n\n{tmp_path / 'two.html'}\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(listing))
    got = in_process(["-"])
    assert sorted(r.article.title for r in got.values() if r.article) == ["Story 1", "Story 2"]


def test_pages_in_memory() -> None:
    pages = [
        Page("mem-1", html=page_html(1), url="https://example.com/1"),
        Page("mem-2", html=page_html(2).encode("utf-16"), encoding="utf-16"),
        Page("mem-3", html=b""),
    ]
    got = in_process(pages)
    assert got["mem-1"].url == "https://example.com/1"
    assert got["mem-1"].article and got["mem-1"].article.url == "https://example.com/1"
    assert got["mem-2"].article and got["mem-2"].article.title == "Story 2"
    assert error_type(got["mem-3"]) == "EmptyInputError"


# ------------------------------------------------------------------ JSONL


def test_jsonl_records_and_invalid_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"html": page_html(1), "url": "https://example.com/1"}),
        "",
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"url": "https://example.com/4"}),
        json.dumps({"html": 42}),
        json.dumps({"raw_html": page_html(7), "final_url": "https://example.com/7"}),
        json.dumps({"html": "%PDF-1.7 binary"}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines))  # no newline at the end: the last line still counts
    got = in_process([path])
    src = f"{path}:"
    assert got[src + "1"].article and got[src + "1"].article.title == "Story 1"
    assert got[src + "1"].url == "https://example.com/1"
    assert src + "2" not in got  # blank line: not an input
    for n in (3, 4, 5, 6):
        assert error_type(got[src + str(n)]) == "InvalidRecordError", n
    assert got[src + "5"].url == "https://example.com/4"
    assert got[src + "7"].url == "https://example.com/7" and got[src + "7"].ok
    assert error_type(got[src + "8"]) == "NotHTMLError"
    assert len(got) == 7


def test_jsonl_custom_keys_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    records = [{"page": page_html(i), "address": f"https://example.com/{i}"} for i in range(3)]
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    got = in_process([path], html_keys=["page"], url_keys=["address"])
    assert [got[f"{path}:{i + 1}"].url for i in range(3)] == [
        f"https://example.com/{i}" for i in range(3)
    ]
    assert all(r.ok for r in got.values())


def test_truncated_jsonl_gzip_keeps_the_good_lines(tmp_path: Path) -> None:
    body = "".join(json.dumps({"html": page_html(i)}) + "\n" for i in range(40)).encode()
    data = gzip.compress(body)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: int(len(data) * 0.8)])
    got = in_process([path])
    assert error_type(got[str(path)]) == "InputReadError"
    good = [s for s, r in got.items() if r.ok]
    assert 0 < len(good) < 40


# ------------------------------------------------------------------ WARC


def _warc(records: list[tuple[str, str, list[tuple[str, str]], bytes]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for kind, url, headers, body in records:
        if kind == "request":
            http = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True
            )
            rec = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=http
            )
        else:
            status = kind
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http
            )
        writer.write_record(rec)
    return buf.getvalue()


def _chunked(body: bytes, size: int = 100) -> bytes:
    out = b""
    for i in range(0, len(body), size):
        chunk = body[i : i + size]
        out += f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    return out + b"0\r\n\r\n"


WARC_RECORDS = [
    ("request", "https://example.com/1", [], b""),
    ("200 OK", "https://example.com/1", [("Content-Type", "text/html; charset=utf-8")],
     page_html(1).encode()),
    ("200 OK", "https://example.com/img.png", [("Content-Type", "image/png")], b"\x89PNG..."),
    ("301 Moved", "https://example.com/old", [("Content-Type", "text/html")], b"<a>moved</a>"),
    ("200 OK", "https://example.com/latin", [("Content-Type", 'text/html; charset="iso-8859-1"')],
     page_html(2, "Caf\xe9 cr\xe8me").encode("iso-8859-1")),
    ("200 OK", "https://example.com/chunked",
     [("Content-Type", "application/xhtml+xml"), ("Transfer-Encoding", "chunked"),
      ("Content-Encoding", "gzip")],
     _chunked(gzip.compress(page_html(3).encode()))),
]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_warc(WARC_RECORDS, gz))
    stats = BatchStats()
    results = list(parse_many([path], workers=0, stats=stats))
    assert [r.url for r in results] == [
        "https://example.com/1", "https://example.com/latin", "https://example.com/chunked"
    ]
    assert all(r.ok and r.source.startswith(f"{path}@") for r in results)
    assert len({r.source for r in results}) == 3
    titles = [r.article.title for r in results if r.article]
    assert titles == ["Story 1", "Story 2", "Story 3"]
    latin = results[1].article
    assert latin is not None and "Café crème" in latin.text  # charset from the HTTP header
    assert stats.not_pages == {
        "WARC records that are not HTTP responses": 1,
        "WARC responses not HTML": 1,
        "WARC responses not 2xx": 1,
    }


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_truncated_warc(tmp_path: Path, gz: bool) -> None:
    records = [
        ("200 OK", f"https://example.com/{i}", [("Content-Type", "text/html")],
         page_html(i).encode() * 3)
        for i in range(3)
    ]
    data = _warc(records, gz)
    inside_last = tmp_path / ("inside.warc.gz" if gz else "inside.warc")
    inside_last.write_bytes(data[:-150])
    got = in_process([inside_last])
    oks = [r for r in got.values() if r.ok]
    bad = [r for r in got.values() if not r.ok]
    assert len(oks) == 2
    assert [error_type(r) for r in bad] == ["InputReadError"]
    assert "truncated" in bad[0].error.message  # type: ignore[union-attr]


def test_truncated_warc_header_and_garbage(tmp_path: Path) -> None:
    records = [
        ("200 OK", f"https://example.com/{i}", [("Content-Type", "text/html")],
         page_html(i).encode())
        for i in range(2)
    ]
    data = _warc(records, True)
    first_len = len(_warc(records[:1], True))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: first_len + 40])  # the second record's gzip member is cut short
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a WARC file at all\r\n" * 20)
    got = in_process([cut, garbage])
    assert [r.ok for s, r in got.items() if s.startswith(f"{cut}@")] == [True]
    assert error_type(got[str(cut)]) == "InputReadError"
    assert error_type(got[str(garbage)]) == "InputReadError"


# ------------------------------------------------------------------ the worker pool


def test_pool_survives_hangs_crashes_and_exceptions(tmp_path: Path) -> None:
    for i in range(8):
        (tmp_path / f"p{i}.html").write_text(page_html(i))
    (tmp_path / "hang.html").write_text(page_html(90, "HANG"))
    (tmp_path / "crash.html").write_text(page_html(91, "CRASH"))
    (tmp_path / "boom.html").write_text(page_html(92, "BOOM"))
    stats = BatchStats()
    started = time.monotonic()
    results = list(
        parse_many([tmp_path], workers=2, timeout=3, parse_fn=flaky_parse, stats=stats)
    )
    elapsed = time.monotonic() - started
    got = by_source(results)
    assert len(got) == 11
    assert error_type(got[str(tmp_path / "hang.html")]) == "ParseTimeoutError"
    crash = got[str(tmp_path / "crash.html")]
    assert error_type(crash) == "WorkerCrashedError"
    assert "status 7" in crash.error.message  # type: ignore[union-attr]
    boom = got[str(tmp_path / "boom.html")]
    assert (error_type(boom), boom.error.message) == ("RuntimeError", "boom in the extractor")  # type: ignore[union-attr]
    assert [got[str(tmp_path / f"p{i}.html")].article.title for i in range(8)] == [  # type: ignore[union-attr]
        f"Story {i}" for i in range(8)
    ]
    assert stats.articles == 8 and stats.error_count == 3
    assert stats.workers_started >= 4  # the two workers plus a replacement for each death
    assert elapsed < 30


def test_pool_results_equal_parse_and_order(tmp_path: Path) -> None:
    pages = [Page(f"p{i}", html=page_html(i)) for i in range(12)]
    pages.append(Page("seed", html=FIXTURE.read_bytes(), url="https://example.com/seed"))
    ordered = list(parse_many(pages, workers=2, ordered=True, max_tasks_per_child=3))
    assert [r.source for r in ordered] == [p.source for p in pages]
    unordered = by_source(list(parse_many(pages, workers=2)))
    assert set(unordered) == {p.source for p in pages}
    for page, result in zip(pages, ordered, strict=True):
        assert result.article == newsparse.parse(page.html, page.url)
        assert unordered[page.source].article == result.article


def test_workers_are_recycled(tmp_path: Path) -> None:
    stats = BatchStats()
    pages = [Page(f"p{i}", html=page_html(i)) for i in range(10)]
    results = list(parse_many(pages, workers=2, max_tasks_per_child=2, stats=stats))
    assert len(results) == 10 and all(r.ok for r in results)
    assert stats.workers_started >= 5


def test_skip_and_early_close(tmp_path: Path) -> None:
    pages = [Page(f"p{i}", html=page_html(i)) for i in range(6)]
    stats = BatchStats()
    got = by_source(list(parse_many(pages, workers=2, skip={"p0", "p3"}, stats=stats)))
    assert sorted(got) == ["p1", "p2", "p4", "p5"] and stats.skipped == 2
    gen = parse_many(pages * 20, workers=2)
    first = next(gen)
    gen.close()  # stops the workers without waiting for the rest
    assert first.ok


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="workers"):
        parse_many([], workers=-1)
    with pytest.raises(ValueError, match="timeout"):
        parse_many([], timeout=0)


def test_a_single_path_is_not_iterated_as_characters(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_text(page_html(1))
    assert [r.ok for r in parse_many(str(tmp_path / "one.html"), workers=0)] == [True]


# ------------------------------------------------------------------ writers


def _results() -> list[Result]:
    return [
        Result(source="a.html", url="https://example.com/a", article=newsparse.parse(page_html(1))),
        Result.failure("b.jsonl:2", "InvalidRecordError", "not valid JSON"),
    ]


def test_jsonl_rows_have_a_stable_schema(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter(out) as writer:
        for r in _results():
            writer.write(r)
    lines = out.read_text().splitlines()
    rows = [json.loads(line) for line in lines]
    assert [list(row) for row in rows] == [["source", "url", "article", "error"]] * 2
    assert rows[0]["article"]["title"] == "Story 1" and rows[0]["error"] is None
    assert rows[1] == {
        "source": "b.jsonl:2",
        "url": None,
        "article": None,
        "error": {"type": "InvalidRecordError", "message": "not valid JSON"},
    }
    assert Result.model_validate_json(lines[0]) == _results()[0]


def test_jsonl_resume_cuts_a_partial_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    good = "".join(r.model_dump_json() + "\n" for r in _results())
    out.write_text(good + '{"source":"c.html","url":null,"arti')
    writer = JsonlWriter(out, resume=True)
    assert writer.done == {"a.html", "b.jsonl:2"}
    writer.write(Result.failure("c.html", "NotHTMLError", "binary"))
    writer.close()
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["source"] for r in rows] == ["a.html", "b.jsonl:2", "c.html"]


def test_parquet_round_trip_and_resume(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    seed = newsparse.parse(FIXTURE.read_bytes(), "https://example.com/seed")
    results = [*_results(), Result(source="seed.html", article=seed)]
    out = tmp_path / "out.parquet"
    writer = ParquetWriter(out, rows_per_part=2)
    for r in results:
        writer.write(r)
    writer.close()
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    table = pq.read_table(out)
    assert table.column_names == ["source", "url", "article", "error"]
    rows = table.to_pylist()
    tree = result_schema()
    back = [Result.model_validate(from_columns(row, tree)) for row in rows]
    assert back == results
    (out / "part-00002.parquet.tmp").write_bytes(b"half-written")
    again = ParquetWriter(out, resume=True)
    assert again.done == {"a.html", "b.jsonl:2", "seed.html"}
    again.write(Result.failure("d.html", "EmptyInputError", "empty"))
    again.close()
    assert sorted(p.name for p in out.iterdir()) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"
    ]
    assert pq.read_table(out).num_rows == 4


# ------------------------------------------------------------------ schema


def test_schema_tree_follows_the_models() -> None:
    tree = schema_tree(Article, max_nesting=2)
    fields = dict(tree.fields)
    flags = {f"{name}_{flag}" for name in ("published", "modified")
             for flag in ("date_only", "local")}
    assert set(fields) == set(Article.model_fields) | flags
    assert fields["published_date_only"] == Column("bool", flag_of=("published", "date_only"))
    body = fields["body"]
    assert body.kind == "list" and body.item is not None and body.item.kind == "struct"
    block_fields = dict(body.item.fields)
    expected = {"kind", "text", "level", "items", "rows", "src", "cite", "language"}
    assert expected <= set(block_fields)
    assert body.item.variants["heading"] == {"kind", "level", "text", "markdown"}
    assert fields["published"].kind == "timestamp"  # datetime | date: a UTC timestamp
    assert dict(fields["tickers"].item.fields)["price"].kind == "decimal"  # type: ignore[union-attr]
    assert fields["tags"].kind == "list" and fields["tags"].item == Column("string")
    comment = fields["comments"].item
    assert comment is not None
    replies = dict(comment.fields)["replies"].item
    assert replies is not None and replies.kind == "struct"
    deepest = dict(replies.fields)["replies"].item
    assert deepest is not None and deepest.kind == "json"  # recursion cut after 2 levels


def test_deep_comment_trees_survive_the_cut() -> None:
    from newsparse.models import Comment

    leaf = Comment(text="level 4")
    for depth in (3, 2, 1):
        leaf = Comment(text=f"level {depth}", replies=[leaf])
    article = Article(title="t", comments=[leaf])
    tree = schema_tree(Article, max_nesting=2)
    columns = to_columns(article.model_dump(mode="json"), tree)
    assert isinstance(columns["comments"][0]["replies"][0]["replies"][0], str)
    assert Article.model_validate(from_columns(columns, tree)) == article


def test_ordered_with_many_failed_records_between_pages(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"html": page_html(i)}) if i % 10 == 0 else "{broken" for i in range(120)]
    path.write_text("\n".join(lines) + "\n")
    results = list(parse_many([path], workers=2, ordered=True))
    assert [r.source for r in results] == [f"{path}:{n}" for n in range(1, 121)]
    assert [r.ok for r in results] == [i % 10 == 0 for i in range(120)]


def test_resume_refuses_a_file_that_is_not_batch_output(tmp_path: Path) -> None:
    from newsparse.batch.writers import OutputError

    other = tmp_path / "notes.txt"
    other.write_text("my notes\nnot json at all\nlast line without newline")
    with pytest.raises(OutputError, match="does not look like"):
        JsonlWriter(other, resume=True)
    assert other.read_text().endswith("last line without newline")  # untouched


def test_a_worker_freezes_what_it_loaded_after_its_first_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker moves the objects alive after its first page (modules, patterns, the
    language model) out of the collector's full passes, and keeps parsing the same.
    (The worker loop runs in this process: its SIGINT and parent-death settings are
    undone or skipped.)"""
    import gc
    import multiprocessing
    import signal

    from newsparse.batch import runner
    from newsparse.batch.runner import _READY, _worker_main

    monkeypatch.setattr(runner, "_die_with_parent", lambda: None)
    monkeypatch.setattr(signal, "signal", lambda *args: None)

    parent, child = multiprocessing.Pipe(duplex=True)
    for seq in range(3):
        parent.send((seq, Page(source=f"p{seq}", html=page_html(seq))))
    parent.send(None)
    before = gc.get_freeze_count()
    try:
        _worker_main(child, newsparse.parse, 1_000_000)
        frozen = gc.get_freeze_count()
    finally:
        gc.unfreeze()
    assert before == 0
    assert frozen > 1000
    assert parent.recv() == _READY
    for seq in range(3):
        got_seq, article, error_type, _ = parent.recv()
        assert (got_seq, error_type) == (seq, "")
        assert article == newsparse.parse(page_html(seq))

"""``newsparse inspect``: one self-contained HTML file showing what became what, and why.

:func:`inspect_report` parses a page with :func:`newsparse.explain`, re-reads it, marks
every region the provenance names (body blocks, sections, takeaways, comments and
their parents, ticker quotes, disclaimer, metadata elements, dropped boilerplate with
its reason) with its own colour and a label, makes the tree inert
(:mod:`newsparse.report.sanitize`) and shows it in a sandboxed ``<iframe srcdoc>``
(no ``allow-scripts``) beside a legend and the extracted Article.  Both documents carry
a Content-Security-Policy that allows no network at all: the report never loads
anything, whatever the page held.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import lxml.html
from lxml import etree

from newsparse.document import Limits, load
from newsparse.extract.dom import HtmlElement
from newsparse.models import Article, Comment
from newsparse.parser import Parser
from newsparse.provenance import Explanation, Provenance
from newsparse.report.sanitize import sanitize
from newsparse.report.styles import PAGE_CSS, REGIONS, REPORT_CSS

__all__ = ["CSP", "REGIONS", "inspect_report"]

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
"""The Content-Security-Policy of the report and of the page view inside it."""


@dataclass
class _Marks:
    """The regions each element of the page view belongs to, with their labels."""

    regions: dict[HtmlElement, list[tuple[str, str]]] = field(default_factory=dict)
    head: list[tuple[str, str, str]] = field(default_factory=list)
    """(region, label, value) of sources the page does not display (meta, JSON-LD)."""

    def add(self, el: HtmlElement | None, region: str, label: str) -> None:
        if el is not None:
            self.regions.setdefault(el, []).append((region, label))

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(REGIONS, 0)
        for marks in self.regions.values():
            for region in {r for r, _ in marks}:
                out[region] += 1
        for region, _, _ in self.head:
            out[region] += 1
        return out


def inspect_report(
    html: object,
    url: str | None = None,
    *,
    encoding: str | None = None,
    limits: Limits | None = None,
    title: str | None = None,
) -> str:
    """The inspect report of one page, as a complete HTML document (a ``str``).

    ``html``, ``url`` and ``encoding`` are what :func:`newsparse.parse` takes; ``title``
    names the page in the report's heading.  Raises what :func:`newsparse.parse`
    raises for input it cannot handle.
    """
    limits = limits or Limits()
    found = Parser(limits=limits).explain(html, url, encoding=encoding)
    doc = load(html, url, encoding=encoding, limits=limits)  # the tree the selectors name
    marks = _mark(doc.root, found)
    view = _page_view(doc.root, marks)
    return _report(found, marks, view, title or found.article.title or "page")


# ------------------------------------------------------------------ marking regions


def _find(root: HtmlElement, selector: str | None) -> HtmlElement | None:
    if not selector:
        return None
    try:
        hits = root.getroottree().xpath(selector)
    except etree.XPathError:
        return None
    first = hits[0] if isinstance(hits, list) and hits else None
    return first if isinstance(first, HtmlElement) else None


def _mark(root: HtmlElement, found: Explanation) -> _Marks:
    prov = found.provenance
    marks = _Marks()
    for sel in prov.content.roots:
        marks.add(_find(root, sel), "root", "main content")
    section = 0
    for src in prov.blocks:
        el = _find(root, src.selector)
        if src.kind == "heading":
            section += 1
            marks.add(el, "section", f"§ section {section}")
        else:
            marks.add(el, "block", f"{src.index} {src.kind}")
    for drop in prov.content.dropped:
        if not drop.reason.startswith("claimed by"):  # claimed ones show as their widget
            marks.add(_find(root, drop.selector), "dropped", f"dropped: {drop.reason}")
    for rec in prov.widgets:
        label = rec.label if len(rec.label) <= 60 else rec.label[:59] + "…"
        if rec.widget == "comment":
            label = f"{rec.ref}" + (f" ↳ reply to {rec.parent}" if rec.parent else "")
        marks.add(_find(root, rec.selector), rec.widget, label)
    _mark_fields(root, prov, found.article, marks)
    return marks


def _mark_fields(root: HtmlElement, prov: Provenance, article: Article, marks: _Marks) -> None:
    for entry in prov.fields:
        if entry.value is None or not entry.sources:
            continue
        shown = [s for s in entry.sources if s.kind in ("element", "microdata")]
        for source in shown:
            el = _find(root, source.selector)
            if el is not None and el.tag not in ("meta", "link", "script", "html"):
                marks.add(el, "meta", f"{entry.field} ← {source.signal}")
        first = entry.sources[0]
        if first.kind not in ("element", "microdata"):
            marks.head.append(("meta", f"{entry.field} ← {first.signal}", entry.value))


# ------------------------------------------------------------------ the page view


def _page_view(root: HtmlElement, marks: _Marks) -> str:
    """The marked, sanitised page as a complete HTML document (the iframe's srcdoc)."""
    body = root.find("body")
    if body is None:
        body = root
    keep = set(marks.regions)
    sanitize(body, keep)
    for el, regions in marks.regions.items():
        if not _inside(el, body):
            continue
        names = list(dict.fromkeys(r for r, _ in regions))
        el.set("class", " ".join(["np", *(f"np-{r}" for r in names)]))
        el.set("data-np-label", " · ".join(label for _, label in regions)[:300])
    head_box = "".join(
        f'<div class="np np-{r}" data-np-label="{escape(label)}">{escape(value)}</div>'
        for r, label, value in marks.head
    )
    if head_box:
        head_box = (
            '<section class="np-head"><h2 class="np-head-title">Not displayed by the page '
            f"(head: meta tags, JSON-LD)</h2>{head_box}</section>"
        )
    inner = escape(body.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode", method="html") for child in body
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<style>{PAGE_CSS}</style></head><body>{head_box}{inner}</body></html>"
    )


def _inside(el: HtmlElement, top: HtmlElement) -> bool:
    return el is top or any(a is top for a in el.iterancestors())


# ------------------------------------------------------------------ the report


def _report(found: Explanation, marks: _Marks, view: str, title: str) -> str:
    counts = marks.counts()
    legend = "".join(
        f'<li class="legend-item legend-{r}"><span class="swatch sw-{r}"></span>'
        f'{escape(name)} <span class="count">{counts[r]}</span></li>'
        for r, (name, _colour) in REGIONS.items()
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>newsparse inspect: {escape(title)}</title><style>{REPORT_CSS}</style></head>"
        '<body><div class="layout"><div class="view">'
        f'<iframe class="page" title="the page, regions highlighted" sandbox="" '
        f'referrerpolicy="no-referrer" srcdoc="{escape(view, quote=True)}"></iframe></div>'
        '<aside class="panel">'
        f'<h1>newsparse inspect</h1><p class="page-title">{escape(title)}</p>'
        f'<h2>Legend</h2><ul class="legend">{legend}</ul>'
        f"{_article_panel(found)}</aside></div></body></html>\n"
    )


def _row(name: str, value: str | None, why: str = "") -> str:
    shown = escape(value) if value else '<span class="none">—</span>'
    return f'<tr><th>{escape(name)}</th><td>{shown}<div class="why">{escape(why)}</div></td></tr>'


def _article_panel(found: Explanation) -> str:
    a, prov = found.article, found.provenance
    rows = []
    for entry in prov.fields:
        first = entry.sources[0] if entry.sources else None
        why = first.signal if first else entry.signal
        rows.append(_row(entry.field, entry.value, why))
    content = prov.content
    cands = "".join(
        f"<li>{'<b>chosen</b> ' if c.chosen else ''}&lt;{escape(c.tag)}&gt; score {c.score:g}, "
        f"{c.text_chars} chars, links {c.link_density:.0%}<code>{escape(c.selector)}</code></li>"
        for c in content.candidates[:6]
    )
    dropped = "".join(
        f"<li>{escape(d.reason)}: <q>{escape(d.text[:60])}</q></li>" for d in content.dropped
    )
    body = "".join(f"<li>{escape(b.kind)}: {escape(_block_text(b)[:90])}</li>" for b in a.body)
    takeaways = "".join(f"<li>{escape(t.text)}</li>" for t in a.takeaways)
    tickers = ", ".join(f"{escape(q.symbol)} {escape(q.price_raw)}" for q in a.tickers)
    return (
        f'<h2>Article</h2><table class="fields">{"".join(rows)}</table>'
        f'<h2>Main content</h2><p>{escape(content.signal)}</p><ol class="cands">{cands}</ol>'
        f"<h3>Dropped inside ({len(content.dropped)})</h3><ul>{dropped}</ul>"
        f"<h2>Body ({len(a.body)} blocks, {len(a.sections)} sections)</h2><ol>{body}</ol>"
        f"<h2>Takeaways ({len(a.takeaways)})</h2><ul>{takeaways}</ul>"
        f"<h2>Comments ({_count(a.comments)})</h2>{_comments(a.comments)}"
        f"<h2>Tickers ({len(a.tickers)})</h2><p>{tickers or '—'}</p>"
        f"<h2>Disclaimer</h2><p>{escape(a.disclaimer or '—')}</p>"
    )


def _block_text(block: object) -> str:
    text = getattr(block, "text", None)
    if isinstance(text, str):
        return text
    items = getattr(block, "items", None) or getattr(block, "rows", None)
    return str(items or getattr(block, "src", "") or "")


def _count(comments: list[Comment]) -> int:
    return sum(1 + _count(c.replies) for c in comments)


def _comments(comments: list[Comment]) -> str:
    if not comments:
        return ""
    items = "".join(
        f"<li><b>{escape(c.author or 'anonymous')}</b>: {escape(c.text[:140])}"
        f"{_comments(c.replies)}</li>"
        for c in comments
    )
    return f'<ul class="comments">{items}</ul>'

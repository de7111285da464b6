"""Provenance: where each part of an Article came from, worked out after a parse.

:meth:`newsparse.Parser.explain` parses with a :class:`Trace` that keeps the
extractors' results (claims, metadata, main content, each block's element), then
:func:`build_provenance` turns them into a :class:`~newsparse.provenance.Provenance`.
A plain :meth:`~newsparse.Parser.parse` makes no Trace and computes none of this.
"""

from __future__ import annotations

from newsparse.explainer.adapter import Trace, content_scores, metadata_evidence
from newsparse.explainer.fields import field_provenance
from newsparse.explainer.paths import path_of
from newsparse.explainer.regions import block_provenance, content_decision, widget_records
from newsparse.models import Article
from newsparse.provenance import Provenance

__all__ = ["Trace", "build_provenance", "path_of"]


def build_provenance(trace: Trace, article: Article) -> Provenance:
    """The provenance of ``article``, parsed with ``trace``."""
    return Provenance(
        fields=field_provenance(trace.doc, article, metadata_evidence(trace)),
        blocks=block_provenance(article.body, trace.block_sources),
        content=content_decision(trace, content_scores(trace)),
        widgets=widget_records(trace, article),
    )

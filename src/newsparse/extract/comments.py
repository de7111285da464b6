"""Reader comments as a reply tree."""

from __future__ import annotations

from newsparse.document import Document
from newsparse.extract.dom import Claim
from newsparse.models import Comment

__all__ = ["extract_comments"]


def extract_comments(doc: Document) -> Claim[list[Comment]]:
    """The page's reader comments (top level, replies nested) and the comment area."""
    return Claim([])

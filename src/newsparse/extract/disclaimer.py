"""The article's financial-advice / risk disclaimer."""

from __future__ import annotations

from newsparse.document import Document
from newsparse.extract.dom import Claim

__all__ = ["extract_disclaimer"]


def extract_disclaimer(doc: Document) -> Claim[str | None]:
    """The disclaimer text attached to the article and its element."""
    return Claim(None)

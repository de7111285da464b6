"""Key-takeaways / in-brief / highlights boxes."""

from __future__ import annotations

from newsparse.document import Document
from newsparse.extract.dom import Claim
from newsparse.models import Takeaway

__all__ = ["extract_takeaways"]


def extract_takeaways(doc: Document) -> Claim[list[Takeaway]]:
    """The items of the page's key-takeaways box and the box element itself."""
    return Claim([])

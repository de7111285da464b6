"""Price-ticker widgets: distinct quotes with Decimal prices."""

from __future__ import annotations

from newsparse.document import Document
from newsparse.extract.dom import Claim
from newsparse.models import TickerQuote

__all__ = ["extract_tickers"]


def extract_tickers(doc: Document) -> Claim[list[TickerQuote]]:
    """The distinct quotes of the page's price widgets and the widget elements."""
    return Claim([])

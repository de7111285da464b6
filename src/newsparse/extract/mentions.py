"""Prices and stock tickers mentioned in the body text."""

from __future__ import annotations

from newsparse.models import Mentions

__all__ = ["find_mentions"]


def find_mentions(text: str) -> Mentions:
    """Price and stock-ticker mentions in ``text`` (offsets index into it)."""
    return Mentions()

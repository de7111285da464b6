"""Helpers shared by the widget tests that compare with the shared scorer's gold."""

from __future__ import annotations

import re
from collections import Counter


def token_f1(a: str, b: str) -> float:
    """Token F1 of two texts (case-folded word tokens), as the shared scorer compares them."""
    ta, tb = re.findall(r"\w+", a.casefold()), re.findall(r"\w+", b.casefold())
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    precision, recall = common / len(tb), common / len(ta)
    return 2 * precision * recall / (precision + recall)

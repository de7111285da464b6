"""The mention scan as the one pattern it was before it was searched branch by branch:
the oracles of tests/unit/test_mention_scan.py and test_mentions.py, built from the
same pieces as :mod:`newsparse.extract.mentions` (so they follow any change there)."""

from __future__ import annotations

import re

from newsparse.extract import mentions

#: What ``mentions._scan`` finds, match for match: the scan's four branches in one
#: alternation behind the first branch's look-behind.
SCAN = re.compile(
    rf"(?<![\w.,])(?:{mentions._NAMED}) | {mentions._PSYM} | {mentions._EOS} | {mentions._CELL}",
    re.VERBOSE,
)
#: The amount and exchange branches alone: ``_MAY_AT_START``/``_MAY_AFTER`` answer as
#: this pattern's search does.
MAY_MENTION = re.compile(rf"(?<![\w.,])(?:{mentions._MAY_BODY})", re.VERBOSE)

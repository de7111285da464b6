"""The pages of a benchmark corpus, read once: every ``*.htm*`` file under the folder,
in name order, gzipped ones decompressed (aeb layout: ``html/<id>.html.gz``)."""

from __future__ import annotations

import gzip
from pathlib import Path


def read_pages(corpus: Path) -> list[bytes]:
    """The bytes of every page under ``corpus``, in file-name order."""
    out = []
    for path in sorted(corpus.rglob("*.htm*")):
        data = path.read_bytes()
        out.append(gzip.decompress(data) if path.suffix == ".gz" else data)
    return out

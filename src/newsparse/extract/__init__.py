"""Extractors: one module per family of fields, each a small function of a Document.

Widget extractors (takeaways, comments, tickers, disclaimer) return a
:class:`~newsparse.extract.dom.Claim`: their records plus the elements they
own, so that the body extractor leaves those elements out.
"""

"""The stack zoo: crypto-news articles rendered through many CMS and theme templates.

``python -m tests.zoo.generate --score`` builds every page (20 stacks x 10 languages)
and scores newsparse on them with the shared scorer, over the whole zoo and per
language; ``--out DIR`` also writes the pages and their gold.  ``tests/test_zoo.py``
runs a subset.  The gold comes from the generator's own data, never from newsparse.
"""

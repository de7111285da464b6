"""The stack zoo: crypto-news articles rendered through many CMS and theme templates.

``python -m tests.zoo`` (or ``python tests/zoo/run.py``) writes every page with its gold
and scores newsparse on it with the shared scorer; ``tests/test_zoo.py`` runs a subset.
The gold comes from the generator's own data, never from newsparse's output.
"""

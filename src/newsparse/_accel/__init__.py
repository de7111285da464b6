"""Optional compiled twins of newsparse's hottest loops.

Each module here (``walk``...) is a Cython extension built by ``setup.py`` when a C
compiler is at hand; it reads lxml's C tree directly and returns exactly what the
pure-Python code it replaces returns (tests/unit/test_accel.py compares the two on
every fixture and zoo page).  :func:`load` gives the module, or None when it was not
built, cannot be imported (an lxml it was not built against), or when the environment
sets ``NEWSPARSE_PURE_PYTHON=1``: callers then run their pure-Python code.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar, cast

__all__ = ["PURE_ENV", "available", "load", "twin"]

F = TypeVar("F", bound=Callable[..., Any])

#: Set this environment variable (to anything but "" or "0") before importing newsparse
#: to use the pure-Python code even where the extensions are built.
PURE_ENV = "NEWSPARSE_PURE_PYTHON"

#: The compiled modules newsparse knows of.
MODULES = (
    "walk", "text", "index", "scan", "loadscan", "widgets", "quotescan", "phrases", "meta",
    "gather",
)  # fmt: skip


def _pure() -> bool:
    return os.environ.get(PURE_ENV, "") not in ("", "0")


def load(name: str) -> ModuleType | None:
    """The compiled module ``newsparse._accel.<name>``, or None (see the module doc)."""
    if name not in MODULES:
        raise ValueError(f"unknown compiled module {name!r}")
    if _pure():
        return None
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ImportError:
        return None


def available() -> dict[str, bool]:
    """Which compiled modules this installation uses (False: the pure-Python twin)."""
    return {name: load(name) is not None for name in MODULES}


def twin(name: str, function: str, python: F) -> F:
    """``function`` of the compiled module ``name`` where it is in use, else ``python``
    (its pure-Python twin, which takes the same arguments and returns the same value)."""
    module = load(name)
    return python if module is None else cast(F, getattr(module, function))

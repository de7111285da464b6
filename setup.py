"""Build script for newsparse's optional compiled extensions.

Everything else about the package is in pyproject.toml.  The extensions under
``src/newsparse/_accel/`` are Cython modules that walk lxml's C tree directly; each has
a pure-Python twin in the package, which is used when the extension is missing.  So the
build never fails because of them: without Cython, lxml's headers or a C compiler (or
with ``NEWSPARSE_NO_EXTENSIONS=1`` in the environment) the package installs as pure
Python and gives the same output, more slowly.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

#: The compiled modules: (module name, source file).
MODULES = [
    ("newsparse._accel.walk", "src/newsparse/_accel/walk.pyx"),
    ("newsparse._accel.text", "src/newsparse/_accel/text.pyx"),
    ("newsparse._accel.index", "src/newsparse/_accel/index.pyx"),
    ("newsparse._accel.scan", "src/newsparse/_accel/scan.pyx"),
    ("newsparse._accel.loadscan", "src/newsparse/_accel/loadscan.pyx"),
    ("newsparse._accel.widgets", "src/newsparse/_accel/widgets.pyx"),
    ("newsparse._accel.quotescan", "src/newsparse/_accel/quotescan.pyx"),
    ("newsparse._accel.phrases", "src/newsparse/_accel/phrases.pyx"),
    ("newsparse._accel.meta", "src/newsparse/_accel/meta.pyx"),
    ("newsparse._accel.gather", "src/newsparse/_accel/gather.pyx"),
]


class OptionalBuildExt(build_ext):
    """``build_ext`` that warns instead of failing: the extensions are optional."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, missing headers...
            _warn(f"compiled extensions not built ({exc}); newsparse runs as pure Python")

    def build_extension(self, ext: Any) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            _warn(f"{ext.name} not built ({exc}); its pure-Python twin is used")


def _warn(message: str) -> None:
    print(f"WARNING: newsparse: {message}", file=sys.stderr)


def _extensions() -> list[Extension]:
    if os.environ.get("NEWSPARSE_NO_EXTENSIONS"):
        return []
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError as exc:
        _warn(f"compiled extensions not built ({exc}); newsparse runs as pure Python")
        return []
    extensions = [
        Extension(
            name,
            [source],
            include_dirs=lxml.get_include(),
            # the walks add floats in the pure-Python code's order: no fused multiply-add
            extra_compile_args=["-ffp-contract=off"] if os.name == "posix" else [],
        )
        for name, source in MODULES
    ]
    try:
        return list(
            cythonize(
                extensions,
                language_level=3,
                quiet=True,
                include_path=["src"],  # (the shared .pxd: newsparse/_accel/nodes.pxd)
                compiler_directives={"boundscheck": False, "wraparound": False, "cdivision": True},
            )
        )
    except Exception as exc:  # a Cython error: keep the install working
        _warn(f"compiled extensions not built ({exc}); newsparse runs as pure Python")
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})

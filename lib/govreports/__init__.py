"""govreports: load, clean, structure and measure Chinese local government work reports.

Importing the package does no I/O, configures no logging and touches no matplotlib settings. It imports nothing
heavy either: :func:`load_corpus` and :class:`LoadError` are imported on first use (PEP 562), so that
``import govreports`` and ``govreports --help`` do not pay for pandas. ``from govreports import load_corpus`` works
as usual. The public entry point for most work is :func:`govreports.load_corpus`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govreports.corpus.load import LoadError, load_corpus

__all__ = ["LoadError", "__version__", "load_corpus"]
__version__ = "0.1.0"

#: Names the package exports from its submodules, imported when first asked for.
_LAZY = {"LoadError": "govreports.corpus.load", "load_corpus": "govreports.corpus.load"}


def __getattr__(name: str) -> Any:
    """``govreports.load_corpus`` and ``govreports.LoadError``, imported on first use.

    Raises:
        AttributeError: for any other name (so that ``from govreports import workspace`` imports the submodule).
    """
    if name not in _LAZY:
        raise AttributeError(f"module 'govreports' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value  # later look-ups do not come back here
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])

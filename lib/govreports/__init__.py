"""govreports: load, clean, structure and measure Chinese local government work reports.

Importing the package does no I/O, configures no logging and touches no matplotlib settings.
The public entry point for most work is :func:`govreports.load_corpus`.
"""

from __future__ import annotations

from govreports.corpus.load import LoadError, load_corpus

__all__ = ["LoadError", "__version__", "load_corpus"]
__version__ = "0.1.0"

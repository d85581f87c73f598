"""Progress bars that show in a terminal or a notebook and stay silent in CI and test runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["progress", "progress_enabled"]

T = TypeVar("T")


def progress_enabled(requested: bool | None = None) -> bool:
    """Whether to draw a progress bar.

    ``requested`` wins when given. Otherwise bars are off when ``GOVREPORTS_PROGRESS=0`` or ``CI`` is set,
    and on when ``GOVREPORTS_PROGRESS=1``, when standard error is a terminal, or inside a Jupyter kernel.
    """
    if requested is not None:
        return requested
    setting = os.environ.get("GOVREPORTS_PROGRESS")
    if setting is not None:
        return setting not in ("0", "false", "False", "")
    if os.environ.get("CI"):
        return False
    return sys.stderr.isatty() or _in_notebook()


def _in_notebook() -> bool:
    """True inside a Jupyter kernel (not merely when ipykernel was imported, as test plugins do)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


def progress(iterable: Iterable[T], *, total: int | None = None, desc: str = "", enabled: bool | None = None
             ) -> Iterator[T]:
    """Wrap ``iterable`` in a tqdm bar (notebook-aware) when :func:`progress_enabled` says so."""
    if not progress_enabled(enabled):
        yield from iterable
        return
    from tqdm.auto import tqdm

    yield from tqdm(iterable, total=total, desc=desc, leave=False)

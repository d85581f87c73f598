"""Heavy library steps that cache themselves, and the lazy tables they may be given.

A researcher configures caching once (:func:`cache_steps_in`, which :class:`govreports.workspace.Workspace` calls with
its ``cache_dir``) and then calls plain functions (``keywords.term_frequencies(tokens)``): every function decorated
with :func:`cached_step` looks its result up under ``cache_dir/steps`` by a key made from the function, the content
of every argument (:func:`govreports.runtime.cache.content_key`) and the code and rule files in effect, so an edited
table, setting, dictionary or rule is computed again, never answered from an old result. An argument that has no
content key (a lambda, an open file) makes the call run uncached rather than risk a wrong hit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import pandas as pd

from govreports.runtime.cache import cached_object, content_key, key_of

__all__ = ["LazyTable", "as_frame", "cache_steps_in", "cached_step", "steps_cache_dir"]

P = ParamSpec("P")
R = TypeVar("R")
_STEPS: dict[str, Path | None] = {"dir": None}


class LazyTable:
    """A table read from its cache (or computed) only when it is used.

    Pass it to a cached step (or :meth:`Workspace.memo`) as you would the table: when it carries a ``fingerprint``
    (how it was made, set by the workspace) the cache key uses that, so a result already in the cache is read back
    without reading the table; on a miss the function receives :attr:`frame`. Index it like a DataFrame
    (``table["text"]``: reads the table once and keeps it), or take :attr:`frame` for the DataFrame itself (edit a
    copy of it, not the table: the key describes how the table was made).
    """

    fingerprint: str | None = None

    def __init__(self, make: Callable[[], pd.DataFrame], what: str) -> None:
        self._make, self._what = make, what

    @cached_property
    def frame(self) -> pd.DataFrame:
        """The table itself."""
        return self._make()

    def __getitem__(self, key: Any) -> Any:
        return self.frame[key]

    def __len__(self) -> int:
        return len(self.frame)

    def _repr_html_(self) -> str | None:
        return self.frame._repr_html_()

    def __repr__(self) -> str:
        state = f"{len(self.frame):,} rows" if "frame" in self.__dict__ else "not read yet"
        return f"{type(self).__name__}({self._what}, {state})"


def cache_steps_in(directory: str | Path | None) -> None:
    """Cache the results of the library's heavy steps under ``directory/steps`` (``None``: compute every time)."""
    _STEPS["dir"] = Path(directory) if directory is not None else None


def steps_cache_dir() -> Path | None:
    """Where heavy steps are cached now, or ``None``."""
    return _STEPS["dir"]


def cached_step(func: Callable[P, R]) -> Callable[P, R]:
    """Make ``func`` a heavy step: its result is cached (see the module docstring); lazy tables among its arguments
    are passed to it as DataFrames."""

    @functools.wraps(func)
    def step(*args: P.args, **kwargs: P.kwargs) -> R:
        directory = _STEPS["dir"]
        run = functools.partial(func, *[as_frame(a) for a in args], **{k: as_frame(v) for k, v in kwargs.items()})
        if directory is None:
            return run()
        try:
            key = key_of(f"{func.__module__}.{func.__qualname__}", content_key([list(args), kwargs]))
        except TypeError:
            return run()  # an argument without a content key: computed, never guessed from the cache
        return cached_object(directory, "steps", key, run)

    return step


def as_frame(value: Any) -> Any:
    """A :class:`LazyTable` as its DataFrame; any other value as it is."""
    return value.frame if isinstance(value, LazyTable) else value

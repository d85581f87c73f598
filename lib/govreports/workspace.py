"""A corpus with its caches: load once, and re-run notebooks on an unchanged corpus from the cache.

>>> ws = Workspace("data/raw", cache_dir="data/interim")          # doctest: +SKIP
>>> tokens = ws.tokens(Segmenter())                                # doctest: +SKIP
>>> counts = ws.memo("term-frequencies", keywords.term_frequencies, tokens, stopwords=stop)  # doctest: +SKIP

:meth:`Workspace.memo` calls a function and keeps its result under ``cache_dir/memo`` keyed by the function's
name, its arguments and the corpus. Arguments are described without hashing big tables when possible: a table
the workspace itself produced (documents, paragraphs, tokens, or any memo result) is described by how it was
made; any other table by a hash of its content; sets by their sorted members; a segmenter by its fingerprint.
The corpus key hashes every report's path and sha256, and :func:`govreports.cache.key_of` adds the code
fingerprint, so an edited report, setting, dictionary or code version recomputes instead of reading stale
results. With ``cache_dir=None`` nothing is stored and :meth:`memo` simply calls the function.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Executor
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from govreports import structure
from govreports.cache import cached_object, key_of
from govreports.corpus import load_corpus
from govreports.segment import Segmenter
from govreports.tokens import corpus_tokens

__all__ = ["Workspace"]


class Workspace:
    """The documents of a corpus and the results derived from them, cached under ``cache_dir``.

    Args:
        corpus: a folder, a file, or a list of either (as :func:`govreports.load_corpus`).
        cache_dir: where caches go (``data/interim`` in this project); ``None``: no caching.
        n_jobs, executor: worker processes for loading and segmentation (see :mod:`govreports.parallel`).
        progress_bar: force progress bars on or off.
    """

    def __init__(self, corpus: str | Path | list, *, cache_dir: str | Path | None = None, n_jobs: int = 1,
                 executor: Executor | None = None, progress_bar: bool | None = None) -> None:
        self.cache_dir = cache_dir
        self.n_jobs = n_jobs
        self.executor = executor
        self.progress_bar = progress_bar
        self.documents = load_corpus(corpus, cache_dir=cache_dir, n_jobs=n_jobs, executor=executor,
                                     progress_bar=progress_bar)
        self.files = self.documents.attrs["files"]
        self.key = key_of(list(zip(self.documents["doc_id"], self.documents["sha256"], strict=True)))
        self._origins: list[tuple[object, str]] = []  # (object, how it was made); objects kept alive
        self._register(self.documents, f"documents:{self.key}")

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """The paragraphs table (:func:`govreports.structure.paragraphs`), cached."""
        return self.memo("paragraphs", structure.paragraphs, self.documents)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """The sentences table (:func:`govreports.structure.sentences`), cached."""
        return self.memo("sentences", structure.sentences, self.paragraphs)

    def tokens(self, segmenter: Segmenter) -> pd.DataFrame:
        """The token table for ``segmenter`` (cached in batches, see :mod:`govreports.tokens`)."""
        table = corpus_tokens(self.documents, segmenter, cache_dir=self.cache_dir, n_jobs=self.n_jobs,
                              executor=self.executor, progress_bar=self.progress_bar)
        return self._register(table, f"tokens:{self.key}:{segmenter.fingerprint}")

    def memo(self, name: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``func(*args, **kwargs)``, read from the cache when the same call was made on the same corpus
        (stored with pickle under ``cache_dir/memo``)."""
        parts = [self.key, name, f"{func.__module__}.{func.__qualname__}"]
        parts += [self._describe(value) for value in args]
        parts += [f"{key}={self._describe(value)}" for key, value in sorted(kwargs.items())]
        key = key_of(parts)
        result = cached_object(self.cache_dir, "memo", key, lambda: func(*args, **kwargs))
        return self._register(result, f"memo:{key}")

    def _register(self, value: Any, origin: str) -> Any:
        self._origins.append((value, origin))
        return value

    def _describe(self, value: Any) -> str:
        for known, origin in self._origins:
            if known is value:
                return origin
        if isinstance(value, pd.DataFrame):
            hashed = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
            return "frame:" + hashlib.sha256(hashed + repr(list(value.columns)).encode()).hexdigest()[:16]
        if isinstance(value, set | frozenset):
            return repr(sorted(value))
        if isinstance(value, Segmenter):
            return f"segmenter:{value.fingerprint}"
        if isinstance(value, range):
            return repr(list(value))
        return repr(value)

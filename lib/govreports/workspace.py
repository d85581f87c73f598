"""A corpus with its caches: load once, and re-run notebooks on an unchanged corpus from the cache.

>>> ws = Workspace("data/raw", cache_dir="data/interim")          # doctest: +SKIP
>>> tokens = ws.tokens(Segmenter())                                # doctest: +SKIP
>>> counts = ws.memo("term-frequencies", keywords.term_frequencies, tokens, stopwords=stop)  # doctest: +SKIP

:meth:`Workspace.memo` calls a function and keeps its result under ``cache_dir/memo`` keyed by the function's
name, its arguments and the corpus (tables as Parquet, other results with pickle). The token table is a
:class:`TokenTable`, read from its cache only when something uses it: a second run whose results all come from
the cache never reads the tokens of the corpus. Arguments are described without hashing big tables when possible: a table
the workspace itself produced (documents, paragraphs, tokens, or any memo result) is described by how it was
made; any other table by a hash of its content; sets by their sorted members; a segmenter by its fingerprint.
The corpus key hashes every report's path and sha256, and :func:`govreports.runtime.cache.key_of` adds the code
fingerprint, so an edited report, setting, dictionary or code version recomputes instead of reading stale
results. With ``cache_dir=None`` nothing is stored and :meth:`memo` simply calls the function.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from govreports.corpus import structure
from govreports.corpus.load import load_corpus
from govreports.indicators.extraction import Indicator, extract_indicators, lexicon
from govreports.runtime.cache import cached_frame, cached_object, content_key, key_of
from govreports.runtime.steps import LazyTable, as_frame, cache_steps_in
from govreports.text.segment import Segmenter
from govreports.text.tokens import corpus_tokens, iter_tokens
from govreports.viz import style as figures

__all__ = ["LazyTable", "SavedFigure", "TokenTable", "Workspace"]


def _parquet_safe(value: Any) -> bool:
    """Whether a result reads back from Parquet exactly as it is: a DataFrame without ``attrs``, with a default
    index, unique string column names and only number, boolean, string and date columns (else it is pickled)."""
    if not isinstance(value, pd.DataFrame) or not isinstance(value.index, pd.RangeIndex) or value.attrs:
        return False
    if value.index.start != 0 or value.index.step != 1 or value.index.name is not None:
        return False
    names = list(value.columns)
    if not all(isinstance(n, str) for n in names) or len(set(names)) != len(names):
        return False
    return all(pd.api.types.is_numeric_dtype(t) or pd.api.types.is_bool_dtype(t) or isinstance(t, pd.StringDtype)
               or pd.api.types.is_datetime64_any_dtype(t) for t in value.dtypes)


@dataclass(frozen=True)
class SavedFigure:
    """The files of a saved figure; ``fresh`` is False when they were kept from an earlier run."""

    paths: list[Path]
    fresh: bool

    def _repr_png_(self) -> bytes | None:
        """Jupyter shows the saved PNG of a figure that was not drawn anew (a new one shows itself)."""
        return None if self.fresh else self.paths[0].read_bytes()


def _hashes(paths: list[Path]) -> dict[str, str] | None:
    if not all(path.exists() for path in paths):
        return None
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def _unchanged(record: Path | None, paths: list[Path]) -> bool:
    """The files were written by the call of ``record`` and are still byte for byte what it wrote."""
    return record is not None and record.exists() and json.loads(record.read_text(encoding="utf-8")) == _hashes(paths)


def _remember(record: Path | None, paths: list[Path]) -> None:
    """Record the sha256 of the files just written (nothing without a cache)."""
    if record is not None:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps(_hashes(paths)), encoding="utf-8")


class TokenTable(LazyTable):
    """The token table of a corpus for one segmenter (:func:`govreports.text.tokens.corpus_tokens`), read (or computed)
    only when it is used (see :class:`LazyTable`); :meth:`batches` streams it one batch of reports at a time."""

    def __init__(self, documents: pd.DataFrame, segmenter: Segmenter, *, cache_dir: str | Path | None,
                 n_jobs: int, executor: Executor | None, progress_bar: bool | None) -> None:
        self.documents, self.segmenter = documents, segmenter
        self._options: dict[str, Any] = dict(cache_dir=cache_dir, n_jobs=n_jobs, executor=executor,
                                             progress_bar=progress_bar)
        super().__init__(partial(corpus_tokens, documents, segmenter, **self._options),
                         f"{len(documents):,} reports, segmenter {segmenter.fingerprint}")

    def batches(self) -> Iterator[pd.DataFrame]:
        """The token table one batch of reports at a time (:func:`govreports.text.tokens.iter_tokens`, whose batches
        ``keywords.term_frequencies``, ``attention.attention`` and ``topics.document_term_matrix`` count in the
        workspace's worker processes); the table itself when it was already read."""
        if "frame" in self.__dict__:
            return iter([self.frame])
        return iter_tokens(self.documents, self.segmenter, **self._options)


class Workspace:
    """The documents of a corpus and the results derived from them, cached under ``cache_dir``.

    Args:
        corpus: a folder, a file, or a list of either (as :func:`govreports.load_corpus`).
        cache_dir: where caches go (``data/interim`` in this project); ``None``: no caching.
        n_jobs, executor: worker processes for loading and segmentation (see :mod:`govreports.runtime.parallel`).
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
        cache_steps_in(cache_dir)  # the library's heavy steps (term frequencies, topic fits ...) cache there too
        self._register(self.documents, f"documents:{self.key}")

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """The paragraphs table (:func:`govreports.corpus.structure.paragraphs`), cached."""
        return self.memo("paragraphs", structure.paragraphs, self.documents)

    @cached_property
    def sentences(self) -> LazyTable:
        """The sentences table (:func:`govreports.corpus.structure.sentences`), cached, and read when used
        (``ws.sentences.frame`` is the DataFrame)."""
        key = self._call_key("sentences", structure.sentences, (self.paragraphs,), {})
        table = LazyTable(partial(self.memo, "sentences", structure.sentences, self.paragraphs), "sentences")
        return self._register(table, f"memo:{key}")

    def tokens(self, segmenter: Segmenter) -> TokenTable:
        """The token table for ``segmenter`` (cached in batches, see :mod:`govreports.text.tokens`), read when used."""
        table = TokenTable(self.documents, segmenter, cache_dir=self.cache_dir, n_jobs=self.n_jobs,
                           executor=self.executor, progress_bar=self.progress_bar)
        return self._register(table, f"tokens:{self.key}:{segmenter.fingerprint}")

    def indicators(self, entries: Sequence[Indicator] | None = None) -> pd.DataFrame:
        """The indicator statements (:func:`govreports.indicators.extraction.extract_indicators`, cached per batch of
        reports) with each report's ``place`` added after ``doc_id``."""
        entries = tuple(entries or lexicon())
        table = extract_indicators(self.documents, entries=entries, cache_dir=self.cache_dir, n_jobs=self.n_jobs,
                                   executor=self.executor, progress_bar=self.progress_bar)
        table.insert(1, "place", table["doc_id"].map(dict(zip(self.documents["doc_id"], self.documents["place"],
                                                                strict=True))))
        return self._register(table, f"indicators:{self.key}:{key_of([repr(e) for e in entries])}")

    def write_csv(self, table: pd.DataFrame, path: str | Path) -> Path:
        """Write ``table`` to ``path`` as UTF-8 CSV with a byte-order mark (Excel opens it right) — unless the
        same table was written there before and the file is unchanged (its sha256 is recorded under
        ``cache_dir/exports``)."""
        path = Path(path)
        record = self._record("exports", f"csv:{path.resolve()}", pd.DataFrame.to_csv, (table,), {})
        if _unchanged(record, [path]):
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        table.to_csv(temporary, index=False, encoding="utf-8-sig")
        temporary.replace(path)
        _remember(record, [path])
        return path

    def memo(self, name: str, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``func(*args, **kwargs)``, read from the cache when the same call was made on the same corpus (under
        ``cache_dir/memo``: Parquet for a table that reads back exactly, else pickle). A :class:`LazyTable` argument
        (tokens, sentences) is passed as its DataFrame, and only read when the result is not in the cache."""
        key = self._call_key(name, func, args, kwargs)

        def compute() -> Any:
            return func(*[as_frame(a) for a in args], **{k: as_frame(v) for k, v in kwargs.items()})

        if self.cache_dir is None:
            result = compute()
        elif (Path(self.cache_dir) / "memo" / f"{key}.parquet").exists():
            result = cached_frame(self.cache_dir, "memo", key, compute)
        elif (Path(self.cache_dir) / "memo" / f"{key}.pickle").exists():
            result = cached_object(self.cache_dir, "memo", key, compute)
        else:
            result = compute()
            store = cached_frame if _parquet_safe(result) else cached_object
            store(self.cache_dir, "memo", key, lambda: result)
        return self._register(result, f"memo:{key}")

    def figure(self, name: str, build: Callable[..., Figure], *args: Any, directory: str | Path = "figures",
               **kwargs: Any) -> SavedFigure:
        """Build a figure with ``build(*args, **kwargs)`` and save it as ``directory/name.{png,pdf,svg}``
        (:func:`govreports.viz.style.save`) — unless the same call on the same corpus saved it before and the three
        files are still there, byte for byte (their sha256 are recorded under ``cache_dir/figures``).

        Returns:
            A :class:`SavedFigure`; in a notebook it shows the saved PNG when the figure was not drawn anew.
        """
        paths = [Path(directory) / f"{name}.{fmt}" for fmt in ("png", "pdf", "svg")]
        record = self._record("figures", f"figure:{name}:{Path(directory).resolve()}", build, args, kwargs)
        if _unchanged(record, paths):
            return SavedFigure(paths, fresh=False)
        paths = figures.save(build(*args, **kwargs), name, directory=directory)
        _remember(record, paths)
        return SavedFigure(paths, fresh=True)

    def _record(self, namespace: str, name: str, func: Callable[..., Any], args: tuple, kwargs: dict
                ) -> Path | None:
        """Where the sha256 of the files written by this call are recorded (``None`` without a cache)."""
        if self.cache_dir is None:
            return None
        return Path(self.cache_dir) / namespace / f"{self._call_key(name, func, args, kwargs)}.json"

    def _call_key(self, name: str, func: Callable[..., Any], args: tuple, kwargs: dict) -> str:
        parts = [self.key, name, f"{func.__module__}.{func.__qualname__}"]
        parts += [self._describe(value) for value in args]
        parts += [f"{key}={self._describe(value)}" for key, value in sorted(kwargs.items())]
        return key_of(parts)

    def _register(self, value: Any, origin: str) -> Any:
        """Note on a lazy table how it was made (its cache key until it is read)."""
        if isinstance(value, LazyTable):
            value.fingerprint = origin
        return value

    def _describe(self, value: Any) -> str:
        """The cache key of an argument: a lazy table not read yet by how it was made (it cannot have been edited);
        everything else by its content (:func:`govreports.runtime.cache.content_key`), so a table edited in place, or
        two arrays that differ in one value, never share a cached result."""
        if isinstance(value, LazyTable):
            if "frame" in value.__dict__:
                return "table:" + content_key(value.frame)
            if value.fingerprint is not None:
                return value.fingerprint
        return content_key(value)

"""The token table of a corpus, computed in batches of reports, streamed, and cached as Parquet.

Reports are taken in ``doc_id`` order in batches of ``batch_size``. Each batch's tokens are stored in
``<cache_dir>/tokens/<segmenter fingerprint>/<key>.parquet``, where the key hashes the batch's reports (file
sha256, clean text) and the code (:func:`govreports.runtime.cache.key_of`); the segmenter fingerprint hashes the
dictionaries, HMM, backend and library versions. A changed dictionary or a changed report is therefore never
served stale, and an unchanged corpus is read back instead of segmented again.

For large corpora iterate :func:`iter_tokens`: one batch at a time is in memory. :func:`corpus_tokens` concatenates
all batches, for corpora that fit in memory (notebooks on a few hundred reports).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from govreports.runtime.cache import key_of, write_parquet
from govreports.runtime.parallel import TableRows, map_batches, workers
from govreports.text.segment import Segmenter

__all__ = ["TOKEN_COLUMNS", "TokenBatches", "corpus_tokens", "iter_tokens"]

TOKEN_COLUMNS = ["doc_id", "paragraph", "token", "start", "kind"]


def iter_tokens(documents: pd.DataFrame, segmenter: Segmenter, *, cache_dir: str | Path | None = None,
                batch_size: int = 200, n_jobs: int = 1, executor: Executor | None = None,
                progress_bar: bool | None = None, then: Callable[[pd.DataFrame], Any] | None = None) -> TokenBatches:
    """Token tables of the corpus, one batch of reports at a time, in ``doc_id`` order.

    Args:
        documents: the documents table (:func:`govreports.load_corpus`).
        segmenter: the :class:`~govreports.text.segment.Segmenter`.
        cache_dir: folder for the cache (``data/interim`` here); ``None`` disables caching.
        batch_size: reports per batch (and per cache file).
        n_jobs, executor: segment in worker processes (see :mod:`govreports.runtime.parallel`).
        progress_bar: force the progress bar on or off.
        then: a picklable function applied to each batch's token table where it is made (in the worker), whose
            result is yielded instead of the table: ``partial(term_frequencies, stopwords=...)`` sends back a
            batch's counts rather than its millions of tokens. With workers (``n_jobs`` > 1 or an ``executor``),
            every batch goes to the workers, which look it up in the cache: a cached batch is read there and
            ``then`` applied there (without ``then``, its table is read back here from the cache file).

    Returns:
        A :class:`TokenBatches` iterator (use it as a generator) of DataFrames with :data:`TOKEN_COLUMNS`:
        ``doc_id``, ``paragraph``, ``token``, ``start`` (offset into the clean text) and ``kind`` (word, number,
        punct), sorted by ``doc_id`` then ``start``; or what ``then`` makes of each. Pass it straight to
        ``keywords.term_frequencies``, ``attention.attention`` or ``topics.document_term_matrix``: they count each
        batch in the workers of this call (:meth:`TokenBatches.map`), so a second pass over a cached corpus runs in
        parallel too.
    """
    return TokenBatches(documents, segmenter, dict(cache_dir=cache_dir, batch_size=batch_size, n_jobs=n_jobs,
                                                   executor=executor, progress_bar=progress_bar), then)


class TokenBatches(Iterator[Any]):
    """The batches of :func:`iter_tokens`: an iterator, consumed once, like a generator; :meth:`map` consumes it
    instead, applying a function to every batch in the workers of the call."""

    def __init__(self, documents: pd.DataFrame, segmenter: Segmenter, options: dict[str, Any],
                 then: Callable[[pd.DataFrame], Any] | None) -> None:
        self._documents, self._segmenter, self._options, self._then = documents, segmenter, options, then
        self._stream: Iterator[Any] | None = None

    def __iter__(self) -> TokenBatches:
        return self

    def __next__(self) -> Any:
        if self._stream is None:
            self._stream = _batches(self._documents, self._segmenter, then=self._then, **self._options)
        return next(self._stream)

    def map(self, func: Callable[[Any], Any]) -> Iterator[Any]:
        """``func`` of each batch (of ``then`` of it, when :func:`iter_tokens` was given ``then``), in ``doc_id``
        order, computed where the batch is made or read: in the worker processes of the call (``n_jobs`` > 1 or an
        ``executor``) for batches read from the cache as well, else here. ``func`` must be picklable (a module-level
        function or a ``functools.partial`` of one); its results travel back to this process.

        Raises:
            RuntimeError: the batches were already (partly) iterated: they can be consumed only once.
        """
        if self._stream is not None:
            raise RuntimeError("these token batches were already iterated: call iter_tokens again")
        self._stream = iter(())
        then = func if self._then is None else partial(_chain, self._then, func)
        return _batches(self._documents, self._segmenter, then=then, **self._options)


def _chain(first: Callable[[Any], Any], second: Callable[[Any], Any], value: Any) -> Any:
    return second(first(value))


def _batches(documents: pd.DataFrame, segmenter: Segmenter, *, cache_dir: str | Path | None, batch_size: int,
             n_jobs: int, executor: Executor | None, progress_bar: bool | None,
             then: Callable[[pd.DataFrame], Any] | None) -> Iterator[Any]:
    """The generator behind :class:`TokenBatches`."""
    items = TableRows.sorted_by(documents, ["doc_id", "sha256", "text"], "doc_id")  # made a batch at a time
    folder = str(Path(cache_dir) / "tokens" / segmenter.fingerprint) if cache_dir is not None else None
    work = partial(_tokens_of_batch, segmenter, folder, then)
    if folder is None or executor is not None or workers(n_jobs) > 1:
        # every batch to the workers, which look it up in the cache (hashing its texts there, not here, while the
        # others work): a cached one is read there when ``then`` is given, and only ``then`` of it comes back
        for result in map_batches(work, items, batch_size=batch_size, n_jobs=n_jobs, executor=executor,
                                  desc="segmenting", progress_bar=progress_bar):
            yield pd.read_parquet(result) if isinstance(result, str) else result
        return
    # In this process: batches already in the cache are read, the others segmented.
    # Only the corpus's last batch can be short, so the missing batches, flattened, re-batch into the same batches.
    starts = range(0, len(items), batch_size)
    paths = [_batch_path(folder, items[i : i + batch_size]) for i in starts]
    cached = [path.exists() for path in paths]
    missing = items.take(np.array([i for start, hit in zip(starts, cached, strict=True) if not hit
                                   for i in range(start, min(start + batch_size, len(items)))], dtype=np.int64))
    computed = map_batches(work, missing, batch_size=batch_size, n_jobs=n_jobs, executor=executor,
                           desc="segmenting", progress_bar=progress_bar) if missing else iter(())
    for path, hit in zip(paths, cached, strict=True):
        if hit:
            table = pd.read_parquet(path)
            yield then(table) if then is not None else table
        else:
            result = next(computed)
            yield pd.read_parquet(result) if isinstance(result, str) else result


def corpus_tokens(documents: pd.DataFrame, segmenter: Segmenter, *, cache_dir: str | Path | None = None, batch_size: int = 200, n_jobs: int = 1,
                  executor: Executor | None = None, progress_bar: bool | None = None) -> pd.DataFrame:
    """All tokens of the corpus in one table (see :func:`iter_tokens` for the arguments and columns)."""
    tables = list(iter_tokens(documents, segmenter, cache_dir=cache_dir, batch_size=batch_size, n_jobs=n_jobs,
                              executor=executor, progress_bar=progress_bar))
    if not tables:
        return pd.DataFrame({column: pd.Series(dtype="int64" if column in ("paragraph", "start") else "str")
                             for column in TOKEN_COLUMNS})
    return pd.concat(tables, ignore_index=True)


def _tokens_of_batch(segmenter: Segmenter, folder: str | None, then: Callable[[pd.DataFrame], Any] | None,
                     batch: list[tuple[str, str, str]]) -> Any:
    """Worker: the tokens of a batch of ``(doc_id, sha256, text)`` (or ``then`` of them). With a cache and no
    ``then``, the path of the batch's Parquet file (written if missing): the caller reads it, which is faster than
    sending the table between processes."""
    path = _batch_path(folder, batch) if folder else None
    if path is not None and path.exists():
        return then(pd.read_parquet(path)) if then is not None else str(path)
    table = segmenter.report_tokens(pd.DataFrame(batch, columns=["doc_id", "sha256", "text"]))  # in doc_id order
    if path is not None:
        write_parquet(table, path)  # atomic: a run stopped half-way never leaves a broken cache file
        if then is None:
            return str(path)
    return then(table) if then is not None else table


def _batch_path(folder: str, batch: list[tuple[str, str, str]]) -> Path:
    """Cache file of a batch of ``(doc_id, sha256, text)``: keyed by each report's id, file hash and the sha256 of its
    clean text (hashing the text's UTF-8 bytes: ``repr`` of a long Chinese text costs several times its hash)."""
    return Path(folder) / f"{key_of([(d, h, _digest(t)) for d, h, t in batch])}.parquet"


def _digest(text: object) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else repr(text).encode()).hexdigest()

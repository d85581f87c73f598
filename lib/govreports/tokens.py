"""The token table of a corpus, cached per report under a cache folder (``data/interim/tokens``).

Each report's tokens are stored in ``<cache_dir>/tokens/<segmenter fingerprint>/<key>.parquet``, where the
key hashes the report's file sha256, its clean text and its paragraph boundaries. The segmenter fingerprint
hashes the dictionaries (policy terms, user dictionaries, extra words), the HMM setting and the versions of
jieba and govreports. A changed dictionary or a changed report therefore never reads a stale table; an
unchanged corpus is read back instead of segmented again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from govreports.progress import progress
from govreports.segment import Segmenter
from govreports.structure import paragraphs as paragraphs_of

__all__ = ["corpus_tokens"]

TOKEN_COLUMNS = ["doc_id", "paragraph", "token", "start", "kind"]


def corpus_tokens(
    documents: pd.DataFrame,
    segmenter: Segmenter,
    *,
    paragraphs: pd.DataFrame | None = None,
    cache_dir: str | Path | None = None,
    progress_bar: bool | None = None,
) -> pd.DataFrame:
    """Tokens of every report, paragraph by paragraph.

    Args:
        documents: the documents table (:func:`govreports.load_corpus`).
        segmenter: the :class:`~govreports.segment.Segmenter` to use.
        paragraphs: the paragraphs table, if already built (else built here).
        cache_dir: folder for the cache (``data/interim`` in this project); ``None`` disables caching.
        progress_bar: force the progress bar on or off.

    Returns:
        ``doc_id``, ``paragraph``, ``token``, ``start`` (offset into the clean text) and ``kind`` (word,
        number, punct), sorted by ``doc_id`` then ``start``.
    """
    if paragraphs is None:
        paragraphs = paragraphs_of(documents)
    folder = Path(cache_dir) / "tokens" / segmenter.fingerprint if cache_dir is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    grouped = dict(tuple(paragraphs.groupby("doc_id", sort=True)))
    tables = []
    rows = list(documents[["doc_id", "sha256", "text"]].itertuples(index=False))
    for doc_id, sha256, text in progress(rows, total=len(rows), desc="segmenting", enabled=progress_bar):
        parts = grouped.get(doc_id, paragraphs.iloc[0:0])
        path = folder / f"{_key(sha256, text, parts)}.parquet" if folder is not None else None
        if path is not None and path.exists():
            table = pd.read_parquet(path)
            table.insert(0, "doc_id", doc_id)
        else:
            table = segmenter.tokens_table(parts)
            if path is not None:
                temporary = path.with_suffix(".tmp")
                table.drop(columns="doc_id").to_parquet(temporary, index=False)
                temporary.replace(path)  # atomic: a run stopped half-way never leaves a broken cache file
        tables.append(table)
    if not tables:
        return pd.DataFrame(columns=TOKEN_COLUMNS)
    result = pd.concat(tables, ignore_index=True)
    return result.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)[TOKEN_COLUMNS]


def _key(sha256: str, text: str, parts: pd.DataFrame) -> str:
    digest = hashlib.sha256(f"{sha256}\0{text}\0".encode())
    digest.update(parts[["paragraph", "start", "end"]].to_numpy().tobytes())
    return digest.hexdigest()[:24]

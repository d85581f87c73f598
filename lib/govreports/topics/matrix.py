"""The unit × term count matrix of topic models: paragraphs (or sections, or whole reports) by terms, built batch by
batch from the token table, and its export for R's stm.

Rules (see :mod:`govreports.topics.models` for the models): the units are body paragraphs (headings, titles and
signatures left out), or a report's body paragraphs of one section, or the whole report; the terms are word tokens of
at least 2 characters that are not stop words; the vocabulary keeps terms in at least ``min_df`` and at most
``max_df`` units (ints are counts, floats shares, as in scikit-learn), in alphabetical order; units left with fewer
than ``min_terms`` terms are dropped.

Each batch of tokens is counted per paragraph where it is read (in the workers of
:func:`govreports.text.tokens.iter_tokens`); here the counts are joined to the body paragraphs and laid out as the
rows of a CSR matrix. The columns are numbered by first use in a body paragraph before they are put in
alphabetical order, so that each row stores its terms in the same order whatever the batches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from scipy import io as scipy_io
from scipy import sparse

from govreports.keywords.frequencies import each_batch, is_term
from govreports.runtime.steps import cached_step

__all__ = ["UNIT_COLUMNS", "DocumentTermMatrix", "Unit", "document_term_matrix", "export_stm"]

Unit = Literal["paragraph", "section", "report"]
UNIT_COLUMNS = ["unit", "doc_id", "paragraph", "section", "place", "report_year", "start", "end", "n_terms"]


@dataclass(frozen=True)
class DocumentTermMatrix:
    """Counts of terms (columns) in units (rows), with the units' metadata."""

    counts: sparse.csr_matrix
    vocabulary: np.ndarray
    units: pd.DataFrame = field(repr=False)


@cached_step
def document_term_matrix(tokens: pd.DataFrame | Iterable[pd.DataFrame], documents: pd.DataFrame,
                         paragraphs: pd.DataFrame, *, unit: Unit = "paragraph", stopwords: Iterable[str] = (),
                         min_chars: int = 2, min_df: int | float = 2, max_df: int | float = 0.5, min_terms: int = 5
                         ) -> DocumentTermMatrix:
    """Build the unit × term count matrix (see the module docstring for the rules).

    Args:
        tokens: a token table, or batches of one in ``doc_id`` order (:func:`govreports.text.tokens.iter_tokens`):
            batches are counted one at a time, so the corpus's tokens are never all in memory; batches from
            ``iter_tokens`` are counted in the workers of that call (its ``n_jobs`` or ``executor``).

    Raises:
        ValueError: no unit or no term is left after filtering.
    """
    body = paragraphs.loc[paragraphs["kind"] == "body", ["doc_id", "paragraph", "section", "start", "end"]]
    body = body.rename(columns={"start": "p_start", "end": "p_end"}).reset_index(drop=True)
    find = _finder(body)
    keys = {"paragraph": ["doc_id", "paragraph"], "section": ["doc_id", "section"], "report": ["doc_id"]}[unit]
    vocabulary: dict[str, int] = {}  # term -> column, in order of first use in a body paragraph
    rows, cols, values, metas = [], [], [], []
    offset = 0
    for part in each_batch(tokens, partial(_paragraph_counts, frozenset(stopwords), min_chars)):
        position = find(part.doc_ids, part.paragraphs)  # row of ``body``, or -1 (a heading, a title ...)
        in_body = position >= 0
        if not in_body.any():
            continue
        units = body.take(position[in_body]).reset_index(drop=True)
        if unit == "paragraph":  # each body paragraph is a unit; the batch's paragraphs come in (doc_id, paragraph) order
            meta = units.rename(columns={"p_start": "start", "p_end": "end"})[["doc_id", "paragraph", "start", "end",
                                                                                "section"]]
            number = np.arange(len(units))
        else:
            grouped = units.groupby(keys, sort=True)
            meta = grouped.agg(start=("p_start", "min"), end=("p_end", "max")).reset_index()
            number = grouped.ngroup().to_numpy()
        unit_of_paragraph = np.full(len(in_body), -1, dtype=np.int64)
        unit_of_paragraph[in_body] = number
        entry_unit = unit_of_paragraph[part.entry_paragraph]
        kept = entry_unit >= 0
        columns = _columns(vocabulary, part.terms, part.entry_term[kept], part.entry_first[kept])
        row, column, value = _row_order(entry_unit[kept], columns[part.entry_term[kept]], part.entry_count[kept],
                                        merge=unit != "paragraph")
        rows.append((row + offset).astype(np.int32))
        cols.append(column.astype(np.int32))
        values.append(value.astype(np.int32))
        metas.append(meta)
        offset += len(meta)
    if not metas:
        raise ValueError("no term left for topic modelling: no body paragraph has a term")
    # the entries, row after row and in each row by column (batches hold consecutive rows): the arrays of a CSR matrix
    row, column, value = (np.concatenate(parts) for parts in (rows, cols, values))
    del rows, cols, values
    meta = pd.concat(metas, ignore_index=True)
    names = np.array(list(vocabulary), dtype=object)
    kept = _filter_vocabulary(np.bincount(column, minlength=len(names)), offset, names, min_df, max_df)
    renumbered = np.full(len(names), -1, dtype=np.int64)
    renumbered[kept] = np.arange(len(kept))  # columns in alphabetical order of the terms
    column = renumbered[column]
    used = column >= 0
    if unit != "paragraph":
        meta["paragraph"] = -1
    if unit == "report":
        meta["section"] = "all"
    meta = meta.merge(documents[["doc_id", "place", "report_year"]], on="doc_id", how="left")
    meta["n_terms"] = np.bincount(row[used], weights=value[used], minlength=offset).astype(np.int64)
    keep = (meta["n_terms"] >= min_terms).to_numpy()
    if not keep.any():
        raise ValueError(f"no unit has {min_terms} or more terms of the vocabulary")
    meta = meta[keep].reset_index(drop=True)
    meta.insert(0, "unit", range(len(meta)))
    entries = used & keep[row]
    indptr = np.zeros(len(meta) + 1, dtype=np.int64)
    np.cumsum(np.bincount(row[entries], minlength=offset)[keep], out=indptr[1:])
    counts = sparse.csr_matrix((value[entries].astype(np.int64), column[entries], indptr), shape=(len(meta), len(kept)))
    return DocumentTermMatrix(counts, names[kept].astype(str), meta[UNIT_COLUMNS])


@dataclass(frozen=True)
class _ParagraphCounts:
    """The terms of one batch of tokens counted per paragraph: paragraph ``i`` is ``(doc_ids[i], paragraphs[i])``
    (sorted), term ``j`` is ``terms[j]`` (in order of first use); each entry is a (paragraph, term) pair with its
    count and the row of the batch's terms where the pair first occurs."""

    doc_ids: np.ndarray
    paragraphs: np.ndarray
    terms: np.ndarray
    entry_paragraph: np.ndarray
    entry_term: np.ndarray
    entry_count: np.ndarray
    entry_first: np.ndarray


def _paragraph_counts(stop: frozenset[str], min_chars: int, batch: pd.DataFrame) -> _ParagraphCounts:
    """Worker: the terms (:func:`govreports.keywords.frequencies.terms`) of a batch of tokens counted per paragraph."""
    rows = is_term(batch, stopwords=stop, min_chars=min_chars)
    doc_codes, doc_ids = pd.factorize(batch["doc_id"], sort=True)
    numbers = batch["paragraph"].to_numpy(dtype=np.int64)[rows]
    width = int(numbers.max()) + 1 if len(numbers) else 1
    paragraph_keys, paragraph_of_row = np.unique(doc_codes[rows].astype(np.int64) * width + numbers,
                                                 return_inverse=True)
    term_of_row, names = pd.factorize(batch["token"][rows])
    pairs, first, count = np.unique(paragraph_of_row.astype(np.int64) * max(len(names), 1) + term_of_row,
                                    return_index=True, return_counts=True)
    return _ParagraphCounts(np.asarray(doc_ids, dtype=object)[paragraph_keys // width], paragraph_keys % width,
                            np.asarray(names, dtype=object), pairs // max(len(names), 1),
                            pairs % max(len(names), 1), count.astype(np.int64), first.astype(np.int64))


def _finder(body: pd.DataFrame):
    """A function ``(doc_ids, paragraphs) -> rows of body`` (-1 where the paragraph is not in ``body``).

    Raises:
        ValueError: ``body`` holds a paragraph twice.
    """
    codes, doc_ids = pd.factorize(body["doc_id"])
    code_of = dict(zip(doc_ids.tolist(), range(len(doc_ids)), strict=True))
    numbers = body["paragraph"].to_numpy(dtype=np.int64)
    width = int(numbers.max()) + 1 if len(numbers) else 1
    keys = codes.astype(np.int64) * width + numbers
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    if (np.diff(ordered) == 0).any():
        raise ValueError("the paragraphs table holds a (doc_id, paragraph) twice: pass the table of paragraphs()")

    def find(doc_ids: np.ndarray, paragraphs: np.ndarray) -> np.ndarray:
        code = np.array([code_of.get(doc_id, -1) for doc_id in doc_ids.tolist()], dtype=np.int64)
        key = code * width + paragraphs
        at = np.minimum(np.searchsorted(ordered, key), max(len(ordered) - 1, 0))
        hit = (code >= 0) & (paragraphs < width) & (ordered[at] == key) if len(ordered) else np.zeros(len(key), bool)
        return np.where(hit, order[at] if len(ordered) else -1, -1)

    return find


def _columns(vocabulary: dict[str, int], names: np.ndarray, used: np.ndarray, first: np.ndarray) -> np.ndarray:
    """The column of each of a batch's terms, adding to ``vocabulary`` the batch's new terms among those ``used``
    (term numbers, each first occurring at row ``first`` of the batch) in order of first occurrence: the columns
    are numbered in order of first use in the corpus, whatever the batches."""
    columns = np.array([vocabulary.get(name, -1) for name in names.tolist()], dtype=np.int64)
    unknown = (columns < 0)[used]
    if not unknown.any():
        return columns
    earliest = np.full(len(names), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(earliest, used[unknown], first[unknown])
    new = np.flatnonzero(earliest < np.iinfo(np.int64).max)
    new = new[np.argsort(earliest[new], kind="stable")]
    columns[new] = np.arange(len(vocabulary), len(vocabulary) + len(new))
    vocabulary.update(zip(names[new].tolist(), columns[new].tolist(), strict=True))
    return columns


def _filter_vocabulary(frequency: np.ndarray, n_units: int, names: np.ndarray, min_df: int | float,
                       max_df: int | float) -> np.ndarray:
    """The terms (numbers into ``names``) in at least ``min_df`` and at most ``max_df`` of ``n_units`` units (ints:
    counts, floats: shares, as in scikit-learn), given each term's number of units ``frequency``, in alphabetical
    order of the terms.

    Raises:
        ValueError: no term is left.
    """
    low = min_df if isinstance(min_df, int) else min_df * n_units
    high = max_df if isinstance(max_df, int) else max_df * n_units
    kept = np.flatnonzero((frequency >= low) & (frequency <= high))
    if not len(kept):
        raise ValueError("no term left for topic modelling: min_df and max_df leave an empty vocabulary")
    return kept[np.argsort(names[kept], kind="stable")]


def _row_order(row: np.ndarray, column: np.ndarray, value: np.ndarray, *, merge: bool
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entries sorted by row, then column; with ``merge``, the entries of the same row and column (a term of two
    paragraphs of one section) summed into one."""
    order = np.argsort(row.astype(np.int64) * (int(column.max(initial=0)) + 1) + column, kind="stable")
    row, column, value = row[order], column[order], value[order]
    if merge and len(row):
        first = np.flatnonzero(np.r_[True, (np.diff(row) != 0) | (np.diff(column) != 0)])
        row, column, value = row[first], column[first], np.add.reduceat(value, first)
    return row, column, value


def export_stm(dtm: DocumentTermMatrix, folder: str | Path) -> list[Path]:
    """Write the matrix for R: ``dtm.mtx`` (Matrix Market, read by ``Matrix::readMM``), ``vocab.txt`` (one
    term a line, the matrix's columns) and ``covariates.csv`` (one row per matrix row: unit, doc_id, paragraph,
    town, year, section, n_terms). ``stm::readCorpus(dtm, type = "Matrix")`` turns them into stm's input.

    Returns:
        The three paths.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "dtm.mtx", folder / "vocab.txt", folder / "covariates.csv"]
    scipy_io.mmwrite(paths[0], dtm.counts.astype(np.int64), field="integer")
    paths[1].write_text("\n".join(dtm.vocabulary) + "\n", encoding="utf-8")
    covariates = dtm.units.rename(columns={"place": "town", "report_year": "year"})
    covariates[["unit", "doc_id", "paragraph", "town", "year", "section", "n_terms"]].to_csv(
        paths[2], index=False, encoding="utf-8")
    return paths

"""Sentences of the paragraphs table, with offsets into the clean text.

Sentences end at 。！？!? (with any closing quote or bracket), at the end of a paragraph, and never at a decimal
point or a semicolon (a 预计 or 主要预期目标 lead-in governs the clauses after a ；). A sentence is stripped of the
spaces around it (``str.strip``); a run of spaces between two sentence ends is no sentence.

The table is cut with Arrow's string kernels, column by column; a paragraphs table whose columns are not Arrow
strings and integers (one built by hand), or a text holding the NUL character used as a cut mark, is cut in Python,
with the same result.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from govreports.runtime.tables import concat

__all__ = ["SENTENCE_COLUMNS", "sentences"]

#: Columns of the sentences table, in order.
SENTENCE_COLUMNS = ["doc_id", "paragraph", "sentence", "section", "heading_path", "start", "end", "text"]
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*")
_SENTENCE_END_RE2 = r"([。！？!?][”’」』）)]*)"  # the same, for Arrow (RE2), as a group to put a mark after
_MARK = "\x00"
_CHUNK_ROWS = 50_000  # sentences made at a time in Python


def sentences(paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """The sentences table of a paragraphs table (:func:`govreports.corpus.structure.paragraphs`).

    Returns:
        One row per sentence with ``doc_id``, ``paragraph``, ``sentence`` (0-based within the report, numbered in
        table order), ``section``, ``heading_path``, ``start``, ``end`` (offsets into the clean text) and ``text``.
    """
    if not len(paragraph_table):
        return pd.DataFrame([], columns=SENTENCE_COLUMNS)
    text = _arrow_text(paragraph_table)
    if text is None:
        return _python_sentences(paragraph_table)
    return _arrow_sentences(paragraph_table, text)


def _arrow_text(paragraph_table: pd.DataFrame) -> pa.Array | None:
    """The text column as one Arrow array, or ``None`` when the table is not made of Arrow strings and integers or a
    text holds the cut mark."""
    strings = all(isinstance(paragraph_table[name].dtype, pd.StringDtype) and paragraph_table[name].dtype.storage
                  == "pyarrow" for name in ("doc_id", "section", "heading_path", "text"))
    integers = all(paragraph_table[name].dtype == np.int64 for name in ("paragraph", "start"))
    if not (strings and integers) or paragraph_table[["doc_id", "text"]].isna().any(axis=None):
        return None
    text = pa.array(paragraph_table["text"])
    text = text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
    return None if pc.any(pc.match_substring(text, _MARK)).as_py() else text


def _arrow_sentences(paragraph_table: pd.DataFrame, text: pa.Array) -> pd.DataFrame:
    """Cut every paragraph at once: a mark after each sentence end, split at the marks, the pieces laid end to end."""
    pieces_of = pc.split_pattern(pc.replace_substring_regex(text, _SENTENCE_END_RE2, r"\1" + _MARK), _MARK)
    pieces = pieces_of.flatten()
    parent = pc.list_parent_indices(pieces_of).to_numpy()
    lengths = pc.utf8_length(pieces).to_numpy(zero_copy_only=False).astype(np.int64)
    before = np.cumsum(lengths) - lengths  # characters of all pieces before this one
    firsts = pieces_of.offsets.to_numpy()[:-1] - pieces_of.offsets[0].as_py()  # every paragraph has a piece
    starts = before - before[firsts][parent]  # offset of the piece in its paragraph
    spaces = pa.array(sorted(_spaces()), pieces.type)
    ragged = pc.or_(pc.is_in(pc.utf8_slice_codeunits(pieces, 0, 1), value_set=spaces),
                    pc.is_in(pc.utf8_slice_codeunits(pieces, -1), value_set=spaces))
    ragged = ragged.to_numpy(zero_copy_only=False)
    keep = lengths > 0
    stripped: list[str | None] = [None] * len(pieces)
    for index in np.flatnonzero(ragged):  # rare: a piece that starts or ends with a space
        chunk = pieces[int(index)].as_py()
        clean = chunk.strip()
        keep[index] = bool(clean)
        stripped[index] = clean
        starts[index] += len(chunk) - len(chunk.lstrip())
        lengths[index] = len(clean)
    texts = pc.if_else(pa.array(ragged), pa.array(stripped, pieces.type), pieces) if ragged.any() else pieces
    rows = np.flatnonzero(keep)
    of = parent[rows]
    doc_ids = paragraph_table["doc_id"].take(of).reset_index(drop=True)
    start = paragraph_table["start"].to_numpy()[of] + starts[rows]
    return pd.DataFrame({
        "doc_id": doc_ids,
        "paragraph": paragraph_table["paragraph"].to_numpy()[of],
        "sentence": doc_ids.groupby(doc_ids, sort=False).cumcount().to_numpy(dtype=np.int64),
        "section": paragraph_table["section"].take(of).reset_index(drop=True),
        "heading_path": paragraph_table["heading_path"].take(of).reset_index(drop=True),
        "start": start,
        "end": start + lengths[rows],
        "text": pd.Series(texts.take(pa.array(rows)), dtype=paragraph_table["text"].dtype),
    })


@lru_cache(maxsize=1)
def _spaces() -> frozenset[str]:
    """The characters ``str.strip`` removes (``str.isspace``: all in the Basic Multilingual Plane)."""
    return frozenset(ch for ch in map(chr, range(0x10000)) if ch.isspace())


def _python_sentences(paragraph_table: pd.DataFrame) -> pd.DataFrame:
    """:func:`sentences` in Python, :data:`_CHUNK_ROWS` sentences at a time."""
    counters: dict[str, int] = {}
    parts = []
    for first_row in range(0, len(paragraph_table), _CHUNK_ROWS // 3):  # about _CHUNK_ROWS sentences at a time
        chunk = paragraph_table.iloc[first_row : first_row + _CHUNK_ROWS // 3]
        part = _sentence_columns(chunk, counters)
        if part["doc_id"]:
            parts.append(pd.DataFrame(part))
    if not parts:
        return pd.DataFrame([], columns=SENTENCE_COLUMNS)
    return concat(parts)


def _sentence_columns(paragraph_table: pd.DataFrame, counters: dict[str, int]) -> dict[str, list]:
    """The columns of the sentences of some paragraphs, numbered on from ``counters`` (sentences so far per report)."""
    columns: dict[str, list] = {name: [] for name in ("doc_id", "paragraph", "sentence", "section", "heading_path",
                                                        "start", "end", "text")}
    doc_ids, numbers, sections, paths = (columns[name] for name in ("doc_id", "paragraph", "section", "heading_path"))
    sentence, starts, ends, texts = (columns[name] for name in ("sentence", "start", "end", "text"))
    for doc_id, paragraph, section, path, offset, text in zip(
            *(paragraph_table[name].tolist() for name in ("doc_id", "paragraph", "section", "heading_path", "start",
                                                          "text")), strict=True):
        spans = _sentence_spans(text)
        if not spans:
            continue
        count = len(spans)
        first = counters.get(doc_id, 0)
        counters[doc_id] = first + count
        sentence.extend(range(first, first + count))
        doc_ids.extend([doc_id] * count)
        numbers.extend([paragraph] * count)
        sections.extend([section] * count)
        paths.extend([path] * count)
        for start, end in spans:
            starts.append(offset + start)
            ends.append(offset + end)
            texts.append(text[start:end])
    return columns


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a paragraph, stripped of spaces (see the module docstring)."""
    bounds = [match.end() for match in _SENTENCE_END.finditer(text)]
    if not bounds or bounds[-1] < len(text):
        bounds.append(len(text))
    spans, start = [], 0
    for end in bounds:
        chunk = text[start:end]
        if chunk[:1].isspace() or chunk[-1:].isspace():  # rare: only then strip
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                spans.append((start + lead, start + lead + len(stripped)))
        elif chunk:
            spans.append((start, end))
        start = end
    return spans

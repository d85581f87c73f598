"""Corpus summaries as tables: reports and characters by metadata column, characters by section, report labels."""

from __future__ import annotations

import pandas as pd

from govreports.corpus.structure import SECTION_LABELS

__all__ = ["doc_labels", "section_lengths", "summary"]


def doc_labels(documents: pd.DataFrame) -> pd.Series:
    """A short label per report, ``place report_year`` (航埠镇 2021), falling back to the doc_id.

    Returns:
        A Series indexed like ``documents``; labels are made unique by appending the doc_id when two
        reports share place and year.
    """
    year = documents["report_year"].astype("string").fillna("")
    label = (documents["place"].fillna("").astype(str) + " " + year).str.strip()
    label = label.where(label != "", documents["doc_id"])
    duplicated = label.duplicated(keep=False)
    return label.where(~duplicated, label + " (" + documents["doc_id"] + ")")


def summary(documents: pd.DataFrame, by: str) -> pd.DataFrame:
    """Count reports and characters by one metadata column (``level``, ``province``, ``report_year`` ...).

    Returns:
        Columns ``by``, ``reports``, ``chars`` (sum) and ``median_chars``, sorted by ``by``; missing
        values are shown as ``"(unknown)"``.
    """
    key = documents[by].astype("string").fillna("(unknown)")
    table = documents.assign(**{by: key}).groupby(by, sort=True).agg(
        reports=("doc_id", "size"), chars=("n_chars", "sum"), median_chars=("n_chars", "median")
    )
    return table.reset_index()


def section_lengths(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Characters per report and section (wide: one column per section, in reading order, zeros filled)."""
    table = paragraphs.pivot_table(index="doc_id", columns="section", values="n_chars", aggfunc="sum", fill_value=0)
    return table.reindex(columns=list(SECTION_LABELS), fill_value=0).sort_index()

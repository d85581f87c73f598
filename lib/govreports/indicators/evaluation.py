"""Compare extracted indicator statements with a hand-coded gold table (precision and recall).

The gold table has the columns of ``tests/fixtures/seed_indicators.csv``: ``doc``, ``indicator``, ``kind``,
``period``, ``value``, ``basis``, ``hedge`` (extra columns are ignored). A gold row is found when an extracted row
agrees on all seven, the value to 4 significant digits. Precision is computed over the extracted
jurisdiction-scope rows (firm- and project-level rows are not part of a gold table of places).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["Evaluation", "evaluate", "statement_key"]


@dataclass(frozen=True)
class Evaluation:
    """Matched, missed (gold not extracted) and extra (extracted, not gold) statement keys."""

    matched: frozenset
    missed: frozenset
    extra: frozenset

    @property
    def precision(self) -> float:
        found = len(self.matched) + len(self.extra)
        return len(self.matched) / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = len(self.matched) + len(self.missed)
        return len(self.matched) / wanted if wanted else 0.0


def statement_key(doc: str, indicator: str, kind: str, period: object, value: object, basis: object,
                  hedge: object) -> tuple:
    """The compared fields, normalised: value to 4 significant digits, empty basis and hedge as ``""``."""
    number = None if pd.isna(value) else float(f"{float(value):.4g}")  # type: ignore[arg-type]
    text = [x if isinstance(x, str) else "" for x in (basis, hedge)]
    return (doc, indicator, kind, str(period), number, *text)


def evaluate(extracted: pd.DataFrame, gold: pd.DataFrame) -> Evaluation:
    """Evaluate :func:`govreports.indicators.extraction.extract_indicators` output against a gold table."""
    rows = extracted[extracted["scope"] == "jurisdiction"]
    found = {statement_key(r.doc_id, r.indicator, r.kind, r.period, r.value, r.basis, r.hedge)
             for r in rows.itertuples()}
    wanted = {statement_key(r.doc, r.indicator, r.kind, r.period, r.value, r.basis, r.hedge)
              for r in gold.itertuples()}
    return Evaluation(frozenset(found & wanted), frozenset(wanted - found), frozenset(found - wanted))

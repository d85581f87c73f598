"""The typed record of one indicator statement, and the documented table it becomes at the edge.

:func:`govreports.indicators.statements.sentence_statements` returns :class:`Statement` objects; what a statement
*is* (a target or a result, an estimate or a reported figure, level or growth) is held in typed fields, never
recovered from strings. :func:`statements_table` turns them into the DataFrame of :data:`INDICATOR_COLUMNS` that
:func:`govreports.indicators.extraction.extract_indicators` returns (``kind`` and ``hedge`` are derived there).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

__all__ = ["INDICATOR_COLUMNS", "KINDS", "Measure", "Statement", "is_target", "measure", "statements_table",
           "typed_table"]

Measure = Literal["level", "growth"]

INDICATOR_COLUMNS = ["doc_id", "indicator", "kind", "period", "value", "value_high", "unit", "basis", "hedge",
                     "hedge_class", "is_estimate", "scope", "months", "section", "name", "sentence", "start", "end"]
# The table's ``kind`` values and what each one is: (measure, is_target). Read a table's kinds through
# :func:`is_target` and :func:`measure`, never by taking the string apart.
KINDS: dict[str, tuple[Measure, bool]] = {"level": ("level", False), "growth": ("growth", False),
                                          "target_level": ("level", True), "target_growth": ("growth", True)}


def is_target(kinds: pd.Series) -> pd.Series:
    """For a table's ``kind`` column: True where the row is a target."""
    return kinds.map(lambda kind: KINDS[kind][1]).astype(bool)


def measure(kinds: pd.Series) -> pd.Series:
    """For a table's ``kind`` column: ``level`` or ``growth``."""
    return kinds.map(lambda kind: KINDS[kind][0])


@dataclass(frozen=True)
class Statement:
    """One figure of one indicator, as read from one sentence.

    Attributes:
        indicator: the lexicon id (``gdp``).
        measure: ``level`` (an amount or rate reached) or ``growth`` (a change).
        is_target: set as a goal for the plan period (else a result).
        period: the year (``"2019"``) or span (``"2016-2020"``) the figure refers to; ``None`` when the text does not
            decide it.
        value, value_high: the figure, normalised (money in yuan, growth in percent); ``value_high`` for ranges;
            ``value`` is ``None`` for a stated absence of target (``hedge_class`` ``none``).
        unit: ``yuan``, ``usd``, ``percent``, ``pp`` or a count unit.
        basis: for growth: ``yoy``, ``cumulative`` or ``annual_avg``; ``None`` for levels.
        hedges: the hedge words qualifying the figure, in text order (预计 included when it applies).
        hedge_class: ``range``, ``floor``, ``ceiling``, ``aspiration``, ``approx``, ``exact`` or ``none``.
        is_estimate: 预计 / 初步预计 qualifies the figure (an estimated result).
        scope: ``jurisdiction``, or ``entity`` for a firm's, project's or zone's figure.
        months: ``"1-9"`` for a partial-year figure, ``None`` for a full year.
        section, name: the section of the sentence and the indicator as written.
        start, end: the figure's offsets in the sentence (the name's for a ``none`` statement).
    """

    indicator: str
    measure: Measure
    is_target: bool
    period: str | None
    value: float | None
    value_high: float | None
    unit: str | None
    basis: str | None
    hedges: tuple[str, ...]
    hedge_class: str
    is_estimate: bool
    scope: str
    months: str | None
    section: str
    name: str
    start: int
    end: int

    @property
    def kind(self) -> str:
        """The table's ``kind``: ``level``, ``growth``, ``target_level`` or ``target_growth``."""
        return next(kind for kind, parts in KINDS.items() if parts == (self.measure, self.is_target))

    @property
    def hedge(self) -> str:
        """The table's ``hedge``: the hedge words joined by ``;``."""
        return ";".join(self.hedges)

    def row(self, doc_id: str, sentence: str, offset: int) -> dict[str, object]:
        """The statement as a row of :data:`INDICATOR_COLUMNS`, its offsets moved by ``offset`` into the report."""
        return dict(doc_id=doc_id, indicator=self.indicator, kind=self.kind, period=self.period,
                    value=math.nan if self.value is None else self.value,
                    value_high=math.nan if self.value_high is None else self.value_high, unit=self.unit,
                    basis=self.basis, hedge=self.hedge, hedge_class=self.hedge_class, is_estimate=self.is_estimate,
                    scope=self.scope, months=self.months, section=self.section, name=self.name, sentence=sentence,
                    start=offset + self.start, end=offset + self.end)


def statements_table(rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Rows of :meth:`Statement.row` as the documented table: fixed columns and dtypes, sorted by report and
    position (stable)."""
    return typed_table(pd.DataFrame(list(rows), columns=INDICATOR_COLUMNS))


def typed_table(table: pd.DataFrame) -> pd.DataFrame:
    """A table of :data:`INDICATOR_COLUMNS` (built from rows, or batches of them concatenated) with fixed dtypes and
    column order, sorted by report and position (stable)."""
    text = [c for c in INDICATOR_COLUMNS if c not in ("value", "value_high", "start", "end", "is_estimate")]
    table = table.astype({"value": "float64", "value_high": "float64", "start": "int64", "end": "int64",
                          "is_estimate": "bool", **dict.fromkeys(text, "str")})
    return table.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)[INDICATOR_COLUMNS]

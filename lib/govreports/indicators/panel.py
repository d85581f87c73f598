"""From statements to a panel: one row per place, indicator, period and measure, results beside targets.

Decisions:

- Only jurisdiction-scope statements enter the panel.
- A result (level or growth) is chosen among the statements of the same place, indicator, period, measure, basis
  and unit by: a reported figure before an estimate (预计), a full-year figure before a partial-year one, the
  latest report (a later report revises an earlier estimate), then the doc_id.
- Targets are chosen the same way (latest report first) and kept in their own columns beside the result.
- The consistency check compares a stated growth rate with the one implied by two levels of the panel:
  cumulative ``(end / start - 1) × 100`` over a span, annual average ``((end / start)^(1 / years) - 1) × 100``,
  year on year against the previous year's level. A difference above ``tolerance`` percentage points is flagged.
  Levels are at current prices; growth of GDP and value added is usually stated at comparable prices (按可比价格计算,
  实际增长), so for those a gap of about the inflation rate is expected, not an error: read the flagged sentence before
  correcting anything (the national reports' GDP rows differ by the price rise, e.g. 9.5% real against 17% nominal in
  2004).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from govreports.chinese.periods import parse_period
from govreports.indicators.records import is_target, measure

__all__ = ["PANEL_COLUMNS", "consistency", "indicator_panel"]

PANEL_COLUMNS = ["place", "county", "city", "province", "indicator", "period", "measure", "basis", "unit",
                 "value", "estimate", "months", "doc_id", "target", "target_high", "target_hedge",
                 "target_hedge_class", "target_doc_id"]
_KEY = ["place", "indicator", "period", "measure", "basis", "unit"]


def indicator_panel(table: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Place × period × indicator panel of :func:`govreports.indicators.extraction.extract_indicators` output.

    Returns:
        :data:`PANEL_COLUMNS`: the place and its parents; ``measure`` (level or growth); ``basis``; ``unit``;
        the chosen result (``value``, ``estimate`` True for 预计 figures, ``months`` for partial years,
        ``doc_id``) and the chosen target (``target``, ``target_high``, ``target_hedge``,
        ``target_hedge_class``, ``target_doc_id``). Sorted by place, indicator, period, measure. Empty (with
        these columns) when no jurisdiction statement is given.
    """
    places = documents[["doc_id", "place", "county", "city", "province", "report_year"]]
    own = table.drop(columns=[c for c in places.columns if c != "doc_id"], errors="ignore")
    rows = own[own["scope"] == "jurisdiction"].merge(places, on="doc_id", how="left")
    if rows.empty:
        return pd.DataFrame(columns=PANEL_COLUMNS)
    rows = rows.assign(measure=measure(rows["kind"]), is_target=is_target(rows["kind"]),
                       basis=rows["basis"].fillna(""), place=rows["place"].fillna(rows["doc_id"]),
                       estimate=rows["is_estimate"], partial=rows["months"].notna())
    order = ["estimate", "partial", "report_year", "doc_id"]
    ascending = [True, True, False, True]
    results = (rows[~rows["is_target"]].sort_values(order, ascending=ascending, kind="stable")
               .drop_duplicates(_KEY))
    targets = (rows[rows["is_target"]].sort_values(order, ascending=ascending, kind="stable")
               .drop_duplicates(_KEY))
    targets = targets[[*_KEY, "value", "value_high", "hedge", "hedge_class", "doc_id"]].rename(columns={
        "value": "target", "value_high": "target_high", "hedge": "target_hedge", "hedge_class": "target_hedge_class",
        "doc_id": "target_doc_id"})
    panel = results[[*_KEY, "county", "city", "province", "value", "estimate", "months", "doc_id"]].merge(
        targets, on=_KEY, how="outer")
    parents = rows.drop_duplicates("place").set_index("place")[["county", "city", "province"]]
    for column in ("county", "city", "province"):
        panel[column] = panel[column].fillna(panel["place"].map(parents[column]))
    panel["estimate"] = panel["estimate"].astype("boolean")
    panel["basis"] = panel["basis"].replace("", None)
    panel = panel.sort_values(["place", "indicator", "period", "measure"], kind="stable").reset_index(drop=True)
    return panel[PANEL_COLUMNS]


def consistency(panel: pd.DataFrame, *, tolerance: float = 0.5) -> pd.DataFrame:
    """Stated growth rates against the growth implied by two levels of the panel.

    Returns:
        ``place``, ``indicator``, ``period``, ``basis``, ``stated``, ``implied``, ``difference`` (percentage
        points, stated minus implied) and ``consistent`` (``|difference| <= tolerance``); one row per stated
        result growth for which both levels are in the panel. Empty when there is none.
    """
    levels = panel[(panel["measure"] == "level") & panel["value"].notna()]
    level_of = {(r.place, r.indicator, r.period): r.value for r in levels.itertuples()}
    rows = []
    growth = panel[(panel["measure"] == "growth") & panel["value"].notna() & (panel["unit"] == "percent")
                   & panel["period"].notna()]  # a statement whose year the report does not tell cannot be checked
    for row in growth.itertuples():
        first, end_year = parse_period(row.period) or (0, 0)
        start_year = first - 1
        start = level_of.get((row.place, row.indicator, str(start_year)))
        end = level_of.get((row.place, row.indicator, str(end_year)))
        if start is None or end is None or start <= 0:
            continue
        ratio = end / start
        if row.basis == "annual_avg":
            implied = (ratio ** (1 / (end_year - start_year)) - 1) * 100
        elif row.basis == "cumulative" or row.basis == "yoy":
            implied = (ratio - 1) * 100
        else:
            continue
        rows.append((row.place, row.indicator, row.period, row.basis, row.value, implied, row.value - implied))
    table = pd.DataFrame(rows, columns=["place", "indicator", "period", "basis", "stated", "implied", "difference"])
    table["consistent"] = np.abs(table["difference"]) <= tolerance
    return table

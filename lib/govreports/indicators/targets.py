"""Targets beside their outcomes and beside the targets set above them: the table of growth-target research.

One row per place × year × indicator × measure that has a target (``target_growth``, ``target_level`` or a stated
``none``), from the statements of :func:`govreports.indicators.extraction.extract_indicators` and the documents
table. Decisions (each tested in ``tests/test_targets.py``):

1. *Places* are the documents' place chains (level, province, city, county, place); only jurisdiction-scope
   statements count. A district is county level; the State Council's reports are the national level.
2. *The target* of a place, year, indicator and measure: among its target statements for that period (partial-year
   figures excluded), the one set by the report of that year (a report to the congress of 2024 sets 2024's
   targets), else by the earliest report that states it; within a report, the targets paragraph first, then text
   order (保8争9 gives 8, the binding floor). A stated absence of a numeric target (``none``) gives a row with an
   empty target.
3. *The outcome* is a result of the same place, period, indicator, measure, basis and unit stated by another report
   (the next year's review of the past year, or a later five-year review): a realised figure beats an estimate
   (预计); among figures of the same standing the latest report is used, and when reports disagree every
   figure is listed in ``conflicts`` (``value (doc_id)`` joined by ``; ``). A span target (annual average over a
   plan) is matched with the annual-average result over the same span.
4. *Gap and met.* ``gap`` = outcome − target (the low end for a range), rounded to 6 decimals. ``met``: ``within_range`` for a range the
   outcome falls in (``met`` beyond it on the better side, ``missed`` on the other); for an indicator whose lexicon row
   says lower is better (CPI, unemployment rates, energy intensity: 居民消费价格涨幅控制在3% is a cap whatever its
   hedge), a ceiling (控制在3%以内) or a target stated as a decrease (下降3%), ``met`` when the outcome is at or below the
   target; otherwise (floor, exact, approx, aspiration) ``met`` when it is at or above — a 8%左右 target with 7.9% is ``missed``, as growth-target studies
   code it; the continuous ``gap`` keeps the distance. Empty without an outcome or a numeric target.
5. *Targets above.* ``national_target``, ``province_target``, ``city_target``, ``county_target``: the chosen
   target of the same indicator, measure, basis, unit and year set by the unit above the place (its province, its
   city, its county, from the place chain; the national reports are the parent of every place), when the corpus
   holds that unit's report; empty otherwise and for the place's own level and below.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from govreports.indicators.lexicon import Indicator, lexicon
from govreports.indicators.records import is_target, measure

__all__ = ["LEVELS", "TARGET_COLUMNS", "markups", "met_shares", "targets_table"]

#: Administrative levels from the top.
LEVELS = ("national", "province", "city", "county", "town")

TARGET_COLUMNS = [
    "doc_id", "place", "level", "province", "city", "county", "year", "indicator", "measure", "basis", "unit",
    "target", "target_high", "hedge_class", "outcome", "outcome_is_estimate", "outcome_doc", "gap", "met",
    "national_target", "province_target", "city_target", "county_target", "conflicts",
    "target_sentence", "target_start", "target_end", "outcome_sentence", "outcome_start", "outcome_end",
]
_CHAIN = ["level", "province", "city", "county", "place"]
_KEY = [*_CHAIN, "period", "indicator", "measure", "basis", "unit"]
_PARENT_COLUMN = {"national": "national_target", "province": "province_target", "city": "city_target",
                  "county": "county_target"}


def targets_table(statements: pd.DataFrame, documents: pd.DataFrame,
                  entries: Sequence[Indicator] | None = None) -> pd.DataFrame:
    """Each target beside its outcome and the targets set above it (see the module docstring).

    Args:
        statements: the output of :func:`govreports.indicators.extraction.extract_indicators` (any columns the CLI
            added, such as ``place``, are ignored).
        documents: the documents table (place chain, level and report year of each report).
        entries: the lexicon the statements were read with (default :func:`lexicon`): its ``better`` column says
            in which direction each indicator's target is met.

    Returns:
        :data:`TARGET_COLUMNS`, one row per place, year, indicator and measure with a target, sorted from the top
        level down, then by place, indicator, measure and year. ``year`` is the target's period (``2024``, or
        ``2016-2020`` for a plan's annual average).
    """
    rows = _statements(statements, documents)
    if rows.empty:
        return pd.DataFrame(columns=TARGET_COLUMNS)
    targets = _chosen_targets(rows[rows["is_target"]])
    outcomes = _outcomes(rows[~rows["is_target"]])
    table = targets.merge(outcomes, on=_KEY, how="left")
    low = table["target"]
    table["gap"] = (table["outcome"] - low).round(6)  # figures are stated to at most a few decimals
    lower = {entry.id for entry in (entries or lexicon()) if entry.better == "lower"}
    table["met"] = [_met(*values) for values in zip(table["outcome"], low, table["target_high"], table["hedge_class"],
                                                       table["indicator"].isin(lower), strict=True)]
    table = _with_parents(table, targets)
    table = table.rename(columns={"period": "year", "target_doc": "doc_id"})
    table[_CHAIN] = table[_CHAIN].replace("", None)
    table["basis"] = table["basis"].replace("", None)
    table["outcome_is_estimate"] = table["outcome_is_estimate"].astype("boolean")
    for column in ("target_start", "target_end", "outcome_start", "outcome_end"):
        table[column] = table[column].astype("Int64")
    table["_order"] = table["level"].map({level: i for i, level in enumerate(LEVELS)})
    table = table.sort_values(["_order", "province", "city", "county", "place", "indicator", "measure", "year"],
                              kind="stable", na_position="first")
    return table[TARGET_COLUMNS].reset_index(drop=True)


def met_shares(table: pd.DataFrame) -> pd.DataFrame:
    """Share of targets met, by level and hedge class: ``level``, ``hedge_class``, ``targets`` (with an outcome),
    ``met`` (met or within range), ``share`` (of those with an outcome). Levels from the top."""
    judged = table[table["met"].notna()]
    grouped = judged.assign(ok=judged["met"].isin(["met", "within_range"])).groupby(["level", "hedge_class"])
    shares = grouped["ok"].agg(targets="size", met="sum").reset_index()
    shares["share"] = shares["met"] / shares["targets"]
    shares["_order"] = shares["level"].map({level: i for i, level in enumerate(LEVELS)})
    return shares.sort_values(["_order", "hedge_class"], kind="stable").drop(columns="_order").reset_index(drop=True)


def markups(table: pd.DataFrame) -> pd.DataFrame:
    """How much each level raises the target of the level right above it (层层加码): one row per level and year with
    ``level``, ``above`` (the level it is compared with), ``year``, ``indicator``, ``measure``, ``markup`` (mean of
    own target − the target above, in the target's unit) and ``n`` (place-years behind the mean)."""
    parts = []
    for level, above in zip(LEVELS[1:], LEVELS[:-1], strict=True):
        own = table[(table["level"] == level) & table["target"].notna() & table[_PARENT_COLUMN[above]].notna()]
        if own.empty:
            continue
        diff = own.assign(markup=own["target"] - own[_PARENT_COLUMN[above]], above=above)
        parts.append(diff.groupby(["level", "above", "year", "indicator", "measure"], as_index=False)
                     .agg(markup=("markup", "mean"), n=("markup", "size")).round({"markup": 6}))
    columns = ["level", "above", "year", "indicator", "measure", "markup", "n"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def _statements(statements: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Jurisdiction statements of full periods with their report's place chain and year."""
    chain = documents[["doc_id", *_CHAIN, "report_year"]]
    own = statements.drop(columns=[c for c in chain.columns if c != "doc_id"], errors="ignore")
    rows = own[(own["scope"] == "jurisdiction") & own["months"].isna() & own["period"].notna()]
    rows = rows.merge(chain, on="doc_id", how="left")
    rows = rows[rows["level"].isin(LEVELS)]
    rows = rows.assign(**{column: rows[column].fillna("") for column in _CHAIN})  # keys compare equal when empty
    return rows.assign(is_target=is_target(rows["kind"]), measure=measure(rows["kind"]),
                       basis=rows["basis"].fillna(""), unit=rows["unit"].fillna(""),
                       first_year=rows["period"].str.slice(0, 4).astype(int))


def _chosen_targets(rows: pd.DataFrame) -> pd.DataFrame:
    order = rows.assign(own_year=rows["report_year"] != rows["first_year"], section_order=rows["section"] != "targets")
    order = order.sort_values(["own_year", "report_year", "doc_id", "section_order", "start"], kind="stable")
    chosen = order.drop_duplicates(_KEY)
    return chosen[[*_KEY, "value", "value_high", "hedge_class", "doc_id", "sentence", "start", "end"]].rename(
        columns={"value": "target", "value_high": "target_high", "doc_id": "target_doc", "sentence": "target_sentence",
                 "start": "target_start", "end": "target_end"})


def _outcomes(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows[rows["value"].notna()]
    order = rows.sort_values(["is_estimate", "report_year", "doc_id", "start"], ascending=[True, False, True, True],
                             kind="stable")
    chosen = order.drop_duplicates(_KEY)
    conflicts = {}
    for key, group in order.groupby(_KEY, sort=False, dropna=False):
        best = group[group["is_estimate"] == group["is_estimate"].iloc[0]]
        if best["value"].round(6).nunique() > 1:
            conflicts[key] = "; ".join(f"{v:g} ({d})" for v, d in zip(best["value"], best["doc_id"], strict=True))
    chosen = chosen.assign(conflicts=[conflicts.get(tuple(k)) for k in chosen[_KEY].itertuples(index=False)])
    return chosen[[*_KEY, "value", "is_estimate", "doc_id", "sentence", "start", "end", "conflicts"]].rename(
        columns={"value": "outcome", "is_estimate": "outcome_is_estimate", "doc_id": "outcome_doc",
                 "sentence": "outcome_sentence", "start": "outcome_start", "end": "outcome_end"})


def _met(outcome: float, target: float, high: float, hedge_class: str, lower_is_better: bool) -> str | None:
    if pd.isna(outcome) or pd.isna(target):
        return None
    lower = lower_is_better or hedge_class == "ceiling" or target < 0  # a cap, a price, a decrease to reach
    if hedge_class == "range" and not pd.isna(high):
        if target <= outcome <= high:
            return "within_range"
        return "met" if (outcome < target if lower else outcome > high) else "missed"
    return ("met" if outcome <= target else "missed") if lower else ("met" if outcome >= target else "missed")


def _with_parents(table: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Add the targets of the units above each place (see the module docstring, decision 5)."""
    match = ["period", "indicator", "measure", "basis", "unit"]
    by_level = {level: targets[targets["level"] == level] for level in LEVELS[:-1]}
    rank = table["level"].map({level: i for i, level in enumerate(LEVELS)})
    for i, level in enumerate(LEVELS[:-1]):
        column = _PARENT_COLUMN[level]
        parents = by_level[level]
        if parents.empty:
            table[column] = np.nan
            continue
        if level == "national":
            link = parents[[*match, "target"]]
            merged = table[match].merge(link.drop_duplicates(match), on=match, how="left")["target"]
        else:
            # the unit above is named in the place's chain: its province, city or county column
            link = parents[[*match, "place", "target"]].rename(columns={"place": level})
            if level in ("city", "county"):
                link = link.assign(province=parents["province"].to_numpy())
                keys = [*match, level, "province"]
            else:
                keys = [*match, level]
            merged = table[keys].merge(link.drop_duplicates(keys), on=keys, how="left")["target"]
        table[column] = np.where(rank.to_numpy() > i, merged.to_numpy(dtype=float), np.nan)
    return table

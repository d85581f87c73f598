"""The indicator panel and its consistency check."""

from __future__ import annotations

import pandas as pd
import pytest

from govreports.indicators.extraction import extract_indicators
from govreports.indicators.panel import consistency, indicator_panel


@pytest.fixture(scope="module")
def panel(documents) -> pd.DataFrame:
    return indicator_panel(extract_indicators(documents), documents)


def test_panel_keeps_results_and_targets_side_by_side(panel) -> None:
    diankou = panel[(panel.place == "店口镇") & (panel.indicator == "gdp")].set_index("period")
    assert diankou.loc["2019", "value"] == 8.5 and bool(diankou.loc["2019", "estimate"])
    assert pd.isna(diankou.loc["2020", "value"]) and diankou.loc["2020", "target"] == 8.5
    assert diankou.loc["2020", "target_hedge_class"] == "approx"
    assert (panel["county"].notna()).all()


def test_reported_figures_win_over_estimates_and_later_reports_over_earlier() -> None:
    documents = pd.DataFrame({"doc_id": ["a2020", "b2021"], "place": ["某镇", "某镇"], "county": ["某县"] * 2,
                              "city": ["某市"] * 2, "province": ["某省"] * 2, "report_year": [2020, 2021]})
    base = dict(indicator="gdp", kind="level", period="2020", unit="yuan", basis=None, months=None,
                scope="jurisdiction", value_high=float("nan"), hedge_class="exact")
    table = pd.DataFrame([
        {**base, "doc_id": "a2020", "value": 9.0e9, "hedge": "预计", "is_estimate": True},
        {**base, "doc_id": "b2021", "value": 9.2e9, "hedge": "", "is_estimate": False},
        {**base, "doc_id": "a2020", "value": 1.0e9, "hedge": "", "is_estimate": False, "scope": "entity"},
    ])
    (row,) = indicator_panel(table, documents).itertuples()
    assert (row.value, bool(row.estimate), row.doc_id) == (9.2e9, False, "b2021")


def test_consistency_flags_the_tax_figure_of_sample_000(panel) -> None:
    checks = consistency(panel).set_index("indicator")
    assert set(checks.index) == {"gdp", "general_budget_revenue", "rural_income_per_capita", "tax_revenue"}
    # 2,400 -> 8,105 万元 is +237.71%; the report says 238.67%
    assert checks.loc["tax_revenue", "implied"] == pytest.approx((8105 / 2400 - 1) * 100)
    assert not checks.loc["tax_revenue", "consistent"]
    assert checks.drop(index="tax_revenue")["consistent"].all()
    assert checks.loc["gdp", "implied"] == pytest.approx(72.381, abs=1e-3)


def test_consistency_of_annual_average_growth() -> None:
    panel = pd.DataFrame({
        "place": ["甲镇"] * 3, "indicator": ["gdp"] * 3, "period": ["2015", "2020", "2016-2020"],
        "measure": ["level", "level", "growth"], "basis": [None, None, "annual_avg"],
        "unit": ["yuan", "yuan", "percent"], "value": [100.0, 100 * 1.08**5, 8.0]})
    (row,) = consistency(panel).itertuples()
    assert row.implied == pytest.approx(8.0) and row.consistent


def test_statements_without_a_year_are_kept_but_not_checked() -> None:
    panel = pd.DataFrame({
        "place": ["甲镇"] * 3, "indicator": ["gdp"] * 3, "period": ["2015", "2020", None],
        "measure": ["level", "level", "growth"], "basis": [None, None, "yoy"],
        "unit": ["yuan", "yuan", "percent"], "value": [100.0, 120.0, 8.0]})
    assert consistency(panel).empty

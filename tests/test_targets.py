"""Targets beside outcomes and beside the targets above (:mod:`govreports.indicators.targets`), on sentences of
real reports (named in the comments). Each test builds the few reports it needs as a documents table: the place
chain, level and years a loaded report would carry, and the report's sentences as its clean text."""

from __future__ import annotations

import math

import pandas as pd

from govreports.indicators.extraction import extract_indicators
from govreports.indicators.targets import TARGET_COLUMNS, markups, met_shares, targets_table

_CHAINS = {
    "中华人民共和国": ("national", None, None, None),
    "河北省": ("province", "河北省", None, None),
    "保定市": ("city", "河北省", "保定市", None),
    "顺平县": ("county", "河北省", "保定市", "顺平县"),
    "满城区": ("county", "河北省", "保定市", "满城区"),
}


def _reports(*reports: tuple[str, str, int, str]) -> pd.DataFrame:
    """Documents of ``(doc_id, place, report_year, text)``; each is a report to its congress (reviews the year
    before, plans its own year)."""
    rows = []
    for doc_id, place, year, text in reports:
        level, province, city, county = _CHAINS[place]
        rows.append(dict(doc_id=doc_id, place=place, level=level, province=province, city=city, county=county,
                         report_year=year, review_period=str(year - 1), plan_period=str(year), text=text))
    return pd.DataFrame(rows)


def _table(documents: pd.DataFrame) -> pd.DataFrame:
    return targets_table(extract_indicators(documents, progress_bar=False), documents)


def _gdp(table: pd.DataFrame, place: str, year: str) -> pd.Series:
    rows = table[(table["place"] == place) & (table["year"] == year) & (table["indicator"] == "gdp")
                 & (table["measure"] == "growth")]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_the_target_beside_the_outcome_the_next_report_states() -> None:
    # Shunping: the 2023 report sets 7%左右, the 2024 report's review states 7.2%
    documents = _reports(
        ("shunping_2023", "顺平县", 2023, "今年经济社会发展的主要预期目标是：生产总值增长7%左右，一般公共预算收入增长8.6%。"),
        ("shunping_2024", "顺平县", 2024, "一、2023年工作回顾\n全年完成地区生产总值100.6亿元，历史性突破百亿大关，增长7.2%，排名全市第一。"),
    )
    table = _table(documents)
    assert list(table.columns) == TARGET_COLUMNS
    row = _gdp(table, "顺平县", "2023")
    assert (row["doc_id"], row["target"], row["hedge_class"], row["outcome"], row["outcome_doc"]) == (
        "shunping_2023", 7.0, "approx", 7.2, "shunping_2024")
    assert math.isclose(row["gap"], 0.2) and row["met"] == "met" and not row["outcome_is_estimate"]
    assert "增长7%左右" in row["target_sentence"] and "增长7.2%" in row["outcome_sentence"]
    text = documents.set_index("doc_id").loc["shunping_2024", "text"]
    assert text[row["outcome_start"] : row["outcome_end"]] == "7.2%"


def test_a_floor_target_that_was_missed() -> None:
    # Mancheng: 8%以上 set in 2022; the 2023 report estimates 3% for 2022
    documents = _reports(
        ("mancheng_2022", "满城区", 2022, "今年经济社会发展的主要预期目标是：地区生产总值增长8%以上；一般公共预算收入增长8%以上。"),
        ("mancheng_2023", "满城区", 2023, "一、2022年工作回顾\n预计全年地区生产总值增长3%，社会消费品零售总额增长5%。"),
    )
    row = _gdp(_table(documents), "满城区", "2022")
    assert (row["target"], row["hedge_class"], row["outcome"], row["gap"], row["met"]) == (8.0, "floor", 3.0, -5.0,
                                                                                            "missed")
    assert row["outcome_is_estimate"]


def test_a_realised_figure_supersedes_an_estimate_and_disagreements_are_kept() -> None:
    documents = _reports(
        ("mancheng_2022", "满城区", 2022, "今年经济社会发展的主要预期目标是：地区生产总值增长8%以上。"),
        ("mancheng_2023", "满城区", 2023, "一、2022年工作回顾\n预计全年地区生产总值增长3%，社会消费品零售总额增长5%。"),
        # a later report restates the year's result, realised
        ("mancheng_2024", "满城区", 2024, "一、2023年工作回顾\n2022年，全区地区生产总值增长2.6%。"),
    )
    row = _gdp(_table(documents), "满城区", "2022")
    assert (row["outcome"], row["outcome_doc"], bool(row["outcome_is_estimate"])) == (2.6, "mancheng_2024", False)
    assert pd.isna(row["conflicts"])  # an estimate does not conflict with a realised figure


def test_a_range_target() -> None:
    # Anhui 2026 sets 5%—5.5%; a review stating 5.2% (the wording of Jiangxi 2026) falls inside it
    documents = _reports(
        ("anhui_2026", "河北省", 2026, "主要预期目标是：全省地区生产总值增长5%—5.5%，在实际工作中努力争取更好结果。"),
        ("anhui_2027", "河北省", 2027, "一、2026年工作回顾\n一是经济增长好于预期。地区生产总值增长5.2%，规模以上工业增加值增长7.5%。"),
    )
    row = _gdp(_table(documents), "河北省", "2026")
    assert (row["target"], row["target_high"], row["hedge_class"], row["outcome"], row["met"]) == (
        5.0, 5.5, "range", 5.2, "within_range")
    assert math.isclose(row["gap"], 0.2)  # from the low end


def test_a_year_without_a_numeric_target() -> None:
    # national 2020: no growth target; the 2021 report states the outcome
    documents = _reports(
        ("national_2020", "中华人民共和国", 2020, "我们没有提出全年经济增速具体目标，主要考虑是全球疫情和经贸形势不确定性很大。"),
        ("national_2021", "中华人民共和国", 2021, "一、2020年工作回顾\n国内生产总值增长2.3%，实现全年经济增长。"),
    )
    row = _gdp(_table(documents), "中华人民共和国", "2020")
    assert pd.isna(row["target"]) and row["hedge_class"] == "none"
    assert row["outcome"] == 2.3 and pd.isna(row["gap"]) and pd.isna(row["met"])


def test_a_county_carries_the_targets_of_its_city_province_and_the_state_council() -> None:
    documents = _reports(
        # national 2009's wording, as the State Council's report of the same year
        ("national_2024", "中华人民共和国", 2024, "今年国民经济和社会发展的主要预期目标是：国内生产总值增长5%左右，经济结构进一步优化。"),
        ("hebei_2024", "河北省", 2024, "今年全省经济社会发展的主要预期目标是：全省地区生产总值增长5.5%左右。"),
        ("baoding_2024", "保定市", 2024, "经济社会发展的主要预期目标是：生产总值增长6%以上，一般公共预算收入增长6%以上。"),
        ("shunping_2024", "顺平县", 2024, "今年经济社会发展的主要预期目标是：地区生产总值增长6.8%左右，规模以上工业增加值增长8%。"),
    )
    table = _table(documents)
    county = _gdp(table, "顺平县", "2024")
    assert (county["target"], county["city_target"], county["province_target"], county["national_target"]) == (
        6.8, 6.0, 5.5, 5.0)
    assert pd.isna(county["county_target"])  # its own level
    city = _gdp(table, "保定市", "2024")
    assert (city["province_target"], city["national_target"]) == (5.5, 5.0) and pd.isna(city["city_target"])
    assert pd.isna(_gdp(table, "中华人民共和国", "2024")["national_target"])
    assert list(table["level"]) == sorted(table["level"], key=["national", "province", "city", "county"].index)
    gdp = markups(table[table["indicator"] == "gdp"])
    assert [(r.level, r.above, r.markup, r.n) for r in gdp.itertuples()] == [
        ("province", "national", 0.5, 1), ("city", "province", 0.5, 1), ("county", "city", 0.8, 1)]
    # 层层加码 for the county's own targets only where the units above set the same indicator
    assert pd.isna(table[(table["place"] == "顺平县") & (table["indicator"] == "industrial_value_added_above_scale")]
                   ["city_target"]).all()


def test_shares_met_by_level_and_hedge_class() -> None:
    table = pd.DataFrame({"level": ["county", "county", "county", "city"], "hedge_class": ["floor"] * 3 + ["approx"],
                          "met": ["met", "missed", None, "met"]})
    shares = met_shares(table)
    assert shares.to_dict("records") == [
        {"level": "city", "hedge_class": "approx", "targets": 1, "met": 1, "share": 1.0},
        {"level": "county", "hedge_class": "floor", "targets": 2, "met": 1, "share": 0.5}]


def test_a_price_target_is_a_cap_whatever_its_hedge() -> None:
    # national 2005: 居民消费价格总水平涨幅控制在4% (控制在 without 以内 reads as exact); the 2006 report states 1.8%
    documents = _reports(
        ("national_2005", "中华人民共和国", 2005, "今年经济社会发展主要预期目标是：居民消费价格总水平涨幅控制在4%。"),
        ("national_2006", "中华人民共和国", 2006, "一、2005年工作回顾\n居民消费价格上涨1.8%。"),
    )
    table = _table(documents)
    row = table[table["indicator"] == "cpi"].iloc[0]
    assert (row["target"], row["hedge_class"], row["outcome"], row["met"]) == (4.0, "exact", 1.8, "met")


def test_the_target_figures_fit_a_page_and_say_when_there_is_nothing_to_draw() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from govreports.viz.style import use_style
    from govreports.viz.targets import markups_figure, outcomes_figure

    use_style()
    documents = _reports(
        ("shunping_2023", "顺平县", 2023, "今年经济社会发展的主要预期目标是：生产总值增长7%左右，一般公共预算收入增长8.6%。"),
        ("shunping_2024", "顺平县", 2024, "一、2023年工作回顾\n全年完成地区生产总值100.6亿元，历史性突破百亿大关，增长7.2%，排名全市第一。"),
        ("baoding_2024", "保定市", 2024, "经济社会发展的主要预期目标是：生产总值增长6%以上，一般公共预算收入增长6%以上。"),
        ("shunping_2024b", "顺平县", 2024, "今年经济社会发展的主要预期目标是：地区生产总值增长6.8%左右。"),
    )
    table = _table(documents)
    for fig in (outcomes_figure(table), markups_figure(markups(table))):
        assert fig.get_figwidth() <= 6.5
        assert not any("语料中没有" in t.get_text() for t in fig.findobj(matplotlib.text.Text))
        plt.close(fig)
    empty = table.iloc[0:0]
    for fig in (outcomes_figure(empty), markups_figure(markups(empty))):
        assert any("语料中没有" in t.get_text() for t in fig.findobj(matplotlib.text.Text))
        plt.close(fig)


def test_a_year_end_summary_states_the_outcome_of_its_own_year() -> None:
    # a town's summary of 2023 (delivered in December) reviews 2023 itself: it carries the outcome of the target set
    # by the January report; wording of the 满城 and 顺平 reports
    documents = _reports(
        ("town_2023", "顺平县", 2023, "今年经济社会发展的主要预期目标是：生产总值增长7%左右。"),
        ("town_summary_2023", "顺平县", 2024, "一、2023年工作总结\n全年完成地区生产总值100.6亿元，增长7.2%。"),
    )
    documents.loc[1, ["report_year", "review_period", "plan_period"]] = [2023, "2023", "2024"]
    row = _gdp(_table(documents), "顺平县", "2023")
    assert (row["outcome"], row["outcome_doc"], row["met"]) == (7.2, "town_summary_2023", "met")

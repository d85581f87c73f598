"""Indicator statements: the seed gold (recall and precision 1.0), each reading rule, and real report targets."""

from __future__ import annotations

import pandas as pd
import pytest

from govreports.indicators.evaluation import evaluate, statement_key
from govreports.indicators.extraction import extract_indicators, find_mentions, lexicon, sentence_statements
from tests.conftest import FIXTURES

GOLD = pd.read_csv(FIXTURES / "seed_indicators.csv", dtype={"period": str, "basis": str, "hedge": str},
                   keep_default_na=False)
LEXICON = lexicon()


@pytest.fixture(scope="module")
def extracted(documents) -> pd.DataFrame:
    return extract_indicators(documents)


def _read(text: str, *, section: str = "other", year: int = 2020, review: str | None = "2019",
          plan: str | None = "2020") -> list[dict]:
    return sentence_statements(text, LEXICON, section=section, report_year=year, review=review, plan=plan)


def _brief(statements: list[dict]) -> list[tuple]:
    return [(s.indicator, s.kind, s.period, s.value, s.basis, s.hedge, s.hedge_class)
            for s in statements]


# --- the seed gold -------------------------------------------------------------------------------------

@pytest.mark.parametrize("row", GOLD.to_dict("records"), ids=[f"{r['doc'][:3]}-{r['indicator']}-{r['kind']}-{r['period']}"
                                                               for r in GOLD.to_dict("records")])
def test_every_gold_row_is_found(extracted, row: dict) -> None:
    wanted = statement_key(row["doc"], row["indicator"], row["kind"], row["period"], float(row["value"]),
                           row["basis"], row["hedge"])
    found = {statement_key(r.doc_id, r.indicator, r.kind, r.period, r.value, r.basis, r.hedge)
             for r in extracted.itertuples()}
    assert wanted in found


def test_recall_and_precision_on_the_gold_are_one(extracted) -> None:
    result = evaluate(extracted, GOLD.assign(value=GOLD["value"].astype(float)))
    assert (result.recall, result.precision) == (1.0, 1.0), (sorted(result.missed), sorted(result.extra))
    assert len(result.matched) == len(GOLD) == 39


def test_sample_001_has_no_indicator_statement(extracted) -> None:
    assert extracted[extracted["doc_id"] == "001_3211566eb9366b4c"].empty


def test_rows_carry_units_offsets_and_sentences(extracted, documents) -> None:
    texts = documents.set_index("doc_id")["text"]
    for row in extracted.itertuples():
        figure = texts[row.doc_id][row.start : row.end]
        assert figure in row.sentence
        assert row.sentence in texts[row.doc_id]
    units = extracted.groupby("kind")["unit"].agg(set).to_dict()
    assert units == {"level": {"yuan"}, "growth": {"percent"}, "target_level": {"yuan"},
                     "target_growth": {"percent"}}
    partial = extracted[extracted["months"].notna()]
    assert set(partial["indicator"]) == {"industrial_output_above_scale"} and set(partial["months"]) == {"1-9"}


# --- the reading rules, on sentences of the sample reports -----------------------------------------------

def test_from_to_gives_two_levels_and_a_cumulative_growth() -> None:
    text = "五年里,我们的地区生产总值从5.25亿元上升至9.05亿元,增长了72.38%;全社会固定资产投资从5.278亿元上升至20.81亿元,翻了两番。"
    assert _brief(_read(text, section="review", year=2021, review="2016-2020", plan="2021-2025")) == [
        ("gdp", "level", "2015", 525_000_000.0, None, "", "exact"),
        ("gdp", "level", "2020", 905_000_000.0, None, "", "exact"),
        ("gdp", "growth", "2016-2020", 72.38, "cumulative", "", "exact"),
        ("fixed_asset_investment", "level", "2015", 527_800_000.0, None, "", "exact"),
        ("fixed_asset_investment", "level", "2020", 2_081_000_000.0, None, "", "exact"),
    ]  # 翻了两番 is not read as a number


def test_from_to_with_years_written() -> None:
    text = "地区生产总值由2015年的120亿元增加到2020年的180亿元。"
    periods = [s.period for s in _read(text, section="review", review="2020")]
    assert periods == ["2015", "2020"]


def test_shared_predicate_and_the_above_scale_trap() -> None:
    text = "规上工业增加值、固定资产投资、自营出口、居民人均可支配收入增速均保持在10%以上。"
    rows = _read(text, section="review")
    assert [r.indicator for r in rows] == [
        "industrial_value_added_above_scale", "fixed_asset_investment", "exports", "resident_income_per_capita"]
    assert {(r.value, r.hedge, r.hedge_class) for r in rows} == {(10.0, "以上", "floor")}
    trap = _read("规模以上工业增加值增长8.5%左右。", section="review")
    assert _brief(trap) == [("industrial_value_added_above_scale", "growth", "2019", 8.5, "yoy", "左右", "approx")]


def test_respectively_pairs_names_and_figures() -> None:
    rows = _read("地区生产总值、一般公共预算收入分别增长7.5%和9.1%。", section="review")
    assert [(r.indicator, r.value) for r in rows] == [("gdp", 7.5), ("general_budget_revenue", 9.1)]


def test_estimate_after_a_name_covers_only_its_clause() -> None:
    text = "全镇生产总值预计增长8.5%左右;财政总收入增长10%左右。"
    assert [(r.indicator, r.hedge) for r in _read(text, section="review")] == [
        ("gdp", "预计;左右"), ("fiscal_revenue_total", "左右")]


def test_estimate_opening_a_clause_covers_the_rest_of_the_sentence() -> None:
    text = "预计全年实现地区生产总值95亿元,实现规上工业总产值288.5亿元;财政总收入6.6亿元;农民人均收入54165元、同比增长8.5%。"
    rows = _read(text, section="review")
    assert [(r.kind, r.hedge) for r in rows] == [("level", "预计")] * 4 + [("growth", "预计")]
    assert rows[-1].indicator == "rural_income_per_capita" and rows[-1].basis == "yoy"


def test_estimate_is_not_a_target_and_a_new_target_clause_ends_it() -> None:
    rows = _read("预计全年地区生产总值增长7%左右,力争一般公共预算收入增长8%以上。", section="review", year=2023,
                 review="2023", plan="2024")
    assert _brief(rows) == [
        ("gdp", "growth", "2023", 7.0, "yoy", "预计;左右", "approx"),
        ("general_budget_revenue", "target_growth", "2023", 8.0, "yoy", "力争;以上", "floor"),
    ]


def test_unrelated_figures_after_an_indicator_are_left_alone() -> None:
    text = "预计完成高新技术产业投资14亿元,R&D经费7亿元,实现高新技术产业产值150亿元,引进各类人才10名,建成院士专家工作站4家。"
    rows = _read(text, section="review")
    assert [(r.indicator, r.value) for r in rows] == [
        ("high_tech_investment", 1.4e9), ("rd_expenditure", 7e8), ("high_tech_output", 1.5e10)]


def test_partial_year_keeps_its_year_and_months() -> None:
    rows = _read("1-9月,18家规上工业企业实现产值14.62亿元,同比去年增长24.9%,实现逆势增长。", section="review",
                 year=2021, review="2016-2020", plan="2021-2025")
    assert [(r.kind, r.period, r.months, r.basis) for r in rows] == [
        ("level", "2020", "1-9", None), ("growth", "2020", "1-9", "yoy")]


def test_five_year_targets() -> None:
    text = "到2025年,镇域经济综合实力位居市、区前列,实现财政收入逐年递增10%,到2025年突破4.8亿元,全社会固定资产投资年均增长8%左右,规模以上企业营业收入年均增长8%左右。"
    assert _brief(_read(text, section="targets", year=2021, review="2016-2020", plan="2021-2025")) == [
        ("fiscal_revenue_total", "target_growth", "2021-2025", 10.0, "annual_avg", "", "exact"),
        ("fiscal_revenue_total", "target_level", "2025", 480_000_000.0, None, "突破", "floor"),
        ("fixed_asset_investment", "target_growth", "2021-2025", 8.0, "annual_avg", "左右", "approx"),
        ("revenue_above_scale_enterprises", "target_growth", "2021-2025", 8.0, "annual_avg", "左右", "approx"),
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [("今年地区生产总值增长6%。", "2020"), ("明年地区生产总值力争增长6%。", "2021"), ("去年地区生产总值增长6%。", "2019"),
     ("地区生产总值比上年增长6%。", "2019")],
)
def test_relative_years(text: str, period: str) -> None:
    (row,) = _read(text, section="review", year=2020, review="2019", plan="2020")
    assert row.period == period


def test_firm_figures_are_entity_scope() -> None:
    (row,) = _read("金桥焊材有限公司完成税收2245万元。", section="review")
    assert row.scope == "entity"
    (row,) = _read("全镇完成税收2245万元。", section="review")
    assert row.scope == "jurisdiction"


def test_chinese_numerals_and_decreases() -> None:
    rows = _read("一般公共预算收入一百零九点六亿元,单位生产总值能耗下降3.2%,城镇调查失业率下降0.3个百分点。",
                 section="review")
    assert [(r.indicator, r.kind, r.value, r.unit) for r in rows] == [
        ("general_budget_revenue", "level", 10_960_000_000.0, "yuan"),
        ("energy_intensity", "growth", -3.2, "percent"),
        ("urban_unemployment_rate", "growth", -0.3, "pp"),
    ]


def test_mentions_are_leftmost_longest() -> None:
    names = [m.name for m in find_mentions("地方财政收入和一般公共预算收入、单位国内生产总值能耗", LEXICON)]
    assert names == ["地方财政收入", "一般公共预算收入", "单位国内生产总值能耗"]


# --- real report targets ----------------------------------------------------------------------------------
# Target sentences of the national government work reports (国务院, as published; long sentences cut after the
# figures used here). They are city-, county- and province-style sentences too: the same wording recurs there.

NATIONAL = {
    2016: "今年经济社会发展的主要预期目标是：国内生产总值增长6.5％－7％，居民消费价格涨幅3％左右，城镇新增就业1000万人以上，城镇登记失业率4.5％以内。",
    2017: "今年发展的主要预期目标是：国内生产总值增长6.5%左右，在实际工作中争取更好结果；居民消费价格涨幅3%左右；城镇新增就业1100万人以上，城镇登记失业率4.5%以内。",
    2019: "今年发展主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右，城镇登记失业率4.5%以内；居民消费价格涨幅3%左右；单位国内生产总值能耗下降3%左右，主要污染物排放量继续下降。",
    2020: "需要说明的是，我们没有提出全年经济增速具体目标，主要考虑是全球疫情和经贸形势不确定性很大，我国发展面临一些难以预料的影响因素。",
    2021: "今年发展主要预期目标是：国内生产总值增长6%以上；城镇新增就业1100万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。",
    2024: "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。",
}


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2016, [("gdp", 6.5, 7.0, "", "range"), ("cpi", 3.0, None, "左右", "approx"),
                ("urban_new_jobs", 10_000_000.0, None, "以上", "floor"),
                ("urban_registered_unemployment_rate", 4.5, None, "以内", "ceiling")]),
        (2017, [("gdp", 6.5, None, "左右;争取更好结果", "aspiration"), ("cpi", 3.0, None, "左右", "approx"),
                ("urban_new_jobs", 11_000_000.0, None, "以上", "floor"),
                ("urban_registered_unemployment_rate", 4.5, None, "以内", "ceiling")]),
        (2019, [("gdp", 6.0, 6.5, "", "range"), ("urban_new_jobs", 11_000_000.0, None, "以上", "floor"),
                ("urban_unemployment_rate", 5.5, None, "左右", "approx"),
                ("urban_registered_unemployment_rate", 4.5, None, "以内", "ceiling"),
                ("cpi", 3.0, None, "左右", "approx"), ("energy_intensity", -3.0, None, "左右", "approx")]),
        (2021, [("gdp", 6.0, None, "以上", "floor"), ("urban_new_jobs", 11_000_000.0, None, "以上", "floor"),
                ("urban_unemployment_rate", 5.5, None, "左右", "approx"), ("cpi", 3.0, None, "左右", "approx")]),
        (2024, [("gdp", 5.0, None, "左右", "approx"), ("urban_new_jobs", 12_000_000.0, None, "以上", "floor"),
                ("urban_unemployment_rate", 5.5, None, "左右", "approx"), ("cpi", 3.0, None, "左右", "approx")]),
    ],
)
def test_national_targets(year: int, expected: list[tuple]) -> None:
    rows = _read(NATIONAL[year], year=year, review=str(year - 1), plan=str(year))
    got = [(r.indicator, r.value, r.value_high, r.hedge,
            r.hedge_class) for r in rows]
    assert got == expected
    assert {r.kind for r in rows} <= {"target_growth", "target_level"}
    assert {r.period for r in rows} == {str(year)}
    assert rows[0].kind == "target_growth" and rows[0].basis == "yoy"


def test_a_report_that_sets_no_target() -> None:
    (row,) = _read(NATIONAL[2020], year=2020, review="2019", plan="2020")
    assert (row.indicator, row.kind, row.period, row.hedge_class) == ("gdp", "target_growth", "2020", "none")
    assert row.value is None and row.is_target and not row.is_estimate


def test_provincial_style_target_with_full_width_digits() -> None:
    # 2023 provincial targets of Zhejiang, Jiangsu and Guangdong were 5%以上 for GDP; scraped PDFs often carry
    # full-width digits and ％, as here.
    rows = _read("今年全省经济社会发展的主要预期目标是：全省生产总值增长５％以上，一般公共预算收入增长５％。",
                 year=2023, review="2022", plan="2023")
    assert _brief(rows) == [("gdp", "target_growth", "2023", 5.0, "yoy", "以上", "floor"),
                            ("general_budget_revenue", "target_growth", "2023", 5.0, "yoy", "", "exact")]


def test_own_lexicon_file(tmp_path) -> None:
    path = tmp_path / "lexicon.csv"
    path.write_text("id,label,unit_kind,names\ntourism,旅游收入,money,旅游总收入|旅游收入\n", encoding="utf-8")
    rows = sentence_statements("全年实现旅游总收入12.5亿元。", lexicon(path), section="review", report_year=2020,
                               review="2019", plan="2020")
    assert [(r.indicator, r.value) for r in rows] == [("tourism", 1.25e9)]
    path.write_text("id,label,unit_kind,names\ntourism,,money,旅游收入\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon\.csv:2"):
        lexicon(path)

"""The ten error patterns of real reports (issue 11), each on short literal excerpts of the development corpus's
reports (named in the comments): how a researcher coding them for a regression reads them, asserted value by value.

Patterns 2 (report year) and the metadata side of 1 and 3 are tested with the metadata (``test_dating.py``,
``test_metadata_towns.py``, ``test_structure.py``); here each pattern is followed through to the statements.
"""

from __future__ import annotations

import pandas as pd
import pytest

from govreports.chinese.chars import normalise_chars
from govreports.corpus.load import load_document
from govreports.corpus.structure import paragraphs, sentences
from govreports.indicators.extraction import extract_indicators
from govreports.indicators.lexicon import lexicon
from govreports.indicators.statements import sentence_statements

LEXICON = lexicon()


def _read(text: str, *, section: str = "other", year: int, review: str | None = None, plan: str | None = None,
          heading: str = "") -> list[tuple]:
    rows = sentence_statements(normalise_chars(text), LEXICON, section=section, report_year=year, review=review,
                               plan=plan, heading=heading)
    return [(r.indicator, r.kind, r.period, r.value, r.value_high, r.hedge_class) for r in rows]


def _report(text: str, *, year: int, review: str, plan: str) -> pd.DataFrame:
    """The statements of a short report, read through paragraphs, sections and sentences as a corpus is."""
    documents = pd.DataFrame({"doc_id": ["r"], "text": [text], "report_year": [year], "review_period": [review],
                              "plan_period": [plan]})
    table = extract_indicators(documents, sentences=sentences(paragraphs(documents)))
    return table[["indicator", "kind", "period", "value", "hedge_class"]]


# --- 1. results dated by the review they stand in; the review found under numbered headings -----------------------

def test_review_heading_dates_results_even_with_stray_short_lines() -> None:
    # national 2005: 一、过去一年工作回顾 divides the report, although short lines cut out of quoted titles
    # (关于深化改革严格土地管理的决定) look like unnumbered headings; 超过预期目标 reports a result
    text = ("一、过去一年工作回顾\n"
            "2004年，国内生产总值达到13.65万亿元，比上年增长9.5%；城镇新增就业980万人，超过预期目标；"
            "城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7.7%和6.8%。\n"
            "关于深化改革严格土地管理的决定\n"
            "二、2005年工作总体部署\n"
            "今年经济社会发展的主要预期目标是：国内生产总值增长8%左右。")
    table = _report(text, year=2005, review="2004", plan="2005")
    rows = set(table.itertuples(index=False, name=None))
    assert ("urban_income_per_capita", "level", "2004", 9422.0, "exact") in rows
    assert ("rural_income_per_capita", "level", "2004", 2936.0, "exact") in rows
    # 分别 after two names that each took their level: the two growth rates, in order
    assert ("urban_income_per_capita", "growth", "2004", 7.7, "exact") in rows
    assert ("rural_income_per_capita", "growth", "2004", 6.8, "exact") in rows
    assert ("gdp", "target_growth", "2005", 8.0, "approx") in rows
    assert not table["kind"].str.startswith("target").any() or set(table[table["period"] == "2004"]["kind"]) <= {
        "level", "growth"}


# --- 3. the targets paragraph without a cue heading ------------------------------------------------------------------

def test_a_target_sentence_carries_the_rest_of_its_paragraph() -> None:
    # Hebei 2001: 今年，… opens the paragraph; the later sentences set the year's other targets without a cue
    text = ("三、2001年的工作\n"
            "根据“十五”计划纲要（草案）提出的指导思想和目标任务，今年，国内生产总值增长8.5%。这个指标是指导性的。"
            "全部财政收入增长7.1%，按可比口径增长9.1%；城乡居民收入增长5%和3%左右；城镇登记失业率控制在3.5%左右。")
    table = _report(text, year=2001, review="2000", plan="2001")
    assert list(table.itertuples(index=False, name=None)) == [
        ("gdp", "target_growth", "2001", 8.5, "exact"),
        ("fiscal_revenue_total", "target_growth", "2001", 7.1, "exact"),
        ("fiscal_revenue_total", "target_growth", "2001", 9.1, "exact"),
        ("urban_income_per_capita", "target_growth", "2001", 5.0, "approx"),
        ("rural_income_per_capita", "target_growth", "2001", 3.0, "approx"),
        ("urban_registered_unemployment_rate", "target_level", "2001", 3.5, "approx"),
    ]


def test_the_carried_targets_end_where_the_paragraph_turns_to_the_past() -> None:
    text = "今年，地区生产总值增长7%。去年，地区生产总值增长6.5%。"
    table = _report(text, year=2024, review="2023", plan="2024")
    assert list(table.itertuples(index=False, name=None)) == [
        ("gdp", "target_growth", "2024", 7.0, "exact"), ("gdp", "growth", "2023", 6.5, "exact")]


# --- 4. multi-year figures -------------------------------------------------------------------------------------------

def test_a_multiple_of_a_base_year_and_the_annual_average_after_it() -> None:
    # Yixian 2017 (a five-year review): 是2011年的1.6倍 is a base, not the date; 年均 covers 2012-2016
    assert _read("2 016年，全县生产总值完成119.8亿元，是2011年的1.6倍，年均增长 8.2 %；一般公共预算收入完成5.04亿元",
                 section="review", year=2017, review="2016", plan="2017", heading="一、过去五年工作回顾") == [
        ("gdp", "level", "2016", 11980000000.0, None, "exact"),
        ("gdp", "growth", "2012-2016", 8.2, None, "exact"),
        ("general_budget_revenue", "level", "2016", 504000000.0, None, "exact"),
    ]


def test_an_annual_average_dated_by_the_plan_the_heading_names() -> None:
    # Hebei 2011, under 一、“十一五”时期经济社会发展取得重大成就: 2010 is the end of the plan, 年均 covers it all;
    # 由2005年的 is the base of another figure, not the date of the revenue after it
    assert _read("预计2010年，全省生产总值达到2万亿元、年均增长11.7%，人均生产总值由2005年的1.47万元提高到2.8万元;"
                 "全部财政收入完成2410.5亿元", section="review", year=2011, review="2010", plan="2011",
                 heading="一、“十一五”时期经济社会发展取得重大成就") == [
        ("gdp", "level", "2010", 2e12, None, "exact"),
        ("gdp", "growth", "2006-2010", 11.7, None, "exact"),
        ("fiscal_revenue_total", "level", "2010", 241050000000.0, None, "exact"),
    ]


def test_an_annual_average_over_years_nobody_named_is_left_undated() -> None:
    # a review of one year that states an average over unnamed years: no period rather than a wrong one
    assert _read("全县生产总值年均增长9%", section="review", year=2024, review="2023", plan="2024") == [
        ("gdp", "growth", None, 9.0, None, "exact")]


def test_five_year_sums_and_plan_targets() -> None:
    # Xushui 2011 under 一、“十一五”期间…: 五年累计 is a sum over the span
    assert _read("出口创汇五年累计完成5.2亿美元", section="review", year=2011, review="2010", plan="2011-2015",
                 heading="一、“十一五”期间经济社会发展取得重大成就") == [
        ("exports", "level", "2006-2010", 520000000.0, None, "exact")]
    # national 1993: 五年 opening the clause
    assert _read("基本建设和技术改造取得新成就，五年全社会固定资产投资完成２６０００亿元", section="review", year=1993,
                 review="1992", plan="1993") == [("fixed_asset_investment", "level", "1988-1992", 2.6e12, None, "exact")]
    # national 2001: 年均 right before the name is the basis of a five-year target
    assert _read("综合考虑各方面因素，“十五”期间年均经济增长速度预期目标为7％左右", section="plan", year=2001,
                 review="2000", plan="2001") == [("gdp", "target_growth", "2001-2005", 7.0, None, "approx")]


def test_a_comparison_year_never_dates_the_figures_after_it() -> None:
    # national 2008
    rows = _read("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%；全国财政收入达到5.13万亿元",
                 section="review", year=2008, review="2007", plan="2008")
    assert rows[-1] == ("fiscal_revenue_total", "level", "2007", 5.13e12, None, "exact")
    assert ("gdp", "growth", "2003-2007", 65.5, None, "exact") in rows


# --- 5. names inside names, old and local names ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "indicator"), [
    ("规模工业增加值增长9%", "industrial_value_added_above_scale"),  # Yongzhou 2024: not 工业增加值
    ("入统工业增加值完成15.8亿元", "industrial_value_added_above_scale"),  # Qingyuan 2008
    ("社会商品零售总额增长８％", "retail_sales"),  # national 1981
    ("农民按人口平均的纯收入达到３０９．８元", "rural_income_per_capita"),  # national 1984
    ("进出口贸易总额1.15万亿美元", "trade_total"),  # national 2005
    ("新增城镇就业45万人", "urban_new_jobs"),  # Hebei 2007
    ("居民消费价格总水平涨幅控制在4%", "cpi"),  # national 2005
    ("全社会研发经费投入增长10%以上", "rd_expenditure"),  # Jilin 2026
])
def test_names_as_real_reports_write_them(text: str, indicator: str) -> None:
    assert [r[0] for r in _read(text, year=2024, review="2023", plan="2024")] == [indicator]


def test_gnp_is_not_gdp() -> None:
    # national 1988: 国民生产总值 (GNP) holds 生产总值 but is another indicator
    assert _read("国民生产总值1987年达到10920亿元，按可比价格计算平均每年增长11.1%", section="review", year=1988,
                 review="1987", plan="1988") == []


# --- 6. 分别 and lists -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    # Enshi 2024, Fujian 2026, Guang'an 2024: urban and rural named together, two figures in order
    ("城镇、农村常住居民人均可支配收入分别增长5.8%、8.2%", [5.8, 8.2]),
    ("城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%", [4.5, 5.7]),
    ("城乡居民可支配收入分别增长5％、7．4％", [5.0, 7.4]),
    # Laiyuan 2022: the second list has no 分别 of its own
    ("城乡居民人均可支配收入分别完成32296元、11516元，同比增长10.2%、13.9%", [32296.0, 11516.0, 10.2, 13.9]),
])
def test_urban_and_rural_lists(text: str, want: list[float]) -> None:
    rows = _read(text, section="review", year=2024, review="2023", plan="2024")
    assert [r[3] for r in rows] == want
    assert [r[0] for r in rows] == ["urban_income_per_capita", "rural_income_per_capita"] * (len(want) // 2)


def test_a_hedge_after_the_last_figure_of_a_list_qualifies_each() -> None:
    # Mancheng 2023
    assert _read("城乡居民人均可支配收入分别增长7%、8%左右", section="targets", year=2023, review="2022",
                 plan="2023") == [("urban_income_per_capita", "target_growth", "2023", 7.0, None, "approx"),
                                  ("rural_income_per_capita", "target_growth", "2023", 8.0, None, "approx")]


def test_respectively_after_separate_levels() -> None:
    # Hebei 2007: each name took its level; 分别 hands the two rates to them in order
    assert _read("全部财政收入达到1223.1亿元，其中地方一般预算收入620.2亿元，分别增长18.1%和20.3％", section="review",
                 year=2007, review="2006", plan="2007") == [
        ("fiscal_revenue_total", "level", "2006", 122310000000.0, None, "exact"),
        ("general_budget_revenue", "level", "2006", 62020000000.0, None, "exact"),
        ("fiscal_revenue_total", "growth", "2006", 18.1, None, "exact"),
        ("general_budget_revenue", "growth", "2006", 20.3, None, "exact"),
    ]


def test_pair_names_reach_the_corpus_extractor() -> None:
    # Rongcheng 2020: 城乡居民收入 names no single indicator of the lexicon, and is still read in a corpus
    table = _report("一、2019年工作回顾\n城乡居民收入预计分别完成27998元、18224元，同比分别增长4%和5%。", year=2020,
                    review="2019", plan="2020")
    assert table["value"].tolist() == [27998.0, 18224.0, 4.0, 5.0]


# --- 7. what is not the jurisdiction's indicator ---------------------------------------------------------------------

def test_a_milestone_after_the_exact_figure_is_no_figure() -> None:
    # Fuping 2013: 两亿元 is the milestone the exact 20001万元 crossed
    assert _read("全部财政收入完成20001万元，首次突破两亿元大关", section="review", year=2013, review="2012",
                 plan="2013") == [("fiscal_revenue_total", "level", "2012", 200010000.0, None, "exact")]
    # Huzhou 2024: 再上新台阶 stands between the name and its figures
    assert _read("地区生产总值再上新台阶，达到4015亿元，增长5.8%", section="review", year=2024, review="2023",
                 plan="2024") == [("gdp", "level", "2023", 401500000000.0, None, "exact"),
                                  ("gdp", "growth", "2023", 5.8, None, "exact")]


def test_a_development_zone_figure_is_entity_scope() -> None:
    rows = sentence_statements("经济开发区地区生产总值增长12%", LEXICON, section="review", report_year=2024,
                               review="2023", plan="2024")
    assert [(r.indicator, r.scope) for r in rows] == [("gdp", "entity")]


# --- 8. number forms -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    # national 1998: a PDF conversion set the numbers letter-spaced
    ("1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元", ("gdp", "level", "1997", 7.4772e12, None, "exact")),
    ("工业增加值平均每年增长1 5 ．3 ％", ("industrial_value_added", "growth", None, 15.3, None, "exact")),
    # a gloss and an aside in brackets between the name and its figure
    ("地区生产总值（GDP）增长6%", ("gdp", "growth", "2023", 6.0, None, "exact")),
    ("地方一般公共预算收入（剔除留抵退税因素）增长7.3%", ("general_budget_revenue", "growth", "2023", 7.3, None, "exact")),
    # a percent sign lost to an old encoding (? or U+FFFD) after a rate verb
    ("地区生产总值增长8.5?", ("gdp", "growth", "2023", 8.5, None, "exact")),
    ("地区生产总值增长8.5\ufffd", ("gdp", "growth", "2023", 8.5, None, "exact")),
    # national 1997: 多 is more than
    ("国内生产总值达到６７７００多亿元", ("gdp", "level", "2023", 6.77e12, None, "floor")),
    # Ningxia 2026, Fujian 2026: 持平 is a change of 0
    ("居民消费价格指数持平", ("cpi", "level", "2023", 0.0, None, "exact")),
    ("居民消费价格与上年持平", ("cpi", "level", "2023", 0.0, None, "exact")),
    # a footnote marker (Xushui 2018)
    ("完成地方生产总值[1]202亿元", ("gdp", "level", "2023", 20200000000.0, None, "exact")),
])
def test_number_forms_of_real_reports(text: str, want: tuple) -> None:
    assert _read(text, section="review", year=2024, review="2023", plan="2024") == [want]


def test_keep_and_strive_targets() -> None:
    # Liangshan 2024: 保8争9 is 确保8% (floor) and 争取9% (aspiration)
    assert _read("地区生产总值增速“保8争9”", section="targets", year=2024, review="2023", plan="2024") == [
        ("gdp", "target_growth", "2024", 8.0, None, "floor"), ("gdp", "target_growth", "2024", 9.0, None, "aspiration")]


def test_a_question_mark_elsewhere_stays() -> None:
    assert normalise_chars("是否增长?") == "是否增长?"


# --- 9. qualifiers away from the number ------------------------------------------------------------------------------

def test_strive_for_better_results_is_an_aspiration() -> None:
    # Ningxia 2026
    assert _read("地区生产总值增长5%左右，力争取得更好结果", section="targets", year=2026, review="2025",
                 plan="2026") == [("gdp", "target_growth", "2026", 5.0, None, "aspiration")]


# --- 10. a body repeated on the page ---------------------------------------------------------------------------------

def test_a_body_repeated_on_the_page_gives_each_statement_once(tmp_path) -> None:
    body = ("2024年政府工作报告\n一、2023年工作回顾\n全年地区生产总值增长5.2%，一般公共预算收入增长6%。\n"
            "二、2024年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n")
    path = tmp_path / "repeated.txt"
    path.write_text(body * 3, encoding="utf-8")
    row = load_document(path)
    documents = pd.DataFrame([row])
    table = extract_indicators(documents)
    assert table[["indicator", "kind", "value"]].values.tolist() == [
        ["gdp", "growth", 5.2], ["general_budget_revenue", "growth", 6.0], ["gdp", "target_growth", 5.0]]


def test_a_comparison_framing_the_sentence_sets_the_span() -> None:
    # national 2006, under （二）“十五”期间国民经济和社会发展主要情况: 与2000年相比 is the base of every figure after it
    assert _read("2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%", section="review", year=2006, review="2005",
                 plan="2006", heading="（二）“十五”期间国民经济和社会发展主要情况") == [
        ("gdp", "growth", "2001-2005", 57.3, None, "exact"), ("gdp", "growth", "2001-2005", 9.5, None, "exact")]


def test_a_change_without_years_takes_those_of_the_change_before_it() -> None:
    # national 2008; Chongzuo 2024 (the years lead the sentence)
    assert _read("城镇居民人均可支配收入由2002年7703元增加到2007年13786元，农村居民人均纯收入由2476元增加到4140元",
                 section="review", year=2008, review="2003-2007", plan="2008")[2:] == [
        ("rural_income_per_capita", "level", "2002", 2476.0, None, "exact"),
        ("rural_income_per_capita", "level", "2007", 4140.0, None, "exact")]
    assert _read("2003年到2023年，全市地区生产总值由103.97亿元增加到1117.56亿元，规模扩大了9.8倍，年均增长8.2%",
                 section="review", year=2024, review="2023", plan="2024") == [
        ("gdp", "level", "2003", 10397000000.0, None, "exact"), ("gdp", "level", "2023", 111756000000.0, None, "exact"),
        ("gdp", "growth", "2004-2023", 8.2, None, "exact")]


def test_a_hedged_figure_in_the_plan_is_a_goal_of_the_plan_year() -> None:
    # Tianjin 2026 and Xinjiang 2026, under 三、2026年重点工作; national 1998 under 关于1998年政府工作的建议
    assert _read("做大跨境电商、海外仓、“保税+”业态规模，外贸进出口超8500亿元", section="plan", year=2026, review="2025",
                 plan="2026") == [("trade_total", "target_level", "2026", 8.5e11, None, "floor")]
    assert _read("推进大面积均衡增产，粮食产量稳定在485亿斤左右", section="plan", year=2026, review="2025",
                 plan="2026") == [("grain_output", "target_level", "2026", 24250000.0, None, "approx")]
    # the same words about the past year stay a result
    assert _read("去年粮食产量稳定在485亿斤左右", section="plan", year=2026, review="2025", plan="2026")[0][1] == "level"


def test_a_paragraph_reporting_the_targets_met_is_no_targets_paragraph() -> None:
    # Lishui 2024: 圆满实现经济社会发展主要预期目标。全市生产总值1964.44亿元… is the review
    text = ("一、2023年主要工作回顾\n"
            "有力推动经济整体好转，圆满实现经济社会发展主要预期目标。全市生产总值1964.44亿元，增长7.5%、全省第三。")
    table = _report(text, year=2024, review="2023", plan="2024")
    assert list(table.itertuples(index=False, name=None)) == [
        ("gdp", "level", "2023", 196444000000.0, "exact"), ("gdp", "growth", "2023", 7.5, "exact")]


def test_an_estimate_marked_for_what_follows_covers_the_paragraph() -> None:
    # Enshi 2024, Neijiang 2024: 预计全年（下同） makes the later results of the paragraph estimates too
    text = ("一、2023年工作回顾\n"
            "预计全年（下同）地区生产总值增长7.5%，突破500亿元大关。全社会固定资产投资增长7%。")
    table = extract_indicators(pd.DataFrame({"doc_id": ["r"], "text": [text], "report_year": [2024],
                                             "review_period": ["2023"], "plan_period": ["2024"]}))
    assert table[["indicator", "is_estimate"]].values.tolist() == [
        ["gdp", True], ["gdp", True], ["fixed_asset_investment", True]]


def test_the_exact_figure_restated_as_a_round_threshold_is_read_once() -> None:
    # Mianyang 2024
    assert _read("全年实现地方一般公共预算收入201.47亿元、首次超过200亿元", section="review", year=2024, review="2023",
                 plan="2024") == [("general_budget_revenue", "level", "2023", 20147000000.0, None, "exact")]


@pytest.mark.parametrize(("text", "want"), [
    # Yixian 2018: the whole a share is taken of is no mention
    ("民生支出占一般公共预算支出的85%", []),
    # Qingdao 2024: 亿元 alone is a scale word, no figure
    ("再打造一批税收亿元以上专业特色楼宇", []),
    # Xushui 2011: 预计 inside the name's own clause, before it
    ("2010年全县预计完成地方生产总值98.1亿元", [("gdp", "level", "2010", 9810000000.0, None, "exact")]),
    # Lishui 2024: a year inside another clause dates nothing after it
    ("全市生产总值1964.44亿元，为2020年GDP统一核算改革以来最好位次；城乡居民人均可支配收入分别为58583元和30811元",
     [("gdp", "level", "2023", 196444000000.0, None, "exact"),
      ("urban_income_per_capita", "level", "2023", 58583.0, None, "exact"),
      ("rural_income_per_capita", "level", "2023", 30811.0, None, "exact")]),
    # national 1987: years in Chinese numerals frame a change
    ("一九八六年同一九七八年相比，国家财政收入由1121亿元增加到2220亿元",
     [("fiscal_revenue_total", "level", "1978", 112100000000.0, None, "exact"),
      ("fiscal_revenue_total", "level", "1986", 222000000000.0, None, "exact")]),
    # national 1979: 亿 and 万 in one Chinese numeral
    ("粮食总产量达到三亿零四百七十五万吨", [("grain_output", "level", "2023", 304750000.0, None, "exact")]),
])
def test_more_forms_from_random_checks(text: str, want: list[tuple]) -> None:
    assert _read(text, section="review", year=2024, review="2023", plan="2024") == want

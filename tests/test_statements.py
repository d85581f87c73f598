"""How one sentence is read (:func:`govreports.indicators.statements.sentence_statements`), on sentences of real
reports of every level: the targets, cues and comparisons that the five samples do not show."""

from __future__ import annotations

import pytest

from govreports.indicators.lexicon import lexicon
from govreports.indicators.statements import sentence_statements

LEXICON = lexicon()


def _read(text: str, *, section: str = "other", year: int, review: str | None, plan: str | None) -> list[tuple]:
    rows = sentence_statements(text, LEXICON, section=section, report_year=year, review=review, plan=plan)
    return [(r.indicator, r.kind, r.period, r.value,
             r.value_high, r.hedge_class, r.months) for r in rows]


CASES = [
    # national 1995: 经济增长速度 is GDP; a Chinese-numeral range after 宏观调控目标…定为
    ("今年经济增长速度的宏观调控目标，定为百分之八至九", "targets", 1995, "1994", "1995",
     [("gdp", "target_growth", "1995", 8.0, 9.0, "range", None)]),
    # national 1997: full-width digits after 调控目标定为, in the targets section
    ("经济增长速度的调控目标定为８％", "targets", 1997, "1996", "1997", [("gdp", "target_growth", "1997", 8.0, None, "exact", None)]),
    # Jiangsu 2026: 按增长5%安排, and 在实际工作中努力争取更好结果 qualifies the target
    ("地区生产总值按增长5%安排，在实际工作中努力争取更好结果", "targets", 2026, "2025", "2026",
     [("gdp", "target_growth", "2026", 5.0, None, "aspiration", None)]),
    # Hebei 2001: a figure for 今年 in a report to a congress is a target, even without a cue
    ("今年，国内生产总值增长8.5％", "other", 2001, "2000", "2001", [("gdp", "target_growth", "2001", 8.5, None, "exact", None)]),
    # Deyang 2024: a comparison with the province is no figure; the target after it is read
    ("全市经济社会发展主要预期目标是：地区生产总值增速高于省平1个百分点、7%左右", "targets", 2024, "2023", "2024",
     [("gdp", "target_growth", "2024", 7.0, None, "approx", None)]),
    # Luzhou 2024: only a relative target: nothing numeric to record
    ("地区生产总值增速高于全省0.5个百分点左右", "targets", 2024, "2023", "2024", []),
    # Luzhou 2024: a partial-year figure in the targets paragraph is a result of those months
    ("前三季度，全市实现地区生产总值1995.5亿元、增长5.3%", "targets", 2024, "2023", "2024",
     [("gdp", "level", "2023", 199550000000.0, None, "exact", "1-9"), ("gdp", "growth", "2023", 5.3, None, "exact", "1-9")]),
    # Gansu 2026: the annual target of the first year of a plan span is dated by the report year, not the span's end;
    # 左右 with 实际工作中争取更好结果 is an aspiration (the strongest of the two, as for the national report of 2017)
    ("经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，实际工作中争取更好结果", "targets", 2026, "2021-2025", "2026-2030",
     [("gdp", "target_growth", "2026", 5.5, None, "aspiration", None)]),
]


@pytest.mark.parametrize(("sentence", "section", "year", "review", "plan", "want"), CASES,
                         ids=[str(i) for i in range(len(CASES))])
def test_real_sentences(sentence: str, section: str, year: int, review: str | None, plan: str | None,
                        want: list[tuple]) -> None:
    assert _read(sentence, section=section, year=year, review=review, plan=plan) == want


def test_a_year_end_summary_reports_its_own_year_as_results() -> None:
    # in a summary (plan period the next year), 今年 is the year summed up: a result, not a target
    assert _read("今年，全镇生产总值增长8.5%", year=2023, review="2023", plan="2024") == [
        ("gdp", "growth", "2023", 8.5, None, "exact", None)]


SPANS = [
    # Beijing 2026: 过去五年 in a 2026 report is 2021-2025
    ("过去五年，我们坚定疏解非首都功能，城乡建设用地规模减量约50平方公里，地区生产总值年均增长5.2%", "review", 2026, "2025", "2026",
     [("gdp", "growth", "2021-2025", 5.2, None, "exact", None)]),
    # a county report of 2021: “十三五”期间, 按可比口径 between name and figure
    ("“十三五”期间，全县生产总值按可比口径年均增长3.5%", "review", 2021, "2020", "2021",
     [("gdp", "growth", "2016-2020", 3.5, None, "exact", None)]),
    # a county report of 2011: an increase in yuan is no level; the annual average covers 2007-2011
    ("2011年，预计全县生产总值完成53.42亿元，比2006年增长24.47亿元，年均递增13%", "review", 2011, "2011", "2012",
     [("gdp", "level", "2011", 5342000000.0, None, "exact", None), ("gdp", "growth", "2007-2011", 13.0, None, "exact", None)]),
    # national 2003: from→to with years written, the average growth over the span
    ("国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元，按可比价格计算，平均每年增长7.7%", "review", 2003, "2002", "2003",
     [("gdp", "level", "1997", 7.4e12, None, "exact", None), ("gdp", "level", "2002", 1.02e13, None, "exact", None),
      ("gdp", "growth", "1998-2002", 7.7, None, "exact", None)]),
]


@pytest.mark.parametrize(("sentence", "section", "year", "review", "plan", "want"), SPANS,
                         ids=[str(i) for i in range(len(SPANS))])
def test_multi_year_figures_are_dated_by_their_span(sentence: str, section: str, year: int, review: str,
                                                    plan: str, want: list[tuple]) -> None:
    assert _read(sentence, section=section, year=year, review=review, plan=plan) == want


def test_a_five_year_review_heading_dates_the_spans_under_it() -> None:
    rows = sentence_statements("地区生产总值年均增长7.5%", LEXICON, section="review", report_year=2021, review="2020",
                               plan="2021", heading="一、过去五年工作回顾")
    assert [(r.period, r.basis) for r in rows] == [("2016-2020", "annual_avg")]


NAMES = [
    # 进出口总额 is its own indicator, not 出口总额 inside it
    ("全市进出口总额增长18.8%，其中出口总额增长20%", [("trade_total", "growth", "2023", 18.8, None, "exact", None),
                                                ("exports", "growth", "2023", 20.0, None, "exact", None)]),
    # 地方财政总收入 is not 财政总收入; 地方财政收入 is its own
    ("地方财政总收入增长5%，地方财政收入增长3%", [("local_fiscal_revenue", "growth", "2023", 3.0, None, "exact", None)]),
    # shares and per-unit figures are not the indicator
    ("服务业增加值占地区生产总值的41.4%", []),
    ("省级以上开发区亩均投资、亩均税收均增长15%", []),
    ("人均地区生产总值达到8万元", []),
    # 城乡居民人均可支配收入 with 分别: urban first, rural second
    ("城乡居民人均可支配收入分别增长5%和7.5%", [("urban_income_per_capita", "growth", "2023", 5.0, None, "exact", None),
                                        ("rural_income_per_capita", "growth", "2023", 7.5, None, "exact", None)]),
    ("城乡居民人均可支配收入分别增长4.2%、6%", [("urban_income_per_capita", "growth", "2023", 4.2, None, "exact", None),
                                         ("rural_income_per_capita", "growth", "2023", 6.0, None, "exact", None)]),
    # 分别 with a hedge after the first figure still pairs in order
    ("规上工业增加值、固定资产投资分别增长5%以上和8%", [
        ("industrial_value_added_above_scale", "growth", "2023", 5.0, None, "floor", None),
        ("fixed_asset_investment", "growth", "2023", 8.0, None, "exact", None)]),
]


@pytest.mark.parametrize(("sentence", "want"), NAMES, ids=[str(i) for i in range(len(NAMES))])
def test_names_inside_names_pairs_shares_and_per_unit_figures(sentence: str, want: list[tuple]) -> None:
    assert _read(sentence, section="review", year=2024, review="2023", plan="2024") == want


FORMS = [
    # CPI as an index (a value near 100): the rate it implies; 以内 is a ceiling
    ("居民消费价格指数控制在103左右", [("cpi", "target_level", "2024", 3.0, None, "approx", None)]),
    ("居民消费价格指数控制在103以内", [("cpi", "target_level", "2024", 3.0, None, "ceiling", None)]),
    # grain in 斤, as tonnes
    ("严格落实耕地保护和粮食安全责任制，粮食产量稳定在57亿斤以上", [("grain_output", "target_level", "2024", 2850000.0, None, "floor", None)]),
    # a milestone on the way (跨越千亿台阶) does not hide the growth target
    ("地区生产总值跨越千亿台阶，增长7%以上", [("gdp", "target_growth", "2024", 7.0, None, "floor", None)]),
    # 分别超过: the hedge qualifies every figure of the run
    ("城乡居民人均可支配收入分别超过4万元和2万元", [("urban_income_per_capita", "target_level", "2024", 40000.0, None, "floor", None),
                                          ("rural_income_per_capita", "target_level", "2024", 20000.0, None, "floor", None)]),
]


@pytest.mark.parametrize(("sentence", "want"), FORMS, ids=[str(i) for i in range(len(FORMS))])
def test_number_forms_in_the_targets(sentence: str, want: list[tuple]) -> None:
    assert _read(sentence, section="targets", year=2024, review="2023", plan="2024") == want


def test_an_estimate_opening_the_sentence_covers_every_figure() -> None:
    rows = sentence_statements("初步预计，全市地区生产总值2291.5亿元，增长5.8%", LEXICON, section="review", report_year=2024,
                               review="2023", plan="2024")
    assert [(r.kind, r.period, r.value, r.hedge) for r in rows] == [
        ("level", "2023", 229150000000.0, "预计"), ("growth", "2023", 5.8, "预计")]


def test_a_target_year_leading_the_sentence_dates_the_figures_after_it() -> None:
    rows = sentence_statements("力争到2030年，全市地区生产总值迈上4万亿元新台阶", LEXICON, section="plan", report_year=2026,
                               review="2025", plan="2026-2030")
    assert [(r.kind, r.period, r.value, r.hedge_class) for r in rows] == [
        ("target_level", "2030", 4e12, "floor")]

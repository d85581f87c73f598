"""Every public figure builder of govreports.viz on a tiny hand-built table: labels, units, width, data shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from scipy import sparse

from govreports.keywords import frequencies
from govreports.topics.models import DocumentTermMatrix, TopicModel
from govreports.viz import heatmap as heatmap_module
from govreports.viz import indicators, keywords, overview, topics, wordclouds
from govreports.viz.style import SIDE_COLOURS

MAX_WIDTH = 6.5  # inches: the text width of a paper page
PLACES = ["航埠镇", "店口镇", "五陂镇"]
TOPIC_LABELS = pd.Series({1: "营商环境", 2: "乡村振兴", 3: "生态环境"})
pytestmark = pytest.mark.usefixtures("cjk_style")  # the project's CJK style; figures closed afterwards


def _ticks(labels: Iterable[Text]) -> list[str]:
    return [t.get_text() for t in labels]


def _shown_ticks(axis) -> list[str]:
    """The tick labels of an axis inside its limits, as drawn."""
    axis.get_figure(root=True).canvas.draw()
    low, high = sorted(axis.get_view_interval())
    return [t.get_text() for t in axis.get_ticklabels() if low <= t.get_position()[axis.axis_name == "y"] <= high]


def _exported_width(fig: Figure) -> float:
    """Width in inches of the file ``figures.save`` writes: the tight bounding box plus the padding on each side."""
    fig.canvas.draw()  # runs the layout engine, as saving does
    bbox = fig.get_tightbbox(fig.canvas.get_renderer())
    return bbox.width + 2 * matplotlib.rcParams["savefig.pad_inches"]


def _done(fig: Figure) -> None:
    """Every builder returns a Figure that fits a 6.5 in text width, as drawn and as exported. Closes it."""
    assert isinstance(fig, Figure)
    assert fig.get_size_inches()[0] <= MAX_WIDTH
    assert _exported_width(fig) <= MAX_WIDTH
    plt.close(fig)


def _panel(*rows: tuple) -> pd.DataFrame:
    columns = ["place", "indicator", "measure", "unit", "period", "value", "estimate", "target", "target_high"]
    panel = pd.DataFrame(list(rows), columns=columns)
    panel["estimate"] = panel["estimate"].astype("boolean")
    return panel


LEVELS = _panel(
    ("航埠镇", "gdp", "level", "yuan", "2015", 5.25e8, False, np.nan, np.nan),
    ("航埠镇", "gdp", "level", "yuan", "2020", 9.05e8, False, np.nan, np.nan),
    ("航埠镇", "rural_income_per_capita", "level", "yuan", "2015", 5763.0, False, np.nan, np.nan),
    ("航埠镇", "rural_income_per_capita", "level", "yuan", "2020", 18009.0, False, np.nan, np.nan),
    ("店口镇", "gdp", "level", "yuan", "2020", 1.52e10, True, np.nan, np.nan),
    ("店口镇", "general_budget_revenue", "level", "yuan", "2020", 4.911e7, False, np.nan, np.nan),
    ("店口镇", "gdp", "growth", "percent", "2020", 6.5, False, 7.0, np.nan),
)

GROWTH = _panel(
    ("航埠镇", "gdp", "growth", "percent", "2021", 7.5, False, 7.0, np.nan),
    ("航埠镇", "gdp", "growth", "percent", "2022", 6.0, False, 6.5, 7.0),
    ("航埠镇", "gdp", "growth", "percent", "2021-2025", np.nan, pd.NA, 8.0, np.nan),
    ("店口镇", "general_budget_revenue", "growth", "percent", "2022", 5.3, True, 5.0, np.nan),
    ("五陂镇", "gdp", "growth", "percent", "2022", 6.8, False, np.nan, np.nan),  # no target: no panel
)

FREQUENCIES = pd.DataFrame({"doc_id": ["000_a"] * 3 + ["001_b"] * 3,
                            "term": ["乡村振兴", "营商环境", "项目", "共同富裕", "数字经济", "园区"],
                            "count": [30, 20, 10, 25, 15, 5], "per_10k": [60.0, 40.0, 20.0, 50.0, 30.0, 10.0],
                            "n_tokens": [5000] * 6})
TITLES = {"000_a": "航埠镇 2021", "001_b": "店口镇 2020"}

KEYNESS = pd.DataFrame({"term": ["乡村振兴", "营商环境", "地区生产总值", "共同富裕", "数字经济", "园区"],
                        "g2": [40.0, 25.0, 12.0, 30.0, 18.0, 1.0], "log_ratio": [2.1, 1.4, 0.8, -1.9, -1.1, -0.2],
                        "p_value": [0.0001, 0.001, 0.01, 0.0001, 0.001, 0.3],
                        "direction": ["target"] * 3 + ["reference"] * 3})
DICTIONARY_LABELS = {"digital_economy": "数字经济", "environment": "环境注意力", "innovation": "科技创新",
                     "livelihood": "民生保障", "party_building": "党的建设"}


def test_heatmap_labels_rows_columns_and_cells() -> None:
    wide = pd.DataFrame([[12.0, 30.0, np.nan], [5.0, 25.0, 14.0], [9.0, 18.0, 3.0]],
                        index=PLACES, columns=["2021", "2022", "2023"])
    fig = heatmap_module.heatmap(wide, colorbar_label="次/万词")
    ax = fig.axes[0]
    assert fig.axes[-1].get_ylabel() == "次/万词"  # the colorbar's
    assert _ticks(ax.get_yticklabels()) == PLACES
    assert _ticks(ax.get_xticklabels()) == ["2021", "2022", "2023"]
    cells = ["12", "30", "5", "25", "14", "9", "18", "3"]  # the NaN cell stays blank
    assert sorted(t.get_text() for t in ax.texts) == sorted(cells)
    _done(fig)


def test_levels_figure_splits_aggregates_and_per_capita() -> None:
    fig = indicators.levels_figure(LEVELS)
    top, bottom = fig.axes
    assert top.get_xlabel().startswith("亿元") and "对数刻度" in top.get_xlabel()
    assert bottom.get_xlabel().startswith("元/人")
    assert set(_ticks(top.get_yticklabels())) == {"地区生产总值", "一般公共预算收入"}
    assert _ticks(bottom.get_yticklabels()) == ["农村居民人均可支配收入"]
    x = np.concatenate([c.get_offsets()[:, 0] for c in top.collections])
    assert sorted(np.round(x, 4)) == [0.4911, 9.05, 152.0]  # latest levels only, in 亿元
    assert _ticks(fig.legends[0].get_texts()) == ["店口镇（2020年）", "航埠镇（2020年）", "空心：预计数"]
    assert _shown_ticks(top.xaxis) == ["0.5", "1", "2", "5", "10", "20", "50", "100", "200"]  # not 10⁰ 10¹ 10²
    assert _shown_ticks(bottom.xaxis) == ["10000", "20000", "50000", "100000"]  # not 2×10⁴
    _done(fig)


def test_levels_figure_dates_each_dot_when_a_place_has_several_years() -> None:
    older = _panel(("店口镇", "general_budget_revenue", "level", "yuan", "2019", 4.5e7, False, np.nan, np.nan))
    fig = indicators.levels_figure(pd.concat([LEVELS.iloc[[0, 4]], older], ignore_index=True))  # 航埠镇 2015 only
    assert "店口镇（2019–2020年）" in _ticks(fig.legends[0].get_texts())
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["2019", "2020"]  # 店口镇's dots; 航埠镇 has one year
    _done(fig)


def test_changes_figure_draws_one_line_per_place_and_indicator() -> None:
    fig = indicators.changes_figure(LEVELS)
    top, bottom = fig.axes  # aggregates in 亿元, per-capita incomes in 元/人
    assert (top.get_ylabel(), bottom.get_ylabel(), bottom.get_xlabel()) == (
        "亿元（对数刻度）", "元/人（对数刻度）", "年份")
    assert [len(ax.get_lines()) for ax in fig.axes] == [1, 1]  # 航埠镇's two; 店口镇 has one year only
    assert [t.get_text() for t in top.texts] == ["航埠镇 地区生产总值"]
    assert [t.get_text() for t in bottom.texts] == ["航埠镇 农村居民人均可支配收入"]
    assert list(top.get_lines()[0].get_ydata()) == [5.25, 9.05]  # in 亿元
    assert _shown_ticks(bottom.yaxis) == ["6000", "8000", "10000", "15000"]
    assert top.get_xlim() == (2014.7, 2020.3)  # the years drawn, not stretched for the labels
    _done(fig)


def test_changes_figure_puts_small_sums_in_wan_yuan() -> None:
    small = _panel(("航埠镇", "village_collective_income", "level", "yuan", "2015", 3.2e6, False, np.nan, np.nan),
                   ("航埠镇", "village_collective_income", "level", "yuan", "2020", 8.5e6, False, np.nan, np.nan))
    fig = indicators.changes_figure(small)
    assert fig.axes[0].get_ylabel() == "万元（对数刻度）"
    assert list(fig.axes[0].get_lines()[0].get_ydata()) == [320.0, 850.0]
    _done(fig)


def test_changes_figure_keeps_non_money_levels_off_its_yuan_axis() -> None:
    grain = _panel(("航埠镇", "grain_output", "level", "吨", "2015", 5200.0, False, np.nan, np.nan),
                   ("航埠镇", "grain_output", "level", "吨", "2020", 6100.0, False, np.nan, np.nan))
    fig = indicators.changes_figure(pd.concat([LEVELS, grain], ignore_index=True))
    plt.close(fig)
    assert all("元" in ax.get_ylabel() for ax in fig.axes)
    assert not any("粮食产量" in t.get_text() for ax in fig.axes for t in ax.texts)


def test_hedge_classes_figure_counts_target_statements_per_place() -> None:
    table = pd.DataFrame({"doc_id": ["000_a"] * 3 + ["001_b"] * 2 + ["002_c", "003_d"],
                          "place": ["航埠镇"] * 3 + ["店口镇"] * 2 + [None, "五陂镇"],
                          "kind": ["target_growth", "target_level", "level"] + ["target_growth"] * 4,
                          "scope": ["jurisdiction"] * 6 + ["department"],
                          "hedge_class": ["floor", "approx", "exact", "approx", "range", "aspiration", "floor"]})
    fig = indicators.hedge_classes_figure(table)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "目标表述数"
    assert set(_ticks(ax.get_yticklabels())) == {"航埠镇", "店口镇", "002_c"}  # no place: its doc_id
    assert sum(p.get_width() for p in ax.patches) == 5  # jurisdiction targets only
    assert _ticks(fig.legends[0].get_texts()) == [  # strongest class first
        "区间", "下限（以上、确保、突破）", "争取（力争、争取）", "约数（左右）"]
    _done(fig)


def test_targets_results_figure_one_panel_per_growth_target() -> None:
    fig = indicators.targets_results_figure(GROWTH)
    drawn = [ax for ax in fig.axes if ax.has_data()]
    assert [ax.get_title() for ax in drawn] == ["航埠镇 地区生产总值", "店口镇 一般公共预算收入"]
    assert drawn[0].get_ylabel() == "增长（%）"  # the first column's; the y axis is shared
    dots = [[c.get_offsets()[0, 1] for c in ax.collections if isinstance(c, PathCollection)] for ax in drawn]
    assert dots == [[7.5, 6.0], [5.3]]  # results only; the 2021-2025 target has no result
    assert _ticks(drawn[0].get_xticklabels()) == [str(y) for y in range(2021, 2026)]  # the five-year span
    assert _ticks(fig.legends[0].get_texts()) == ["目标", "实际（空心为预计）"]
    _done(fig)


def test_targets_results_figure_keeps_dots_off_the_spines_and_flat_targets_flat() -> None:
    flat = _panel(("五陂镇", "fiscal_revenue", "growth", "percent", "2021-2025", np.nan, pd.NA, 10.0, np.nan),
                  ("店口镇", "gdp", "growth", "percent", "2019", 8.5, True, np.nan, np.nan),
                  ("店口镇", "gdp", "growth", "percent", "2020", np.nan, pd.NA, 8.5, np.nan))
    fig = indicators.targets_results_figure(flat)
    first, second = (ax for ax in fig.axes if ax.has_data())
    assert first.get_xlim() == (2020.5, 2025.5) and second.get_xlim() == (2018.5, 2020.5)  # the 2019 dot inside
    low, high = first.get_ylim()
    assert second.get_ylim() == (low, high)  # one scale for every panel
    assert low < 0 < 10.0 < high and high - low > 10  # from zero: a flat 10% target is not zoomed to ±0.75
    _done(fig)


def test_top_terms_figure_one_panel_per_report() -> None:
    fig = keywords.top_terms_figure(FREQUENCIES, n=3, titles=TITLES)
    drawn = [ax for ax in fig.axes if ax.has_data()]
    assert [ax.get_title() for ax in drawn] == ["航埠镇 2021", "店口镇 2020"]
    assert _ticks(drawn[0].get_yticklabels()) == ["乡村振兴", "营商环境", "项目"]
    assert [len(ax.patches) for ax in drawn] == [3, 3]
    assert all(ax.get_xlabel() == "次/万词" for ax in drawn)
    assert "G²" in fig.legends[0].get_title().get_text()  # the figure says what ranks the terms
    _done(fig)


def test_top_terms_figure_leaves_out_words_every_report_uses_as_much() -> None:
    """建设 is the most frequent term of both reports, at the same rate: it says nothing about either."""
    shared = pd.DataFrame({"doc_id": ["000_a", "001_b"], "term": ["建设", "建设"], "count": [80, 80],
                           "per_10k": [160.0, 160.0], "n_tokens": [5000, 5000]})
    fig = keywords.top_terms_figure(pd.concat([FREQUENCIES, shared], ignore_index=True), n=3, titles=TITLES)
    drawn = [ax for ax in fig.axes if ax.has_data()]
    assert _ticks(drawn[0].get_yticklabels()) == ["乡村振兴", "营商环境", "项目"]
    assert _ticks(drawn[1].get_yticklabels()) == ["共同富裕", "数字经济", "园区"]
    ticks = next(c for c in drawn[0].collections if isinstance(c, PathCollection))
    assert list(ticks.get_offsets()[:, 0]) == [0.0, 0.0, 0.0]  # the other report's rate of each term
    _done(fig)


def test_distinctive_terms_rank_by_g2_against_the_rest() -> None:
    table = pd.DataFrame({"doc_id": ["000_a"] * 3 + ["001_b"] * 2, "term": ["建设", "海绵", "时尚", "建设", "时尚"],
                          "count": [100, 20, 30, 100, 2], "n_tokens": [5000, 5000, 5000, 5000, 5000]})
    table["per_10k"] = table["count"] / table["n_tokens"] * 10_000
    ranked = frequencies.distinctive_terms(table)
    assert ranked[ranked["doc_id"] == "000_a"]["term"].tolist() == ["时尚", "海绵"]  # 建设: same rate in both
    assert ranked[ranked["doc_id"] == "001_b"]["term"].tolist() == []  # uses nothing more than 000_a
    assert ranked["per_10k_rest"].tolist() == [4.0, 0.0]


def test_keyness_figure_diverging_bars_of_significant_terms() -> None:
    fig = keywords.keyness_figure(KEYNESS, labels=("回顾", "计划"))
    ax = fig.axes[0]
    assert ax.get_xlabel() == "对数比 log2（回顾 / 计划）"
    assert len(ax.patches) == 5  # 园区 (p = 0.3) left out
    assert set(_ticks(ax.get_yticklabels())) == set(KEYNESS["term"][:5])
    assert _ticks(ax.get_legend().get_texts()) == ["回顾更多", "计划更多"]
    assert ax.get_legend().get_title().get_text() == "每方 G² 最大的 15 个词（p < 0.05）"  # what chose the terms
    _done(fig)


def test_formulations_figure_counts_and_quoted() -> None:
    table = pd.DataFrame({"formulation": ["六稳六保", "三服务", "两个毫不动摇"], "count": [12, 7, 4],
                          "quoted": [9, 7, 1], "n_docs": [3, 2, 2]})
    fig = keywords.formulations_figure(table)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "出现次数"
    assert _ticks(ax.get_yticklabels()) == ["两个毫不动摇", "三服务", "六稳六保"]  # most used on top
    assert sorted(p.get_width() for p in ax.patches) == [1, 4, 7, 7, 9, 12]
    _done(fig)


def test_attention_heatmap_rows_in_table_order_and_labelled_columns() -> None:
    table = pd.DataFrame({"report": [p for p in ["店口镇 2020", "航埠镇 2021", "五陂镇 2021"] for _ in range(3)],
                          "dictionary": ["innovation", "livelihood", "environment"] * 3,
                          "per_10k": [12.0, 30.0, 8.0, 5.0, 25.0, 14.0, 9.0, 18.0, 3.0]})
    fig = keywords.attention_heatmap(table, row="report", labels=DICTIONARY_LABELS)
    ax = fig.axes[0]
    assert fig.axes[-1].get_ylabel() == "注意力指数（次/万词）"
    assert _ticks(ax.get_yticklabels()) == ["店口镇 2020", "航埠镇 2021", "五陂镇 2021"]
    assert _ticks(ax.get_xticklabels()) == ["科技创新", "民生保障", "环境"]  # themes; the colour bar names the measure
    assert len(ax.texts) == 9
    _done(fig)


def test_section_lengths_figure_stacks_thousands_of_characters() -> None:
    documents = pd.DataFrame({"doc_id": ["000_a", "001_b", "002_c"], "place": PLACES,
                              "report_year": pd.array([2021, 2020, 2021], dtype="Int64")})
    paragraphs = pd.DataFrame({"doc_id": ["000_a"] * 3 + ["001_b"] * 2 + ["002_c"] * 2,
                               "section": ["review", "targets", "plan", "review", "plan", "review", "other"],
                               "n_chars": [3000, 500, 4000, 2500, 3500, 1800, 200]})
    fig = overview.section_lengths_figure(documents, paragraphs)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "字数（千字）"
    assert set(_ticks(ax.get_yticklabels())) == {"航埠镇 2021", "店口镇 2020", "五陂镇 2021"}
    assert sum(p.get_width() for p in ax.patches) == pytest.approx(15.5)
    assert _ticks(ax.get_legend().get_texts()) == ["回顾总结", "主要目标", "任务与计划", "其他"]
    _done(fig)


def test_reports_by_year_figure_one_row_per_place() -> None:
    documents = pd.DataFrame({"doc_id": ["000_a", "001_b", "002_c", "003_d", "004_e"],
                              "place": ["航埠镇", "航埠镇", "店口镇", "五陂镇", None],
                              "doc_type": ["政府工作报告", "政府工作报告", "政府工作报告", None, "政府工作报告"],
                              "report_year": pd.array([2020, 2021, 2021, 2022, 2022], dtype="Int64")})
    fig = overview.reports_by_year_figure(documents)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "报告年份"
    assert _ticks(ax.get_yticklabels()) == sorted(["航埠镇", "店口镇", "五陂镇", "004_e"])
    assert sum(len(c.get_offsets()) for c in ax.collections) == 5
    assert [int(t) for t in ax.get_xticks()] == [2020, 2021, 2022]
    assert set(_ticks(ax.get_legend().get_texts())) == {"政府工作报告", "未注明"}
    _done(fig)


def test_coherence_figure_one_line_per_kind_chosen_k_circled() -> None:
    table = pd.DataFrame({"kind": ["nmf"] * 3 + ["lda"] * 3, "k": [4, 6, 8] * 2,
                          "chosen": [False, True, False] * 2,
                          "coherence": [0.08, 0.12, 0.10, 0.02, 0.05, -0.01]})
    fig = topics.coherence_figure(table)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "主题数 K" and ax.get_ylabel() == "平均 NPMI"
    assert [len(line.get_xdata()) for line in ax.get_lines() if line.get_marker() == "o"] == [3, 3]
    assert [int(t) for t in ax.get_xticks()] == [4, 6, 8]
    assert _ticks(ax.get_legend().get_texts()) == ["LDA", "NMF"]
    _done(fig)


def _model() -> TopicModel:
    """Three topics over six terms, built directly: top_words_figure reads k, beta and the vocabulary."""
    vocabulary = np.array(["乡村振兴", "企业", "园区", "生态", "营商环境", "项目"])
    beta = np.array([[0.05, 0.3, 0.1, 0.05, 0.4, 0.1], [0.5, 0.05, 0.05, 0.1, 0.05, 0.25],
                     [0.1, 0.05, 0.1, 0.6, 0.05, 0.1]])
    units = pd.DataFrame({"unit": range(3), "doc_id": ["000_a"] * 3, "n_terms": [10, 8, 6]})
    dtm = DocumentTermMatrix(sparse.csr_matrix(np.ones((3, 6))), vocabulary, units)
    return TopicModel("nmf", 3, 0, beta, np.eye(3), np.zeros(3), [[4, 1], [0, 5], [3, 2]], dtm)


def test_top_words_figure_one_panel_per_topic() -> None:
    fig = topics.top_words_figure(_model(), TOPIC_LABELS, n=3)
    drawn = [ax for ax in fig.axes if ax.has_data()]
    assert [ax.get_figure().get_suptitle() for ax in drawn] == ["1. 营商环境", "2. 乡村振兴", "3. 生态环境"]
    assert _ticks(drawn[0].get_yticklabels()) == ["营商环境", "企业", "园区"]
    assert [p.get_width() for p in drawn[1].patches] == pytest.approx([50, 25, 10])
    assert all(ax.get_xlabel() == "归一化权重（%）" for ax in drawn)  # NMF weights are not probabilities
    _done(fig)


def test_top_words_figure_says_probability_for_lda() -> None:
    lda = _model()
    fig = topics.top_words_figure(TopicModel("lda", lda.k, 0, lda.beta, lda.theta, lda.coherence, lda.top_words,
                                             lda.dtm), TOPIC_LABELS, n=3)
    assert {ax.get_xlabel() for ax in fig.axes} == {"概率（%）"}
    _done(fig)


def test_top_words_figure_wraps_titles_and_long_words_to_the_panel() -> None:
    labels = pd.Series({1: "法治·中央八项规定·监督·严格执行", 2: "乡村振兴", 3: "生态环境"})
    model = _model()
    vocabulary = model.dtm.vocabulary.copy().astype(object)
    vocabulary[1] = "习近平新时代中国特色社会主义思想"
    dtm = DocumentTermMatrix(model.dtm.counts, vocabulary, model.dtm.units)
    fig = topics.top_words_figure(TopicModel("nmf", 3, 0, model.beta, model.theta, model.coherence,
                                             model.top_words, dtm), labels, n=3)
    titles = [ax.get_figure().get_suptitle() for ax in fig.axes]
    assert titles[0] == "1. 法治·中央八项规定·监督·\n严格执行"
    assert "习近平新时代中国\n特色社会主义思想" in _ticks(fig.axes[0].get_yticklabels())  # two lines, not three
    _done(fig)


def test_prevalence_heatmap_shares_in_percent() -> None:
    table = pd.DataFrame({"place": [p for p in PLACES for _ in range(3)], "topic": [1, 2, 3] * 3,
                          "share": [0.5, 0.3, 0.2, 0.2, 0.6, 0.2, 0.34, 0.33, 0.33]})
    fig = topics.prevalence_heatmap(table, by="place", labels=TOPIC_LABELS)
    ax = fig.axes[0]
    assert fig.axes[-1].get_ylabel() == "主题占比（%）"
    assert _ticks(ax.get_xticklabels()) == sorted(PLACES)
    assert _ticks(ax.get_yticklabels()) == ["1. 营商环境", "2. 乡村振兴", "3. 生态环境"]  # read horizontally
    assert "60" in [t.get_text() for t in ax.texts]  # 店口镇's 0.6 share of topic 2
    _done(fig)


def test_section_share_figure_grouped_bars_per_section() -> None:
    table = pd.DataFrame({"section": [s for s in ["review", "targets", "plan", "other"] for _ in range(3)],
                          "topic": [1, 2, 3] * 4,
                          "share": [0.5, 0.3, 0.2, 0.6, 0.1, 0.3, 0.2, 0.5, 0.3, 0.4, 0.4, 0.2]})
    fig = topics.section_share_figure(table, TOPIC_LABELS)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "主题占比（%）"
    assert len(ax.patches) == 9  # three topics × three sections, 其他 left out
    assert max(p.get_width() for p in ax.patches) == pytest.approx(60)
    assert _ticks(ax.get_yticklabels()) == ["1. 营商环境", "2. 乡村振兴", "3. 生态环境"]
    assert _ticks(ax.get_legend().get_texts()) == ["回顾总结", "主要目标", "任务与计划"]
    _done(fig)


def test_cloud_figure_draws_each_positive_term() -> None:
    terms = {"乡村振兴": 30, "营商环境": 20, "共同富裕": 18, "航埠镇": 12, "零权重": 0}
    fig = wordclouds.cloud_figure(terms)
    ax = fig.axes[0]
    assert not ax.axison  # a cloud has no axes to label
    assert sorted(t.get_text() for t in ax.texts) == sorted(["乡村振兴", "营商环境", "共同富裕", "航埠镇"])
    sizes = {t.get_text(): t.get_fontsize() for t in ax.texts}
    assert sizes["乡村振兴"] == max(sizes.values())
    _done(fig)


def test_clouds_figure_one_titled_cloud_per_report() -> None:
    fig = wordclouds.clouds_figure(FREQUENCIES, group="doc_id", titles=TITLES)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in titled] == ["航埠镇 2021", "店口镇 2020"]
    assert sorted(t.get_text() for t in titled[0].texts) == sorted(["乡村振兴", "营商环境", "项目"])
    assert min(t.get_fontsize() for ax in titled for t in ax.texts) >= wordclouds.MIN_POINTS
    _done(fig)


def test_comparison_figure_colours_terms_by_side() -> None:
    fig = wordclouds.comparison_figure(KEYNESS, labels=("回顾总结", "任务与计划"))
    ax = fig.axes[0]
    colours = {t.get_text(): t.get_color() for t in ax.texts}
    assert set(colours) == set(KEYNESS["term"])
    assert colours["乡村振兴"] == SIDE_COLOURS[0] and colours["共同富裕"] == SIDE_COLOURS[1]
    assert _ticks(fig.legends[0].get_texts()) == ["回顾总结更多", "任务与计划更多"]
    assert "G²" in fig.legends[0].get_title().get_text()  # what the size means
    assert min(t.get_fontsize() for t in ax.texts) >= wordclouds.MIN_POINTS
    _done(fig)


SIX_YEARS = pd.DataFrame(np.arange(18.0).reshape(3, 6), index=PLACES, columns=[str(y) for y in range(2019, 2025)])
FIVE_DICTIONARIES = pd.DataFrame({"report": [p for p in PLACES for _ in range(5)],
                                  "dictionary": list(DICTIONARY_LABELS) * 3, "per_10k": np.arange(15.0)})
TWELVE_GROUPS = pd.DataFrame({"doc_id": [f"{i:03d}_x" for i in range(12) for _ in range(3)],
                              "term": ["乡村振兴", "营商环境", "习近平新时代中国特色社会主义思想"] * 12,
                              "count": [30, 20, 10] * 12, "per_10k": [60.0, 40.0, 20.0] * 12, "n_tokens": [5000] * 36})


@pytest.mark.parametrize("build", [
    pytest.param(lambda: heatmap_module.heatmap(SIX_YEARS, colorbar_label="次/万词"), id="heatmap-6-columns"),
    pytest.param(lambda: heatmap_module.heatmap(pd.DataFrame(np.ones((2, 12)), columns=[f"{p}镇" for p in "甲乙丙丁戊己庚辛壬癸子丑"]),
                                                colorbar_label="次/万词"), id="heatmap-12-columns"),
    pytest.param(lambda: keywords.attention_heatmap(FIVE_DICTIONARIES, row="report", labels=DICTIONARY_LABELS),
                 id="attention_heatmap-5-dictionaries"),
    pytest.param(lambda: indicators.targets_results_figure(GROWTH), id="targets_results_figure"),
    pytest.param(lambda: keywords.top_terms_figure(FREQUENCIES, n=3), id="top_terms_figure"),
    pytest.param(lambda: keywords.top_terms_figure(TWELVE_GROUPS, n=3), id="top_terms_figure-12-panels"),
    pytest.param(lambda: topics.top_words_figure(_model(), TOPIC_LABELS, n=3), id="top_words_figure"),
    pytest.param(lambda: wordclouds.clouds_figure(FREQUENCIES, group="doc_id"), id="clouds_figure"),
    pytest.param(lambda: wordclouds.clouds_figure(TWELVE_GROUPS, group="doc_id"), id="clouds_figure-12-panels"),
])
def test_figure_fits_the_page(build: Callable[[], Figure]) -> None:
    _done(build())

"""Indicator figures draw on the sample panel and say so when a corpus has nothing to draw."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from govreports.indicators.extraction import extract_indicators
from govreports.indicators.panel import indicator_panel
from govreports.viz import indicators as indicator_figures


@pytest.fixture(autouse=True)
def style(cjk_style):
    yield


def test_figures_on_the_sample(documents) -> None:
    table = extract_indicators(documents).merge(documents[["doc_id", "place"]], on="doc_id")
    panel = indicator_panel(table, documents)
    levels = indicator_figures.levels_figure(panel)
    assert [len(ax.get_yticklabels()) for ax in levels.axes] == [12, 1]
    changes = indicator_figures.changes_figure(panel)
    assert sum(len(ax.get_lines()) for ax in changes.axes) == 5  # 航埠's five from→to statements
    assert [len(ax.get_lines()) for ax in changes.axes] == [4, 1]  # sums in 亿元, the per-capita income in 元/人
    targets = indicator_figures.targets_results_figure(panel)
    assert sum(ax.has_data() for ax in targets.axes) == 5


def test_empty_corpus_figures_say_so(documents) -> None:
    table = extract_indicators(documents).merge(documents[["doc_id", "place"]], on="doc_id").iloc[0:0]
    panel = indicator_panel(table, documents)
    for fig in (indicator_figures.changes_figure(panel), indicator_figures.hedge_classes_figure(table),
                indicator_figures.targets_results_figure(panel)):
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert any("没有" in t for t in texts)


def test_many_places_are_capped_and_the_figure_says_so(documents) -> None:
    """A corpus of hundreds of places (a province’s towns) draws the busiest few, and names the total."""
    table = extract_indicators(documents).merge(documents[["doc_id", "place"]], on="doc_id")
    panel = indicator_panel(table, documents)
    copies = [panel.assign(place=panel["place"] + f"{i:03d}") for i in range(60)]
    many = pd.concat(copies, ignore_index=True)
    levels = indicator_figures.levels_figure(many, max_places=8)
    legend = [t.get_text() for t in levels.legends[0].get_texts()]
    assert len(legend) == 8 + 1  # the places and the hollow marker of estimates
    # three of the sample towns state money levels: 3 × 60 places
    assert any("共 180 地" in ax.get_title(loc="left") for ax in levels.axes)
    changes = indicator_figures.changes_figure(many, max_places=3)
    assert sum(len(ax.get_lines()) for ax in changes.axes) == 15  # 航埠's five from→to lines, three copies
    assert "共 60 地" in changes.axes[0].get_title(loc="left")
    hedges = indicator_figures.hedge_classes_figure(many_table := pd.concat(
        [table.assign(place=table["place"] + f"{i:03d}") for i in range(60)], ignore_index=True), max_places=20)
    bars = [t.get_text() for t in hedges.axes[0].get_yticklabels()]
    assert len(bars) == 21 and bars[0] == "其他 100 地"  # 120 places (two towns × 60 copies), pooled at the bottom
    widths = [sum(p.get_width() for p in hedges.axes[0].patches if abs(p.get_y() + p.get_height() / 2 - i) < 0.01)
              for i in range(1, 21)]
    assert widths == sorted(widths)  # the named places by total, the largest on top
    pooled = many_table[many_table["kind"].str.startswith("target") & (many_table["scope"] == "jurisdiction")]
    assert sum(p.get_width() for p in hedges.axes[0].patches) == len(pooled)

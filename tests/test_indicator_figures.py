"""Indicator figures draw on the sample panel and say so when a corpus has nothing to draw."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest

from govreports import indicator_figures
from govreports.indicators import extract_indicators
from govreports.trends import indicator_panel


@pytest.fixture(autouse=True)
def style(cjk_style):
    yield


def test_figures_on_the_sample(documents) -> None:
    table = extract_indicators(documents).merge(documents[["doc_id", "place"]], on="doc_id")
    panel = indicator_panel(table, documents)
    levels = indicator_figures.levels_figure(panel)
    assert [len(ax.get_yticklabels()) for ax in levels.axes] == [12, 1]
    changes = indicator_figures.changes_figure(panel)
    assert len(changes.axes[0].get_lines()) == 5  # 航埠's five from→to statements
    targets = indicator_figures.targets_results_figure(panel)
    assert sum(ax.has_data() for ax in targets.axes) == 5


def test_empty_corpus_figures_say_so(documents) -> None:
    table = extract_indicators(documents).merge(documents[["doc_id", "place"]], on="doc_id").iloc[0:0]
    panel = indicator_panel(table, documents)
    for fig in (indicator_figures.changes_figure(panel), indicator_figures.hedge_classes_figure(table),
                indicator_figures.targets_results_figure(panel)):
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert any("没有" in t for t in texts)

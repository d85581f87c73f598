"""Paper-ready figures for topic models (notebook 02)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from govreports.corpus.structure import SECTION_LABELS
from govreports.topics.models import TopicModel, topic_words
from govreports.viz.heatmap import heatmap
from govreports.viz.style import WIDTH, em_width, settle, wrap_label

__all__ = ["coherence_figure", "prevalence_heatmap", "section_share_figure", "top_words_figure"]


def coherence_figure(table: pd.DataFrame) -> Figure:
    """Mean NPMI against K, one line per model kind, the chosen K of each kind circled.

    Args:
        table: one or more :func:`govreports.topics.models.choose_k` tables concatenated.
    """
    fig, ax = plt.subplots(figsize=(WIDTH, 3.4))
    for kind, group in table.groupby("kind", sort=True):
        line = ax.plot(group["k"], settle(group["coherence"]), marker="o", markersize=4, label=kind.upper())[0]
        chosen = group[group["chosen"]]
        ax.scatter(chosen["k"], settle(chosen["coherence"]), s=140, facecolors="none", edgecolors=line.get_color(),
                   linewidths=1.5, zorder=3)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_xlabel("主题数 K")
    ax.set_ylabel("平均 NPMI")
    ax.set_xticks(sorted(table["k"].unique()))
    ax.legend()
    fig.tight_layout()
    return fig


def top_words_figure(model: TopicModel, labels: pd.Series, *, n: int = 8, ncols: int = 4) -> Figure:
    """Small multiples: each topic's ``n`` heaviest words as bars, titled with the topic's number and label.

    Bars are the rows of the model's topic-word matrix normalised to sum to 1: probabilities for LDA, for NMF
    only weights (the x axis says which).
    """
    words = topic_words(model, n=n)
    words["weight"] = settle(words["weight"] * 100)
    ncols = max(min(ncols, model.k), 1)
    nrows = -(-model.k // ncols)
    panel = WIDTH / ncols
    terms = {t: _term_label(t, panel * 0.35 * 72 / 7) for t in words["term"]}
    titles = {t: wrap_label(f"{t}. {labels.get(t, '')}", (panel - 0.3) * 72 / 7.5) for t in range(1, model.k + 1)}
    title_lines = max(title.count("\n") + 1 for title in titles.values())
    fig = plt.figure(figsize=(WIDTH, (0.17 * n + 0.5 + 0.14 * title_lines) * nrows),
                     layout=ConstrainedLayoutEngine(w_pad=0.04, h_pad=0.04, wspace=0.02, hspace=0.02))
    panels = fig.subfigures(nrows, ncols, squeeze=False)  # a title centred over its whole panel, labels included
    unit = "概率（%）" if model.kind == "lda" else "归一化权重（%）"
    groups = dict(list(words.groupby("topic", sort=True)))
    for index, sub in enumerate(panels.flat):
        topic = index + 1
        if topic not in groups:
            continue
        ax = sub.subplots()
        group = groups[topic]
        ax.barh([terms[t] for t in group["term"]], group["weight"], color="#4c72b0", height=0.7)
        ax.invert_yaxis()
        sub.suptitle(titles[topic], fontsize=7.5)
        ax.tick_params(axis="both", labelsize=7)
        ax.grid(axis="y", visible=False)
        if topic + ncols > model.k:  # the lowest panel of its column says the unit
            ax.set_xlabel(unit, fontsize=7.5)
    return fig


def prevalence_heatmap(table: pd.DataFrame, *, by: str, labels: pd.Series, max_groups: int = 12) -> Figure:
    """Heatmap of topic shares (%): topics (numbered and labelled) as rows, ``by`` values as columns.

    Topics go down the side so that their labels read horizontally, and the figure stays within the page width.

    Args:
        table: :func:`govreports.topics.models.prevalence` output for ``by``.
        labels: topic -> label.
        max_groups: at most this many ``by`` values, the first in sorted order.
    """
    wide = table.pivot_table(index="topic", columns=by, values="share", sort=True) * 100
    wide = pd.DataFrame(settle(wide.iloc[:, :max_groups]), index=wide.index, columns=wide.columns[:max_groups])
    wide.index = [wrap_label(f"{t}. {labels.get(t, '')}", 16) for t in wide.index]
    return heatmap(wide, colorbar_label="主题占比（%）")


def _term_label(term: str, max_em: float) -> str:
    """A term on one line, or on two when it is wider than ``max_em``."""
    return wrap_label(term, max(max_em, -(-em_width(term) // 2)))


def section_share_figure(table: pd.DataFrame, labels: pd.Series) -> Figure:
    """Grouped bars: each topic's share (%) in the review, targets and plan sections.

    Args:
        table: :func:`govreports.topics.models.prevalence` output for ``by="section"``.
        labels: topic -> label.
    """
    sections = [s for s in SECTION_LABELS if s in set(table["section"]) and s != "other"]
    topics_ = sorted(table["topic"].unique())
    fig, ax = plt.subplots(figsize=(WIDTH, 0.3 * len(topics_) * max(len(sections), 1) ** 0.5 + 1.4))
    height = 0.8 / max(len(sections), 1)
    positions = np.arange(len(topics_))
    for i, section in enumerate(sections):
        shares = table[table["section"] == section].set_index("topic")["share"].reindex(topics_, fill_value=0)
        ax.barh(positions + i * height, settle(shares * 100), height=height, label=SECTION_LABELS[section])
    ax.set_yticks(positions + height * (len(sections) - 1) / 2,
                  [wrap_label(f"{t}. {labels.get(t, '')}", 16) for t in topics_])
    ax.invert_yaxis()
    ax.set_xlabel("主题占比（%）")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig

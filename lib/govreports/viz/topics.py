"""Paper-ready figures for topic models (notebook 02)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from govreports.corpus.structure import SECTION_LABELS
from govreports.topics.models import TopicModel, topic_words
from govreports.viz.heatmap import heatmap

__all__ = ["coherence_figure", "prevalence_heatmap", "section_share_figure", "top_words_figure"]


def coherence_figure(table: pd.DataFrame) -> Figure:
    """Mean NPMI against K, one line per model kind, the chosen K of each kind circled.

    Args:
        table: one or more :func:`govreports.topics.models.choose_k` tables concatenated.
    """
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for kind, group in table.groupby("kind", sort=True):
        line = ax.plot(group["k"], group["coherence"], marker="o", markersize=4, label=kind.upper())[0]
        chosen = group[group["chosen"]]
        ax.scatter(chosen["k"], chosen["coherence"], s=140, facecolors="none", edgecolors=line.get_color(),
                   linewidths=1.5, zorder=3)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_xlabel("主题数 K")
    ax.set_ylabel("平均 NPMI")
    ax.set_xticks(sorted(table["k"].unique()))
    ax.legend()
    fig.tight_layout()
    return fig


def top_words_figure(model: TopicModel, labels: pd.Series, *, n: int = 8, ncols: int = 4) -> Figure:
    """Small multiples: each topic's ``n`` most probable words as bars, titled with the topic's label."""
    words = topic_words(model, n=n)
    nrows = -(-model.k // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.2 * ncols, (0.2 * n + 0.7) * nrows), squeeze=False)
    for ax in axes.flat[model.k:]:
        ax.set_axis_off()
    for ax, (topic, group) in zip(axes.flat, words.groupby("topic", sort=True), strict=False):
        ax.barh(group["term"], group["weight"] * 100, color="#4c72b0", height=0.7)
        ax.invert_yaxis()
        ax.set_title(f"{topic}. {labels.get(topic, '')}", fontsize=8)
        ax.tick_params(axis="both", labelsize=7)
        ax.grid(axis="y", visible=False)
    for ax in axes[-1]:
        if ax.has_data():
            ax.set_xlabel("概率（%）", fontsize=8)
    fig.tight_layout()
    return fig


def prevalence_heatmap(table: pd.DataFrame, *, row: str, labels: pd.Series, max_rows: int = 40) -> Figure:
    """Heatmap of topic shares (%) with ``row`` values as rows and topics (numbered and labelled) as columns.

    Args:
        table: :func:`govreports.topics.models.prevalence` output for ``by=row``.
        labels: topic -> label.
        max_rows: at most this many rows, the first in sorted order.
    """
    wide = table.pivot_table(index=row, columns="topic", values="share", sort=True).head(max_rows) * 100
    wide.columns = [f"{t}. {labels.get(t, '')}" for t in wide.columns]
    return heatmap(wide, colorbar_label="主题占比（%）")


def section_share_figure(table: pd.DataFrame, labels: pd.Series) -> Figure:
    """Grouped bars: each topic's share (%) in the review, targets and plan sections.

    Args:
        table: :func:`govreports.topics.models.prevalence` output for ``by="section"``.
        labels: topic -> label.
    """
    sections = [s for s in SECTION_LABELS if s in set(table["section"]) and s != "other"]
    topics_ = sorted(table["topic"].unique())
    fig, ax = plt.subplots(figsize=(6.4, 0.35 * len(topics_) * max(len(sections), 1) ** 0.5 + 1.4))
    height = 0.8 / max(len(sections), 1)
    positions = np.arange(len(topics_))
    for i, section in enumerate(sections):
        shares = table[table["section"] == section].set_index("topic")["share"].reindex(topics_, fill_value=0)
        ax.barh(positions + i * height, shares * 100, height=height, label=SECTION_LABELS[section])
    ax.set_yticks(positions + height * (len(sections) - 1) / 2, [f"{t}. {labels.get(t, '')}" for t in topics_])
    ax.invert_yaxis()
    ax.set_xlabel("主题占比（%）")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig

"""Paper-ready figures for keyword analysis (notebook 01): top terms, keyness, formulations, attention."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from govreports.viz.heatmap import heatmap

__all__ = ["attention_heatmap", "formulations_figure", "keyness_figure", "top_terms_figure"]


def top_terms_figure(frequencies: pd.DataFrame, *, group: str = "doc_id", n: int = 10, ncols: int = 3,
                     titles: Mapping[str, str] | None = None, max_panels: int = 12) -> Figure:
    """Small multiples of horizontal bars: the ``n`` most frequent terms of each group, per 10,000 words.

    Args:
        frequencies: output of :func:`govreports.keywords.frequencies.term_frequencies`.
        titles: group -> panel title (default the group value).
        max_panels: at most this many groups (the first in sorted order): group by place for large corpora.
    """
    groups = sorted(frequencies[group].unique())[:max_panels]
    nrows = -(-len(groups) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.6 * ncols, 0.22 * n * nrows + 0.8 * nrows), squeeze=False)
    for ax in axes.flat[len(groups):]:
        ax.set_axis_off()
    for ax, name in zip(axes.flat, groups, strict=False):
        top = frequencies[frequencies[group] == name].head(n)
        ax.barh(top["term"], top["per_10k"], color="#4c72b0", height=0.7)
        ax.invert_yaxis()
        ax.set_title((titles or {}).get(name, str(name)), fontsize=10)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=8)
    for ax in axes[-1]:
        if ax.has_data():
            ax.set_xlabel("次/万词")
    fig.tight_layout()
    return fig


def keyness_figure(table: pd.DataFrame, *, labels: tuple[str, str] = ("target", "reference"), n: int = 15) -> Figure:
    """Diverging bars of the log ratio for the ``n`` most key terms (by G²) on each side of a keyness table.

    Bars to the right are relatively more frequent in the target, to the left in the reference; only terms
    with p < 0.05 are drawn.
    """
    significant = table[table["p_value"] < 0.05]
    top = significant.groupby("direction", sort=True).head(n).sort_values("log_ratio", kind="stable")
    fig, ax = plt.subplots(figsize=(6.4, 0.24 * len(top) + 1.2))
    colours = np.where(top["direction"] == "target", "#4c72b0", "#dd8452")
    ax.barh(top["term"], top["log_ratio"], color=colours, height=0.7)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlabel(f"对数比 log2（{labels[0]} / {labels[1]}）")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", labelsize=8)
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in ("#4c72b0", "#dd8452")]
    ax.legend(handles, [f"{labels[0]}更多", f"{labels[1]}更多"], loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def formulations_figure(table: pd.DataFrame, *, n: int = 20) -> Figure:
    """Horizontal bars: occurrences of the ``n`` most used numbered formulations, quoted share marked."""
    top = table.head(n).iloc[::-1]
    fig, ax = plt.subplots(figsize=(6.4, 0.24 * len(top) + 1.0))
    ax.barh(top["formulation"], top["count"], color="#bbbbbb", height=0.7, label="全部出现")
    ax.barh(top["formulation"], top["quoted"], color="#4c72b0", height=0.7, label="加引号")
    ax.set_xlabel("出现次数")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def attention_heatmap(table: pd.DataFrame, *, row: str, labels: Mapping[str, str] | None = None,
                      order: Sequence[str] | None = None, max_rows: int = 40) -> Figure:
    """Heatmap of attention indices (hits per 10,000 words): rows are ``row`` values in the order they first
    appear in ``table``, columns are dictionaries.

    Args:
        table: output of :func:`govreports.keywords.attention.attention`.
        labels: dictionary name -> column label (e.g. the dictionaries' Chinese labels).
        order: column order (default as in the table).
    """
    wide = table.pivot_table(index=row, columns="dictionary", values="per_10k", sort=False).head(max_rows)
    wide = wide.reindex(index=list(dict.fromkeys(table[row]))[:max_rows], columns=list(order or dict.fromkeys(table["dictionary"])))
    wide.columns = [(labels or {}).get(c, c) for c in wide.columns]
    return heatmap(wide, colorbar_label="次/万词")

"""Paper-ready figures for keyword analysis (notebook 01): top terms, keyness, formulations, attention."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from govreports.keywords.frequencies import distinctive_terms
from govreports.viz.heatmap import heatmap
from govreports.viz.style import SIDE_COLOURS, WIDTH, wrap_label

__all__ = ["attention_heatmap", "formulations_figure", "keyness_figure", "top_terms_figure"]

_TERM_COLOUR = "#4c72b0"


def top_terms_figure(frequencies: pd.DataFrame, *, group: str = "doc_id", n: int = 10, ncols: int = 3,
                     titles: Mapping[str, str] | None = None, max_panels: int = 12) -> Figure:
    """Small multiples of horizontal bars: the ``n`` terms most particular to each group, with their rates.

    Raw frequency puts the words every report uses (建设, 发展, 企业, 项目) on top of every panel. Terms are
    ranked instead by the log-likelihood G² of the group against the rest of the corpus, among the terms the
    group uses relatively more (:func:`distinctive_terms`). Each bar is the group's rate per 10,000 words; a
    tick marks the rate in the other groups. With a single group, terms are ranked by frequency.

    Args:
        frequencies: output of :func:`govreports.keywords.frequencies.term_frequencies` (``count``, ``per_10k``
            and ``n_tokens`` per group and term).
        titles: group -> panel title (default the group value).
        max_panels: at most this many groups (the first in sorted order): group by place for large corpora.
    """
    ranked = distinctive_terms(frequencies, group=group)
    groups = sorted(ranked[group].unique())[:max_panels]
    ncols = max(min(ncols, len(groups)), 1)
    nrows = max(-(-len(groups) // ncols), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH, (0.17 * n + 0.55) * nrows + 0.6), squeeze=False)
    for ax in axes.flat[len(groups):]:
        ax.set_axis_off()
    label_em = WIDTH / ncols * 72 / 8 * 0.4  # a term takes at most 40% of a panel, at 8 pt
    for ax, name in zip(axes.flat, groups, strict=False):
        top = ranked[ranked[group] == name].head(n)
        terms = [wrap_label(t, label_em) for t in top["term"]]
        ax.barh(terms, top["per_10k"], color=_TERM_COLOUR, height=0.7)
        ax.scatter(top["per_10k_rest"], terms, marker="|", s=60, color="#222222", linewidths=1.2, zorder=3)
        ax.invert_yaxis()
        ax.set_title((titles or {}).get(name, str(name)), fontsize=9)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="both", labelsize=8)
    for column in axes.T:  # the lowest panel of each column says the unit
        drawn = [ax for ax in column if ax.has_data()]
        if drawn:
            drawn[-1].set_xlabel("次/万词", fontsize=8)
    own, rest = ("本报告", "其余报告") if group == "doc_id" else ("本组", "其余各组")
    single = len(groups) < 2
    handles = [Patch(color=_TERM_COLOUR, label=own),
               Line2D([], [], marker="|", lw=0, markersize=8, markeredgewidth=1.2, color="#222222", label=rest)]
    title = "词按频次排序" if single else f"词按对数似然 G² 排序（{own}与{rest}相比，只取{own}多用的词）"
    fig.legend(handles=handles[:1] if single else handles, loc="lower center", ncols=2, fontsize=8, title=title,
               title_fontsize=8)
    fig.tight_layout(rect=(0, 0.45 / fig.get_figheight(), 1, 1))
    return fig


def keyness_figure(table: pd.DataFrame, *, labels: tuple[str, str] = ("target", "reference"), n: int = 15) -> Figure:
    """Diverging bars of the log ratio for the ``n`` most key terms on each side of a keyness table: terms are
    chosen by G² (the largest ``n`` of each side among those with p < 0.05) and drawn in order of the log ratio;
    the legend says so.

    Bars to the right are relatively more frequent in the target, to the left in the reference.
    """
    significant = table[table["p_value"] < 0.05]
    top = significant.groupby("direction", sort=True).head(n).sort_values("log_ratio", kind="stable")
    fig, ax = plt.subplots(figsize=(WIDTH, 0.19 * len(top) + 1.3))
    colours = np.where(top["direction"] == "target", SIDE_COLOURS[0], SIDE_COLOURS[1])
    ax.barh(top["term"], top["log_ratio"], color=colours, height=0.7)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlabel(f"对数比 log2（{labels[0]} / {labels[1]}）")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", labelsize=8)
    handles = [Patch(color=c) for c in SIDE_COLOURS]
    ax.legend(handles, [f"{labels[0]}更多", f"{labels[1]}更多"], loc="upper left", fontsize=8,
              title=f"每方 G² 最大的 {n} 个词（p < 0.05）", title_fontsize=8, alignment="left")
    fig.tight_layout()
    return fig


def formulations_figure(table: pd.DataFrame, *, n: int = 20) -> Figure:
    """Horizontal bars: occurrences of the ``n`` most used numbered formulations, quoted share marked."""
    top = table.head(n).iloc[::-1]
    fig, ax = plt.subplots(figsize=(WIDTH, 0.2 * len(top) + 1.0))
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
    appear in ``table``, columns are dictionaries, named by their theme.

    The colour bar names the measure (注意力指数), so a label that names it again (环境注意力, as the
    literature names the index of 陈诗一、陈登科 2018) is shown without it: every column then reads as a theme.

    Args:
        table: output of :func:`govreports.keywords.attention.attention`.
        labels: dictionary name -> column label (e.g. the dictionaries' Chinese labels).
        order: column order (default as in the table).
    """
    wide = table.pivot_table(index=row, columns="dictionary", values="per_10k", sort=False).head(max_rows)
    wide = wide.reindex(index=list(dict.fromkeys(table[row]))[:max_rows], columns=list(order or dict.fromkeys(table["dictionary"])))
    wide.columns = [_theme((labels or {}).get(c, c)) for c in wide.columns]
    return heatmap(wide, colorbar_label=f"{_MEASURE}指数（次/万词）")


_MEASURE = "注意力"


def _theme(label: str) -> str:
    """A dictionary's label without a trailing 注意力 (the measure the colour bar names), unless nothing is left."""
    return label.removesuffix(_MEASURE) or label

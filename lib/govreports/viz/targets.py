"""Figures of notebook 03's target sections: were targets met, and how targets are raised down the hierarchy.

Both take the table of :func:`govreports.indicators.targets.targets_table` (or its :func:`markups`) and say on the
figure, in words, when the corpus holds nothing to draw (one report per place gives no outcomes; one level gives
no markups), rather than drawing empty axes.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from govreports.indicators.lexicon import Indicator, lexicon
from govreports.rules.reading import reading_rules
from govreports.viz.style import WIDTH

__all__ = ["markups_figure", "outcomes_figure"]

_LEVEL_LABELS = {"national": "全国", "province": "省", "city": "市", "county": "县（区）", "town": "镇（街道）"}
_HEDGE_COLOURS = {"range": "#4c72b0", "floor": "#c44e52", "ceiling": "#8172b3", "aspiration": "#dd8452",
                  "approx": "#55a868", "exact": "#555555"}


def outcomes_figure(table: pd.DataFrame, *, indicators: Sequence[str] = ("gdp",), max_panels: int = 4,
                    entries: Sequence[Indicator] | None = None) -> Figure:
    """Target (x) against outcome (y) of growth targets, one point per place-year, coloured by hedge class, with
    the 45° line (on it: the outcome equals the target; above: exceeded). One panel per indicator of
    ``indicators`` that has such pairs (at most ``max_panels``); the number of place-years is in each title."""
    pairs = table[(table["measure"] == "growth") & (table["unit"] == "percent") & table["target"].notna()
                  & table["outcome"].notna() & table["indicator"].isin(list(indicators))]
    shown = [i for i in indicators if (pairs["indicator"] == i).any()][:max_panels]
    names = {entry.id: entry.label for entry in (entries or lexicon())}
    ncols = max(min(len(shown), 2), 1)
    nrows = max(-(-len(shown) // ncols), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH, 2.9 * nrows + 0.6), squeeze=False)
    if not shown:
        ax = axes.flat[0]
        ax.set_axis_off()
        ax.text(0.5, 0.5, "语料中没有可对照的目标与结果：\n需要同一地方相邻年份的报告（目标在前一年，结果在后一年的回顾中）",
                transform=ax.transAxes, ha="center", va="center", fontsize=9)
        return fig
    rules = reading_rules()
    order = sorted(rules.class_labels, key=rules.class_rank.__getitem__)
    for ax, indicator in zip(axes.flat, shown, strict=False):
        rows = pairs[pairs["indicator"] == indicator]
        low = float(min(rows["target"].min(), rows["outcome"].min(), 0))
        high = float(max(rows["target"].max(), rows["outcome"].max()))
        pad = 0.06 * (high - low or 1)
        ax.plot([low - pad, high + pad], [low - pad, high + pad], color="#999999", lw=0.8, zorder=1)
        for hedge_class in order:
            own = rows[rows["hedge_class"] == hedge_class]
            if len(own):
                ax.scatter(own["target"], own["outcome"], s=18, color=_HEDGE_COLOURS.get(hedge_class, "#333333"),
                           alpha=0.8, zorder=2, edgecolors="white", linewidths=0.4)
        ax.set_xlim(low - pad, high + pad)
        ax.set_ylim(low - pad, high + pad)
        ax.set_aspect("equal")
        ax.set_title(f"{names.get(indicator, indicator)}（{len(rows)} 个地方-年份）", fontsize=8)
        ax.set_xlabel("目标增长（%）", fontsize=8)
        ax.set_ylabel("实际增长（%）", fontsize=8)
        ax.tick_params(labelsize=7)
    for ax in axes.flat[len(shown):]:
        ax.set_axis_off()
    used = [c for c in order if (pairs["hedge_class"] == c).any()]
    handles = [Line2D([], [], marker="o", lw=0, color=_HEDGE_COLOURS.get(c, "#333333"), label=rules.class_labels[c])
               for c in used] + [Line2D([], [], color="#999999", lw=0.8, label="实际 = 目标")]
    fig.legend(handles=handles, loc="lower center", ncols=min(len(handles), 4), fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.5 / fig.get_figheight(), 1, 1))
    return fig


def markups_figure(markups: pd.DataFrame, *, indicator: str = "gdp", measure: str = "growth",
                   entries: Sequence[Indicator] | None = None) -> Figure:
    """The markup of each level's target over the level above (层层加码), by year: one line per pair of levels
    (省 over 全国, 市 over 省 …), each point labelled with the number of place-years behind its mean."""
    rows = markups[(markups["indicator"] == indicator) & (markups["measure"] == measure)]
    rows = rows[rows["year"].str.fullmatch(r"\d{4}")]  # annual targets; a plan's span is another comparison
    names = {entry.id: entry.label for entry in (entries or lexicon())}
    fig, ax = plt.subplots(figsize=(WIDTH, 3.2))
    if rows.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "语料中没有上下级同一年份的目标：\n需要同一年份上下两级（如省与其下的市）的报告",
                transform=ax.transAxes, ha="center", va="center", fontsize=9)
        return fig
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for colour, ((level, above), group) in zip(colours, rows.groupby(["level", "above"], sort=False), strict=False):
        group = group.sort_values("year")
        years = group["year"].astype(int).to_numpy()
        ax.plot(years, group["markup"], marker="o", ms=4, ls="none", color=colour,  # no line across missing years
                label=f"{_LEVEL_LABELS[level]}目标 − {_LEVEL_LABELS[above]}目标")
        for x, y, n in zip(years, group["markup"], group["n"], strict=True):
            ax.annotate(f"n={n}", (x, y), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=6)
    years = rows["year"].astype(int)
    ax.set_xlim(years.min() - 0.5, years.max() + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.tick_params(labelsize=7)
    ax.axhline(0, color="#999999", lw=0.6)
    unit = "百分点" if measure == "growth" else "（目标单位）"
    ax.set_ylabel(f"{names.get(indicator, indicator)}目标加码（{unit}）", fontsize=8)
    ax.legend(fontsize=7, frameon=False, loc="best")
    fig.tight_layout()
    return fig

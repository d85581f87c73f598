"""Paper-ready figures for indicators (notebook 03): levels across places, five-year changes, hedges, targets."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from govreports.chinese.periods import parse_period
from govreports.indicators.lexicon import Indicator, lexicon
from govreports.indicators.records import is_target
from govreports.rules.reading import reading_rules

__all__ = ["changes_figure", "hedge_classes_figure", "labels", "levels_figure", "targets_results_figure"]

def labels(entries: Sequence[Indicator] | None = None) -> dict[str, str]:
    """Indicator id -> Chinese label, from ``entries`` (the lexicon the table was extracted with) or the package's."""
    return {entry.id: entry.label for entry in (entries or lexicon())}


def _hedge_labels() -> dict[str, str]:
    """Hedge class -> legend label, strongest class first (``hedge_classes.csv``)."""
    rules = reading_rules()
    return {c: rules.class_labels[c] for c in sorted(rules.class_labels, key=rules.class_rank.__getitem__)}


def _years(period: str) -> tuple[int, int]:
    span = parse_period(period)
    if span is None:
        raise ValueError("a figure row without a period")
    return span


def _busiest(frame: pd.DataFrame, n: int) -> list[str]:
    """The ``n`` places with most rows in ``frame`` (ties by name), sorted by name."""
    sizes = frame["place"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    return sorted(sizes.index[:n])


def _shown(ax, shown: int, total: int) -> None:
    """Say on the figure that only ``shown`` of ``total`` places are drawn."""
    if total > shown:
        ax.set_title(f"数据最多的 {shown} 地（共 {total} 地）", fontsize=8, loc="left")


def levels_figure(panel: pd.DataFrame, *, max_places: int = 10, entries: Sequence[Indicator] | None = None) -> Figure:
    """Dot plots of the latest money level of each indicator in each place, log scale, estimates hollow:
    aggregates in 亿元 above, per-capita incomes in 元 below; the ``max_places`` places with most levels
    (the figure says so when there are more)."""
    money = panel[(panel["measure"] == "level") & (panel["unit"] == "yuan") & panel["value"].notna()
                  & panel["period"].notna()].copy()
    money["year"] = money["period"].map(lambda p: _years(p)[1])
    latest = money.sort_values("year", kind="stable").drop_duplicates(["place", "indicator"], keep="last")
    total = latest["place"].nunique()
    latest = latest[latest["place"].isin(_busiest(latest, max_places))]
    names = labels(entries)
    per_capita = latest["indicator"].map(lambda i: "人均" in str(names.get(i, i)))
    groups = [(latest[~per_capita], 1e8, "亿元"), (latest[per_capita], 1.0, "元/人")]
    rows = [max(latest[~per_capita]["indicator"].nunique(), 1), max(latest[per_capita]["indicator"].nunique(), 1)]
    fig, axes = plt.subplots(2, 1, figsize=(6.4, 0.3 * sum(rows) + 2.0), height_ratios=rows, squeeze=False)
    places = sorted(latest["place"].unique())
    colours = dict(zip(places, plt.rcParams["axes.prop_cycle"].by_key()["color"] * 4, strict=False))
    for ax, (data, scale, unit) in zip(axes[:, 0], groups, strict=True):
        order = sorted(data["indicator"].unique(), key=lambda i: -data.loc[data["indicator"] == i, "value"].max())
        for place, group in data.groupby("place", sort=True):
            y = np.array([order.index(i) for i in group["indicator"]])
            estimate = group["estimate"].fillna(False).to_numpy(dtype=bool)
            ax.scatter(group["value"][~estimate] / scale, y[~estimate], color=colours[place], s=36, zorder=3)
            ax.scatter(group["value"][estimate] / scale, y[estimate], facecolors="white", edgecolors=colours[place],
                       s=36, zorder=3)
        ax.set_yticks(range(len(order)), [names.get(i, i) for i in order], fontsize=8)
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.set_xscale("log")
        ax.set_xlabel(f"{unit}（对数刻度；空心为预计数）", fontsize=9)
    _shown(axes[0, 0], len(places), total)
    handles = [plt.Line2D([], [], marker="o", lw=0, color=colours[p], label=p) for p in places]
    fig.legend(handles=handles, loc="lower center", ncols=min(len(places), 5), fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.05 * -(-max(len(places), 1) // 5), 1, 1))
    return fig


def changes_figure(panel: pd.DataFrame, *, max_places: int = 5, entries: Sequence[Indicator] | None = None) -> Figure:
    """Slope chart of places' indicators with two or more single-year levels: first to last year, log scale,
    one line per place and indicator, labelled at its end; the ``max_places`` places with most such levels."""
    dated = panel[panel["period"].notna()]
    levels = dated[(dated["measure"] == "level") & (dated["unit"] == "yuan") & dated["value"].notna()
                   & ~dated["period"].str.contains("-")]  # money only: the axis is in 元
    years_per_pair = levels.groupby(["place", "indicator"])["period"].transform("size")
    levels = levels[years_per_pair >= 2]
    total = levels["place"].nunique()
    levels = levels[levels["place"].isin(_busiest(levels, max_places))]
    names = labels(entries)
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    drawn = 0
    for (place, indicator), group in levels.groupby(["place", "indicator"], sort=True):
        if len(group) < 2:
            continue
        group = group.sort_values("period")
        years = group["period"].astype(int)
        ax.plot(years, group["value"], marker="o", markersize=4)
        ax.annotate(f"{place} {names.get(indicator, indicator)}", (years.iloc[-1], group["value"].iloc[-1]),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=7)
        drawn += 1
    ax.set_yscale("log")
    _shown(ax, levels["place"].nunique(), total)
    ax.set_ylabel("元（对数刻度）")
    ax.set_xlabel("年份")
    if drawn:
        low, high = ax.get_xlim()
        ax.set_xlim(low, high + (high - low) * 0.6)
        ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))  # AutoLocator, whole years
    else:
        ax.text(0.5, 0.5, "语料中没有两个年份的水平值", transform=ax.transAxes, ha="center")
    fig.tight_layout()
    return fig


def hedge_classes_figure(table: pd.DataFrame, *, max_places: int = 20) -> Figure:
    """Stacked horizontal bars: target statements per place by hedge class (``table`` needs a ``place`` column;
    a statement of a report without a known place counts under its doc_id); the ``max_places`` places with most
    target statements, and with more places one more bar that pools the others (其他 N 地)."""
    targets = table[is_target(table["kind"]) & (table["scope"] == "jurisdiction")]
    targets = targets.assign(place=targets["place"].fillna(targets["doc_id"]))
    total = targets["place"].nunique()
    pooled = []
    if total > max_places:
        pooled = [f"其他 {total - max_places} 地"]
        keep = _busiest(targets, max_places)
        targets = targets.assign(place=targets["place"].where(targets["place"].isin(keep), pooled[0]))
    counts = targets.groupby(["place", "hedge_class"]).size().unstack(fill_value=0)
    # Bars run from the bottom up: the pooled bar at the bottom, then the places by total, the largest on top
    # (ties in name order from the top).
    named = counts.drop(index=pooled).sum(axis=1).sort_index(ascending=False).sort_values(kind="stable")
    counts = counts.loc[pooled + named.index.tolist()]
    hedge_labels = _hedge_labels()
    classes = [c for c in hedge_labels if c in counts.columns]
    height = 0.45 * max(len(counts), 1) + 1.4
    fig, ax = plt.subplots(figsize=(6.4, height))
    left = np.zeros(len(counts))
    for hedge_class in classes:
        ax.barh(counts.index, counts[hedge_class], left=left, label=hedge_labels[hedge_class], height=0.6)
        left += counts[hedge_class].to_numpy()
    if counts.empty:
        ax.text(0.5, 0.5, "语料中没有数值目标", transform=ax.transAxes, ha="center")
    ax.set_xlabel("目标表述数")
    ax.xaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))  # AutoLocator, whole years
    ax.grid(axis="y", visible=False)
    if classes:
        fig.legend(*ax.get_legend_handles_labels(), loc="lower center", ncols=3, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.45 / height if classes else 0, 1, 1))
    return fig


def targets_results_figure(panel: pd.DataFrame, *, ncols: int = 3, max_panels: int = 12,
                           entries: Sequence[Indicator] | None = None) -> Figure:
    """Growth targets and results by year, one panel per place and indicator that has a growth target.

    Results are dots (hollow for estimates); targets are bars over their years (a span for five-year targets)
    at the target value, with the high end of a range drawn as a band. At most ``max_panels`` panels.
    """
    growth = panel[(panel["measure"] == "growth") & (panel["unit"] == "percent") & panel["period"].notna()]
    pairs = growth[growth["target"].notna()][["place", "indicator"]].drop_duplicates().to_numpy().tolist()
    pairs = pairs[:max_panels]
    names = labels(entries)
    nrows = max(-(-len(pairs) // ncols), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.4 * ncols, 2.1 * nrows), squeeze=False)
    for ax in axes.flat[len(pairs):]:
        ax.set_axis_off()
    for ax, (place, indicator) in zip(axes.flat, pairs, strict=False):
        rows = growth[(growth["place"] == place) & (growth["indicator"] == indicator)]
        for row in rows.itertuples():
            first, last = _years(row.period)
            if pd.notna(row.target):
                high = row.target_high if pd.notna(row.target_high) else row.target
                ax.fill_between([first - 0.4, last + 0.4], row.target, high, color="#dd8452", alpha=0.3, lw=0)
                ax.hlines(row.target, first - 0.4, last + 0.4, color="#dd8452", lw=2)
            if pd.notna(row.value):
                estimate = bool(row.estimate) if pd.notna(row.estimate) else False
                ax.scatter([(first + last) / 2], [row.value], color="#4c72b0", zorder=3, s=30,
                           facecolors="white" if estimate else "#4c72b0")
        ax.set_title(f"{place} {names.get(indicator, indicator)}", fontsize=8)
        ax.tick_params(labelsize=7)
        spans = [_years(p) for p in rows["period"]]
        years = range(min(a for a, _ in spans), max(b for _, b in spans) + 1)
        ax.set_xticks(list(years), [str(y) for y in years])
        ax.margins(y=0.3)
        ax.set_ylabel("增长（%）", fontsize=7)
    if not pairs:
        axes.flat[0].set_axis_on()
        axes.flat[0].text(0.5, 0.5, "语料中没有增长目标", transform=axes.flat[0].transAxes, ha="center")
    fig.legend(handles=[plt.Line2D([], [], color="#dd8452", lw=2, label="目标"),
                        plt.Line2D([], [], color="#4c72b0", marker="o", lw=0, label="实际（空心为预计）")],
               loc="lower center", ncols=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig

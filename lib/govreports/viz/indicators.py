"""Paper-ready figures for indicators (notebook 03): levels across places, five-year changes, hedges, targets."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, LogLocator, MaxNLocator, NullLocator

from govreports.chinese.periods import parse_period
from govreports.indicators.lexicon import Indicator, lexicon
from govreports.indicators.records import is_target
from govreports.rules.reading import reading_rules
from govreports.viz.style import WIDTH

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
    """Dot plots of the latest money level of each indicator in each place, log scale with plain ticks, estimates
    hollow: aggregates in 亿元 (万元 when all are below 1 亿元) above, per-capita incomes in 元/人 below; the year of
    each place's levels in the legend (on the dots when a place's latest levels are of different years); the
    ``max_places`` places with most levels (the figure says so when there are more)."""
    money = panel[(panel["measure"] == "level") & (panel["unit"] == "yuan") & panel["value"].notna()
                  & panel["period"].notna()].copy()
    money["year"] = money["period"].map(lambda p: _years(p)[1])
    latest = money.sort_values("year", kind="stable").drop_duplicates(["place", "indicator"], keep="last")
    total = latest["place"].nunique()
    latest = latest[latest["place"].isin(_busiest(latest, max_places))]
    names = labels(entries)
    per_capita = latest["indicator"].map(lambda i: _is_per_capita(names.get(i, i)))
    groups = [(latest[~per_capita], *_aggregate_unit(latest.loc[~per_capita, "value"])),
              (latest[per_capita], 1.0, "元/人")]
    groups = [g for g in groups if len(g[0])] or groups[:1]
    rows = [max(data["indicator"].nunique(), 1) for data, *_ in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(WIDTH, 0.26 * sum(rows) + 1.3 + 0.5 * len(groups)),
                             height_ratios=rows, squeeze=False)
    places = sorted(latest["place"].unique())
    colours = dict(zip(places, plt.rcParams["axes.prop_cycle"].by_key()["color"] * 4, strict=False))
    years = {place: sorted(set(group["year"])) for place, group in latest.groupby("place", sort=True)}
    for ax, (data, scale, unit) in zip(axes[:, 0], groups, strict=True):
        order = sorted(data["indicator"].unique(), key=lambda i: -data.loc[data["indicator"] == i, "value"].max())
        for place, group in data.groupby("place", sort=True):
            y = np.array([order.index(i) for i in group["indicator"]])
            x = group["value"].to_numpy(dtype=float) / scale
            estimate = group["estimate"].fillna(False).to_numpy(dtype=bool)
            ax.scatter(x[~estimate], y[~estimate], color=colours[place], s=32, zorder=3)
            ax.scatter(x[estimate], y[estimate], facecolors="white", edgecolors=colours[place], s=32, zorder=3)
            if len(years[place]) > 1:  # the legend cannot give one year for this place
                for xi, yi, year in zip(x, y, group["year"], strict=True):
                    ax.annotate(str(year), (xi, yi), xytext=(0, 5), textcoords="offset points", ha="center",
                                fontsize=6, color=colours[place])
        ax.set_yticks(range(len(order)), [names.get(i, i) for i in order], fontsize=8)
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.set_xscale("log")
        if len(data):
            _plain_log_ticks(ax.xaxis, *ax.get_xlim())
        ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel(f"{unit}（对数刻度）", fontsize=9)
    _shown(axes[0, 0], len(places), total)
    handles = [plt.Line2D([], [], marker="o", lw=0, color=colours[p], label=f"{p}（{_year_span(years[p])}）")
               for p in places]
    handles.append(plt.Line2D([], [], marker="o", lw=0, markerfacecolor="white", markeredgecolor="#555555",
                              label="空心：预计数"))
    legend_rows = -(-len(handles) // 3)
    fig.legend(handles=handles, loc="lower center", ncols=min(len(handles), 3), fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, (0.22 * legend_rows + 0.1) / fig.get_figheight(), 1, 1))
    return fig


def changes_figure(panel: pd.DataFrame, *, max_places: int = 5, entries: Sequence[Indicator] | None = None) -> Figure:
    """Slope chart of places' money indicators with two or more single-year levels: first to last year, log scale
    with plain ticks, one line per place and indicator, labelled at its end; aggregates in 亿元 (万元 when all are
    below 1 亿元) and per-capita incomes in 元/人 in panels of their own; the ``max_places`` places with most such
    levels."""
    dated = panel[panel["period"].notna()]
    levels = dated[(dated["measure"] == "level") & (dated["unit"] == "yuan") & dated["value"].notna()
                   & ~dated["period"].str.contains("-")]  # money only: the axis is in 元
    years_per_pair = levels.groupby(["place", "indicator"])["period"].transform("size")
    levels = levels[years_per_pair >= 2]
    total = levels["place"].nunique()
    levels = levels[levels["place"].isin(_busiest(levels, max_places))]
    names = labels(entries)
    per_capita = levels["indicator"].map(lambda i: _is_per_capita(names.get(i, i)))
    groups = [(levels[~per_capita], *_aggregate_unit(levels.loc[~per_capita, "value"])),
              (levels[per_capita], 1.0, "元/人")]
    groups = [g for g in groups if len(g[0])] or [(levels, 1.0, "元")]
    lines = [max(data.groupby(["place", "indicator"]).ngroups, 1) for data, *_ in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(WIDTH, sum(0.9 + 0.25 * n for n in lines) + 0.5),
                             height_ratios=[0.9 + 0.25 * n for n in lines], squeeze=False)
    for ax, (data, scale, unit) in zip(axes[:, 0], groups, strict=True):
        ends = []
        for (place, indicator), group in data.groupby(["place", "indicator"], sort=True):
            group = group.sort_values("period")
            years = group["period"].astype(int).to_numpy()
            values = group["value"].to_numpy(dtype=float) / scale
            line = ax.plot(years, values, marker="o", markersize=4)[0]
            ends.append((years[-1], values[-1], f"{place} {names.get(indicator, indicator)}", line.get_color()))
        ax.set_yscale("log")
        ax.set_ylabel(f"{unit}（对数刻度）", fontsize=9)
        if ends:
            _plain_log_ticks(ax.yaxis, *ax.get_ylim())
            first, last = int(data["period"].astype(int).min()), int(data["period"].astype(int).max())
            ax.set_xlim(first - 0.3, last + 0.3)
            ax.set_xticks(range(first, last + 1))
            _end_labels(ax, ends, last + 0.3)
        ax.tick_params(labelsize=8)
    axes[-1, 0].set_xlabel("年份", fontsize=9)
    _shown(axes[0, 0], levels["place"].nunique(), total)
    if not len(levels):
        axes[0, 0].text(0.5, 0.5, "语料中没有两个年份的水平值", transform=axes[0, 0].transAxes, ha="center")
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
    fig, ax = plt.subplots(figsize=(WIDTH, height))
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
    at the target value, with the high end of a range drawn as a band. Every panel has the same y axis, from 0
    (or the lowest negative value) to above the highest value, so that a flat target is not zoomed into a
    slope and panels compare; years run half a year past the first and last so that no dot sits on an axis.
    At most ``max_panels`` panels.
    """
    growth = panel[(panel["measure"] == "growth") & (panel["unit"] == "percent") & panel["period"].notna()]
    pairs = growth[growth["target"].notna()][["place", "indicator"]].drop_duplicates().to_numpy().tolist()
    pairs = pairs[:max_panels]
    names = labels(entries)
    ncols = max(min(ncols, len(pairs)), 1)
    nrows = max(-(-len(pairs) // ncols), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH, 1.9 * nrows + 0.5), squeeze=False, sharey=True)
    for ax in axes.flat[len(pairs):]:
        ax.set_axis_off()
    shown = growth[growth.set_index(["place", "indicator"]).index.isin([tuple(p) for p in pairs])]
    drawn = pd.concat([shown["value"], shown["target"], shown["target_high"]]).dropna()
    low = min(0.0, float(drawn.min())) if len(drawn) else 0.0
    high = max(0.0, float(drawn.max())) if len(drawn) else 1.0
    for ax, (place, indicator) in zip(axes.flat, pairs, strict=False):
        rows = growth[(growth["place"] == place) & (growth["indicator"] == indicator)]
        for row in rows.itertuples():
            first, last = _years(row.period)
            if pd.notna(row.target):
                top = row.target_high if pd.notna(row.target_high) else row.target
                ax.fill_between([first - 0.4, last + 0.4], row.target, top, color="#dd8452", alpha=0.3, lw=0)
                ax.hlines(row.target, first - 0.4, last + 0.4, color="#dd8452", lw=2)
            if pd.notna(row.value):
                estimate = bool(row.estimate) if pd.notna(row.estimate) else False
                ax.scatter([(first + last) / 2], [row.value], color="#4c72b0", zorder=3, s=24,
                           facecolors="white" if estimate else "#4c72b0")
        ax.set_title(f"{place} {names.get(indicator, indicator)}", fontsize=8)
        ax.tick_params(labelsize=7)
        spans = [_years(p) for p in rows["period"]]
        years = range(min(a for a, _ in spans), max(b for _, b in spans) + 1)
        ax.set_xticks(list(years), [str(y) for y in years])
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
        ax.axhline(0, color="#999999", lw=0.6)
    for ax in axes[:, 0]:
        ax.set_ylabel("增长（%）", fontsize=8)
    axes.flat[0].set_ylim(low - 0.05 * (high - low), high + 0.15 * (high - low))
    axes.flat[0].yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
    if not pairs:
        axes.flat[0].set_axis_on()
        axes.flat[0].text(0.5, 0.5, "语料中没有增长目标", transform=axes.flat[0].transAxes, ha="center")
    fig.legend(handles=[plt.Line2D([], [], color="#dd8452", lw=2, label="目标"),
                        plt.Line2D([], [], color="#4c72b0", marker="o", lw=0, label="实际（空心为预计）")],
               loc="lower center", ncols=2, fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0.35 / fig.get_figheight(), 1, 1))
    return fig


def _is_per_capita(label: str | None) -> bool:
    return "人均" in str(label)


def _aggregate_unit(values: pd.Series) -> tuple[float, str]:
    """Scale and unit of money aggregates: 亿元, or 万元 when every value is below 1 亿元."""
    return (1e8, "亿元") if len(values) == 0 or values.max() >= 1e8 else (1e4, "万元")


def _plain_log_ticks(axis, low: float, high: float) -> None:
    """Ticks of a log axis shown from ``low`` to ``high`` as plain numbers, no minor ticks: 1, 2, 5, 10, 20 … over a
    decade or more (only the powers of ten over more than four); within one decade, the round numbers of 1, 1.5,
    2, 3, 4, 5, 6, 8 × 10ⁿ in between (20000, 30000, 40000)."""
    decades = np.log10(high / low) if low > 0 and high > 0 else 0.0
    if decades >= 1:
        axis.set_major_locator(LogLocator(base=10, subs=(1.0,) if decades > 4 else (1.0, 2.0, 5.0)))
    elif low > 0:
        powers = 10.0 ** np.arange(np.floor(np.log10(low)), np.ceil(np.log10(high)) + 1)
        round_numbers = np.outer(powers, [1, 1.5, 2, 3, 4, 5, 6, 8]).ravel()
        inside = round_numbers[(round_numbers >= low) & (round_numbers <= high)]
        if len(inside) < 2:
            inside = np.outer(powers, np.arange(1, 10)).ravel()
            inside = inside[(inside >= low) & (inside <= high)]
        axis.set_major_locator(FixedLocator(inside.tolist()))
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(FuncFormatter(lambda value, _: np.format_float_positional(value, trim="-")))


def _end_labels(ax, ends: list[tuple[int, float, str, str]], x: float) -> None:
    """Label each line right of the axes at its last value, moved apart vertically so that labels do not overlap."""
    ax.figure.canvas.draw()  # the axes' height in points is known once laid out
    low, high = (np.log10(v) for v in ax.get_ylim())
    height_pt = ax.get_window_extent().height * 72 / ax.figure.dpi
    gap = 9 / height_pt * (high - low)  # a 7 pt label and some space, in decades
    order = sorted(range(len(ends)), key=lambda i: ends[i][1])
    spots = np.log10([ends[i][1] for i in order])
    for i in range(1, len(spots)):
        spots[i] = max(spots[i], spots[i - 1] + gap)
    spots -= max(spots[-1] - high, 0.0)  # pushed past the top: move the stack down
    for i in range(len(spots) - 2, -1, -1):
        spots[i] = min(spots[i], spots[i + 1] - gap)
    for i, spot in zip(order, spots, strict=True):
        year, value, text, colour = ends[i]
        ax.annotate(text, (year, value), xytext=(x + 0.05, 10**spot), textcoords="data", va="center", fontsize=7,
                    color="#222222", annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.6, "shrinkA": 0, "shrinkB": 2})


def _year_span(years: list[int]) -> str:
    return f"{years[0]}年" if len(years) == 1 else f"{years[0]}–{years[-1]}年"

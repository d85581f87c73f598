"""Figures of notebook 00 (corpus overview): section lengths per report, reports by place and year."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from govreports.corpus.structure import SECTION_LABELS
from govreports.corpus.summary import doc_labels, section_lengths
from govreports.viz.style import WIDTH

__all__ = ["reports_by_year_figure", "section_lengths_figure"]

_COLOURS = {"review": "#4c72b0", "targets": "#dd8452", "plan": "#55a868", "other": "#bbbbbb"}


def section_lengths_figure(documents: pd.DataFrame, paragraphs: pd.DataFrame, *, max_bars: int = 30) -> Figure:
    """Horizontal stacked bars: thousands of characters per section, one bar per report.

    With more than ``max_bars`` reports, one bar per place and year instead (the mean report, labelled with the
    number of reports), for the ``max_bars`` places and years with most reports.
    """
    lengths = section_lengths(paragraphs) / 1000
    labels = doc_labels(documents.set_index("doc_id").loc[lengths.index].reset_index())
    if len(lengths) > max_bars:
        place_year = (documents.set_index("doc_id").loc[lengths.index, "place"].fillna("?").astype(str) + " "
                      + documents.set_index("doc_id").loc[lengths.index, "report_year"].astype("string").fillna(""))
        grouped = lengths.groupby(place_year.to_numpy())
        sizes = grouped.size().sort_values(ascending=False, kind="stable").head(max_bars)
        lengths = grouped.mean().loc[sizes.index]
        labels = pd.Series([f"{name} (n={n})" for name, n in sizes.items()], index=lengths.index)
    fig, ax = plt.subplots(figsize=(WIDTH, 0.5 * len(lengths) + 1.2))
    left = pd.Series(0.0, index=lengths.index)
    for section, label in SECTION_LABELS.items():
        ax.barh(labels.to_list(), lengths[section], left=left, color=_COLOURS[section], label=label, height=0.6)
        left += lengths[section]
    ax.invert_yaxis()
    ax.set_xlabel("字数（千字）")
    ax.grid(axis="y", visible=False)
    ax.legend(ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.02 * len(lengths) ** 0.5))
    fig.tight_layout()
    return fig


def reports_by_year_figure(documents: pd.DataFrame, *, max_places: int = 30) -> Figure:
    """Dot chart: one row per place, one marker per report type and year at its report year, shaped by document
    type and sized by the number of reports; the ``max_places`` places with most reports."""
    table = documents.assign(
        where=documents["place"].fillna(documents["doc_id"]),
        kind=documents["doc_type"].fillna("未注明"),
    ).dropna(subset=["report_year"])
    keep = table["where"].value_counts().sort_index().sort_values(ascending=False, kind="stable").head(max_places)
    table = table[table["where"].isin(keep.index)]
    table = table.groupby(["where", "kind", "report_year"], as_index=False).size()
    places = sorted(table["where"].unique())
    markers = dict(zip(sorted(table["kind"].unique()), "osD^v<>ph", strict=False))
    fig, ax = plt.subplots(figsize=(WIDTH, 0.45 * len(places) + 1.3))
    for kind, group in table.groupby("kind", sort=True):
        ax.scatter(group["report_year"].astype(int), [places.index(p) for p in group["where"]],
                   marker=markers[kind], s=60 * group["size"].to_numpy() ** 0.5, label=kind, zorder=3)
    ax.set_yticks(range(len(places)), places)
    years = table["report_year"].astype(int)
    if len(years):
        ax.set_xticks(range(int(years.min()), int(years.max()) + 1))
        ax.set_xlim(years.min() - 0.5, years.max() + 0.5)
    ax.set_ylim(len(places) - 0.5, -0.5)
    ax.set_xlabel("报告年份")
    ax.legend(title="文件类型", loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    return fig

"""Chart building blocks shared by the notebooks' figure modules."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from govreports.viz.style import WIDTH, em_width

__all__ = ["heatmap"]

_LABEL_PT = 8  # tick labels
_CELL_PT = 8  # numbers in the cells
_COLOURBAR_IN = 0.9  # the colour bar, its ticks and its label


def heatmap(wide: pd.DataFrame, *, colorbar_label: str, fmt: str = "{:.0f}", cmap: str = "Blues",
            max_width: float = WIDTH) -> Figure:
    """Annotated heatmap of a wide table (rows × columns as in ``wide``, labels from its index and columns).

    The figure is at most ``max_width`` inches wide: cells are 0.95 in wide, narrower when the columns would not
    fit beside the row labels and the colour bar. Column labels stay horizontal, on two lines if they need to,
    and turn 30° only when even that does not fit a cell. Cells show ``fmt.format(value)``; text turns white on
    dark cells. Missing values stay blank.
    """
    values = wide.to_numpy(dtype=float)
    rows = [str(i) for i in wide.index]
    columns = [str(c) for c in wide.columns]
    row_labels_in = max((em_width(line) for label in rows for line in label.split("\n")), default=0) * _LABEL_PT / 72
    cell = min(0.95, (max_width - row_labels_in - _COLOURBAR_IN - 0.3) / max(len(columns), 1))
    cell_em = cell * 72 / _LABEL_PT
    rotate = any(em_width(label) > 2 * cell_em * 0.9 for label in columns)
    if not rotate:
        columns = [_two_lines(label, cell_em * 0.9) for label in columns]
    label_lines = max((label.count("\n") + 1 for label in columns), default=1)
    width = min(max_width, row_labels_in + cell * len(columns) + _COLOURBAR_IN + 0.3)
    height = 0.3 * len(rows) + 0.5 + (0.6 if rotate else 0.17 * label_lines)
    fig, ax = plt.subplots(figsize=(width, height))
    image = ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(columns)), columns, rotation=30 if rotate else 0, ha="right" if rotate else "center",
                  fontsize=_LABEL_PT)
    ax.set_yticks(range(len(rows)), rows, fontsize=_LABEL_PT)
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    top = np.nanmax(values) if np.isfinite(values).any() else 0.0
    for (i, j), value in np.ndenumerate(values):
        if np.isfinite(value):
            ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=_CELL_PT,
                    color="white" if value > 0.6 * top else "#222222")
    bar = fig.colorbar(image, ax=ax, shrink=0.9, fraction=0.08, pad=0.02)
    bar.set_label(colorbar_label, fontsize=_LABEL_PT)
    bar.ax.tick_params(labelsize=_LABEL_PT)
    bar.outline.set_visible(False)
    fig.tight_layout()
    return fig


def _two_lines(label: str, max_em: float) -> str:
    """``label`` as is when it fits ``max_em``, else broken in the middle (at a space if it has one)."""
    if em_width(label) <= max_em:
        return label
    if " " in label:
        head, _, tail = label.rpartition(" ")
        return f"{head}\n{tail}"
    middle = -(-len(label) // 2)
    return f"{label[:middle]}\n{label[middle:]}"

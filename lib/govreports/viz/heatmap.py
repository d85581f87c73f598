"""Chart building blocks shared by the notebooks' figure modules."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

__all__ = ["heatmap"]


def heatmap(wide: pd.DataFrame, *, colorbar_label: str, fmt: str = "{:.0f}", cmap: str = "Blues",
            rotate_columns: bool = True) -> Figure:
    """Annotated heatmap of a wide table (rows × columns as in ``wide``, labels from its index and columns).

    Cells show ``fmt.format(value)``; text turns white on dark cells. Missing values stay blank.
    """
    values = wide.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(0.95 * wide.shape[1] + 2.4, 0.45 * wide.shape[0] + 1.4))
    image = ax.imshow(values, cmap=cmap, aspect="auto")
    ax.set_xticks(range(wide.shape[1]), [str(c) for c in wide.columns],
                  rotation=30 if rotate_columns else 0, ha="right" if rotate_columns else "center")
    ax.set_yticks(range(wide.shape[0]), [str(i) for i in wide.index])
    ax.grid(False)
    top = np.nanmax(values) if np.isfinite(values).any() else 0.0
    for (i, j), value in np.ndenumerate(values):
        if np.isfinite(value):
            ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=8,
                    color="white" if value > 0.6 * top else "#222222")
    fig.colorbar(image, ax=ax, label=colorbar_label, shrink=0.8)
    fig.tight_layout()
    return fig

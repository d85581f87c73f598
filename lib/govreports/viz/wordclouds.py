"""Word clouds drawn from frequencies (never from raw text), in the project's CJK font, as vector figures.

Why not the ``wordcloud`` package: it measures a word's box with the glyph top as anchor but draws it from
the font's ascender line; with Noto Sans CJK (ascender 1.16 em) every word lands a fifth of its size below
its box, so large words overlap and the bottom row is clipped (seen on the sample corpus). Chinese words are
rows of square glyphs, so this module places exact boxes itself:

- words are taken heaviest first (ties by the word), at most ``max_words``;
- a word's font size is proportional to the square root of its weight (its area then grows with the weight),
  the heaviest at ``max_size`` or as large as fits the width;
- each word goes to the first free spot along an elliptical spiral from the centre whose starting angle comes
  from ``seed``; a word that finds no spot is tried 10% smaller, down to ``min_size``, then left out;
- boxes are ``len`` em wide (CJK glyphs; Latin letters and digits count 0.6 em) and 1 em high, plus ``gap`` em
  on each side (0.3: two words side by side are 0.6 em apart, so that they do not read as one compound);
- colours run from dark to mid viridis by weight rank, never lighter than 4.5:1 contrast on white (the WCAG
  threshold for small text), so that the lightest, smallest words stay legible in print. The figure builders
  keep every word at least 6.5 pt at the printed size.

Words are drawn as matplotlib text in Noto Sans CJK SC, so clouds are saved through
:func:`govreports.viz.style.save` like every other figure, with real text in the PDF. Collocations play no
part: every weight is a term's own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from govreports.viz import style as figures
from govreports.viz.style import SIDE_COLOURS, WIDTH, em_width

__all__ = ["MIN_POINTS", "cloud_figure", "clouds_figure", "comparison_figure", "layout"]

Placed = tuple[str, float, float, float, str]  # word, font size (px), centre x (px), centre y (px), colour

#: Smallest font size, in points at the printed size, of a word drawn by the figure builders.
MIN_POINTS = 6.5
_RAMP_END = 0.45  # viridis beyond this is lighter than 4.5:1 on white


def layout(frequencies: Mapping[str, float], *, width: int = 800, height: int = 500, max_words: int = 80,
           seed: int = 0, max_size: float | None = None, min_size: float | None = None,
           colours: Mapping[str, str] | None = None, gap: float = 0.3) -> list[Placed]:
    """Place words by weight (see the module docstring for the rules).

    Args:
        frequencies: term -> weight (count, rate or G²); only positive weights are placed.
        width, height: canvas size in pixels.
        max_words: at most this many words, the heaviest first.
        seed: random seed of the spiral's starting angle.
        max_size: font size (px) of the heaviest word; default a third of the height.
        min_size: smallest font size (px) before a word is left out; default a twentieth of the height.
        colours: term -> colour; by default a dark-to-mid ramp by weight rank.
        gap: space left free on each side of a word, in em of its size.

    Returns:
        ``(word, font size, centre x, centre y, colour)`` per placed word, in pixels from the top-left
        corner, heaviest first. Empty when no weight is positive.
    """
    weights = sorted(((w, float(v)) for w, v in frequencies.items() if v > 0), key=lambda item: (-item[1], item[0]))
    weights = weights[:max_words]
    if not weights:
        return []
    rng = np.random.default_rng(seed)
    top = weights[0][1]
    largest = max_size or height / 3
    smallest = min_size or height / 20
    ramp = plt.get_cmap("viridis")
    boxes: list[tuple[float, float, float, float]] = []
    placed: list[Placed] = []
    for rank, (word, weight) in enumerate(weights):
        size = min(largest * math.sqrt(weight / top), 0.95 * width / (em_width(word) + 2 * gap))
        start = rng.uniform(0, 2 * math.pi)
        while size >= smallest:
            spot = _find_spot(boxes, (em_width(word) + 2 * gap) * size, size * (1.1 + gap / 2), width, height,
                              start)
            if spot is not None:
                break
            size *= 0.9
        if size < smallest or spot is None:
            continue
        boxes.append(spot)
        colour = (colours or {}).get(word) or to_hex(ramp(_RAMP_END * rank / max(len(weights) - 1, 1)))
        placed.append((word, size, (spot[0] + spot[2]) / 2, (spot[1] + spot[3]) / 2, colour))
    return placed


def _find_spot(boxes: list, w: float, h: float, width: int, height: int, start: float):
    """First free box of size w×h along an elliptical spiral from the centre, or ``None``.

    The spiral's points are evenly spaced along its length (about ``step`` pixels apart) and checked in
    chunks against all boxes placed so far.
    """
    step = max(3.0, min(w, h) / 4)
    growth = 4 * step / (2 * math.pi)  # the radius grows by 4 steps a turn
    reach = math.hypot(width, height) / 2
    count = int(reach**2 / (2 * growth * step)) + 1
    placed = np.asarray(boxes, dtype=float).reshape(-1, 4)
    ratio = height / width
    for begin in range(0, count, 4096):
        theta = np.sqrt(2 * step * np.arange(begin, min(begin + 4096, count)) / growth)
        radius = growth * theta
        x = width / 2 + radius * np.cos(theta + start) - w / 2
        y = height / 2 + radius * ratio * np.sin(theta + start) - h / 2
        ok = (x >= 0) & (x + w <= width) & (y >= 0) & (y + h <= height)
        if len(placed):
            clash = ((x[:, None] < placed[:, 2]) & (placed[:, 0] < x[:, None] + w)
                     & (y[:, None] < placed[:, 3]) & (placed[:, 1] < y[:, None] + h)).any(axis=1)
            ok &= ~clash
        hits = np.flatnonzero(ok)
        if len(hits):
            k = hits[0]
            return (float(x[k]), float(y[k]), float(x[k] + w), float(y[k] + h))
    return None


def _draw(ax: Axes, placed: list[Placed], width: int, height: int) -> None:
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_aspect("equal")
    ax.set_axis_off()
    points_per_pixel = _points_per_pixel(ax, width)
    for word, size, x, y, colour in placed:
        ax.text(x, y, word, fontsize=size * points_per_pixel, color=colour, ha="center", va="center",
                fontfamily=figures.FONT_FAMILY)


def _points_per_pixel(ax: Axes, width: int) -> float:
    ax.apply_aspect()
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    return ax.get_position().width * fig.get_figwidth() * 72 / width


def cloud_figure(frequencies: Mapping[str, float], *, width: int = 800, height: int = 500, max_words: int = 80,
                 seed: int = 0) -> Figure:
    """One word cloud of ``frequencies`` (term -> weight), as wide as a page."""
    figures.register_font()
    fig = plt.figure(figsize=(WIDTH, WIDTH * height / width))
    ax = fig.add_axes((0, 0, 1, 1))
    smallest = MIN_POINTS / _points_per_pixel(ax, width)
    _draw(ax, layout(frequencies, width=width, height=height, max_words=max_words, seed=seed, min_size=smallest),
          width, height)
    return fig


def clouds_figure(table: pd.DataFrame, *, group: str, term: str = "term", weight: str = "count", ncols: int = 3,
                  max_words: int = 40, seed: int = 0, titles: Mapping[str, str] | None = None,
                  max_panels: int = 12) -> Figure:
    """Small multiples: one cloud per group of a long table (e.g. term frequencies per report), ``ncols`` to the
    page width, a gutter between clouds so that words of neighbouring clouds do not run together.

    Args:
        table: long table with ``group``, ``term`` and ``weight`` columns.
        titles: group -> label drawn above its cloud (default: the group value).
        max_panels: at most this many groups, the first in sorted order.
    """
    figures.register_font()
    groups = sorted(table[group].unique())[:max_panels]
    ncols = max(min(ncols, len(groups)), 1)
    nrows = max(-(-len(groups) // ncols), 1)
    width, height = 600, 400
    panel, gutter, title = WIDTH / ncols, 0.15, 0.25  # inches
    cloud_height = (panel - gutter) * height / width
    fig = plt.figure(figsize=(WIDTH, nrows * (cloud_height + title)))
    for index, name in enumerate(groups):
        row, column = divmod(index, ncols)
        rect = ((column * panel + gutter / 2) / WIDTH, 1 - (row + 1) * (cloud_height + title) / fig.get_figheight(),
                (panel - gutter) / WIDTH, cloud_height / fig.get_figheight())
        ax = fig.add_axes(rect)
        rows = table[table[group] == name]
        placed = layout(dict(zip(rows[term], rows[weight], strict=True)), width=width, height=height,
                        max_words=max_words, seed=seed, min_size=MIN_POINTS / _points_per_pixel(ax, width))
        _draw(ax, placed, width, height)
        ax.set_title((titles or {}).get(name, str(name)), fontsize=9, pad=3)
    return fig


def comparison_figure(keyness_table: pd.DataFrame, *, labels: tuple[str, str] = ("target", "reference"),
                      n: int = 30, seed: int = 0) -> Figure:
    """Comparison cloud: the ``n`` most key terms of each side of a keyness table, sized by G², coloured by
    the side where they are relatively more frequent; a legend below names the sides with ``labels`` and says
    what size and colour mean."""
    figures.register_font()
    colours = dict(zip(("target", "reference"), SIDE_COLOURS, strict=True))
    top = keyness_table.groupby("direction", sort=True).head(n)
    fig = plt.figure(figsize=(WIDTH, WIDTH * 500 / 800 + 0.5))
    ax = fig.add_axes((0, 0.5 / fig.get_figheight(), 1, 1 - 0.5 / fig.get_figheight()))
    placed = layout(dict(zip(top["term"], top["g2"], strict=True)), width=800, height=500, max_words=2 * n,
                    seed=seed, colours=dict(zip(top["term"], top["direction"].map(colours), strict=True)),
                    min_size=MIN_POINTS / _points_per_pixel(ax, 800))
    _draw(ax, placed, 800, 500)
    handles = [Patch(color=colours[side], label=f"{label}更多") for side, label in zip(colours, labels, strict=True)]
    fig.legend(handles=handles, loc="lower center", ncols=2, fontsize=9, frameon=False,
               title="颜色：词在哪一方相对更多；字号：对数似然 G²", title_fontsize=9)
    return fig

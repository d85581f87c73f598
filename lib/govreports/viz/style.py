"""One figure style for every notebook: legible Simplified Chinese, embedded fonts, reproducible files.

:func:`use_style` registers Noto Sans CJK SC from the ``noto-cjk-sans-otc`` package (SIL Open Font
Licence 1.1; no system font is assumed) and sets the rcParams; :func:`save` writes PNG, PDF and SVG
with fixed metadata, so the same figure gives the same bytes on every run.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

__all__ = ["FONT_FAMILY", "SIDE_COLOURS", "WIDTH", "FontMissingError", "em_width", "font_path", "register_font", "save", "settle",
           "stable_svg_ids", "use_style", "wrap_label"]

#: The face of the Noto Sans CJK collection used for all text.
FONT_FAMILY = "Noto Sans CJK SC"
#: Colours of the two sides of a comparison (target, reference): dark enough for small text in print.
SIDE_COLOURS = ("#2f5d9e", "#b8561b")
#: Width of the widest figure in inches: with the 0.05 in that ``savefig.bbox: tight`` pads on each side, the
#: exported file is at most 6.5 in wide, a journal's text width.
WIDTH = 6.3
_NAME = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")
_METADATA = {
    "png": {"Software": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None, "ModDate": None},
    "svg": {"Creator": None, "Date": None, "Format": None, "Type": None},
}
_CLIP_DEFINITION = re.compile(r'<clipPath id="(p[0-9a-f]{10})">')
_CLIP_REFERENCE = re.compile(r'(id="|url\(#)(p[0-9a-f]{10})(?=[")])')


class FontMissingError(RuntimeError):
    """The CJK font package is not installed: figures would show boxes instead of Chinese."""


def font_path() -> Path:
    """Path of the Noto Sans CJK collection shipped by ``noto-cjk-sans-otc``.

    Raises:
        FontMissingError: the package or its font file is missing.
    """
    try:
        import noto_cjk_sans_otc
    except ImportError as error:
        raise FontMissingError("no CJK font: pip install noto-cjk-sans-otc==0.0.1") from error
    path = Path(str(noto_cjk_sans_otc.FONT_PATH))
    if not path.is_file():
        raise FontMissingError(f"the CJK font file is missing: {path}")
    return path


def register_font() -> None:
    """Make the CJK font known to matplotlib (idempotent; :func:`use_style` calls it).

    Raises:
        FontMissingError: the CJK font is not installed.
    """
    from matplotlib import font_manager

    path = font_path()
    if not any(entry.name == FONT_FAMILY for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(path))
    if not any(entry.name == FONT_FAMILY for entry in font_manager.fontManager.ttflist):
        raise FontMissingError(f"{path} does not hold the face {FONT_FAMILY}")


def use_style() -> None:
    """Set the project's figure style (call once, in a notebook's setup cell).

    Registers the CJK font and sets: the font family, ``axes.unicode_minus`` off (a hyphen-minus
    renders in every font), TrueType (Type 42) fonts in PDF and PS, 300 dpi PNG, text as paths in SVG
    with a fixed hash salt, light grid, no top and right spines.

    Raises:
        FontMissingError: the CJK font is not installed.
    """
    register_font()
    matplotlib.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [FONT_FAMILY, "DejaVu Sans"],
            "axes.unicode_minus": False,
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "svg.fonttype": "path",
            "svg.hashsalt": "govreports",
            "savefig.dpi": 300,
            "savefig.bbox": "tight",
            "savefig.pad_inches": 0.05,
            "figure.dpi": 100,
            "figure.figsize": (WIDTH, 4.0),
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "axes.axisbelow": True,
            "axes.titlesize": 11,
            "legend.frameon": False,
            "image.cmap": "viridis",
        }
    )


def save(fig: Figure, name: str, *, directory: str | Path = "figures",
         formats: Sequence[str] = ("png", "pdf", "svg")) -> list[Path]:
    """Write ``fig`` to ``directory/name.{png,pdf,svg}``.

    Args:
        fig: the figure.
        name: ``NN-slug`` in ASCII, NN being the notebook that made it (``00-report-lengths``).
        directory: the folder, created if missing (notebooks pass ``paths.figures`` of :func:`govreports.runtime.paths.run_paths`).
        formats: a subset of ``png``, ``pdf``, ``svg``.

    Returns:
        The paths written, in the order of ``formats``.

    Raises:
        ValueError: ``name`` is not ``NN-slug`` or a format is not one of the three.
    """
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r} must look like '00-report-lengths' (ASCII, NN-slug)")
    unknown = set(formats) - set(_METADATA)
    if unknown:
        raise ValueError(f"unsupported figure format(s): {sorted(unknown)}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = folder / f"{name}.{fmt}"
        if fmt == "svg":
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, metadata=_METADATA[fmt])
            path.write_bytes(stable_svg_ids(buffer.getvalue().decode("utf-8")).encode("utf-8"))
        else:
            fig.savefig(path, format=fmt, metadata=_METADATA[fmt])
        written.append(path)
    return written


def settle(values: ArrayLike, digits: int = 6) -> np.ndarray:
    """``values`` rounded to ``digits`` significant digits, for plotting results of floating-point fits.

    A fit (NMF, LDA) differs in the last bits between machines; rounded far below what a figure can show, the
    values drawn, the axis limits and the layout are the same everywhere, and so are the files.
    """
    array = np.asarray(values, dtype=float)
    scale = np.where(np.isfinite(array) & (array != 0), np.abs(array), 1.0)
    decimals = digits - 1 - np.floor(np.log10(scale))
    return np.round(array * 10.0**decimals) / 10.0**decimals


def em_width(text: str) -> float:
    """Width of ``text`` in em: CJK characters and full-width forms 1 em, other characters 0.6 em."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text)


def wrap_label(text: str, max_em: float, *, separator: str = "·") -> str:
    """``text`` broken into lines of at most ``max_em`` em: at ``separator`` when it has one (kept at the line's
    end), else between characters. A single part longer than a line stays whole on its own line only when it
    has no characters to break between (it never does in Chinese)."""
    if em_width(text) <= max_em:
        return text
    parts = text.split(separator)
    if len(parts) > 1:
        lines: list[str] = []
        for i, part in enumerate(parts):
            piece = part + (separator if i < len(parts) - 1 else "")
            if lines and em_width(lines[-1] + piece) <= max_em:
                lines[-1] += piece
            else:
                lines.append(piece)
        return "\n".join(wrap_label(line, max_em, separator="\0") for line in lines)
    lines = [""]
    for ch in text:
        if lines[-1] and em_width(lines[-1] + ch) > max_em:
            lines.append("")
        lines[-1] += ch
    return "\n".join(lines)


def stable_svg_ids(svg: str) -> str:
    """Rename matplotlib's hashed clip-path ids (``p`` and 10 hex digits) ``clip1``, ``clip2``, ... in the order the
    SVG defines them, references included (see the module docstring for why)."""
    names = {old: f"clip{n}" for n, old in enumerate(dict.fromkeys(_CLIP_DEFINITION.findall(svg)), start=1)}
    return _CLIP_REFERENCE.sub(lambda m: m.group(1) + names.get(m.group(2), m.group(2)), svg)

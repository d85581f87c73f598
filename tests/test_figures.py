"""Figures: legible Chinese (no missing glyphs), embedded TrueType fonts, identical bytes on re-save."""

from __future__ import annotations

import re
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from govreports.viz import style as figures
from tests.conftest import RAW


@pytest.fixture(autouse=True)
def style(cjk_style):
    yield


def _corpus_characters() -> str:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt")))
    return "".join(sorted(set(re.sub(r"\s", "", text)) - {"\ufffd"}))


def test_every_character_of_the_corpus_has_a_glyph(tmp_path) -> None:
    chars = _corpus_characters()
    assert len(chars) > 1400
    fig = plt.figure(figsize=(12, 12))
    for row in range(0, len(chars), 60):
        fig.text(0.01, 1 - row / len(chars), chars[row : row + 60], fontsize=6)
    fig.gca().set_xlabel("字数（千字）−")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "glyphs.png")
        fig.savefig(tmp_path / "glyphs.pdf")
    missing = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from" in str(w.message)]
    assert missing == []


def _figure():
    fig, ax = plt.subplots()
    ax.bar(["航埠镇", "澥浦镇", "店口镇"], [9.05, 4.2, 60.1])
    ax.set_ylabel("地区生产总值（亿元）")
    return fig


def test_same_figure_saved_twice_gives_identical_bytes(tmp_path) -> None:
    first = figures.save(_figure(), "99-test", directory=tmp_path / "a")
    second = figures.save(_figure(), "99-test", directory=tmp_path / "b")
    assert [p.suffix for p in first] == [".png", ".pdf", ".svg"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_pdf_embeds_truetype_cjk_font(tmp_path) -> None:
    (pdf,) = figures.save(_figure(), "99-test", directory=tmp_path, formats=("pdf",))
    data = pdf.read_bytes()
    assert b"/FontFile2" in data  # Type 42: the TrueType outlines are embedded
    assert b"NotoSansCJK" in data
    assert b"/Subtype /Type3" not in data


def _panels(noise: float):
    """Two bar panels whose second axes sits ``noise`` inches further right: noise far below what any format prints,
    as floating-point noise in fitted data moves axes placed by tight_layout."""
    fig = plt.figure(figsize=(6.4, 3.0))
    for i, values in enumerate(([9.05, 4.2, 60.1], [3.1, 5.2, 1.4])):
        ax = fig.add_axes((0.12 + 0.45 * i + (noise / 6.4 if i else 0.0), 0.15, 0.35, 0.75))
        ax.barh(["航埠镇", "澥浦镇", "店口镇"], values)
    return fig


def test_layout_noise_below_the_printed_precision_leaves_the_svg_identical(tmp_path) -> None:
    """The root cause of stale SVGs: matplotlib hashed the unrounded clip rectangle into each clip-path id."""
    (first,) = figures.save(_panels(0.0), "99-test", directory=tmp_path / "a", formats=("svg",))
    (second,) = figures.save(_panels(1e-13), "99-test", directory=tmp_path / "b", formats=("svg",))
    assert first.read_bytes() == second.read_bytes()


def test_svg_clip_paths_are_renamed_in_order_and_all_resolve(tmp_path) -> None:
    (svg,) = figures.save(_panels(0.0), "99-test", directory=tmp_path, formats=("svg",))
    text = svg.read_text(encoding="utf-8")
    assert re.findall(r'<clipPath id="([^"]+)"', text) == ["clip1", "clip2"]
    assert set(re.findall(r"clip-path=\"url\(#([^)]+)\)", text)) == {"clip1", "clip2"}
    assert not re.search(r'"p[0-9a-f]{10}"|#p[0-9a-f]{10}\)', text)  # no hashed id left


def test_svg_has_no_date(tmp_path) -> None:
    (svg,) = figures.save(_figure(), "99-test", directory=tmp_path, formats=("svg",))
    assert b"<dc:date>" not in svg.read_bytes()


@pytest.mark.parametrize("name", ["report lengths", "0-x", "00-报告", "00-Report", "00-"])
def test_save_rejects_names_that_are_not_ascii_slugs(tmp_path, name: str) -> None:
    with pytest.raises(ValueError, match="NN-slug"):
        figures.save(_figure(), name, directory=tmp_path)


def test_use_style_sets_the_cjk_font() -> None:
    assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    assert matplotlib.rcParams["pdf.fonttype"] == 42


def test_topic_figures_are_identical_under_fit_noise(tmp_path) -> None:
    """An NMF fit differs in the last bits with the BLAS threads and CPU (measured: 3e-13 relative between one
    and two OpenBLAS threads on the sample); the files must not."""
    from govreports.viz import topics as topic_figures
    from tests.test_viz_functions import TOPIC_LABELS, _model

    def saved(eps: float, folder: str):
        model = _model()
        model.beta[:] = model.beta * (1 + eps)
        return figures.save(topic_figures.top_words_figure(model, TOPIC_LABELS, n=3), "99-test",
                            directory=tmp_path / folder)

    for a, b in zip(saved(0.0, "a"), saved(3e-13, "b"), strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


@pytest.mark.parametrize(("value", "expected"), [(0.123456789, 0.123457), (123456.789, 123457.0), (0.0, 0.0),
                                                 (-1.5e-9, -1.5e-9), (0.05 * (1 + 3e-13), 0.05)])
def test_settle_rounds_to_six_significant_digits(value: float, expected: float) -> None:
    assert figures.settle([value])[0] == expected


@pytest.mark.parametrize(("text", "max_em", "expected"), [
    ("营商环境", 8, "营商环境"),
    ("1. 法治·中央八项规定·监督·严格执行", 10, "1. 法治·\n中央八项规定·监督·\n严格执行"),  # at the dots
    ("习近平新时代中国特色社会主义思想", 8, "习近平新时代中国\n特色社会主义思想"),  # between characters
])
def test_wrap_label(text: str, max_em: float, expected: str) -> None:
    assert figures.wrap_label(text, max_em) == expected
    assert all(figures.em_width(line) <= max_em for line in figures.wrap_label(text, max_em).split("\n"))


"""Word clouds: deterministic, no overlapping words, real text in the CJK font."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from matplotlib.colors import to_rgb

from govreports.viz import style as figures
from govreports.viz import wordclouds
from govreports.viz.style import em_width

FREQUENCIES = {"建设": 60, "发展": 55, "企业": 50, "项目": 40, "海绵小镇": 35, "乡村振兴": 30, "5G": 20,
               "营商环境": 20, "共同富裕": 18, "园区": 12, "文化": 10, "生态": 9}


def test_layout_is_deterministic_and_boxes_do_not_overlap() -> None:
    placed = wordclouds.layout(FREQUENCIES, width=800, height=500, seed=3)
    assert placed == wordclouds.layout(FREQUENCIES, width=800, height=500, seed=3)
    assert [word for word, *_ in placed][:3] == ["建设", "发展", "企业"]
    boxes = []
    for word, size, x, y, _ in placed:
        w = sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in word) * size
        boxes.append((x - w / 2, y - size / 2, x + w / 2, y + size / 2))
        assert x - w / 2 >= 0 and x + w / 2 <= 800 and y - size / 2 >= 0 and y + size / 2 <= 500
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    sizes = [size for _, size, *_ in placed]
    assert sizes[0] == max(sizes) == 500 / 3  # the heaviest word at the default largest size


def test_cloud_figure_saves_identically_twice(tmp_path) -> None:
    with matplotlib.rc_context():
        figures.use_style()
        first = figures.save(wordclouds.cloud_figure(FREQUENCIES), "99-cloud", directory=tmp_path / "a")
        second = figures.save(wordclouds.cloud_figure(FREQUENCIES), "99-cloud", directory=tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_empty_frequencies_give_an_empty_layout() -> None:
    assert wordclouds.layout({"建设": 0}) == []


def _contrast_on_white(colour: str) -> float:
    """WCAG contrast ratio of ``colour`` against white."""
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return 1.05 / (luminance + 0.05)


def test_lightest_words_stay_legible_in_print() -> None:
    placed = wordclouds.layout({f"词{i:02d}": 100 - i for i in range(40)}, max_words=40)
    assert len(placed) > 10
    assert min(_contrast_on_white(colour) for *_, colour in placed) >= 4.5  # WCAG AA for small text


def test_words_side_by_side_keep_a_gap_so_they_do_not_read_as_one() -> None:
    placed = wordclouds.layout(FREQUENCIES, width=800, height=500, seed=3)
    for i, (w1, s1, x1, y1, _) in enumerate(placed):
        for w2, s2, x2, y2, _ in placed[i + 1 :]:
            if abs(y1 - y2) < (s1 + s2) / 2:  # on the same line
                left, right = sorted([(x1, w1, s1), (x2, w2, s2)])
                gap = (right[0] - em_width(right[1]) * right[2] / 2) - (left[0] + em_width(left[1]) * left[2] / 2)
                assert gap >= 0.3 * (s1 + s2) - 1e-6, (w1, w2)

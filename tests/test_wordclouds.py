"""Word clouds: deterministic, no overlapping words, real text in the CJK font."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from govreports.viz import style as figures
from govreports.viz import wordclouds

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

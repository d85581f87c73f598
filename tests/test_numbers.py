"""Numbers and units in report sentences."""

from __future__ import annotations

import pytest

from govreports.chinese.numerals import chinese_to_number
from govreports.indicators.quantities import find_quantities, parse_quantity


@pytest.mark.parametrize(
    ("span", "value", "unit", "high"),
    [
        ("5.25亿元", 525_000_000, "yuan", None),
        ("9.05亿元", 905_000_000, "yuan", None),
        ("1059万元", 10_590_000, "yuan", None),
        ("18009元", 18_009, "yuan", None),
        ("1.2万亿元", 1.2e12, "yuan", None),
        ("12,345.6万元", 123_456_000, "yuan", None),
        ("3亿美元", 3e8, "usd", None),
        ("72.38%", 72.38, "percent", None),
        ("５ . ５％", 5.5, "percent", None),
        ("６．５％", 6.5, "percent", None),
        ("6.5%－7%", 6.5, "percent", 7.0),
        ("6%-6.5%", 6.0, "percent", 6.5),
        ("6.5-7%", 6.5, "percent", 7.0),
        ("5%到6%", 5.0, "percent", 6.0),
        ("0.5个百分点", 0.5, "pp", None),
        ("百分之八", 8.0, "percent", None),
        ("百分之八点五", 8.5, "percent", None),
        ("一百零九点六亿元", 10_960_000_000, "yuan", None),
        ("三十二个", 32, "个", None),
        ("两万人", 20_000, "人", None),
        ("1100万人", 11_000_000, "人", None),
        ("24.1万吨", 241_000, "吨", None),
        ("320亩", 320, "亩", None),
        ("20亿", 2e9, None, None),  # as in 产值近20亿: a multiplier without unit
    ],
)
def test_parse_quantity(span: str, value: float, unit: str | None, high: float | None) -> None:
    quantity = parse_quantity(span)
    assert quantity is not None
    assert quantity.value == pytest.approx(value, rel=1e-12)
    assert quantity.unit == unit
    assert quantity.value_high == (pytest.approx(high) if high is not None else None)


def test_decimal_multiplication_is_exact() -> None:
    assert parse_quantity("9.05亿元").value == 905_000_000.0


@pytest.mark.parametrize("text", ["三农", "一带一路", "十四五", "六稳六保", "2020年", "1-9月", "PM2.5", "二〇二一年"])
def test_no_quantity_in_words_years_and_names(text: str) -> None:
    assert find_quantities(text) == []


def test_offsets_point_into_the_original_text() -> None:
    text = "地区生产总值从5.25亿元上升至9.05亿元,增长了7 2.38%;增长５．５％左右"
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
    assert [q.text for q in find_quantities(text)][-1] == "５．５％"


def test_counts_after_a_comma_and_inside_thousands() -> None:
    quantities = find_quantities("1-9月,18家规上工业企业实现产值14.62亿元,共12,345家")
    assert [(q.text, q.value) for q in quantities] == [("18家", 18), ("14.62亿元", 1_462_000_000), ("12,345家", 12_345)]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("一百零九点六", 109.6), ("三十二", 32), ("十", 10), ("一万零五百", 10_500), ("二〇二一", 2021), ("两千", 2000)],
)
def test_chinese_to_number(numeral: str, value: float) -> None:
    assert chinese_to_number(numeral) == pytest.approx(value)


def test_chinese_to_number_rejects_words() -> None:
    with pytest.raises(ValueError):
        chinese_to_number("三农")

"""Metadata rules: dates, titles, periods and report years."""

from __future__ import annotations

import pytest

from govreports.chinese.periods import period_of
from govreports.corpus.metadata import find_title, infer_metadata, parse_date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2021-01-15", "2021-01-15"),
        ("2021-01-15 11:23", "2021-01-15"),
        ("2020/1/5", "2020-01-05"),
        ("2023年10月27日", "2023-10-27"),
        ("二〇二三年十月二十七日", "2023-10-27"),
        ("二〇二一年一月十五日", "2021-01-15"),
        ("2023年13月27日", None),
        ("没有日期", None),
    ],
)
def test_parse_date(text: str, date: str | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("heading", "period"),
    [
        ("一、2019年工作回顾", "2019"),
        ("回顾2020,我们负重前行、两战两赢", "2020"),
        ("2020年及“十三五”工作简要回顾", "2016-2020"),
        ("“十四五”时期工作目标和任务", "2021-2025"),
        ("二、今年工作的总体要求", None),
        ("过去五年(2016-2020年)工作回顾", "2016-2020"),
    ],
)
def test_period_of_heading(heading: str, period: str | None) -> None:
    assert period_of(heading) == period


@pytest.mark.parametrize(
    ("title", "doc_type", "review", "plan", "year"),
    [
        ("澥浦镇2023年工作总结及2024年工作思路", "工作总结", "2023", "2024", 2023),
        ("航埠镇十三五期间工作总结及十四五期间工作思路", "工作总结", "2016-2020", "2021-2025", 2021),
        ("店口镇2020年度政府工作报告", "政府工作报告", "2019", "2020", 2020),
        ("xxx镇2021年党代会报告", "党代会报告", None, None, 2021),
        ("2022年政府工作报告", "政府工作报告", "2021", "2022", 2022),
    ],
)
def test_title_rules(title, doc_type, review, plan, year) -> None:
    values, sources = infer_metadata(title + "\n正文。", {})
    assert values["title"] == title
    assert values["doc_type"] == doc_type
    assert values["review_period"] == review
    assert values["plan_period"] == plan
    assert values["report_year"] == year
    expected_source = "title" if any(ch.isdigit() for ch in title) else "inferred: first year of the plan period"
    assert sources["report_year"] == expected_source


def test_report_year_from_a_national_congress_line() -> None:
    text = "政府工作报告\n——2020年5月22日在第十三届全国人民代表大会第三次会议上\n国务院总理 李克强\n各位代表："
    values, sources = infer_metadata(text, {})
    assert values["report_year"] == 2020
    assert sources["report_year"] == "congress line"


def test_report_year_from_npc_term_and_session_without_date() -> None:
    text = "政府工作报告\n在第十四届全国人民代表大会第二次会议上\n各位代表："
    values, _ = infer_metadata(text, {})
    assert values["report_year"] == 2024


def test_signature_block_and_header_fields() -> None:
    text = "某镇2023年工作总结及2024年工作思路\n正文。\n宁波市镇海区澥浦镇人民政府\n2023年10月27日"
    values, sources = infer_metadata(text, {"成文日期": "2023-12-05", "发布机构": "澥浦镇"})
    assert values["date"] == "2023-12-05"
    assert values["signed_date"] == "2023-10-27"
    assert values["publisher"] == "澥浦镇"
    assert sources["publisher"] == "header 发布机构"


def test_publisher_from_signature_when_no_header() -> None:
    values, sources = infer_metadata("正文。\n宁波市镇海区澥浦镇人民政府\n2023年10月27日", {})
    assert values["publisher"] == "宁波市镇海区澥浦镇人民政府"
    assert sources["publisher"] == "signature block"


def test_no_title_when_first_line_is_a_section_heading() -> None:
    assert find_title("2020年及“十三五”工作简要回顾 2020年,是极不平凡的一年。") is None


def test_report_year_inferred_from_plan_period_is_marked() -> None:
    headings = [("review", "2020年及“十三五”工作简要回顾"), ("plan", "“十四五”时期工作目标和任务")]
    values, sources = infer_metadata("2020年及“十三五”工作简要回顾 正文。", {}, headings)
    assert values["review_period"] == "2016-2020"
    assert values["plan_period"] == "2021-2025"
    assert values["report_year"] == 2021
    assert sources["report_year"].startswith("inferred")

"""Report metadata read from the title, the page header, headings and the signature block.

Decisions, each recorded in the ``sources`` mapping that :func:`infer_metadata` returns:

- ``title``: a page-header 标题 field, else the first of the first three lines that is at most 60
  characters, has no full stop, is not a numbered section heading (一、2022年工作总结) and names a kind of report
  (报告, 工作总结, 工作思路, ...). Sample 003 opens with a section heading (…工作简要回顾) and has no title.
- ``doc_type``: from the title only (政府工作报告, 工作总结 for 工作总结/思路/计划, 党代会报告, 规划纲要).
- ``date``: the page's 成文日期, else its 发布日期/发布时间/生成日期 (ISO ``YYYY-MM-DD``).
- ``signed_date``: a date alone on one of the last three lines (the signature block), Arabic or
  Chinese numerals (二〇二三年十月二十七日).
- ``review_period``/``plan_period``: from the title when it names them (2023年工作总结及2024年工作思路;
  十三五…总结及十四五…思路; a 2020年度政府工作报告 reviews 2019 and plans 2020), else from top-level
  headings classified as review or plan (2019年工作回顾 -> 2019; 2020年及“十三五”工作简要回顾 ->
  2016-2020, the widest span named; “十四五”时期工作目标和任务 -> 2021-2025). A report with no plan
  heading has no plan period (sample 004).
- ``report_year``: the year in the title; else the date of a congress line (2021年1月20日在…人民代表大会…)
  or the session of a National People's Congress term (第十三届全国人民代表大会第三次会议 -> 2020); else
  the signed date, else the page date; else, marked as inferred, the first plan year or the year after
  the review period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govreports.chinese.numerals import CN_DIGITS, chinese_to_int
from govreports.chinese.periods import five_year_plan_pattern, five_year_plans, period_of, years_named
from govreports.corpus.dating import dating_rules
from govreports.rules.reading import reading_rules

__all__ = ["document_type", "find_title", "infer_metadata", "parse_date"]

_ISO = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_CN_DATE = re.compile(f"([{CN_DIGITS}]{{4}})年([〇零一二三四五六七八九十]{{1,3}})月([〇零一二三四五六七八九十]{{1,4}})日")
_CONGRESS = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日在.{0,40}?(?:人民代表大会|代表大会|会议)")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])")
_NPC_SESSION = re.compile(r"第([一二三四五六七八九十]+)届全国人民代表大会第([一二三四五六七八九十]+)次会议")


def infer_metadata(
    text: str,
    fields: dict[str, str],
    headings: Sequence[tuple[str, str]] = (),
) -> tuple[dict[str, object], dict[str, str]]:
    """Infer title, type, dates, years and periods of one report.

    Args:
        text: the clean text.
        fields: page-header fields from :func:`govreports.corpus.clean.clean_text`.
        headings: ``(section, heading text)`` of the report's top-level headings, in order.

    Returns:
        ``(values, sources)``: the fields (``None`` where not found) and, for each field found, where it
        came from (``"title"``, ``"header 成文日期"``, ``"heading: 2019年工作回顾"``, ``"inferred: ..."``).
    """
    values: dict[str, object] = {}
    sources: dict[str, str] = {}

    def put(key: str, value: object, source: str) -> None:
        if value is not None and values.get(key) is None:
            values[key] = value
            sources[key] = source

    title = fields.get("标题") or find_title(text)
    put("title", title, "header 标题" if fields.get("标题") else "title line")
    if title:
        put("doc_type", document_type(title), "title")
    publisher = fields.get("发布机构") or fields.get("发布单位") or fields.get("发文机关")
    put("publisher", publisher, "header 发布机构")
    put("publisher", _signature_org(text), "signature block")
    for label in ("成文日期", "发布日期", "发布时间", "生成日期"):
        put("date", parse_date(fields.get(label, "")), f"header {label}")
    put("signed_date", _signed_date(text), "signature block")

    review, plan = _periods_from_title(title or "")
    put("review_period", review, "title")
    put("plan_period", plan, "title")
    for section, heading in headings:
        key = {"review": "review_period", "plan": "plan_period", "targets": "plan_period"}.get(section)
        if key:
            put(key, period_of(heading), f"heading: {heading}")

    put("report_year", _title_year(title or ""), "title")
    put("report_year", _congress_year(text[:600]), "congress line")
    for key in ("signed_date", "date"):
        if values.get(key):
            put("report_year", int(str(values[key])[:4]), key)
    if values.get("plan_period"):
        put("report_year", int(str(values["plan_period"])[:4]), "inferred: first year of the plan period")
    elif values.get("review_period"):
        put("report_year", int(str(values["review_period"])[-4:]) + 1, "inferred: year after the review period")
    for key in ("title", "doc_type", "publisher", "date", "signed_date", "review_period", "plan_period",
                "report_year"):
        values.setdefault(key, None)
    return values, sources


def document_type(title: str) -> str | None:
    """The kind of report a title names (the first matching row of ``document_types.csv``), or ``None``."""
    return next((name for pattern, name in reading_rules().document_types if pattern.search(title)), None)


def find_title(text: str) -> str | None:
    """The title line of a report, or ``None`` (see the module docstring)."""
    for line in text.split("\n")[:3]:
        line = line.strip()
        if _NUMBERED.match(line):
            continue  # a section heading (一、2022年工作总结), not a title
        if len(line) <= 60 and "。" not in line and reading_rules().cue("title_words").search(line):
            return line
    return None


def parse_date(value: str) -> str | None:
    """An ISO date from ``2021-01-15``, ``2021/1/15``, ``2021年1月15日`` or ``二〇二三年十月二十七日``."""
    match = _ISO.search(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _CN_DATE.search(value)
        if not match:
            return None
        year = chinese_to_int(match.group(1))
        month, day = chinese_to_int(match.group(2)), chinese_to_int(match.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _periods_from_title(title: str) -> tuple[str | None, str | None]:
    plans = five_year_plans()
    fyp = [plans[m.group(1)] for m in five_year_plan_pattern().finditer(title)]
    if len(fyp) >= 2 and re.search(r"总结.{0,12}(?:思路|计划|规划|打算)", title):
        return f"{fyp[0][0]}-{fyp[0][1]}", f"{fyp[1][0]}-{fyp[1][1]}"
    match = re.search(r"(\d{4})年度?(?:工作)?总结.{0,4}?(\d{4})年度?工作(?:思路|计划|安排|要点|打算)", title)
    if match:
        return match.group(1), match.group(2)
    match = re.search(r"(\d{4})年度?政府工作报告", title)
    if match:
        return str(int(match.group(1)) - 1), match.group(1)
    review = re.search(r"(\d{4})年度?(?:工作)?总结", title)
    plan = re.search(r"(\d{4})年度?工作(?:思路|计划|安排|要点|打算)", title)
    return (review.group(1) if review else None), (plan.group(1) if plan else None)


def _title_year(title: str) -> int | None:
    years = years_named(title)
    return years[0] if years else None


def _congress_year(head: str) -> int | None:
    match = _CONGRESS.search(head)
    if match:
        return int(match.group(1))
    match = _NPC_SESSION.search(head)
    if match:
        term, session = chinese_to_int(match.group(1)), chinese_to_int(match.group(2))
        start = dating_rules().npc_first_year(term)
        return start + session - 1 if start else None
    return None


def _signature_lines(text: str) -> list[str]:
    return [line.strip() for line in text.rstrip().split("\n")[-3:]]


def _signed_date(text: str) -> str | None:
    for line in reversed(_signature_lines(text)):
        if len(line) <= 20:
            date = parse_date(line)
            if date:
                return date
    return None


def _signature_org(text: str) -> str | None:
    lines = _signature_lines(text)
    for line in lines:
        if len(line) <= 40 and reading_rules().cue("signature_org").search(line) and not re.search(r"[，。,；]", line):
            return line
    return None

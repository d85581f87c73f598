"""Years and periods: the one reader and writer of the ``period`` strings in every table.

A period is written ``"2019"`` (one year) or ``"2016-2020"`` (a span, both ends included) in the documents,
statements and panel tables; :func:`parse_period` reads it back as ``(first, last)`` and :func:`format_period`
writes it. In running text, a period is named by years (``2019年``, ``2016-2020年``, ``2016至2020年``) or by a
five-year plan (``“十三五”``; the plans and their years are the rule table ``resources/five_year_plans.csv``).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from govreports.rules.files import Schema, read_rule_table

__all__ = ["five_year_plan_pattern", "five_year_plans", "format_period", "months_named", "parse_period", "period_of",
           "years_named"]

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|(?=[,，、及和至到\-—~]|$))")
_SPAN = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-—~至到]\s*((?:19|20)\d{2})(?!\d)")
_PERIOD = re.compile(r"^\s*(\d{4})(?:\s*-\s*(\d{4}))?\s*$")


def _year(value: str) -> int:
    year = int(value)
    if not 1900 <= year <= 2100:
        raise ValueError("not a year between 1900 and 2100")
    return year


_SCHEMA = Schema(required=("name", "first_year", "last_year"), checks={"first_year": _year, "last_year": _year})


@lru_cache(maxsize=4)
def five_year_plans(path: str | Path | None = None) -> dict[str, tuple[int, int]]:
    """Five-year plans by name (十三五 -> (2016, 2020)), from ``resources/five_year_plans.csv`` or your own copy.

    Raises:
        FileNotFoundError, govreports.rules.files.RuleFileError: see :func:`govreports.rules.files.read_rule_table`.
    """
    table = read_rule_table(path or "five_year_plans.csv", _SCHEMA)
    return {row["name"]: (int(row["first_year"]), int(row["last_year"])) for row in table.rows}


@lru_cache(maxsize=4)
def five_year_plan_pattern(path: str | Path | None = None) -> re.Pattern[str]:
    """A pattern whose group 1 is a plan's name (longest first, so 十一五 is not read as 十五)."""
    names = sorted(five_year_plans(path), key=len, reverse=True)
    return re.compile("[“\"]?(" + "|".join(map(re.escape, names)) + ")[”\"]?")


def parse_period(value: object) -> tuple[int, int] | None:
    """``(first, last)`` of a period string (``"2019"`` -> (2019, 2019), ``"2016-2020"`` -> (2016, 2020)); ``None``
    for a missing value (None, NaN, ``""``, pandas NA).

    Raises:
        ValueError: a value that is not a period string.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value)
    if text in ("", "<NA>", "nan", "None"):
        return None
    match = _PERIOD.match(text)
    if not match:
        raise ValueError(f"not a period ('2019' or '2016-2020'): {value!r}")
    first = int(match.group(1))
    return first, int(match.group(2) or first)


def format_period(first: int | None, last: int | None = None) -> str | None:
    """The period string of ``first`` to ``last`` (``None`` when ``first`` is unknown; one year when ``last`` is
    ``None`` or equal)."""
    if first is None:
        return None
    return str(first) if last is None or last == first else f"{first}-{last}"


def period_of(text: str, *, plans: str | Path | None = None) -> str | None:
    """The period a heading or phrase names: ``"2019"``, ``"2016-2020"``; the widest span if it names several
    (2020年及“十三五”工作简要回顾 -> ``"2016-2020"``); ``None`` when it names no year."""
    years: list[int] = []
    table = five_year_plans(plans)
    for match in five_year_plan_pattern(plans).finditer(text):
        years.extend(table[match.group(1)])
    for match in _SPAN.finditer(text):
        years.extend(int(g) for g in match.groups())
    years.extend(years_named(text))
    if not years:
        return None
    return format_period(min(years), max(years))


def years_named(text: str) -> list[int]:
    """Four-digit years (1900-2099) written as ``2020年`` or standing alone before a separator, in order."""
    return [int(match.group(1)) for match in _YEAR.finditer(text)]


_PARTIAL_YEAR = re.compile(r"(\d{1,2})\s*[-—至~]\s*(\d{1,2})\s*月(?:份)?|(上半年)|(前三季度)|(一季度|第一季度)")


def months_named(text: str) -> str | None:
    """The months of the last partial-year span named in ``text`` (1-9月, 前三季度 -> ``"1-9"``; 上半年 -> ``"1-6"``;
    一季度 -> ``"1-3"``), or ``None`` when it names none (a full year)."""
    matches = list(_PARTIAL_YEAR.finditer(text))
    if not matches:
        return None
    match = matches[-1]
    if match.group(1):
        return f"{int(match.group(1))}-{int(match.group(2))}"
    return {3: "1-6", 4: "1-9", 5: "1-3"}[next(i for i in (3, 4, 5) if match.group(i))]

"""The years a sentence dates its figures by, and the years it only compares with.

A figure takes the last year named before it that opens a clause (2023年，…; 力争到2025年，…) or stands in its own
clause (全县2023年地区生产总值…). A year that is the base of a comparison (比2011年, 是2011年的1.6倍, 由2005年的,
2005年与2000年相比) or sits inside another clause (为2020年核算改革以来最好位次；…) dates nothing after it; the
base of a comparison makes the growth after it cumulative over the years since (see
:mod:`govreports.indicators.statements`).
"""

from __future__ import annotations

import re

from govreports.chinese.clauses import CLAUSE_BREAK

__all__ = ["BASE_YEAR", "COMPARED_WITH", "YEARS_FROM_TO", "YEAR_AGAINST_YEAR", "YEAR_BEFORE", "stated_years"]

YEAR_BEFORE = re.compile(r"(到|至)?(\d{4})年(?:底|末)?")
# a year named as the base of a comparison (比2011年, 是2011年的1.6倍, 由2005年的) is no date of the figures after it
BASE_YEAR = re.compile(r"(?:(?:比|较|是|相当于)|(?:与|同|和|跟)(?=\d{4}年(?:底|末)?(?:相比|比较)))(\d{4})年(?:底|末)?")
_COMPARED = re.compile(r"(?:比|较|由|从|是|相当于|同)$")
_CLAUSE_OPENING = re.compile(r"(?:^|[，,；;：:。！？!?])\s*(?:力争|预计|初步预计)?(?:在|于)?$")  # a year that opens its clause
COMPARED_WITH = re.compile(r"(?:与|同|和|跟)(\d{4})年(?:底|末)?(?:相比|比较)")  # 2005年与2000年相比，…
YEARS_FROM_TO = re.compile(r"(\d{4})年(?:底|末)?的?[^。；;]{0,24}?(?:增加|提高|上升|增长|扩大|下降|减少|降低|提升)?(?:到|至)(\d{4})年")
YEAR_AGAINST_YEAR = re.compile(r"(\d{4})年(?:底|末)?(?:同|与|和|跟)(\d{4})年(?:底|末)?(?:相比|比较)")


def stated_years(text: str) -> list[int]:
    """The years the words before a figure name as its date: a year that opens a clause (2023年，…; 力争到2025年，…) or
    stands in the figure's own clause (全县2023年地区生产总值…), never the base of a comparison (比2011年, 与2000年相比)
    nor a year inside another clause (为2020年核算改革以来最好位次；城乡居民人均可支配收入…)."""
    bases = {m.start(1) for m in COMPARED_WITH.finditer(text)}
    own = max((m.end() for m in CLAUSE_BREAK.finditer(text)), default=0)  # the figure's clause starts here
    return [int(m.group(2)) for m in YEAR_BEFORE.finditer(text)
            if not _COMPARED.search(text[: m.start()]) and m.start(2) not in bases
            and (m.start() >= own or _CLAUSE_OPENING.search(text[: m.start()]))]

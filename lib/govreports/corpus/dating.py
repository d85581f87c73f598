"""The year of a report, from the strongest evidence in its own text, whatever its layout.

Evidence, strongest first (``rank``); the report year is the year of the strongest evidence (a tie between
equally strong evidence goes to the year more of it names, then to a plan's year):

0. **Title**: a line of the head (first 25 lines) that names a year and ends with a kind of report
   (XX镇2023年政府工作报告, 2022年工作总结及2023年工作思路, a scraper's ``标题：`` line), also when written inline
   before the body (某某镇2023年度政府工作报告各位代表：…) or spaced out (政 府 工 作 报 告). The title's first
   year is the report year (a year-end summary and plan is dated by the year it sums up).
1. **Congress line**: a date within a few characters of the people's congress it was delivered to
   (——2024年1月26日在…第十四届人民代表大会第二次会议上; (2022年3月24日) after the congress line), read with line
   breaks removed, so a line split in two still counts.
2. **National People's Congress session** addressed (向第六届全国人民代表大会第一次会议作…报告), or counted from
   (第十届全国人民代表大会第一次会议以来的五年 = 2003 + 5; 从去年…第五届…第一次会议 = 1978 + 1). The term years are
   the rule table ``resources/npc_terms.csv``.
3. **Review and plan headings and phrases**: 一、2023年工作回顾 / 刚刚过去的2023年 / 即将过去的2023年 /
   首先报告2001年的工作 (the year after, for a report to a congress; the same year for a summary that is not
   addressed to one: see :func:`addressed_to_congress`), 二、2024年主要目标任务 / 对2012年的工作提出建议 / 2024年主要预期目标 (that year), a heading
   naming a five-year plan and its tasks (“十四五”时期工作目标和任务: the plan's first year).
5. The signed date, and the page's 成文日期.
6. A year opening the review (2023年，在…领导下 / 1986年是…的一年).
7. The page's 发布日期 / 发布时间.
8. A title year later than the congress line's date (a page title that is wrong: the body wins, unless the report
   was delivered in November or December for the next year).
9. Nothing else: the year mentioned most often in the first third of the text, plus one for a report to a congress
   (2023年以来…一年来 in a 街道's summary is 2023).

A text is **addressed to a people's congress** (its review is of the year before it is delivered) when its head has
各位代表, 向大会报告/作, 政府工作报告 or a congress line (在…人民代表大会…会议上). A text that only mentions a congress
(较好完成了镇十二届人民代表大会第一次会议确定的目标任务) counts as one unless its review heading is a summary
(一、2022年工作总结): a 工作总结 sums up its own year and cites the targets the congress set.

Years written in Chinese numerals (一九八三年, 一九八○年) count as written in digits. The words these rules look
for (title kinds, congress markers, review and plan words) are the rule table ``resources/report_year_cues.csv``.
:func:`report_year` returns the year and a ``source`` string naming the evidence, and every other year the text
suggests (``conflicts: …``), so a reader can audit the choice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govreports.chinese.numerals import arabic_years, chinese_to_int
from govreports.chinese.periods import five_year_plans
from govreports.rules.files import Schema, read_rule_table
from govreports.runtime.cache import rules_folder_state

__all__ = ["DatingRules", "YearEvidence", "addressed_to_congress", "arabic_years", "dating_rules", "find_dated_title",
           "report_year", "year_evidence"]

_ROLES = frozenset({"title_kind", "congress_marker", "congress_mention", "summary_word", "review_word", "plan_word",
                    "not_plan_word", "just_past", "plan_span_word"})
_CUES = Schema(required=("cue", "role"), choices={"role": _ROLES})
_TERMS = Schema(required=("term", "first_year"), checks={"term": int, "first_year": int})
_YEAR = r"((?:19|20)\d{2})\s*年"
_SPACES = re.compile(r"[ \t\u3000\r\n]+")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])")  # a heading, not a title
_HEADER_LABEL = re.compile(r"^(?:标题|题目|文章标题)[:：]")
_CONGRESS_LINE = re.compile(r"人民代表大会[^。，；]{0,16}?会议上")
_NUMBERING = r"\s*(?:[一二三四五六七八九十]+[、.．]\s*)?"  # a heading's number, if any, after a line break
_NUMBERED_LINE = r"(?:^|\n)" + _NUMBERING


@dataclass(frozen=True)
class YearEvidence:
    """One piece of evidence for the report year: the year it implies, what it is, its rank (0 strongest) and the
    words it was read from."""

    year: int
    kind: str
    rank: int
    text: str


@dataclass(frozen=True)
class DatingRules:
    """The cue words and the NPC term years (see the module docstring); :meth:`load` reads them."""

    cues: tuple[tuple[str, tuple[str, ...]], ...]
    npc_terms: tuple[tuple[int, int], ...]

    @classmethod
    def load(cls, cues: str | Path | None = None, npc_terms: str | Path | None = None) -> DatingRules:
        """The package's rule tables, or your own copies of either.

        Raises:
            FileNotFoundError, govreports.rules.files.RuleFileError: a file is missing or breaks its format.
        """
        table = read_rule_table(cues or "report_year_cues.csv", _CUES)
        grouped: dict[str, list[str]] = {role: [] for role in sorted(_ROLES)}
        for row in table.rows:
            grouped[row["role"]].append(row["cue"])
        terms = read_rule_table(npc_terms or "npc_terms.csv", _TERMS)
        return cls(tuple((role, tuple(words)) for role, words in grouped.items()),
                   tuple(sorted((int(row["term"]), int(row["first_year"])) for row in terms.rows)))

    def words(self, role: str) -> str:
        """The cues of ``role`` as a regex alternation, longest first."""
        return "|".join(re.escape(w) for w in sorted(dict(self.cues)[role], key=len, reverse=True))

    def find(self, role: str, text: str) -> re.Match[str] | None:
        """The first cue of ``role`` in ``text`` (``None`` also when the role has no cues)."""
        words = self.words(role)
        return re.search(words, text) if words else None

    def npc_first_year(self, term: int) -> int | None:
        """The year of the first session of the National People's Congress of ``term`` (届), if known."""
        return dict(self.npc_terms).get(term)


def dating_rules() -> DatingRules:
    """The package's dating rules, or a researcher's copies in the folder named by ``GOVREPORTS_RULES``."""
    return _rules_for(rules_folder_state())


@lru_cache(maxsize=4)
def _rules_for(state: object) -> DatingRules:
    return DatingRules.load()


def find_dated_title(text: str, *, rules: DatingRules | None = None) -> tuple[str, int] | None:
    """The title of a report that names a year, and that year, from the first 25 lines (see rank 0)."""
    rules = rules or dating_rules()
    pattern = _title_pattern(rules)
    for line in arabic_years(text[:2500]).split("\n")[:25]:
        squeezed = _HEADER_LABEL.sub("", _SPACES.sub("", line))
        match = pattern.search(squeezed)
        if match and not re.search(r"本栏|最新|相关", squeezed) and not _NUMBERED.match(squeezed):
            return match.group(1), int(match.group(2))
    return None


def addressed_to_congress(text: str, *, rules: DatingRules | None = None) -> bool:
    """Whether ``text`` is a report to a people's congress, so that its review is of the year before its delivery
    (see the module docstring)."""
    rules = rules or dating_rules()
    head = text[:3000]
    if rules.find("congress_marker", head) or _CONGRESS_LINE.search(_SPACES.sub("", head)):
        return True
    if not rules.find("congress_mention", head):
        return False
    review = _review_heading(rules).search(arabic_years(text[:20000]))
    return not (review and rules.find("summary_word", review.group(0)))


@lru_cache(maxsize=8)
def _review_heading(rules: DatingRules) -> re.Pattern[str]:
    return re.compile(_NUMBERED_LINE + r"(?:去年工作回顾\s*)?" + _YEAR + r"度?(?:政府)?(?:工作)?(?:"
                      + rules.words("review_word") + ")")


def year_evidence(text: str, fields: Mapping[str, str] | None = None, *, signed_date: str | None = None,
                  rules: DatingRules | None = None) -> list[YearEvidence]:
    """Every piece of evidence for the report year in ``text`` (clean text), ``fields`` (page-header fields) and the
    ``signed_date`` (ISO), in the order of the module docstring."""
    rules = rules or dating_rules()
    text = arabic_years(text)
    squeezed = _SPACES.sub("", text[:2500])
    shift = 1 if addressed_to_congress(text, rules=rules) else 0
    found: list[YearEvidence] = []
    title = find_dated_title(text, rules=rules)
    if title:
        found.append(YearEvidence(title[1], "title", 0, title[0]))
    delivered = _delivery(squeezed)
    if delivered:
        found.append(delivered)
    found += _npc_sessions(squeezed[:600], rules)
    found += _review_and_plan(text, rules, shift)
    for label, rank, date in (("signed date", 5, signed_date or ""), ("header 成文日期", 5, (fields or {}).get("成文日期", "")),
                              ("header 发布日期", 7, (fields or {}).get("发布日期", "")),
                              ("header 发布时间", 7, (fields or {}).get("发布时间", ""))):
        match = re.search(r"((?:19|20)\d{2})\s*[-/.年]", date)
        if match:
            found.append(YearEvidence(int(match.group(1)), label, rank, date[:20]))
    opening = re.search(r"(?:^|\n|。|\s)" + _YEAR + r"(?:是|，|,)", text[:4000])
    if opening:
        found.append(YearEvidence(int(opening.group(1)) + shift, "year opening the review", 6, opening.group(0).strip()))
    if title and delivered and title[1] > delivered.year and not re.search(r"年1[12]月", delivered.text):
        found = [e for e in found if e.kind != "title"]
        found.append(YearEvidence(title[1], "title later than the congress line", 8, title[0]))
    if not found:
        third = text[: max(3000, len(text) // 3)]
        years = Counter(int(m.group(1)) for m in re.finditer(r"(?<![到至比较])" + _YEAR + r"(?![底末前])", third))
        if years:
            year, count = years.most_common(1)[0]
            kind = "the year mentioned most, plus one (a report to a congress)" if shift else "the year mentioned most"
            found.append(YearEvidence(year + shift, kind, 9, f"{year} ×{count}"))
    return found


def report_year(text: str, fields: Mapping[str, str] | None = None, *, signed_date: str | None = None,
                rules: DatingRules | None = None) -> tuple[int | None, str]:
    """The report year and where it came from (with the years other evidence suggests), or ``(None, reason)``."""
    found = year_evidence(text, fields, signed_date=signed_date, rules=rules)
    if not found:
        return None, "no year in the title, congress line, headings or dates"
    best = min(e.rank for e in found)
    top = [e for e in found if e.rank == best]
    votes = Counter(e.year for e in top)
    plan_years = {e.year for e in top if "plan" in e.kind}
    year = max(sorted(votes), key=lambda y: (votes[y], y in plan_years))
    source = "; ".join(dict.fromkeys(f"{e.kind}: {e.text}" for e in top if e.year == year))
    conflicts = [f"{e.kind} says {e.year}" for e in found if e.year != year]
    if conflicts:
        source += " (conflicts: " + "; ".join(dict.fromkeys(conflicts)) + ")"
    return year, source


@lru_cache(maxsize=8)
def _title_pattern(rules: DatingRules) -> re.Pattern[str]:
    return re.compile(r"^([^。，；：:！？,;]{0,30}?" + _YEAR + r"度?[^。，；：:！？,;]{0,24}?(?:" + rules.words("title_kind")
                      + r"))(?:[（(]草案[)）])?(?![确提中的部安])")


def _delivery(squeezed: str) -> YearEvidence | None:
    for pattern in (r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[）)]?在?[^。，]{0,40}?(?:人民代表大会|代表大会|人代会)",
                    r"在[^。]{2,50}?(?:人民代表大会|代表大会)[^。]{0,20}?会议上[^。]{0,30}?[（(]((?:19|20)\d{2})年(\d{1,2})月"
                    r"(\d{1,2})日[)）]"):
        match = re.search(pattern, squeezed)
        if match and 1 <= int(match.group(2)) <= 12:
            return YearEvidence(int(match.group(1)), "congress line", 1, match.group(0)[:60])
    return None


def _npc_sessions(head: str, rules: DatingRules) -> list[YearEvidence]:
    found = []
    for match in re.finditer(r"第([一二三四五六七八九十]+)届全国人民代表大会(?:第([一二三四五六七八九十]+)次会议)?", head):
        start = rules.npc_first_year(chinese_to_int(match.group(1)))
        if start is None:
            continue
        year = start + (chinese_to_int(match.group(2)) if match.group(2) else 1) - 1
        before, after = head[max(0, match.start() - 12) : match.start()], head[match.end() : match.end() + 12]
        if before.endswith("向") or "向大会" in before or after.startswith(("作", "上作", "报告")):
            found.append(YearEvidence(year, "NPC session addressed", 2, match.group(0)))
        elif after.startswith("以来的五年"):
            found.append(YearEvidence(year + 5, "five years since an NPC session", 2, match.group(0) + "以来的五年"))
        elif "去年" in before:
            found.append(YearEvidence(year + 1, "an NPC session last year", 2, before + match.group(0)))
    return found


def _review_and_plan(text: str, rules: DatingRules, shift: int) -> list[YearEvidence]:
    found = []
    review = _review_heading(rules)
    match = review.search(text[:20000])
    if match:
        found.append(YearEvidence(int(match.group(1)) + shift, "review heading", 3, match.group(0).strip()[:40]))
    phrase = re.search(_YEAR + r"(?:及[“\"]?[^”\"]{1,4}[”\"]?(?:时期|期间)?)?(?:国内)?的?(?:政府)?(?:工作)?的?(?:简要)?回顾"
                       r"|回顾((?:19|20)\d{2})\s*年的?工作", text[:4000])
    if phrase:
        year = int(next(g for g in phrase.groups() if g))
        found.append(YearEvidence(year + shift, "review phrase", 3, phrase.group(0)))
    just_past = re.search(r"(?:" + rules.words("just_past") + r")\s*" + _YEAR + r"|首先报告\s*" + _YEAR + r"的?工作"
                          r"|去年工作回顾\s*" + _YEAR, text[:6000])
    if just_past:
        year = int(next(g for g in just_past.groups() if g))
        found.append(YearEvidence(year + 1, "the year just past", 3, just_past.group(0)))
    report = re.search(r"关于" + _YEAR + r"[^。]{0,12}计划[^。]{0,12}的报告", text[:1500])
    if report:
        found.append(YearEvidence(int(report.group(1)), "plan report", 3, report.group(0)))
    # The three searches below run over the whole text. Each pattern starts with the character it consumes first (a
    # line break, a space, 对 or a digit), so that Python's re jumps to where that character is instead of trying the
    # pattern at every position (issue 12: 0.36 s -> 0.1 s for 8 M characters): the text is searched with a line
    # break or a space put before it, which stands for the start of the text (^).
    table = five_year_plans()
    names = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    span = re.search(r"\s[^\s。，]{0,12}[“\"]?(" + names + r")[”\"]?[^\s。，]{0,12}(?:" + rules.words("plan_span_word")
                     + r")[^\s。，]{0,10}(?=\s|$)", " " + text)
    if span:
        found.append(YearEvidence(table[span.group(1)][0], "five-year plan heading", 3, span.group(0).strip()[:40]))
    plan = re.compile(r"\n" + _NUMBERING + _YEAR + r"的?(?:政府)?(?:" + rules.words("plan_word")
                      + r")(?![^\n]{0,8}(?:" + rules.words("not_plan_word") + "))")
    for match in plan.finditer("\n" + text):
        if not review.match(match.group(0)):
            found.append(YearEvidence(int(match.group(1)), "plan heading", 3, match.group(0).strip()[:40]))
            break
    phrases = [re.search(pattern, text) for pattern, cue in _PLAN_PHRASES if cue in text]  # at most one can start
    phrase = min((match for match in phrases if match), key=lambda match: match.start(), default=None)  # at a place
    if phrase:
        found.append(YearEvidence(int(phrase.group(1)), "plan phrase", 3, phrase.group(0)))
    return found


#: The plan phrase (对2021年工作提出…, 2021年的主要预期目标), as two patterns (the first match of either is taken) with
#: the words each needs in the text.
_PLAN_PHRASES = ((r"对(?:今后五年和|今年即)?" + _YEAR + r"的?(?:政府)?工作提出", "工作提出"),
                 (_YEAR + r"(?:经济社会发展|全[市县区省])?的?主要预期目标", "主要预期目标"))

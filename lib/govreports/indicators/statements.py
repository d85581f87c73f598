"""Read the indicator statements of one sentence: levels, growth rates and targets, with their hedges and periods.

How a sentence is read (decisions, each tested in ``tests/test_indicators.py``):

1. *Mentions.* Indicator names of the lexicon (``resources/indicators.csv``; editable) are found leftmost-longest,
   so 规模以上工业增加值 is one name (its 以上 is not a hedge) and 地方财政收入 is not 财政收入.
2. *Figures.* Quantities come from :mod:`govreports.indicators.quantities`. A figure belongs to the nearest name before it when
   only predicate words stand between them (增长, 同比, 比上年, 从, 上升至, 年均, 预计, 左右, a year ...) or,
   for a second figure of the same name, between it and the previous figure (…54165元、同比增长8.5%). Anything
   else in between (引进各类人才10名) leaves the figure unattached.
3. *Shared predicates.* Names listed with 、/和/及/与 before one figure all take it (规上工业增加值、固定资产投资、
   自营出口、居民人均可支配收入增速均保持在10%以上); with 分别 and as many figures, they take them in order.
4. *Kinds.* Money or counts give a level; percent (or 百分点) of a money or count indicator a growth rate; percent of a
   rate indicator (失业率, 居民消费价格涨幅) a level. 下降/减少 make a growth rate negative. A sentence in the targets
   section, after a strong cue (预期目标, 主要目标, 目标为), with a weak cue (力争, 确保, 争取, 计划) in the figure's own
   clause, or naming a year after the review period (outside the review) states a target.
   预计 marks an estimate of a result, never a target: 预计 opening a clause covers the rest of the sentence
   (预计全年实现…;…;…), 预计 after a name only its own clause (全镇生产总值预计增长8.5%左右;财政总收入…).
5. *From→to.* 从A上升至B gives two levels, at the years named or else at the year before the review period and its
   last year (a five-year review 2016-2020: 2015 and 2020); a growth rate right after it is cumulative over that
   span (2016-2020). 翻了两番 is not read.
6. *Periods.* An explicit year before the figure in the sentence (2019年, 到2025年), else 今年/明年/去年 resolved
   from the report year, else the review period's last year (results, and targets set inside a review: 力争 in a
   year-end summary aims at the year under way) or the plan period (other targets). Annual-average
   growth (年均, 逐年, 每年) covers the review or plan span. Partial-year figures keep their year and record the
   months (1-9月 -> ``months = "1-9"``).
7. *Basis* of growth: annual_avg (年均, 逐年, 每年), cumulative (from→to, 累计), else yoy.
8. *Hedges:* 预计 in scope, hedge words in the figure's clause before it (力争, 确保, 突破, 约, 超过, 不低于 ...) and right
   after it (左右, 以上, 以内 ...), and 在实际工作中争取更好结果, in text order, joined by ``;``. The class is
   ``range`` when a high value is given, else the strongest of floor > ceiling > aspiration > approx, else ``exact``
   (预计 does not set the class: it marks an estimate, not a qualifier of the number). A sentence saying no target
   was set (没有提出全年经济增速具体目标) gives a target row without value, class ``none``.
9. *Scope:* ``entity`` when the clause names a firm or project before the indicator (公司, 集团, 项目 ...) and not a
   jurisdiction (全镇, 规上 ...); else ``jurisdiction``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from govreports.chinese.clauses import CLAUSE_BREAK, PART_BREAK, clause_after, clause_before
from govreports.chinese.numerals import arabic_years
from govreports.chinese.periods import (
    five_year_plan_pattern,
    five_year_plans,
    format_period,
    months_named,
    parse_period,
)
from govreports.indicators.attachment import (
    MILESTONE,
    RELATIVE_TO,
    attach,
    keep_strive_figures,
    milestones_after_figures,
    price_index_figures,
    relative_year_pattern,
    without_glosses,
)
from govreports.indicators.lexicon import Indicator, Mention, find_mentions
from govreports.indicators.quantities import Quantity, find_quantities
from govreports.indicators.records import Measure, Statement
from govreports.indicators.years import (
    BASE_YEAR,
    COMPARED_WITH,
    YEAR_AGAINST_YEAR,
    YEAR_BEFORE,
    YEARS_FROM_TO,
    stated_years,
)
from govreports.rules.reading import ReadingRules, reading_rules

__all__ = ["sentence_statements"]

_INCREMENT = re.compile(r"(?:增长|增加|减少|下降|提高|多增|净增|新增)了?$")
_PAST_FIVE = re.compile(r"过去五年|五年来|近五年|这五年|本届政府任期|五年间|(?<![十\d〇零一二三四五六七八九])五年(?=累计|共|全|内|中|里|$)")
_FIRST_YEARS = re.compile(r"^[”\"]?(?:时期|期间)?的?前([二三四])年")
_COUNT = {"二": 2, "三": 3, "四": 4}
_FROM_TO = re.compile(r"^(?:上升|增加|增长|提高|提升|下降|减少|降低|扩大)?(?:至|到)(?:\d{4}年(?:底|末)?的?)?$")
_FROM_LEAD = re.compile(r"(?:从|由)(?:\d{4}年(?:底|末)?的?)?$")


def sentence_statements(sentence: str, entries: Sequence[Indicator], *, section: str = "other",
                        report_year: int | None = None, review: str | None = None, plan: str | None = None,
                        heading: str = "") -> list[Statement]:
    """The statements of one sentence (see the module docstring); offsets are within the sentence. ``heading`` is
    the path of headings the sentence stands under (a five-year review heading dates its spans)."""
    kinds = {e.id: e.unit_kind for e in entries}
    sentence = arabic_years(sentence)  # 一九八二年同一九七八年相比: years in digits, same length, so offsets hold
    mentions = without_glosses(sentence, find_mentions(sentence, entries))
    if not mentions:
        return []
    rules = reading_rules()  # once per sentence
    found = find_quantities(sentence, rules=rules)
    # a comparison with another place is no figure of the indicator, nor is a milestone after the exact figure of the
    # same kind (完成20001万元，首次突破两亿元大关); a milestone that is the only amount (迈上4万亿元新台阶; 增长7.5%，突破
    # 500亿元大关) is read
    relative = [m.span() for m in re.finditer(RELATIVE_TO, sentence)]
    relative += milestones_after_figures(sentence, found, mentions)
    quantities = [q for q in found if not any(a <= q.start < b for a, b in relative)]
    quantities = [q for q in quantities
                  if not any(m.start <= q.start < m.end for m in mentions)]
    slogan = keep_strive_figures(sentence)
    quantities = sorted(quantities + price_index_figures(sentence, mentions) + [q for q, _ in slogan], key=lambda q: q.start)
    context = _Context(sentence, section, report_year, parse_period(review), parse_period(plan), heading, rules,
                       {q.start: word for q, word in slogan})
    statements: list[Statement] = []
    if context.rules.cue("no_target").search(sentence):
        statements += [context.no_target(m) for m in mentions if m.indicator == "gdp"][:1]
    anchors: dict[int, int] = {}  # index of mention -> end of its last figure
    consumed: set[int] = set()
    for index in range(len(quantities)):
        if index in consumed:
            continue
        attached = attach(mentions, quantities, index, anchors, sentence, rules) or []
        run_end = max(figure.end for _, figure in attached) if len({f.start for _, f in attached}) > 1 else None
        for mention, figure in attached:
            record = context.statement(mention, figure, kinds[mention.indicator], quantities, mentions, run_end)
            if record is not None:
                statements.append(record)
            anchors[mentions.index(mention)] = figure.end
            consumed.add(quantities.index(figure))
    return statements


@dataclass
class _Context:
    sentence: str
    section: str
    report_year: int | None
    review: tuple[int, int] | None
    plan: tuple[int, int] | None
    heading: str = ""
    rules: ReadingRules = field(default_factory=reading_rules)
    implied: dict[int, str] = field(default_factory=dict)  # figure start -> the hedge word a slogan stands for

    def span_named(self, before: str) -> tuple[int, int] | None:
        """A span of years the words before a figure (or, failing them, the headings above it) name: 过去五年 /
        五年来 (the five years before the report year), 十三五时期 (the plan's years), 十三五前四年 (its first four);
        ``None`` when they name none."""
        for words in (before, self.heading):
            plans = list(five_year_plan_pattern().finditer(words))
            if plans:
                first, last = five_year_plans()[plans[-1].group(1)]
                leading = _FIRST_YEARS.search(words[plans[-1].end() :])
                if leading:
                    last = first + _COUNT[leading.group(1)] - 1
                return first, last
            if self.report_year and _PAST_FIVE.search(words):
                return self.report_year - 5, self.report_year - 1
        return None

    def no_target(self, mention: Mention) -> Statement:
        year = self.report_year if self.report_year else (self.plan[0] if self.plan else None)
        return Statement(indicator=mention.indicator, measure="growth", is_target=True, period=format_period(year, year),
                         value=None, value_high=None, unit="percent", basis="yoy", hedges=(), hedge_class="none",
                         is_estimate=False, scope="jurisdiction", months=None, section=self.section, name=mention.name,
                         start=mention.start, end=mention.end)

    def statement(self, mention: Mention, q: Quantity, unit_kind: str, quantities: list[Quantity],
                  mentions: list[Mention], run_end: int | None = None) -> Statement | None:
        """The statement of figure ``q`` of ``mention``; ``run_end``: the end of the list of figures it is part of
        (分别增长7%、8%左右: a hedge after the last figure qualifies each), if any."""
        role = _role(unit_kind, q)
        if role is None:
            return None
        text = self.sentence
        if role == "level" and _INCREMENT.search(text[: q.start]):
            return None  # 比2006年增长24.47亿元: an increase, not a level
        before = text[: q.start]
        gap_start = max([m.end for m in mentions if m.end <= q.start] + [0])
        prior = [p for p in quantities if gap_start <= p.end <= q.start]
        local = re.sub(RELATIVE_TO + "|" + MILESTONE, "", text[(prior[-1].end if prior else gap_start) : q.start])
        estimate = self._estimate(mention, q)
        # a figure for part of a year (前三季度, 1-9月) is a result, whatever the section
        target = not estimate and self._target(mention, q) and months_named(before) is None
        value, high = q.value, q.value_high
        if role == "growth" and self.rules.cue("decrease").search(local.rstrip("了")):
            value, high = -value, (-high if high is not None else None)
        basis = change = None
        bases = list(BASE_YEAR.finditer(text, mention.start, q.start))
        # a base framing the whole sentence before its first name (2005年与2000年相比，国内生产总值增长57.3%)
        bases = bases or list(COMPARED_WITH.finditer(text, 0, mentions[0].start))
        base = bases[-1] if bases else None
        if role == "growth":
            change = self._change_before(q, quantities)
            lead = self._clause_lead(mention)[-4:]  # “十五”期间年均经济增长速度…为7%
            basis = ("annual_avg" if self.rules.cue("annual_average").search(lead + "\0" + local) else
                     "cumulative" if self.rules.cue("cumulative").search(local) or change is not None or base else "yoy")
        period = self._period(before, target, basis, q, quantities, change)
        if role == "level" and not target and (self.rules.cue("cumulative").search(local)
                                               or _PAST_FIVE.search(self._clause_lead(mention) + mention.name + local)):
            named = self.span_named(before)  # 五年累计完成5.2亿美元: a sum over the span
            period = format_period(*named) if named else period
        if role == "growth" and base and change is None:  # 2016年…比2011年增长60%: over 2012-2016
            years = stated_years(text[: base.start()])
            end = years[-1] if years else (self.review[1] if self.review else None)
            period = format_period(int(base.group(1)) + 1, end) if end and end > int(base.group(1)) else None
        run = text[mention.end : q.start]
        if "分别" in run:  # 分别超过4万元和2万元: the hedge before the run's first figure qualifies each
            local = re.sub(RELATIVE_TO + "|" + MILESTONE, "", run[run.index("分别") :])
        hedges = self._hedges(self._clause_lead(mention) + "\0" + local, q, estimate, run_end)
        return Statement(indicator=mention.indicator, measure=role, is_target=target, period=period, value=value,
                         value_high=high, unit=q.unit, basis=basis, hedges=tuple(hedges),
                         hedge_class=_hedge_class(hedges, high, self.rules), is_estimate=estimate, scope=self._scope(mention),
                         months=months_named(before), section=self.section, name=mention.name, start=q.start, end=q.end)

    def _estimate(self, mention: Mention, q: Quantity) -> bool:
        """预计 opening a clause before the name covers the rest of the sentence; 预计 in the name's own clause,
        before or after it, covers that clause."""
        text = self.sentence
        for match in self.rules.cue("estimate").finditer(text[: q.start]):
            position = match.start()
            if position < mention.start:
                if not clause_before(text, position).strip() and not self.rules.cue("target").search(self._clause_lead(mention)):
                    return True
                if not CLAUSE_BREAK.search(text[position : mention.start]):  # 2010年全县预计完成地方生产总值…
                    return True
            elif not CLAUSE_BREAK.search(text[mention.start : position]):
                return True
        return False

    def _span_for(self, target: bool) -> tuple[int, int] | None:
        """Targets refer to the plan period, except those set inside a review (力争 in a year-end summary aims at
        the year under way); results refer to the review period."""
        return self.plan if target and self.section != "review" else self.review

    def _clause_lead(self, mention: Mention) -> str:
        """The words of the mention's clause before the mention (力争一般公共预算收入 -> 力争)."""
        return clause_before(self.sentence, mention.start)

    def _target(self, mention: Mention, q: Quantity) -> bool:
        """Targets section; a strong cue (预期目标) before the figure; a weak cue (力争, 确保, 计划) in the figure's
        own clause; outside the review, a year after the review period named before the figure, or 今年 in a report
        that plans its own year; in the plan section of such a report, a hedged figure of a sentence that does not
        speak of the past."""
        if self.section == "targets" or self.rules.cue("strong_target").search(self.sentence[: q.start]):
            return True
        if self.rules.cue("target").search(self._clause_lead(mention) + self.sentence[mention.end : q.start]):
            return True
        years = stated_years(self.sentence[: q.start])
        if self.section != "review" and bool(years and self.review and max(years) > self.review[1]):
            return True
        # a figure for the year the report plans (今年 in a report to a congress, delivered early in that year) is
        # a target even without a cue: nothing of that year has been achieved yet
        relative = relative_year_pattern(self.rules).findall(self.sentence[: q.start])
        plans_own_year = self.plan is not None and self.report_year is not None and self.plan[0] == self.report_year
        if self.section != "review" and bool(relative) and relative[-1] == "今年" and plans_own_year:
            return True
        # in the plan of such a report, a hedged figure (外贸进出口超8500亿元, 粮食产量稳定在485亿斤左右) is a goal,
        # unless the sentence speaks of the past (去年, 同比, 预计 …)
        return (self.section == "plan" and plans_own_year and not years and not relative
                and not self.rules.cue("past").search(self.sentence) and self._hedged(mention, q))

    def _hedged(self, mention: Mention, q: Quantity) -> bool:
        """A hedge word or 稳定在/保持在 between the name and the figure, or a hedge word right after it."""
        local = self.sentence[mention.end : q.start]
        after = re.compile("|".join(map(re.escape, self.rules.hedge_words("after"))))
        return (bool(_words_in(local, self.rules.hedge_words("before"))) or "稳定在" in local or "保持在" in local
                or after.match(self.sentence, q.end) is not None)

    def _from_to(self, q: Quantity, quantities: list[Quantity]) -> tuple[Quantity, Quantity] | None:
        """The (start, end) figures of a from→to change that ``q`` is part of, or ``None``."""
        index = quantities.index(q)
        for first, second in ((index, index + 1), (index - 1, index)):
            if first < 0 or second >= len(quantities):
                continue
            a, b = quantities[first], quantities[second]
            if _FROM_LEAD.search(self.sentence[: a.start]) and _FROM_TO.match(self.sentence[a.end : b.start].strip()):
                return a, b
        return None

    def _from_to_years(self, pair: tuple[Quantity, Quantity], target: bool) -> tuple[int | None, int | None]:
        """Years of the two ends: as written (从2015年的…至2020年的…), else the year before the span and its end."""
        a, b = pair
        lead = _FROM_LEAD.search(self.sentence[: a.start])
        written_start = YEAR_BEFORE.findall(lead.group(0)) if lead else []
        written_end = YEAR_BEFORE.findall(self.sentence[a.end : b.start])
        if not written_start and not written_end:
            # a change with no years of its own takes those of the change before it in the sentence, or of the
            # sentence's lead (由2002年7703元增加到2007年13786元，…由2476元增加到4140元; 2003年到2023年，…由13亿元增加到93亿元)
            spans = list(YEARS_FROM_TO.finditer(self.sentence[: a.start]))
            if spans:
                return int(spans[-1].group(1)), int(spans[-1].group(2))
            frame = YEAR_AGAINST_YEAR.search(self.sentence[: a.start])  # 1986年同1978年相比，…由1121亿元增加到2220亿元
            if frame:
                return int(frame.group(2)), int(frame.group(1))
        span = self._span_for(target)
        start = int(written_start[-1][1]) if written_start else (span[0] - 1 if span else None)
        end = int(written_end[-1][1]) if written_end else (span[1] if span else None)
        return start, end

    def _change_before(self, q: Quantity, quantities: list[Quantity]) -> tuple[Quantity, Quantity] | None:
        """The from→to change whose end figure comes right before ``q`` (从A上升至B,增长了X%), or ``None``."""
        index = quantities.index(q)
        if index == 0:
            return None
        pair = self._from_to(quantities[index - 1], quantities)
        return pair if pair is not None and pair[1] is quantities[index - 1] else None

    def _period(self, before: str, target: bool, basis: str | None, q: Quantity, quantities: list[Quantity],
                change: tuple[Quantity, Quantity] | None) -> str | None:
        pair = self._from_to(q, quantities)
        if pair is not None:
            start, end = self._from_to_years(pair, target)
            return format_period(start if q is pair[0] else end, None)
        if change is not None:  # a growth rate right after a from→to change covers its span
            start, end = self._from_to_years(change, target)
            return format_period(start + 1, end) if start and end else None
        years = stated_years(before)
        explicit = years[-1] if years else None
        relative = relative_year_pattern(self.rules).findall(before)
        if explicit is None and relative and self.report_year:
            explicit = self.report_year + self.rules.relative_years[relative[-1]]
        span = self._span_for(target)
        named = self.span_named(before)
        if named and not target and explicit is None:  # results of a five-year review: 过去五年, 十三五时期
            span = named
        if basis in ("annual_avg", "cumulative"):
            if named and (explicit is None or explicit == named[1]):  # 十一五…2010年…年均增长: 2006-2010
                return format_period(*named)
            if span and span[0] != span[1]:
                return format_period(*span)
            first = span[0] if span else self.report_year
            if explicit and first and explicit > first:
                return format_period(first, explicit)
            return None if basis == "annual_avg" else format_period(first, first)  # an average over years unnamed
        if explicit:
            return format_period(explicit, explicit)
        if span and target and span[0] != span[1]:  # an annual target inside a plan span: the report's own year
            year = self.report_year if self.report_year and span[0] <= self.report_year <= span[1] else span[0]
            return format_period(year, year)
        if span:
            return format_period(span[1], span[1])
        return format_period(self.report_year, self.report_year)

    def _hedges(self, local: str, q: Quantity, estimate: bool, run_end: int | None = None) -> list[str]:
        found = ["预计"] if estimate else []
        found += [w for _, w in sorted(_words_in(local, self.rules.hedge_words("before")))]
        after_hedge = re.compile("|".join(map(re.escape, self.rules.hedge_words("after"))))
        after = after_hedge.match(self.sentence, q.end)  # as long as the longest word
        if after is None and run_end is not None:
            after = after_hedge.match(self.sentence, run_end)
        if re.search(r"\d多", q.text):  # 67700多亿元: more than
            found.append("多")
        if q.start in self.implied:  # 保8争9
            found.append(self.implied[q.start])
        if after:
            found.append(after.group(0))
        rest = clause_after(self.sentence, q.end, breaks=PART_BREAK)
        found += [h.word for h in self.rules.hedges if h.pattern is not None and h.pattern.search(rest)]
        return found

    def _scope(self, mention: Mention) -> str:
        clause = clause_before(self.sentence, mention.start)
        if self.rules.cue("entity").search(clause) and not self.rules.cue("jurisdiction").search(clause + mention.name):
            return "entity"
        return "jurisdiction"


def _role(unit_kind: str, q: Quantity) -> Measure | None:
    if q.kind == "points":
        return "growth"
    if unit_kind == "percent":
        return "level" if q.kind == "percent" else None
    if unit_kind == "ratio":
        return "growth" if q.kind == "percent" else None
    if q.kind == "percent":
        return "growth"
    if unit_kind == "money":
        return "level" if q.kind == "money" else None
    return "level" if q.kind == "count" else None


def _words_in(text: str, words: Sequence[str]) -> list[tuple[int, str]]:
    """Non-overlapping occurrences of ``words`` in ``text`` (longest first), as (position, word)."""
    found: list[tuple[int, str]] = []
    taken: set[int] = set()
    for word in sorted(words, key=len, reverse=True):
        for match in re.finditer(re.escape(word), text):
            cells = set(range(match.start(), match.end()))
            if not cells & taken:
                taken |= cells
                found.append((match.start(), word))
    return found


def _hedge_class(hedges: list[str], high: float | None, rules: ReadingRules) -> str:
    if high is not None and not (isinstance(high, float) and math.isnan(high)):
        return "range"
    return rules.strongest({c for c in map(rules.hedge_class_of, hedges) if c is not None})

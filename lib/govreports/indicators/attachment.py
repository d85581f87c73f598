"""Which indicator name a figure of a sentence belongs to (the step before a statement is read).

Decisions (each tested in ``tests/test_statements.py``):

1. *Nearest name.* A figure belongs to the nearest name before it when only predicate words
   (``resources/predicates.txt``: 增长, 同比, 比上年, 年均, 预计, 左右 …), a year, a month span, a comparison with
   another jurisdiction (高于全省0.5个百分点), a milestone (突破千亿台阶, 历史性突破百亿大关) or a footnote marker
   (地方生产总值[1]) stand between them, or, for a second figure of the same name, between it and the previous figure
   (…54165元、同比增长8.5%). A hedge word (不超过, 力争), a multiple (是2011年的1.6倍) and an aside in brackets
   without figures (地区生产总值（GDP）) may stand there too. Anything else in between (引进各类人才10名) leaves the figure unattached.
2. *Lists.* Names listed with 、/和/及/与 before one figure all take it (规上工业增加值、固定资产投资均保持在10%以上).
   With as many figures as names, joined by 、/和/及/与, the names take them in order: with 分别 anywhere between
   the names and the figures (城乡居民人均可支配收入分别完成32296元、11516元，同比增长10.2%、13.9%), and also
   without it when the figures are of one unit (城乡居民收入增长5%和3%左右: urban 5, rural 3). One name for two
   indicators (城乡居民人均可支配收入, ``resources/indicator_pairs.csv``) is such a list.
3. *分别 after separate figures.* 分别 with k figures after names that each took their own level (全部财政收入达到
   1223.1亿元，其中地方一般预算收入620.2亿元，分别增长18.1%和20.3%) gives the k figures to the last k names in order.
4. *CPI as an index.* 居民消费价格指数控制在103左右 is read as the rate it implies (3%) when the number after a price
   index name lies between 90 and 120.
5. *持平.* A name followed by 持平 (居民消费价格与上年持平, 指数持平) states a change of 0%: a CPI level of 0, a growth of 0
   for an amount. 基本持平 (roughly flat) is not read: no number is stated.
6. *保8争9* states two targets: 8% with 确保 (a floor) and 9% with 争取 (an aspiration).
7. *Milestones.* A milestone after the exact figure of its kind is no figure (完成20001万元，首次突破两亿元大关;
   201.47亿元、首次超过200亿元: one level, the exact one); a milestone that is the only amount is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from govreports.chinese.numerals import chinese_to_number
from govreports.indicators.lexicon import Mention
from govreports.indicators.quantities import Quantity
from govreports.rules.reading import ReadingRules

__all__ = ["MILESTONE", "RELATIVE_TO", "Attachment", "attach", "keep_strive_figures", "milestones_after_figures",
           "price_index_figures", "relative_year_pattern"]

_LIST_SEPARATORS = {"、", "和", "及", "与", "以及"}
_JOINS = {"、", "和", "及", "与", ",", "，"}
# A comparison with another jurisdiction's growth (高于全省0.5个百分点) is no figure of the indicator: it is skipped,
# and may stand between a name and its own figure (增速高于省平1个百分点、7%左右).
RELATIVE_TO = (r"(?:高于|快于|超过|超出|低于|领先)(?:全国|全省|省平|全市|全区|省|市|国家)(?:平均)?(?:水平)?(?:增速)?约?"
               r"\d+(?:\.\d+)?\s*个?百分点(?:左右|以上)?[、，,]?")
# a milestone crossed on the way (跨越千亿台阶，增长7%以上; 历史性突破百亿大关，增长7.2%) stands between a name and its figure
MILESTONE = r"(?:历史性)?(?:再上|迈上|跨越|跨上|站上|登上|跃上|突破)[^，,；;。]{0,8}(?:台阶|大关)[，,]?"
# a multiple of a base year's figure (是2011年的1.6倍, 增长1倍) stands between a name and its figures; it is not read
_MULTIPLE = r"(?:是|为|相当于|增长了?|翻了?)?(?:\d{4}年的?)?\d+(?:\.\d+)?\s*倍"
# an aside in brackets (地区生产总值（GDP）增长6%, 一般公共预算收入（剔除退税因素）增长7%) with no figure in it but a year
_ASIDE = r"[（(](?:[^（）()\d]|\d{4}年){1,24}[）)]"
_FOOTNOTE = r"\[\d{1,2}\]|［\d{1,2}］|【\d{1,2}】"
# 保8争9 (确保8%、争取9%): a floor and an aspiration stated as a slogan
_KEEP_STRIVE = re.compile(r"保(\d{1,2}(?:\.\d)?|[一二三四五六七八九十]{1,2})争(\d{1,2}(?:\.\d)?|[一二三四五六七八九十]{1,2})(?![\d%])")
# the exact figure restated as the round threshold it crossed (201.47亿元、首次超过200亿元)
_ROUNDED_AGAIN = re.compile(r"[、，,]?\s*(?:首次|历史性|一举)?(?:超过|突破|迈过|跨过|越过)")
_FLAT = re.compile(r"(?:指数|总水平)?(?:与上年|和上年|比上年|同比)?(持平)(?!于)")
_INDEX_VALUE = re.compile(r"(?:(?:总)?指数)?(?:涨幅)?(?:控制在|保持在|稳定在|为|在)?\s*(\d{2,3}(?:\.\d+)?)(?![\d%％.万亿元])")

#: (mention, figure) pairs for one figure, or ``None`` when it belongs to no name
Attachment = list[tuple[Mention, Quantity]]


@dataclass(frozen=True)
class _Patterns:
    gap: re.Pattern[str]
    after_hedge: re.Pattern[str]


@lru_cache(maxsize=4)
def _patterns(rules: ReadingRules) -> _Patterns:
    words = {*rules.predicates, *rules.hedge_words("before")}
    predicates = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    gap = re.compile(RELATIVE_TO + "|" + MILESTONE + "|" + _FOOTNOTE + "|" + _MULTIPLE + "|" + _ASIDE + "|" + predicates
                     + r"|(?:到|至|比)?\d(?: ?\d){3} ?年(?:底|末)?|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月(?:份)?|上半年|前三季度"
                     r"|[“”\"\s,，、:：]|保$|^争$")  # 保8争9
    after = re.compile("|".join(map(re.escape, rules.hedge_words("after"))))
    return _Patterns(gap, after)


@lru_cache(maxsize=4)
def relative_year_pattern(rules: ReadingRules) -> re.Pattern[str]:
    """今年/去年/明年 … (``resources/relative_years.csv``), not inside 比去年/较上年/同去年."""
    words = "|".join(map(re.escape, sorted(rules.relative_years, key=len, reverse=True)))
    return re.compile("(?<![比较同])(" + words + ")")


def without_glosses(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without a gloss in brackets of the name before it (地区生产总值（GDP）: GDP is the same name)."""
    return [m for i, m in enumerate(mentions)
            if not (i and m.indicator == mentions[i - 1].indicator and m.start == mentions[i - 1].end + 1
                    and sentence[m.start - 1 : m.start] in "（(" and sentence[m.end : m.end + 1] in "）)")]


def milestones_after_figures(sentence: str, found: list[Quantity], mentions: list[Mention]) -> list[tuple[int, int]]:
    """Spans of milestones that follow the exact figure of the same kind they round (decision 7): 完成20001万元，首次突破
    两亿元大关; 201.47亿元、首次超过200亿元. A milestone that is the only amount (迈上4万亿元新台阶; 增长7.5%，突破500亿元
    大关) is read."""
    spans = []
    for milestone in re.finditer(MILESTONE, sentence):
        inside = [q for q in found if milestone.start() <= q.start < milestone.end()]
        if any(p.end <= milestone.start() and p.kind == q.kind and not any(p.end <= n.start < milestone.start()
                                                                            for n in mentions)
               for p in found for q in inside):
            spans.append(milestone.span())
    for previous, figure in pairwise(found):
        between = sentence[previous.end : figure.start]
        if (figure.kind == previous.kind and figure.kind in ("money", "count") and figure.unit == previous.unit
                and figure.value <= previous.value and _ROUNDED_AGAIN.fullmatch(between)):
            spans.append((figure.start, figure.end))
    return spans


def keep_strive_figures(sentence: str) -> list[tuple[Quantity, str]]:
    """保8争9: the two rates it names, each with the hedge word it stands for (确保 8%, 争取 9%) (decision 6)."""
    found = []
    for match in _KEEP_STRIVE.finditer(sentence):
        for group, word in ((1, "确保"), (2, "争取")):
            text = match.group(group)
            value = float(text) if text[0].isdigit() else float(chinese_to_number(text))
            found.append((Quantity(value, "percent", "percent", match.start(group), match.end(group), text), word))
    return found


def price_index_figures(sentence: str, mentions: list[Mention]) -> list[Quantity]:
    """CPI stated as an index (居民消费价格指数控制在103左右): the rate it implies (3%) (decision 4); a name followed
    by 持平 (居民消费价格与上年持平): a change of 0% (decision 5)."""
    found = [Quantity(0.0, "percent", "percent", m.start(), m.end(), m.group(0))
             for mention in mentions if (m := _FLAT.match(sentence, mention.end))]
    for mention in mentions:
        if mention.indicator != "cpi":
            continue
        match = _INDEX_VALUE.match(sentence, mention.end)
        named = mention.name.endswith("指数") or (match is not None and "指数" in match.group(0))
        if match and named and 90 <= float(match.group(1)) <= 120:
            value = round(float(match.group(1)) - 100, 6)
            found.append(Quantity(value, "percent", "percent", match.start(1), match.end(1), match.group(1)))
    return found


def attach(mentions: list[Mention], quantities: list[Quantity], index: int, anchors: dict[int, int],
           sentence: str, rules: ReadingRules) -> Attachment | None:
    """The mention(s) figure ``index`` belongs to, with the figure each takes, or ``None``. ``anchors`` maps the
    index of each mention that took a figure to the end of its last figure."""
    patterns = _patterns(rules)
    quantity = quantities[index]
    before = [i for i, m in enumerate(mentions) if m.end <= quantity.start]
    if not before:
        return None
    last = before[-1]
    anchor = anchors.get(last, mentions[last].end)
    gap = sentence[anchor : quantity.start]
    if patterns.gap.sub("", gap):
        return None
    chain = _list_before(mentions, last, anchors, sentence)
    run = _run(quantities, index, sentence, patterns.after_hedge)
    said_each = "分别" in sentence[mentions[chain[-1]].end : quantity.start]
    one_unit = len({q.unit for q in run[: len(chain)]}) == 1
    if len(chain) > 1 and (len(run) == len(chain) if said_each else len(run) >= len(chain) and one_unit):
        return [(mentions[i], q) for i, q in zip(chain, run, strict=False)]
    if len(chain) == 1 and "分别" in gap and len(run) > 1:
        took = _last_with_figures(mentions, last, anchors, len(run), sentence)
        if took:
            return [(mentions[i], q) for i, q in zip(took, run, strict=True)]
    return [(mentions[i], quantity) for i in chain]


def _list_before(mentions: list[Mention], last: int, anchors: dict[int, int], sentence: str) -> list[int]:
    """The names listed before one figure, ending with ``last``: joined by list separators (or one name for two
    indicators, which share a span); a name that took a figure of its own ends the list, except within a pair."""
    chain = [last]
    while chain[0] > 0:
        previous, current = mentions[chain[0] - 1], mentions[chain[0]]
        if (previous.start, previous.end) == (current.start, current.end):
            chain.insert(0, chain[0] - 1)
            continue
        between = sentence[previous.end : current.start]
        if (between in _LIST_SEPARATORS or between == "") and (chain[0] - 1) not in anchors:
            chain.insert(0, chain[0] - 1)
        else:
            break
    return chain


def _run(quantities: list[Quantity], index: int, sentence: str, after_hedge: re.Pattern[str]) -> list[Quantity]:
    """Figure ``index`` and the figures right after it joined by 、/和/及/与 (each may carry its own 左右)."""
    run = [quantities[index]]
    for following in quantities[index + 1 :]:
        join = sentence[run[-1].end : following.start].strip()
        match = after_hedge.match(join)
        join = join[match.end() :] if match else join
        if join not in _JOINS:
            break
        run.append(following)
    return run


def _last_with_figures(mentions: list[Mention], last: int, anchors: dict[int, int], k: int,
                       sentence: str) -> list[int] | None:
    """The last ``k`` names up to ``last`` that each took a figure, when they are consecutive mentions (decision 3)."""
    chosen = list(range(last - k + 1, last + 1))
    if chosen[0] < 0 or not all(i in anchors for i in chosen):
        return None
    if any(a.start == b.start for a, b in pairwise(mentions[i] for i in chosen)):
        return None
    return chosen

"""Which government delivers a report: its level and its place chain, from what the government says of itself.

Evidence, in order (the first that decides wins; ``why`` says which):

1. **National**: the State Council's own words (我代表国务院, 受国务院的委托, 向第六届全国人民代表大会…) in the head:
   level ``national``, place 中华人民共和国, no province (a national report names 香港 and 澳门: that gives it none).
2. **Named**: the place in the congress line (在阜平县第十七届人民代表大会…), in the self-reference (我代表海南省人民政府)
   or in the title (高阳县2020年政府工作报告): the most specific unit named, resolved in the gazetteer (a shared name
   by the mentions of each candidate's parents). A county written with its old suffix (清苑县, today's 清苑区) keeps the
   name the report uses, with today's parents.
3. **Suffix and mentions**: the suffix of the self-reference (我代表市人民政府: 市; 我代表县政府: 县), of the unit's own
   party committee in the leadership phrase (在市委、市政府和县委的坚强领导下: 县, under a 市), of the unit a summary
   reports on (现将我街道今年工作总结报告如下, 现就我乡…汇报如下: 街道, 乡), or, when the leadership phrase names only
   superiors (在区委、区政府的正确领导下), the level below them (街道/镇). The place is then the unit with that
   suffix the text mentions most (full name twice, short name once; a two-character name such as 成县 or 和县 only
   where it is not part of another word: 建成县城, 市和县). A town must be named in full at least once: a town's
   short name (姚家, 三五) is as often a village (姚家村) or a word (干好一三五). A ``市`` under a 市 or 州 is county
   level (恩施市); a ``市`` under the province only is a prefecture or a province-direct county-level city (天门市); a
   ``市`` that is also a province is a municipality (上海市, level province).
4. **National, by its vocabulary**: no self-reference at all, and 我国 and 全国 throughout, much more than 全省/全市/….

A name shared by several places (鹅湖镇 in 铅山县 and 浮梁县 of 江西 and in 锡山区 of 江苏) is resolved by the mentions of
each candidate's county (x3), city (x2) and province (x1), e.g. 普陀 for the 东港街道 of 舟山. When the best candidates
are equally supported, only the parents they share are kept (视察江西 leaves the two 江西 鹅湖镇: province 江西省,
county and city empty); when the best is mentioned fewer than twice, the place is left empty. ``empty`` then gives,
for each chain field left empty, why: a wrong province is worse than none. A field empty because the level does not
exist (儋州 has no counties, 上海市 is a province) says that instead. The suffix table is
``resources/unit_suffixes.csv`` and the cue words ``resources/jurisdiction_cues.csv``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govreports.corpus.places import Gazetteer, Place, chain_of, gazetteer, shared_chain, structural_gaps
from govreports.rules.files import Schema, read_rule_table
from govreports.runtime.cache import rules_folder_state

__all__ = ["Jurisdiction", "JurisdictionRules", "jurisdiction"]

_LEVELS = frozenset({"province", "city", "county", "town", "any"})
_SUFFIXES = Schema(required=("suffix", "level", "rank"), optional=("below",), choices={"level": _LEVELS},
                   checks={"rank": int})
_CUES = Schema(required=("cue", "role"), choices={"role": frozenset({"national_marker", "before", "after"})})
_SPACES = re.compile(r"[ \t\u3000\r\n]+")
_CN = "一二三四五六七八九十"
_CONGRESS_PLACE = re.compile(rf"在([^\s，。、；：:]{{2,24}}?)第[{_CN}]+届人民代表大会")
_SELF = re.compile(r"我代表([^\s，。、；：:]{0,20}?)(?:人民)?政府(?:向|，|,)")
_CHAIN = re.compile(r"在([^。；]{0,40}?)(?:的)?(?:正确|坚强|有力)领导")
_CHAIN_FIELDS = ("place", "county", "city", "province")
_ORDER = ("province", "city", "county", "town")


@dataclass(frozen=True)
class Jurisdiction:
    """The government of a report: level (national, province, city, county, town) and place chain, each ``None``
    where the text does not decide it; ``why`` names the evidence and ``empty`` gives, for each of ``place``,
    ``county``, ``city``, ``province`` left empty at or above the level, the reason."""

    level: str | None
    place: str | None = None
    county: str | None = None
    city: str | None = None
    province: str | None = None
    why: str = ""
    empty: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class JurisdictionRules:
    """Unit suffixes (suffix, level, rank, the suffix below) and cue words (see the module docstring)."""

    suffixes: tuple[tuple[str, str, int, str], ...]
    national: tuple[str, ...]
    not_before: str
    not_after: str

    @classmethod
    def load(cls, suffixes: str | Path | None = None, cues: str | Path | None = None) -> JurisdictionRules:
        """The package's rule tables, or your own copies.

        Raises:
            FileNotFoundError, govreports.rules.files.RuleFileError: a file is missing or breaks its format.
        """
        table = read_rule_table(suffixes or "unit_suffixes.csv", _SUFFIXES)
        rows = sorted(((r["suffix"], r["level"], int(r["rank"]), r["below"]) for r in table.rows),
                      key=lambda row: -len(row[0]))
        words = read_rule_table(cues or "jurisdiction_cues.csv", _CUES).rows
        pick = [w["cue"] for w in words if w["role"] == "national_marker"]
        return cls(tuple(rows), tuple(pick), "".join(w["cue"] for w in words if w["role"] == "before"),
                   "".join(w["cue"] for w in words if w["role"] == "after"))

    def level_of(self, suffix: str) -> str | None:
        """The level of a unit whose name ends with ``suffix`` (``None`` for 市: any level)."""
        for name, level, _, _ in self.suffixes:
            if suffix.endswith(name):
                return None if level == "any" else level
        return None

    def suffix_of(self, name: str) -> str | None:
        """The administrative suffix a name ends with (自治区 before 区), or ``None``."""
        return next((suffix for suffix, *_ in self.suffixes if name.endswith(suffix)), None)


def _default_rules() -> JurisdictionRules:
    return _rules_for(rules_folder_state())


@lru_cache(maxsize=4)
def _rules_for(state: object) -> JurisdictionRules:
    return JurisdictionRules.load()


def jurisdiction(text: str, title: str | None = None, *, rules: JurisdictionRules | None = None,
                 places: Gazetteer | None = None) -> Jurisdiction:
    """The level and place chain of the government that delivers the report ``text`` (clean text); ``title`` is
    the report's title if known (see the module docstring for the rules)."""
    rules = rules or _default_rules()
    gaz = places or gazetteer()
    head = _SPACES.sub("", text[:3000])
    national = "|".join(map(re.escape, rules.national))
    if re.search(national + rf"|向(?:第[{_CN}]+届)?全国人民代表大会", head):
        return Jurisdiction("national", "中华人民共和国", why="the State Council's report to the National People's Congress")
    counts = gaz.mentions(text)
    named = [m.group(1) for m in (_CONGRESS_PLACE.search(head), _SELF.search(head)) if m and m.group(1)]
    for string in [*named, *([title] if title else [])]:
        found = _named(string, gaz, counts, rules)
        if found is not None:
            return found
    suffix, superiors = _self_suffix(head, rules)
    if suffix is None:
        c = text.count
        if c("我国") >= 5 and c("全国") >= 5 and c("全国") > 2 * sum(c(x) for x in ("全省", "全市", "全县", "全区", "全镇")):
            return Jurisdiction("national", "中华人民共和国", why="no self-reference; 我国 and 全国 throughout")
        return Jurisdiction(None, why="the text names no government of its own (no self-reference or congress line)")
    return _by_mentions(text, suffix, superiors, gaz, counts, rules)


def _self_suffix(head: str, rules: JurisdictionRules) -> tuple[str | None, set[str]]:
    """The suffix of the report's own unit and the suffixes of its superiors (see rule 3)."""
    superiors: set[str] = set()
    own = None
    chain = _CHAIN.search(head)
    units = "|".join(re.escape(s) for s, *_ in rules.suffixes)
    if chain:
        phrase = chain.group(1)
        committees = re.findall(rf"({units})(?:党)?(?:工)?委", phrase)
        governments = set(re.findall(rf"({units})政府", phrase))
        if committees:
            own = committees[-1] if committees[-1] not in governments else None
            superiors = {u for u in committees if u in governments or u != own}
    named = re.search(rf"我代表({units})(?:人民)?政府", head)
    if named:
        own = named.group(1)
    reporting = re.search(rf"现[将就把]我({units})", head)
    if own is None and reporting:
        own = reporting.group(1)
    if own is None and superiors:
        ranks = {s: (rank, below) for s, _, rank, below in rules.suffixes}
        lowest = max(superiors, key=lambda s: ranks.get(s, (0, ""))[0])
        own = ranks.get(lowest, (0, ""))[1] or None
    return own, superiors


def _named(string: str, gaz: Gazetteer, counts: Counter[str], rules: JurisdictionRules) -> Jurisdiction | None:
    places = gaz.named_in(string)
    written = None
    if not places:  # an old suffix: 清苑县 for today's 清苑区
        match = re.search(r"([\u4e00-\u9fff]{1,6}?)(县|区|市)$", string)
        for alternative in ("县", "区", "市") if match else ():
            places = gaz.by_name.get(match.group(1) + alternative, [])  # type: ignore[union-attr]
            if places:
                written = string[-(len(match.group(1)) + 1) :]  # type: ignore[union-attr]
                break
    if not places:
        return None
    level = max((p.level for p in places), key=_ORDER.index)
    candidates = sorted((p for p in places if p.level == level), key=lambda p: (-_support(gaz, p, counts), p.name))
    best = candidates[0]
    why = f"named in {string[:30]}"
    if len(candidates) > 1:
        why += "; " + _rivals_note(gaz, candidates, counts)
    tied = [p for p in candidates if _support(gaz, p, counts) == _support(gaz, best, counts)]
    return _result(best, written if best.level == "county" else None, why, tuple(tied[1:]))


def _by_mentions(text: str, suffix: str, superiors: set[str], gaz: Gazetteer, counts: Counter[str],
                 rules: JurisdictionRules) -> Jurisdiction:
    level = rules.level_of(suffix)
    levels = [level] if level else ["city", "county", "province"]
    if suffix == "市" and superiors & {"市", "州", "盟"}:
        levels = ["county"]
    elif suffix == "市" and superiors and superiors <= {"省", "自治区"}:
        levels = ["city", "county"]
    ends: tuple[str, ...] = ("区",) if suffix == "自治区" else (suffix,)
    if level == "town":
        ends = tuple(s for s, lvl, *_ in rules.suffixes if lvl == "town")
    scores: dict[Place, int] = {}
    written: dict[Place, str] = {}
    if suffix in ("县", "区", "市"):  # old suffixes: 清苑县, 徐水县
        # each name before the suffix once, with how often it occurs, in the order of first occurrence
        for short, n in Counter(re.findall(r"([\u4e00-\u9fff]{2,3}?)" + suffix, text)).items():
            for unit in gaz.by_short.get(short, ()):
                if unit.level == "county" and not unit.name.endswith(suffix):
                    scores[unit] = scores.get(unit, 0) + 2 * n
                    written[unit] = short + suffix
    for name, n in counts.items():
        units = [unit for unit in (*gaz.by_name.get(name, ()), *gaz.by_short.get(name, ()))
                 if unit.level in levels and unit.name.endswith(ends) and unit.name not in ends]
        if units and len(name) == 2:
            n = _free_standing(name, text, rules)
        for unit in units if n else ():
            scores[unit] = scores.get(unit, 0) + (2 if name == unit.name else 1) * n
    if level == "town":  # a town must be named in full at least once (see rule 3)
        scores = {p: n for p, n in scores.items() if counts[p.name]}
    municipal = {p.name for p in scores if p.level == "province"}
    scores = {p: n for p, n in scores.items() if not (p.level == "city" and p.name in municipal)}
    if not scores:
        named = "/".join(ends) + " named in full" if level == "town" else suffix + " named"
        return _unresolved(levels[0] if len(levels) == 1 else None, f"a {suffix} government, but no {named}")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -_support(gaz, kv[0], counts), kv[0].name))
    best, score = ranked[0]
    tied = [p for p, n in ranked[1:] if n == score and _support(gaz, p, counts) == _support(gaz, best, counts)]
    if tied and any(p.name != best.name for p in tied):
        return _unresolved(best.level, f"ambiguous: {best.name} and {tied[0].name} are named as often")
    if score < 2:
        return _unresolved(best.level, f"{best.name} is named only once")
    why = f"a {suffix} government; {best.name} named {score} (full name x2)"
    same = [p for p, _ in ranked if p.name == best.name]
    if len(same) > 1:
        why += "; " + _rivals_note(gaz, same, counts)
    return _result(best, written.get(best), why, tuple(tied))


def _free_standing(name: str, text: str, rules: JurisdictionRules) -> int:
    """Occurrences of ``name`` in ``text`` (left to right, not overlapping) that are not part of another word: the
    character after is not one of ``rules.not_after`` and the character before not one of ``rules.not_before``
    (an occurrence that opens or closes the text has no such character and does not count)."""
    count, start = 0, text.find(name)
    while start >= 0:
        end = start + len(name)
        if text[end : end + 1] not in rules.not_after and text[max(0, start - 1) : start] not in rules.not_before:
            count += 1
        start = text.find(name, end)
    return count


def _result(place: Place, written: str | None, why: str, rivals: tuple[Place, ...] = ()) -> Jurisdiction:
    """The chain of ``place``; with ``rivals`` (same name, equally supported) only the parents they all share, and for
    each field left empty the reason."""
    if place.level == "city" and place.name == place.province:
        return Jurisdiction("province", place.name, None, None, place.province, why + "; a municipality")
    name = written or place.name
    chain = chain_of(place)
    if written:
        why += f"; today's name {place.name}"
    if place.level == "county":
        chain["county"] = name
    empty = dict(structural_gaps(place))
    if rivals:
        shared = shared_chain((place, *rivals))
        others = ", ".join(_where(p) for p in (place, *rivals))
        for field in ("county", "city", "province"):
            if chain[field] is not None and shared[field] is None and (field != "county" or place.level != "county"):
                chain[field] = None
                empty[field] = (f"{place.name} is the name of {len(rivals) + 1} places the text does not tell apart "
                                f"({others}): {field} left empty")
        if shared["province"] is None:
            why += "; the text does not tell the candidates apart: county, city and province left empty"
        elif any(field in empty for field in ("county", "city")):
            why += f"; the candidates it does not tell apart share {shared['city'] or shared['province']} only"
    return Jurisdiction(place.level, name, chain["county"], chain["city"], chain["province"], why,
                        tuple((f, empty[f]) for f in ("county", "city", "province") if f in empty))


def _unresolved(level: str | None, why: str) -> Jurisdiction:
    """No place: every chain field at or above ``level`` is empty for the same reason."""
    below = {"city": ("county",), "province": ("county", "city")}.get(level or "", ())  # levels that do not apply
    fields = [f for f in _CHAIN_FIELDS if f not in below]
    return Jurisdiction(level, why=why, empty=tuple((f, why) for f in fields))


def _where(place: Place) -> str:
    return f"{place.province}{place.city or ''}{place.county or ''}"


def _rivals_note(gaz: Gazetteer, candidates: list[Place], counts: Counter[str]) -> str:
    """How a shared name was decided: each candidate with its parents' mentions."""
    parts = [f"{_where(p)} {_support(gaz, p, counts)}" for p in candidates[:5]]
    return f"{candidates[0].name} is the name of {len(candidates)} places, parents' mentions: " + ", ".join(parts)


def _support(gaz: Gazetteer, place: Place, counts: Counter[str]) -> int:
    """Mentions of the place's own county (x3), city (x2) and province (x1), full or short names."""
    score = 0
    for parent, weight in ((place.county, 3), (place.city, 2), (place.province, 1)):
        if parent:
            units = gaz.by_name.get(parent, ())
            names = {parent, *(u.short for u in units if u.short in gaz.by_short)}
            score += weight * sum(counts[n] for n in names)
    return score

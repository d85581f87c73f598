"""Numbers with their units in report sentences: Arabic and Chinese numerals, normalised.

What is recognised (:func:`find_quantities` scans a sentence, :func:`parse_quantity` reads one span):

- Arabic numbers with decimals and thousands separators (``12,345.6``), full-width digits and stray spaces
  (``５ . ５％``) after the same normalisation as cleaning;
- Chinese numerals (``一百零九点六亿元``, ``三十二个``, ``百分之八``, ``两万人``) — converted only where they
  form a number span followed by a unit or preceded by 百分之, never in running text (三农, 一带一路,
  十四五 stay as they are);
- ranges ``6.5%-7%``, ``6%－6.5%``, ``6.5-7%``, ``5%到6%``, ``6%至6.5%``, ``百分之八至九`` (value and ``value_high``).

Units are normalised: money to yuan (元, 万元, 亿元, 万亿元, 千元) or to US dollars (美元 with the same
multipliers; other currencies are not read); ``%`` and 百分之 to ``percent``; 百分点 to ``pp`` (percentage
points); counts keep their unit with the 万/亿 multiplier applied (万人 -> ``人`` × 10,000, 万吨 -> ``吨``); weights in
斤 and 公斤 become tonnes (57亿斤 -> 2,850,000 ``吨``).
A number with a multiplier but no unit (``近20亿``) has unit ``None`` and the multiplier applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from govreports.chinese.chars import normalise_chars
from govreports.chinese.numerals import chinese_to_number
from govreports.rules.reading import ReadingRules, reading_rules

__all__ = ["Quantity", "find_quantities", "parse_quantity"]

QuantityKind = Literal["money", "percent", "points", "count", "number"]

_MULTIPLIERS = {"": 1.0, "十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7,
                "亿": 1e8, "十亿": 1e9, "百亿": 1e10, "千亿": 1e11, "万亿": 1e12}

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?(?:万亿|亿|万)?"
_MULT = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)?"
_CN_DIGIT = re.compile("[零〇一二两三四五六七八九十]")
_RANGE_SEP = r"\s*(?:-|－|—|–|~|～|至|到)\s*"


@dataclass(frozen=True)
class _Patterns:
    arabic: re.Pattern[str]
    chinese: re.Pattern[str]


@lru_cache(maxsize=4)
def _patterns(rules: ReadingRules) -> _Patterns:
    """The quantity patterns for the units of ``units.csv`` (longest unit first, so 公斤 is read before 斤)."""
    units = "|".join(map(re.escape, rules.units_by_length))
    # a unit character that begins another word is no unit: 千亿台阶, 万人民币 is money, 全家庭
    unit = rf"(?:(?:个?百分点|%|{units})(?![阶民庭]))"
    # Arabic: number, optional range, multiplier, unit (optional only when a multiplier is present).
    arabic = re.compile(rf"(?<![\d.A-Za-z])(?<!\d,)(?P<low>{_ARABIC})(?P<lowunit>%)?(?:{_RANGE_SEP}(?P<high>{_ARABIC}))?"
                        rf"(?P<more>多)?(?P<mult>{_MULT})(?P<unit>{unit})?(?![\d])")
    chinese = re.compile(
        rf"(?:百分之(?P<pct>{_CHINESE})(?:(?:至|到|—|-)(?:百分之)?(?P<pcthigh>[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?))?)"
        rf"|(?P<num>{_CHINESE})(?P<unit>个?百分点|{units})(?![阶民庭])")
    return _Patterns(arabic, chinese)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, normalised, and where it stands in the text (``text[start:end]``)."""

    value: float
    unit: str | None
    kind: QuantityKind
    start: int
    end: int
    text: str
    value_high: float | None = None


def _unit_of(unit: str | None, multiplier: float, rules: ReadingRules) -> tuple[str | None, QuantityKind, float]:
    """Normalised unit, kind and the factor to apply for a raw unit and multiplier."""
    if unit is None:
        return None, "number", multiplier
    if unit in ("%",):
        return "percent", "percent", 1.0
    if unit.endswith("百分点"):
        return "pp", "points", 1.0
    if unit in rules.currencies:
        return rules.currencies[unit], "money", multiplier
    if unit in rules.weights:  # grain in 斤 (500 g) or 公斤: tonnes, as statistics report it
        canonical, factor = rules.weights[unit]
        return canonical, "count", multiplier * factor
    return unit, "count", multiplier


def _arabic(text: str, factor: float = 1.0) -> float:
    """Exact decimal product, so that 9.05亿 is 905000000.0 and not 905000000.0000001."""
    return float(Decimal(text.replace(",", "")) * Decimal(repr(factor)))


def find_quantities(text: str, *, rules: ReadingRules | None = None) -> list[Quantity]:
    """Every quantity in ``text``, in order, with offsets into ``text`` itself.

    The text is normalised (full-width digits, ``5 . 5``) on a copy whose offsets are mapped back, so offsets
    always point into the string given. Bare numbers without multiplier or unit (years, list numbers) are not
    quantities; ``2020年`` is not one either, nor is a scale word without a digit (亿元楼宇, 千万元级). ``rules``: the reading rules to use (default :func:`reading_rules`).
    """
    normal, mapping = _normalise_with_offsets(text)
    rules = rules or reading_rules()
    patterns = _patterns(rules)
    found: list[Quantity] = []
    for match in patterns.arabic.finditer(normal):
        unit = match.group("unit") or ("%" if match.group("lowunit") else None)
        multiplier = _MULTIPLIERS[match.group("mult") or ""]
        if unit is None and not match.group("mult"):
            continue
        norm_unit, kind, factor = _unit_of(unit, multiplier, rules)
        low = _arabic(match.group("low"), factor)
        high = _arabic(match.group("high"), factor) if match.group("high") else None
        if match.group("lowunit") and unit != "%":  # 6%-7万元 is not one quantity
            continue
        found.append(_quantity(text, mapping, match.start(), match.end(), low, norm_unit, kind, high))
    for match in patterns.chinese.finditer(normal):
        if any(q.start <= mapping[match.start()] < q.end for q in found):
            continue
        if match.group("num") and not _CN_DIGIT.search(match.group("num")):
            continue  # 亿元楼宇, 千万元级项目: a scale word, no number

        high = None
        try:
            if match.group("pct"):
                value, norm_unit, kind = chinese_to_number(match.group("pct")), "percent", "percent"
                high = chinese_to_number(match.group("pcthigh")) if match.group("pcthigh") else None
            else:
                raw, mult = _split_multiplier(match.group("num"))
                norm_unit, kind, factor = _unit_of(match.group("unit"), mult, rules)
                value = chinese_to_number(raw) * factor
        except (ValueError, KeyError):
            continue
        found.append(_quantity(text, mapping, match.start(), match.end(), value, norm_unit, kind, high))
    return sorted(found, key=lambda q: q.start)


def parse_quantity(span: str) -> Quantity | None:
    """The quantity that makes up all of ``span`` (surrounding spaces allowed), or ``None``.

    >>> parse_quantity("一百零九点六亿元").value
    10960000000.0
    """
    quantities = find_quantities(span)
    if len(quantities) == 1 and span[: quantities[0].start].strip() == "" and span[quantities[0].end :].strip() == "":
        return quantities[0]
    return None


def _split_multiplier(numeral: str) -> tuple[str, float]:
    """Split a trailing 万/亿 multiplier off a Chinese numeral (一百零九点六亿 -> 一百零九点六, 1e8)."""
    for suffix in ("万亿", "亿", "万"):
        if numeral.endswith(suffix) and len(numeral) > len(suffix):
            head = numeral[: -len(suffix)]
            if "点" in head or not any(ch in "万亿" for ch in head):
                return head, _MULTIPLIERS[suffix]
    return numeral, 1.0


def _quantity(text: str, mapping: list[int], start: int, end: int, value: float, unit: str | None,
              kind: QuantityKind, high: float | None) -> Quantity:
    real_start, real_end = mapping[start], mapping[end - 1] + 1
    return Quantity(value, unit, kind, real_start, real_end, text[real_start:real_end], high)


#: Each character seen, normalised on its own (``normalise_chars`` of one character depends on that character only).
_CHARACTERS: dict[str, str] = {}


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise character by character (full-width digits, ％, spaces inside numbers), keeping for each
    character of the result the offset of the character it came from."""
    out: list[str] = []
    mapping: list[int] = []
    for index, ch in enumerate(text):
        normal = _CHARACTERS.get(ch)
        if normal is None:
            normal = _CHARACTERS[ch] = "." if ch == "．" else normalise_chars(ch) if ch not in " \t" else ch
        if normal == ch:  # most characters
            out.append(ch)
            mapping.append(index)
            continue
        for piece in normal:
            out.append(piece)
            mapping.append(index)
    joined = "".join(out)
    # drop spaces inside numbers: "5 . 5%" -> "5.5%", "8 %" -> "8%"
    keep = [True] * len(joined)
    for match in re.finditer(r"(?<=[\d.]) +(?=[\d.%])", joined):
        for i in range(match.start(), match.end()):
            keep[i] = False
    result = "".join(c for c, k in zip(joined, keep, strict=True) if k)
    result_map = [m for m, k in zip(mapping, keep, strict=True) if k]
    result_map.append(len(text))
    return result, result_map

"""Chinese numerals: the one reader of 一百零九点六, 三十二, 两万, 二〇二三 and 第十三届, used by number reading and by
metadata (dates, congress sessions).

Only spans already known to be numbers are read: converting running text would turn slogans into numbers
(三农, 一带一路, 六稳六保).
"""

from __future__ import annotations

import re

__all__ = ["CN_DIGITS", "CN_NUMERAL_CHARS", "arabic_years", "chinese_to_int", "chinese_to_number"]

#: The digits of dates and of the lost-〇 repair, in value order from 〇.
CN_DIGITS = "〇零一二三四五六七八九"
#: Every character a Chinese numeral may hold.
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 1e4, "亿": 1e8}


def chinese_to_number(numeral: str) -> float:
    """Value of a Chinese numeral: 一百零九点六 -> 109.6, 三十二 -> 32, 两万 -> 20000, 二〇二一 -> 2021 (digit by
    digit when every character is a digit).

    Raises:
        ValueError: the string is empty or holds a character that is not part of a Chinese numeral.
    """
    if not numeral or any(ch not in _DIGITS and ch not in _SMALL and ch not in _BIG and ch != "点" for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    whole, _, fraction = numeral.partition("点")
    value = _integer(whole) if whole else 0.0
    if fraction:
        if any(ch not in _DIGITS for ch in fraction):
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
        value += float("0." + "".join(str(_DIGITS[ch]) for ch in fraction))
    return value


def chinese_to_int(numeral: str) -> int:
    """:func:`chinese_to_number` for whole numbers (days, months, 届 and 次 of a congress).

    Raises:
        ValueError: not a Chinese numeral, or not a whole number.
    """
    value = chinese_to_number(numeral)
    if value != int(value):
        raise ValueError(f"not a whole number: {numeral!r}")
    return int(value)


def _integer(numeral: str) -> float:
    if all(ch in _DIGITS for ch in numeral) and len(numeral) > 1:  # digit by digit: 二〇二一
        return float("".join(str(_DIGITS[ch]) for ch in numeral))
    # 亿 closes everything before it; 万 closes only what follows the last 亿 (三亿零四百七十五万 = 3亿 + 475万, and
    # 一万亿 = 1万 × 1亿)
    above_yi, below_yi, section, digit = 0.0, 0.0, 0.0, 0.0
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (digit or 1) * _SMALL[ch]
            digit = 0
        elif ch == "万":
            below_yi = (below_yi + section + digit) * _BIG[ch]
            section, digit = 0.0, 0.0
        else:  # 亿
            above_yi = (above_yi + below_yi + section + digit) * _BIG[ch]
            below_yi, section, digit = 0.0, 0.0, 0.0
    return above_yi + below_yi + section + digit


_CN_YEAR = re.compile(r"([一二][〇○零O一二三四五六七八九]{3})(?=年)")
_CN_YEAR_DIGIT = {"〇": "0", "○": "0", "零": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
                  "六": "6", "七": "7", "八": "8", "九": "9"}


def arabic_years(text: str) -> str:
    """Years in Chinese numerals written in digits (一九八三年 -> 1983年, 一九八○年 -> 1980年); same length, so offsets
    are kept."""
    return _CN_YEAR.sub(lambda m: "".join(_CN_YEAR_DIGIT[c] for c in m.group(1)), text)

"""Character normalisation of report text: zero-width characters, the lost 〇, full-width forms, broken numbers.

The one definition used by cleaning (:mod:`govreports.corpus.clean`) and by number reading
(:mod:`govreports.indicators.quantities`), so that both see the same characters:

- zero-width characters (U+200B-U+200D, U+2060, U+FEFF, soft hyphen) are removed;
- a run of U+FFFD between two Chinese numerals is the lost 〇 of a date (二��三五年 -> 二〇三五年); every other
  U+FFFD is removed;
- full-width digits and Latin letters become ASCII, ％ and ﹪ -> %, － -> -, ＋ -> +, U+3000 and no-break
  spaces -> space; ． or . between digits (with spaces around it) -> ``.``, while 。 between digits ends a
  sentence and stays;
- a percent sign lost to an old encoding (a GBK ％ saved through a code page without it shows as ``?`` or U+FFFD)
  is restored where a rate verb stands right before the number (增长8.5? -> 增长8.5%); anywhere else ``?`` stays;
- spaces that break a number are removed (``5 . 5%``, ``2020 年``, ``8 %``), and so are the spaces of a number
  set letter-spaced by a PDF conversion (``1 9 9 7 年``, ``7 4 7 7 2 亿元``, ``1 5 ．3 ％``, ``2 016年``) when a unit,
  a year mark or a decimal point follows it; single digits in a table row (``1 2 3``) stay apart.
"""

from __future__ import annotations

import re

from govreports.chinese.numerals import CN_DIGITS

__all__ = ["normalise_chars"]

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_FULLWIDTH: dict[str, str] = {chr(code): chr(code - 0xFEE0) for code in range(ord("０"), ord("９") + 1)}
_FULLWIDTH.update({chr(code): chr(code - 0xFEE0) for code in range(ord("Ａ"), ord("Ｚ") + 1)})
_FULLWIDTH.update({chr(code): chr(code - 0xFEE0) for code in range(ord("ａ"), ord("ｚ") + 1)})
_FULLWIDTH.update({"％": "%", "﹪": "%", "－": "-", "＋": "+", "\u3000": " ", "\xa0": " "})
_FULLWIDTH_CHAR = re.compile("[" + "".join(map(re.escape, _FULLWIDTH)) + "]")
_LOST_ZERO = re.compile(f"(?<=[{CN_DIGITS}])\ufffd+(?=[{CN_DIGITS}])")
_LOST_PERCENT = re.compile(r"((?:增长|下降|增速|增幅|涨幅|提高|降低|回落|减少)(?:了|为|约)?[ \t]?\d{1,3}(?:\.\d{1,2})?)[ \t]?(?:\?|？|\ufffd)+")
# The three patterns below start with a character they consume (a digit, a space) and look behind it for the character
# before; written with a leading lookbehind ((?<=\d)[ \t]+ ...), the same patterns are tried at every position of the
# text instead of only where a digit or a space is (issue 12: 0.9 s of the 2.1 s of normalising 8 M characters).
# \d(?<![\d.]\d) is a digit not preceded by a digit or a point; (\d)(...) keeps the digit before the point.
_LETTER_SPACED = re.compile(r"\d(?<![\d.]\d)(?:[ \t]\d)+(?=[ \t]?[.．%‰年月日号万亿千百元个])|\d(?<![\d.]\d)[ \t]\d{3}(?=[ \t]?年)")
_SPACE_BEFORE_UNIT = re.compile(r"[ \t](?:(?<=\d[ \t])[ \t]*(?=[%‰年月日号万亿元个])|(?<=[\d.][ \t])[ \t]*(?=%))")
_DOT_BETWEEN_DIGITS = re.compile(r"(\d)([ \t]*[.．。][ \t]*)(?=\d)")


def normalise_chars(text: str) -> str:
    """Normalise the characters of any string (see the module docstring).

    >>> normalise_chars("增长５ . ５％，二\\ufffd\\ufffd三五年")
    '增长5.5%，二〇三五年'
    """
    text = _ZERO_WIDTH.sub("", text)
    if "\ufffd" in text:
        text = _LOST_ZERO.sub("〇", text)
    if "?" in text or "？" in text or "\ufffd" in text:  # what a lost percent sign shows as
        text = _LOST_PERCENT.sub(r"\1%", text).replace("\ufffd", "")
    text = _FULLWIDTH_CHAR.sub(lambda m: _FULLWIDTH[m.group(0)], text)
    text = _LETTER_SPACED.sub(lambda m: re.sub(r"[ \t]", "", m.group(0)), text)
    text = _DOT_BETWEEN_DIGITS.sub(lambda m: m.group(1) + ("." if "。" not in m.group(2) else m.group(2)), text)
    return _SPACE_BEFORE_UNIT.sub("", text)

"""Traditional characters in a report: how many, and the same text in simplified characters.

A page scraped in traditional characters (栗江鎮, 衡陽) names no place the gazetteer knows; its metadata is read
from a simplified copy of the same length (:func:`simplified`), while the report's text keeps its characters. The
character tables are jionlp's (``tra2sim_char``; ``chinese_char_dictionary`` says which traditional forms are also
simplified ones: 著 of 显著, 覆 of 覆盖).
"""

from __future__ import annotations

import re
from functools import lru_cache

from govreports.rules.files import jionlp_table

__all__ = ["simplified", "traditional_share"]

_HAN = re.compile("[\u4e00-\u9fff]+")  # runs of CJK Unified Ideographs


def traditional_share(text: str) -> float:
    """Share of the Chinese characters of ``text`` that are traditional forms (鎮, 縣, 陽): 0 in the simplified reports
    of the development corpus, over 0.2 in a traditional-character page. Characters that jionlp's character
    dictionary also gives as simplified forms (著 of 显著, 覆 of 覆盖) do not count."""
    telltales = len(_telltale_pattern().findall(text))
    if not telltales:  # as in nearly every report: no need to count the Chinese characters
        return 0.0
    han = sum(map(len, _HAN.findall(text)))
    return telltales / han if han else 0.0


def simplified(text: str) -> str:
    """``text`` with traditional characters written in simplified ones (one character for one, so offsets are kept)."""
    return text.translate(_traditional())


@lru_cache(maxsize=1)
def _telltale_pattern() -> re.Pattern[str]:
    """One character of :func:`_telltale`."""
    return re.compile("[" + "".join(map(re.escape, sorted(_telltale()))) + "]")


@lru_cache(maxsize=1)
def _telltale() -> frozenset[str]:
    """Traditional characters that are not also simplified ones (see :func:`traditional_share`)."""
    also_simplified = set()
    for line in jionlp_table("chinese_char_dictionary").splitlines():
        parts = line.split("\t")
        if len(parts) > 5 and parts[5] == parts[0]:  # its traditional form is itself
            also_simplified.add(parts[0])
    return frozenset(chr(code) for code in _traditional()) - also_simplified


@lru_cache(maxsize=1)
def _traditional() -> dict[int, int]:
    """jionlp's character table (traditional -> simplified), one character for one."""
    pairs = (line.split("\t") for line in jionlp_table("tra2sim_char").splitlines() if "\t" in line)
    return {ord(a): ord(b) for a, b, *_ in pairs if len(a) == len(b) == 1 and a != b}

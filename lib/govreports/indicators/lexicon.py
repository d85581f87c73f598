"""The indicator lexicon and how its names are found in a sentence.

The lexicon (``resources/indicators.csv``; editable, or a researcher's own CSV of the same columns) gives each
indicator a canonical id, a Chinese label, a unit kind (money, count, percent, ratio) and its names separated by
``|``; ``…`` in a name stands for up to 8 characters (规上工业企业…产值). Names are found leftmost-longest, so
规模以上工业增加值 is one name (its 以上 is not a hedge) and 地方财政收入 is not 财政收入.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from govreports.rules.files import RuleFileError, Schema, read_rule_table, read_word_list

__all__ = ["Indicator", "Mention", "find_mentions", "lexicon", "pair_names"]


@dataclass(frozen=True)
class Indicator:
    """A lexicon entry: canonical id, Chinese label, unit kind (money, count, percent, ratio) and names."""

    id: str
    label: str
    unit_kind: str
    names: tuple[str, ...]
    better: str = "higher"  # which way a target is met: higher (growth, revenue) or lower (CPI, unemployment, energy)


@dataclass(frozen=True)
class Mention:
    """An indicator name found in a sentence (``sentence[start:end] == name``)."""

    start: int
    end: int
    indicator: str
    name: str


UNIT_KINDS = frozenset({"money", "count", "percent", "ratio"})
_LEXICON = Schema(required=("id", "label", "unit_kind", "names"), optional=("better",),
                  choices={"unit_kind": UNIT_KINDS, "better": frozenset({"higher", "lower", ""})})


def lexicon(path: str | Path | None = None) -> list[Indicator]:
    """The indicator lexicon: the package's ``resources/indicators.csv`` or a CSV of the same columns (``id``,
    ``label``, ``unit_kind`` one of money, count, percent, ratio; ``names`` separated by ``|``; ``…`` in a name
    stands for up to 8 characters; optional ``better``: ``higher`` (default) or ``lower``, the direction in which a
    target is met). A ``# source:`` header line is welcome but not required of your own file.

    Raises:
        FileNotFoundError: no such file. govreports.rules.files.RuleFileError (a ValueError): a row lacks a column,
            repeats an id or has an unknown unit_kind; the message names the file and line.
    """
    table = read_rule_table(path or "indicators.csv", _LEXICON, require_source=False)
    entries, seen = [], set()
    for row, number in zip(table.rows, table.lines, strict=True):
        if row["id"] in seen:
            raise RuleFileError(f"{table.path}:{number}: the id {row['id']!r} is used twice")
        seen.add(row["id"])
        entries.append(Indicator(row["id"], row["label"], row["unit_kind"], tuple(row["names"].split("|")),
                                 row.get("better") or "higher"))
    return entries


@lru_cache(maxsize=8)
def _pattern(entries: tuple[Indicator, ...]) -> tuple[re.Pattern[str], dict[str, str], list[tuple[re.Pattern[str], str]]]:
    wildcard: list[str] = []
    plain: list[str] = []
    owner: dict[str, str] = {}
    for entry in entries:
        for name in entry.names:
            owner[name] = entry.id
            (wildcard if "…" in name else plain).append(name)
    wild = [(re.compile(re.escape(n).replace("…", r"[^\W\d_]{0,8}?")), owner[n]) for n in wildcard]
    parts = [w.pattern for w, _ in wild] + [re.escape(n) for n in sorted(plain, key=len, reverse=True)]
    return re.compile("|".join(parts)), owner, wild


def find_mentions(sentence: str, entries: Sequence[Indicator], *, traps: str | Path | None = None) -> list[Mention]:
    """Indicator names in a sentence, leftmost-longest, in order; a name inside a longer phrase of the trap list
    (``resources/indicator_name_traps.txt``, or your own file: 人均地区生产总值, 亩均税收, 占地区生产总值 ...) is no
    mention, nor is a name right after 占 (占一般公共预算支出的85%: the whole a share is taken of)."""
    pattern, owner, wild = _pattern(tuple(entries))
    covered = [m.span(1) for m in _traps(str(traps) if traps else None).finditer(sentence)]
    known = {entry.id for entry in entries}
    found = []
    pairs: list[tuple[int, int, str, str, str]] = []
    for name, first, second in _pairs():
        for at in _occurrences(sentence, name):
            if first in known and second in known and not any(a <= at < b for a, b, *_ in pairs):
                pairs.append((at, at + len(name), first, second, name))
    for start, end, first, second, name in pairs:
        found += [Mention(start, end, first, name), Mention(start, end, second, name)]
    for match in pattern.finditer(sentence):
        text = match.group(0)
        if any(a <= match.start() and match.end() <= b and b - a > match.end() - match.start() for a, b in covered):
            continue
        if _SHARE_OF.search(sentence, max(0, match.start() - 4), match.start()):
            continue  # 民生支出占一般公共预算支出的85%: the name of the whole a share is taken of
        if any(a <= match.start() < b for a, b, *_ in pairs):
            continue
        indicator = owner.get(text) or next(i for w, i in wild if w.fullmatch(text))
        found.append(Mention(match.start(), match.end(), indicator, text))
    return sorted(found, key=lambda m: m.start)


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


def pair_names() -> tuple[str, ...]:
    """The names that stand for two indicators (城乡居民收入), from ``resources/indicator_pairs.csv``."""
    return tuple(name for name, _, _ in _pairs())


_SHARE_OF = re.compile(r"占(?:全[国省市县区镇]|本级|同期)?$")


@lru_cache(maxsize=1)
def _pairs() -> tuple[tuple[str, str, str], ...]:
    """Names that stand for two indicators (``resources/indicator_pairs.csv``), longest first."""
    table = read_rule_table("indicator_pairs.csv", Schema(required=("name", "first", "second")))
    rows = ((row["name"], row["first"], row["second"]) for row in table.rows)
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@lru_cache(maxsize=4)
def _traps(path: str | None) -> re.Pattern[str]:
    words = read_word_list(path or "indicator_name_traps.txt", required=("source",)).words
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!)"
    return re.compile(f"(?=({alternation}))")  # a lookahead: overlapping phrases are all found

"""The indicator lexicon and how its names are found in a sentence.

The lexicon (``resources/indicators.csv``; editable, or a researcher's own CSV of the same columns) gives each
indicator a canonical id, a Chinese label, a unit kind (money, count, percent, ratio) and its names separated by
``|``; ``…`` in a name stands for up to 8 characters (规上工业企业…产值). Names are found leftmost-longest, so
规模以上工业增加值 is one name (its 以上 is not a hedge) and 地方财政收入 is not 财政收入.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["Indicator", "Mention", "find_mentions", "lexicon"]


@dataclass(frozen=True)
class Indicator:
    """A lexicon entry: canonical id, Chinese label, unit kind (money, count, percent, ratio) and names."""

    id: str
    label: str
    unit_kind: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """An indicator name found in a sentence (``sentence[start:end] == name``)."""

    start: int
    end: int
    indicator: str
    name: str


def lexicon(path: str | Path | None = None) -> list[Indicator]:
    """The indicator lexicon: the package's ``resources/indicators.csv`` or a CSV of the same columns (``id``,
    ``label``, ``unit_kind``, ``names`` separated by ``|``; ``…`` in a name stands for up to 8 characters).

    Raises:
        FileNotFoundError: no such file. ValueError: a row lacks a column or repeats an id.
    """
    source = Path(path) if path else Path(str(resources.files("govreports") / "resources" / "indicators.csv"))
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    entries, seen = [], set()
    for number, row in enumerate(rows, start=2):
        if not all(row.get(key) for key in ("id", "label", "unit_kind", "names")) or row["id"] in seen:
            raise ValueError(f"{source}:{number}: each row needs a new id, a label, a unit_kind and names")
        seen.add(row["id"])
        entries.append(Indicator(row["id"], row["label"], row["unit_kind"], tuple(row["names"].split("|"))))
    return entries


@lru_cache(maxsize=8)
def _pattern(entries: tuple[Indicator, ...]) -> tuple[re.Pattern[str], dict[str, str], list[tuple[re.Pattern[str], str]]]:
    wildcard, plain, owner = [], [], {}
    for entry in entries:
        for name in entry.names:
            owner[name] = entry.id
            (wildcard if "…" in name else plain).append(name)
    wild = [(re.compile(re.escape(n).replace("…", r"[^\W\d_]{0,8}?")), owner[n]) for n in wildcard]
    parts = [w.pattern for w, _ in wild] + [re.escape(n) for n in sorted(plain, key=len, reverse=True)]
    return re.compile("|".join(parts)), owner, wild


def find_mentions(sentence: str, entries: Sequence[Indicator]) -> list[Mention]:
    """Indicator names in a sentence, leftmost-longest, in order."""
    pattern, owner, wild = _pattern(tuple(entries))
    found = []
    for match in pattern.finditer(sentence):
        text = match.group(0)
        indicator = owner.get(text) or next(i for w, i in wild if w.fullmatch(text))
        found.append(Mention(match.start(), match.end(), indicator, text))
    return found

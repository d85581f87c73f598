"""Resolve the place a report is about: town -> county -> city -> province, with a town-level gazetteer.

The gazetteer is the ``china_location`` table shipped in the ``jionlp`` package (about 43,000 towns,
townships and sub-districts under their counties, cities and provinces, with 6-digit codes for counties
and above). The file is read from the installed package without importing jionlp (whose import prints
banners). It is parsed once per process, on first use.

How a place is resolved (:func:`resolve_place`):

1. Names in the title and the publisher field (full names such as 航埠镇, 诸暨市, 浙江省): the most
   specific level found wins.
2. When they name no place, or an anonymised one (``xxx镇``), the body decides: the level comes from
   the anonymised suffix or from self-references (全镇/我镇 -> town, 全县/我区 -> county, ...), and the
   place of that level mentioned most often (full name or short name such as 衙前) is taken.
3. A name shared by several places (two 航埠镇, two 衙前镇) is disambiguated by how often the title and
   body mention each candidate's county, city and province (short or full names, weights 3/2/1).
   A county or city the body mentions but that is not a parent of the town (店口镇 names 萧山 and 杭州
   but lies in 诸暨) does not move the place: only the town's own parents are scored. Candidates the text does
   not tell apart are returned as ``rivals``: only the parents they share may be filled (:func:`shared_chain`).

Every resolution carries an ``evidence`` string saying which of these steps decided it.

The chain of a place (:func:`chain_of`) follows the country's structure: a town of 儋州 or 中山 (the table's
``市直辖行政区划``) has no county, and a district or town of a municipality (上海市, 天津市, ...) no prefecture-level city;
:func:`structural_gaps` says so for each such empty field.

A text written in traditional characters (栗江鎮, 衡陽) is read in simplified ones for metadata (:func:`simplified`,
jionlp's character table), so that its place names are found in the gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Literal

from govreports.rules.files import jionlp_table, jionlp_table_file
from govreports.runtime.cache import key_of, user_cached
from govreports.runtime.steps import cached_step

if TYPE_CHECKING:
    from ahocorasick_rs import AhoCorasick

__all__ = ["Gazetteer", "Place", "PlaceMatch", "build_gazetteer", "chain_of", "gazetteer", "level_from_text",
           "longest_name_scan", "place_names", "resolve_place", "shared_chain", "structural_gaps"]

Level = Literal["province", "city", "county", "town"]
_LEVELS: tuple[Level, ...] = ("province", "city", "county", "town")
_TOWN_SUFFIX = re.compile(r"(?:民族乡|街道办事处|街道|镇|乡|苏木)$")
_SELF_REFERENCE: dict[Level, str] = {
    "town": r"[全我本该](?:镇|乡|街道)",
    "county": r"[全我本该](?:县|区|旗)(?![委政])",
    "city": r"[全我本该]市(?![委政])",
    "province": r"[全我本该]省(?![委政])",
}
_ANONYMISED = re.compile(r"(?:x{2,}|X{2,}|某|×{2,}|\*{2,}|○{2,})(镇|乡|街道|县|区|市|省)")


@dataclass(frozen=True)
class Place:
    """One administrative unit with its parents (``None`` where the level does not exist)."""

    name: str
    level: Level
    short: str
    county: str | None
    city: str | None
    province: str
    code: str | None


@dataclass(frozen=True)
class PlaceMatch:
    """A resolved place and how it was found; ``rivals`` are places of the same standing that the text does not
    tell apart from ``place`` (empty when it decides)."""

    place: Place
    evidence: str
    rivals: tuple[Place, ...] = ()


_CHAIN_FIELDS = ("county", "city", "province")


def chain_of(place: Place) -> dict[str, str | None]:
    """``county``, ``city`` and ``province`` of a place, the place itself included at its own level; a municipality
    (上海市) is a province, never a city, so its districts and towns have no city."""
    chain: dict[str, str | None] = dict(county=place.name if place.level == "county" else place.county,
                                        city=place.name if place.level == "city" else place.city,
                                        province=place.province)
    if chain["city"] == place.province:
        chain["city"] = None
    return chain


def structural_gaps(place: Place) -> dict[str, str]:
    """For each chain field that ``place`` leaves empty because the level does not exist above it, the reason."""
    chain, gaps = chain_of(place), {}
    rank = {"town": 3, "county": 2, "city": 1, "province": 0}[place.level]
    if chain["county"] is None and rank > 2:
        gaps["county"] = f"{place.city or place.province} has no county level above {place.name}"
    if chain["city"] is None and rank > 1:
        above = chain["county"] or place.name
        gaps["city"] = (f"{place.province} is a municipality: no prefecture-level city" if place.city == place.province
                        else f"{above} is directly under {place.province}: no prefecture-level city")
    return gaps


def shared_chain(places: tuple[Place, ...] | list[Place]) -> dict[str, str | None]:
    """The chain fields on which all ``places`` agree (``None`` where they differ): what a shared name still tells."""
    chains = [chain_of(p) for p in places]
    return {f: chains[0][f] if all(c[f] == chains[0][f] for c in chains) else None for f in _CHAIN_FIELDS}


class Gazetteer:
    """Administrative units by name, with an index for scanning text for any of their names.

    Args:
        places: the units.
        common_words: words too common to count as a short place name (建设, 前进, 红旗 ...): a
            short name in this set is only counted when written in full (建设街道).
    """

    def __init__(self, places: list[Place], common_words: frozenset[str] = frozenset()) -> None:
        self.places = places
        self.by_name: dict[str, list[Place]] = {}
        self.by_short: dict[str, list[Place]] = {}
        for place in places:
            self.by_name.setdefault(place.name, []).append(place)
            common = place.level == "town" and place.short in common_words
            if place.short != place.name and len(place.short) >= 2 and not common:
                self.by_short.setdefault(place.short, []).append(place)
        self.names: tuple[str, ...] = tuple(sorted(name for name in {*self.by_name, *self.by_short} if len(name) >= 2))

    def mentions(self, text: str) -> Counter[str]:
        """Count names (full and short) in ``text``, scanning left to right and taking the longest name
        at each position, so that 店口镇 is not also counted as 口镇 and 衙前镇 not also as 衙前.

        The names are counted in the order they first occur. One Aho-Corasick automaton over all the names
        (leftmost-longest, non-overlapping matches: the same as the scan just described) is built on the first
        call; a text that cannot be written in UTF-8 (a lone surrogate) is scanned position by position instead.

        Raises:
            RuntimeError: the ahocorasick-rs package is not installed.
        """
        try:
            return Counter(self._automaton.find_matches_as_strings(text))
        except UnicodeEncodeError:
            return self._scan(text)

    def named_in(self, text: str) -> list[Place]:
        """Units whose full name occurs in ``text`` (for titles and publisher fields)."""
        found = {p for name in self.mentions(text) for p in self.by_name.get(name, ())}
        return sorted(found, key=_place_order)

    def mentioned(self, counts: Counter[str], level: Level) -> list[Place]:
        """Units of ``level`` whose full or short name has a count in ``counts``."""
        found = {p for name in counts for p in (*self.by_name.get(name, ()), *self.by_short.get(name, ()))}
        return sorted((p for p in found if p.level == level), key=_place_order)

    @cached_property
    def _automaton(self) -> AhoCorasick:
        """The names' automaton (leftmost-longest), built once for the gazetteer, so once per process."""
        try:
            from ahocorasick_rs import AhoCorasick, MatchKind
        except ImportError as error:
            raise RuntimeError("place mentions need the ahocorasick-rs package: pip install ahocorasick-rs==1.0.3"
                               ) from error
        return AhoCorasick(list(self.names), matchkind=MatchKind.LeftmostLongest)

    @cached_property
    def _by_prefix(self) -> dict[str, list[str]]:
        """The names by their first two characters, longest first (for :meth:`_scan`)."""
        index: dict[str, list[str]] = {}
        for name in self.names:
            index.setdefault(name[:2], []).append(name)
        for names in index.values():
            names.sort(key=lambda name: (-len(name), name))
        return index

    def _scan(self, text: str) -> Counter[str]:
        """:meth:`mentions` position by position in Python: the longest name starting at each position."""
        return longest_name_scan(text, self._by_prefix)

    def __getstate__(self) -> dict:
        """Pickled without the automaton (which cannot be pickled) and the prefix index; a copy builds its own on first
        use."""
        return {key: value for key, value in self.__dict__.items() if key not in ("_automaton", "_by_prefix")}


def longest_name_scan(text: str, by_prefix: dict[str, list[str]]) -> Counter[str]:
    """Names found position by position: at each position the longest name starting there (``by_prefix`` maps a
    name's first two characters to the names, longest first), then on after it; the rule the automaton follows."""
    counts: Counter[str] = Counter()
    i, end = 0, len(text) - 1
    while i < end:
        for name in by_prefix.get(text[i : i + 2], ()):
            if text.startswith(name, i):
                counts[name] += 1
                i += len(name)
                break
        else:
            i += 1
    return counts


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, made on first call and kept for the process.

    Parsing jionlp's tables takes 0.45 s; the parsed gazetteer is therefore kept in the user's cache folder
    (:func:`govreports.runtime.cache.user_cache_folder`) and read back in 0.15 s by later processes, as long as jionlp's
    table files (their size and modification time) and the code that parses them are the same.

    Raises:
        RuntimeError: jionlp is not installed or its location table is missing.
    """
    return user_cached("gazetteer", _gazetteer_key(), _parse_gazetteer, Gazetteer)


def _parse_gazetteer() -> Gazetteer:
    return Gazetteer(_parse(_UP_TO_TOWNS.findall(jionlp_table("china_location"))), _common_words())


def _gazetteer_key() -> str:
    """What the parsed gazetteer depends on: jionlp's two tables (path, size, modification time), and this package's
    code and library versions (:func:`govreports.runtime.cache.key_of`)."""
    tables = []
    for stem in ("china_location", "idf"):
        path = jionlp_table_file(stem)
        stat = path.stat()
        tables.append((str(path), stat.st_size, stat.st_mtime_ns))
    return key_of(tables)


def build_gazetteer() -> None:
    """Build :func:`gazetteer` and its automaton now (a worker that will load reports, as it starts)."""
    gazetteer().mentions("")


def resolve_place(title: str | None, text: str, *, publisher: str | None = None) -> PlaceMatch | None:
    """Resolve the place of a report (see the module docstring for the rules).

    Args:
        title: the report title, if any.
        text: the clean text (body).
        publisher: the page's 发布机构 field, if any.

    Returns:
        The match, or ``None`` when neither title nor body identifies a place.
    """
    gaz = gazetteer()
    named_text = " ".join(part for part in (title, publisher) if part)
    named = gaz.named_in(named_text)
    context = gaz.mentions(f"{named_text}\n{text}")
    if named:
        level = max((p.level for p in named), key=_LEVELS.index)
        candidates = [p for p in named if p.level == level]
        source = "title/publisher names " + "/".join(sorted({p.name for p in candidates}))
    else:
        found_level = level_from_text(named_text, text)
        if found_level is None:
            return None
        candidates = [p for p in gaz.mentioned(context, found_level) if _own_score(p, context)[0] > 0]
        if not candidates:
            return None
        source = f"body ({found_level} level)"
    scored = sorted(((*_own_score(p, context), _support(gaz, p, context), p) for p in candidates),
                    key=lambda item: (-(item[0] + item[2][0]), -item[0], _place_order(item[3])))
    own, full, (support, seen), place = scored[0]
    if not named and full == 0 and own < 3:
        return None
    how = f"mentioned {full}x in full, {own - 2 * full}x by short name {place.short}" if not named else ""
    rivals = [item for item in scored[1:] if item[3].name == place.name or not named]
    tied = tuple(item[3] for item in rivals if item[0] + item[2][0] == own + support and item[0] == own)
    if not rivals:
        how = "; ".join(filter(None, [how, "unique in the gazetteer"]))
    elif tied:
        how = "; ".join(filter(None, [how, f"ambiguous: {len(tied) + 1} candidates the text does not tell apart"]))
    else:
        parents = " ".join(seen) or "its own name"
        how = "; ".join(filter(None, [how, f"chosen over {len(rivals)} other(s) by mentions of {parents}"]))
    return PlaceMatch(place, f"{source}; {how}", tied)


@cached_step
def place_names(documents) -> set[str]:
    """Names of the places of a documents table, full and short (航埠镇, 航埠, 柯城区, 柯城, 衢州市, 衢州 ...).

    Used as stop words, so that town names do not dominate word counts or topics. Short names come from the
    gazetteer (a town's name without 镇/乡/街道; the short form of counties, cities and provinces).
    """
    gaz = gazetteer()
    names: set[str] = set()
    for column in ("place", "county", "city", "province"):
        for name in documents[column].dropna().unique():
            names.add(name)
            for unit in gaz.by_name.get(name, ()):
                if len(unit.short) >= 2:
                    names.add(unit.short)
    return names


def level_from_text(named_text: str, text: str) -> Level | None:
    """The level of an anonymised place in the title (xxx镇 -> town), else of the body's self-references
    (全镇/我镇 -> town, 全县/我区 -> county, 全市 -> city, 全省 -> province, at least twice); else ``None``."""
    anonymised = _ANONYMISED.search(named_text)
    if anonymised:
        suffix = anonymised.group(1)
        levels: dict[str, Level] = {"镇": "town", "乡": "town", "街道": "town", "县": "county", "区": "county",
                                    "市": "city"}
        return levels.get(suffix, "province"
        )
    counts = {level: len(re.findall(pattern, text)) for level, pattern in _SELF_REFERENCE.items()}
    level, count = max(counts.items(), key=lambda item: item[1])
    return level if count >= 2 else None


def _place_order(place: Place) -> tuple:
    return (_LEVELS.index(place.level), place.province, place.city or "", place.county or "", place.name)


def _own_score(place: Place, context: Counter[str]) -> tuple[int, int]:
    """(score, full-name mentions): a full name counts twice, a short name once."""
    full = context[place.name]
    short = context[place.short] if place.short != place.name and place.short in gazetteer().by_short else 0
    return 2 * full + short, full


def _support(gaz: Gazetteer, place: Place, context: Counter[str]) -> tuple[int, list[str]]:
    """Mentions of the place's own county (x3), city (x2) and province (x1), full or short names."""
    score, seen = 0, []
    for parent, weight in ((place.county, 3), (place.city, 2), (place.province, 1)):
        if not parent:
            continue
        units = gaz.by_name.get(parent, ())
        names = {parent, *(u.short for u in units if u.short in gaz.by_short)}
        hits = sum(context[name] for name in names)
        if hits:
            score += weight * hits
            seen.append(f"{min(names, key=len)}x{hits}")
    return score, seen


#: The lines of jionlp's location table above the villages (depth 4, 14 in 15 lines), found in one pass.
_UP_TO_TOWNS = re.compile(r"^\t{0,3}[^\t\n].*$", re.MULTILINE)
#: ``word<TAB>idf`` lines of jionlp's IDF table with a word of 2-4 characters and an IDF below 10 (one digit before
#: the point; the table writes every IDF as digits with a point): the candidates of :func:`_common_words`.
_SHORT_WORD_IDF = re.compile(r"^([^\t\n]{2,4})\t(\d(?:\.\d*)?)$", re.MULTILINE)


def _common_words(threshold: float = 9.0) -> frozenset[str]:
    """Words of 2-4 characters whose IDF in jionlp's table is below ``threshold`` (at most 10): common words."""
    if threshold > 10:
        raise ValueError(f"threshold {threshold}: at most 10")
    return frozenset(word for word, idf in _SHORT_WORD_IDF.findall(jionlp_table("idf")) if float(idf) < threshold)


def _parse(lines: list[str]) -> list[Place]:
    """Parse the tab-indented table: province, city, county, town (villages, at depth 4, are skipped)."""
    places: list[Place] = []
    province: str = ""
    city: str | None = None
    county: str | None = None
    for line in lines:
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 3 or not line.strip():
            continue
        parts = line.strip().split("\t")
        name = parts[0]
        code = parts[1] if len(parts) > 1 else None
        short = parts[2] if len(parts) > 2 else name
        if depth == 0:
            province, city, county = name, None, None
            places.append(Place(name, "province", short, None, None, name, code))
        elif depth == 1:
            city = None if name.startswith("省直辖") else name
            county = None
            if city:
                places.append(Place(name, "city", short, None, None, province, code))
        elif depth == 2:
            county = None if name.endswith("直辖行政区划") else name  # towns directly under 儋州, 中山, ...
            if county:
                places.append(Place(name, "county", short, None, city, province, code))
        else:
            short = _TOWN_SUFFIX.sub("", name) or name
            places.append(Place(name, "town", short, county, city, province, None))
    return places

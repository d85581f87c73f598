"""The reading rules of cleaning, metadata, structure and indicator statements, loaded from their data files.

Every rule a researcher may want to change is a file in ``resources/`` (see the README, "Changing the reading
rules"); this module reads and checks them once per process and hands them out compiled:

=====================  ==========================================================================================
file                   what it decides
=====================  ==========================================================================================
``hedges.csv``         hedge words, where they stand (before / after the figure, in the sentence) and their class
``hedge_classes.csv``  the precedence of the classes and their figure labels
``predicates.txt``     the words that may stand between an indicator's name and its figure
``statement_cues.csv`` target, estimate, basis, decrease, entity and jurisdiction cues
``relative_years.csv`` 今年, 明年, 去年 and their offsets from the report year
``units.csv``          currencies, count units and weights with their conversion
``section_cues.csv``   which top-level heading opens the review, the targets or the plan
``document_types.csv`` the report kind named by a title
``layout_cues.csv``    title words, signature organisations, page controls, site chrome, bullets, report lines
``page_labels.txt``    the label fields of disclosure pages (索引号, 发布机构 …)
=====================  ==========================================================================================

A researcher overrides any of them (and any other resource, such as ``indicators.csv``) by putting a file of the
same name in a folder named by the environment variable ``GOVREPORTS_RULES`` (see :func:`govreports.rules.files.locate`);
cached results are keyed by those files' content, so a changed rule is never answered from the cache.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from govreports.rules.files import RuleFileError, Schema, read_rule_table, read_word_list
from govreports.runtime.cache import rules_folder_state

__all__ = ["Hedge", "ReadingRules", "reading_rules"]


def _regex(value: str) -> None:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a regular expression ({error})") from None


def _number(value: str) -> None:
    float(value)


_CLASSES = frozenset({"range", "floor", "ceiling", "aspiration", "approx", "exact", "none"})
_HEDGES = Schema(required=("word", "position", "class"), optional=("pattern",),
                 choices={"position": frozenset({"before", "after", "sentence"}), "class": _CLASSES},
                 checks={"pattern": _regex})
_HEDGE_CLASSES = Schema(required=("class", "rank", "label"), choices={"class": _CLASSES}, checks={"rank": int})
_STATEMENT_CUES = frozenset({"target", "strong_target", "no_target", "estimate", "annual_average", "cumulative",
                             "decrease", "entity", "jurisdiction", "past"})
_LAYOUT_CUES = frozenset({"title_words", "signature_org", "control_line", "site_chrome", "breadcrumb", "bullet",
                          "report_line"})
_RELATIVE_YEARS = Schema(required=("word", "offset"), checks={"offset": int})
_UNITS = Schema(required=("unit", "kind"), optional=("canonical", "factor"),
                choices={"kind": frozenset({"currency", "count", "weight"})}, checks={"factor": _number})
_SECTIONS = Schema(required=("section", "pattern"), choices={"section": frozenset({"targets", "review", "plan"})},
                   checks={"pattern": _regex})
_DOC_TYPES = Schema(required=("pattern", "doc_type"), checks={"pattern": _regex})


@dataclass(frozen=True)
class Hedge:
    """A hedge word: where it is looked for, its class, and for sentence hedges the pattern that finds it."""

    word: str
    position: str
    hedge_class: str
    pattern: re.Pattern[str] | None = None


@dataclass(frozen=True, eq=False)
class ReadingRules:
    """Every reading rule, compiled (see the module docstring for the file behind each field).

    Compared and hashed by identity: :func:`reading_rules` hands out one object per rules folder, so derived
    patterns can be cached per object.
    """

    hedges: tuple[Hedge, ...]
    class_rank: Mapping[str, int]
    class_labels: Mapping[str, str]
    predicates: tuple[str, ...]
    cues: Mapping[str, re.Pattern[str]]
    relative_years: Mapping[str, int]
    currencies: Mapping[str, str]
    weights: Mapping[str, tuple[str, float]]
    count_units: tuple[str, ...]
    sections: Mapping[str, re.Pattern[str]]
    document_types: tuple[tuple[re.Pattern[str], str], ...]
    page_labels: tuple[str, ...]

    def hedge_words(self, position: str) -> tuple[str, ...]:
        """The hedge words looked for at ``position`` (``before``, ``after``), longest first."""
        words = [h.word for h in self.hedges if h.position == position]
        return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))

    def hedge_class_of(self, word: str) -> str | None:
        """The class of a hedge word, or ``None`` for a word that is no hedge (预计)."""
        return next((h.hedge_class for h in self.hedges if h.word == word), None)

    def strongest(self, classes: set[str]) -> str:
        """The class that wins among ``classes`` (``exact`` when there is none)."""
        return min(classes, key=lambda c: self.class_rank[c]) if classes else "exact"

    def cue(self, name: str) -> re.Pattern[str]:
        """A statement or layout cue by name (``target``, ``estimate``, ``title_words`` …)."""
        return self.cues[name]

    @property
    def units_by_length(self) -> tuple[str, ...]:
        """Every currency, weight and count unit, longest first (so 公斤 is read before 斤)."""
        units = [*self.currencies, *self.weights, *self.count_units]
        return tuple(sorted(dict.fromkeys(units), key=len, reverse=True))


def reading_rules() -> ReadingRules:
    """The reading rules in effect: the package's files, or a researcher's copies in ``$GOVREPORTS_RULES``."""
    return _load(rules_folder_state())


@lru_cache(maxsize=8)
def _load(state: object) -> ReadingRules:
    hedge_rows = read_rule_table("hedges.csv", _HEDGES)
    hedges = []
    for row, line in zip(hedge_rows.rows, hedge_rows.lines, strict=True):
        if row["position"] == "sentence" and not row["pattern"]:
            raise RuleFileError(f"{hedge_rows.path}:{line}: a sentence hedge needs a pattern")
        hedges.append(Hedge(row["word"], row["position"], row["class"],
                            re.compile(row["pattern"]) if row["pattern"] else None))
    classes = read_rule_table("hedge_classes.csv", _HEDGE_CLASSES)
    missing = _CLASSES - {row["class"] for row in classes.rows}
    if missing:
        raise RuleFileError(f"{classes.path}: no row for the class(es) {', '.join(sorted(missing))}")
    cues = {**_named_patterns("statement_cues.csv", _STATEMENT_CUES), **_named_patterns("layout_cues.csv", _LAYOUT_CUES)}
    units = read_rule_table("units.csv", _UNITS).rows
    sections = read_rule_table("section_cues.csv", _SECTIONS).rows
    return ReadingRules(
        hedges=tuple(hedges),
        class_rank={row["class"]: int(row["rank"]) for row in classes.rows},
        class_labels={row["class"]: row["label"] for row in classes.rows},
        predicates=read_word_list("predicates.txt").words,
        cues=cues,
        relative_years={row["word"]: int(row["offset"]) for row in read_rule_table("relative_years.csv", _RELATIVE_YEARS).rows},
        currencies={row["unit"]: row["canonical"] for row in units if row["kind"] == "currency"},
        weights={row["unit"]: (row["canonical"], float(row["factor"])) for row in units if row["kind"] == "weight"},
        count_units=tuple(row["unit"] for row in units if row["kind"] == "count"),
        sections={row["section"]: re.compile(row["pattern"]) for row in sections},
        document_types=tuple((re.compile(row["pattern"]), row["doc_type"])
                             for row in read_rule_table("document_types.csv", _DOC_TYPES).rows),
        page_labels=read_word_list("page_labels.txt").words,
    )


def _named_patterns(name: str, known: frozenset[str]) -> dict[str, re.Pattern[str]]:
    """A table of ``cue,pattern`` rows, every cue of ``known`` present once."""
    table = read_rule_table(name, Schema(required=("cue", "pattern"), choices={"cue": known}, checks={"pattern": _regex}))
    found = {row["cue"]: re.compile(row["pattern"]) for row in table.rows}
    missing = known - set(found)
    if missing:
        raise RuleFileError(f"{table.path}: no row for the cue(s) {', '.join(sorted(missing))}")
    return found

"""Quoted slogans (text inside “ ”) and numbered formulations (三服务, 四个意识, 六稳六保, 1433).

Decisions:

- A slogan is the text between “ and ” (or between ASCII double quotes), 2 to 20 characters, without a
  sentence end inside. “六稳”“六保” gives two slogans, 六稳 and 六保. A quoted number followed by a comparison
  (“8000”以下收入农户: cue ``amount_after`` of ``resources/formulation_cues.csv``) is an amount, not a slogan.
- A numbered formulation is a slogan that starts with a Chinese numeral (一 … 十, 百, 千, 两, 双) or
  consists of digits (1433, 5020, 442211) — the way reports name programmes by counting their parts.
- :func:`formulations` counts each numbered formulation where it is quoted, and where it stands unquoted as a
  *token* of a segmenter that knows every formulation found: 三产 inside 一二三产业 (segmented 一二三/产业) and
  六稳 inside 六稳六保 are not occurrences. A number code (1433) unquoted counts only when the next token is a
  word of the cue ``code_head`` (战略, 体系, 工程: 1433战略), so 8000 in 年纳税8000万元以上 is not the code 8000.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from govreports.rules.files import RuleFileError, Schema, read_rule_table
from govreports.runtime.cache import rules_folder_state
from govreports.runtime.steps import cached_step
from govreports.text.segment import Segmenter

__all__ = ["formulation_cues", "formulations", "slogans"]

_QUOTED = re.compile(r"[“\"]([^“”\"。！？\n]{2,20})[”\"]")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十百千两双]|\d+$)")
_CODE = re.compile(r"^\d+$")
_OPENING, _CLOSING = "“\"", "”\""
_CUES = Schema(required=("cue", "words"), choices={"cue": frozenset({"code_head", "amount_after"})})


def formulation_cues() -> dict[str, tuple[str, ...]]:
    """The words of ``formulation_cues.csv`` (or a researcher's copy in ``$GOVREPORTS_RULES``) by cue.

    Raises:
        RuleFileError: a cue missing or unknown; the message names the file and line.
    """
    return _cues(rules_folder_state())


@lru_cache(maxsize=4)
def _cues(state: object) -> dict[str, tuple[str, ...]]:
    table = read_rule_table("formulation_cues.csv", _CUES)
    cues = {row["cue"]: tuple(word for word in row["words"].split("|") if word) for row in table.rows}
    missing = {"code_head", "amount_after"} - set(cues)
    if missing:
        raise RuleFileError(f"{table.path}: no row for the cue(s) {', '.join(sorted(missing))}")
    return cues


@cached_step
def slogans(documents: pd.DataFrame) -> pd.DataFrame:
    """Quoted slogans per report.

    Returns:
        ``doc_id``, ``slogan``, ``count`` (quoted occurrences in the report) and ``numbered`` (True for a
        numbered formulation), sorted by ``doc_id``, count (descending), slogan.
    """
    amounts = formulation_cues()["amount_after"]
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        for match in _QUOTED.finditer(text):
            slogan = match.group(1).strip()
            if slogan and not (_CODE.match(slogan) and text.startswith(amounts, match.end())):
                rows.append((doc_id, slogan))
    table = pd.DataFrame(rows, columns=["doc_id", "slogan"]).value_counts().rename("count").reset_index()
    table["numbered"] = table["slogan"].str.match(_NUMBERED)
    return table.sort_values(["doc_id", "count", "slogan"], ascending=[True, False, True], kind="stable"
                             ).reset_index(drop=True)


@cached_step
def formulations(documents: pd.DataFrame) -> pd.DataFrame:
    """Numbered formulations quoted anywhere in the corpus, counted where they are quoted or stand as a token.

    Returns:
        ``formulation``, ``count`` (occurrences in the whole corpus: quoted, or unquoted as a token, a number code
        only before a ``code_head`` word), ``quoted`` (quoted occurrences) and ``n_docs`` (reports using it),
        sorted by count (descending), then formulation. Empty (with those columns) when nothing is quoted.
    """
    table = slogans(documents)
    numbered = table[table["numbered"]]
    quoted = numbered.groupby("slogan")["count"].sum()
    docs: dict[str, set[str]] = {}
    for formulation, doc_id in zip(numbered["slogan"], numbered["doc_id"], strict=True):
        docs.setdefault(formulation, set()).add(doc_id)
    unquoted: dict[str, int] = {}
    for (formulation, doc_id), count in _unquoted_tokens(documents, tuple(sorted(quoted.index))).items():
        docs.setdefault(formulation, set()).add(doc_id)
        unquoted[formulation] = unquoted.get(formulation, 0) + count
    rows = [(formulation, int(quoted_count) + unquoted.get(formulation, 0), int(quoted_count), len(docs[formulation]))
            for formulation, quoted_count in quoted.items()]
    result = pd.DataFrame(rows, columns=["formulation", "count", "quoted", "n_docs"]).astype(
        {"count": "int64", "quoted": "int64", "n_docs": "int64"})
    return result.sort_values(["count", "formulation"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _unquoted_tokens(documents: pd.DataFrame, names: tuple[str, ...]) -> dict[tuple[str, str], int]:
    """(formulation, doc_id) -> unquoted occurrences as a token; only the lines holding a formulation are segmented."""
    if not names:
        return {}
    heads = set(formulation_cues()["code_head"])
    segmenter = Segmenter(extra_words=names)
    wanted = set(names)
    finder = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    counts: dict[tuple[str, str], int] = {}
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        for line in text.split("\n"):
            if not finder.search(line):
                continue
            tokens = segmenter.tokenize(line)
            for i, (token, start, _) in enumerate(tokens):
                if token not in wanted:
                    continue
                end = start + len(token)
                if start > 0 and line[start - 1] in _OPENING and end < len(line) and line[end] in _CLOSING:
                    continue  # quoted: counted by slogans()
                if _CODE.match(token) and (i + 1 == len(tokens) or tokens[i + 1][0] not in heads):
                    continue
                counts[(token, doc_id)] = counts.get((token, doc_id), 0) + 1
    return counts

"""Quoted slogans (text inside “ ”) and numbered formulations (三服务, 四个意识, 六稳六保, 1433).

Decisions:

- A slogan is the text between “ and ” (or between ASCII double quotes), 2 to 20 characters, without a
  sentence end inside. “六稳”“六保” gives two slogans, 六稳 and 六保.
- A numbered formulation is a slogan that starts with a Chinese numeral (一 … 十, 百, 千, 两, 双) or
  consists of digits (1433, 5020, 442211) — the way reports name programmes by counting their parts.
- :func:`formulations` counts each numbered formulation wherever it occurs in the corpus, quoted or not
  (reports quote 六稳六保 once and then use it bare), as character occurrences in the clean text.
"""

from __future__ import annotations

import re

import pandas as pd

from govreports.runtime.steps import cached_step

__all__ = ["formulations", "slogans"]

_QUOTED = re.compile(r"[“\"]([^“”\"。！？\n]{2,20})[”\"]")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十百千两双]|\d+$)")


@cached_step
def slogans(documents: pd.DataFrame) -> pd.DataFrame:
    """Quoted slogans per report.

    Returns:
        ``doc_id``, ``slogan``, ``count`` (quoted occurrences in the report) and ``numbered`` (True for a
        numbered formulation), sorted by ``doc_id``, count (descending), slogan.
    """
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        for match in _QUOTED.finditer(text):
            slogan = match.group(1).strip()
            if slogan:
                rows.append((doc_id, slogan))
    table = pd.DataFrame(rows, columns=["doc_id", "slogan"]).value_counts().rename("count").reset_index()
    table["numbered"] = table["slogan"].str.match(_NUMBERED)
    return table.sort_values(["doc_id", "count", "slogan"], ascending=[True, False, True], kind="stable"
                             ).reset_index(drop=True)


@cached_step
def formulations(documents: pd.DataFrame) -> pd.DataFrame:
    """Numbered formulations quoted anywhere in the corpus, counted everywhere they occur.

    Returns:
        ``formulation``, ``count`` (occurrences in the whole corpus, quoted or not), ``quoted`` (quoted
        occurrences) and ``n_docs`` (reports using it), sorted by count (descending), then formulation.
        A formulation inside a longer one (六稳 inside 六稳六保) is counted in both.
    """
    table = slogans(documents)
    numbered = table[table["numbered"]]
    quoted = numbered.groupby("slogan")["count"].sum()
    rows = []
    for formulation, quoted_count in quoted.items():
        counts = documents["text"].str.count(re.escape(formulation))
        rows.append((formulation, int(counts.sum()), int(quoted_count), int((counts > 0).sum())))
    result = pd.DataFrame(rows, columns=["formulation", "count", "quoted", "n_docs"])
    return result.sort_values(["count", "formulation"], ascending=[False, True], kind="stable").reset_index(drop=True)

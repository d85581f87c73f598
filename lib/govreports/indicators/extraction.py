"""Extract every indicator statement of a corpus, with its hedge, period and source sentence.

The reading rules for one sentence are in :mod:`govreports.indicators.statements`; the lexicon and name matching in
:mod:`govreports.indicators.lexicon`. This module runs them over the sentences of every report, serially, in worker
processes or on an executor, and caches the table.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import replace
from functools import partial
from pathlib import Path

import pandas as pd

from govreports.corpus.structure import paragraphs as paragraphs_of
from govreports.corpus.structure import sentences as sentences_of
from govreports.indicators.lexicon import Indicator, Mention, _pattern, find_mentions, lexicon, pair_names
from govreports.indicators.records import INDICATOR_COLUMNS, statements_table, typed_table
from govreports.indicators.statements import sentence_statements
from govreports.rules.reading import reading_rules
from govreports.runtime.cache import cached_frame, key_of
from govreports.runtime.parallel import TableRows, map_batches

__all__ = ["INDICATOR_COLUMNS", "Indicator", "Mention", "extract_indicators", "figures_in_sentences", "find_mentions",
           "lexicon", "sentence_statements"]



def extract_indicators(documents: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
                       entries: Sequence[Indicator] | None = None, n_jobs: int = 1,
                       executor: Executor | None = None, cache_dir: str | Path | None = None,
                       batch_size: int = 200, progress_bar: bool | None = None) -> pd.DataFrame:
    """Every indicator statement of every report.

    Args:
        documents: the documents table (its ``report_year``, ``review_period`` and ``plan_period`` resolve years).
        sentences: the sentences table, if already built (then the work runs in this process).
        entries: the lexicon (default :func:`lexicon`).
        n_jobs, executor: extract in worker processes, ``batch_size`` reports at a time
            (see :mod:`govreports.runtime.parallel`).
        cache_dir: keep the table under ``cache_dir/indicators`` keyed by the reports, the lexicon and the code.
        progress_bar: force the progress bar on or off.

    Returns:
        One row per statement with :data:`INDICATOR_COLUMNS`: ``kind`` (level, growth, target_level,
        target_growth), ``period`` ("2019" or "2016-2020"), ``value`` and ``value_high`` (ranges) in ``unit``
        (yuan, usd, percent, pp, or a count unit), ``basis`` (yoy, cumulative, annual_avg; empty for levels),
        ``hedge`` (words joined by ``;``), ``hedge_class`` (range, floor, ceiling, aspiration, approx, exact,
        none), ``is_estimate`` (预计: an estimated result),
        ``scope`` (jurisdiction, entity), ``months`` (e.g. "1-9" for partial years), ``section``, ``name`` (the
        indicator as written), ``sentence``, and ``start``/``end`` of the figure in the clean text. Sorted by
        doc_id and position.
    """
    entries = tuple(entries or lexicon())
    columns = ["doc_id", "text", "report_year", "review_period", "plan_period"]
    if sentences is not None:
        return _statements(documents[columns], sentences, entries)
    items = TableRows.sorted_by(documents, columns, "doc_id")  # made a batch at a time

    def compute() -> pd.DataFrame:
        tables = list(map_batches(partial(_statements_of_batch, entries), items, batch_size=batch_size,
                                  n_jobs=n_jobs, executor=executor, desc="indicators", progress_bar=progress_bar))
        return typed_table(pd.concat(tables, ignore_index=True)) if tables else statements_table([])

    key = ""
    if cache_dir is not None:  # keyed by each report's id, text (hashed) and years, and by the lexicon
        key = key_of([(d, hashlib.sha256(t.encode()).hexdigest(), *rest) for d, t, *rest in items],
                     [repr(e) for e in entries])
    return cached_frame(cache_dir, "indicators", key, compute)


def figures_in_sentences(table: pd.DataFrame, documents: pd.DataFrame) -> bool:
    """True when every statement's ``start:end`` span of its report's clean text lies inside its ``sentence``
    (the audit trail of :func:`extract_indicators` points at the right place)."""
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    return all(texts[d][s:e] in t for d, s, e, t in zip(table["doc_id"], table["start"], table["end"],
                                                           table["sentence"], strict=True))


def _statements_of_batch(entries: tuple[Indicator, ...], batch: list[tuple]) -> pd.DataFrame:
    """Worker: the statements of a batch of ``(doc_id, text, report_year, review_period, plan_period)``."""
    documents = pd.DataFrame(batch, columns=["doc_id", "text", "report_year", "review_period", "plan_period"])
    return _statements(documents, sentences_of(paragraphs_of(documents)), entries)


# 预计全年（下同）: every figure of the paragraph after it is an estimate as well
_SAME_BELOW = re.compile(r"预计[^。；;，,]{0,6}[（(]下同[）)]")

#: A paragraph longer than this is no targets paragraph whose sentences carry a target over (a report without
#: paragraph breaks is one paragraph of many thousand characters).
_TARGETS_PARAGRAPH_MAX = 1200


def _statements(documents: pd.DataFrame, sentences: pd.DataFrame, entries: tuple[Indicator, ...]) -> pd.DataFrame:
    meta = {row[0]: row[1:] for row in documents[["doc_id", "report_year", "review_period", "plan_period"]]
            .itertuples(index=False, name=None)}
    names = _pattern(entries)[0].pattern
    pattern = re.compile(names + "|" + "|".join(map(re.escape, pair_names())))  # 城乡居民收入 names no single indicator
    rows = []
    past = reading_rules().cue("past")
    by_paragraph = sentences.groupby(["doc_id", "paragraph"])
    spans = by_paragraph["end"].max() - by_paragraph["start"].min()
    length = dict(zip(spans.index.tolist(), spans.tolist(), strict=True))  # (doc_id, paragraph) -> characters
    targets_paragraph = None  # (doc_id, paragraph) whose earlier sentence set a target of the plan year
    estimates_paragraph = None  # (doc_id, paragraph) opened by 预计（下同）: its later results are estimates too
    # columns as lists: iterating a Series of strings yields one element at a time, ten times slower
    for doc_id, paragraph, text, section, heading, start in zip(
            *(sentences[name].tolist() for name in ("doc_id", "paragraph", "text", "section", "heading_path", "start")),
            strict=True):
        if not pattern.search(text):
            continue
        report_year, review, plan = meta[doc_id]
        # the sentences after a target sentence of the same paragraph (今年，国内生产总值增长8.5%。…全部财政收入增长7.1%…)
        # state targets too, unless they speak of the past (去年, 同比, 预计 …)
        if (doc_id, paragraph) == targets_paragraph and section in ("plan", "other"):
            if past.search(text):
                targets_paragraph = None  # the targets end where the paragraph turns to the past
            else:
                section = "targets"
        found = sentence_statements(text, entries, section=section, report_year=_int(report_year), review=review,
                                    plan=plan, heading=heading)
        if (section != "review" and length[doc_id, paragraph] <= _TARGETS_PARAGRAPH_MAX
                and any(s.is_target and s.value is not None and not s.months for s in found)):
            targets_paragraph = (doc_id, paragraph)
        if (doc_id, paragraph) == estimates_paragraph:
            found = [replace(s, is_estimate=True) if not s.is_target else s for s in found]
        elif _SAME_BELOW.search(text):
            estimates_paragraph = (doc_id, paragraph)
        rows += [statement.row(doc_id, text, start) for statement in found]
    table = statements_table(rows)
    # a body repeated on the page (scrapes repeat it two to six times) states every figure again: keep the first
    repeated = table.duplicated(["doc_id", "indicator", "kind", "period", "value", "value_high", "hedge", "name",
                                 "sentence"], keep="first")
    return table[~repeated].reset_index(drop=True)


def _int(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[call-overload]

"""Precision and recall of ``extract_indicators`` against the hand-coded statement gold of real reports.

The gold (``bench/statement_gold.csv``) lists, for each of 35 reports of ``../shared/devcorpus/raw/`` (national
1979-2008, provinces, cities, districts and counties 2001-2026), every statement of a lexicon indicator of the
jurisdiction in the report's main-targets paragraph and in its headline review paragraph, coded by hand from the text
alone (never from this tool's output) under the conventions of ``bench/statement_gold_conventions.md``.

Scope: a gold paragraph is the clean-text paragraph(s) holding the gold rows' source sentences (found after the
same character normalisation as cleaning, ignoring whitespace; a sentence found twice is taken where it is nearest
the other sentences of its passage). In a report without paragraph breaks (a paragraph over ``LONG_PARAGRAPH``
characters) the passage runs from the first to the last of its gold sentences. Only extracted statements of the jurisdiction
(``scope`` ``jurisdiction``: the gold codes no firm's or zone's figures) whose figure lies in those paragraphs are
scored, so the two tables cover the same text.

Match: same report, indicator, kind, period, value (relative tolerance 5e-4; both empty for ``none`` rows),
value_high and hedge class; each extracted statement matches at most one gold row. Precision = matched extracted /
extracted in scope; recall = matched gold / gold rows.

Run from the project root (needs ``../shared``):

    .venv/bin/python bench/statements.py            # summary, misses and false positives
    .venv/bin/python bench/statements.py --quiet    # summary only
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import pandas as pd

from govreports import load_corpus
from govreports.chinese.chars import normalise_chars
from govreports.corpus.structure import paragraphs as paragraphs_of
from govreports.indicators.extraction import extract_indicators

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "statement_gold.csv"
RAW = ROOT.parent / "shared" / "devcorpus" / "raw"
_SPACE = re.compile(r"\s+")
#: a clean-text paragraph longer than this (a report without paragraph breaks) is scored only from the sentence
#: before the passage's first gold sentence to the end of its last one
LONG_PARAGRAPH = 3000


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Normalised text without whitespace, and for each kept character its offset in ``text``."""
    kept, offsets = [], []
    for index, ch in enumerate(text):
        if ch.isspace():
            continue
        kept.append("." if ch == "．" else normalise_chars(ch) or ch)
        offsets.append(index)
    return "".join(kept), offsets


def _close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= 5e-4 * max(abs(a), abs(b), 1e-9)


def _hedge_class(row: pd.Series) -> str:
    return "none" if row["kind"] == "none" else str(row["hedge_class"])


def _positions(sentences, squeezed: str, doc_id: str, missing: list) -> list[int]:
    """Where each gold sentence of one passage stands in the squeezed text. A sentence found more than once
    (城镇调查失业率控制在5.5%以内 in the review and in the targets) is taken where it is nearest the passage's
    sentences found once."""
    found = {}
    for sentence in sentences:
        needle, _ = _squeeze(str(sentence))
        hits = [m.start() for m in re.finditer(re.escape(needle), squeezed)]
        if hits:
            found[sentence] = hits
        else:
            missing.append((doc_id, sentence))
    unique = [h[0] for h in found.values() if len(h) == 1]
    if not unique:
        return [h[0] for h in found.values()]
    return [min(h, key=lambda p: min(abs(p - u) for u in unique)) for h in found.values()]


def score(gold: pd.DataFrame, extracted: pd.DataFrame, documents: pd.DataFrame) -> dict[str, object]:
    """Scope, match and count (see the module docstring)."""
    paragraphs = paragraphs_of(documents)
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    in_scope = []
    missing_sentences = []
    for doc_id, rows in gold.groupby("doc_id", sort=True):
        squeezed, offsets = _squeeze(texts[doc_id])
        spans = set()
        for _, group in rows.groupby("paragraph", sort=True):
            found = _positions(group["sentence"].dropna().unique(), squeezed, doc_id, missing_sentences)
            for start in found:
                start = offsets[start]
                own = paragraphs[(paragraphs["doc_id"] == doc_id) & (paragraphs["start"] <= start)
                                 & (paragraphs["end"] > start)]
                for a, b in zip(own["start"], own["end"], strict=True):
                    if b - a > LONG_PARAGRAPH and found:  # no paragraph breaks: the passage's own sentences
                        text = texts[doc_id]
                        first, last = offsets[min(found)], offsets[max(found)]
                        a = max(text.rfind(c, a, first) for c in "。；;") + 1 if first > a else a
                        ends = [i for i in (text.find(c, last, b) for c in "。；;") if i >= 0]
                        b = min(ends) + 1 if ends else b
                    spans.add((a, b))
        mine = extracted[(extracted["doc_id"] == doc_id) & (extracted["scope"] == "jurisdiction")]
        keep = mine[[any(s <= a < e for s, e in spans) for a in mine["start"]]]
        in_scope.append(keep)
    scoped = pd.concat(in_scope, ignore_index=True) if in_scope else extracted.iloc[0:0]
    used: set[int] = set()
    found = []
    for _, want in gold.iterrows():
        hit = None
        for index, got in scoped.iterrows():
            if index in used or got["doc_id"] != want["doc_id"] or got["indicator"] != want["indicator"]:
                continue
            kind = "target_growth" if want["kind"] == "none" else want["kind"]
            if (got["kind"] == kind and str(got["period"]) == str(want["period"])
                    and _close(float(got["value"]), float(want["value"]))
                    and _close(float(got["value_high"]), float(want["value_high"]))
                    and got["hedge_class"] == _hedge_class(want)):
                hit = index
                break
        found.append(hit)
        if hit is not None:
            used.add(hit)
    gold = gold.assign(found=[h is not None for h in found])
    scoped = scoped.assign(matched=[i in used for i in scoped.index])
    return dict(gold=gold, scoped=scoped, missing=missing_sentences,
                precision=scoped["matched"].mean() if len(scoped) else float("nan"),
                recall=gold["found"].mean() if len(gold) else float("nan"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print the summary only")
    parser.add_argument("--gold", type=Path, default=GOLD,
                        help="the gold table (default bench/statement_gold.csv; bench/statement_gold_holdout.csv: the "
                             "10 reports coded after the reading rules were written, never used to tune them)")
    args = parser.parse_args()
    if not RAW.is_dir():
        print(f"bench/statements.py: {RAW}: the development corpus is not there", file=sys.stderr)
        return 2
    gold = pd.read_csv(args.gold, dtype={"period": str}, keep_default_na=False, na_values={"value": [""], "value_high": [""]})
    gold = gold[gold["kind"] != "none_found"].copy()
    gold["doc_id"] = gold["file"].str.removesuffix(".txt")
    gold["value"] = pd.to_numeric(gold["value"], errors="coerce")
    gold["value_high"] = pd.to_numeric(gold["value_high"], errors="coerce")
    documents = load_corpus(sorted(RAW / f for f in gold["file"].unique()), errors="raise", progress_bar=False)
    extracted = extract_indicators(documents, progress_bar=False)
    result = score(gold, extracted, documents)
    scoped, gold = result["scoped"], result["gold"]
    print(f"statement gold: {len(gold)} rows in {gold['doc_id'].nunique()} reports "
          f"({(gold['paragraph'] == 'targets').sum()} in targets paragraphs, {(gold['paragraph'] == 'review').sum()} in "
          f"headline review paragraphs)")
    print(f"extracted statements in those paragraphs: {len(scoped)}")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    for label, table in (("targets", gold[gold["paragraph"] == "targets"]), ("review", gold[gold["paragraph"] == "review"])):
        print(f"  recall in {label} paragraphs: {table['found'].mean():.3f} ({table['found'].sum()}/{len(table)})")
    if args.quiet:
        return 0
    for doc_id, sentence in result["missing"]:
        print(f"  gold sentence not found in the clean text: {doc_id}: {sentence}")
    columns = ["doc_id", "indicator", "kind", "period", "value", "value_high", "hedge_class", "sentence"]
    print("\nmissed gold rows:")
    for row in gold[~gold["found"]][columns].itertuples(index=False):
        print("  ", " | ".join(str(v)[:60] for v in row))
    print("\nextracted statements that match no gold row:")
    for row in scoped[~scoped["matched"]][columns].itertuples(index=False):
        print("  ", " | ".join(str(v)[:60] for v in row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Town-level metadata on the 40 real town excerpts: each field right, empty with a reason, or wrong.

Issue 11 asks that the town, county, city and province of the town excerpts be "right (or left empty with a reason)"
for at least 95% of them, and the year likewise. ``../shared/devcorpus/evaluate.py`` counts an empty field as a miss;
this script scores each field three ways against ``../shared/devcorpus/town_gold.csv``:

- **right**: the value equals the gold's (full names: 鹅湖镇, 铅山县, 上饶市, 江西省; the year is ``report_year``, the
  year of the title, else of delivery, and no plan-year leniency). Where the gold is empty (a town of 儋州 has no
  county, a municipality's town no city, a report that states no year) only an empty field is right.
- **empty with a reason**: the gold has a value, ours is empty and ``sources`` says why (``place_missing``,
  ``county_missing``, ``city_missing``, ``province_missing``, ``report_year_missing``), e.g. a town name shared by
  places the text does not tell apart.
- **wrong**: any other value, or an empty field without a reason.

The place chain of an excerpt (town, county, city, province) is right or empty with a reason when each of its four
fields is. The shares printed last are the issue's measure: "right or empty with a reason" for the chain and for the
year (and, for comparison, "right" alone).

Run from the project root (needs ``../shared``; about 5 s):

    .venv/bin/python bench/towns.py                 # load the excerpts with the package
    .venv/bin/python bench/towns.py --docs town.csv # score a documents table written by `govreports corpus`
    .venv/bin/python bench/towns.py --quiet         # the counts only, not each excerpt that is not right
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
TOWNS = DEVCORPUS / "town"
GOLD = DEVCORPUS / "town_gold.csv"

#: (field, column of the documents table, column of the gold, key of the reason in ``sources``)
FIELDS = [
    ("town", "place", "town", "place_missing"),
    ("county", "county", "county", "county_missing"),
    ("city", "city", "city", "city_missing"),
    ("province", "province", "province", "province_missing"),
    ("year", "report_year", "report_year", "report_year_missing"),
]
CHAIN = ("town", "county", "city", "province")
RIGHT, EMPTY, WRONG = "right", "empty with a reason", "wrong"


def _value(x: object) -> str:
    """A cell as text: ``""`` for missing values, years without ``.0``."""
    if x is None or (isinstance(x, float) and pd.isna(x)) or x is pd.NA:
        return ""
    text = str(x).strip()
    return "" if text in ("nan", "<NA>", "None") else text.removesuffix(".0")


def verdict(have: str, want: str, reason: str) -> str:
    """``right``, ``empty with a reason`` or ``wrong`` for one field (see the module docstring)."""
    if have == want:
        return RIGHT
    if not have and want and reason:
        return EMPTY
    return WRONG


def score(documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per excerpt: for each field the value, the gold's and the verdict, and the reason when empty."""
    docs = documents.set_index(documents["doc_id"].astype(str))
    rows = []
    for _, g in gold.iterrows():
        doc = Path(g["file"]).stem
        r = docs.loc[doc] if doc in docs.index else pd.Series(dtype=object)
        sources = json.loads(_value(r.get("sources")) or "{}")
        row = {"doc": doc}
        for field, column, gold_column, reason_key in FIELDS:
            have, want = _value(r.get(column)), _value(g[gold_column])
            reason = sources.get(reason_key, "") if not have else ""
            row[field], row[f"{field}_gold"], row[f"{field}_reason"] = have, want, reason
            row[f"{field}_verdict"] = verdict(have, want, reason)
        verdicts = {row[f"{f}_verdict"] for f in CHAIN}
        row["chain_verdict"] = WRONG if WRONG in verdicts else EMPTY if EMPTY in verdicts else RIGHT
        rows.append(row)
    return pd.DataFrame(rows)


def report(table: pd.DataFrame, quiet: bool = False) -> None:
    n = len(table)
    print(f"town excerpts: {n} ({GOLD.name})")
    print(f"  {'field':<9} {RIGHT:>6} {EMPTY:>20} {WRONG:>6}")
    for field in [f for f, *_ in FIELDS] + ["chain"]:
        counts = table[f"{field}_verdict"].value_counts()
        print(f"  {field:<9} {counts.get(RIGHT, 0):>6} {counts.get(EMPTY, 0):>20} {counts.get(WRONG, 0):>6}")
    if not quiet:
        for _, row in table.iterrows():
            for field in [f for f, *_ in FIELDS]:
                if row[f"{field}_verdict"] == RIGHT:
                    continue
                note = f" ({row[f'{field}_reason'][:110]})" if row[f"{field}_reason"] else ""
                print(f"    {row[f'{field}_verdict']:<20} {row['doc']:<16} {field:<8} "
                      f"{row[field] or '(empty)'} / gold {row[f'{field}_gold'] or '(empty)'}{note}")
    for label, column in (("place chain", "chain_verdict"), ("year", "year_verdict")):
        ok = table[column].isin([RIGHT, EMPTY]).sum()
        right = (table[column] == RIGHT).sum()
        print(f"{label:<12} right or empty with a reason {ok:>3}/{n} {ok / n:6.1%}   (right {right}/{n} {right / n:6.1%})")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", help="a documents CSV of the excerpts (`govreports corpus ../shared/devcorpus/town`)")
    ap.add_argument("--quiet", action="store_true", help="counts and shares only")
    a = ap.parse_args(argv)
    if not GOLD.exists():
        sys.exit(f"bench/towns.py: {GOLD} not found (the development corpus is outside the repository)")
    if a.docs:
        documents = pd.read_csv(a.docs, dtype=str, keep_default_na=False)
    else:
        from govreports import load_corpus

        documents = load_corpus(TOWNS, progress_bar=False)
    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    report(score(documents, gold), a.quiet)


if __name__ == "__main__":
    main()

"""Benchmark: precision and recall of indicator extraction on the gold table of the sample reports.

Matching as in :mod:`govreports.indicators.evaluation`: same doc, indicator, kind, period, value (4 significant digits), basis
and hedge. Precision counts the extracted jurisdiction-scope rows: each must match a gold row (the gold lists every
such statement of the samples; firm-level rows are not in it).

    .venv/bin/python bench/indicators.py [--gold tests/fixtures/seed_indicators.csv] [--show]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from govreports import load_corpus
from govreports.indicators.evaluation import evaluate
from govreports.indicators.extraction import extract_indicators

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "fixtures" / "seed_indicators.csv")
    parser.add_argument("--show", action="store_true", help="print the missed and extra rows")
    args = parser.parse_args()
    gold = pd.read_csv(args.gold, dtype={"period": str, "basis": str, "hedge": str}, keep_default_na=False)
    gold["value"] = gold["value"].astype(float)
    started = time.perf_counter()
    documents = load_corpus(ROOT / "data" / "raw", progress_bar=False)
    extracted = extract_indicators(documents)
    seconds = time.perf_counter() - started
    result = evaluate(extracted, gold)
    print(f"gold rows {len(result.matched) + len(result.missed)}, extracted jurisdiction rows "
          f"{len(result.matched) + len(result.extra)}, firm-level rows {int((extracted['scope'] == 'entity').sum())}")
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}  ({seconds:.1f} s for load and extraction)")
    if args.show:
        for title, keys in (("missed", result.missed), ("extra", result.extra)):
            for key in sorted(keys, key=str):
                print(f"{title}: {key}")


if __name__ == "__main__":
    main()

"""Time the command line's CSV writer (pyarrow, ``govreports.runtime.tables.write_csv``) against the one it replaced
(pandas ``to_csv(..., encoding="utf-8-sig")``) on the keyword table of a corpus (doc_id, term, count), and check
that both files read back as the same table.

    .venv/bin/python bench/bootstrap.py 1000 --out data/interim/bootstrap-1000
    .venv/bin/python bench/csv_writers.py data/interim/bootstrap-1000 [--repeat 5]

The table is made as ``govreports keywords`` makes it (place names as stop words and extra words, general stop
words), with the token cache in data/interim. Prints the rows, the best of ``--repeat`` wall times of each writer,
and the file sizes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from govreports import load_corpus
from govreports.corpus.places import place_names
from govreports.keywords.frequencies import term_frequencies
from govreports.runtime.tables import write_csv, write_parquet_file
from govreports.text.segment import Segmenter, stopwords
from govreports.text.tokens import iter_tokens

ROOT = Path(__file__).resolve().parents[1]


def keyword_table(corpus: Path, cache: Path, n_jobs: int) -> pd.DataFrame:
    documents = load_corpus(corpus, cache_dir=cache, n_jobs=n_jobs, progress_bar=False)
    places = place_names(documents)
    stop = stopwords(("general",), extra=places)
    tokens = iter_tokens(documents, Segmenter(extra_words=places), cache_dir=cache, n_jobs=n_jobs, progress_bar=False)
    return pd.concat([term_frequencies(batch, stopwords=stop)[["doc_id", "term", "count"]] for batch in tokens],
                     ignore_index=True)


def best_of(repeat: int, write: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        write()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache", type=Path, default=ROOT / "data" / "interim")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--n-jobs", type=int, default=2)
    args = parser.parse_args()
    table = keyword_table(args.corpus, args.cache, args.n_jobs)
    print(f"keyword table: {len(table):,} rows, {table['doc_id'].nunique():,} reports, "
          f"{table['term'].nunique():,} distinct terms")
    with tempfile.TemporaryDirectory() as folder:
        pandas_csv, arrow_csv, parquet = (Path(folder) / name for name in ("pandas.csv", "arrow.csv", "x.parquet"))
        results = {
            "pandas to_csv (utf-8-sig)": best_of(args.repeat, lambda: table.to_csv(pandas_csv, index=False,
                                                                                   encoding="utf-8-sig")),
            "pyarrow CSV writer (write_csv)": best_of(args.repeat, lambda: write_csv(table, arrow_csv)),
            "pyarrow Parquet, zstd (write_parquet_file)": best_of(args.repeat,
                                                                 lambda: write_parquet_file(table, parquet)),
        }
        sizes = [pandas_csv.stat().st_size, arrow_csv.stat().st_size, parquet.stat().st_size]
        same = pd.read_csv(pandas_csv, dtype={"doc_id": str, "term": str}).equals(
            pd.read_csv(arrow_csv, dtype={"doc_id": str, "term": str}))
    print(f"best of {args.repeat}:")
    for (name, seconds), size in zip(results.items(), sizes, strict=True):
        print(f"  {name:45s} {seconds:6.2f} s  {size / 2**20:7.1f} MiB")
    first, second = list(results.values())[:2]
    print(f"pyarrow CSV is {first / second:.1f} times as fast; the two CSV files read back equal: {same}")


if __name__ == "__main__":
    main()

"""Benchmark: the whole pipeline on a bootstrap corpus, stage by stage, against plain jieba.

Stages (each timed, with characters per second of clean text and the peak memory of this process and its worker
processes during the stage, two ways: RSS summed over the processes, which counts a page shared by several processes
(the modules and gazetteer that workers forked from the fork server share with it) once in each; and PSS, which
divides a shared page among the processes sharing it, so that the sum is the memory the run takes):

1. load + clean + structure: ``load_corpus`` (workers), paragraphs and sentences tables;
2. segmentation: ``iter_tokens`` (rjieba backend, workers), token batches written to the Parquet cache;
3. keyword tables: term frequencies, TF-IDF-ready counts and five attention indices, streamed from the cache;
4. topic model: the paragraph document-term matrix, streamed from the cache, and one NMF fit (K = 10);
5. indicator extraction: ``extract_indicators`` (workers).

Baseline, in the same run: ``jieba.lcut`` (global tokenizer, default dictionary, HMM on) over the same clean
texts, in one process. Check, in the same run: the tokens of the default (rjieba) backend equal those of the
Python jieba backend loaded with the same dictionary, on the whole corpus.

    .venv/bin/python bench/bootstrap.py 10000
    .venv/bin/python bench/pipeline.py data/interim/bootstrap-10000 [--n-jobs 2]

The cache goes to a fresh temporary folder, so every stage computes (no result is read from an earlier run).
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from govreports import load_corpus
from govreports.corpus import structure
from govreports.corpus.places import place_names
from govreports.indicators.extraction import extract_indicators
from govreports.keywords import attention
from govreports.keywords import frequencies as keywords
from govreports.text.segment import Segmenter, stopwords
from govreports.text.tokens import TOKEN_COLUMNS, iter_tokens
from govreports.topics import models as topics


def _memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in KiB; zeros for a process that has ended."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found + [g for c in found for g in _children(c)]


class Peak:
    """Samples the memory of this process plus its children every 50 ms: peak RSS and peak PSS summed over them."""

    def __init__(self) -> None:
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pid = os.getpid()
            rss, pss = zip(*(_memory_kib(p) for p in [pid, *_children(pid)]), strict=True)
            self.peak = max(self.peak, sum(rss))
            self.peak_pss = max(self.peak_pss, sum(pss))
            time.sleep(0.05)

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


RESULTS: list[tuple[str, float, float, float, float]] = []


@contextmanager
def stage(name: str, chars: int):
    started = time.perf_counter()
    with Peak() as peak:
        yield
    seconds = time.perf_counter() - started
    RESULTS.append((name, seconds, chars / seconds, peak.peak / 1024, peak.peak_pss / 1024))
    print(f"  {name:<30} {seconds:8.1f} s {chars / seconds / 1e6:8.2f} M chars/s {peak.peak / 1024:8.0f} MiB RSS "
          f"{peak.peak_pss / 1024:6.0f} MiB PSS", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--skip-check", action="store_true", help="skip the whole-corpus backend comparison")
    args = parser.parse_args()
    cache = Path(tempfile.mkdtemp(prefix="govreports-bench-"))
    jobs = args.n_jobs
    files = sorted(p for p in args.corpus.rglob("*.txt"))
    print(f"corpus {args.corpus}: {len(files)} files; n_jobs={jobs}; cache {cache}", flush=True)
    total_start = time.perf_counter()

    with stage("load + clean + structure", sum(p.stat().st_size for p in files) // 3):
        documents = load_corpus(args.corpus, n_jobs=jobs, progress_bar=False)
        paragraphs = structure.paragraphs(documents)
        sentences = structure.sentences(paragraphs)
    chars = int(documents["n_chars"].sum())
    print(f"  {len(documents)} reports, {chars:,} characters, {len(paragraphs):,} paragraphs, "
          f"{len(sentences):,} sentences", flush=True)
    del sentences

    places = place_names(documents)
    dictionaries = [attention.load_dictionary(name) for name in attention.SHIPPED]
    segmenter = Segmenter(extra_words=places | attention.dictionary_words(dictionaries))
    stop = stopwords(["general", "boilerplate"], extra=places)

    def token_batches():
        return iter_tokens(documents, segmenter, cache_dir=cache, n_jobs=jobs, progress_bar=False)

    with stage("segmentation", chars):
        n_tokens = sum(len(batch) for batch in token_batches())
    print(f"  {n_tokens:,} tokens", flush=True)

    with stage("keyword tables", chars):
        frequencies = keywords.term_frequencies(token_batches(), stopwords=stop)
        index = attention.attention(token_batches(), dictionaries)
    print(f"  {len(frequencies):,} document-term rows; {len(index):,} attention rows", flush=True)
    del frequencies, index

    with stage("topic model (NMF, K=10)", chars):
        dtm = topics.document_term_matrix(token_batches(), documents, paragraphs, stopwords=stop, min_df=5)
        model = topics.fit(dtm, 10, kind="nmf", seed=0)
    print(f"  matrix {dtm.counts.shape[0]:,} x {dtm.counts.shape[1]:,}; mean NPMI {model.coherence.mean():.3f}",
          flush=True)
    del dtm, model, paragraphs

    with stage("indicator extraction", chars):
        table = extract_indicators(documents, n_jobs=jobs, progress_bar=False)
    print(f"  {len(table):,} statements", flush=True)

    pipeline_seconds = time.perf_counter() - total_start
    peak = max(r[3] for r in RESULTS)
    peak_pss = max(r[4] for r in RESULTS)

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = documents["text"].tolist()
    started = time.perf_counter()
    baseline_tokens = sum(len(jieba.lcut(text)) for text in texts)
    baseline = time.perf_counter() - started
    segmentation = next(r for r in RESULTS if r[0] == "segmentation")
    print(f"  {'baseline jieba.lcut (1 process)':<30} {baseline:8.1f} s {chars / baseline / 1e6:8.2f} M chars/s"
          f"  ({baseline_tokens:,} tokens)")

    print()
    print(f"pipeline total: {pipeline_seconds:.1f} s (limit 600 s); peak RSS {peak:.0f} MiB (limit 4096 MiB), "
          f"peak PSS {peak_pss:.0f} MiB")
    print(f"segmentation speed-up over jieba.lcut: {baseline / segmentation[1]:.1f}x (target 5x)")

    if not args.skip_check:
        python_backend = Segmenter(extra_words=places | attention.dictionary_words(dictionaries), backend="jieba")
        same = True
        started = time.perf_counter()
        for fast in token_batches():  # from the cache written by the rjieba backend
            ids = set(fast["doc_id"])
            subset = documents[documents["doc_id"].isin(ids)]
            # the Python original, cut paragraph by paragraph: every column (the reports were cut whole by jieba-rs)
            slow = python_backend.tokens_table(structure.paragraphs(subset))
            slow = slow.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
            same &= len(fast) == len(slow) and all(
                np.array_equal(fast[column].to_numpy(), slow[column].to_numpy()) for column in TOKEN_COLUMNS)
        print(f"tokens identical to the Python jieba backend, cut paragraph by paragraph, on all {len(documents)} "
              f"reports (every column): {same} ({time.perf_counter() - started:.0f} s to check)")


if __name__ == "__main__":
    main()

"""Worker processes and executors give the same results as the serial run."""

from __future__ import annotations

import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

from govreports import load_corpus
from govreports.corpus import structure
from govreports.corpus.load import files_report
from govreports.indicators.extraction import extract_indicators
from govreports.keywords import attention
from govreports.keywords import frequencies as keywords
from govreports.runtime.parallel import TableRows, map_batches, workers
from govreports.text.segment import Segmenter
from govreports.text.tokens import corpus_tokens, iter_tokens
from govreports.topics import models as topics
from tests.conftest import RAW


def _double(batch: list[int]) -> list[int]:
    return [2 * x for x in batch]


def test_map_batches_keeps_order_with_a_thread_pool() -> None:
    with ThreadPoolExecutor(2) as pool:
        result = list(map_batches(_double, list(range(25)), batch_size=3, executor=pool, progress_bar=False))
    assert [x for batch in result for x in batch] == [2 * x for x in range(25)]
    assert workers(-1) >= 1 and workers(3) == 3


class _CountingPool(ThreadPoolExecutor):
    """A thread pool that records how many submitted futures were not yet consumed at each submit."""

    def __init__(self) -> None:
        super().__init__(1)
        self.submitted = 0

    def submit(self, fn, /, *args, **kwargs):
        self.submitted += 1
        return super().submit(fn, *args, **kwargs)


def test_in_flight_bounds_the_batches_submitted_ahead() -> None:
    with _CountingPool() as pool:
        stream = map_batches(_double, list(range(40)), batch_size=1, executor=pool, progress_bar=False, in_flight=5)
        assert next(stream) == [0]
        assert pool.submitted == 5  # five submitted, one consumed: the rest wait for the consumer
        assert [x for batch in stream for x in batch] == [2 * x for x in range(1, 40)]


class _Cluster:
    """Stands in for a dask client: a cluster of two workers with 3 and 5 threads."""

    def nthreads(self) -> dict[str, int]:
        return {"tcp://10.0.0.1:40000": 3, "tcp://10.0.0.2:40000": 5}


class _ClusterPool(Executor):
    """An executor that, like dask's ``Client.get_executor()``, has no ``max_workers`` and tells its workers only
    through its client; it runs the work in one thread and counts the batches submitted."""

    _client = _Cluster()

    def __init__(self) -> None:
        self.threads = ThreadPoolExecutor(1)
        self.submitted = 0

    def submit(self, fn, /, *args, **kwargs):
        self.submitted += 1
        return self.threads.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.threads.shutdown(wait, cancel_futures=cancel_futures)


def test_an_executor_on_a_cluster_gets_two_batches_per_cluster_thread() -> None:
    with _ClusterPool() as pool:
        stream = map_batches(_double, list(range(40)), batch_size=1, executor=pool, progress_bar=False)
        assert next(stream) == [0]
        assert pool.submitted == 16  # 2 × (3 + 5) threads, not 2 × the local cores
        assert [x for batch in stream for x in batch] == [2 * x for x in range(1, 40)]


@pytest.fixture(scope="module")
def pool():
    with ProcessPoolExecutor(2) as executor:
        yield executor


def test_process_pool_gives_identical_documents(documents, pool) -> None:
    parallel = load_corpus(RAW, executor=pool, progress_bar=False)
    assert parallel.equals(documents)
    assert files_report(parallel).equals(files_report(documents))


def test_process_pool_gives_identical_tokens_and_indicators(documents, pool) -> None:
    segmenter = Segmenter()
    serial = corpus_tokens(documents, segmenter, batch_size=2)
    parallel = corpus_tokens(documents, segmenter, batch_size=2, executor=pool)
    assert parallel.equals(serial) and len(serial) > 10_000
    assert extract_indicators(documents, executor=pool, batch_size=2).equals(extract_indicators(documents))


def test_n_jobs_starts_and_closes_its_own_pool(documents) -> None:
    table = extract_indicators(documents, n_jobs=2, batch_size=3)
    assert table.equals(extract_indicators(documents))


def test_counts_of_cached_token_batches_made_in_worker_processes(documents, pool, tmp_path) -> None:
    """Term frequencies, attention and the topic matrix counted in worker processes, from batches segmented there and
    then from batches read there from the cache, equal those of the whole token table counted here."""
    dictionaries = [attention.load_dictionary(name) for name in attention.SHIPPED]
    segmenter = Segmenter(extra_words=attention.dictionary_words(dictionaries))
    whole = corpus_tokens(documents, segmenter)
    paragraphs = structure.paragraphs(documents)
    expected = (keywords.term_frequencies(whole), attention.attention(whole, dictionaries),
                topics.document_term_matrix(whole, documents, paragraphs))

    def batches():
        return iter_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2, executor=pool)

    for _ in ("segmented", "cached"):
        assert keywords.term_frequencies(batches()).equals(expected[0])
        assert attention.attention(batches(), dictionaries).equals(expected[1])
        dtm = topics.document_term_matrix(batches(), documents, paragraphs)
        assert (dtm.counts != expected[2].counts).nnz == 0 and dtm.units.equals(expected[2].units)
    assert len(list((tmp_path / "tokens" / segmenter.fingerprint).glob("*.parquet"))) == 3


def test_table_rows_are_the_sorted_tuples_made_a_batch_at_a_time() -> None:
    table = pd.DataFrame({"doc_id": ["b", "a", None, "a"], "text": ["乙镇", "甲镇", "无名", "甲镇二"],
                          "report_year": pd.array([2020, None, 2019, 2021], dtype="Int64")})
    rows = TableRows.sorted_by(table, ["doc_id", "text", "report_year"], "doc_id")
    expected = list(table.sort_values("doc_id", kind="stable").itertuples(index=False, name=None))
    assert list(rows) == expected and rows[0] == expected[0] and rows[-1] == expected[-1]
    assert [row[1] for row in rows[1:3]] == ["甲镇二", "乙镇"] and len(rows.take(np.array([3, 0]))) == 2
    made: list[int] = []

    class Counting(TableRows):
        def __getitem__(self, index):
            made.append(len(super().__getitem__(index)))
            return super().__getitem__(index)

    stream = map_batches(len, Counting(table, ["text"]), batch_size=1, progress_bar=False)
    assert next(stream) == 1 and made == [1]  # the first batch only, not the four
    assert list(stream) == [1, 1, 1] and made == [1, 1, 1, 1]


def _variable(batch: list[str]) -> list[str | None]:
    return [os.environ.get(name) for name in batch]


def test_workers_see_the_environment_of_the_moment_their_pool_starts(monkeypatch) -> None:
    """Workers come from a fork server started once; each pool still passes them the caller's environment as it is
    when the pool starts (a rules folder set in a notebook after a first parallel call reaches the next call)."""
    monkeypatch.setenv("GOVREPORTS_TEST_VARIABLE", "first")
    assert list(map_batches(_variable, ["GOVREPORTS_TEST_VARIABLE"], batch_size=1, n_jobs=2)) == [["first"]]
    monkeypatch.setenv("GOVREPORTS_TEST_VARIABLE", "second")
    monkeypatch.delenv("GOVREPORTS_RULES", raising=False)
    assert list(map_batches(_variable, ["GOVREPORTS_TEST_VARIABLE", "GOVREPORTS_RULES"], batch_size=2,
                            n_jobs=2)) == [["second", None]]


def _worker_state(_: object) -> tuple[int, bool]:
    import sys

    from govreports.corpus.places import gazetteer

    return gazetteer.cache_info().currsize, "govreports.text.tokens" in sys.modules


def test_workers_start_with_the_worker_modules_imported_and_build_what_they_are_told_to() -> None:
    """The fork server imports govreports.worker_start, so a worker's first task finds the worker modules imported
    (where the platform has a fork server; elsewhere the workers are spawned and import them themselves); the
    gazetteer is built only in a pool told to (``warm``, as the commands' pools are), so that workers of segmentation
    or counting do not carry it."""
    import multiprocessing

    from govreports.corpus.places import build_gazetteer
    from govreports.runtime.parallel import process_pool

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    with process_pool(1) as pool:
        assert pool.submit(_worker_state, None).result() == (0, True)
    with process_pool(1, warm=build_gazetteer) as pool:  # one worker: the warm-up runs before the probe
        assert pool.submit(_worker_state, None).result() == (1, True)

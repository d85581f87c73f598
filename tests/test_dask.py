"""Beyond one machine: loading, segmentation and indicator extraction on a dask.distributed cluster (two worker
processes) give exactly the serial results, and partitioned Parquet reads back with dask.dataframe."""

from __future__ import annotations

import sys

import cloudpickle
import pandas as pd
import pytest

from govreports import load_corpus
from govreports.cli import main
from govreports.corpus.load import files_report
from govreports.corpus.places import place_names
from govreports.indicators.extraction import extract_indicators
from govreports.runtime.parallel import map_batches
from govreports.runtime.tables import write_parts
from govreports.text.segment import Segmenter
from govreports.text.tokens import corpus_tokens, iter_tokens
from tests.conftest import RAW

dask = pytest.importorskip("dask")  # the [dask] extra: requirements.txt installs it, so these tests run in make test
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

# the workers cannot import this test module (tests/ is not on their path): send its functions by value
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def client():
    """A local cluster of two worker processes (one thread each), started once for the module."""
    with (distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
          as cluster, distributed.Client(cluster) as client):
        yield client


@pytest.fixture(scope="module")
def executor(client):
    return client.get_executor()


def _package_file() -> str:
    import govreports

    return govreports.__file__


def test_workers_are_processes_that_import_this_govreports(client) -> None:
    files = client.run(_package_file)
    assert len(files) == 2
    assert set(files.values()) == {_package_file()}  # the workers run this checkout's code, not another install


def test_loading_on_the_cluster_gives_the_serial_documents(documents, executor) -> None:
    distributed_documents = load_corpus(RAW, executor=executor, progress_bar=False)
    assert distributed_documents.equals(documents) and len(documents) == 5
    assert files_report(distributed_documents).equals(files_report(documents))


def test_segmentation_on_the_cluster_gives_the_serial_tokens_and_keeps_no_state(documents, executor) -> None:
    plain, with_places = Segmenter(), Segmenter(extra_words=place_names(documents))
    serial_plain = corpus_tokens(documents, plain, batch_size=2)
    serial_places = corpus_tokens(documents, with_places, batch_size=2)
    assert not serial_plain.equals(serial_places)  # the place names change the tokens, so a leak would show
    # one segmenter, another with more words, then the first again: the same workers give each its own tokens
    for segmenter, serial in ((plain, serial_plain), (with_places, serial_places), (plain, serial_plain)):
        assert corpus_tokens(documents, segmenter, batch_size=2, executor=executor).equals(serial)


def test_indicators_on_the_cluster_give_the_serial_statements(documents, executor) -> None:
    serial = extract_indicators(documents)
    assert len(serial) == 39
    assert extract_indicators(documents, executor=executor, batch_size=2).equals(serial)


def test_token_batches_as_parts_read_back_with_dask(documents, executor, tmp_path) -> None:
    segmenter = Segmenter()
    parts = write_parts(iter_tokens(documents, segmenter, batch_size=2, executor=executor), tmp_path / "tokens")
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    table = dd.read_parquet(tmp_path / "tokens")
    assert table.npartitions == 3
    with dask.config.set({"dataframe.convert-string": False}):  # text as pandas' str, not dask's string[pyarrow]
        back = dd.read_parquet(tmp_path / "tokens").compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(back, corpus_tokens(documents, segmenter))


def test_command_line_parts_read_back_with_dask(documents, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("govreports.cli.PART_REPORTS", 2)  # five reports: parts of 2, 2 and 1
    assert main(["indicators", str(RAW), "-o", str(tmp_path / "statements"), "--partitioned", "--n-jobs", "1"]) == 0
    table = dd.read_parquet(tmp_path / "statements")
    assert table.npartitions == len(list((tmp_path / "statements").iterdir())) == 3
    with dask.config.set({"dataframe.convert-string": False}):
        back = dd.read_parquet(tmp_path / "statements").compute().reset_index(drop=True)
    expected = extract_indicators(documents).merge(documents[["doc_id", "place", "report_year"]], on="doc_id")
    pd.testing.assert_frame_equal(back, expected)


def _wait(batch: list[int]) -> list[int]:
    return batch


def test_a_dask_executor_gets_two_batches_per_cluster_thread(executor, client) -> None:
    assert executor._client is client  # where map_batches finds the cluster (runtime.parallel._slots)
    assert not hasattr(executor, "_max_workers")
    submitted = []
    original = executor.submit

    def counting(fn, *args, **kwargs):
        submitted.append(1)
        return original(fn, *args, **kwargs)

    executor.submit = counting
    try:
        stream = map_batches(_wait, list(range(20)), batch_size=1, executor=executor, progress_bar=False)
        assert next(stream) == [0]
        assert len(submitted) == 2 * sum(client.nthreads().values()) == 4
        assert [x for batch in stream for x in batch] == list(range(1, 20))
    finally:
        del executor.submit

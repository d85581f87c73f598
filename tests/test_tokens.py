"""The corpus token table and its cache."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest

from govreports.text.segment import Segmenter
from govreports.text.tokens import corpus_tokens, iter_tokens


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def test_tokens_point_into_the_clean_text(documents, segmenter) -> None:
    tokens = corpus_tokens(documents, segmenter)
    texts = documents.set_index("doc_id")["text"]
    assert set(tokens["doc_id"]) == set(documents["doc_id"])
    for row in tokens.sample(500, random_state=0).itertuples():
        assert texts[row.doc_id][row.start : row.start + len(row.token)] == row.token
    assert list(tokens.columns) == ["doc_id", "paragraph", "token", "start", "kind"]
    assert not tokens["token"].str.isspace().any()


def test_second_run_reads_the_cache(documents, segmenter, tmp_path, monkeypatch) -> None:
    first = corpus_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2)
    assert len(list((tmp_path / "tokens" / segmenter.fingerprint).glob("*.parquet"))) == 3  # 5 reports, 2 a batch

    def fail(*args, **kwargs):
        raise AssertionError("segmented again although the cache holds the tokens")

    monkeypatch.setattr(Segmenter, "report_tokens", fail)
    second = corpus_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2)
    assert second.equals(first)


def test_only_the_batches_missing_from_the_cache_are_segmented(documents, segmenter, tmp_path, monkeypatch) -> None:
    first = corpus_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2)
    middle = sorted(documents["doc_id"])[2:4]
    for path in (tmp_path / "tokens" / segmenter.fingerprint).glob("*.parquet"):
        if sorted(pd.read_parquet(path)["doc_id"].unique()) == middle:
            path.unlink()  # the middle batch (reports 3 and 4) is gone
    segmented = []
    original = Segmenter.report_tokens

    def counting(self, reports):
        segmented.append(sorted(reports["doc_id"].unique()))
        return original(self, reports)

    monkeypatch.setattr(Segmenter, "report_tokens", counting)
    with ThreadPoolExecutor(2) as pool:  # the work goes to an executor, as with n_jobs > 1
        second = corpus_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2, executor=pool)
    assert second.equals(first)
    assert segmented == [middle]


def test_changed_dictionary_or_text_is_never_served_stale(documents, tmp_path) -> None:
    plain = corpus_tokens(documents.head(1), Segmenter(), cache_dir=tmp_path)
    extended = corpus_tokens(documents.head(1), Segmenter(extra_words=["园区企业"]), cache_dir=tmp_path)
    assert "园区企业" not in set(plain["token"]) and "园区企业" in set(extended["token"])
    changed = documents.head(1).copy()
    changed["text"] = changed["text"].str.replace("园区企业", "园区公司")
    again = corpus_tokens(changed, Segmenter(extra_words=["园区企业"]), cache_dir=tmp_path)
    assert "园区企业" not in set(again["token"])
    assert len(list((tmp_path / "tokens").iterdir())) == 2  # one folder per segmenter fingerprint


def _doc_ids(table: pd.DataFrame) -> list[str]:
    return sorted(table["doc_id"].unique())


def test_map_sends_cached_batches_to_the_workers(documents, segmenter, tmp_path) -> None:
    """With an executor, ``map`` applies its function where the batch is read, for batches already in the cache too."""
    corpus_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2)  # every batch cached
    where: list[str] = []

    def record(table: pd.DataFrame) -> list[str]:
        where.append(threading.current_thread().name)
        return _doc_ids(table)

    with ThreadPoolExecutor(2, thread_name_prefix="worker") as pool:
        mapped = list(iter_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2, executor=pool).map(record))
    ids = sorted(documents["doc_id"])
    assert mapped == [ids[0:2], ids[2:4], ids[4:5]]
    assert len(where) == 3 and all(name.startswith("worker") for name in where)
    serial = iter_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2).map(_doc_ids)
    assert list(serial) == mapped


def test_token_batches_are_consumed_once(documents, segmenter) -> None:
    batches = iter_tokens(documents.head(3), segmenter, batch_size=2)
    assert _doc_ids(next(batches)) == sorted(documents["doc_id"])[:2]
    with pytest.raises(RuntimeError, match="already iterated"):
        batches.map(_doc_ids)


def test_token_tables_come_sorted_by_report_and_offset(documents, segmenter) -> None:
    """Reports are cut whole (Segmenter.report_tokens): the table is the one of cutting them paragraph by paragraph,
    sorted by report and offset."""
    from govreports.corpus.structure import paragraph_texts

    table = corpus_tokens(documents.head(2), segmenter)
    assert table.equals(table.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True))
    assert table.equals(segmenter.tokens_table(paragraph_texts(documents.head(2))))

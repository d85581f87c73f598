"""The corpus token table and its cache."""

from __future__ import annotations

import pytest

from govreports.segment import Segmenter
from govreports.tokens import corpus_tokens


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

    monkeypatch.setattr(Segmenter, "tokens_table", fail)
    second = corpus_tokens(documents, segmenter, cache_dir=tmp_path, batch_size=2)
    assert second.equals(first)


def test_changed_dictionary_or_text_is_never_served_stale(documents, tmp_path) -> None:
    plain = corpus_tokens(documents.head(1), Segmenter(), cache_dir=tmp_path)
    extended = corpus_tokens(documents.head(1), Segmenter(extra_words=["园区企业"]), cache_dir=tmp_path)
    assert "园区企业" not in set(plain["token"]) and "园区企业" in set(extended["token"])
    changed = documents.head(1).copy()
    changed["text"] = changed["text"].str.replace("园区企业", "园区公司")
    again = corpus_tokens(changed, Segmenter(extra_words=["园区企业"]), cache_dir=tmp_path)
    assert "园区企业" not in set(again["token"])
    assert len(list((tmp_path / "tokens").iterdir())) == 2  # one folder per segmenter fingerprint

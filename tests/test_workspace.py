"""The workspace caches: a second run reads results back; a changed input never reads a stale one."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest

from govreports import workspace
from govreports.indicators import extraction as indicators
from govreports.keywords import frequencies as keywords
from govreports.runtime.cache import content_key
from govreports.text.segment import Segmenter
from govreports.workspace import Workspace
from tests.conftest import RAW


def test_memo_reads_back_and_keys_on_the_arguments(tmp_path) -> None:
    corpus = tmp_path / "reports"
    shutil.copytree(RAW, corpus)
    cache = tmp_path / "cache"
    calls = []

    def counted(tokens: pd.DataFrame, *, min_chars: int) -> pd.DataFrame:
        calls.append(min_chars)
        return keywords.term_frequencies(tokens, min_chars=min_chars)

    first = Workspace(corpus, cache_dir=cache)
    tokens = first.tokens(Segmenter())
    one = first.memo("tf", counted, tokens, min_chars=2)
    second = Workspace(corpus, cache_dir=cache)
    again = second.memo("tf", counted, second.tokens(Segmenter()), min_chars=2)
    assert again.equals(one) and calls == [2]  # read back, not recomputed
    second.memo("tf", counted, second.tokens(Segmenter()), min_chars=3)
    assert calls == [2, 3]  # another argument, another entry
    (corpus / "004_3ff0d929752a8f07.txt").write_text("衙前镇2022年工作总结\n全镇经济平稳。", encoding="utf-8")
    third = Workspace(corpus, cache_dir=cache)
    changed = third.memo("tf", counted, third.tokens(Segmenter()), min_chars=2)
    assert calls == [2, 3, 2] and not changed.equals(one)  # an edited report recomputes


def test_documents_and_paragraphs_are_cached(tmp_path, documents) -> None:
    cache = tmp_path / "cache"
    first = Workspace(RAW, cache_dir=cache)
    assert first.documents.equals(documents)
    second = Workspace(RAW, cache_dir=cache)
    assert second.documents.equals(documents)
    assert second.files.equals(first.files)
    assert second.paragraphs.equals(first.paragraphs)
    assert (cache / "documents").is_dir() and any((cache / "memo").iterdir())


def test_without_cache_dir_nothing_is_written(tmp_path) -> None:
    ws = Workspace(RAW)
    assert ws.memo("n", len, ws.documents) == 5
    assert not list(tmp_path.iterdir())


def test_figures_are_kept_while_their_files_are_unchanged(tmp_path, cjk_style) -> None:
    from govreports.viz import overview

    cache, out = tmp_path / "cache", tmp_path / "figures"
    first = Workspace(RAW, cache_dir=cache)
    saved = first.figure("00-reports-by-year", overview.reports_by_year_figure, first.documents, directory=out)
    assert saved.fresh and [p.suffix for p in saved.paths] == [".png", ".pdf", ".svg"]
    assert saved._repr_png_() is None  # a new figure shows itself in a notebook
    second = Workspace(RAW, cache_dir=cache)
    kept = second.figure("00-reports-by-year", overview.reports_by_year_figure, second.documents, directory=out)
    assert not kept.fresh and kept._repr_png_().startswith(b"\x89PNG")
    (out / "00-reports-by-year.svg").write_text("edited", encoding="utf-8")
    redrawn = second.figure("00-reports-by-year", overview.reports_by_year_figure, second.documents, directory=out)
    assert redrawn.fresh and (out / "00-reports-by-year.svg").read_text(encoding="utf-8") != "edited"


def test_indicators_carry_the_place_and_the_csv_is_written_once(tmp_path, documents) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out" / "indicators.csv"
    first = Workspace(RAW, cache_dir=cache)
    table = first.indicators()
    assert list(table.columns[:2]) == ["doc_id", "place"]
    places = dict(zip(documents["doc_id"], documents["place"], strict=True))
    assert (table["place"] == table["doc_id"].map(places)).all()
    assert indicators.figures_in_sentences(table, documents)
    assert first.write_csv(table, out) == out
    written = pd.read_csv(out, encoding="utf-8-sig")
    assert len(written) == len(table) and written["value"].equals(table["value"])
    stamp = out.stat().st_mtime_ns
    second = Workspace(RAW, cache_dir=cache)
    second.write_csv(second.indicators(), out)
    assert out.stat().st_mtime_ns == stamp  # same table, unchanged file: not written again
    second.write_csv(second.indicators().head(3), out)
    assert len(pd.read_csv(out, encoding="utf-8-sig")) == 3  # another table: written
    out.write_text("edited", encoding="utf-8")
    second.write_csv(second.indicators().head(3), out)
    assert len(pd.read_csv(out, encoding="utf-8-sig")) == 3  # an edited file is written again


def test_figures_in_sentences_fails_on_a_wrong_offset(documents) -> None:
    table = indicators.extract_indicators(documents)
    assert indicators.figures_in_sentences(table, documents)
    shifted = table.assign(start=table["start"] + 7, end=table["end"] + 7)
    assert not indicators.figures_in_sentences(shifted, documents)


def test_a_second_run_from_the_cache_never_reads_the_tokens(tmp_path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    first = Workspace(RAW, cache_dir=cache)
    tokens = first.tokens(Segmenter())
    assert "not read yet" in repr(tokens)
    frequencies = first.memo("tf", keywords.term_frequencies, tokens, min_chars=2)
    assert tokens["token"].str.len().min() >= 1 and "not read yet" not in repr(tokens)
    assert frequencies.equals(keywords.term_frequencies(tokens.frame, min_chars=2))
    assert pd.concat(list(tokens.batches()), ignore_index=True).equals(tokens.frame)

    def fail(*args, **kwargs):
        raise AssertionError("the token table was read although the result is in the cache")

    monkeypatch.setattr(workspace, "corpus_tokens", fail)
    monkeypatch.setattr(workspace, "iter_tokens", fail)
    second = Workspace(RAW, cache_dir=cache)
    again = second.memo("tf", keywords.term_frequencies, second.tokens(Segmenter()), min_chars=2)
    assert again.equals(frequencies) and (again.dtypes == frequencies.dtypes).all()


def test_tables_are_stored_as_parquet_and_other_results_pickled(tmp_path) -> None:
    cache = tmp_path / "cache"
    ws = Workspace(RAW, cache_dir=cache)
    lists = ws.memo("lists", lambda d: d[["doc_id"]].assign(chars=d["text"].map(lambda t: sorted(set(t))[:3])),
                    ws.documents)
    counts = ws.memo("counts", lambda d: pd.DataFrame({"doc_id": d["doc_id"], "n": d["n_chars"],
                                                       "year": d["report_year"], "town": d["level"] == "town"}),
                     ws.documents)
    indexed = ws.memo("indexed", lambda d: d.set_index("doc_id")[["n_chars"]], ws.documents)
    carried = ws.memo("with-attrs", lambda d: d[["doc_id"]], ws.documents)  # keeps documents.attrs["files"]
    assert carried.attrs and not counts.attrs
    stored = sorted(p.suffix for p in (cache / "memo").iterdir())
    assert stored == [".parquet", ".pickle", ".pickle", ".pickle"]  # counts; lists, indexed, with-attrs
    again = Workspace(RAW, cache_dir=cache)
    assert again.memo("lists", lambda d: None, again.documents)["chars"].tolist() == lists["chars"].tolist()
    back = again.memo("counts", lambda d: None, again.documents)
    assert back.equals(counts) and (back.dtypes == counts.dtypes).all()
    assert again.memo("indexed", lambda d: None, again.documents).equals(indexed)
    assert again.memo("with-attrs", lambda d: None, again.documents).attrs["files"].equals(carried.attrs["files"])


def test_sentences_are_read_only_when_used(tmp_path, documents) -> None:
    from govreports.corpus import structure

    cache = tmp_path / "cache"
    first = Workspace(RAW, cache_dir=cache)
    assert "not read yet" in repr(first.sentences)
    assert first.memo("offsets", structure.offsets_ok, first.documents, first.sentences)
    expected = structure.sentences(structure.paragraphs(documents))
    assert first.sentences.frame.equals(expected) and len(first.sentences) == len(expected)
    second = Workspace(RAW, cache_dir=cache)
    assert second.memo("offsets", structure.offsets_ok, second.documents, second.sentences)
    assert "not read yet" in repr(second.sentences)  # the check came from the cache
    assert second.sentences["text"].equals(expected["text"])


# --- keys from content: a memoised result is never stale --------------------------------------------------

def _places(documents):
    return sorted(documents["place"].dropna())


def test_a_table_edited_in_place_is_computed_again(tmp_path) -> None:
    ws = Workspace(RAW, cache_dir=tmp_path)
    first = ws.memo("places", _places, ws.documents)
    ws.documents.loc[0, "place"] = "改过的镇"
    second = ws.memo("places", _places, ws.documents)
    assert "改过的镇" not in first and "改过的镇" in second


def _total(values):
    return float(values.sum())


def test_arrays_that_differ_in_one_value_do_not_share_a_key(tmp_path) -> None:
    ws = Workspace(RAW, cache_dir=tmp_path)
    one = np.zeros(5000)
    other = one.copy()
    other[2500] = 1.0
    assert repr(one) == repr(other)  # numpy elides the middle: a repr key would be shared
    assert ws.memo("total", _total, one) == 0.0
    assert ws.memo("total", _total, other) == 1.0


def test_an_argument_without_a_content_key_is_refused(tmp_path) -> None:
    ws = Workspace(RAW, cache_dir=tmp_path)
    with pytest.raises(TypeError, match="cannot make a cache key from a function"):
        ws.memo("lambda", _total, lambda: 1)
    with (tmp_path / "f.txt").open("w") as handle, pytest.raises(TypeError, match="TextIOWrapper"):
        ws.memo("handle", _total, handle)


def test_same_content_in_another_object_gives_the_same_key() -> None:
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert content_key(frame) == content_key(frame.copy())
    assert content_key({"b": 1, "a": {2, 3}}) == content_key({"a": {3, 2}, "b": 1})
    assert content_key(frame) != content_key(frame.assign(a=[1, 3]))


def test_token_batches_are_counted_without_reading_the_table(tmp_path) -> None:
    with ThreadPoolExecutor(2) as pool:
        ws = Workspace(RAW, cache_dir=tmp_path / "cache", executor=pool)
        tokens = ws.tokens(Segmenter())
        streamed = keywords.term_frequencies(tokens.batches(), min_chars=2)
        assert "not read yet" in repr(tokens)  # counted batch by batch, in the pool
        assert streamed.equals(keywords.term_frequencies(tokens.frame, min_chars=2)) and len(streamed) > 1000


def test_sparse_matrices_are_keyed_by_their_content() -> None:
    from scipy import sparse

    matrix = sparse.csr_matrix(np.array([[0, 1], [2, 0]]))
    assert content_key(matrix) == content_key(sparse.csr_matrix(np.array([[0, 1], [2, 0]])))
    assert content_key(matrix) != content_key(sparse.csr_matrix(np.array([[0, 1], [3, 0]])))
    assert content_key(matrix) != content_key(matrix.toarray())  # a dense array of the same values is another thing

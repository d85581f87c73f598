"""Topic models on the sample corpus: reproducible, place names never topic words, tables consistent."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pytest
from scipy import io as scipy_io
from scipy import sparse

from govreports.corpus import structure
from govreports.corpus.places import place_names
from govreports.rules.files import read_word_list
from govreports.text.segment import Segmenter, stopwords
from govreports.text.tokens import corpus_tokens, iter_tokens
from govreports.topics import models as topics


@pytest.fixture(scope="module")
def dtm(documents) -> topics.DocumentTermMatrix:
    paragraphs = structure.paragraphs(documents)
    places = place_names(documents)
    tokens = corpus_tokens(documents, Segmenter(extra_words=places))
    return topics.document_term_matrix(tokens, documents, paragraphs, stopwords=stopwords(extra=places))


def test_matrix_of_body_paragraphs(dtm, documents) -> None:
    units = dtm.units
    assert dtm.counts.shape == (len(units), len(dtm.vocabulary))
    assert (units["n_terms"] >= 5).all()
    assert (np.asarray(dtm.counts.sum(axis=1)).ravel() == units["n_terms"]).all()
    document_frequency = np.asarray((dtm.counts > 0).sum(axis=0)).ravel()
    assert document_frequency.min() >= 2 and document_frequency.max() <= 0.5 * len(units)
    assert set(units["doc_id"]) == set(documents["doc_id"])
    assert list(dtm.vocabulary) == sorted(dtm.vocabulary)


def test_place_names_never_become_topic_words(dtm, documents) -> None:
    places = place_names(documents)
    assert {"航埠", "衙前", "五陂", "店口", "澥浦"} <= places
    assert not set(dtm.vocabulary) & places
    model = topics.fit(dtm, 6, kind="nmf", seed=0)
    words = topics.topic_words(model, n=30)
    assert not set(words["term"]) & places


def test_place_names_would_leak_without_the_stop_words(documents) -> None:
    paragraphs = structure.paragraphs(documents)
    places = place_names(documents)
    tokens = corpus_tokens(documents, Segmenter(extra_words=places))
    leaky = topics.document_term_matrix(tokens, documents, paragraphs, stopwords=stopwords())
    assert set(leaky.vocabulary) & places  # the test above guards something real


@pytest.mark.parametrize("kind", ["nmf", "lda"])
def test_same_seed_gives_identical_tables(dtm, documents, kind: str) -> None:
    first, second = (topics.fit(dtm, 5, kind=kind, seed=7) for _ in range(2))
    assert topics.topic_table(first).equals(topics.topic_table(second))
    assert topics.unit_topics(first).equals(topics.unit_topics(second))
    assert topics.representative_units(first, documents).equals(topics.representative_units(second, documents))


def test_tables_are_consistent(dtm, documents) -> None:
    model = topics.fit(dtm, 5, seed=0)
    table = topics.topic_table(model)
    assert table["topic"].tolist() == [1, 2, 3, 4, 5]
    assert table["prevalence"].is_monotonic_decreasing
    assert table["prevalence"].sum() == pytest.approx(1.0)
    shares = topics.unit_topics(model).groupby("unit")["share"].sum()
    assert np.allclose(shares[shares > 0], 1.0)
    by_town = topics.prevalence(model, by="place").groupby("place")["share"].sum()
    assert np.allclose(by_town, 1.0)
    representative = topics.representative_units(model, documents, n=2)
    texts = documents.set_index("doc_id")["text"]
    assert all(texts[r.doc_id][r.start : r.end] == r.text for r in representative.itertuples())
    assert (representative.groupby("topic")["share"].apply(lambda s: s.is_monotonic_decreasing)).all()


def test_choose_k_keeps_the_most_coherent(dtm) -> None:
    table, best = topics.choose_k(dtm, [3, 4, 5], kind="nmf", seed=0)
    assert table["chosen"].sum() == 1
    assert best.k == table.loc[table["coherence"].idxmax(), "k"]
    assert best.coherence.mean() == pytest.approx(table["coherence"].max())


def test_section_and_report_units(documents) -> None:
    paragraphs = structure.paragraphs(documents)
    tokens = corpus_tokens(documents, Segmenter())
    by_section = topics.document_term_matrix(tokens, documents, paragraphs, unit="section", min_df=1, max_df=1.0)
    assert by_section.units.groupby("doc_id")["section"].nunique().max() >= 2
    by_report = topics.document_term_matrix(tokens, documents, paragraphs, unit="report", min_df=1, max_df=1.0)
    assert len(by_report.units) == 5 and (by_report.units["section"] == "all").all()


def test_export_for_stm(dtm, tmp_path) -> None:
    matrix, vocab, covariates = topics.export_stm(dtm, tmp_path)
    read = scipy_io.mmread(matrix).tocsr()
    assert (read != dtm.counts).nnz == 0
    assert vocab.read_text(encoding="utf-8").split("\n")[:-1] == list(dtm.vocabulary)
    table = pd.read_csv(covariates)
    assert list(table.columns) == ["unit", "doc_id", "paragraph", "town", "year", "section", "n_terms"]
    assert len(table) == dtm.counts.shape[0]


def _statistics_model() -> topics.TopicModel:
    """Two topics built directly: one of statistical statements (财政总收入增长8%左右，位居全区第一), one of culture."""
    vocabulary = np.array(["位居", "左右", "财政总收入", "生产总值", "文化", "旅游"])
    beta = np.array([[0.3, 0.3, 0.2, 0.15, 0.025, 0.025], [0.01, 0.01, 0.02, 0.02, 0.5, 0.44]])
    units = pd.DataFrame({"unit": range(2), "doc_id": ["000_a"] * 2, "n_terms": [10, 8]})
    dtm = topics.DocumentTermMatrix(sparse.csr_matrix(np.ones((2, 6))), vocabulary, units)
    return topics.TopicModel("nmf", 2, 0, beta, np.eye(2), np.zeros(2), [[0, 1, 2], [4, 5, 3]], dtm)


def test_labels_skip_hedges_and_ranking_words() -> None:
    table = topics.topic_table(_statistics_model(), n_label=2)
    assert table["label"].tolist() == ["财政总收入·生产总值", "文化·旅游"]
    assert {"位居", "左右"} <= set(table.loc[0, "frex_words"].split())  # the word lists keep them
    unfiltered = topics.topic_table(_statistics_model(), n_label=2, non_content=())
    assert set(unfiltered.loc[0, "label"].split("·")) == {"位居", "左右"}


def test_non_content_words_state_their_source() -> None:
    words = read_word_list("non_content_words.txt", required=("source",))
    assert {"左右", "位居", "以上", "同比", "亿元"} <= set(words.words)
    assert not {"财政总收入", "文化", "乡村振兴"} & set(words.words)


def test_no_label_of_the_sample_holds_a_non_content_word(dtm) -> None:
    skip = set(read_word_list("non_content_words.txt").words)
    model = topics.fit(dtm, 10, kind="nmf", seed=0)
    labelled = {w for label in topics.topic_table(model)["label"] for w in label.split("·")}
    unfiltered = {w for label in topics.topic_table(model, non_content=())["label"] for w in label.split("·")}
    assert not labelled & skip
    assert unfiltered & skip >= {"左右", "位居"}  # without the list they label the topic of statistical statements


@pytest.mark.parametrize("unit", ["paragraph", "section", "report"])
def test_matrix_of_batches_equals_the_matrix_of_the_whole_table(documents, unit: str) -> None:
    """Batches of reports counted one by one (in the workers of an executor) give the same matrix, down to the order
    in which each row stores its terms, as the whole token table: the columns are numbered by first use in both."""
    paragraphs = structure.paragraphs(documents)
    segmenter = Segmenter()
    whole = topics.document_term_matrix(corpus_tokens(documents, segmenter), documents, paragraphs, unit=unit)
    with ThreadPoolExecutor(2) as pool:
        batched = topics.document_term_matrix(iter_tokens(documents, segmenter, batch_size=2, executor=pool),
                                              documents, paragraphs, unit=unit)
    for name in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(batched.counts, name), getattr(whole.counts, name))
    assert np.array_equal(batched.vocabulary, whole.vocabulary)
    assert batched.units.equals(whole.units) and len(whole.units) >= {"paragraph": 50, "section": 10, "report": 5}[unit]


def test_matrix_counts_the_terms_of_a_body_paragraph() -> None:
    text = "一、过去一年工作回顾\n全面推进乡村振兴，乡村产业加快发展，乡村建设扎实推进。"
    documents = pd.DataFrame({"doc_id": ["a"], "text": [text], "place": ["某镇"], "report_year": [2021]})
    paragraphs = structure.paragraphs(documents)
    tokens = Segmenter().tokens_table(paragraphs)
    dtm = topics.document_term_matrix(tokens, documents, paragraphs, min_df=1, max_df=1.0, min_terms=1)
    assert dtm.units[["doc_id", "paragraph", "section"]].values.tolist() == [["a", 1, "review"]]
    counts = dict(zip(dtm.vocabulary, dtm.counts.toarray()[0].tolist(), strict=True))
    assert counts["乡村"] == 2 and counts["乡村振兴"] == 1 and counts["推进"] == 2  # a policy term is one token
    assert "回顾" not in counts  # the heading is no body paragraph

"""Keyword statistics checked against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from govreports.keywords import frequencies as keywords
from govreports.text.segment import Segmenter


def _tokens(doc_id: str, words: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": doc_id, "paragraph": 0, "token": words,
                         "start": np.arange(len(words)) * 2, "kind": "word"})


def test_g2_equals_the_hand_computed_2x2_example() -> None:
    # 生态: 10 of 1,000 words in the review, 2 of 1,000 in the plan. Expected counts: 6, 6, 994, 994.
    hand = 2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6) + 990 * math.log(990 / 994) + 998 * math.log(998 / 994))
    assert hand == pytest.approx(5.854257, abs=1e-6)
    assert keywords.g2(10, 2, 990, 998) == pytest.approx(hand, rel=1e-12)
    scipy_g = chi2_contingency([[10, 2], [990, 998]], lambda_="log-likelihood", correction=False)[0]
    assert keywords.g2(10, 2, 990, 998) == pytest.approx(scipy_g, rel=1e-12)


def test_keyness_on_token_tables_matches_the_hand_example() -> None:
    review = _tokens("a", ["生态"] * 10 + ["其他词"] * 990)
    plan = _tokens("b", ["生态"] * 2 + ["其他词"] * 998)
    table = keywords.keyness(review, plan, min_freq=5).set_index("term")
    row = table.loc["生态"]
    assert (row["count_target"], row["count_reference"]) == (10, 2)
    assert row["g2"] == pytest.approx(5.854257, abs=1e-6)
    assert row["log_ratio"] == pytest.approx(math.log2(5), rel=1e-12)
    assert row["p_value"] == pytest.approx(math.erfc(math.sqrt(5.854257 / 2)), rel=1e-6)
    assert row["per_10k_target"] == pytest.approx(100.0)
    assert row["direction"] == "target"
    assert table.loc["其他词", "direction"] == "reference"


def test_keyness_by_joins_the_section_from_the_paragraphs() -> None:
    review = _tokens("a", ["生态"] * 10 + ["其他词"] * 990)
    plan = _tokens("a", ["生态"] * 2 + ["其他词"] * 998).assign(paragraph=1)
    tokens = pd.concat([review, plan], ignore_index=True)
    paragraphs = pd.DataFrame({"doc_id": ["a", "a"], "paragraph": [0, 1], "section": ["review", "plan"]})
    joined = keywords.keyness_by(tokens, "section", "review", "plan", paragraphs=paragraphs, min_freq=5)
    assert joined.set_index("term").loc["生态", "g2"] == pytest.approx(5.854257, abs=1e-6)
    assert joined.equals(keywords.keyness(review, plan, min_freq=5))
    by_doc = keywords.keyness_by(tokens.assign(doc_id=["a"] * 1000 + ["b"] * 1000), "place", "航埠镇",
                                 documents=pd.DataFrame({"doc_id": ["a", "b"], "place": ["航埠镇", "衙前镇"]}))
    assert by_doc.set_index("term").loc["生态", "count_target"] == 10
    with pytest.raises(KeyError, match="section"):
        keywords.keyness_by(tokens, "section", "review")


def test_log_ratio_smooths_zero_counts() -> None:
    assert keywords.log_ratio(4, 0, 100, 100) == pytest.approx(math.log2(4 / 0.5))


def test_term_frequencies_and_rates() -> None:
    tokens = pd.concat([_tokens("a", ["发展", "发展", "的", "园区"]), _tokens("b", ["园区", "的"])], ignore_index=True)
    tokens.loc[tokens.index[-1], "kind"] = "punct"  # punctuation is not a word token
    table = keywords.term_frequencies(tokens, stopwords={"的"})
    assert table.to_dict("records") == [
        {"doc_id": "a", "term": "发展", "count": 2, "per_10k": 5000.0, "n_tokens": 4},
        {"doc_id": "a", "term": "园区", "count": 1, "per_10k": 2500.0, "n_tokens": 4},
        {"doc_id": "b", "term": "园区", "count": 1, "per_10k": 10000.0, "n_tokens": 1},
    ]


def test_tfidf_uses_the_smoothed_idf() -> None:
    tokens = pd.concat([_tokens("a", ["发展", "园区"]), _tokens("b", ["园区", "园区"])])
    table = keywords.tfidf(tokens).set_index(["doc_id", "term"])
    assert table.loc[("a", "发展"), "idf"] == pytest.approx(math.log(3 / 2) + 1)
    assert table.loc[("a", "园区"), "idf"] == pytest.approx(1.0)
    assert table.loc[("a", "发展"), "tfidf"] == pytest.approx(0.5 * (math.log(1.5) + 1))


def test_kwic_shows_the_clean_text_around_tokens(documents) -> None:
    tokens = Segmenter().tokens_table(
        pd.DataFrame({"doc_id": ["004_3ff0d929752a8f07"], "paragraph": [0], "start": [0],
                      "text": [documents.set_index("doc_id").loc["004_3ff0d929752a8f07", "text"]]}))
    hits = keywords.kwic(tokens, documents, "腾笼换鸟", window=5)
    assert len(hits) == 1
    row = hits.iloc[0]
    assert (row["left"], row["keyword"], row["right"]) == ("”。一是“", "腾笼换鸟", "”破难题。")
    text = documents.set_index("doc_id").loc["004_3ff0d929752a8f07", "text"]
    assert text[row["start"] : row["end"]] == "腾笼换鸟"


def test_collocations_stay_within_paragraphs_and_skip_punctuation() -> None:
    words = ["海绵", "小镇", "，", "海绵", "小镇", "建设", "海绵", "小镇"]
    tokens = _tokens("a", words)
    tokens.loc[2, "kind"] = "punct"
    tokens.loc[5:, "paragraph"] = 1  # 建设 starts a new paragraph: 小镇|建设 is not a pair
    table = keywords.collocations(tokens, min_freq=1).set_index(["term1", "term2"])
    assert table.loc[("海绵", "小镇"), "count"] == 3
    assert ("小镇", "建设") not in table.index and ("小镇", "海绵") not in table.index
    total = 7  # word tokens of two or more characters
    assert table.loc[("海绵", "小镇"), "pmi"] == pytest.approx(math.log2(3 * total / (3 * 3)))


def test_term_frequencies_of_batches_equal_those_of_the_whole_table() -> None:
    """Batches counted one by one give the table of the whole corpus: groups counted whole in one batch (reports), and
    groups that span batches (paragraph 0 of both reports) summed across them."""
    first = _tokens("a", ["推进", "乡村", "振兴", "乡村", "建设"])
    second = _tokens("b", ["乡村", "振兴", "战略", "深入", "实施"])
    whole = pd.concat([first, second], ignore_index=True)
    by_report = keywords.term_frequencies([first, second])
    assert by_report.equals(keywords.term_frequencies(whole))
    assert by_report.loc[0].to_dict() == {"doc_id": "a", "term": "乡村", "count": 2, "per_10k": 4000.0, "n_tokens": 5}
    by_paragraph = keywords.term_frequencies([first, second], by="paragraph")
    assert by_paragraph.equals(keywords.term_frequencies(whole, by="paragraph"))
    assert by_paragraph.loc[0].to_dict() == {"paragraph": 0, "term": "乡村", "count": 3, "per_10k": 3000.0,
                                             "n_tokens": 10}


def test_terms_of_a_categorical_token_column_and_odd_stop_words() -> None:
    """is_term reads any column of text (a categorical one too) and ignores stop words that are not text."""
    tokens = pd.DataFrame({"doc_id": ["a", "a", "a"], "token": pd.Categorical(["经济", "的", "发展"]),
                           "kind": ["word", "word", "word"]})
    assert keywords.is_term(tokens, stopwords={"的", 3}).tolist() == [True, False, True]


def test_term_frequencies_without_a_single_term_is_an_empty_table() -> None:
    """Reports whose words are all stop words (的。) give an empty table with the usual columns, not an error."""
    tokens = pd.DataFrame({"doc_id": ["a", "a"], "paragraph": [0, 0], "token": ["的", "。"], "start": [0, 1],
                           "kind": ["word", "punct"]})
    table = keywords.term_frequencies(tokens, stopwords={"的"})
    assert table.empty and list(table.columns) == ["doc_id", "term", "count", "per_10k", "n_tokens"]
    assert table["count"].dtype == "int64"

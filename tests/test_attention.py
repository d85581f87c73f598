"""Attention indices count tokens, not substrings, and do not depend on earlier segmentation."""

from __future__ import annotations

import pandas as pd
import pytest

from govreports.keywords import attention
from govreports.text.segment import Segmenter

TEXT = "持续改善生态环境质量,坚持生态优先、绿色发展。"


def _table(segmenter: Segmenter, text: str = TEXT) -> pd.DataFrame:
    return segmenter.tokens_table(pd.DataFrame({"doc_id": ["a"], "paragraph": [0], "start": [0], "text": [text]}))


@pytest.fixture(scope="module")
def environment() -> attention.AttentionDictionary:
    return attention.load_dictionary("environment")


def test_shipped_dictionaries_name_their_source() -> None:
    for name in attention.SHIPPED:
        dictionary = attention.load_dictionary(name)
        assert dictionary.name == name and dictionary.version and dictionary.source and len(dictionary.terms) >= 10
    assert "陈诗一" in attention.load_dictionary("environment").source


def test_hits_are_tokens_not_substrings(environment) -> None:
    segmenter = Segmenter(extra_words=attention.dictionary_words([environment]))
    tokens = _table(segmenter)
    assert "生态环境" in set(tokens["token"])
    index = attention.attention(tokens, [environment]).iloc[0]
    assert index["hits"] == 2  # 生态 (in 生态优先) and 绿色; not the 生态 inside 生态环境
    assert TEXT.count("生态") + TEXT.count("绿色") == 3  # what substring counting would have said
    words = int((tokens["kind"] == "word").sum())
    assert index["n_tokens"] == words
    assert index["per_10k"] == pytest.approx(2 / words * 10_000)


def test_counts_do_not_depend_on_what_was_segmented_before(environment) -> None:
    words = attention.dictionary_words([environment])
    first = attention.attention(_table(Segmenter(extra_words=words)), [environment])
    other = Segmenter(extra_words=[*words, "生态优先", "改善生态"])
    other.cut("坚持生态优先,改善生态")
    again = attention.attention(_table(Segmenter(extra_words=words)), [environment])
    assert again.equals(first)


def test_a_listed_noun_is_hit_inside_a_verb_phrase() -> None:
    # city_baoding_2024 and city_guilin_2024: 营商环境 and 就业 after a verb (优化, 稳, 保) are hits of a dictionary
    business = attention.AttentionDictionary("business", "营商", "1", "test", ("营商环境", "就业"))
    text = "持续优化营商环境。全力稳就业保就业。"
    tokens = _table(Segmenter(extra_words=attention.dictionary_words([business])), text)
    assert attention.attention(tokens, [business]).iloc[0]["hits"] == 3


def test_own_dictionary_file(tmp_path) -> None:
    path = tmp_path / "water.txt"
    path.write_text("# name: water\n# version: 0.1\n# source: my list\n水环境\n河长制\n河长制\n", encoding="utf-8")
    dictionary = attention.load_dictionary(path)
    assert dictionary.terms == ("水环境", "河长制") and dictionary.label == "water"
    bad = tmp_path / "bad.txt"
    bad.write_text("水环境\n", encoding="utf-8")
    with pytest.raises(ValueError, match="name"):
        attention.load_dictionary(bad)
    with pytest.raises(FileNotFoundError):
        attention.load_dictionary("no_such_dictionary")


def test_audit_sample_is_seeded(documents, environment) -> None:
    segmenter = Segmenter(extra_words=attention.dictionary_words([environment]))
    from govreports.text.tokens import corpus_tokens

    tokens = corpus_tokens(documents, segmenter)
    one = attention.attention_sample(tokens, documents, environment, n=5, seed=1)
    two = attention.attention_sample(tokens, documents, environment, n=5, seed=1)
    assert len(one) == 5 and one.equals(two)
    assert one["keyword"].isin(environment.terms).all()


def test_counts_match_checks_the_index_against_the_tokens(environment) -> None:
    tokens = _table(Segmenter(extra_words=attention.dictionary_words([environment])))
    index = attention.attention(tokens, [environment])
    assert attention.counts_match(index, tokens, [environment])
    assert not attention.counts_match(index.assign(hits=index["hits"] + 1), tokens, [environment])
    assert not attention.counts_match(index.iloc[0:0], tokens, [environment])  # a report with hits is missing


def test_batches_give_the_index_of_the_whole_table(environment) -> None:
    segmenter = Segmenter(extra_words=attention.dictionary_words([environment]))
    first = _table(segmenter)
    second = _table(segmenter, "推进污染防治,发展绿色低碳产业。").assign(doc_id="b")
    index = attention.attention([first, second], [environment])
    assert index.equals(attention.attention(pd.concat([first, second], ignore_index=True), [environment]))
    assert index["hits"].tolist() == [2, 3]  # 生态 (生态优先) and 绿色; 污染, 绿色 and 低碳

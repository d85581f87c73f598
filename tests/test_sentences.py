"""Sentences cut with Arrow's string kernels are those cut in Python, offsets, numbering and spaces included."""

from __future__ import annotations

import pandas as pd
import pytest

from govreports.corpus.sentences import _python_sentences, sentences
from govreports.corpus.structure import paragraphs

# one paragraph (no plain space to cut it at) with the ideographic spaces and tabs scraped pages leave between sentences
TEXT = "全年地区生产总值增长5.5%。\u3000同比增长8%！\u3000\u3000。预计完成“两区”建设任务。”\t一是抓产业；二是抓项目\u3000"


def test_cut_with_arrow_as_in_python_with_spaces_and_quotes() -> None:
    table = paragraphs(pd.DataFrame({"doc_id": ["x", "y"], "text": [TEXT, "甲镇完成。乙镇完成？丙镇"]}))
    assert table["paragraph"].tolist() == [0, 0]
    cut = sentences(table)
    assert cut.equals(_python_sentences(table)) and list(cut.dtypes) == list(_python_sentences(table).dtypes)
    assert cut[["doc_id", "sentence", "start", "end", "text"]].values.tolist() == [
        ["x", 0, 0, 15, "全年地区生产总值增长5.5%。"], ["x", 1, 16, 23, "同比增长8%！"], ["x", 2, 25, 26, "。"],
        ["x", 3, 26, 40, "预计完成“两区”建设任务。”"], ["x", 4, 41, 52, "一是抓产业；二是抓项目"],
        ["y", 0, 0, 5, "甲镇完成。"], ["y", 1, 5, 10, "乙镇完成？"], ["y", 2, 10, 12, "丙镇"]]
    for row in cut.itertuples():
        assert (TEXT if row.doc_id == "x" else "甲镇完成。乙镇完成？丙镇")[row.start : row.end] == row.text


def test_sample_corpus_cut_the_same_both_ways(documents) -> None:
    table = paragraphs(documents)
    cut = sentences(table)
    assert cut.equals(_python_sentences(table)) and len(cut) > 500


@pytest.mark.parametrize("change", ["nul", "object"])
def test_tables_arrow_cannot_cut_are_cut_in_python(change: str) -> None:
    table = paragraphs(pd.DataFrame({"doc_id": ["x"], "text": ["增长5%。持平\x00。" if change == "nul" else TEXT]}))
    if change == "object":
        table = table.astype({"text": object})
    expected = _python_sentences(table)
    assert sentences(table).equals(expected) and len(expected) >= 2

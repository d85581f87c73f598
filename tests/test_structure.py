"""Paragraphs, headings, sections and sentences, with offsets into the clean text."""

from __future__ import annotations

import pandas as pd
import pytest

from govreports.corpus.structure import (
    heading_level,
    paragraphs,
    section_of_heading,
    sentences,
    split_paragraphs,
)

ONE_LINE = (
    "2020年及“十三五”工作简要回顾 2020年,是极不平凡的一年。一年来,全镇上下开创了发展新局面。 "
    "(一)坚持务实重行,经济实现高质量发展,工业经济提质增效。 金桥焊材面对疫情冲击逆势而上,完成产值10.56亿元。 "
    "“十四五”时期工作目标和任务 “十四五”是机遇与挑战并存的五年。 五陂镇经济社会发展的主要目标 "
    "(一)经济实力实现大提升。 到2025年,实现财政收入逐年递增10%,到2025年突破4.8亿元。 具体举措 "
    "(一)聚焦产业转型升级,打造特色产业样板。 凝心聚力兴园区。落实 “与杭同城”三年行动计划。 |"
)


def test_one_line_report_split_at_spaces_into_headings_and_paragraphs() -> None:
    parts = split_paragraphs(ONE_LINE.rstrip(" |"))
    assert [(p.kind, p.level, p.text[:8]) for p in parts] == [
        ("heading", 0, "2020年及“十"),
        ("body", None, "2020年,是极"),
        ("heading", 2, "(一)坚持务实重"),
        ("body", None, "金桥焊材面对疫情"),
        ("heading", 0, "“十四五”时期工"),
        ("body", None, "“十四五”是机遇"),
        ("heading", 0, "五陂镇经济社会发"),
        ("heading", 2, "(一)经济实力实"),
        ("body", None, "到2025年,实"),
        ("heading", 0, "具体举措"),
        ("heading", 2, "(一)聚焦产业转"),
        ("body", None, "凝心聚力兴园区。"),  # the space inside "落实 “与杭同城”" does not cut
    ]


def test_sections_follow_top_level_headings(documents) -> None:
    table = paragraphs(documents[documents.doc_id == "003_aa4233b35111f482"])
    by_heading = table[table.kind == "heading"].set_index("text")["section"]
    assert by_heading["2020年及“十三五”工作简要回顾"] == "review"
    assert by_heading["“十四五”时期工作目标和任务"] == "plan"
    assert by_heading["五陂镇经济社会发展的主要目标"] == "targets"
    assert by_heading["(一)经济实力实现大提升。"] == "targets"
    assert by_heading["具体举措"] == "plan"
    target_text = table[table.text.str.contains("突破4.8亿元")]
    assert target_text["section"].tolist() == ["targets"]
    assert target_text["heading_path"].tolist() == ["五陂镇经济社会发展的主要目标 > (一)经济实力实现大提升。"]


def test_targets_paragraph_inside_plan_section(documents) -> None:
    table = paragraphs(documents[documents.doc_id == "002_8e0279829cf70102"])
    row = table[table.text.str.contains("主要预期目标为")].iloc[0]
    assert row["section"] == "targets"
    assert table[table.text.str.startswith("1.抓好“十四五”相关规划编制")]["section"].tolist() == ["plan"]
    assert table[table.text.str.startswith("2019年,镇政府")]["section"].tolist() == ["review"]


def test_inline_enumerators_become_paragraphs(documents) -> None:
    table = paragraphs(documents[documents.doc_id == "004_3ff0d929752a8f07"])
    starts = table["text"].str[:2].tolist()
    assert starts.count("一是") == 3 and starts.count("二是") == 3 and starts.count("三是") == 3


def test_signature_block_is_not_a_heading(documents) -> None:
    table = paragraphs(documents[documents.doc_id == "001_3211566eb9366b4c"])
    assert table["kind"].tail(2).tolist() == ["signature", "signature"]
    assert table["text"].tail(2).tolist() == ["宁波市镇海区澥浦镇人民政府", "2023年10月27日"]
    assert table["kind"].iloc[0] == "title"


def test_offsets_point_into_clean_text(documents) -> None:
    table = paragraphs(documents)
    texts = documents.set_index("doc_id")["text"]
    for row in table.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    sents = sentences(table)
    for row in sents.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    assert sents.groupby("doc_id")["sentence"].apply(lambda s: list(s) == list(range(len(s)))).all()


def test_every_report_has_paragraphs_in_review(documents) -> None:
    table = paragraphs(documents)
    review = table[table.section == "review"].groupby("doc_id").size()
    assert set(review.index) == set(documents.doc_id)
    assert not table[(table.doc_id == "004_3ff0d929752a8f07")]["section"].eq("plan").any()


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("一、2019年工作回顾", 1),
        ("(二)加快产业升级,壮大经济实力", 2),
        ("（三）强化社会治理，构建和谐稳定社会", 2),
        ("1.重点项目加速推进。全力推进岚湾工业区开发建设,一期地块5宗已出让土地全部开工;二期地块已出让5宗土地正加快建设进度。", None),
        ("3.农业产业加速发展", 3),
        ("2023年工作总结", 0),
        ("围绕镇党委工作要求,重点把握五个方面:", None),
        ("2023年10月27日", None),
        ("一是坚定看齐意识,旗帜鲜明讲政治。", None),
    ],
)
def test_heading_level(text: str, level: int | None) -> None:
    assert heading_level(text) == level


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("一、十三五期间工作总结", "review"),
        ("二、十四五期间工作思路", "plan"),
        ("三、2020年主要工作", "plan"),
        ("五陂镇经济社会发展的主要目标", "targets"),
        ("四、加强政府自身建设", "other"),
    ],
)
def test_section_of_heading(heading: str, section: str) -> None:
    assert section_of_heading(heading) == section


def test_sentences_do_not_split_decimals_or_semicolons() -> None:
    import pandas as pd

    docs = pd.DataFrame({"doc_id": ["x"], "text": [
        "预计全年实现地区生产总值95亿元,实现规上工业总产值288.5亿元;财政总收入6.6亿元。同比增长8.5%!好“红领。”"]})
    sents = sentences(paragraphs(docs))
    assert sents["text"].tolist() == [
        "预计全年实现地区生产总值95亿元,实现规上工业总产值288.5亿元;财政总收入6.6亿元。", "同比增长8.5%!", "好“红领。”"]


# --- sections from cue phrases (real reports of counties and cities) ---------------------------------------

def _sections(text: str) -> list[tuple[str, str]]:
    table = paragraphs(pd.DataFrame({"doc_id": ["x"], "text": [text]}))
    return list(zip(table["section"], table["text"].str[:12], strict=True))


def test_the_targets_list_after_a_cue_on_its_own_line_is_targets() -> None:
    # 清苑县 2005: the cue stands alone, the list follows; the tasks after it are not targets
    text = ("今年政府工作的总体要求是：以邓小平理论和“三个代表”重要思想为指导，用科学发展观统领经济和社会工作全局。\n"
            "经济社会发展的主要预期目标是：\n"
            "全县生产总值达到43.5亿元，增长14.5%；全社会固定资产投资增长20%；入统工业增加值增长25%。\n"
            "做好今年工作，对于加快全面建设小康社会步伐具有十分重要的意义。")
    assert [s for s, _ in _sections(text)] == ["other", "targets", "targets", "other"]


def test_a_list_of_rates_right_after_the_general_requirements_is_targets() -> None:
    # 绵阳 2024: no 主要预期目标 cue at all
    text = ("坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念。今年政府工作的总体要求是：聚焦经济建设这一中心工作。\n"
            "地区生产总值增长7%左右，规上工业增加值增长8%，全社会固定资产投资增长8%，社会消费品零售总额增长9%。\n"
            "预计全年地区生产总值增长6%，规上工业增加值增长7%。")
    assert [s for s, _ in _sections(text)] == ["other", "targets", "other"]


def test_a_space_between_a_verb_and_its_figure_does_not_cut() -> None:
    # 容城县 2015
    text = "今年经济社会发展的主要预期目标是： 地区生产总值增长 7%左右，规模以上工业增加值增长8%以上，固定资产投资增长16%。"
    parts = [p.text for p in split_paragraphs(text)]
    assert parts == ["今年经济社会发展的主要预期目标是：", "地区生产总值增长 7%左右，规模以上工业增加值增长8%以上，固定资产投资增长16%。"]


def test_tables_built_in_chunks_equal_the_tables_built_at_once(documents, monkeypatch) -> None:
    """The paragraphs and sentences tables are built a chunk of rows at a time; where the chunks end changes nothing,
    and a documents table in another order gives the same (sorted) paragraphs."""
    from govreports.corpus import sentences as sentences_module
    from govreports.corpus import structure

    whole_paragraphs, whole_sentences = paragraphs(documents), sentences(paragraphs(documents))
    monkeypatch.setattr(structure, "_CHUNK_ROWS", 61)  # chunks end inside reports
    monkeypatch.setattr(sentences_module, "_CHUNK_ROWS", 61)
    chunked = paragraphs(documents)
    assert chunked.equals(whole_paragraphs) and sentences_module._python_sentences(chunked).equals(whole_sentences)
    assert list(chunked.dtypes) == list(whole_paragraphs.dtypes)
    assert paragraphs(documents.iloc[::-1]).equals(whole_paragraphs)
    numbers = whole_sentences.groupby("doc_id")["sentence"].agg(["min", "max", "count"])
    assert (numbers["min"] == 0).all() and (numbers["max"] == numbers["count"] - 1).all()  # numbered on across chunks


@pytest.mark.parametrize(("line", "spans"), [
    ("  全镇上下开创了发展新局面。\u3000", [(2, 15)]),  # stripped of spaces, the ideographic one too
    ("一是抓产业。二是抓项目。", [(0, 12)]),  # one 一是 after a sentence end is no list: 二是 alone does not cut
    ("加快发展。一是抓产业；二是抓项目。", [(0, 5), (5, 11), (11, 17)]),
    ("\u3000\u3000", []),
])
def test_lines_without_a_space_are_cut_only_at_enumerators(line: str, spans: list[tuple[int, int]]) -> None:
    from govreports.corpus.structure import _split_line

    assert _split_line(line) == spans

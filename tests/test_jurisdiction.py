"""Level and place chain of the government that delivers a report (short excerpts of real reports)."""

from __future__ import annotations

import pytest

from govreports.corpus.jurisdiction import jurisdiction

CASES = [
    # the State Council's report: national, and no province although 香港 and 澳门 are named
    ("各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n我们坚持“一国两制”，支持香港、澳门保持长期繁荣稳定。"
     "香港特别行政区和澳门特别行政区", None, ("national", "中华人民共和国", None, None, None)),
    # a national report with no self-reference: 我国 and 全国 throughout
    ("各位代表：\n刚刚过去的1984年，是我国各族人民取得伟大成就的一年，是全国政治、经济、文化等各条战线的形势越来越好的一年。"
     "我国经济。我国农业。我国工业。我国外交。全国人民。全国各地。全国城乡。全国财政。", None,
     ("national", "中华人民共和国", None, None, None)),
    # the congress line names the county
    ("政府工作报告\n——在阜平县第十七届人民代表大会第一次会议上\n（2017年2月26日）\n各位代表：\n现在，我代表阜平县人民政府向大会作工作"
     "报告，请予审议。", None, ("county", "阜平县", "阜平县", "保定市", "河北省")),
    # a province named in its congress line
    ("政府工作报告\n——2026年1月27日在海南省第七届人民代表大会第五次会议上\n各位代表：\n现在，我代表海南省人民政府，向大会报告工作",
     None, ("province", "海南省", None, None, "海南省")),
    # a municipality is a province-level unit
    ("——2024年1月23日在上海市第十六届人民代表大会第二次会议上\n各位代表：\n现在，我代表上海市人民政府，向大会作政府工作报告", None,
     ("province", "上海市", None, None, "上海市")),
    # 我代表市人民政府 and the city named most often
    ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n2023年是“八八战略”实施20周年。习近平总书记"
     "亲临浙江考察。宁波全面实施。宁波舟山港。宁波都市圈。全省第一。", None, ("city", "宁波市", None, "宁波市", "浙江省")),
    # a county-level 市 under a 州: 在州委、州政府和市委的坚强领导下
    ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n过去一年，在州委、州政府和市委的坚强领导下，恩施市全市人民。"
     "恩施市城区。恩施市经济。", None, ("county", "恩施市", "恩施市", "恩施土家族苗族自治州", "湖北省")),
    # a province-direct county-level city: 在省委、省政府和市委坚强领导下
    ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n一年来，在省委、省政府和市委坚强领导下，天门全市上下。天门经济开发区。"
     "天门市。", None, ("county", "天门市", "天门市", None, "湖北省")),
    # a county under its old suffix (清苑县 until 2015, today 清苑区): the report's name is kept
    ("政府工作报告（2008年3月27日）\n各位代表：\n现在，我代表县政府向大会作政府工作报告，请予审议。\n一年来，在市委、市政府和县委的"
     "正确领导下，清苑县经济。清苑县财政。建成县城新区。", None, ("county", "清苑县", "清苑县", "保定市", "河北省")),
    # 易县 counts as a name where it stands alone; 成县 inside 建成县城 does not
    ("各位代表：\n现在，我代表县人民政府向大会报告工作。\n在市委、市政府和县委的坚强领导下，易县经济运行平稳。建成县城污水处理厂。"
     "易县旅游。", None, ("county", "易县", "易县", "保定市", "河北省")),
    # a 街道 whose superiors only are named: 在区委、区政府的正确领导下
    ("一、2022年工作总结\n2022年,文新街道坚持以习近平新时代中国特色社会主义思想为指导。在区委区政府的正确领导下,文新街道全体干部。"
     "西湖区。", None, ("town", "文新街道", "西湖区", "杭州市", "浙江省")),
]


@pytest.mark.parametrize(("text", "title", "want"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_place_chain_of_real_openings(text: str, title: str | None, want: tuple) -> None:
    got = jurisdiction(text, title)
    assert (got.level, got.place, got.county, got.city, got.province) == want
    assert got.why


def test_a_shared_town_name_is_left_open_with_the_reason() -> None:
    text = "新塘街道办事处2023年政府工作报告一、2022年工作回顾2022年是极不平凡、殊为不易的一年。"
    got = jurisdiction(text, "新塘街道办事处2023年政府工作报告")
    assert (got.level, got.place, got.county, got.city, got.province) == ("town", "新塘街道", None, None, None)
    assert "left empty" in got.why and "新塘街道 is the name of" in got.why


def test_no_self_reference_decides_nothing() -> None:
    got = jurisdiction("各位代表：现在向大会报告工作。")
    assert got.level is None and got.place is None and got.why

"""Town-level metadata (place chain and year) on short excerpts of real town reports, one rule per test.

Each excerpt is a few lines of a real page (the development corpus's town excerpts), cut to what the rule reads.
"""

from __future__ import annotations

import json

import pytest

from govreports.chinese.script import simplified, traditional_share
from govreports.corpus.dating import addressed_to_congress, report_year
from govreports.corpus.jurisdiction import jurisdiction
from govreports.corpus.load import load_document
from govreports.corpus.metadata import find_title
from govreports.corpus.places import gazetteer


def chain(found) -> tuple:
    return found.level, found.place, found.county, found.city, found.province


# --- place chain -----------------------------------------------------------------------------------------------------

def test_a_summary_names_its_own_unit_when_it_reports_and_a_parent_decides_a_shared_name() -> None:
    # 现将我街道…报告如下: a 街道's summary; two 东港街道 exist (舟山市普陀区, 大连市中山区): 新普陀 decides
    text = ("2022年,东港街道坚决贯彻落实市、区各项决策部署,围绕我区在建设现代化新普陀中的各项重点任务,锚定现代化品质新东港"
            "建设目标,狠抓落实、奋力攻坚,各项工作取得新进展新成效。现将我街道今年工作总结报告如下:")
    found = jurisdiction(text)
    assert chain(found) == ("town", "东港街道", "普陀区", "舟山市", "浙江省")
    assert "浙江省舟山市普陀区 3" in found.why and "辽宁省大连市中山区 0" in found.why


def test_a_shared_name_keeps_only_the_parents_its_candidates_share() -> None:
    # 鹅湖镇: 铅山县 (上饶) and 浮梁县 (景德镇) in 江西, 锡山区 in 江苏; 视察江西 rules out 江苏 but not one of the two
    text = ("政府工作报告\n——在鹅湖镇第六届人民代表大会第七次会议上\n2020年6月19日\n各位代表:\n现在,我代表鹅湖镇人民政府,向大会"
            "报告工作。\n2019年,在县委、县政府和镇党委的坚强领导下,深入贯彻习近平总书记视察江西重要讲话精神,依托“三线”"
            "(上分线、上武连接线、上铅连接线)。实现瑞旭实业和江西宝祥汽车项目快速落户。")
    found = jurisdiction(text)
    assert chain(found) == ("town", "鹅湖镇", None, None, "江西省")
    reasons = dict(found.empty)
    assert set(reasons) == {"county", "city"}
    assert "江西省上饶市铅山县" in reasons["county"] and "江西省景德镇市浮梁县" in reasons["county"]


def test_a_shared_name_the_text_does_not_decide_is_left_empty_with_the_reason(tmp_path) -> None:
    # 新塘街道 exists in 广州市天河区, 杭州市萧山区 and 泉州市晋江市; 迎亚运 and 省市区委 name none of them
    path = tmp_path / "xintang.txt"
    path.write_text("新塘街道办事处2023年政府工作报告一、2022年工作回顾2022年是极不平凡、殊为不易的一年。面对多重困难和风险压力,"
                    "街道深入贯彻省市区委决策部署,以“迎亚运、争第一、解难题、搞建设”为目标,精准发力,持续攻坚。",
                    encoding="utf-8")
    row = load_document(path)
    assert (row["level"], row["place"], row["county"], row["city"], row["province"]) == (
        "town", "新塘街道", None, None, None)
    sources = json.loads(row["sources"])
    for field in ("county", "city", "province"):
        assert "新塘街道 is the name of 3 places the text does not tell apart" in sources[f"{field}_missing"]
    assert row["report_year"] == 2023


def test_a_town_named_only_by_short_names_is_not_taken() -> None:
    # 漳浒寨街道 is never written in full; 姚家村 is a village and 干好一三五 a slogan, not 姚家乡 or 三五镇
    text = ("2024年,在区委、区政府的坚强领导下,紧扣“干好一三五、走在最前列”要求,秉持“头雁塔尖、漳浒争先”标准,抓项目促发展。\n"
            "一、2024年工作完成情况\n漳浒片区城市更新项目二府庄村、姚家村安置楼超时序完成建设任务。")
    found = jurisdiction(text)
    assert chain(found) == ("town", None, None, None, None)
    assert "named in full" in found.why
    assert {field for field, _ in found.empty} == {"place", "county", "city", "province"}


@pytest.mark.parametrize(
    ("text", "want", "gap", "reason"),
    [
        # 儋州 has no counties: its towns sit directly under the city
        ("——2025年2月25日在儋州市雅星镇第十七届人民代表大会第六次会议上\n各位代表:", ("town", "雅星镇", None, "儋州市", "海南省"),
         "county", "儋州市 has no county level"),
        # a town of 上海市: a municipality is a province, there is no prefecture-level city
        ("——2024年1月10日在七宝镇第二十届人民代表大会第五次会议上\n各位代表:",
         ("town", "七宝镇", "闵行区", None, "上海市"), "city", "上海市 is a municipality"),
        # 澄迈县 is directly under 海南省
        ("——2022年2月17日在中兴镇第十七届人民代表大会第二次会议上\n各位代表:\n澄迈县中兴镇。澄迈县。",
         ("town", "中兴镇", "澄迈县", None, "海南省"), "city", "澄迈县 is directly under 海南省"),
    ],
)
def test_a_level_that_does_not_exist_is_empty_and_says_so(text: str, want: tuple, gap: str, reason: str) -> None:
    found = jurisdiction(text)
    assert chain(found) == want
    assert reason in dict(found.empty)[gap]


def test_the_gazetteer_has_no_placeholder_county() -> None:
    gaz = gazetteer()
    assert "市直辖行政区划" not in gaz.by_name
    (mutang,) = gaz.by_name["木棠镇"]
    assert (mutang.county, mutang.city) == (None, "儋州市")


def test_a_traditional_character_page_is_read_in_simplified_characters(tmp_path) -> None:
    text = ("栗江鎮2021年工作總結暨2022年工作規劃\n栗江鎮人民政府\n2022年12月31日\n2021年,栗江鎮在上級黨委政府的堅強領導下,"
            "緊緊圍繞縣委製定的戰略布局。現將我鎮2021年工作總結和2022年工作計劃匯報如下:\n一、2021年度工作總結\n"
            "努力為湖南現代化、衡陽中心化、新衡南現代化貢獻更大作為。")
    assert traditional_share(text) > 0.2
    assert traditional_share("栗江镇2021年工作总结暨2022年工作规划,覆盖全镇,显著提升。") < 0.05
    assert len(simplified(text)) == len(text)
    path = tmp_path / "lijiang.txt"
    path.write_text(text, encoding="utf-8")
    row = load_document(path)
    assert (row["place"], row["county"], row["city"], row["province"]) == ("栗江镇", "衡南县", "衡阳市", "湖南省")
    assert row["title"] == "栗江镇2021年工作总结暨2022年工作规划"
    assert row["report_year"] == 2021
    assert row["text"].startswith("栗江鎮")  # the text column keeps the characters as written
    assert "traditional characters" in json.loads(row["sources"])["script"]


# --- year ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "congress", "year"),
    [
        # a 镇's 工作总结 that cites the targets its congress set: a summary of its own year
        ("一、2022年工作总结\n2022年,是党的二十大召开之年。桃园镇在区委、区政府和镇党委的正确领导下,全镇上下坚持以新时代中国特色"
         "社会主义思想为指导,在大战大考中较好完成了桃园镇十二届人民代表大会第一次会议确定的目标任务。", False, 2022),
        # the same citation under a review heading (回顾) of a county report whose opening is lost: the year after
        ("一、2018年工作回顾\n2018年,是具有重大历史意义的一年。一年来,在新区党工委、管委会和县委的坚强领导下,县政府团结和带领"
         "全县广大干部群众,较好完成了县十六届人民代表大会第二次会议确定的目标任务。", True, 2019),
        # a summary heading in a report addressed to a congress (各位代表): the year after
        ("各位代表:\n现在,我代表自治区人民政府,向大会报告工作。\n一、2025年工作总结和“十四五”发展成就\n2025年是“十四五”规划"
         "收官之年。", True, 2026),
    ],
)
def test_a_summary_reviews_its_own_year_unless_addressed_to_a_congress(text: str, congress: bool, year: int) -> None:
    assert addressed_to_congress(text) is congress
    assert report_year(text)[0] == year


def test_the_year_mentioned_most_is_not_moved_on_in_a_summary() -> None:
    # a 街道's year-end summary with no heading naming the year and no congress: 2023年以来 … 一年来 is 2023
    text = ("2023年以来,在区委、区政府的正确领导下,未央宫街道认真学习贯彻党的二十大精神,统筹推进各项工作任务落实。一年来,我们"
            "重点抓好了以下工作:\n一、坚持以抓项目对冲下行压力,经济发展稳中向好\n全年固定资产投资29.30亿元,较2022年增长11.37亿元。")
    year, source = report_year(text)
    assert year == 2023
    assert source.startswith("the year mentioned most:")
    # the same fallback in a report to a congress moves on a year
    assert report_year("各位代表:\n" + text)[0] == 2024


def test_a_numbered_section_heading_is_not_a_title() -> None:
    assert find_title("一、2022年工作总结\n2022年,是党的二十大召开之年。") is None
    assert find_title("斋坛乡2022年工作总结和2023年工作计划\n正文。") == "斋坛乡2022年工作总结和2023年工作计划"

"""The report year from the evidence in a report's own text (short excerpts of real reports, as scraped)."""

from __future__ import annotations

import pytest

from govreports.corpus.clean import clean_text
from govreports.corpus.dating import DatingRules, arabic_years, find_dated_title, report_year
from govreports.rules.files import RuleFileError

CASES = [
    # a title written inline, no line break before the body (a doc-sharing copy of a 街道 report)
    ("新塘街道办事处2023年政府工作报告一、2022年工作回顾2022年是极不平凡、殊为不易的一年。面对多重困难和风险压力,街道深入"
     "贯彻省市区委决策部署", 2023, "title"),
    # no title line: the congress line, split over lines, with the date on its own line
    ("政府工作报告\n——在牛店镇第五届人民代表大会第一次会议上报告\n牛店镇党委副书记、镇长 马 玉\n(2022年3月24日)\n各位代表:\n"
     "现在,我代表镇人民政府向大会报告工作,请予审议。", 2022, "congress line"),
    # a page title naming a later year than the delivery: the body's own date wins
    ("2023年郑州市新密市牛店镇政府工作报告\n政府工作报告\n——在牛店镇第五届人民代表大会第一次会议上报告\n(2022年3月24日)\n"
     "各位代表:\n现在,我代表镇人民政府向大会报告工作。", 2022, "congress line"),
    # the title names the year reviewed, delivered the year after: the title decides (and the conflict is kept)
    ("塔洋镇2015年政府工作报告\n\n政 府 工 作 报 告\n\n——2016年3月7日在塔洋镇第十五届\n\n人民代表大会第六次会议上\n\n"
     "各位代表:\n2015年工作回顾", 2015, "title"),
    # a congress line split in two with a spaced-out title and the place before the 届
    ("七宝镇人民政府工作报告\n——2024年1月10日七宝镇第二十届\n人民代表大会第五次会议上\n各位代表：", 2024, "congress line"),
    # national reports open with 各位代表 and no title; full-width digits
    ("各位代表：\n\n\u3000\u3000刚刚过去的１９８４年，是我国各族人民在实现八十年代以至九十年代的三大任务方面取得伟大成就的一年。",
     1985, "the year just past"),
    ("各位代表：我代表国务院，向第六届全国人民代表大会第一次会议作政府工作报告，请予审议。过去五年的回顾", 1983,
     "NPC session addressed"),
    ("各位代表：\n现在，我代表国务院，向大会报告本届政府过去五年的工作。\n一、 过去五年工作回顾\n第十届全国人民代表大会第一次"
     "会议以来的五年，是不平凡的五年。", 2008, "five years since an NPC session"),
    # the review heading of a city report: the year before delivery
    ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n2023年是全面贯彻党的二十大精神的开局之年",
     2024, "review heading"),
    # a December report: 即将过去的2023年 is reviewed, 2024 planned
    ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n即将过去的2023年，是全面贯彻党的二十大精神的开局之年。", 2024,
     "the year just past"),
    # a summary not addressed to a congress reviews its own year
    ("一、2022年工作总结\n2022年,文新街道坚持以习近平新时代中国特色社会主义思想为指导,聚焦迎接和贯彻党的二十大这条主线。", 2022,
     "review heading"),
    # a scraper's title line in front of a page that starts at the targets section
    ("标题：2024年保定市政府工作报告\n发文时间：未知\n正文：\n今年政府工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导",
     2024, "title"),
    # Chinese-numeral years
    ("各位代表：我代表国务院向大会作政府工作报告，请予审议。\n一九八三年，农业生产在连续四年增产的基础上又获得大丰收。", 1984,
     "year opening the review"),
    # a heading naming a five-year plan and its tasks dates the plan; the review of 2020 and the 十三五 agrees
    ("五陂镇 2020年及“十三五”工作简要回顾 2020年是全面建成小康社会收官之年 “十四五”时期工作目标和任务 全面推进", 2021,
     "five-year plan heading"),
]


@pytest.mark.parametrize(("text", "year", "kind"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_report_year_of_real_openings(text: str, year: int, kind: str) -> None:
    clean = clean_text(text)
    got, source = report_year(clean.text, clean.fields)
    assert got == year
    assert source.startswith(kind)


def test_conflicting_evidence_is_recorded() -> None:
    text = ("2023年郑州市新密市牛店镇政府工作报告\n政府工作报告\n——在牛店镇第五届人民代表大会第一次会议上报告\n(2022年3月24日)\n"
            "各位代表:")
    year, source = report_year(text)
    assert year == 2022
    assert "conflicts: title later than the congress line says 2023" in source


def test_page_date_is_weaker_than_the_body() -> None:
    text = "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2021年工作回顾\n"
    assert report_year(text, {"发布日期": "2023-05-04"})[0] == 2022
    assert report_year("某镇工作情况汇报", {"成文日期": "2021-01-15"}) == (2021, "header 成文日期: 2021-01-15")


def test_no_evidence_gives_no_year() -> None:
    year, reason = report_year("各位代表：现在，我代表镇人民政府向大会报告工作。")
    assert year is None and "no year" in reason


def test_arabic_years_keeps_offsets() -> None:
    text = "一九八三年六月和一九八○年"
    assert arabic_years(text) == "1983年六月和1980年"
    assert len(arabic_years(text)) == len(text)


def test_inline_title_is_cut_before_the_body() -> None:
    assert find_dated_title("某某镇2023年度政府工作报告各位代表：现在，我代表镇人民政府") == ("某某镇2023年度政府工作报告", 2023)
    assert find_dated_title("2023年政府工作报告确定的目标任务全面完成") is None  # a body sentence, not a title


def test_a_users_cue_file_replaces_the_packages(tmp_path) -> None:
    cues = tmp_path / "cues.csv"
    cues.write_text("# source: test\ncue,role\n汇报,title_kind\n各位代表,congress_marker\n", encoding="utf-8")
    rules = DatingRules.load(cues=cues)
    assert report_year("某镇2021年工作汇报\n", rules=rules)[0] == 2021
    assert not report_year("某镇2021年工作汇报\n")[1].startswith("title")  # the package's cues have no 汇报


def test_an_unknown_role_names_the_file_and_line(tmp_path) -> None:
    cues = tmp_path / "cues.csv"
    cues.write_text("# source: test\ncue,role\n回顾,review_word\n汇报,titel_kind\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"cues.csv:4: role 'titel_kind' is not one of"):
        DatingRules.load(cues=cues)

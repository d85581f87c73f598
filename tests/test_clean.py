"""Cleaning: page chrome goes, the report's wording stays."""

from __future__ import annotations

import re

import pytest

from govreports.chinese.chars import normalise_chars
from govreports.corpus.clean import clean_text
from tests.conftest import RAW

HEADER_BULLETS = """索引号: /2021-74050 公开方式: 主动公开
发布单位: 航埠镇政府 成文日期: 2021-01-15
发文字号: 有效性:
  • 信息索引号:

    /2021-74050

  • 主题分类:

    综合党团,综合类

  • 发布机构:

    航埠镇政府

  • 有效性:

航埠镇十三五期间工作总结及十四五期间工作思路

发布时间:2021-01-15 11:23

访问次数:

信息来源:航埠镇

分享:

十三五期间,航埠镇在区委、区政府的正确领导下,推动航埠大发展、快发展、高质量发展。
"""

HEADER_PIPES = """索引号: | 001008006002071/2020-144703 | 主题分类: | 综合政务/政府工作 |
---|---|---|---|
发布机构: | 店口镇 | 成文日期: | 2020-11-04 |
店口镇2020年度政府工作报告
一、2019年工作回顾
"""

FOOTER = """全镇生产总值预计增长8.5%左右。
【打印】 【关闭】
字号: 大 中 小
责任编辑: 王小明
上一篇: 关于印发某某办法的通知
"""


def test_bullet_header_block_removed_and_fields_kept() -> None:
    result = clean_text(HEADER_BULLETS)
    assert result.text.split("\n") == [
        "航埠镇十三五期间工作总结及十四五期间工作思路",
        "十三五期间,航埠镇在区委、区政府的正确领导下,推动航埠大发展、快发展、高质量发展。",
    ]
    assert result.fields["成文日期"] == "2021-01-15"
    assert result.fields["发布机构"] == "航埠镇政府"
    assert result.fields["主题分类"] == "综合党团,综合类"
    assert result.fields["发布时间"] == "2021-01-15 11:23"
    assert result.fields["发布单位"] == "航埠镇政府"


def test_pipe_table_header_removed() -> None:
    result = clean_text(HEADER_PIPES)
    assert result.text == "店口镇2020年度政府工作报告\n一、2019年工作回顾"
    assert result.fields == {
        "索引号": "001008006002071/2020-144703", "主题分类": "综合政务/政府工作", "发布机构": "店口镇",
        "成文日期": "2020-11-04",
    }


def test_page_controls_and_editor_lines_removed() -> None:
    result = clean_text(FOOTER)
    assert result.text == "全镇生产总值预计增长8.5%左右。"
    assert result.fields["责任编辑"] == "王小明"
    assert len(result.removed) == 4


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("增长５.２５％", "增长5.25%"),
        ("增长5 . 5%", "增长5.5%"),
        ("增长8 %左右", "增长8%左右"),
        ("2020 年主要任务的完成", "2020年主要任务的完成"),
        ("到二\ufffd\ufffd三五年基本实现", "到二〇三五年基本实现"),
        ("营商\u200b环境\ufeff持续优化\ufffd", "营商环境持续优化"),
        ("年均增长6.5%－7%", "年均增长6.5%-7%"),
        ("ＧＤＰ增长", "GDP增长"),
        ("收官。2021年开局", "收官。2021年开局"),
        ("第一段\\r\\n第二段", "第一段\n第二段"),
        ("第一段\r\n\r\n\u3000\u3000第二段", "第一段\n第二段"),
    ],
)
def test_characters_and_numbers_normalised(raw: str, clean: str) -> None:
    assert clean_text(raw).text == clean


# Numbers broken by spaces in real reports (county_fuping_2017, county_yixian_2017, city_zaozhuang_2024,
# city_jincheng_2024 of ../shared/devcorpus/raw), and letter-spaced years at the very start of a string.
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("森林覆盖率达到 4 3 %，比 2012年", "森林覆盖率达到 43%，比 2012年"),
        ("投资 2 3亿元实施了职教中心", "投资 23亿元实施了职教中心"),
        ("征收房屋 1 7 00 户 2 6万平米", "征收房屋 1 7 00 户 26万平米"),  # 1 7 00 is followed by no unit: kept
        ("累计新增市场主体 1 . 57万家。", "累计新增市场主体 1.57万家。"),
        ("2023 年是枣庄发展史上", "2023年是枣庄发展史上"),
        ("新增专项债券额度 139.01 亿元、同比增长5", "新增专项债券额度 139.01亿元、同比增长5"),
        ("全市新开工亿元及以上项目483 个", "全市新开工亿元及以上项目483个"),
        ("总量保持全省第4。9项主要经济指标", "总量保持全省第4。9项主要经济指标"),  # 。 ends a sentence
        ("1 9 9 7 年", "1997年"),
        ("2 016年", "2016年"),
        ("增长1 5 ．3 ％", "增长15.3%"),
        ("增长3.1 2 %", "增长3.1 2%"),  # a digit after a point does not start a letter-spaced number
    ],
)
def test_numbers_broken_by_spaces_are_joined(raw: str, clean: str) -> None:
    assert normalise_chars(raw) == clean


def test_normalise_keeps_chinese_punctuation() -> None:
    assert normalise_chars("坚持“三服务”，推进（PM2.5）治理：") == "坚持“三服务”，推进（PM2.5）治理："


def test_body_repeated_twice_kept_once() -> None:
    body = (RAW / "001_3211566eb9366b4c.txt").read_text(encoding="utf-8")
    once = clean_text(body)
    lines = body.split("\n")
    twice = clean_text("\n".join(lines + lines[3:]))  # the page repeats title and body, not the header
    assert twice.repeated_body
    assert twice.text == once.text
    assert not once.repeated_body


def test_one_line_body_repeated_twice_kept_once() -> None:
    body = (RAW / "003_aa4233b35111f482.txt").read_text(encoding="utf-8").strip(" |")
    twice = clean_text(body + " " + body)
    assert twice.repeated_body
    assert twice.text == clean_text(body).text


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_cleaning_keeps_every_sentence_of_the_body(path) -> None:
    """Every sentence of the raw body (minus chrome lines) is found, unchanged, in the clean text."""
    raw = path.read_text(encoding="utf-8")
    clean = clean_text(raw)
    squeezed = re.sub(r"\s+", "", clean.text)
    for sentence in re.findall(r"[^。\n]{8,}。", raw):
        assert re.sub(r"\s+", "", normalise_chars(sentence)) in squeezed
    assert "分享" not in clean.text.split("\n")
    assert "|" not in clean.text


def test_a_text_hard_wrapped_at_a_page_width_is_joined_and_page_numbers_go() -> None:
    # 承德 2024, converted from PDF: every line cut at the page width, 左右 split by the page break, page numbers
    wrapped = ["一年来，面对严峻复杂的外部环境，面对艰巨繁重的改革发展", "任务，我们坚持以习近平新时代中国特色社会主义思想为指导，深",
               "入学习贯彻习近平总书记视察河北、视察承德重要讲话精神，全面", "— 1 —", "贯彻落实党的二十大精神，在市委坚强领导下，完整、准确、全面",
               "贯彻新发展理念，较好地完成了市十五届人大四次会议确定的目标任务。", "一、2023年工作回顾"] * 4
    wrapped += ["今年经济社会发展主要预期目标是：地区生产总值增长6%左", "", "右，一般公共预算收入增长5%左右，规模以上工业增加值增长6.5%左右。"]
    clean = clean_text("\n".join(wrapped))
    assert "— 1 —" not in clean.text and "— 1 —" in clean.removed
    assert "地区生产总值增长6%左右，一般公共预算收入增长5%左右" in clean.text
    assert "改革发展任务，我们坚持" in clean.text
    assert "\n一、2023年工作回顾\n" in clean.text  # a heading is never joined to the line before


def test_lines_of_ordinary_reports_are_not_joined() -> None:
    lines = [line for year in range(2010, 2020) for line in
             (f"一、{year}年工作回顾", f"{year}年，全镇实现地区生产总值9.{year % 10}亿元，同比增长8.5%。", "（一）经济发展稳中有进")]
    assert clean_text("\n".join(lines)).text == "\n".join(lines)


# province_hebei_2001 of the development corpus: a hebei.gov.cn page scraped one element a line (nav, breadcrumb
# over five lines, font controls, footer), shortened
HEBEI_SCRAPE = """长者模式
|
繁體中文
|
EN
|
无障碍
首页
领导之窗
政府信息公开
政务服务
政府数据
互动交流
当前位置：
首页
>>
领导之窗
>>
政府工作报告
政府工作报告
2001年01月08日
【
字体：
大
中
小
】
—在河北省第九届人民代表大会第四次会议上
河北省人民政府省长 钮茂生
各位代表：
进一步改进工作作风。坚持一切为了人民，大力弘扬求真务实、真抓实干的作风，少说空话，多干实事。
冀ICP备06016263号-1
网站标识码：1300000013
冀公网安备 13010202002246号
主办：河北省人民政府办公厅
©
版权所有：河北省人民政府
"""

# province_ningxia_2026: breadcrumb one item a line with > between, page labels with their values on the next line
NINGXIA_SCRAPE = """当前位置：
首页
>
政务信息
>
宁夏要闻
2026年宁夏回族自治区政府工作报告
发表时间：
2026-02-09 09:45:30
来源：
宁夏日报客户端
阅读量：
【字体：
小
中
大
】
政府工作报告
——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上
"""


def test_scraped_nav_breadcrumb_and_footer_lines_removed() -> None:
    assert clean_text(HEBEI_SCRAPE).text.split("\n") == [
        "政府工作报告", "2001年01月08日", "—在河北省第九届人民代表大会第四次会议上", "河北省人民政府省长 钮茂生", "各位代表：",
        "进一步改进工作作风。坚持一切为了人民，大力弘扬求真务实、真抓实干的作风，少说空话，多干实事。"]


def test_breadcrumb_items_over_lines_removed_and_late_values_kept() -> None:
    result = clean_text(NINGXIA_SCRAPE)
    assert result.text.split("\n") == ["2026年宁夏回族自治区政府工作报告", "政府工作报告",
                                       "——2026年2月3日在宁夏回族自治区第十三届人民代表大会第四次会议上"]
    assert result.fields == {"发表时间": "2026-02-09 09:45:30", "来源": "宁夏日报客户端"}


@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 政务公开 > 政府工作报告",
        "首页 | 政务公开 | 政务服务 | 互动交流",
        "附件：2024年上海市人民政府工作报告.pdf",
        "Copyright © 2007-2018 www.gaoyang.gov.cn All Rights Reserved 版权所有：河北省高阳县人民政府",  # county_gaoyang_2020
        "公安机关备案号：13062802000047",
        "主办单位：上海市人民政府办公厅 承办：上海市大数据中心",
    ],
)
def test_site_chrome_line_removed(line: str) -> None:
    body = "全年地区生产总值增长3%，在多重约束中实现了有效突破。"  # city_anshun_2024
    assert clean_text(f"{line}\n{body}").text == body


@pytest.mark.parametrize(
    "line",
    [
        "深化新时代政务公开，让权力在阳光下运行。",  # city_bazhong_2024
        "政务服务能力水平持续提升，一般政务服务事项全程网办率达100%。",  # city_anshun_2024
        "附件一：名词解释",  # county_lixian_2022: the report's appendix, not a file link
        "附件",  # province_ningxia_2026, before 2026年自治区民生实事
    ],
)
def test_report_lines_naming_site_words_are_kept(line: str) -> None:
    assert clean_text(line).text == line

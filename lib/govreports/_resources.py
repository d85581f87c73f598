"""Word lists and patterns used by cleaning, metadata and structure (kept out of the logic modules).

Sources: the labels are those of Chinese government information-disclosure pages (政府信息公开) as they
appear in the sample reports and on county, city and provincial portals; the period names are the
five-year plans (十一五 = 2006-2010 ...).
"""

from __future__ import annotations

import re

# Labels of the page header block of government disclosure pages (索引号, 主题分类, ...). A line made
# only of such "label: value" pairs is page chrome, not report text.
HEADER_LABELS: tuple[str, ...] = (
    "信息索引号", "索引号", "主题分类", "主题词", "体裁分类", "组配分类", "服务对象分类", "信息分类",
    "发布机构", "发布单位", "发文机关", "发文单位", "成文日期", "生成日期", "发布日期", "发布时间",
    "发文字号", "文号", "文件登记号", "文件编号", "公开方式", "公开范围", "公开时限", "有效性", "时效",
    "信息来源", "来源", "访问次数", "浏览次数", "点击数", "阅读次数", "分享", "分享到", "字号", "责任编辑",
    "编辑", "审核", "作者", "所属机构", "统一社会信用代码", "关键词",
)

# Whole lines that are page controls.
CONTROL_LINE = re.compile(
    r"^(?:[【\[]?\s*(?:打印(?:本页)?|关闭(?:窗口|本页)?|收藏|返回顶部|返回|保存|加大|减小|默认|大|中|小)\s*[】\]]?\s*)+$"
    r"|^(?:字号|字体)\s*[:：]?\s*(?:[【\[]?\s*[大中小]\s*[】\]]?\s*)*$"
    r"|^(?:上一篇|下一篇|相关链接|相关文章|扫一扫在手机(?:上)?(?:打开|查看)(?:当前页)?|分享到?)\s*[:：]?.{0,40}$"
)

# Bullets at the start of a line, as web pages render list items.
BULLET = re.compile(r"^[\s\u3000]*[•·●▪◆■◇□▸►\-\*]\s+")

# Chinese numerals used in dates and in lost-〇 repair.
CN_DIGITS = "〇零一二三四五六七八九"
CN_NUMERAL_CHARS = CN_DIGITS + "十"

# Five-year plans.
FIVE_YEAR_PLANS: dict[str, tuple[int, int]] = {
    "九五": (1996, 2000),
    "十五": (2001, 2005),
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
FIVE_YEAR_PLAN = re.compile(r"[“\"]?(十[一二三四五]?五|九五)[”\"]?")

# Terms of the National People's Congress: 届 number -> first year (one session a year from then on).
NPC_TERM_START: dict[int, int] = {
    5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023, 15: 2028,
}

# Document types, from the title. Order matters: the first match wins.
DOC_TYPES: tuple[tuple[str, str], ...] = (
    (r"政府工作报告|在.{0,20}人民代表大会.{0,20}上的报告", "政府工作报告"),
    (r"党代会|党代表大会|党员代表大会|党的代表大会", "党代会报告"),
    (r"工作总结|工作思路|工作计划|工作要点|工作安排", "工作总结"),
    (r"规划.{0,6}纲要|五年规划|发展规划", "规划纲要"),
)

# A title names a kind of report; without one of these words a first line is not taken as the title.
TITLE_WORDS = re.compile(r"报告|工作总结|工作思路|工作计划|工作要点|工作安排|规划纲要")

# Section classification of top-level headings (see structure.section_of_heading).
SECTION_WORDS: dict[str, str] = {
    "targets": r"主要预期目标|主要目标|预期目标|发展目标|目标任务|奋斗目标",
    "review": r"回顾|总结|过去.{0,2}[一五]年|主要成绩|工作成效|成绩|工作情况|取得的成效|发展成就",
    "plan": r"思路|计划|安排|任务|打算|举措|重点工作|主要工作|今后|展望|部署|总体要求|工作目标",
}

# Organisation names that end a signature block.
SIGNATURE_ORG = re.compile(r"(?:人民政府|人民代表大会|委员会|党委|办公室|街道办事处|管理委员会)$")

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

# --- indicator statements (see govreports.indicators.extraction) ---

# Words that may stand between an indicator's name (or its previous figure) and a figure of the same
# indicator: verbs of change, comparison bases, hedges, time words. Anything else in between (another noun,
# "引进各类人才") means the figure belongs to something else.
PREDICATE_WORDS: tuple[str, ...] = (
    "同比去年", "比上年", "比去年", "较上年", "较去年", "同比", "上年同期", "去年同期", "同期", "上年", "去年",
    "增长速度", "增幅", "增速", "增长", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "回落", "扩大",
    "递增", "逐年", "年均", "平均每年", "每年", "累计", "总计", "合计", "全年", "当年", "年度",
    "分别为", "分别", "保持在", "保持", "控制在", "达到", "达", "完成", "实现", "至", "到", "从", "由", "为", "是",
    "在", "了", "均", "的", "约", "迈上", "跨越", "站上", "稳定在", "稳在", "总指数", "指数", "按可比价格计算", "按可比口径", "按可比价", "可比价格", "可比口径", "可比", "按", "安排", "宏观调控目标", "调控目标", "预期目标", "预期", "定为", "大约", "近", "超过", "超", "突破", "高于", "不低于", "力争", "争取", "确保",
    "努力实现", "预计", "左右", "以上", "上下", "以内", "以下", "入库", "总额", "总量", "规模", "水平",
)

# Hedge words before a figure (in the words between the indicator and the figure) and right after it.
HEDGES_BEFORE: tuple[str, ...] = ("不超过", "不高于", "努力实现", "力争", "争取", "确保", "突破", "迈上", "跨越", "站上", "大约", "约", "超过", "超", "不低于",
                                  "高于", "近")
HEDGES_AFTER: tuple[str, ...] = ("左右", "以上", "上下", "以内", "以下")
# A hedge that qualifies a whole target statement, from the 2017 national report on.
HEDGE_SENTENCE = re.compile(r"(?:在)?实际工作中(?:努力|尽可能|尽量)?(争取更好结果)")

# Hedge classes (徐现祥、刘毓芸 2017; 余泳泽 et al. 2019), strongest first: range > floor > ceiling > aspiration >
# approx. A ceiling (控制在4.5%以内, 不超过3%) is the hard bound of a rate that must not rise above it.
HEDGE_CLASS: dict[str, str] = {
    "以上": "floor", "不低于": "floor", "确保": "floor", "高于": "floor", "突破": "floor", "超过": "floor",
    "迈上": "floor", "跨越": "floor", "站上": "floor",
    "超": "floor",
    "力争": "aspiration", "争取": "aspiration", "努力实现": "aspiration", "争取更好结果": "aspiration",
    "左右": "approx", "约": "approx", "大约": "approx", "上下": "approx", "近": "approx",
    "以内": "ceiling", "以下": "ceiling", "不超过": "ceiling", "不高于": "ceiling",
}

# Cues that a sentence states targets.
TARGET_CUES = re.compile(r"预期目标|主要目标|目标[是为:：]|力争|确保|争取|努力实现|计划")
STRONG_TARGET_CUES = re.compile(r"预期目标|主要目标|目标[是为:：]")
NO_TARGET = re.compile(r"(?:没有|未|不)(?:提出|设定|设置|设)[^。；;]{0,12}?目标")

# Statement markers.
ESTIMATE = "(?:初步)?预计"
ANNUAL_AVERAGE = re.compile(r"年均|平均每年|逐年|每年")
CUMULATIVE = re.compile(r"累计")
DECREASE = re.compile(r"(?:下降|降低|减少|回落)[了]?$")
PARTIAL_YEAR = re.compile(r"(\d{1,2})\s*[-—至~]\s*(\d{1,2})\s*月(?:份)?|(上半年)|(前三季度)|(一季度|第一季度)")
ENTITY_MARKERS = re.compile(r"公司|集团|股份|有限|厂|项目|工程|开发区|园区|高新区|经开区|示范区|产业园|景区")
JURISDICTION_MARKERS = re.compile(r"规上|规模以上|全[镇乡县区市省国]|我[镇乡县区市省]|全街道|本[镇乡县区市]")

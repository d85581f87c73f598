"""Government web pages for the extractor comparison (bench/html_extractors.py) and the reader's test fixtures.

Four layouts of Chinese government portals, each around the text of a real report of the development corpus
(``../shared/devcorpus/raw``): the page furniture is the usual gov.cn CMS furniture (site name, nav 首页/政务公开/
政务服务/互动交流, breadcrumb 当前位置：首页 > 政务公开 > 政府工作报告, title and 发布时间/来源/字号 line, body,
attachments, 【打印本页】【关闭窗口】, share links, related links, footer 主办单位/版权所有/ICP备/网站标识码/公网安备).

- ``table_cms``: an old table-layout CMS (GB2312), the body in a layout cell, a table of figures inside it
  (county_gaoyang_2020: the targets article of 高阳县, as gaoyang.gov.cn published it);
- ``div_cms``: a div-based CMS (class names as TRS/Hanweb sites use them), body in styled ``<p>``: head lines
  centred, headings bold (city_hechi_2024);
- ``short_paragraphs``: HTML5 ``<header>``/``<nav>``/``<article>``/``<aside>``/``<footer>``, many short
  ``<p>`` (city_changsha_2024);
- ``br_div``: the body in one ``<div>`` with ``<br>`` between paragraphs, layout by ``<div>`` without class
  names that say what they are (county_rongcheng_2012).

``pages(short=True)`` gives short excerpts (the test fixtures), ``short=False`` the whole report.

    .venv/bin/python bench/html_pages.py tests/fixtures/html   # write the fixture pages and their gold bodies
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVCORPUS = ROOT.parent / "shared" / "devcorpus" / "raw"

#: Strings of the page furniture: none may be in the text of a page once read and cleaned (and none is in a body).
CHROME = ("首页", "政务公开", "政务服务", "互动交流", "当前位置", "版权所有", "ICP备", "网站标识码", "公网安备",
          "主办单位", "打印本页", "关闭窗口", "分享到", "相关链接", "字号", "发布时间", "附件", "网站地图", "无障碍")


@dataclass(frozen=True)
class Page:
    """A page and what a reader must find in it: the title and the body lines (a table row as its cells joined
    by a space), in order."""

    name: str
    html: str
    encoding: str
    title: str
    body: tuple[str, ...]


Block = tuple[str, object]  # ("p", text) or ("table", [[cell, ...], ...])


def pages(*, short: bool, corpus: Path = DEVCORPUS) -> list[Page]:
    """The four pages; ``short`` keeps about a dozen paragraphs of each body, each cut after a sentence."""
    return [_table_cms(corpus, short), _div_cms(corpus, short), _short_paragraphs(corpus, short),
            _br_div(corpus, short)]


def gold_lines(page: Page) -> list[str]:
    return [page.title, *page.body]


# ---------------------------------------------------------------------------------------------------- bodies

def _report_lines(corpus: Path, name: str) -> list[str]:
    text = (corpus / f"{name}.txt").read_text(encoding="utf-8").replace("\\r\\n", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]


def _excerpt(lines: list[str], short: bool, *, head: int = 10) -> list[str]:
    """The first ``head`` lines and the last line, each cut after a sentence or clause (at most 90 characters),
    for the short pages; every line otherwise."""
    if not short:
        return lines
    chosen = lines[:head] + lines[-1:]
    return [_cut(line) for line in chosen]


def _cut(line: str, limit: int = 90) -> str:
    if len(line) <= limit:
        return line
    for stops in ("。；！", "，、"):  # after a sentence, else after a clause
        ends = [m.end() for m in re.finditer(f"[{stops}]", line) if m.end() <= limit]
        if ends:
            return line[: ends[-1]]
    return line[:limit]


def _gaoyang(corpus: Path, short: bool) -> tuple[str, list[Block]]:
    lines = _report_lines(corpus, "county_gaoyang_2020")
    start = lines.index("2020年县政府工作总体要求和主要预期目标")
    end = next(i for i, line in enumerate(lines) if line.startswith("[打印本页]"))
    body = lines[start + 2 : end]  # after the title and its 发布时间 line
    body = [line for line in body if line != "。"]  # a stray full stop on its own line in the scrape
    blocks: list[Block] = []
    rows: list[list[str]] = [["指标", "2020年预期目标"]]
    for line in body:
        match = re.fullmatch(r"(地区生产总值|规模以上工业增加值|固定资产投资|一般公共预算收入|社会消费品零售总额|出口总额)"
                             r"(增长[\d.]+%)；", line)
        if match:
            if len(rows) == 1:
                blocks.append(("table", rows))
            rows.append([match.group(1), match.group(2)])
        else:
            blocks.append(("p", _cut(line, 120) if short else line))
    return lines[start], blocks


# ---------------------------------------------------------------------------------------------------- layouts

_FOOTER_LINKS = '<a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/wzsm/">网站声明</a>'


def _table_cms(corpus: Path, short: bool) -> Page:
    title, blocks = _gaoyang(corpus, short)
    body = "".join(_render(blocks, table_class="MsoNormalTable"))
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}-高阳县人民政府</title>
<link href="/css/style.css" rel="stylesheet" type="text/css"></head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td height="120" background="/images/top_bg.jpg"><img src="/images/logo.gif" alt="高阳县人民政府">
    <font color="#ffffff">高阳县人民政府 www.gaoyang.gov.cn</font></td></tr>
  <tr><td height="36" class="nav">
    <a href="/">首页</a> | <a href="/list.asp?classid=1">政务公开</a> | <a href="/list.asp?classid=2">政务服务</a> |
    <a href="/list.asp?classid=3">互动交流</a> | <a href="/list.asp?classid=4">走进高阳</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td width="240" valign="top" class="left">
    <table width="100%"><tr><td class="lm">政务公开</td></tr>
      <tr><td><a href="/list.asp?classid=11">政府文件</a></td></tr>
      <tr><td><a href="/list.asp?classid=12">政府工作报告</a></td></tr>
      <tr><td><a href="/list.asp?classid=13">规划计划</a></td></tr>
      <tr><td><a href="/list.asp?classid=14">财政预决算</a></td></tr></table></td>
  <td width="760" valign="top">
    <table width="100%"><tr><td class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/list.asp?classid=1">政务公开</a>
      &gt; <a href="/list.asp?classid=12">政府工作报告</a></td></tr></table>
    <table width="96%" align="center">
      <tr><td align="center" class="title"><b>{title}</b></td></tr>
      <tr><td align="center" class="time">发布时间：2020/1/8 11:20:49&nbsp;&nbsp;&nbsp;&nbsp;信息发布人：管理员&nbsp;&nbsp;
        字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></td></tr>
      <tr><td class="content">{body}</td></tr>
      <tr><td align="right"><a href="javascript:window.print()">[打印本页]</a>
        <a href="javascript:window.close()">[关闭窗口]</a></td></tr>
    </table></td></tr>
</table>
<table width="1000" align="center" class="foot"><tr><td align="center">
  <a href="#">法律声明</a> | <a href="#">关于本站</a> | <a href="/wzdt/">网站地图</a><br>
  Copyright &copy; 2007-2018 www.gaoyang.gov.cn All Rights Reserved 版权所有：河北省高阳县人民政府<br>
  主办单位：高阳县人民政府办公室 联系方式 0312-6699604<br>
  ICP备案号：冀ICP备05019657号-1 网站标识码:1306280002 公安机关备案号：冀公网安备13062802000047号
</td></tr></table>
</body></html>"""
    return Page("table_cms", page, "gb2312", title, _gold(blocks))


def _div_cms(corpus: Path, short: bool) -> Page:
    lines = _excerpt(_report_lines(corpus, "city_hechi_2024"), short, head=12)
    title = "2024年河池市人民政府工作报告"
    body = "\n".join(_styled(line, i) for i, line in enumerate(lines))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_政府工作报告_河池市人民政府</title>
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2024-02-06 10:21">
<script src="/js/jquery.min.js"></script><script>var _hmt = _hmt || [];</script>
<style>.nav li{{float:left}}</style></head>
<body>
<div class="top-bar"><div class="wrap"><span>欢迎访问河池市人民政府门户网站</span>
  <a href="/wza/">无障碍</a> <a href="/big5/">繁體</a> <a href="/en/">English</a> <a href="/m/">移动版</a></div></div>
<div class="header"><div class="wrap"><a class="logo" href="/"><img src="/images/logo.png" alt="河池市人民政府"></a>
  <div class="search"><form action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div></div></div>
<div class="nav"><ul>
  <li class="on"><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>
  <li><a href="/hdjl/">互动交流</a></li><li><a href="/sjkf/">数据开放</a></li><li><a href="/zjsh/">走进河池</a></li>
</ul></div>
<div class="wrap">
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zfgzbg/">政府工作报告</a></div>
  <div class="main-content">
    <div class="article">
      <h2 class="article-title">{title}</h2>
      <div class="article-info"><span>发布时间：2024-02-06</span><span>来源：河池市人民政府</span>
        <span class="font-size">字号：<a>大</a><a>中</a><a>小</a></span></div>
      <div class="article-content" id="ivs_content"><div class="TRS_Editor">
{body}
      </div></div>
      <div class="attachments"><p>附件：<a href="/files/2024zfgzbg.pdf">2024年河池市人民政府工作报告.pdf</a></p></div>
      <div class="article-tools">
        <div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></div>
        <div class="print"><a href="javascript:window.print();">【打印本页】</a><a href="javascript:window.close();">【关闭窗口】</a></div>
      </div>
    </div>
    <div class="related"><h3>相关链接</h3><ul>
      <li><a href="/zfgzbg/2023.html">2023年河池市人民政府工作报告</a><span>2023-01-17</span></li>
      <li><a href="/zfgzbg/2022.html">2022年河池市人民政府工作报告</a><span>2022-01-25</span></li>
      <li><a href="/zfgzbg/jd.html">图解：一图读懂2024年河池市政府工作报告</a><span>2024-02-06</span></li>
    </ul></div>
  </div>
</div>
<div class="footer"><div class="wrap">
  <p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sybz/">使用帮助</a></p>
  <p>主办单位：河池市人民政府办公室 承办：河池市大数据发展局 版权所有：河池市人民政府</p>
  <p><a href="https://beian.miit.gov.cn/">桂ICP备05001234号</a> 网站标识码：4512000001 <img src="/images/ga.png">桂公网安备 45120202000123号</p>
</div></div>
<script>document.getElementById("ivs_content").style.fontSize = "16px";</script>
</body></html>"""
    return Page("div_cms", page, "utf-8", title, tuple(lines))


def _short_paragraphs(corpus: Path, short: bool) -> Page:
    lines = _excerpt(_report_lines(corpus, "city_changsha_2024"), short, head=14)
    title = "2024年长沙市人民政府工作报告"
    blocks: list[Block] = [("p", line) for line in lines]
    body = "\n".join(_render(blocks, indent=True))
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - 长沙市人民政府</title></head>
<body>
<header class="site-header"><div class="logo">长沙市人民政府</div>
  <div class="tools"><a href="/wza">无障碍</a><a href="/old">长者模式</a></div></header>
<nav class="main-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfgzbg/">政府工作报告</a></div>
<main>
<article>
  <h1>{title}</h1>
  <div class="meta">发布时间：2024-01-22 10:00 来源：长沙市人民政府办公厅 字号：<a>大</a> <a>中</a> <a>小</a>
    <a href="javascript:print()">【打印本页】</a> <a href="javascript:close()">【关闭窗口】</a></div>
{body}
  <p class="fj">附件：<a href="/u/2024zfgzbg.docx">政府工作报告全文.docx</a></p>
</article>
<aside class="share">分享到：<a>微信</a> <a>微博</a></aside>
<aside class="related"><h2>相关链接</h2><ul><li><a href="/a/1.html">长沙市2023年国民经济和社会发展统计公报</a></li>
  <li><a href="/a/2.html">长沙市“十四五”规划纲要</a></li></ul></aside>
</main>
<footer><p>{_FOOTER_LINKS}</p><p>主办单位：长沙市人民政府办公厅 版权所有：长沙市人民政府</p>
  <p>湘ICP备05004832号 网站标识码：4301000001 湘公网安备 43010202000123号</p></footer>
</body></html>"""
    return Page("short_paragraphs", page, "utf-8", title, _gold(blocks))


def _br_div(corpus: Path, short: bool) -> Page:
    lines = _excerpt(_report_lines(corpus, "county_rongcheng_2012"), short)
    title = "容城县2012年政府工作报告"
    body = "<br>\n".join("\u3000\u3000" + html.escape(line) for line in lines)
    page = f"""<html><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<div id="top"><div><img src="/img/banner.jpg" alt="容城县人民政府网"></div>
<div><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwfw/">政务服务</a> <a href="/hdjl/">互动交流</a>
 <a href="/rcgk/">容城概况</a></div></div>
<div id="pos">当前位置：<a href="/">首页</a>&gt;&gt;<a href="/zwgk/">政务公开</a>&gt;&gt;<a href="/zfgzbg/">政府工作报告</a></div>
<div id="box">
<div id="left"><div>政务公开</div><div><a href="/zfwj/">政府文件</a></div><div><a href="/zfgzbg/">政府工作报告</a></div></div>
<div id="right">
<div style="text-align:center;font-size:22px;font-weight:bold">{title}</div>
<div style="text-align:center">发布时间：2012-02-21 来源：县政府办 浏览次数：1523 字号：【大 中 小】</div>
<div id="zoom" style="font-size:16px;line-height:30px">
{body}
</div>
<div>附件：<a href="/files/2012zfgzbg.doc">容城县2012年政府工作报告.doc</a></div>
<div style="text-align:right">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div></div>
<div id="foot">{_FOOTER_LINKS}<br>主办单位：容城县人民政府办公室 版权所有：容城县人民政府<br>
冀ICP备12001234号-1 网站标识码：1306290001 冀公网安备 13062902000011号</div>
</body></html>"""
    return Page("br_div", page, "utf-8", title, tuple(lines))


def _styled(line: str, index: int) -> str:
    """A ``<p>`` as a TRS editor writes it: the head lines (title, congress line, speaker) centred, headings bold."""
    text = html.escape(line)
    if index < 3:
        return f'<p style="text-align: center;"><strong>{text}</strong></p>' if index == 0 else \
            f'<p style="text-align: center;">{text}</p>'
    if re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", line) and len(line) < 40:
        return f'<p style="text-indent: 2em;"><strong>{text}</strong></p>'
    return f'<p style="text-indent: 2em;">{text}</p>'


def _render(blocks: list[Block], *, indent: bool = False, table_class: str = "data") -> list[str]:
    out = []
    for kind, value in blocks:
        if kind == "p":
            lead = "\u3000\u3000" if indent else ""
            out.append(f"<p>{lead}{html.escape(str(value))}</p>")
        else:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                           for row in value)  # type: ignore[attr-defined]
            out.append(f'<table class="{table_class}" border="1" cellspacing="0">{rows}</table>')
    return out


def _gold(blocks: list[Block]) -> tuple[str, ...]:
    lines: list[str] = []
    for kind, value in blocks:
        if kind == "p":
            lines.append(str(value))
        else:
            lines.extend(" ".join(row) for row in value)  # type: ignore[attr-defined]
    return tuple(lines)


def _check(page: Page) -> None:
    for line in gold_lines(page):
        found = [s for s in CHROME if s in line]
        if found:
            raise ValueError(f"{page.name}: body line holds page furniture {found}: {line[:40]}")


def write_fixtures(folder: Path, *, corpus: Path = DEVCORPUS) -> list[Path]:
    """Write each short page as ``<name>.html`` (in its encoding) and its title and body as ``<name>.body.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for page in pages(short=True, corpus=corpus):
        _check(page)
        path = folder / f"{page.name}.html"
        path.write_bytes(page.html.encode("gb18030" if page.encoding == "gb2312" else page.encoding))
        (folder / f"{page.name}.body.txt").write_text("\n".join(gold_lines(page)) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "html"
    for path in write_fixtures(target):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path, path.stat().st_size, "bytes")

"""Web pages: the report is taken without the portal's nav, breadcrumb, share links and footer, and never loses text.

The pages in tests/fixtures/html are the layouts of government portals (old table CMS in GB2312, div CMS, HTML5
article with many short paragraphs, one <div> with <br>s) around short excerpts of real reports; each
``<name>.body.txt`` holds the title and the body lines the page shows (written by bench/html_pages.py).
"""

from __future__ import annotations

import shutil

import pytest

from govreports.corpus import webpages
from govreports.corpus.clean import clean_text
from govreports.corpus.load import load_document
from govreports.corpus.readers import read_file
from tests.conftest import FIXTURES

PAGES = FIXTURES / "html"
NAMES = ["table_cms", "div_cms", "short_paragraphs", "br_div"]

# the portal furniture of the pages: nav, breadcrumb, page-info line, share/print, attachments, related, footer
CHROME = ["首页", "政务公开", "政务服务", "互动交流", "当前位置", "发布时间", "字号", "打印本页", "关闭窗口", "分享到",
          "附件", "相关链接", "网站地图", "主办单位", "版权所有", "ICP备", "网站标识码", "公网安备", "无障碍", "微博",
          "2023年河池市人民政府工作报告"]


def _gold(name: str) -> list[str]:
    lines = (PAGES / f"{name}.body.txt").read_text(encoding="utf-8").splitlines()
    return [clean_text(line).text for line in lines]  # full-width ％ and digits as the cleaner writes them


@pytest.mark.parametrize("name", NAMES)
def test_page_gives_title_and_every_body_line_in_order(name: str) -> None:
    raw = read_file(PAGES / f"{name}.html")
    assert raw.extraction == "main"
    assert clean_text(raw.text).text.split("\n") == _gold(name)


@pytest.mark.parametrize("name", NAMES)
def test_page_chrome_is_gone(name: str) -> None:
    text = clean_text(read_file(PAGES / f"{name}.html").text).text
    assert [word for word in CHROME if word in text] == []


@pytest.mark.parametrize(
    ("name", "date", "encoding"),
    [("table_cms", "2020/1/8 11:20:49", "gb18030"), ("div_cms", "2024-02-06", "utf-8"),
     ("short_paragraphs", "2024-01-22 10:00", "utf-8"), ("br_div", "2012-02-21", "utf-8")],
)
def test_page_info_line_becomes_header_fields(name: str, date: str, encoding: str) -> None:
    raw = read_file(PAGES / f"{name}.html")
    assert raw.encoding == encoding
    assert clean_text(raw.text).fields["发布时间"] == date


def test_loaded_page_has_title_date_and_congress_line(tmp_path) -> None:
    path = tmp_path / "hechi.html"
    shutil.copy(PAGES / "div_cms.html", path)
    row = load_document(path)
    assert row["title"] == "2024年河池市人民政府工作报告"
    assert row["date"] == "2024-02-06"
    assert row["report_year"] == 2024
    assert "——2024年2月2日在河池市第五届人民代表大会第五次会议上" in row["text"].split("\n")


def test_table_of_figures_keeps_one_row_a_line() -> None:
    text = clean_text(read_file(PAGES / "table_cms.html").text).text.split("\n")
    start = text.index("全县经济社会发展主要预期目标是：")
    assert text[start + 1 : start + 4] == ["指标 2020年预期目标", "地区生产总值 增长7%", "规模以上工业增加值 增长7.5%"]


def test_layout_rows_stay_blocks_and_data_rows_join() -> None:
    page = ("<table><tr><td><p>各位代表：</p><p>现在，我代表县人民政府向大会报告工作。</p>"
            "<table><tr><td>财政总收入</td><td><p>6.6亿元</p></td></tr></table></td></tr></table>")
    assert webpages.page_lines(page) == ["各位代表：", "现在，我代表县人民政府向大会报告工作。", "财政总收入\t6.6亿元"]


CONGRESS = "——2024年2月2日在河池市第五届人民代表大会第五次会议上"


def test_report_text_outside_the_article_is_kept() -> None:
    # the report's head lines (title, congress line, speaker) in a block above the article's title: readability
    # takes only the article's own block
    page = (PAGES / "div_cms.html").read_text(encoding="utf-8")
    start, end = page.index('<p style="text-align: center;">'), page.index('<p style="text-indent: 2em;">各位代表：')
    moved = page[:start] + page[end:]
    moved = moved.replace('<h2 class="article-title">', f'<div class="subtitle">{page[start:end]}</div><h2 class="article-title">')
    result = webpages.page_text(moved)
    text = clean_text(result.text).text.split("\n")
    title, _, congress, speaker, dear, first = _gold("div_cms")[:6]
    assert congress == CONGRESS
    assert text[:5] == [congress, speaker, title, dear, first]  # 政府工作报告 above the congress line is not kept
    assert result.method == "extended" and CONGRESS[:20] in result.reason
    assert [word for word in CHROME if word in "\n".join(text)] == []


def test_whole_page_when_readability_fails(monkeypatch) -> None:
    def broken(html: str) -> str:
        raise ValueError("no candidates")

    monkeypatch.setattr(webpages, "_readability_summary", broken)
    page = (PAGES / "div_cms.html").read_text(encoding="utf-8")
    result = webpages.page_text(page)
    assert result.method == "page" and result.reason == "readability failed: ValueError"
    assert [line for line in _gold("div_cms") if line not in clean_text(result.text).text.split("\n")] == []


def test_whole_page_when_the_article_is_not_on_the_page(monkeypatch) -> None:
    monkeypatch.setattr(webpages, "_readability_summary", lambda html: "<div><p>另一篇文章的正文。</p></div>")
    result = webpages.page_text((PAGES / "short_paragraphs.html").read_text(encoding="utf-8"))
    assert result.method == "page"
    assert "各位代表：" in result.text.split("\n")

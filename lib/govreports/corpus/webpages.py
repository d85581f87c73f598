"""The text of a report published as a web page, without the site's navigation, breadcrumb and footer.

Government portals wrap a report in the furniture of their CMS: a header with the site name, a nav bar (首页
政务公开 政务服务 互动交流), a breadcrumb (当前位置：首页 > 政务公开 > 政府工作报告), share and print links
(【打印本页】【关闭窗口】), related links and a footer (主办单位, 版权所有, ICP备, 网站标识码, 公网安备). How the text is
taken (compared with trafilatura and jusText in ``bench/html_extractors.py``):

1. **Page lines.** Every visible block of the page becomes a line (scripts, styles, forms and ``<nav>``/
   ``<header>``/``<footer>`` dropped); a table row whose cells hold no table is one line, cells joined by a tab.
2. **Main content.** readability-lxml picks the article (the element whose paragraphs score highest) and its
   lines are found, in order, among the page lines. The text is the page lines from the article's first line
   (or from its title line, when that stands up to 12 lines above the article: a line that the page's
   ``ArticleTitle`` or ``<title>`` names) to its last line, so nothing readability left out *inside* that span
   (a table, a centred heading, 各位代表：, the 发布时间/来源 line) is lost. Page-label lines (发布时间：…,
   索引号：…) in the 12 lines above are put first: they are metadata, which :mod:`govreports.corpus.clean`
   moves into the header fields.
3. **Never drop report text.** A page line outside the span that is report text (cue ``report_line`` of
   ``resources/layout_cues.csv``: a sentence of at least 20 Chinese characters ending in 。 or ；, a numbered
   heading, 各位代表, a congress line) widens the span to include it (method ``extended``). The whole page is
   taken (method ``page``) when readability fails or when less than half of its article's characters are found
   among the page lines; :mod:`govreports.corpus.clean` then removes what chrome its text-level rules know.

:attr:`PageText.method` says which was done and why.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from govreports.rules.reading import ReadingRules, reading_rules

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

__all__ = ["PageText", "page_lines", "page_text"]

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "form", "button", "select", "iframe",
              "template", "object")
_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "main", "aside", "table", "ul", "ol", "dl", "dt", "dd", "center", "blockquote", "pre",
               "hr")
_SPACE = re.compile(r"\s+")
# what stands between an article's title and the site's name in a <title> (…工作报告_政务公开_某某市人民政府)
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|-(?=[^\d]))\s*")
_TITLE_SEARCH = 12  # lines above the article searched for its title and the page-label lines


@dataclass(frozen=True)
class PageText:
    """The text taken from a web page.

    Attributes:
        text: one block a line.
        method: ``main`` (the article, as described in the module docstring), ``extended`` (the article
            and report lines readability left out, with what lies between) or ``page`` (every visible line).
        reason: why the text is not readability's article alone (empty for ``main``).
    """

    text: str
    method: Literal["main", "extended", "page"]
    reason: str = ""


def page_text(html: str) -> PageText:
    """The report's text of a web page (see the module docstring for the steps).

    Returns:
        :class:`PageText`; its ``text`` is empty only when the page shows no text at all.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    titles = _page_titles(soup)
    lines = _lines_of(soup)
    if not lines:
        return PageText("", "page", "no visible text")
    try:
        summary = _readability_summary(html)
    except Exception as error:  # readability raises its own Unparseable and lxml's errors on broken pages
        return PageText("\n".join(lines), "page", f"readability failed: {type(error).__name__}")
    main = [key for key in map(_key, page_lines(summary)) if key]
    keys = [_key(line) for line in lines]
    span, found = _span(keys, main)
    if span is None or found < 0.5 * sum(map(len, main)):
        return PageText("\n".join(lines), "page", "readability's article not found among the page lines")
    first, last = span
    title = _title_line(keys, first, titles)
    if title is not None:
        first = title
    report_line = reading_rules().cue("report_line")
    outside = [i for i, line in enumerate(lines) if (i < first or i > last) and report_line.search(line)]
    reason = ""
    if outside:
        reason = f"report text outside readability's article, kept: {lines[outside[0]][:30]}"
        first, last = min(first, outside[0]), max(last, outside[-1])
    label = _label_start(reading_rules())
    fields = [i for i in range(max(0, first - _TITLE_SEARCH), first) if label.match(lines[i])]
    return PageText("\n".join([lines[i] for i in fields] + lines[first : last + 1]),
                    "extended" if outside else "main", reason)


def page_lines(html: str) -> list[str]:
    """The visible blocks of a page, one a line, stripped, without empty lines (step 1 of the module docstring)."""
    from bs4 import BeautifulSoup

    return _lines_of(BeautifulSoup(html, "lxml"))


def _lines_of(soup: BeautifulSoup) -> list[str]:
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for row in soup.find_all("tr"):
        if row.find("table") is None:
            cells = [_SPACE.sub(" ", cell.get_text("")).strip() for cell in row.find_all(["td", "th"])]
            row.replace_with(soup.new_string("\n" + "\t".join(cell for cell in cells if cell) + "\n"))
    for tag in soup.find_all(list(_BLOCK_TAGS)):
        tag.insert_before("\n")
        tag.insert_after("\n")
    body = soup.body or soup
    return [line.strip() for line in body.get_text("").split("\n") if line.strip()]


def _readability_summary(html: str) -> str:
    from readability import Document

    logging.getLogger("readability").setLevel(logging.CRITICAL)  # it logs a traceback before raising
    return Document(html).summary(html_partial=True)


@lru_cache(maxsize=4)
def _label_start(rules: ReadingRules) -> re.Pattern[str]:
    """A line that starts with a page label and its colon (发布时间：…)."""
    return re.compile("(?:" + "|".join(map(re.escape, rules.page_labels)) + r")\s*[:：]")


def _key(line: str) -> str:
    return _SPACE.sub("", line)


def _span(keys: list[str], main: list[str]) -> tuple[tuple[int, int] | None, int]:
    """The first and last page line holding a line of the article, found in order, and the characters found."""
    indices: list[int] = []
    found = 0
    at = 0
    for key in main:
        hit = next((i for i in range(at, len(keys)) if key == keys[i] or (len(key) >= 4 and key in keys[i])), None)
        if hit is None:
            continue
        indices.append(hit)
        found += len(key)
        at = hit if key != keys[hit] else hit + 1
    return ((indices[0], indices[-1]) if indices else None), found


def _page_titles(soup: BeautifulSoup) -> set[str]:
    """The article title as the page declares it (``ArticleTitle`` meta; ``<title>`` whole and its first part)."""
    titles = set()
    meta = soup.find("meta", attrs={"name": re.compile("^articletitle$", re.IGNORECASE)})
    if meta is not None and meta.get("content"):
        titles.add(_key(str(meta["content"])))
    if soup.title is not None:
        whole = soup.title.get_text(" ").strip()
        titles.update({_key(whole), _key(_TITLE_SEPARATOR.split(whole)[0])})
    return {title for title in titles if len(title) >= 4}


def _title_line(keys: list[str], first: int, titles: set[str]) -> int | None:
    """The title line of the article: the first two lines of the article or, nearest first, one of the
    lines above it that the page's title names (equal, or at least 8 characters of it)."""
    def names(key: str) -> bool:
        return any(key == title or (len(key) >= 8 and key in title) for title in titles)

    if any(names(key) for key in keys[first : first + 2]):
        return None
    return next((i for i in range(first - 1, max(-1, first - 1 - _TITLE_SEARCH), -1) if names(keys[i])), None)

"""Clean the text of a report as downloaded: remove web-page chrome, keep the report's wording.

What cleaning does, in order:

1. Line breaks: ``\\r\\n``, ``\\r`` and the literal two-character escapes ``\\n``/``\\r\\n`` that some
   scrapes carry become real line breaks.
2. Characters (:func:`govreports.chinese.chars.normalise_chars`): zero-width characters (U+200B-U+200D, U+2060, U+FEFF, soft hyphen) are removed; a run of
   U+FFFD between two Chinese numerals is the lost 〇 of a date (二��三五年 -> 二〇三五年) and is
   restored, every other U+FFFD is removed; full-width digits and Latin letters become ASCII, ％ -> %,
   － -> -, ＋ -> +, and ． between digits -> ``.``; U+3000 and no-break spaces become spaces.
   Chinese punctuation (，。：（）) is left as it is.
3. Whitespace: each line is stripped and runs of spaces become one space; spaces that break a number
   (``5 . 5%``, ``2020 年``, ``8 %``) are removed. Blank lines are dropped: one line, one paragraph.
   Spaces between Chinese text are kept, because some scrapes (sample 003) use them as paragraph breaks.
4. Chrome: bullets, table pipes and ``---|---`` rows; lines made only of page-header fields
   (索引号/主题分类/发布机构/成文日期/... as lines, bullet lists or ``|`` tables, with a value on the same
   or the next line); page controls (分享, 打印, 关闭, 字号 大 中 小, 上一篇); 责任编辑 lines; site chrome
   left by a scrape (cues ``site_chrome`` and ``breadcrumb`` of ``layout_cues.csv``): nav lines (首页 政务公开
   互动交流), breadcrumbs (当前位置：… on one line, or one item a line with ``>>`` lines between), attachment
   links (附件：….pdf), footer lines (主办单位：…, 版权所有, ICP备, 公网安备, 网站标识码). The header
   fields are kept in :attr:`CleanText.fields` for the metadata.
5. Page numbers alone on a line (— 9 —, 第3页) are removed; a text hard-wrapped at a fixed width (a PDF conversion:
   most lines of the same length) has its wrapped lines joined again (``_unwrap``).
6. A body that a page repeats twice is kept once.

The raw text is not changed; callers keep it for audit.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from govreports.chinese.chars import normalise_chars
from govreports.rules.reading import ReadingRules, reading_rules

__all__ = ["CleanText", "clean_text"]


@dataclass(frozen=True)
class CleanText:
    """Result of :func:`clean_text`.

    Attributes:
        text: the clean text, one paragraph a line.
        fields: page-header fields found, label -> value (first value wins), e.g. ``{"成文日期": "2021-01-15"}``.
        removed: the chrome lines removed, in order, for audit.
        repeated_body: True when a second copy of the body was dropped.
    """

    text: str
    fields: dict[str, str] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    repeated_body: bool = False


_LITERAL_BREAKS = re.compile(r"\\r\\n|\\n|\\r")
_SPACES = re.compile(r"[ \t\f\v]+")
@lru_cache(maxsize=4)
def _label_pattern(rules: ReadingRules) -> re.Pattern[str]:
    """A page label (索引号, 发布机构 …) followed by its colon."""
    return re.compile("(" + "|".join(sorted(map(re.escape, rules.page_labels), key=len, reverse=True)) + r")\s*[:：]\s*")


_TABLE_RULE = re.compile(r"^[\s|:：\-—=+]+$")


def clean_text(raw: str) -> CleanText:
    """Clean a report's raw text (see the module docstring for the exact steps).

    Args:
        raw: decoded text as read from the file.

    Returns:
        :class:`CleanText`; ``text`` is empty when nothing but chrome was found.
    """
    rules = reading_rules()  # once per report, not per line
    text = _LITERAL_BREAKS.sub("\n", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = normalise_chars(text)
    fields: dict[str, str] = {}
    removed: list[str] = []
    kept: list[str] = []
    pending: str | None = None  # a header label whose value may follow on the next line
    crumb: str | None = None  # in a breadcrumb split over lines: "item" or "separator" expected next
    for raw_line in text.split("\n"):
        line = _tidy_line(raw_line, rules)
        if not line:
            continue
        crumb = _breadcrumb_step(line, crumb, rules)
        if crumb is not None:
            removed.append(line)
            continue
        pairs = _header_pairs(line, rules)
        if pairs is not None:
            for label, value in pairs:
                if value:
                    fields.setdefault(label, value)
            pending = pairs[-1][0] if not pairs[-1][1] else None
            removed.append(line)
            continue
        if pending is not None and _is_header_value(line, rules) and not rules.cue("control_line").match(line):
            fields.setdefault(pending, line)
            removed.append(line)
            pending = None
            continue
        pending = None
        if rules.cue("control_line").match(line) or rules.cue("site_chrome").search(line) or _PAGE_NUMBER.match(line):
            removed.append(line)
            continue
        kept.append(line)
    kept = _unwrap(kept)
    kept, repeated = _drop_repeated_body(kept)
    return CleanText("\n".join(kept), fields, tuple(removed), repeated)


_PAGE_NUMBER = re.compile(r"^[—\-－–]{1,2}\s*\d{1,3}\s*[—\-－–]{1,2}$|^第\s*\d{1,3}\s*页(?:\s*[/,，]?\s*共\s*\d{1,3}\s*页)?$")
_LINE_END = "。！？!?；;：:”’」』"
_HEADING_MARK = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d))")


def _unwrap(lines: list[str]) -> list[str]:
    """Join the lines of a text hard-wrapped at a fixed width (a PDF or print conversion): when at least half of
    the lines of ten characters or more have the same length give or take two (the page width, at least 20
    characters) and most of those lines end mid-sentence, a line of that
    width (give or take five characters of full-width punctuation) that does not end a sentence continues on the next line, unless the next line starts a heading.
    Otherwise the lines are kept as they are."""
    widths = [len(line) for line in lines if len(line) >= 10]
    if len(widths) < 20:
        return lines
    lengths = Counter(widths)
    width = max(lengths, key=lambda w: (sum(lengths[v] for v in range(w - 2, w + 2)), -w))  # lines of w-2 to w+1
    at_width = [line for line in lines if width - 2 <= len(line) <= width + 1]
    cut = sum(1 for line in at_width if line[-1] not in _LINE_END)
    if width < 20 or len(at_width) < 0.5 * len(widths) or cut < 0.6 * len(at_width):
        return lines
    joined: list[str] = []
    carry = False
    for line in lines:
        if carry and not _HEADING_MARK.match(line):
            joined[-1] += line
        else:
            joined.append(line)
        carry = len(line) >= width - 5 and line[-1] not in _LINE_END
    return joined


_CRUMB_SEPARATOR = re.compile(r"^[>»›＞→/]+$")


def _breadcrumb_step(line: str, state: str | None, rules: ReadingRules) -> str | None:
    """Follow a breadcrumb written one item a line (当前位置： / 首页 / >> / 领导之窗 / >> / 政府工作报告): the
    state after ``line`` when the line belongs to it, ``None`` when it does not (and the breadcrumb is over)."""
    if rules.cue("breadcrumb").match(line):
        return "item"
    if state == "item" and len(line) <= 20 and not re.search(r"[。，；：:]", line):
        return "separator"
    if state == "separator" and _CRUMB_SEPARATOR.match(line):
        return "item"
    return None


def _tidy_line(line: str, rules: ReadingRules) -> str:
    """A line without its bullet and table pipes, its runs of spaces made one, stripped (in this order: a bullet rule
    of one's own may count the spaces or tabs before a bullet)."""
    line = rules.cue("bullet").sub("", line)
    if "|" in line:
        if _TABLE_RULE.match(line):
            return ""
        line = " ".join(cell.strip() for cell in line.split("|") if cell.strip())
    return _SPACES.sub(" ", line).strip()


def _header_pairs(line: str, rules: ReadingRules) -> list[tuple[str, str]] | None:
    """Split a line made only of ``label: value`` pairs; ``None`` when it is anything else."""
    labels = _label_pattern(rules)
    if len(line) > 160 or not labels.match(line):
        return None
    matches = list(labels.finditer(line))
    pairs = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(line)
        value = line[match.end() : end].strip()
        if len(value) > 60:
            return None
        pairs.append((match.group(1), value))
    return pairs


def _is_header_value(line: str, rules: ReadingRules) -> bool:
    """A line that can be the value of a header label given on the line before it."""
    return len(line) <= 40 and not rules.cue("title_words").search(line) and not re.search(r"[。，；;！？]", line)


def _drop_repeated_body(lines: list[str]) -> tuple[list[str], bool]:
    """Drop a second copy of the body (and of the title line before it), as some pages print it twice."""
    if len(lines) == 1:
        return _drop_repeated_line(lines)
    first = next((i for i, line in enumerate(lines) if len(line) >= 20), None)
    if first is None:
        return lines, False
    for j in range(first + 1, len(lines)):
        if lines[j] != lines[first]:
            continue
        span = j - first
        if lines[j : j + span] == lines[first:j]:
            start = j - 1 if first > 0 and lines[j - 1] == lines[first - 1] else j
            return lines[:start] + lines[j + span :], True
    return lines, False


def _drop_repeated_line(lines: list[str]) -> tuple[list[str], bool]:
    line = lines[0]
    half = len(line) // 2
    for cut in (half, half + 1):
        left, right = line[:cut].strip(), line[cut:].strip()
        if len(left) >= 100 and left == right:
            return [left], True
    return lines, False

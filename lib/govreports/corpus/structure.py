"""Split a clean report into paragraphs and sentences, with headings, sections and character offsets.

Paragraphs:

- Each line of the clean text is a paragraph, unless it is cut further:
  - at a space after a sentence end (。！？；：), at a space before a heading marker (一、 (一) 1.), and at a
    space after a short heading-like run (at most 40 characters, no sentence end). Sample 003 has no line
    breaks at all, only such spaces. A space between a verb of change or level and a figure (增长 7%) is inside a
    sentence and never cuts;
  - before 一是/二是/… when a line holds at least two of them in order, each after a sentence end
    (sample 004 runs its 一是…二是… items together on one line).
- Headings: a numbered run of at most 60 characters (一、 level 1, (一) level 2, 1. level 3, (1) level 4)
  with no full stop before its end, or an unnumbered line of 4-40 characters with no sentence punctuation
  (level 0). The title and the signature block (organisation and date at the end) are not headings.

Sections (``review``, ``targets``, ``plan``, ``other``): the headings of the level that divides the report (unnumbered
lines when two of them name a section, else the highest numbered level naming one: see ``_top_level``) are classified by their words (回顾/总结 -> review; 思路/计划/任务/重点工作 -> plan; 主要目标/预期目标 ->
targets; otherwise other), and everything under a heading inherits its section. A sub-heading naming
主要(预期)目标 is ``targets``, and so is a paragraph that states 主要预期目标. Text before the first
heading is ``other``.

Sentences: see :mod:`govreports.corpus.sentences` (:func:`sentences` is imported here too).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from govreports.corpus.metadata import find_title, parse_date
from govreports.corpus.sentences import sentences
from govreports.rules.reading import reading_rules
from govreports.runtime.tables import concat

__all__ = ["SECTION_LABELS", "Paragraph", "offsets_ok", "paragraph_spans", "paragraph_texts", "paragraphs",
           "section_of_heading", "sentences", "split_paragraphs", "top_headings"]

Section = Literal["review", "targets", "plan", "other"]

#: Chinese labels of the sections, in reading order.
SECTION_LABELS: dict[str, str] = {"review": "回顾总结", "targets": "主要目标", "plan": "任务与计划", "other": "其他"}
Kind = Literal["title", "heading", "body", "signature"]

_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")),
    (2, re.compile(r"^[(（][一二三四五六七八九十]+[)）]")),
    (3, re.compile(r"^\d{1,2}[.、．](?!\d)")),
    (4, re.compile(r"^[(（]\d{1,2}[)）]")),
)
_HEADING_START = re.compile(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、](?!\d)")
_SPACE = re.compile(" ")
_ENDS_SENTENCE = "。！？；;：:"
_ENUMERATOR = re.compile(r"(?<=[。；;])([一二三四五六七八九十])是")
_TARGET_PARAGRAPH = re.compile(r"主要预期目标|主要目标[是为:：]")
# 圆满实现经济社会发展主要预期目标: a result reported against the targets, not the targets
_RESULT_AGAINST = re.compile(r"(?:完成|实现|达到|超过|超额|好于|确定的|提出的)[^，,。；;：:]{0,10}$")
_VERB_BEFORE_NUMBER = re.compile(r"(?:增长|增加|提高|下降|降低|达到|达|为|完成|实现|突破|超过|控制在|保持在|约|近)$")
_REQUIREMENTS = re.compile(r"总体要求[是为:：]|总体思路[是为:：]")
_RATE = re.compile(r"\d\s*%|百分之|个百分点")
_NOT_A_TARGET = re.compile(r"预计|同比|比上年|较上年|前三季度|上半年|\d{1,2}\s*[-—至]\s*\d{1,2}\s*月")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the clean text: ``text == clean[start:end]``."""

    start: int
    end: int
    text: str
    kind: Kind
    level: int | None


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of a clean text, in order (see the module docstring for the rules)."""
    spans = paragraph_spans(text)
    title = find_title(text)
    signature = _signature_start(text, spans)
    result = []
    for index, (start, end) in enumerate(spans):
        chunk = text[start:end]
        if index == 0 and title is not None and chunk == title:
            result.append(Paragraph(start, end, chunk, "title", 0))
        elif index >= signature:
            result.append(Paragraph(start, end, chunk, "signature", None))
        else:
            level = heading_level(chunk)
            result.append(Paragraph(start, end, chunk, "heading" if level is not None else "body", level))
    return result


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of :func:`split_paragraphs`, in order, without classifying them (a fifth of
    the cost). Every character of ``text`` that is not whitespace (``str.isspace``) lies in one paragraph, and each
    paragraph is stripped of whitespace."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        for start, end in _split_line(line):
            spans.append((offset + start, offset + end))
        offset += len(line) + 1
    return spans


def heading_level(chunk: str) -> int | None:
    """The heading level of a paragraph (0 unnumbered, 1 一、, 2 (一), 3 1., 4 (1)), or ``None``."""
    for level, marker in _MARKERS:
        if marker.match(chunk):
            body = chunk.rstrip("。")
            return level if len(chunk) <= 60 and "。" not in body else None
    if 4 <= len(chunk) <= 40 and not re.search(r"[。！？!?；;：:]", chunk) and not chunk.endswith(("，", ",")):
        return None if parse_date(chunk) else 0
    return None


def section_of_heading(heading: str) -> Section:
    """Classify a heading by its words: ``targets``, ``review``, ``plan`` or ``other``."""
    return _section_of(heading, reading_rules().sections)


def _section_of(heading: str, sections: Mapping[str, re.Pattern[str]]) -> Section:
    """:func:`section_of_heading` with the section cues of the reading rules in effect (looked up once a report)."""
    for section, pattern in sections.items():  # in the order of section_cues.csv
        if pattern.search(heading):
            return section  # type: ignore[return-value]
    return "other"


def top_headings(parts: list[Paragraph]) -> list[tuple[Section, str]]:
    """``(section, text)`` of the headings at the highest level the report uses, in order."""
    top = _top_level(parts)
    if top is None:
        return []
    return [(section_of_heading(p.text), p.text) for p in parts if p.kind == "heading" and p.level == top]


def paragraphs(documents: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs table of a documents table (from :func:`govreports.load_corpus`).

    Returns:
        One row per paragraph, sorted by ``doc_id`` then ``paragraph``, with columns ``doc_id``,
        ``paragraph`` (0-based within the report), ``kind`` (title/heading/body/signature), ``level``
        (heading level, <NA> for others), ``section``, ``heading_path`` (enclosing headings joined by
        `` > ``), ``start``, ``end`` (offsets into the clean ``text``), ``n_chars`` and ``text``.
    """
    columns = ["doc_id", "paragraph", "kind", "level", "section", "heading_path", "start", "end", "n_chars", "text"]
    parts, rows = [], []
    for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True):
        rows.extend(_paragraph_rows(doc_id, text))
        if len(rows) >= _CHUNK_ROWS:  # a table every so many rows: the rows' Python objects never pile up
            parts.append(_paragraph_frame(rows, columns))
            rows = []
    if rows or not parts:
        parts.append(_paragraph_frame(rows, columns))
    table = concat(parts)
    if documents["doc_id"].is_monotonic_increasing and documents["doc_id"].is_unique:
        return table  # already in order (reports by doc_id, each report's paragraphs in order)
    return table.sort_values(["doc_id", "paragraph"], kind="stable").reset_index(drop=True)


def _paragraph_frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=columns)
    table["level"] = table["level"].astype("Int64")
    return table


#: Rows of a paragraphs table built at a time.
_CHUNK_ROWS = 50_000


def paragraph_texts(documents: pd.DataFrame) -> pd.DataFrame:
    """The ``doc_id``, ``paragraph``, ``start`` and ``text`` columns of :func:`paragraphs`, the same rows in the same
    order, without classifying headings and sections: what segmentation needs, at a third of the cost."""
    rows = [(doc_id, number, start, text[start:end])
            for doc_id, text in zip(documents["doc_id"], documents["text"], strict=True)
            for number, (start, end) in enumerate(paragraph_spans(text))]
    table = pd.DataFrame(rows, columns=["doc_id", "paragraph", "start", "text"])
    return table.sort_values(["doc_id", "paragraph"], kind="stable").reset_index(drop=True)


def offsets_ok(documents: pd.DataFrame, table: pd.DataFrame) -> bool:
    """True when every row of ``table`` (paragraphs, sentences or tokens) points at its own text in the clean text
    of its report: ``text[start:end] == table.text``, or ``text[start:start + len(token)] == token``."""
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    if "token" in table.columns:
        tokens = zip(table["doc_id"], table["start"], table["token"], strict=True)
        return all(texts[d][s : s + len(t)] == t for d, s, t in tokens)
    spans = zip(table["doc_id"], table["start"], table["end"], table["text"], strict=True)
    return all(texts[d][s:e] == t for d, s, e, t in spans)


def _paragraph_rows(doc_id: str, text: str) -> list[tuple]:
    parts = split_paragraphs(text)
    cues = reading_rules().sections
    top = _top_level(parts, cues)
    stack: list[tuple[int, str]] = []  # (level, heading text)
    section: Section = "other"
    rows = []
    targets_open = 0  # 2: after a targets cue; 1: right after a statement of the year's general requirements
    for number, part in enumerate(parts):
        part_section = section
        if part.kind != "body":
            targets_open = 0
        if part.kind == "heading" and part.level is not None:
            stack = [(lvl, txt) for lvl, txt in stack if lvl < part.level]
            stack.append((part.level, part.text))
            if part.level == top:
                section = _section_of(part.text, cues)
            elif _section_of(part.text, cues) == "targets":
                section = "targets"
            part_section = section
        elif part.kind == "body" and _states_targets(part.text):
            part_section = "targets"
            targets_open = 2
        elif part.kind == "body" and targets_open and _target_item(part.text, strict=targets_open == 1):
            part_section = "targets"
        elif part.kind == "body":
            targets_open = 1 if _REQUIREMENTS.search(part.text) else 0
        elif part.kind in ("title", "signature"):
            part_section = "other"
        path = " > ".join(txt for _, txt in stack) if part.kind in ("heading", "body") else ""
        rows.append((doc_id, number, part.kind, part.level, part_section, path,
                     part.start, part.end, part.end - part.start, part.text))
    return rows


def _top_level(parts: list[Paragraph], cues: Mapping[str, re.Pattern[str]] | None = None) -> int | None:
    """The level whose headings divide the report into sections. Unnumbered lines (level 0) when at least two of
    them name a section (回顾, 主要目标, 重点工作 …); else the highest numbered level with a heading that names one;
    else level 0 if one of its lines does; else the highest numbered level. Unnumbered short lines also catch
    fragments (a title cut by line breaks, a licence notice, the 计划纲要 on the cover), so one such line never
    outranks numbered headings."""
    headings = [(p.level, p.text) for p in parts if p.kind == "heading" and p.level is not None]
    sections = reading_rules().sections if cues is None else cues
    naming = Counter(level for level, text in headings if _section_of(text, sections) != "other")
    numbered = sorted(level for level in naming if level)
    if naming[0] >= 2 or (naming[0] and not numbered):
        return 0
    if numbered:
        return numbered[0]
    levels = [level for level, _ in headings if level] or [level for level, _ in headings]
    return min(levels, default=None)


def _states_targets(text: str) -> bool:
    """A paragraph that states the year's main targets (主要预期目标是…), not one that reports them met."""
    return any(not _RESULT_AGAINST.search(text[: match.start()]) for match in _TARGET_PARAGRAPH.finditer(text))


def _target_item(text: str, *, strict: bool) -> bool:
    """A paragraph that continues the year's targets (the list after 主要预期目标是： on its own line, or the list
    right after the general requirements): it states rates and nothing of a past period (预计, 同比, 前三季度 ...);
    right after the requirements it must state at least two."""
    rates = len(_RATE.findall(text))
    return rates >= (2 if strict else 1) and not _NOT_A_TARGET.search(text)


def _split_line(line: str) -> list[tuple[int, int]]:
    """Cut one line into paragraph spans (offsets within the line), stripped of spaces."""
    cuts = [0]
    for match in _SPACE.finditer(line) if " " in line else ():  # one line in a hundred has a space
        before, after = line[cuts[-1] : match.start()], line[match.end() :]
        if not before.strip() or (_VERB_BEFORE_NUMBER.search(before) and after[:1].isdigit()):
            continue  # 地区生产总值增长 7%左右: a space inside a sentence, before its figure
        if (
            before[-1] in _ENDS_SENTENCE or (before[-1] in "”’」』）)" and len(before) > 1 and before[-2] in "。！？")
            or _HEADING_START.match(after)
            or (4 <= len(before.strip()) <= 40 and not re.search(r"[。！？；;]", before))
        ):
            cuts.append(match.end())
    enumerators = list(_ENUMERATOR.finditer(line)) if "是" in line else []
    numbers = [m.group(1) for m in enumerators]
    if len(enumerators) >= 2 and numbers[:2] in (["一", "二"], ["二", "三"]):
        cuts.extend(m.start() for m in enumerators)
    if len(cuts) == 1:  # most lines: the line itself
        stripped = line.strip()
        return [(len(line) - len(line.lstrip()), len(line) - len(line.lstrip()) + len(stripped))] if stripped else []
    cuts = sorted(set(cuts))
    spans = []
    for start, end in zip(cuts, [*cuts[1:], len(line)], strict=True):
        chunk = line[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
    return spans


def _signature_start(text: str, spans: list[tuple[int, int]]) -> int:
    """Index of the first paragraph of the signature block (organisation and/or date lines at the end)."""
    index = len(spans)
    for start, end in reversed(spans[-2:]):
        chunk = text[start:end]
        if len(chunk) <= 40 and ((parse_date(chunk) and len(chunk) <= 20) or reading_rules().cue("signature_org").search(chunk)):
            index -= 1
        else:
            break
    return index

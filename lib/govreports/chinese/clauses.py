"""Where sentences, parts and clauses of a sentence end: one rule for every module that reads within a sentence.

- A **sentence** ends at 。！？!? (with any closing quote or bracket after it).
- A **part** of a sentence ends at ；; or at a sentence end: a lead-in such as 预计 or 主要预期目标是： governs the
  parts after it, and a hedge such as 在实际工作中争取更好结果 governs its part.
- A **clause** ends at ，,、 is *not* a clause end (it joins list items); ，,；;：: and the sentence ends are.
"""

from __future__ import annotations

import re

__all__ = ["CLAUSE_BREAK", "PART_BREAK", "SENTENCE_END", "clause_after", "clause_before"]

SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*")
PART_BREAK = re.compile(r"[；;。！？!?]")
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")


def clause_before(text: str, position: int) -> str:
    """The words of the clause that ``position`` stands in, from the clause's start up to ``position``."""
    lead = text[:position]
    return lead[max((m.end() for m in CLAUSE_BREAK.finditer(lead)), default=0) :]


def clause_after(text: str, position: int, *, breaks: re.Pattern[str] = CLAUSE_BREAK) -> str:
    """The words from ``position`` to the end of its clause (or part, with ``breaks=PART_BREAK``)."""
    tail = text[position:]
    end = breaks.search(tail)
    return tail[: end.start() if end else len(tail)]

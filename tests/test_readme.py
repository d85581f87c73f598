"""The README's Python snippet runs as written and its comments list the real columns of each table."""

from __future__ import annotations

import re

import pytest

from govreports.corpus.load import DOCUMENT_COLUMNS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## In Python"):]
SNIPPET = SECTION[SECTION.index("```python") + len("```python"):SECTION.index("```", SECTION.index("```python") + 9)]


def _claimed(comment: str) -> list[str] | None:
    """The columns a comment lists (``doc_id, paragraph (note), …``), or None for a comment that lists none."""
    names = [part.strip() for part in re.sub(r"\s*\([^)]*\)", "", comment).split(",")]
    return names if len(names) > 1 and all(name.isidentifier() for name in names) else None


@pytest.fixture(scope="module")
def tables() -> dict[str, tuple[list[str], list[str]]]:
    """For each snippet line whose comment lists columns: (listed, actual); the snippet runs from the repository
    root, line by line, as a reader would paste it."""
    namespace: dict = {}
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("GOVREPORTS_PROGRESS", "0")
        for line in SNIPPET.strip().splitlines():
            code, _, comment = line.partition("  # ")
            if not code.strip() or code.startswith("#"):
                continue
            if code.startswith(("from ", "import ")):
                exec(code, namespace)
                continue
            name, assign, expression = code.partition(" = ")
            value = eval(expression if assign else code, namespace)
            if assign:
                namespace[name.strip()] = value
            claimed = _claimed(comment)
            if claimed is not None:
                found[code.strip()] = (claimed, list(value.columns))
    return found


def test_every_table_comment_lists_the_real_columns(tables) -> None:
    assert len(tables) == 3  # files_report, paragraphs, sentences
    for code, (claimed, actual) in tables.items():
        assert claimed == actual, code


def test_the_documents_table_sentence_lists_the_real_columns() -> None:
    listed = re.search(r"The documents table has `([^`]+)`", SECTION)
    assert listed is not None
    assert [name.strip() for name in listed.group(1).split(",")] == DOCUMENT_COLUMNS

"""Reports as read and understood: files to clean text (``readers``, ``clean``), what a report is and where it is
from (``metadata``, ``places``), how it is built (``structure``: paragraphs, sentences, sections), and the
documents table of a folder (``load``). Depends on ``chinese``, ``rules`` and ``runtime`` only."""

from __future__ import annotations

from govreports.corpus.load import DOCUMENT_COLUMNS, LoadError, files_report, load_corpus, load_document

__all__ = ["DOCUMENT_COLUMNS", "LoadError", "files_report", "load_corpus", "load_document"]

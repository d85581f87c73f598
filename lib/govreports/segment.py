"""Policy-aware word segmentation with explicit jieba tokenizer objects (never jieba's global state).

A :class:`Segmenter` owns its own ``jieba.Tokenizer`` loaded with jieba's main dictionary, the project's
policy dictionary (``resources/policy_terms.txt``: 370 terms, slogans, programme and indicator names), any
user dictionary files and extra words. Two segmenters never affect each other, so results do not depend on
which notebook cell ran first.

Rules:

- HMM on (unknown words such as town names are joined by jieba's HMM).
- Numbers never break apart: spans such as ``5.25``, ``8.5%``, ``12,345.6``, ``288.5亿元`` are cut out
  before jieba sees the text and come back as one token of kind ``number`` (a number with its money or
  percent unit stays one token).
- Whitespace is never a token; punctuation is kept as kind ``punct`` so that collocations do not cross it.

Dictionary files are jieba user-dictionary lines (``word [freq] [tag]``) with ``#`` comments allowed. A word
without a frequency gets the smallest one that keeps it whole (jieba's ``suggest_freq``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from importlib import metadata, resources
from pathlib import Path
from typing import Literal

import pandas as pd

__all__ = [
    "NUMBER",
    "Segmenter",
    "StopwordLayer",
    "read_word_list",
    "stopwords",
]

#: A number with optional thousands separators, decimals, and a percent, per-mille or money unit. Digits
#: glued to Latin letters (PM2.5, 5G, PM10) are left to the dictionary, not cut out as numbers.
NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z\d])(?:%|‰|(?:万亿|亿|万|千)?(?:美元|元))?")
_PUNCT = re.compile(r"^[\W_]+$")
_WORDLINE = re.compile(r"^(\S+?)(?:\s+(\d+))?(?:\s+([a-zA-Z]+))?$")

TokenKind = Literal["word", "number", "punct"]
StopwordLayer = Literal["general", "boilerplate"]


def read_word_list(path: str | Path) -> list[tuple[str, int | None, str | None]]:
    """Read a dictionary or word-list file: ``word [freq] [tag]`` lines, or space-separated words.

    Lines starting with ``#`` and blank lines are skipped. A line with several words and no frequency
    (as in the stop-word files) gives one entry per word.

    Raises:
        FileNotFoundError: the file does not exist.
        ValueError: a line cannot be read (the message names the file and line number).
    """
    path = Path(path)
    entries: list[tuple[str, int | None, str | None]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _WORDLINE.match(line)
        if match and (match.group(2) or match.group(3) or " " not in line):
            freq = int(match.group(2)) if match.group(2) else None
            entries.append((match.group(1), freq, match.group(3)))
        elif all(part and not part.isdigit() for part in line.split()):
            entries.extend((word, None, None) for word in line.split())
        else:
            raise ValueError(f"{path}:{number}: cannot read dictionary line {line!r}")
    return entries


def _resource(name: str) -> Path:
    return Path(str(resources.files("govreports") / "resources" / name))


def stopwords(layers: Sequence[StopwordLayer] = ("general",), *, extra: Iterable[str] = ()) -> frozenset[str]:
    """Stop words: the general list, optionally the report-boilerplate layer (坚持, 推进, 加快, ...), plus
    ``extra`` words (for example the corpus's place names, see :func:`govreports.places.place_names`)."""
    words: set[str] = set(extra)
    for layer in layers:
        words.update(word for word, _, _ in read_word_list(_resource(f"stopwords_{layer}.txt")))
    return frozenset(words)


class Segmenter:
    """A jieba tokenizer with the policy dictionary, independent of every other segmenter.

    Args:
        user_dicts: extra dictionary files, loaded after the policy dictionary (later files win).
        extra_words: words to add (attention-dictionary terms, place names of the corpus ...).
        policy_terms: load the package's policy dictionary (default True).
        hmm: use jieba's HMM for unknown words (default True).

    Raises:
        FileNotFoundError, ValueError: a user dictionary is missing or malformed.
    """

    def __init__(self, *, user_dicts: Sequence[str | Path] = (), extra_words: Iterable[str] = (),
                 policy_terms: bool = True, hmm: bool = True) -> None:
        files = ([_resource("policy_terms.txt")] if policy_terms else []) + [Path(p) for p in user_dicts]
        self.entries: list[tuple[str, int | None, str | None]] = []
        for path in files:
            self.entries.extend(read_word_list(path))
        self.entries.extend((word, None, None) for word in sorted(set(extra_words)) if word.strip())
        self.hmm = hmm

    @cached_property
    def fingerprint(self) -> str:
        """Hash of everything that decides the tokens: words added, HMM, jieba's and this package's versions
        and jieba's main dictionary. Used as the cache key of token tables."""
        digest = hashlib.sha256()
        for part in (_version("jieba"), _version("govreports"), str(self.hmm), _main_dictionary_hash()):
            digest.update(part.encode() + b"\0")
        for word, freq, tag in self.entries:
            digest.update(f"{word}\t{freq}\t{tag}\n".encode())
        return digest.hexdigest()[:16]

    @cached_property
    def _tokenizer(self):
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        for word, freq, tag in self.entries:
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def tokenize(self, text: str) -> list[tuple[str, int, TokenKind]]:
        """Tokens of ``text`` as ``(token, start, kind)`` with character offsets into ``text``."""
        tokens: list[tuple[str, int, TokenKind]] = []
        position = 0
        for match in NUMBER.finditer(text):
            self._cut_into(tokens, text[position : match.start()], position)
            tokens.append((match.group(0), match.start(), "number"))
            position = match.end()
        self._cut_into(tokens, text[position:], position)
        return tokens

    def cut(self, text: str) -> list[str]:
        """The tokens of ``text`` (no whitespace tokens)."""
        return [token for token, _, _ in self.tokenize(text)]

    def _cut_into(self, tokens: list, chunk: str, offset: int) -> None:
        if not chunk:
            return
        for word, start, _end in self._tokenizer.tokenize(chunk, HMM=self.hmm):
            if word.isspace():
                continue
            kind: TokenKind = "punct" if _PUNCT.match(word) else "number" if NUMBER.fullmatch(word) else "word"
            tokens.append((word, offset + start, kind))

    def tokens_table(self, paragraphs: pd.DataFrame) -> pd.DataFrame:
        """Token table of a paragraphs table (from :func:`govreports.structure.paragraphs`).

        Returns:
            ``doc_id``, ``paragraph``, ``token``, ``start`` (offset into the report's clean text) and
            ``kind`` (word, number, punct), in text order.
        """
        rows = []
        for doc_id, paragraph, start, text in zip(paragraphs["doc_id"], paragraphs["paragraph"],
                                                  paragraphs["start"], paragraphs["text"], strict=True):
            rows.extend((doc_id, paragraph, token, start + offset, kind) for token, offset, kind in self.tokenize(text))
        table = pd.DataFrame(rows, columns=["doc_id", "paragraph", "token", "start", "kind"])
        return table.astype({"paragraph": "int64", "start": "int64"})


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _main_dictionary_hash() -> str:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("segmentation needs jieba: pip install jieba==0.42.1")
    return hashlib.sha256((Path(spec.origin).parent / "dict.txt").read_bytes()).hexdigest()[:16]

"""Policy-aware word segmentation with explicit jieba tokenizer objects (never jieba's global state).

A :class:`Segmenter` owns its own tokenizer (jieba-rs through ``rjieba`` by default, or ``jieba.Tokenizer``) loaded with jieba's main dictionary, the project's
policy dictionary (``resources/policy_terms.txt``: 351 policy nouns, slogans, programme and indicator names), any
user dictionary files and extra words. Two segmenters never affect each other, so results do not depend on
which notebook cell ran first.

Rules:

- HMM on (unknown words such as town names are joined by jieba's HMM).
- Numbers never break apart: spans such as ``5.25``, ``8.5%``, ``12,345.6``, ``288.5亿元`` are cut out
  before jieba sees the text and come back as one token of kind ``number`` (a number with its money or
  percent unit stays one token).
- Whitespace is never a token; punctuation is kept as kind ``punct`` so that collocations do not cross it.

Dictionary files are jieba user-dictionary lines (``word [freq] [tag]``) with ``#`` comments allowed, read by
the one word-list loader (:func:`govreports.rules.files.read_word_list`). A word
without a frequency gets the smallest one that keeps it whole (jieba's ``suggest_freq``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from importlib import metadata
from itertools import accumulate, compress
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from govreports.rules.files import read_word_list

__all__ = [
    "NUMBER",
    "Segmenter",
    "StopwordLayer",
    "stopwords",
]

#: A number with optional thousands separators, decimals, and a percent, per-mille or money unit. Digits
#: glued to Latin letters (PM2.5, 5G, PM10) are left to the dictionary, not cut out as numbers.
NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z\d])(?:%|‰|(?:万亿|亿|万|千)?(?:美元|元))?")
_DIGIT = re.compile(r"\d")
_KINDS = pa.array(["word", "number", "punct"], pa.large_string())
# The token-kind rule (see token_kinds), in Arrow's RE2: no letter or number; only spaces.
_PUNCT_RE2 = r"^[^\p{L}\p{N}]+$"
_SPACE_RE2 = r"^[\s\p{Z}]+$"

_TOKENIZERS: dict[str, object] = {}  # fingerprint -> built tokenize function (see Segmenter._tokenizer)

TokenKind = Literal["word", "number", "punct"]
Backend = Literal["rjieba", "jieba"]
StopwordLayer = Literal["general", "boilerplate"]


def _existing(path: str | Path) -> Path:
    """A user's dictionary file, which must exist (a package resource of the same name is not taken instead)."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"{path}: no such dictionary file")
    return Path(path)


def stopwords(layers: Sequence[StopwordLayer] = ("general",), *, extra: Iterable[str] = ()) -> frozenset[str]:
    """Stop words: the general list, optionally the report-boilerplate layer (坚持, 推进, 加快, ...), plus
    ``extra`` words (for example the corpus's place names, see :func:`govreports.corpus.places.place_names`)."""
    words: set[str] = set(extra)
    for layer in layers:
        words.update(read_word_list(f"stopwords_{layer}.txt").words)
    return frozenset(words)


class Segmenter:
    """A jieba tokenizer with the policy dictionary, independent of every other segmenter.

    Args:
        user_dicts: extra dictionary files, loaded after the policy dictionary (later files win).
        extra_words: words to add (attention-dictionary terms, place names of the corpus ...).
        policy_terms: load the package's policy dictionary (default True).
        hmm: use jieba's HMM for unknown words (default True).
        backend: ``"rjieba"`` (jieba-rs, the same dictionary and algorithm in Rust, about 10 times faster) or
            ``"jieba"`` (the Python original). Both give the same tokens on the sample corpus and its bootstrap
            (``tests/test_segment.py``, ``bench/pipeline.py``).

    Raises:
        FileNotFoundError, ValueError: a user dictionary is missing or malformed.
    """

    def __init__(self, *, user_dicts: Sequence[str | Path] = (), extra_words: Iterable[str] = (),
                 policy_terms: bool = True, hmm: bool = True, backend: Backend = "rjieba") -> None:
        if backend not in ("rjieba", "jieba"):
            raise ValueError(f"unknown backend {backend!r}: use 'rjieba' or 'jieba'")
        files = (["policy_terms.txt"] if policy_terms else []) + [_existing(p) for p in user_dicts]
        merged: dict[str, tuple[int | None, str | None]] = {}
        for path in files:
            for entry in read_word_list(path).entries:
                word, freq, tag = entry.word, entry.freq, entry.tag
                merged[word] = (freq, tag) if word not in merged or freq or tag else merged[word]
        for word in sorted(set(extra_words)):
            if word.strip() and word not in merged:
                merged[word] = (None, None)
        # each word is added once (a later file's frequency or tag wins): adding a word twice would count its
        # frequency twice in jieba's total, and jieba and jieba-rs do not do that in the same way
        self.entries: list[tuple[str, int | None, str | None]] = [(w, f, t) for w, (f, t) in merged.items()]
        self.hmm = hmm
        self.backend = backend

    def __getstate__(self) -> dict:
        """Pickle the settings, not the loaded tokenizer (worker processes load their own)."""
        return {key: value for key, value in self.__dict__.items() if key not in ("_resolved",)}

    @cached_property
    def fingerprint(self) -> str:
        """Hash of everything that decides the tokens: words added, HMM, backend, the versions of jieba, rjieba
        and this package, and jieba's main dictionary. Used as the cache key of token tables."""
        digest = hashlib.sha256()
        for part in (_version("jieba"), _version("rjieba"), _version("govreports"), str(self.hmm), self.backend,
                     _main_dictionary_hash()):
            digest.update(part.encode() + b"\0")
        for word, freq, tag in self.entries:
            digest.update(f"{word}\t{freq}\t{tag}\n".encode())
        return digest.hexdigest()[:16]

    @cached_property
    def _resolved(self) -> list[tuple[str, int, str | None]]:
        """The entries with every frequency fixed: a word without one gets jieba-rs's ``suggest_freq`` at the
        moment it is added (the same rule as jieba's), so both backends receive the same explicit list."""
        return self._resolve()[1]

    def _resolve(self):
        """``(jieba-rs tokenizer with the entries added, the entries with their frequencies fixed)``."""
        import rjieba

        probe = rjieba.Jieba()
        resolved = []
        for word, freq, tag in self.entries:
            fixed = probe.suggest_freq(word) if freq is None else freq
            probe.add_word(word, fixed, tag)
            resolved.append((word, fixed, tag))
        return probe, resolved

    @property
    def _tokenizer(self):
        """The backend's tokenize function for this segmenter's dictionary, built once per process.

        Tokenizers are kept per fingerprint, so worker processes that receive the same segmenter with every batch
        build it once; a tokenizer is never changed after it is built, so sharing it cannot make results depend
        on what was segmented before.
        """
        function = _TOKENIZERS.get(self.fingerprint)
        if function is None:
            function = _TOKENIZERS[self.fingerprint] = self._build_tokenizer()
        return function

    def _build_tokenizer(self):
        """A function ``chunk -> [word, ...]`` of the chosen backend, with the words added; the words tile the chunk
        (their lengths add up to it), so offsets are running sums of lengths.

        Adding a word that is already in the dictionary replaces its frequency in both backends: jieba-rs
        adjusts its total by the difference, and jieba's total is adjusted here the same way (jieba alone would
        count both frequencies), so the two backends hold the same dictionary state.
        """
        hmm = self.hmm
        if self.backend == "rjieba":
            # the tokenizer that fixes the frequencies holds the words added with them; fixing them again gives the
            # same frequencies (suggest_freq follows the same additions), so a list already fixed is kept
            fast, resolved = self._resolve()
            self.__dict__.setdefault("_resolved", resolved)
            return lambda chunk: fast.cut(chunk, hmm)
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG
        slow = jieba.Tokenizer()
        slow.initialize()
        for word, freq, tag in self._resolved:
            old = slow.FREQ.get(word, 0)
            slow.add_word(word, freq, tag)
            slow.total -= old
        return lambda chunk: slow.lcut(chunk, HMM=hmm)

    def tokenize(self, text: str) -> list[tuple[str, int, TokenKind]]:
        """Tokens of ``text`` as ``(token, start, kind)`` with character offsets into ``text``."""
        words: list[str] = []
        numbers: list[int] = []
        self._tokenize_into(text, words, numbers)
        tokens = pa.array(words, pa.string())
        starts = _running_starts(tokens, np.array([len(words)]), np.array([0]))
        kinds, keep = token_kinds(tokens, numbers)
        kept = [(word, int(start)) for word, start, k in zip(words, starts, keep, strict=True) if k]
        return [(word, start, kind) for (word, start), kind in zip(kept, kinds, strict=True)]

    def cut(self, text: str) -> list[str]:
        """The tokens of ``text`` (no whitespace tokens)."""
        return [token for token, _, _ in self.tokenize(text)]

    def _tokenize_into(self, text: str, words: list, numbers: list) -> int:
        """Append the tokens of ``text`` to ``words`` and the positions of number tokens to ``numbers``; return how
        many tokens (whitespace included) were appended. The tokens tile ``text``: a token starts where the ones
        before it end.

        The backend cuts the whole text; then every number span (:data:`NUMBER`) replaces the tokens it
        overlaps (keeping any part of them outside the span), so that a number is always one token whatever
        the backend or the HMM setting did with it.
        """
        ws = self._tokenizer(text)
        if not ws:
            return 0
        matches = list(NUMBER.finditer(text)) if _DIGIT.search(text) else []
        if matches:
            ss = list(accumulate(map(len, ws), initial=0))
            ss.pop()
            flags = [False] * len(ws)
            for match in reversed(matches):
                span_start, span_end = match.span()
                first = bisect_right(ss, span_start) - 1  # the token holding the span's first character
                last = bisect_left(ss, span_end)  # tokens from here on start after the span
                pieces = []
                if ss[first] < span_start:
                    pieces.append((text[ss[first] : span_start], ss[first]))
                pieces.append((match.group(0), span_start))
                token_end = ss[last - 1] + len(ws[last - 1])
                if token_end > span_end:
                    pieces.append((text[span_end:token_end], span_end))
                ws[first:last] = [w for w, _ in pieces]
                ss[first:last] = [p for _, p in pieces]
                flags[first:last] = [p == span_start for _, p in pieces]
            offset = len(words)
            numbers.extend(compress(range(offset, offset + len(flags)), flags))
        words.extend(ws)
        return len(ws)

    def tokens_table(self, paragraphs: pd.DataFrame) -> pd.DataFrame:
        """Token table of a paragraphs table (from :func:`govreports.corpus.structure.paragraphs`).

        Returns:
            ``doc_id``, ``paragraph``, ``token``, ``start`` (offset into the report's clean text) and
            ``kind`` (word, number, punct), in text order; whitespace is not a token.
        """
        words: list[str] = []
        numbers: list[int] = []
        counts = np.fromiter((self._tokenize_into(text, words, numbers) for text in paragraphs["text"].tolist()),
                             dtype=np.int64, count=len(paragraphs))
        tokens = pa.array(words, pa.large_string())  # the type of pandas' "str" columns: no cast when they are made
        starts = _running_starts(tokens, counts, paragraphs["start"].to_numpy(dtype=np.int64))
        codes, keep = _kind_codes(tokens, numbers)
        doc_ids, doc_of_paragraph = np.unique(paragraphs["doc_id"].to_numpy(dtype=object), return_inverse=True)
        doc_of_token = pa.array(np.repeat(doc_of_paragraph, counts)[keep])
        return pd.DataFrame({  # string columns taken from small Arrow arrays by index: no string is built twice
            "doc_id": pd.Series(pa.array(doc_ids, pa.large_string()).take(doc_of_token), dtype="str"),
            "paragraph": np.repeat(paragraphs["paragraph"].to_numpy(dtype=np.int64), counts)[keep],
            "token": pd.Series(tokens.filter(pa.array(keep)), dtype="str"),
            "start": starts[keep],
            "kind": pd.Series(_KINDS.take(pa.array(codes)), dtype="str"),
        }, copy=False)


def _running_starts(tokens: pa.Array, counts: np.ndarray, bases: np.ndarray) -> np.ndarray:
    """The start offset of every token: the tokens of chunk i (``counts[i]`` of them, in order) tile a text that
    starts at ``bases[i]``, so each starts at its chunk's base plus the lengths of the chunk's tokens before it."""
    lengths = pc.utf8_length(tokens).to_numpy(zero_copy_only=False).astype(np.int64)
    before = np.cumsum(lengths) - lengths  # characters of all tokens before this one
    firsts = np.cumsum(counts) - counts  # index of each chunk's first token
    chunk_before = before[np.minimum(firsts, max(len(before) - 1, 0))] if len(before) else np.zeros(len(counts), np.int64)
    return np.repeat(bases - chunk_before, counts) + before


def token_kinds(tokens: pa.Array, numbers: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The one token-kind rule, for one text or a whole corpus: a token of whitespace only is dropped; a token cut
    out as a :data:`NUMBER` before segmentation (its index in ``numbers``) is ``number``; a token with no letter or
    number is ``punct``; anything else is ``word``.

    Returns:
        the kinds of the kept tokens, and the keep mask over ``tokens``.
    """
    codes, keep = _kind_codes(tokens, numbers)
    return np.array(_KINDS.to_pylist(), dtype=object)[codes], keep


def _kind_codes(tokens: pa.Array, numbers: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`token_kinds` as codes into :data:`_KINDS` (0 word, 1 number, 2 punct) of the kept tokens."""
    codes = np.where(pc.match_substring_regex(tokens, _PUNCT_RE2).to_numpy(zero_copy_only=False), 2, 0)
    codes[np.asarray(numbers, dtype=np.int64)] = 1
    keep = ~pc.match_substring_regex(tokens, _SPACE_RE2).to_numpy(zero_copy_only=False)
    return codes[keep], keep


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def _main_dictionary_hash() -> str:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("segmentation needs jieba: pip install jieba==0.42.1")
    return hashlib.sha256((Path(spec.origin).parent / "dict.txt").read_bytes()).hexdigest()[:16]

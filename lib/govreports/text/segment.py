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
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from importlib import metadata
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
#: glued to Latin letters (PM2.5, 5G, PM10) are left to the dictionary, not cut out as numbers. The first digit is
#: matched before looking behind it (``\d(?<![A-Za-z\d.]\d)``: no letter, digit or point before it), so that the
#: pattern is tried only where a digit is, not at every character (0.25 s -> 0.1 s on 8 M characters).
NUMBER = re.compile(r"\d(?<![A-Za-z\d.]\d)\d*(?:,\d{3})*(?:\.\d+)?(?![A-Za-z\d])(?:%|‰|(?:万亿|亿|万|千)?(?:美元|元))?")
_DIGIT = re.compile(r"\d")
_KINDS = pa.array(["word", "number", "punct"], pa.large_string())
# The token-kind rule (see _kind_codes), in Arrow's RE2: no letter or number; only spaces.
_PUNCT_RE2 = r"^[^\p{L}\p{N}]+$"
_SPACE_RE2 = r"^[\s\p{Z}]+$"

_NO_NUMBERS = np.zeros(0, dtype=np.int64)
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
        tokens, _, starts, _, codes, keep = self._cut_texts([text])
        kinds: list[TokenKind] = _KINDS.to_pylist()
        return [(word, int(start), kinds[code]) for word, start, code in
                zip(tokens.filter(keep).to_pylist(), starts[keep], codes[keep], strict=True)]

    def cut(self, text: str) -> list[str]:
        """The tokens of ``text`` (no whitespace tokens)."""
        return [token for token, _, _ in self.tokenize(text)]

    def tokens_table(self, paragraphs: pd.DataFrame) -> pd.DataFrame:
        """Token table of a paragraphs table (from :func:`govreports.corpus.structure.paragraphs`; any of its rows).

        Returns:
            ``doc_id``, ``paragraph``, ``token``, ``start`` (offset into the report's clean text) and
            ``kind`` (word, number, punct), in the order of the paragraphs, each in text order; whitespace is not a
            token.
        """
        tokens, counts, starts, _, codes, keep = self._cut_texts(paragraphs["text"].tolist())
        doc_ids, doc_of_paragraph = np.unique(paragraphs["doc_id"].to_numpy(dtype=object), return_inverse=True)
        return _table(doc_ids, np.repeat(doc_of_paragraph, counts)[keep],
                      np.repeat(paragraphs["paragraph"].to_numpy(dtype=np.int64), counts)[keep], tokens.filter(keep),
                      (starts + np.repeat(paragraphs["start"].to_numpy(dtype=np.int64), counts))[keep], codes[keep])

    def report_tokens(self, documents: pd.DataFrame) -> pd.DataFrame:
        """Token table of whole reports (``doc_id`` and clean ``text`` of a documents table, one row per report):
        the table :meth:`tokens_table` makes of all their paragraphs
        (:func:`govreports.corpus.structure.paragraph_texts`), in the same order (by ``doc_id``, each report in text
        order), made a report at a time: about a fifth less time (1.94 s against 2.46 s for the 488 devcorpus files
        twice, in batches of 50, best of 5).

        A report is cut whole, and each token takes the number of the paragraph it lies in
        (:func:`govreports.corpus.structure.paragraph_spans`); a token outside every paragraph (whitespace, or a
        control character that ``str.strip`` removes from a paragraph) is dropped. This gives the tokens of cutting
        paragraph by paragraph because every paragraph starts after whitespace or ``。；;`` and ends before whitespace
        or a Chinese numeral (一是, 二是 ...), and neither the backend (whose runs of Chinese, Latin letters and
        digits never hold those characters) nor :data:`NUMBER` joins characters across such a boundary. A report
        where a token would still run over a paragraph's edge (out of it, or into it from outside) is cut paragraph
        by paragraph instead.
        """
        from govreports.corpus.structure import paragraph_spans, paragraph_texts

        ids = documents["doc_id"].astype("str")  # by the ids' text, as paragraph_texts sorts them
        if not ids.is_monotonic_increasing:
            documents = documents.iloc[np.argsort(ids.to_numpy(dtype=object), kind="stable")]
        texts = documents["text"].tolist()
        tokens, counts, starts, lengths, codes, keep = self._cut_texts(texts)
        spans = [np.array(paragraph_spans(text), dtype=np.int64).reshape(-1, 2) for text in texts]
        bases = np.cumsum([0, *map(len, texts)])  # each report's offset in the reports written one after the other
        # every paragraph's (start, end) there, in order, then an empty one after the last text (so that every token
        # has a next paragraph)
        edges = np.concatenate([*(span + base for span, base in zip(spans, bases, strict=False)),
                                np.array([[bases[-1] + 1, bases[-1] + 1]])])
        report = np.repeat(np.arange(len(texts)), counts)
        offsets = starts + bases[:-1][report]
        ends = offsets + lengths
        holder = np.searchsorted(edges[:, 0], offsets, side="right") - 1  # the paragraph starting last before, or -1
        inside = (holder >= 0) & (offsets < edges[holder, 1])
        # a token must not run out of its paragraph, nor into the next one
        crossing = (inside & (ends > edges[holder, 1])) | (ends > edges[holder + 1, 0])
        kept = keep & inside
        numbers = np.repeat(np.cumsum([0, *map(len, spans)])[:-1], counts)  # first paragraph number of each report
        table = _table(documents["doc_id"].to_numpy(dtype=object), report[kept], (holder - numbers)[kept],
                       tokens.filter(kept), starts[kept], codes[kept])
        if not crossing.any():
            return table
        redo = np.unique(report[crossing])  # the reports where a token runs over a paragraph's edge
        others = table[~table["doc_id"].isin(documents["doc_id"].iloc[redo])]
        again = self.tokens_table(paragraph_texts(documents.iloc[redo]))
        merged = pd.concat([others, again], ignore_index=True)
        return merged.sort_values("doc_id", kind="stable").reset_index(drop=True)  # each report's rows stay in order

    def _cut_texts(self, texts: list[str]) -> tuple[pa.LargeStringArray, np.ndarray, np.ndarray, np.ndarray,
                                                   np.ndarray, np.ndarray]:
        """Every token of ``texts``, whitespace included: the tokens, how many each text has, and of each token its
        offset in its text, its length, its kind code (:func:`_kind_codes`) and whether it is kept (not whitespace).

        The backend cuts each text whole; then every number span (:data:`NUMBER`) replaces the tokens it overlaps,
        keeping any part of them outside the span, so that a number is always one token whatever the backend or the
        HMM setting did with it: the token edges inside a span go, and the span's own edges come in. The tokens tile
        each text (each starts where the ones before it end), so all of this is arithmetic on their edges.

        Raises:
            RuntimeError: the backend's tokens do not tile a text (never seen: jieba and jieba-rs keep every
                character, whitespace included).
        """
        words: list[str] = []
        spans: list[np.ndarray] = []  # the number spans of each text with digits, as offsets in all the texts
        bases = np.zeros(len(texts) + 1, dtype=np.int64)  # each text's offset in the texts written one after another
        for i, text in enumerate(texts):
            words.extend(self._tokenizer(text))
            if _DIGIT.search(text):
                found = [match.span() for match in NUMBER.finditer(text)]
                if found:
                    spans.append(np.array(found, dtype=np.int64) + bases[i])
            bases[i + 1] = bases[i] + len(text)
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
        ends = np.cumsum(lengths)  # where each token ends, in the texts written one after another
        # the tokens tile the texts: none is empty, together they end where the texts end, and each text's end is
        # the end of a token
        text_ends = bases[1:][bases[1:] > 0]
        nearest = np.minimum(np.searchsorted(ends, text_ends), max(len(ends) - 1, 0))  # ends are sorted
        covered = bool(np.all(lengths > 0)) and int(lengths.sum()) == int(bases[-1]) and (
            not len(text_ends) or bool(np.array_equal(ends[nearest], text_ends)))
        if not covered:
            raise RuntimeError(f"the {self.backend} tokens do not cover the texts they were cut from; the offsets "
                               "of the token table would be wrong")
        numbers = _NO_NUMBERS
        if spans:
            edges = np.concatenate(spans)
            holder = np.maximum(np.searchsorted(edges[:, 0], ends, side="right") - 1, 0)  # the span starting last
            inside = (ends > edges[holder, 0]) & (ends < edges[holder, 1])  # before each token's end
            ends = np.sort(np.concatenate([ends[~inside], edges.ravel()]), kind="stable")  # sorted runs: one merge
            ends = ends[np.diff(ends, prepend=0) > 0]  # each once, and not the first text's start
            lengths = np.diff(ends, prepend=0)
            numbers = np.searchsorted(ends, edges[:, 1])  # a number token ends where its span does
        counts = np.diff(np.searchsorted(ends, bases, side="right"))  # a text's tokens end after its start, up to its end
        starts = ends - lengths - np.repeat(bases[:-1], counts)
        tokens = _tiling_array(texts, lengths)
        vocabulary = pc.dictionary_encode(tokens)  # the kind of each distinct token, then of every token
        codes, keep = _kind_codes(vocabulary.dictionary)
        index = vocabulary.indices.to_numpy(zero_copy_only=False)
        codes, keep = codes[index], keep[index]
        codes[numbers] = 1
        return tokens, counts, starts, lengths, codes, keep


def _table(doc_ids: np.ndarray, report: np.ndarray, paragraph: np.ndarray, tokens: pa.Array, start: np.ndarray,
           codes: np.ndarray) -> pd.DataFrame:
    """The token table from each token's report (index into ``doc_ids``), paragraph, text, offset and kind code."""
    return pd.DataFrame({  # string columns taken from small Arrow arrays by index: no string is built twice
        "doc_id": pd.Series(pa.array(doc_ids, pa.large_string()).take(pa.array(report)), dtype="str"),
        "paragraph": paragraph.astype(np.int64, copy=False),
        "token": pd.Series(tokens, dtype="str"),
        "start": start.astype(np.int64, copy=False),
        "kind": pd.Series(_KINDS.take(pa.array(codes)), dtype="str"),
    }, copy=False)


def _tiling_array(texts: list[str], lengths: np.ndarray) -> pa.LargeStringArray:
    """The tokens of ``texts`` (written one after the other) of the given ``lengths``, which tile them, as an Arrow
    array made from the texts' UTF-8 bytes and the tokens' byte offsets: no Python string is made of a token. A text
    that cannot be written in UTF-8 (a lone surrogate) raises ``UnicodeEncodeError``, as Arrow does for one token."""
    joined = "".join(texts)
    data = joined.encode("utf-8")
    code_points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    width = np.ones(len(code_points) + 1, dtype=np.int64)  # UTF-8 bytes of each character
    width[0] = 0
    width[1:] += code_points >= 0x80
    width[1:] += code_points >= 0x800
    width[1:] += code_points >= 0x10000
    byte_at = np.cumsum(width)  # byte offset of each character offset
    offsets = byte_at[np.concatenate([[0], np.cumsum(lengths)])]
    return pa.LargeStringArray.from_buffers(len(lengths), pa.py_buffer(offsets), pa.py_buffer(data))


def _kind_codes(tokens: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The one token-kind rule, as codes into :data:`_KINDS` (0 word, 1 number, 2 punct), and the keep mask: a token
    of whitespace only is dropped; a token with no letter or number is ``punct``; anything else is ``word``, unless it
    was cut out as a :data:`NUMBER` before segmentation (the caller marks those ``number``: the kind depends on where
    the token stands, not only on its text)."""
    codes = np.where(pc.match_substring_regex(tokens, _PUNCT_RE2).to_numpy(zero_copy_only=False), 2, 0)
    keep = ~pc.match_substring_regex(tokens, _SPACE_RE2).to_numpy(zero_copy_only=False)
    return codes, keep


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

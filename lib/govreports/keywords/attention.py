"""Dictionary-based attention indices: how much a report speaks of environment, digital economy, ...

An attention dictionary is a versioned text file: ``# name:``, ``# label:``, ``# version:`` and ``# source:``
header lines, then one term a line. The package ships five in ``resources/attention/`` (environment,
digital_economy, innovation, party_building, livelihood); a researcher's own file in the same format works
the same way.

Counting: a hit is a *token* equal to a dictionary term, never a substring. Give the segmenter the
dictionary terms (:func:`dictionary_words`) so that every term can come out as a token; a longer word
that contains a term (生态环境 contains 生态) is then its own token and is not a hit for 生态. The index is
hits per 10,000 word tokens of the group (word tokens as in :mod:`govreports.keywords.frequencies`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from govreports.keywords.frequencies import each_batch, kwic
from govreports.rules.files import read_word_list, resource_path
from govreports.runtime.steps import cached_step

__all__ = ["SHIPPED", "AttentionDictionary", "attention", "attention_sample", "counts_match", "dictionary_words", "load_dictionary"]

#: Names of the dictionaries shipped with the package.
SHIPPED = ("environment", "digital_economy", "innovation", "party_building", "livelihood")


@dataclass(frozen=True)
class AttentionDictionary:
    """A named, versioned list of terms with its source."""

    name: str
    label: str
    version: str
    source: str
    terms: tuple[str, ...]


def load_dictionary(name_or_path: str | Path) -> AttentionDictionary:
    """Load a shipped dictionary by name (``"environment"``) or a dictionary file by path (the word-list format of
    :mod:`govreports.rules.files`, with ``# name:`` and ``# source:`` header lines).

    Raises:
        FileNotFoundError: no shipped dictionary of that name and no such file.
        ValueError: the file has no ``# name:`` or ``# source:`` line, a line it cannot read, or no terms.
    """
    path = Path(str(name_or_path))
    if str(name_or_path) in SHIPPED:
        path = resource_path(f"attention/{name_or_path}.txt")
    if not path.is_file():
        raise FileNotFoundError(f"{name_or_path}: not a shipped dictionary ({', '.join(SHIPPED)}) nor a file")
    words = read_word_list(path, required=("name", "source"))
    if not words.words:
        raise ValueError(f"{path}: no terms")
    header = words.header
    return AttentionDictionary(header["name"], header.get("label", header["name"]), header.get("version", ""),
                               header["source"], words.words)


def dictionary_words(dictionaries: Iterable[AttentionDictionary]) -> set[str]:
    """All terms of the dictionaries, to pass to the segmenter as ``extra_words``."""
    return {term for dictionary in dictionaries for term in dictionary.terms}


@cached_step
def attention(tokens: pd.DataFrame | Iterable[pd.DataFrame], dictionaries: Sequence[AttentionDictionary], *,
              by: str = "doc_id") -> pd.DataFrame:
    """Attention index of each group for each dictionary.

    Args:
        tokens: a token table or batches of one (streamed, for large corpora); batches from
            :func:`govreports.text.tokens.iter_tokens` are counted in the workers of that call.

    Returns:
        ``by``, ``dictionary``, ``hits`` (tokens equal to a term), ``n_tokens`` (word tokens of the group)
        and ``per_10k``; one row per group and dictionary (zero hits included), sorted by group then the
        order of ``dictionaries``.
    """
    total_parts: list[pd.Series] = []
    hit_parts: dict[str, list[pd.Series]] = {d.name: [] for d in dictionaries}
    for totals, hits in each_batch(tokens, partial(_batch_hits, by, tuple(dictionaries))):
        total_parts.append(totals)
        for name, part in hits.items():
            hit_parts[name].append(part)
    totals = pd.concat(total_parts).groupby(level=0).sum() if total_parts else pd.Series(dtype="int64")
    rows = []
    for dictionary in dictionaries:
        parts = hit_parts[dictionary.name]
        hits = pd.concat(parts).groupby(level=0).sum() if parts else pd.Series(dtype="int64")
        for group, total in totals.items():
            count = int(hits.get(group, 0))
            rows.append((group, dictionary.name, count, int(total), count / total * 10_000))
    table = pd.DataFrame(rows, columns=[by, "dictionary", "hits", "n_tokens", "per_10k"])
    order = {d.name: i for i, d in enumerate(dictionaries)}
    table["_order"] = table["dictionary"].map(order)
    return table.sort_values([by, "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)


def _batch_hits(by: str, dictionaries: tuple[AttentionDictionary, ...], batch: pd.DataFrame
                ) -> tuple[pd.Series, dict[str, pd.Series]]:
    """Worker: the word tokens of each group of a batch, and each dictionary's hits per group (groups without any
    left out, as ``groupby(by).size()`` does)."""
    group_of_row, groups = pd.factorize(batch[by], sort=True)
    words = (batch["kind"] == "word").to_numpy(dtype=bool) & (group_of_row >= 0)

    def per_group(rows: np.ndarray) -> pd.Series:
        sizes = np.bincount(group_of_row[rows], minlength=len(groups))
        present = np.flatnonzero(sizes)
        return pd.Series(sizes[present], index=groups.take(present).rename(by))

    hits = {d.name: per_group(words & batch["token"].isin(d.terms).to_numpy(dtype=bool)) for d in dictionaries}
    return per_group(words), hits


def counts_match(index: pd.DataFrame, tokens: pd.DataFrame, dictionaries: Sequence[AttentionDictionary]) -> bool:
    """Check an :func:`attention` table against the token table: for every report and dictionary, ``hits`` equals
    the number of word tokens of the report that are terms of the dictionary (recounted here in one pass)."""
    words = tokens.loc[tokens["kind"] == "word", ["doc_id", "token"]]
    for dictionary in dictionaries:
        hits = words.loc[words["token"].isin(dictionary.terms), "doc_id"].value_counts()
        got = index[index["dictionary"] == dictionary.name].set_index("doc_id")["hits"]
        if not (got == hits.reindex(got.index, fill_value=0)).all() or not set(hits.index) <= set(got.index):
            return False
    return True


@cached_step
def attention_sample(tokens: pd.DataFrame, documents: pd.DataFrame, dictionary: AttentionDictionary, *,
                     n: int = 10, seed: int = 0, window: int = 20) -> pd.DataFrame:
    """A random sample of a dictionary's hits in context, to audit what the index counts.

    Returns:
        The :func:`govreports.keywords.frequencies.kwic` columns plus ``dictionary``, ``n`` rows at most (all hits when
        fewer), drawn with ``seed`` and shown in corpus order.
    """
    hits = kwic(tokens, documents, dictionary.terms, window=window)
    if len(hits) > n:
        hits = hits.sample(n=n, random_state=seed).sort_index()
    return hits.assign(dictionary=dictionary.name).reset_index(drop=True)

"""Keyword analysis on the token table: frequencies, TF-IDF, keyness, keyword in context, collocations.

Counting unit and denominator, everywhere: a *word token* is a token of kind ``word`` (not a number, not
punctuation). Rates are per 10,000 word tokens of the group, counted before stop words are removed, so that
a rate does not change with the stop-word list. Terms are word tokens that are not stop words and have at
least ``min_chars`` characters (2 by default: single characters are mostly function words).

Statistics:

- TF-IDF: ``tf = count / word tokens of the group``; ``idf = ln((1 + N) / (1 + df)) + 1`` with N groups
  and df the groups using the term (scikit-learn's smoothed idf); ``tfidf = tf * idf``.
- Keyness: the log-likelihood ratio G² of the full 2×2 table (term / other words × target / reference),
  ``G² = 2 Σ O ln(O / E)``; its p-value from the χ² distribution with one degree of freedom; and the
  log ratio effect size ``log2((a / A) / (b / B))`` (Hardie 2014), a zero count replaced by 0.5.
- Collocations: adjacent pairs of terms in a paragraph (never across punctuation or a stop word);
  ``PMI = log2(c(xy) W / (c(x) c(y)))`` with W the terms of the corpus, and G² of the 2×2 table of the pair.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from typing import TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from govreports.runtime.steps import cached_step

R = TypeVar("R")

__all__ = [
    "batches",
    "collocations",
    "distinctive_terms",
    "each_batch",
    "g2",
    "is_term",
    "keyness",
    "keyness_by",
    "kwic",
    "log_ratio",
    "term_frequencies",
    "terms",
    "tfidf",
    "with_metadata",
]


def terms(tokens: pd.DataFrame, *, stopwords: Iterable[str] = (), min_chars: int = 2) -> pd.DataFrame:
    """The rows of ``tokens`` that count as terms (word tokens, not stop words, ``min_chars`` or longer)."""
    return tokens[is_term(tokens, stopwords=stopwords, min_chars=min_chars)]


def is_term(tokens: pd.DataFrame, *, stopwords: Iterable[str] = (), min_chars: int = 2) -> np.ndarray:
    """Which rows of ``tokens`` are :func:`terms`, as a boolean array."""
    return _term_rows(_arrow(tokens["token"]), _words(tokens), stopwords, min_chars)


def _words(tokens: pd.DataFrame) -> np.ndarray:
    """Which rows of ``tokens`` are word tokens (the counting unit), as a boolean array."""
    return (tokens["kind"] == "word").to_numpy(dtype=bool)


def _term_rows(token: pa.Array, words: np.ndarray, stopwords: Iterable[str], min_chars: int) -> np.ndarray:
    """:func:`is_term` of the tokens ``token`` (as Arrow strings) whose word rows are ``words``."""
    stop = pa.array([word for word in set(stopwords) if isinstance(word, str)], token.type)  # only text can match
    long_enough = pc.fill_null(pc.greater_equal(pc.utf8_length(token), min_chars), False)
    return words & long_enough.to_numpy(zero_copy_only=False) & ~pc.is_in(token, value_set=stop).to_numpy(
        zero_copy_only=False)


def with_metadata(tokens: pd.DataFrame, documents: pd.DataFrame | None = None,
                  paragraphs: pd.DataFrame | None = None, columns: Iterable[str] = ("place", "report_year", "level"),
                  paragraph_columns: Iterable[str] = ("section",)) -> pd.DataFrame:
    """Add ``columns`` of the documents table (place, year ...) and, given the paragraphs table, its
    ``paragraph_columns`` (``section``) to a token table."""
    table = tokens
    if documents is not None:
        table = table.merge(documents[["doc_id", *columns]], on="doc_id", how="left", validate="many_to_one")
    if paragraphs is not None:
        table = table.merge(paragraphs[["doc_id", "paragraph", *paragraph_columns]], on=["doc_id", "paragraph"],
                            how="left", validate="many_to_one")
    return table


def batches(tokens: pd.DataFrame | Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """A token table, or an iterable of token tables (from :func:`govreports.text.tokens.iter_tokens`), as batches."""
    if isinstance(tokens, pd.DataFrame):
        yield tokens
    else:
        yield from tokens


def each_batch(tokens: pd.DataFrame | Iterable[pd.DataFrame], func: Callable[[pd.DataFrame], R]) -> Iterator[R]:
    """``func`` of each batch of :func:`batches`, in order. Batches from :func:`govreports.text.tokens.iter_tokens`
    are handed to the workers of that call (:meth:`~govreports.text.tokens.TokenBatches.map`), which read each
    batch and send back only ``func`` of it; any other batches are computed here. ``func`` must be picklable."""
    from govreports.text.tokens import TokenBatches

    if isinstance(tokens, TokenBatches):
        return tokens.map(func)
    return (func(batch) for batch in batches(tokens))


@cached_step
def term_frequencies(tokens: pd.DataFrame | Iterable[pd.DataFrame], *, by: str = "doc_id",
                     stopwords: Iterable[str] = (), min_chars: int = 2) -> pd.DataFrame:
    """Term counts per group, from a token table or from batches of one (streamed, for large corpora).

    Batches from :func:`govreports.text.tokens.iter_tokens` are counted in the workers of that call (pass its
    ``n_jobs`` or ``executor``): ``term_frequencies(iter_tokens(documents, segmenter, cache_dir=..., n_jobs=2))``.

    Returns:
        ``by``, ``term``, ``count``, ``per_10k`` (per 10,000 word tokens of the group) and ``n_tokens``
        (word tokens of the group), sorted by group, then count (descending), then term.
    """
    parts = list(each_batch(tokens, partial(_batch_frequencies, by, frozenset(stopwords), min_chars)))
    counted = [part for part in parts if len(part.count)]
    if not counted:  # no report uses a term (or there are no tokens): the columns, of the types they would have
        return pd.DataFrame({by: pd.Series(dtype=parts[0].groups.dtype if parts else "str"),
                             "term": pd.Series(dtype=parts[0].names.dtype if parts else "str"),
                             "count": pd.Series(dtype="int64"), "per_10k": pd.Series(dtype="float64"),
                             "n_tokens": pd.Series(dtype="int64")})
    if _in_order([part.groups[part.sizes > 0] for part in parts]):
        # each group is counted whole in one batch, and the batches come in group order: the batches' rows, one
        # after the other, are the table of the corpus (built column by column, each column in one piece)
        count = np.concatenate([part.count for part in counted]).astype(np.int64)
        n_tokens = np.concatenate([part.sizes[part.group] for part in counted])
        columns = {by: _gather([part.groups for part in counted], [part.group for part in counted]),
                   "term": _gather([part.names for part in counted], [part.term for part in counted]),
                   "count": count, "per_10k": count / n_tokens * 10_000, "n_tokens": n_tokens}
        return pd.DataFrame(columns, copy=False)
    totals = pd.concat([pd.Series(part.sizes, index=part.groups)[part.sizes > 0] for part in parts]
                       ).groupby(level=0).sum()
    counts = pd.concat([pd.Series(part.count.astype(np.int64), index=pd.MultiIndex.from_arrays(
        [part.groups.take(part.group), part.names.take(part.term)], names=[by, "term"])) for part in parts]
                       ).groupby(level=[0, 1]).sum()
    return _frequency_table(counts, totals, by)


@dataclass(frozen=True)
class _BatchCounts:
    """The term counts of one batch: row ``i`` counts term ``names[term[i]]`` in group ``groups[group[i]]``
    ``count[i]`` times, rows in table order; ``sizes`` are the word tokens of each of ``groups`` (sorted)."""

    groups: pd.Index
    sizes: np.ndarray
    names: pd.Index
    group: np.ndarray
    term: np.ndarray
    count: np.ndarray


def _batch_frequencies(by: str, stop: frozenset[str], min_chars: int, batch: pd.DataFrame) -> _BatchCounts:
    """Worker: the term counts of a batch, counted on integer codes of groups and terms (a third of the time of
    grouping the strings), sorted as :func:`term_frequencies` sorts them."""
    group_of_row, groups = pd.factorize(batch[by], sort=True)  # groups sorted, as groupby sorts them
    grouped = group_of_row >= 0  # groupby leaves out rows whose group is missing
    words = _words(batch) & grouped
    sizes = np.bincount(group_of_row[words], minlength=len(groups)).astype(np.int64)
    token = _arrow(batch["token"])  # made once for both: a copy when the column is not Arrow strings in one piece
    rows = _term_rows(token, words, stop, min_chars)
    encoded = pc.dictionary_encode(token.filter(pa.array(rows)))  # terms in order of first use
    term_of_row = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    kind = batch["token"].dtype
    names = (pd.CategoricalIndex(encoded.dictionary.to_pylist(), dtype=kind) if isinstance(kind, pd.CategoricalDtype)
             else pd.Index(pd.Series(encoded.dictionary, dtype=kind), copy=False))  # the column's own type
    width = max(len(names), 1)
    keys = group_of_row[rows].astype(np.int64) * width + term_of_row
    if len(groups) * width <= max(4 * len(keys), 1 << 20):  # few enough (group, term) cells: count them in place
        cells = np.bincount(keys, minlength=len(groups) * width)
        pairs = np.flatnonzero(cells)
        count = cells[pairs]
    else:
        pairs, count = np.unique(keys, return_counts=True)
    group, term = np.divmod(pairs, width)
    rank = np.empty(len(names), dtype=np.int64)
    rank[names.argsort()] = np.arange(len(names))
    order = np.lexsort((rank[term], -count, group))  # group, then count (descending), then term
    return _BatchCounts(groups.rename(by), sizes, names, group[order].astype(np.int32), term[order].astype(np.int32),
                        count[order].astype(np.int32))


def _arrow(column: pd.Series) -> pa.Array:
    """A column of text as one Arrow array of strings: a token table's own, without a copy when they are in one
    piece; any other column of text (categorical, object) converted."""
    values = pa.array(column)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        values = values.cast(pa.large_string())  # a categorical's dictionary array, or text read as another type
    return values


def _gather(values: list[pd.Index], codes: list[np.ndarray]) -> pd.Index:
    """``values[i].take(codes[i])`` one after the other, in one piece."""
    offsets = np.cumsum([0, *(len(v) for v in values[:-1])])
    every = values[0].append(values[1:]) if len(values) > 1 else values[0]
    return every.take(np.concatenate([c.astype(np.int64) + o for c, o in zip(codes, offsets, strict=True)]))


def _frequency_table(counts: pd.Series, totals: pd.Series, by: str) -> pd.DataFrame:
    """The :func:`term_frequencies` table from counts indexed by (group, term) and word tokens per group."""
    table = counts.rename("count").reset_index()
    table = table.merge(totals.rename("n_tokens"), left_on=by, right_index=True)
    table["per_10k"] = table["count"] / table["n_tokens"] * 10_000
    table = table.sort_values([by, "count", "term"], ascending=[True, False, True], kind="stable")
    return table[[by, "term", "count", "per_10k", "n_tokens"]].reset_index(drop=True)


def _in_order(groups: list[pd.Index]) -> bool:
    """True when each batch's groups (sorted) all come after the groups of the batches before it."""
    present = [index for index in groups if len(index)]
    return all(before[-1] < after[0] for before, after in pairwise(present))


@cached_step
def tfidf(tokens: pd.DataFrame, *, by: str = "doc_id", stopwords: Iterable[str] = (),
          min_chars: int = 2) -> pd.DataFrame:
    """TF-IDF of each term in each group (see the module docstring for the formula).

    Returns:
        ``by``, ``term``, ``count``, ``tf``, ``df``, ``idf``, ``tfidf``, sorted by group, then tfidf
        (descending), then term.
    """
    table = term_frequencies(tokens, by=by, stopwords=stopwords, min_chars=min_chars)
    groups = table[by].nunique()
    table["tf"] = table["count"] / table["n_tokens"]
    table["df"] = table.groupby("term")[by].transform("nunique")
    table["idf"] = np.log((1 + groups) / (1 + table["df"])) + 1
    table["tfidf"] = table["tf"] * table["idf"]
    table = table.sort_values([by, "tfidf", "term"], ascending=[True, False, True], kind="stable")
    return table[[by, "term", "count", "tf", "df", "idf", "tfidf"]].reset_index(drop=True)


def g2(a, b, c, d) -> np.ndarray:
    """Log-likelihood ratio G² of 2×2 tables ``[[a, b], [c, d]]`` (arrays or scalars).

    ``G² = 2 Σ O ln(O / E)`` over the four cells, with ``E`` from the row and column totals and
    ``0 ln 0 = 0``.
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = a + b + c + d
    rows = (a + b, c + d)
    cols = (a + c, b + d)
    observed = ((a, rows[0], cols[0]), (b, rows[0], cols[1]), (c, rows[1], cols[0]), (d, rows[1], cols[1]))
    from scipy.special import xlogy  # scipy is imported on first use: word counts alone never need it

    total = sum(xlogy(o, o) - xlogy(o, r * k / n) for o, r, k in observed)
    return 2 * total


def log_ratio(a, b, total_a, total_b) -> np.ndarray:
    """Hardie's log ratio ``log2((a / total_a) / (b / total_b))``, a zero count replaced by 0.5."""
    a = np.where(np.asarray(a) == 0, 0.5, a)
    b = np.where(np.asarray(b) == 0, 0.5, b)
    return np.log2((a / np.asarray(total_a, dtype=float)) / (b / np.asarray(total_b, dtype=float)))


def distinctive_terms(frequencies: pd.DataFrame, *, group: str = "doc_id") -> pd.DataFrame:
    """Each group's terms ranked by G² against the other groups together (Dunning's log-likelihood, as in
    :func:`keyness`), keeping the terms a group uses relatively more.

    Returns:
        ``frequencies``' columns plus ``per_10k_rest`` (the rate in the other groups), ``g2`` and ``log_ratio``,
        sorted by group, G² (descending), then term. With a single group: every term, by count, with G² and the
        log ratio missing.
    """
    table = frequencies.copy()
    sizes = table.drop_duplicates(group)["n_tokens"]
    corpus = sizes.sum()
    if len(sizes) < 2:
        table["per_10k_rest"], table["g2"], table["log_ratio"] = np.nan, np.nan, np.nan
        return table.sort_values([group, "count", "term"], ascending=[True, False, True], kind="stable")
    a = table["count"].to_numpy(dtype=float)
    b = table.groupby("term")["count"].transform("sum").to_numpy(dtype=float) - a
    size = table["n_tokens"].to_numpy(dtype=float)
    table["per_10k_rest"] = b / (corpus - size) * 10_000
    table["g2"] = g2(a, b, size - a, corpus - size - b)
    table["log_ratio"] = log_ratio(a, b, size, corpus - size)
    table = table[a / size > b / (corpus - size)]
    return table.sort_values([group, "g2", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)



def keyness(target: pd.DataFrame, reference: pd.DataFrame, *, stopwords: Iterable[str] = (), min_freq: int = 5,
            min_chars: int = 2) -> pd.DataFrame:
    """Terms over- or under-used in ``target`` compared with ``reference`` (two token tables).

    Args:
        target, reference: token tables (for example the review section and the plan section).
        min_freq: keep terms used at least this often in both groups together.

    Returns:
        ``term``, ``count_target``, ``count_reference``, ``per_10k_target``, ``per_10k_reference``, ``g2``,
        ``log_ratio``, ``p_value`` and ``direction`` (``target`` when relatively more frequent there, else
        ``reference``), sorted by G² (descending), then term. Empty when no term reaches ``min_freq``.
    """
    totals = [(t["kind"] == "word").sum() for t in (target, reference)]
    counts = [terms(t, stopwords=stopwords, min_chars=min_chars)["token"].value_counts() for t in (target, reference)]
    table = pd.concat(counts, axis=1, keys=["count_target", "count_reference"]).fillna(0).astype("int64")
    table = table[table.sum(axis=1) >= min_freq]
    a, b = table["count_target"].to_numpy(), table["count_reference"].to_numpy()
    table["per_10k_target"] = a / totals[0] * 10_000
    table["per_10k_reference"] = b / totals[1] * 10_000
    table["g2"] = g2(a, b, totals[0] - a, totals[1] - b)
    table["log_ratio"] = log_ratio(a, b, totals[0], totals[1])
    from scipy.stats import chi2

    table["p_value"] = chi2.sf(table["g2"], df=1)
    table["direction"] = np.where(a / totals[0] >= b / totals[1], "target", "reference")
    table = table.rename_axis("term").reset_index()
    return table.sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


@cached_step
def keyness_by(tokens: pd.DataFrame, column: str, target: object, reference: object | None = None, *,
               stopwords: Iterable[str] = (), min_freq: int = 5, min_chars: int = 2,
               paragraphs: pd.DataFrame | None = None, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`keyness` of the tokens whose ``column`` equals ``target`` against those equal to ``reference``
    (or all the others when ``reference`` is None): review against plan, one town against the rest.

    ``column`` is a column of the token table, or of ``paragraphs`` (``section``) or ``documents`` (``place``,
    ``report_year``) when given: it is joined on first (:func:`with_metadata`), without keeping the joined table.
    """
    if column not in tokens.columns:
        if paragraphs is not None and column in paragraphs.columns:
            tokens = with_metadata(tokens, paragraphs=paragraphs, paragraph_columns=[column])
        elif documents is not None and column in documents.columns:
            tokens = with_metadata(tokens, documents, columns=[column])
        else:
            raise KeyError(f"{column!r} is not a column of the tokens (pass the paragraphs or documents table "
                           "that has it)")
    values = tokens[column]
    other = values != target if reference is None else values == reference
    return keyness(tokens[values == target], tokens[other], stopwords=stopwords, min_freq=min_freq,
                   min_chars=min_chars)


@cached_step
def kwic(tokens: pd.DataFrame, documents: pd.DataFrame, term: str | Iterable[str], *, window: int = 20
         ) -> pd.DataFrame:
    """Keyword in context: every token equal to ``term`` (or one of several), with the clean text around it.

    Returns:
        ``doc_id``, ``paragraph``, ``start``, ``end`` (offsets into the clean text), ``left``, ``keyword``
        and ``right`` (``window`` characters each side, line breaks shown as spaces), in corpus order.
    """
    wanted = {term} if isinstance(term, str) else set(term)
    hits = tokens[tokens["token"].isin(wanted)]
    texts = documents.set_index("doc_id")["text"]
    rows = []
    for row in hits.itertuples(index=False):
        text = texts[row.doc_id]
        end = row.start + len(row.token)
        rows.append((row.doc_id, row.paragraph, row.start, end,
                     text[max(0, row.start - window) : row.start].replace("\n", " "), row.token,
                     text[end : end + window].replace("\n", " ")))
    return pd.DataFrame(rows, columns=["doc_id", "paragraph", "start", "end", "left", "keyword", "right"])


@cached_step
def collocations(tokens: pd.DataFrame, *, stopwords: Iterable[str] = (), min_freq: int = 3,
                 min_chars: int = 2) -> pd.DataFrame:
    """Adjacent term pairs scored by PMI and G² (see the module docstring).

    Returns:
        ``term1``, ``term2``, ``count``, ``count1``, ``count2``, ``pmi``, ``g2``, sorted by G² (descending),
        then the terms. Pairs seen fewer than ``min_freq`` times are dropped.
    """
    stop = set(stopwords)
    ok = (tokens["kind"] == "word") & (tokens["token"].str.len() >= min_chars) & ~tokens["token"].isin(stop)
    same_place = (tokens["doc_id"].eq(tokens["doc_id"].shift(-1)) & tokens["paragraph"].eq(tokens["paragraph"].shift(-1)))
    pair = ok & ok.shift(-1, fill_value=False) & same_place
    first = tokens.loc[pair, "token"].to_numpy()
    second = tokens["token"].shift(-1)[pair].to_numpy()
    unigrams = tokens.loc[ok, "token"].value_counts()
    total = int(ok.sum())
    pairs = pd.DataFrame({"term1": first, "term2": second}).value_counts().rename("count").reset_index()
    pairs = pairs[pairs["count"] >= min_freq].copy()
    pairs["count1"] = pairs["term1"].map(unigrams).astype("int64")
    pairs["count2"] = pairs["term2"].map(unigrams).astype("int64")
    a = pairs["count"].to_numpy()
    b, c = pairs["count1"].to_numpy() - a, pairs["count2"].to_numpy() - a
    pairs["pmi"] = np.log2(a * total / (pairs["count1"].to_numpy() * pairs["count2"].to_numpy()))
    pairs["g2"] = g2(a, b, c, total - a - b - c)
    pairs = pairs.sort_values(["g2", "term1", "term2"], ascending=[False, True, True], kind="stable")
    return pairs.reset_index(drop=True)

"""Topic quality: NPMI coherence on the corpus's own co-occurrences, FREX exclusivity, seed stability.

- NPMI (Bouma 2009) of a word pair over the N modelling units (paragraphs by default), from document
  co-occurrence: ``P(w) = D(w) / N``, ``P(wi, wj) = D(wi, wj) / N``,
  ``NPMI = ln(P(wi, wj) / (P(wi) P(wj))) / -ln P(wi, wj)``; a pair that never co-occurs scores -1 (the limit),
  a pair always together 1. A topic's coherence is the mean NPMI over all pairs of its top words; a model's is
  the mean over its topics. No external reference corpus is used.
- FREX (Roberts et al. 2016, as in R's stm): for word w in topic k, with ``excl = beta_kw / sum_j beta_jw`` and
  ``freq = beta_kw``, ``FREX = 1 / (weight / ECDF_k(excl) + (1 - weight) / ECDF_k(freq))`` with ECDFs taken over
  the vocabulary within topic k and ``weight = 0.5``. A topic's exclusivity is the mean ``excl`` of its top
  words: boilerplate topics (words every topic uses) score low.
- Stability: topics of two fits are matched one to one (Hungarian algorithm) to maximise the overlap of their
  top-10 word sets; a pair's overlap is ``|A ∩ B| / 10``. Stability is the mean overlap of the matched topics,
  averaged over every pair of seeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
from scipy import sparse

__all__ = ["frex", "npmi_matrix", "stability", "top_word_overlap", "topic_coherence"]


def npmi_matrix(matrix: sparse.spmatrix | np.ndarray, columns: Sequence[int]) -> np.ndarray:
    """NPMI between every pair of the given vocabulary columns of a unit × term count matrix.

    Returns:
        A square array (len(columns)²); the diagonal is 1.
    """
    present = (sparse.csc_matrix(matrix)[:, list(columns)] > 0).astype(np.float64)
    n = present.shape[0]
    joint = (present.T @ present).toarray() / n
    single = np.diag(joint).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(joint / np.outer(single, single))
        result = pmi / -np.log(joint)
    result[joint == 0] = -1.0
    result[np.isclose(joint, 1.0)] = 1.0  # both words in every unit: perfectly associated
    np.fill_diagonal(result, 1.0)
    return result


def topic_coherence(matrix: sparse.spmatrix | np.ndarray, top_words: Sequence[Sequence[int]]) -> np.ndarray:
    """Mean pairwise NPMI of each topic's top words (vocabulary column indices), one value per topic."""
    scores = []
    for columns in top_words:
        table = npmi_matrix(matrix, columns)
        upper = table[np.triu_indices(len(columns), k=1)]
        scores.append(float(upper.mean()) if len(upper) else np.nan)
    return np.asarray(scores)


def frex(beta: np.ndarray, weight: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """FREX scores and exclusivity of a topic × word matrix of probabilities (rows sum to 1).

    Returns:
        ``(frex, exclusivity)``, both topics × words.
    """
    exclusivity = beta / np.maximum(beta.sum(axis=0, keepdims=True), np.finfo(float).tiny)

    # scipy.stats is imported on first use: it costs every process that imports the topics package 45 MB
    from scipy.stats import rankdata

    def ecdf(rows: np.ndarray) -> np.ndarray:  # share of the topic's words with a value <= this one
        return rankdata(rows, method="max", axis=1) / rows.shape[1]

    scores = 1.0 / (weight / ecdf(exclusivity) + (1 - weight) / ecdf(beta))
    return scores, exclusivity


def top_word_overlap(first: Sequence[Sequence[int]], second: Sequence[Sequence[int]]) -> np.ndarray:
    """Overlap ``|A ∩ B| / len(A)`` of the top-word sets of every topic of ``first`` with every topic of
    ``second`` (topics × topics)."""
    return np.array([[len(set(a) & set(b)) / len(a) for b in second] for a in first])


def stability(runs: Sequence[Sequence[Sequence[int]]]) -> tuple[float, np.ndarray]:
    """Seed stability of several fits, each given as its topics' top-word column indices.

    Returns:
        ``(mean overlap over all pairs of runs, per-topic mean overlap of the first run's topics with their
        matches)``.

    Raises:
        ValueError: fewer than two runs.
    """
    if len(runs) < 2:
        raise ValueError("stability needs at least two fits")
    from scipy.optimize import linear_sum_assignment  # imported on first use, as scipy.stats in frex
    pair_means = []
    per_topic = np.zeros(len(runs[0]))
    with_first = 0
    for i, j in combinations(range(len(runs)), 2):
        overlap = top_word_overlap(runs[i], runs[j])
        rows, cols = linear_sum_assignment(overlap, maximize=True)
        pair_means.append(float(overlap[rows, cols].mean()))
        if i == 0:
            per_topic[rows] += overlap[rows, cols]
            with_first += 1
    return float(np.mean(pair_means)), per_topic / with_first

"""Topic models of paragraphs (or sections, or whole reports): NMF and LDA with fixed seeds, K chosen by
NPMI coherence, seed stability, FREX labels, prevalence tables and an export for R's stm.

The matrix of units by terms (:func:`document_term_matrix`, :func:`export_stm`) is built in
:mod:`govreports.topics.matrix`; both are imported here too.

Decisions:

- Unit: body paragraphs by default (headings, titles and signatures left out), since whole reports mix every
  theme; ``section`` joins a report's paragraphs of one section, ``report`` the whole report.
- Terms: word tokens of at least 2 characters that are not stop words (pass the corpus's place names among the
  stop words so that towns do not become topics). Vocabulary: terms in at least ``min_df`` units and at most
  ``max_df`` of them (ints are counts, floats shares, as in scikit-learn). Units left with fewer than
  ``min_terms`` terms are dropped.
- NMF: scikit-learn's NMF on the TF-IDF of the counts (l2-normalised rows), ``init="nndsvdar"`` (the SVD start
  with its zeros filled by small random values, so the seed matters) and ``random_state=seed``.
- LDA: scikit-learn's batch variational LDA on the counts, 50 iterations, priors ``1/K``, ``random_state=seed``.
- Topic-word distributions ``beta`` are the model's topic rows normalised to sum to 1; unit shares ``theta``
  the unit's topic weights normalised to sum to 1 (a unit with no weight at all keeps zeros).
- Topics are numbered 1..K in order of prevalence (largest first); prevalence is the mean share weighted by the
  units' numbers of terms.
- Labels: a topic's top FREX words that are not in ``non_content_words.txt`` (hedges, comparison and ranking
  words, units: 左右 and 位居 rank high in a topic of statistical statements but do not say what it is about).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from govreports.rules.files import read_word_list
from govreports.runtime.steps import cached_step
from govreports.topics.coherence import frex, stability, topic_coherence
from govreports.topics.matrix import UNIT_COLUMNS, DocumentTermMatrix, document_term_matrix, export_stm

__all__ = [
    "DocumentTermMatrix",
    "TopicModel",
    "choose_k",
    "document_term_matrix",
    "export_stm",
    "fit",
    "prevalence",
    "representative_units",
    "seed_stability",
    "topic_table",
    "topic_words",
    "unit_topics",
]

Kind = Literal["nmf", "lda"]


@dataclass(frozen=True)
class TopicModel:
    """A fitted model: ``beta`` (K × V) and ``theta`` (units × K) as probabilities, and its coherence."""

    kind: Kind
    k: int
    seed: int
    beta: np.ndarray = field(repr=False)
    theta: np.ndarray = field(repr=False)
    coherence: np.ndarray
    top_words: list[list[int]] = field(repr=False)
    dtm: DocumentTermMatrix = field(repr=False)


def fit(dtm: DocumentTermMatrix, k: int, *, kind: Kind = "nmf", seed: int = 0, n_top: int = 10) -> TopicModel:
    """Fit one model with ``k`` topics (see the module docstring for the settings)."""
    if kind == "nmf":
        from sklearn.decomposition import NMF
        from sklearn.feature_extraction.text import TfidfTransformer

        weights = TfidfTransformer().fit_transform(dtm.counts)
        model = NMF(n_components=k, init="nndsvdar", random_state=seed, max_iter=1000)
        unit_weights = model.fit_transform(weights)
    elif kind == "lda":
        from sklearn.decomposition import LatentDirichletAllocation

        model = LatentDirichletAllocation(n_components=k, learning_method="batch", max_iter=50, random_state=seed)
        unit_weights = model.fit_transform(dtm.counts)
    else:
        raise ValueError(f"unknown model kind {kind!r}: use 'nmf' or 'lda'")
    beta = _normalise(model.components_)
    theta = _normalise(unit_weights)
    order = np.argsort(-_weighted_share(theta, dtm), kind="stable")
    beta, theta = beta[order], theta[:, order]
    top = [list(np.argsort(-row, kind="stable")[:n_top]) for row in beta]
    return TopicModel(kind, k, seed, beta, theta, topic_coherence(dtm.counts, top), top, dtm)


@cached_step
def choose_k(dtm: DocumentTermMatrix, ks: Sequence[int], *, kind: Kind = "nmf", seed: int = 0
             ) -> tuple[pd.DataFrame, TopicModel]:
    """Fit each K and keep the one with the highest mean NPMI (the smaller K on a tie).

    Returns:
        ``(table, best model)``; the table has ``kind``, ``k``, ``coherence`` (mean NPMI), ``min_coherence``
        and ``chosen``.
    """
    models = [fit(dtm, k, kind=kind, seed=seed) for k in ks]
    table = pd.DataFrame({"kind": kind, "k": list(ks), "coherence": [m.coherence.mean() for m in models],
                          "min_coherence": [m.coherence.min() for m in models]})
    best = int(np.argmax(table["coherence"].to_numpy()))  # first maximum: the smallest K among ties
    table["chosen"] = table.index == best
    return table, models[best]


@cached_step
def seed_stability(dtm: DocumentTermMatrix, k: int, *, kind: Kind = "nmf", seeds: Sequence[int] = range(5)
                   ) -> tuple[float, np.ndarray]:
    """Refit with each seed and return the mean best-match top-10 overlap and its value per topic of the
    first seed's fit (see :func:`govreports.topics.coherence.stability`)."""
    runs = [fit(dtm, k, kind=kind, seed=seed).top_words for seed in seeds]
    return stability(runs)


def topic_table(model: TopicModel, *, n_label: int = 4, n_top: int = 10,
                non_content: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per topic: ``topic`` (1..K), ``label`` (top FREX words joined by ·, non-content words skipped),
    ``top_words`` (by probability), ``frex_words``, ``coherence`` (mean NPMI), ``exclusivity`` (mean of the top
    words) and ``prevalence``.

    Args:
        non_content: words never used in a label (default: the package's ``non_content_words.txt``: hedges,
            comparison and ranking words, units, such as 左右 and 位居). ``top_words`` and ``frex_words`` keep them.

    Raises:
        RuleFileError: the non-content word list cannot be read.
    """
    skip = frozenset(read_word_list("non_content_words.txt").words if non_content is None else non_content)
    scores, exclusivity = frex(model.beta)
    vocab = model.dtm.vocabulary
    rows = []
    for index, top in enumerate(model.top_words):
        order = np.argsort(-scores[index], kind="stable")
        frex_top = order[:n_top]
        label = [str(word) for word in vocab[order] if word not in skip][:n_label]
        rows.append((index + 1, "·".join(label), " ".join(vocab[top[:n_top]]),
                     " ".join(vocab[frex_top]), model.coherence[index], float(exclusivity[index, top].mean())))
    table = pd.DataFrame(rows, columns=["topic", "label", "top_words", "frex_words", "coherence", "exclusivity"])
    table["prevalence"] = _weighted_share(model.theta, model.dtm)
    return table


def topic_words(model: TopicModel, *, n: int = 20) -> pd.DataFrame:
    """Long table of each topic's ``n`` most probable words: ``topic``, ``rank``, ``term``, ``weight``
    (probability), ``frex`` and ``exclusivity``."""
    scores, exclusivity = frex(model.beta)
    rows = []
    for index, row in enumerate(model.beta):
        for rank, column in enumerate(np.argsort(-row, kind="stable")[:n], start=1):
            rows.append((index + 1, rank, model.dtm.vocabulary[column], row[column], scores[index, column],
                         exclusivity[index, column]))
    return pd.DataFrame(rows, columns=["topic", "rank", "term", "weight", "frex", "exclusivity"])


def unit_topics(model: TopicModel) -> pd.DataFrame:
    """Long table of unit shares: the unit columns of the matrix plus ``topic`` and ``share``."""
    shares = pd.DataFrame(model.theta, columns=range(1, model.k + 1))
    long = pd.concat([model.dtm.units, shares], axis=1).melt(id_vars=UNIT_COLUMNS, var_name="topic",
                                                             value_name="share")
    long["topic"] = long["topic"].astype("int64")
    return long.sort_values(["unit", "topic"], kind="stable").reset_index(drop=True)


def prevalence(model: TopicModel, *, by: str) -> pd.DataFrame:
    """Topic prevalence by a unit column (``doc_id``, ``section``, ``place``, ``report_year``): the mean share
    weighted by the units' numbers of terms. Returns ``by``, ``topic``, ``share``; shares of a group sum to 1."""
    long = unit_topics(model)
    long["weighted"] = long["share"] * long["n_terms"]
    sums = long.groupby([by, "topic"], sort=True)[["weighted", "n_terms"]].sum()
    sums["share"] = sums["weighted"] / sums["n_terms"]
    return sums["share"].reset_index()


def representative_units(model: TopicModel, documents: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """The ``n`` units with the largest share of each topic: ``topic``, ``rank``, ``doc_id``, ``paragraph``,
    ``start``, ``end`` (offsets into the clean text), ``share`` and ``text``."""
    long = unit_topics(model)
    top = (long.sort_values(["topic", "share", "unit"], ascending=[True, False, True], kind="stable")
           .groupby("topic").head(n).copy())
    top["rank"] = top.groupby("topic").cumcount() + 1
    texts = documents.set_index("doc_id")["text"]
    top["text"] = [texts[d][s:e] for d, s, e in zip(top["doc_id"], top["start"], top["end"], strict=True)]
    return top[["topic", "rank", "doc_id", "paragraph", "start", "end", "share", "text"]].reset_index(drop=True)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    totals = matrix.sum(axis=1, keepdims=True)
    return np.divide(matrix, totals, out=np.zeros_like(matrix, dtype=float), where=totals > 0)


def _weighted_share(theta: np.ndarray, dtm: DocumentTermMatrix) -> np.ndarray:
    weights = dtm.units["n_terms"].to_numpy(dtype=float)
    return (theta * weights[:, None]).sum(axis=0) / weights.sum()

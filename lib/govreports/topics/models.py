"""Topic models of paragraphs (or sections, or whole reports): NMF and LDA with fixed seeds, K chosen by
NPMI coherence, seed stability, FREX labels, prevalence tables and an export for R's stm.

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
from functools import partial
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from scipy import io as scipy_io
from scipy import sparse

from govreports.keywords.frequencies import each_batch, is_term
from govreports.rules.files import read_word_list
from govreports.runtime.steps import cached_step
from govreports.topics.coherence import frex, stability, topic_coherence

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

Unit = Literal["paragraph", "section", "report"]
Kind = Literal["nmf", "lda"]
UNIT_COLUMNS = ["unit", "doc_id", "paragraph", "section", "place", "report_year", "start", "end", "n_terms"]


@dataclass(frozen=True)
class DocumentTermMatrix:
    """Counts of terms (columns) in units (rows), with the units' metadata."""

    counts: sparse.csr_matrix
    vocabulary: np.ndarray
    units: pd.DataFrame = field(repr=False)


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


@cached_step
def document_term_matrix(tokens: pd.DataFrame | Iterable[pd.DataFrame], documents: pd.DataFrame,
                         paragraphs: pd.DataFrame, *, unit: Unit = "paragraph", stopwords: Iterable[str] = (),
                         min_chars: int = 2, min_df: int | float = 2, max_df: int | float = 0.5, min_terms: int = 5
                         ) -> DocumentTermMatrix:
    """Build the unit × term count matrix (see the module docstring for the rules).

    Args:
        tokens: a token table, or batches of one in ``doc_id`` order (:func:`govreports.text.tokens.iter_tokens`):
            batches are counted one at a time, so the corpus's tokens are never all in memory.

    Raises:
        ValueError: no unit or no term is left after filtering.
    """
    body = paragraphs.loc[paragraphs["kind"] == "body", ["doc_id", "paragraph", "section", "start", "end"]]
    body = body.rename(columns={"start": "p_start", "end": "p_end"}).set_index(["doc_id", "paragraph"])
    keys = {"paragraph": ["doc_id", "paragraph"], "section": ["doc_id", "section"], "report": ["doc_id"]}[unit]
    extra = {"section": ("section", "first")} if unit == "paragraph" else {}
    vocabulary: dict[str, int] = {}  # term -> column, in order of first use in a body paragraph
    rows, cols, values, metas = [], [], [], []
    offset = 0
    for part in each_batch(tokens, partial(_paragraph_counts, frozenset(stopwords), min_chars)):
        found = body.reindex(pd.MultiIndex.from_arrays([part.doc_ids, part.paragraphs], names=["doc_id", "paragraph"]))
        in_body = found["p_start"].notna().to_numpy()
        if not in_body.any():
            continue
        units = found[in_body].reset_index().astype({"doc_id": paragraphs["doc_id"].dtype,
                                                     "p_start": body["p_start"].dtype, "p_end": body["p_end"].dtype})
        grouped = units.groupby(keys, sort=True)
        meta = grouped.agg(start=("p_start", "min"), end=("p_end", "max"), **extra).reset_index()
        unit_of_paragraph = np.full(len(in_body), -1, dtype=np.int64)
        unit_of_paragraph[in_body] = grouped.ngroup().to_numpy()
        entry_unit = unit_of_paragraph[part.entry_paragraph]
        kept = entry_unit >= 0
        columns = _columns(vocabulary, part.terms, part.entry_term[kept], part.entry_first[kept])
        rows.append(entry_unit[kept] + offset)
        cols.append(columns[part.entry_term[kept]])
        values.append(part.entry_count[kept])
        metas.append(meta)
        offset += len(meta)
    if not metas:
        raise ValueError("no term left for topic modelling: no body paragraph has a term")
    counts = sparse.csr_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))),
                               shape=(offset, len(vocabulary)))
    counts.sum_duplicates()
    meta = pd.concat(metas, ignore_index=True)
    counts, names = _filter_vocabulary(counts, np.array(list(vocabulary), dtype=object), min_df, max_df)
    if unit != "paragraph":
        meta["paragraph"] = -1
    if unit == "report":
        meta["section"] = "all"
    meta = meta.merge(documents[["doc_id", "place", "report_year"]], on="doc_id", how="left")
    meta["n_terms"] = np.asarray(counts.sum(axis=1)).ravel()
    keep = (meta["n_terms"] >= min_terms).to_numpy()
    if not keep.any():
        raise ValueError(f"no unit has {min_terms} or more terms of the vocabulary")
    meta = meta[keep].reset_index(drop=True)
    meta.insert(0, "unit", range(len(meta)))
    return DocumentTermMatrix(counts[keep], names, meta[UNIT_COLUMNS])


@dataclass(frozen=True)
class _ParagraphCounts:
    """The terms of one batch of tokens counted per paragraph: paragraph ``i`` is ``(doc_ids[i], paragraphs[i])``
    (sorted), term ``j`` is ``terms[j]`` (in order of first use); each entry is a (paragraph, term) pair with its
    count and the row of the batch's terms where the pair first occurs."""

    doc_ids: np.ndarray
    paragraphs: np.ndarray
    terms: np.ndarray
    entry_paragraph: np.ndarray
    entry_term: np.ndarray
    entry_count: np.ndarray
    entry_first: np.ndarray


def _paragraph_counts(stop: frozenset[str], min_chars: int, batch: pd.DataFrame) -> _ParagraphCounts:
    """Worker: the terms (:func:`govreports.keywords.frequencies.terms`) of a batch of tokens counted per paragraph."""
    rows = is_term(batch, stopwords=stop, min_chars=min_chars)
    doc_codes, doc_ids = pd.factorize(batch["doc_id"], sort=True)
    numbers = batch["paragraph"].to_numpy(dtype=np.int64)[rows]
    width = int(numbers.max()) + 1 if len(numbers) else 1
    paragraph_keys, paragraph_of_row = np.unique(doc_codes[rows].astype(np.int64) * width + numbers,
                                                 return_inverse=True)
    term_of_row, names = pd.factorize(batch["token"][rows])
    pairs, first, count = np.unique(paragraph_of_row.astype(np.int64) * max(len(names), 1) + term_of_row,
                                    return_index=True, return_counts=True)
    return _ParagraphCounts(np.asarray(doc_ids, dtype=object)[paragraph_keys // width], paragraph_keys % width,
                            np.asarray(names, dtype=object), pairs // max(len(names), 1),
                            pairs % max(len(names), 1), count.astype(np.int64), first.astype(np.int64))


def _columns(vocabulary: dict[str, int], names: np.ndarray, used: np.ndarray, first: np.ndarray) -> np.ndarray:
    """The column of each of a batch's terms, adding to ``vocabulary`` the batch's new terms among those ``used``
    (term numbers, each first occurring at row ``first`` of the batch) in order of first occurrence: the columns
    are numbered in order of first use in the corpus, whatever the batches."""
    columns = np.fromiter((vocabulary.get(name, -1) for name in names), dtype=np.int64, count=len(names))
    earliest = np.full(len(names), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(earliest, used, first)
    new = np.flatnonzero((columns < 0) & (earliest < np.iinfo(np.int64).max))
    new = new[np.argsort(earliest[new], kind="stable")]
    columns[new] = np.arange(len(vocabulary), len(vocabulary) + len(new))
    vocabulary.update(zip(names[new].tolist(), columns[new].tolist(), strict=True))
    return columns


def _filter_vocabulary(counts: sparse.csr_matrix, names: np.ndarray, min_df: int | float, max_df: int | float
                       ) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Keep terms in at least ``min_df`` and at most ``max_df`` units (ints: counts, floats: shares, as in
    scikit-learn), with the columns in alphabetical order of the terms.

    Raises:
        ValueError: no term is left.
    """
    n_units = counts.shape[0]
    low = min_df if isinstance(min_df, int) else min_df * n_units
    high = max_df if isinstance(max_df, int) else max_df * n_units
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    kept = np.flatnonzero((frequency >= low) & (frequency <= high))
    if not len(kept):
        raise ValueError("no term left for topic modelling: min_df and max_df leave an empty vocabulary")
    kept = kept[np.argsort(names[kept], kind="stable")]
    return counts[:, kept].tocsr(), names[kept].astype(str)


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


def export_stm(dtm: DocumentTermMatrix, folder: str | Path) -> list[Path]:
    """Write the matrix for R: ``dtm.mtx`` (Matrix Market, read by ``Matrix::readMM``), ``vocab.txt`` (one
    term a line, the matrix's columns) and ``covariates.csv`` (one row per matrix row: unit, doc_id, paragraph,
    town, year, section, n_terms). ``stm::readCorpus(dtm, type = "Matrix")`` turns them into stm's input.

    Returns:
        The three paths.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "dtm.mtx", folder / "vocab.txt", folder / "covariates.csv"]
    scipy_io.mmwrite(paths[0], dtm.counts.astype(np.int64), field="integer")
    paths[1].write_text("\n".join(dtm.vocabulary) + "\n", encoding="utf-8")
    covariates = dtm.units.rename(columns={"place": "town", "report_year": "year"})
    covariates[["unit", "doc_id", "paragraph", "town", "year", "section", "n_terms"]].to_csv(
        paths[2], index=False, encoding="utf-8")
    return paths


def _normalise(matrix: np.ndarray) -> np.ndarray:
    totals = matrix.sum(axis=1, keepdims=True)
    return np.divide(matrix, totals, out=np.zeros_like(matrix, dtype=float), where=totals > 0)


def _weighted_share(theta: np.ndarray, dtm: DocumentTermMatrix) -> np.ndarray:
    weights = dtm.units["n_terms"].to_numpy(dtype=float)
    return (theta * weights[:, None]).sum(axis=0) / weights.sum()

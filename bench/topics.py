"""Benchmark: coherence and seed stability of the chosen topic model against a plain baseline.

For the sample corpus (body paragraphs of data/raw) and for a bootstrap corpus of N paragraphs resampled from it
with replacement, it fits NMF and LDA for every K in the range, keeps the model kind and K with the highest mean
NPMI (the chosen model, as notebook 02 does with MODEL="nmf"), and prints, for that K and the same matrix:

- the chosen model's mean NPMI of the top-10 words;
- the baseline's: scikit-learn's LatentDirichletAllocation with default settings (only n_components and
  random_state set);
- seed stability: mean best-match overlap of the top-10 words over 5 seeds.

    .venv/bin/python bench/topics.py [--n 1000] [--k-min 3] [--k-max 12] [--seed 0]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from govreports import load_corpus
from govreports.corpus import structure
from govreports.corpus.places import place_names
from govreports.text.segment import Segmenter, stopwords
from govreports.text.tokens import corpus_tokens
from govreports.topics import models as topics
from govreports.topics.coherence import topic_coherence

ROOT = Path(__file__).resolve().parents[1]


def baseline_coherence(dtm: topics.DocumentTermMatrix, k: int, seed: int) -> float:
    """Mean NPMI of scikit-learn's default LDA with k topics on the same counts."""
    from sklearn.decomposition import LatentDirichletAllocation

    model = LatentDirichletAllocation(n_components=k, random_state=seed).fit(dtm.counts)
    top = [list(np.argsort(-row, kind="stable")[:10]) for row in model.components_]
    return float(topic_coherence(dtm.counts, top).mean())


def bootstrap(dtm: topics.DocumentTermMatrix, n: int, seed: int) -> topics.DocumentTermMatrix:
    """N units drawn with replacement from ``dtm`` (vocabulary unchanged)."""
    rows = np.random.default_rng(seed).integers(0, dtm.counts.shape[0], size=n)
    units = dtm.units.iloc[rows].reset_index(drop=True).assign(unit=range(n))
    return topics.DocumentTermMatrix(dtm.counts[rows], dtm.vocabulary, units)


def report(name: str, dtm: topics.DocumentTermMatrix, ks: range, seed: int) -> None:
    started = time.perf_counter()
    tables = {kind: topics.choose_k(dtm, ks, kind=kind, seed=seed) for kind in ("nmf", "lda")}
    kind, (_, model) = max(tables.items(), key=lambda item: item[1][1].coherence.mean())
    stability, _ = topics.seed_stability(dtm, model.k, kind=kind, seeds=range(seed, seed + 5))
    baseline = baseline_coherence(dtm, model.k, seed)
    seconds = time.perf_counter() - started
    print(f"{name:<16} {dtm.counts.shape[0]:>6} {dtm.counts.shape[1]:>6} {kind.upper():>6} {model.k:>3} "
          f"{model.coherence.mean():>11.3f} {baseline:>13.3f} {stability:>10.2f} {seconds:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="paragraphs in the bootstrap corpus")
    parser.add_argument("--k-min", type=int, default=3)
    parser.add_argument("--k-max", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    documents = load_corpus(ROOT / "data" / "raw", progress_bar=False)
    paragraphs = structure.paragraphs(documents)
    places = place_names(documents)
    tokens = corpus_tokens(documents, Segmenter(extra_words=places), progress_bar=False)
    stop = stopwords(["general", "boilerplate"], extra=places)
    dtm = topics.document_term_matrix(tokens, documents, paragraphs, stopwords=stop)
    ks = range(args.k_min, args.k_max + 1)
    print(f"K range {ks.start}-{ks.stop - 1}, seed {args.seed}; baseline = sklearn LDA with default settings at the same K")
    print(f"{'corpus':<16} {'units':>6} {'vocab':>6} {'model':>6} {'K':>3} {'mean NPMI':>11} "
          f"{'baseline NPMI':>13} {'stability':>10} {'seconds':>8}")
    report("sample", dtm, ks, args.seed)
    report(f"bootstrap-{args.n}", bootstrap(dtm, args.n, args.seed), ks, args.seed)


if __name__ == "__main__":
    main()

"""NPMI, FREX and stability on tiny hand-computed examples."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import sparse

from govreports.topics.coherence import frex, npmi_matrix, stability, topic_coherence

# Four paragraphs over the terms a, b, c: {a, b}, {a, b}, {a, c}, {c} (counts above 1 count once).
COUNTS = sparse.csr_matrix(np.array([[1, 2, 0], [3, 1, 0], [1, 0, 1], [0, 0, 2]]))


def test_npmi_by_hand() -> None:
    table = npmi_matrix(COUNTS, [0, 1, 2])
    # a and b: P(a) = 3/4, P(b) = 2/4, P(a, b) = 2/4
    ab = math.log((2 / 4) / ((3 / 4) * (2 / 4))) / -math.log(2 / 4)
    # a and c: P(c) = 2/4, P(a, c) = 1/4
    ac = math.log((1 / 4) / ((3 / 4) * (2 / 4))) / -math.log(1 / 4)
    assert ab == pytest.approx(0.415037, abs=1e-6)
    assert ac == pytest.approx(-0.292481, abs=1e-6)
    assert table[0, 1] == pytest.approx(ab) and table[1, 0] == pytest.approx(ab)
    assert table[0, 2] == pytest.approx(ac)
    assert table[1, 2] == -1.0  # b and c never meet
    assert np.allclose(np.diag(table), 1.0)


def test_topic_coherence_is_the_mean_over_pairs() -> None:
    coherence = topic_coherence(COUNTS, [[0, 1, 2], [0, 1]])
    assert coherence[0] == pytest.approx((0.415037 - 0.292481 - 1) / 3, abs=1e-6)
    assert coherence[1] == pytest.approx(0.415037, abs=1e-6)


def test_frex_prefers_exclusive_words() -> None:
    beta = np.array([[0.45, 0.45, 0.1], [0.45, 0.1, 0.45]])  # word 0 shared; word 1 as frequent, but exclusive
    scores, exclusivity = frex(beta)
    assert exclusivity[0].tolist() == pytest.approx([0.5, 0.45 / 0.55, 0.1 / 0.55])
    # ECDFs within topic 0: exclusivity (2/3, 1, 1/3), frequency (1, 1, 1/3) with ties sharing the upper rank
    assert scores[0].tolist() == pytest.approx([1 / (0.5 / (2 / 3) + 0.5), 1.0, 1 / 3])


def test_stability_matches_topics_regardless_of_order() -> None:
    first = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]]
    shuffled = [first[1], first[0]]
    changed = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 99], first[1]]
    mean, per_topic = stability([first, shuffled, changed])
    assert per_topic.tolist() == pytest.approx([0.95, 1.0])
    assert mean == pytest.approx((1.0 + 0.95 + 0.95) / 3)
    with pytest.raises(ValueError):
        stability([first])

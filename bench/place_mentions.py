"""Place mentions: the plain scan, pyahocorasick and ahocorasick-rs on the same texts (issue 12).

``Gazetteer.mentions`` counts the gazetteer's names in a text, leftmost-longest and not overlapping (at each position
the longest name starting there, then on after it). This script times three ways of doing it on the clean texts of a
folder, checks that each gives the plain scan's counts (same names, counts and order), and counts disagreements on
random texts over a few characters with random names (where names overlap far more than in reports):

- ``plain scan``: the Python loop ``mentions`` used before (``Gazetteer._scan``);
- ``pyahocorasick iter_long``: ``ahocorasick.Automaton.iter_long`` (its "longest" matches);
- ``ahocorasick-rs``: ``AhoCorasick(matchkind=MatchKind.LeftmostLongest).find_matches_as_strings``, what ``mentions``
  uses now.

pyahocorasick is optional: without it that row is left out. Run from the project root (about 15 s):

    PYTHONPATH=$PWD/lib .venv/bin/python bench/place_mentions.py /tmp/places_vj
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ahocorasick_rs import AhoCorasick, MatchKind

from govreports.corpus.clean import clean_text
from govreports.corpus.places import gazetteer, longest_name_scan
from govreports.corpus.readers import SUFFIXES, read_file


def plain_scan(names: list[str]) -> Callable[[str], Counter[str]]:
    """The scan of ``Gazetteer._scan`` over ``names``."""
    index: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda name: (-len(name), name)):
        index.setdefault(name[:2], []).append(name)

    def scan(text: str) -> Counter[str]:
        return longest_name_scan(text, index)

    return scan


def automata(names: list[str]) -> dict[str, tuple[float, Callable[[str], Counter[str]]]]:
    """The libraries' searches over ``names`` and the seconds each took to build, by label (pyahocorasick only when
    installed)."""
    found: dict[str, tuple[float, Callable[[str], Counter[str]]]] = {}
    try:
        import ahocorasick
    except ImportError:
        pass
    else:
        start = time.perf_counter()
        automaton = ahocorasick.Automaton()
        for name in names:
            automaton.add_word(name, name)
        automaton.make_automaton()
        found["pyahocorasick iter_long"] = (time.perf_counter() - start,
                                            lambda text: Counter(name for _, name in automaton.iter_long(text)))
    start = time.perf_counter()
    rs = AhoCorasick(names, matchkind=MatchKind.LeftmostLongest)
    found["ahocorasick-rs"] = (time.perf_counter() - start, lambda text: Counter(rs.find_matches_as_strings(text)))
    return found


def random_disagreements(trials: int = 3000, seed: int = 0) -> Counter[str]:
    """For each library, the random texts on which it does not give the plain scan's counts."""
    rng = random.Random(seed)
    wrong: Counter[str] = Counter()
    for _ in range(trials):
        alphabet = "镇江山东西"[: rng.randint(2, 5)]
        names = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(1, 12))})
        scan, searches = plain_scan(names), automata(names)
        for _ in range(5):
            text = "".join(rng.choice(alphabet + "，") for _ in range(rng.randint(0, 40)))
            want = list(scan(text).items())
            for label, (_, search) in searches.items():
                wrong[label] += list(search(text).items()) != want
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="folder of reports (read recursively)")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    texts = [clean_text(read_file(path).text).text for path in files]
    names = list(gazetteer().names)
    print(f"{len(texts)} texts, {sum(map(len, texts))} characters; {len(names)} names")
    start = time.perf_counter()
    scan = plain_scan(names)
    searches = {"plain scan": (time.perf_counter() - start, scan), **automata(names)}
    reference = None
    for label, (build, search) in searches.items():
        start = time.perf_counter()
        counts = [list(search(text).items()) for text in texts]
        seconds = time.perf_counter() - start
        reference = reference or counts
        print(f"{label:<24} built in {build:4.2f} s, searched in {seconds:5.2f} s; "
              f"same counts as the plain scan on every text: {counts == reference}")
    wrong = random_disagreements()
    print("random texts (15000) where the counts differ from the plain scan's: "
          + ", ".join(f"{label} {wrong[label]}" for label in searches if label != "plain scan"))


if __name__ == "__main__":
    main()

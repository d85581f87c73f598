"""Seconds per stage of loading a folder of reports, single process (issue 12).

Each file goes through the steps of :func:`govreports.corpus.load.load_document`, in its order, each step timed
on its own (``time.perf_counter``), then the whole folder is loaded once more with ``load_corpus(n_jobs=1)`` for
the total. The stages:

- ``read``: :func:`read_file` (bytes, encoding, format);
- ``clean``: :func:`clean_text` (of which ``normalise_chars`` is printed on its own line);
- ``script``: the traditional-character check (``traditional_share``, and ``simplified`` where it applies);
- ``structure``: ``split_paragraphs`` and ``top_headings``;
- ``metadata``: ``infer_metadata`` and the report year (``_date_and_title``);
- ``places``: level and place chain (``_place``: ``jurisdiction``, else ``resolve_place``).

The gazetteer (and whatever index it builds) is built once before the clock starts and timed apart.
The script imports whichever ``govreports`` is on ``PYTHONPATH``, so the same command times two versions:

    rm -rf /tmp/places_vj && mkdir -p /tmp/places_vj && for f in ../shared/devcorpus/raw/*.txt; do \\
        b=$(basename $f .txt); cp $f /tmp/places_vj/$b.txt; \\
        (cat $f; printf '\\n（第二份）\\n') > /tmp/places_vj/${b}_copy2.txt; done
    PYTHONPATH=$PWD/lib .venv/bin/python bench/load_stages.py /tmp/places_vj
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from govreports.chinese.chars import normalise_chars
from govreports.corpus import load
from govreports.corpus.clean import clean_text
from govreports.corpus.metadata import infer_metadata
from govreports.corpus.places import gazetteer
from govreports.corpus.readers import read_file
from govreports.corpus.structure import split_paragraphs, top_headings


def stage_seconds(files: list[Path]) -> dict[str, float]:
    """Seconds spent in each stage over ``files`` (see the module docstring)."""
    seconds: dict[str, float] = defaultdict(float)

    def timed(stage, function, *args):
        start = time.perf_counter()
        result = function(*args)
        seconds[stage] += time.perf_counter() - start
        return result

    for path in files:
        raw = timed("read", read_file, path)
        timed("  of clean: normalise_chars", normalise_chars, raw.text)
        cleaned = timed("clean", clean_text, raw.text)
        reading, _ = timed("script", load._reading_text, cleaned.text)
        headings = timed("structure", lambda text: top_headings(split_paragraphs(text)), reading)
        values, sources = timed("metadata", infer_metadata, reading, cleaned.fields, headings)
        timed("metadata", load._date_and_title, reading, cleaned.fields, values, sources)
        timed("places", load._place, reading, values, sources)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="folder of reports (read recursively)")
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and p.suffix in load.SUFFIXES)
    start = time.perf_counter()
    gaz = gazetteer()
    gaz.mentions("浙江省诸暨市店口镇")  # builds any lazy index
    print(f"gazetteer build: {time.perf_counter() - start:.2f} s")
    seconds = stage_seconds(files)
    print(f"{len(files)} files")
    for stage in ("read", "clean", "  of clean: normalise_chars", "script", "structure", "metadata", "places"):
        print(f"{stage:<28} {seconds[stage]:7.2f} s")
    print(f"{'sum of stages':<28} {sum(v for k, v in seconds.items() if not k.startswith(' ')):7.2f} s")
    start = time.perf_counter()
    table = load.load_corpus(args.folder, n_jobs=1, progress_bar=False, errors="ignore")
    print(f"{'load_corpus(n_jobs=1)':<28} {time.perf_counter() - start:7.2f} s ({len(table)} reports)")


if __name__ == "__main__":
    main()

"""Benchmark: the whole govreports commands against plain jieba, on one folder, in one run.

What it measures, in this order (one run each, same machine, same files):

1. **plain jieba**: ``jieba.lcut`` (the global tokenizer, default dictionary, HMM on) over the raw text of every
   file, in this process; the dictionary is loaded before the clock starts. This is the cost a researcher's own
   script pays for segmentation alone.
2. **govreports corpus / keywords / indicators**: each command as a whole process (start-up, imports, reading,
   cleaning, metadata, structure, its own work, writing the CSV), with no cache (cold), at the default ``--n-jobs``.
3. **the stages of keywords**, in this process and serially, so that each can be timed: read, clean, the gazetteer
   (built once per process: by each worker of a command), metadata (title, years, level and place chain), places
   (the corpus's place names), segmentation (the token table: each report cut whole and its tokens numbered by
   paragraph, in the command's batches of 50 reports), tables (term counts) and write (the CSV).

Each line gives seconds, million characters per second (characters of the raw files) and the ratio to plain
jieba's time; a command's line also gives the CPU-seconds the whole machine spent while it ran (its fork server and
workers included, from ``/proc/stat``: run it on an otherwise idle machine). Issue 12 asks for ``keywords`` at
most 0.15 of plain jieba on at least 8 M characters.

    .venv/bin/python bench/vs_jieba.py FOLDER [--copies 2] [--n-jobs N] [--no-stages]

``--copies 2`` benchmarks a temporary folder holding two copies of every file of FOLDER (the second copy's text
gets one extra line, so that it is no duplicate and has its own doc_id): ``../shared/devcorpus/raw`` twice is about
8 M characters.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = Path(sys.executable).parent / "govreports"


def _copies(folder: Path, copies: int, into: Path) -> Path:
    """``folder``'s reports ``copies`` times in ``into``; copy k > 1 of ``name.txt`` is ``name_copyk.txt``."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        for k in range(1, copies + 1):
            target = into / (path.name if k == 1 else f"{path.stem}_copy{k}{path.suffix}")
            if k == 1 or path.suffix != ".txt":
                shutil.copyfile(path, target)
            else:
                text = path.read_bytes().decode("utf-8", errors="replace")
                target.write_text(text + f"\n（第{k}份）\n", encoding="utf-8")
    return into


def _raw_texts(folder: Path) -> list[str]:
    """Every file's text as plain jieba would get it (UTF-8, undecodable bytes replaced)."""
    return [p.read_bytes().decode("utf-8", errors="replace") for p in sorted(folder.rglob("*")) if p.is_file()]


def _line(label: str, seconds: float, chars: int, baseline: float | None) -> str:
    ratio = f"{seconds / baseline:6.3f}" if baseline else "     -"
    return f"  {label:<34} {seconds:8.2f} s {chars / seconds / 1e6:7.2f} M chars/s   ratio {ratio}"


def _command(name: str, folder: Path, out: Path, n_jobs: int | None) -> tuple[float, float | None]:
    """Seconds of the command as a whole process, and the CPU-seconds the whole machine spent meanwhile (the
    command, its fork server and its workers, which are not its children; ``None`` where ``/proc/stat`` is missing)."""
    args = [str(COMMAND), name, str(folder), "-o", str(out / f"{name}.csv"), "--force"]
    if n_jobs is not None:
        args += ["--n-jobs", str(n_jobs)]
    env = {**os.environ, "GOVREPORTS_PROGRESS": "0"}
    busy = _machine_cpu_seconds()
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    after = _machine_cpu_seconds()
    if done.returncode != 0:
        raise SystemExit(f"govreports {name} failed ({done.returncode}):\n{done.stderr}")
    return seconds, (after - busy if busy is not None and after is not None else None)


def _machine_cpu_seconds() -> float | None:
    """CPU-seconds spent by the whole machine since boot (user, nice and system time of ``/proc/stat``), or ``None``."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    return sum(int(value) for value in fields[1:4]) / os.sysconf("SC_CLK_TCK")


def _stages(folder: Path, out: Path) -> list[tuple[str, float]]:
    """The stages of ``govreports keywords``, serially, each timed (see the module docstring)."""
    from govreports import cli
    from govreports.corpus import load as loading
    from govreports.corpus.clean import clean_text
    from govreports.corpus.places import gazetteer, place_names
    from govreports.corpus.readers import read_file
    from govreports.keywords import frequencies as keywords
    from govreports.runtime.tables import write_csv
    from govreports.text.segment import Segmenter, stopwords

    timings: list[tuple[str, float]] = []
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings.append((name, now - clock))
        clock = now

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    raws = [read_file(p) for p in files]
    lap("read (decode, docx/pdf/html)")
    cleaned = [clean_text(r.text) for r in raws]
    lap("clean")
    gazetteer()._automaton  # noqa: B018  (built on first use)
    lap("gazetteer (once per process)")
    rows = [loading.load_document(p) for p in files]  # read + clean + metadata (place chain included)
    documents = loading.pd.DataFrame(rows)
    lap("metadata")
    read, clean = timings[0][1], timings[1][1]  # load_document reads and cleans again
    timings[-1] = ("metadata (title, years, place chain)", timings[-1][1] - read - clean)
    names = place_names(documents)
    lap("places (corpus place names)")
    segmenter = Segmenter(extra_words=names)
    size = cli._batch_reports()  # in the command's batches of reports, taken in doc_id order as the command does
    ordered = documents.sort_values("doc_id", kind="stable")
    tokens = [segmenter.report_tokens(ordered.iloc[start : start + size]) for start in range(0, len(ordered), size)]
    lap("segmentation (token table)")
    counts = keywords.term_frequencies(tokens, stopwords=stopwords(("general",), extra=names))
    lap("tables (term counts)")
    write_csv(counts[["doc_id", "term", "count"]], out / "stages.csv")
    lap("write (CSV)")
    del cleaned
    timings.append(("total of the stages", sum(t for _, t in timings)))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--copies", type=int, default=1, help="benchmark this many copies of every file")
    parser.add_argument("--n-jobs", type=int, default=None, help="passed to the commands (default: theirs)")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process stage profile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govreports-vs-jieba-") as scratch:
        scratch_path = Path(scratch)
        folder = args.folder
        if args.copies > 1:
            (scratch_path / "reports").mkdir()
            folder = _copies(args.folder, args.copies, scratch_path / "reports")
        out = scratch_path / "out"
        out.mkdir()
        texts = _raw_texts(folder)
        chars = sum(map(len, texts))
        print(f"{folder}: {len(texts)} files, {chars / 1e6:.2f} M characters; {os.cpu_count()} cores")

        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        start = time.perf_counter()
        n_tokens = sum(len(jieba.lcut(text)) for text in texts)
        baseline = time.perf_counter() - start
        print(_line("plain jieba.lcut (1 process)", baseline, chars, baseline) + f"   {n_tokens:,} tokens")
        for name in ("corpus", "keywords", "indicators"):
            seconds, cpu = _command(name, folder, out, args.n_jobs)
            jobs = f" (--n-jobs {args.n_jobs})" if args.n_jobs is not None else ""
            used = f"   {cpu:.1f} CPU-s (machine)" if cpu is not None else ""
            print(_line(f"govreports {name}{jobs}", seconds, chars, baseline) + used)
        if not args.no_stages:
            print("stages of keywords (this process, serial):")
            for name, seconds in _stages(folder, out):
                print(_line(name, seconds, chars, baseline))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

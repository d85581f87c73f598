"""Command line: ``govreports corpus|keywords|indicators PATH... -o FILE.csv``; ``govreports --version``.

The output is CSV (UTF-8 with BOM, for Excel), or Parquet with ``-o FILE.parquet``, or a folder of Parquet parts
(one file per batch of reports, for dask or Spark) with ``-o FOLDER --partitioned``. Work runs in one worker process
per core unless ``--n-jobs`` says otherwise (``1``: in this process).

Starting is fast (``govreports --help`` imports neither pandas nor the readers): every heavy import is inside the
subcommand that needs it.

Every argument that names a file or folder is checked before any report is read: a missing input, an output that
is a folder or exists already (without ``--force``), a user dictionary or lexicon that is missing or cannot be
read, a cache that is a file, each stop the run with one line ``govreports: <file>: <reason>`` on standard error.

Exit codes: 0 when at least one report was loaded, 1 when none could be, 2 for usage errors (argparse) and for
an argument that names a file or folder that cannot be used.
"""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn, TypeVar

from govreports import __version__

if TYPE_CHECKING:
    from concurrent.futures import Executor

    import pandas as pd

__all__ = ["entry_point", "main"]

T = TypeVar("T")
Form = Literal["csv", "parquet", "parts"]
#: Reports per part of a partitioned output.
PART_REPORTS = 200
#: Reports per batch of segmentation and indicator extraction, at most (a batch holds the largest number of reports
#: that divides both this and :data:`PART_REPORTS`, so that a part's batches are written together). Batches smaller
#: than a part keep every worker busy to the end (488 reports make 10 batches, not 2 of 200 and one of 88).
BATCH_REPORTS = 50


def entry_point() -> NoReturn:
    """The ``govreports`` command (``[project.scripts]``): :func:`main`, then the exit handlers, then the process ends
    without the interpreter freeing its objects one by one, which took 0.15-0.2 s after a command on a few hundred
    reports (the table, the corpus, pandas' modules). By then every subcommand has closed its output and shut its
    worker pool down, waiting for it (the ``with`` of :func:`_workers`): no thread is left whose end the interpreter
    would wait for. An error raised by :func:`main` ends the process as usual, with its traceback."""
    code = main()
    atexit._run_exitfuncs()  # what the interpreter would run at exit (logging's flush ...)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        _check(args)
    except _Unusable as problem:
        print(f"govreports: {problem}", file=sys.stderr)
        return 2
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govreports", description="Chinese local government work reports.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    corpus = commands.add_parser("corpus", help="load reports and write the documents table (CSV or Parquet)",
                                 description="Load reports (.txt in any encoding, .docx, .pdf, .html) and "
                                 "write one row per report with its metadata.")
    _inputs_and_output(corpus)
    corpus.add_argument("--text", action="store_true", help="include the clean text column")
    corpus.set_defaults(run=_corpus)

    keywords = commands.add_parser("keywords", help="segment reports and write term counts (CSV or Parquet)",
                                   description="Segment reports with the policy dictionary and write the long "
                                   "table doc_id, term, count (after stop words).")
    _inputs_and_output(keywords)
    keywords.add_argument("--user-dict", action="append", default=[], type=Path, metavar="FILE",
                          help="extra jieba dictionary (word [freq] [tag] per line); repeatable")
    keywords.add_argument("--boilerplate", action="store_true",
                          help="also drop report boilerplate verbs (坚持, 推进, 加快, ...)")
    keywords.add_argument("--keep-places", action="store_true", help="keep the corpus's place names as terms")
    keywords.add_argument("--min-chars", type=int, default=2, help="shortest term in characters (default 2)")
    keywords.add_argument("--cache", type=Path, metavar="DIR", help="cache token tables in DIR (e.g. data/interim)")
    keywords.set_defaults(run=_keywords)

    indicators = commands.add_parser("indicators", help="extract indicator statements (CSV or Parquet)",
                                     description="Extract every indicator level, growth rate and target with its "
                                     "period, hedge and source sentence.")
    _inputs_and_output(indicators)
    indicators.add_argument("--lexicon", type=Path, metavar="CSV", help="your own indicator lexicon")
    indicators.set_defaults(run=_indicators)

    targets = commands.add_parser("targets", help="each target beside its outcome and the targets above it (CSV or "
                                  "Parquet)", description="Extract the indicator statements and write one row per "
                                  "place, year, indicator and measure with a target: the target, the outcome the "
                                  "later reports state, whether it was met, and the same year's targets of the "
                                  "units above the place that the corpus holds.")
    _inputs_and_output(targets)
    targets.add_argument("--lexicon", type=Path, metavar="CSV", help="your own indicator lexicon")
    targets.set_defaults(run=_targets)
    for command in (corpus, keywords, indicators, targets):
        command.add_argument("--force", action="store_true",
                             help="replace the output (file, or folder of parts) if it exists")
        command.add_argument("--partitioned", action="store_true",
                             help=f"write -o as a folder of Parquet files part-00000.parquet, ... (one per "
                             f"{PART_REPORTS} reports), which dask.dataframe.read_parquet or Spark read as one table")
        command.add_argument("--n-jobs", type=_n_jobs, default=-1, metavar="N",
                             help=f"worker processes (default -1: one per core, {os.cpu_count() or 1} on this "
                             "machine; 1: no worker processes, everything in this one)")
    return parser


def _inputs_and_output(command: argparse.ArgumentParser) -> None:
    """The arguments every subcommand starts with: the reports, and ``-o``."""
    command.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders (read recursively)")
    command.add_argument("-o", "--output", required=True, type=Path, help=_OUTPUT_HELP)


_OUTPUT_HELP = ("file to write: CSV (UTF-8 with BOM, opens in Excel), or Parquet when it ends in .parquet; "
                "with --partitioned, the folder to write")


def _n_jobs(text: str) -> int:
    """``--n-jobs``: a positive number of processes, or -1 for one per core."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of processes (1 or more) or -1 for every core") from None
    if value < 1 and value != -1:
        raise argparse.ArgumentTypeError(f"{value}: give a number of processes (1 or more) or -1 for every core")
    return value


class _Unusable(Exception):
    """An argument names a file or folder that cannot be used; the message is ``<file>: <reason>``."""


def _check(args: argparse.Namespace) -> None:
    """Check every argument that names a file or folder, before any work. Reads the user dictionaries and the
    lexicon (small files) so that a malformed one stops the run before the corpus is loaded; the lexicon read is
    kept in ``args.entries``.

    Raises:
        _Unusable: for the first argument that cannot be used.
    """
    from govreports.indicators.lexicon import lexicon
    from govreports.rules.files import read_word_list

    for path in args.paths:
        if not Path(path).exists():
            raise _Unusable(f"{path}: no such file or folder")
    args.form = _form(args.output, partitioned=args.partitioned)
    if args.form == "parts":
        _check_folder_output(args.output, force=args.force)
    else:
        _check_output(args.output, [Path(p) for p in args.paths], force=args.force)
    for path in getattr(args, "user_dict", []):
        _read(read_word_list, path, "dictionary")
    if getattr(args, "cache", None) is not None:
        if args.cache.exists() and not args.cache.is_dir():
            raise _Unusable(f"{args.cache}: is a file; --cache takes a folder")
        _check_creatable(args.cache, args.cache)
    if getattr(args, "lexicon", None) is not None:
        args.entries = _read(lexicon, args.lexicon, "lexicon")


def _read(read: Callable[[Path], T], path: Path, what: str) -> T:
    """``read(path)`` of a file the user named; its errors as :class:`_Unusable` (rule-file errors already name the
    file and line)."""
    if path.is_dir():
        raise _Unusable(f"{path}: is a folder, not a {what} file")
    if not path.is_file():
        raise _Unusable(f"{path}: no such {what} file")
    try:
        return read(path)
    except UnicodeDecodeError as error:
        raise _Unusable(f"{path}: not UTF-8 text (byte {error.start} cannot be decoded)") from None
    except (OSError, ValueError) as error:
        message = str(error)
        raise _Unusable(message if message.startswith(str(path)) else f"{path}: {message}") from None


def _form(path: Path, *, partitioned: bool) -> Form:
    """What ``-o`` writes: a folder of Parquet parts (``--partitioned``), one Parquet file (``.parquet``) or CSV."""
    if partitioned:
        if path.suffix.lower() == ".csv":
            raise _Unusable(f"{path}: --partitioned writes a folder of Parquet files, not a CSV file; name a folder "
                            f"(for example {path.with_suffix('')})")
        return "parts"
    return "parquet" if path.suffix.lower() == ".parquet" else "csv"


def _check_output(path: Path, inputs: list[Path], *, force: bool) -> None:
    if path.is_dir():
        raise _Unusable(f"{path}: is a folder; -o takes the file to write (for example {path / 'table.csv'}), or a "
                        "folder with --partitioned")
    if path.exists() and any(given.is_file() and given.samefile(path) for given in inputs):
        raise _Unusable(f"{path}: is one of the reports to read; write the table to another file")
    if path.exists() and not force:
        raise _Unusable(f"{path}: exists; pass --force to replace it")
    if path.exists() and not os.access(path, os.W_OK):
        raise _Unusable(f"{path}: cannot be replaced (permission denied)")
    _check_creatable(path.parent, path)


def _check_folder_output(path: Path, *, force: bool) -> None:
    """``-o FOLDER --partitioned``: a new folder, or (with ``--force``) one that holds only the parts of an earlier
    run, never a folder holding anything else (such as the reports)."""
    from govreports.runtime.tables import holds_only_parts

    if path.exists() and not path.is_dir():
        raise _Unusable(f"{path}: is a file; --partitioned writes a folder")
    if path.is_dir() and any(path.iterdir()):
        if not force:
            raise _Unusable(f"{path}: exists; pass --force to replace it")
        if not holds_only_parts(path):
            raise _Unusable(f"{path}: holds files other than part-NNNNN.parquet; it is not replaced (name a new "
                            "folder)")
    _check_creatable(path.parent, path)  # the parts are written beside the folder, then renamed


def _check_creatable(folder: Path, named: Path) -> None:
    """``folder`` exists or can be made, and can be written in; the message names ``named``."""
    existing = folder.absolute()
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise _Unusable(f"{named}: cannot be created, {existing} is a file")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise _Unusable(f"{named}: cannot be written, {existing} is not writable (permission denied)")


@contextmanager
def _workers(n_jobs: int) -> Iterator[Executor | None]:
    """One pool of worker processes for the whole run (loading, then segmentation or extraction), or ``None`` for
    ``--n-jobs 1``: :func:`govreports.runtime.parallel.process_pool`, entered before this process imports pandas and
    the rest, so that the workers start (the fork server imports their modules, then each builds the gazetteer that
    loading needs) while this process imports what it needs: 0.5 s less before the first report is read."""
    from govreports.runtime.parallel import process_pool, workers

    if workers(n_jobs) == 1:
        yield None
        return
    with process_pool(workers(n_jobs), warm=_build_gazetteer) as pool:
        yield pool


def _build_gazetteer() -> None:
    """Worker: :func:`govreports.corpus.places.build_gazetteer` (imported there, not by this process before its pool
    starts)."""
    from govreports.corpus.places import build_gazetteer

    build_gazetteer()


def _load(args: argparse.Namespace, pool: Executor | None):
    """Load the corpus for a subcommand, or return the exit code (after a message) when nothing could be loaded."""
    from govreports.corpus.load import load_corpus

    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    documents = load_corpus(args.paths, errors="ignore", executor=pool)
    if not len(documents):
        _summary(documents, None)
        return 1
    return documents


def _keywords(args: argparse.Namespace) -> int:
    with _workers(args.n_jobs) as pool:  # first: the workers start while this process imports (see _workers)
        import pyarrow as pa
        import pyarrow.compute as pc

        from govreports.corpus.places import place_names
        from govreports.keywords import frequencies as keywords
        from govreports.text.segment import Segmenter, StopwordLayer, stopwords
        from govreports.text.tokens import iter_tokens

        documents = _load(args, pool)
        if isinstance(documents, int):
            return documents
        if args.keep_places:
            places: set[str] = set()
        elif pool is None:
            places = place_names(documents)
        else:  # in a worker, whose gazetteer is already built by loading
            places = pool.submit(place_names, documents[["place", "county", "city", "province"]]).result()
        segmenter = Segmenter(user_dicts=args.user_dict, extra_words=places)
        layers: tuple[StopwordLayer, ...] = ("general", "boilerplate") if args.boilerplate else ("general",)
        stop = stopwords(layers, extra=places)
        count = partial(_term_counts, partial(keywords.term_frequencies, stopwords=stop, min_chars=args.min_chars))
        terms: list[pa.Array] = []  # the distinct terms of each batch
        rows = 0

        def counts() -> Iterator[pd.DataFrame]:
            """Term counts one batch of reports at a time, counted in the workers: a report's counts depend on its
            tokens only, so the batches, in doc_id order, make the table of the whole corpus."""
            nonlocal rows
            for table in iter_tokens(documents, segmenter, cache_dir=args.cache, batch_size=_batch_reports(),
                                     executor=pool, then=count):
                terms.append(pc.unique(pa.array(table["term"])).cast(pa.large_string()))
                rows += len(table)
                yield table

        _write(_parts(counts(), args.form), args)
    distinct = pc.count_distinct(pa.chunked_array(terms, pa.large_string())).as_py() if terms else 0
    _summary(documents, args.output, extra=f"{_count(rows, 'row')}, {_count(distinct, 'distinct term')}")
    return 0


def _term_counts(frequencies: Callable[[pd.DataFrame], pd.DataFrame], tokens: pd.DataFrame) -> pd.DataFrame:
    """Worker: the ``doc_id``, ``term``, ``count`` columns of ``frequencies(tokens)``, the table ``keywords`` writes
    (only they travel back to the command)."""
    return frequencies(tokens)[["doc_id", "term", "count"]]


def _statements(args: argparse.Namespace):
    """Load the corpus and extract its indicator statements with the lexicon of ``--lexicon`` (the package's by
    default): ``(documents, statements, entries)``, or the exit code when nothing could be loaded."""
    with _workers(args.n_jobs) as pool:  # first: the workers start while this process imports (see _workers)
        from govreports.indicators.extraction import extract_indicators, lexicon

        entries = getattr(args, "entries", None) or lexicon()
        documents = _load(args, pool)
        if isinstance(documents, int):
            return documents
        statements = extract_indicators(documents, entries=entries, executor=pool, batch_size=_batch_reports())
    return documents, statements, entries


def _indicators(args: argparse.Namespace) -> int:
    loaded = _statements(args)
    if isinstance(loaded, int):
        return loaded
    from govreports.indicators.records import is_target

    documents, table, _ = loaded
    table = table.merge(documents[["doc_id", "place", "report_year"]], on="doc_id", how="left")
    _write(_by_reports(table, documents, args.form), args)
    targets = int(is_target(table["kind"]).sum())
    _summary(documents, args.output, extra=f"{_count(len(table), 'statement')} ({_count(targets, 'target')})")
    return 0


def _targets(args: argparse.Namespace) -> int:
    loaded = _statements(args)
    if isinstance(loaded, int):
        return loaded
    from govreports.indicators.targets import targets_table

    documents, statements, entries = loaded
    table = targets_table(statements, documents, entries)
    _write(_by_reports(table, documents, args.form), args)
    outcomes = int(table["outcome"].notna().sum())
    _summary(documents, args.output, extra=f"{_count(len(table), 'target')} ({outcomes} with an outcome)")
    return 0


def _corpus(args: argparse.Namespace) -> int:
    with _workers(args.n_jobs) as pool:
        documents = _load(args, pool)
    if isinstance(documents, int):
        return documents
    columns = [c for c in documents.columns if c not in ("text", "raw_text")] + (["text"] if args.text else [])
    _write(_by_reports(documents[columns], documents, args.form), args)
    _summary(documents, args.output)
    return 0


def _by_reports(table: pd.DataFrame, documents: pd.DataFrame, form: Form) -> Iterator[pd.DataFrame]:
    """The table whole, or, for a partitioned output, one part per :data:`PART_REPORTS` reports of ``documents`` in
    ``doc_id`` order (the batches the work ran in): a part holds the rows of its reports, in the table's order, and
    is empty when none of them has a row."""
    if form != "parts":
        yield table
        return
    order = sorted(documents["doc_id"])
    part = table["doc_id"].map({doc_id: i // PART_REPORTS for i, doc_id in enumerate(order)})
    rows = table.groupby(part, sort=False).indices
    for number in range(-(-len(order) // PART_REPORTS)):
        yield table.iloc[rows.get(number, [])]


def _batch_reports() -> int:
    """Reports per batch of work (see :data:`BATCH_REPORTS`)."""
    import math

    return math.gcd(BATCH_REPORTS, PART_REPORTS)


def _parts(batches: Iterator[pd.DataFrame], form: Form) -> Iterator[pd.DataFrame]:
    """The tables of the batches of :data:`BATCH_REPORTS` reports as they come, or, for a partitioned output, joined
    into one table per :data:`PART_REPORTS` reports (the parts :func:`_by_reports` makes)."""
    if form != "parts":
        yield from batches
        return
    import pandas as pd

    per_part = PART_REPORTS // _batch_reports()
    pending: list[pd.DataFrame] = []
    for table in batches:
        pending.append(table)
        if len(pending) == per_part:
            yield pd.concat(pending, ignore_index=True)
            pending = []
    if pending:
        yield pd.concat(pending, ignore_index=True)


def _write(batches: Iterator[pd.DataFrame], args: argparse.Namespace) -> None:
    """Write the batches of a table to ``-o`` in the form asked for (see :func:`_form`): CSV in UTF-8 with a BOM
    (so that Excel shows the Chinese), one Parquet file, or a folder of Parquet parts (:mod:`govreports.runtime.tables`)."""
    from govreports.runtime import tables

    write = {"csv": tables.write_csv, "parquet": tables.write_parquet_file, "parts": tables.write_parts}[args.form]
    write(batches, args.output)


def _summary(documents, output: Path | None, extra: str = "") -> None:
    """Print the one-line summary to stdout and one line per failed or duplicate file to stderr."""
    files = documents.attrs["files"]
    counts = files["status"].value_counts()
    levels = documents["level"].fillna("unknown").value_counts().sort_index()
    level_text = ", ".join(f"{n} {level}" for level, n in levels.items())
    print(
        f"{_count(counts.get('loaded', 0), 'report')} loaded ({level_text or 'none'}) from {_count(len(files), 'file')}; "
        f"{_count(counts.get('duplicate', 0), 'duplicate')}, {counts.get('failed', 0)} failed, "
        f"{counts.get('skipped', 0)} skipped" + (f"; {extra}" if extra else "") + (f" -> {output}" if output else "")
    )
    for row in files[files["status"].isin(["failed", "duplicate"])].itertuples():
        print(f"  {row.path}: {row.reason}", file=sys.stderr)
    if output is None:
        print("govreports: no report could be loaded; nothing written", file=sys.stderr)


def _count(n: int, noun: str) -> str:
    """``1 report``, ``2 reports``, ``0 reports``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

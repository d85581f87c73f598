"""Command line: ``govreports corpus|keywords|indicators PATH... -o FILE.csv``.

Exit codes: 0 when at least one report was loaded, 1 when none could be, 2 for usage errors (argparse)
and for an output file that exists already (pass ``--force`` to replace it).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govreports", description="Chinese local government work reports.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    corpus = commands.add_parser("corpus", help="load reports and write the documents table (CSV)",
                                 description="Load reports (.txt in any encoding, .docx, .pdf, .html) and "
                                 "write one row per report with its metadata.")
    corpus.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders (read recursively)")
    corpus.add_argument("-o", "--output", required=True, type=Path, help="CSV file to write (UTF-8 with BOM)")
    corpus.add_argument("--text", action="store_true", help="include the clean text column")
    corpus.add_argument("--force", action="store_true", help="replace the output file if it exists")
    corpus.set_defaults(run=_corpus)

    keywords = commands.add_parser("keywords", help="segment reports and write term counts (CSV)",
                                   description="Segment reports with the policy dictionary and write the long "
                                   "table doc_id, term, count (after stop words).")
    keywords.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders (read recursively)")
    keywords.add_argument("-o", "--output", required=True, type=Path, help="CSV file to write (UTF-8 with BOM)")
    keywords.add_argument("--user-dict", action="append", default=[], type=Path, metavar="FILE",
                          help="extra jieba dictionary (word [freq] [tag] per line); repeatable")
    keywords.add_argument("--boilerplate", action="store_true",
                          help="also drop report boilerplate verbs (坚持, 推进, 加快, ...)")
    keywords.add_argument("--keep-places", action="store_true", help="keep the corpus's place names as terms")
    keywords.add_argument("--min-chars", type=int, default=2, help="shortest term in characters (default 2)")
    keywords.add_argument("--cache", type=Path, metavar="DIR", help="cache token tables in DIR (e.g. data/interim)")
    keywords.add_argument("--force", action="store_true", help="replace the output file if it exists")
    keywords.set_defaults(run=_keywords)

    indicators = commands.add_parser("indicators", help="extract indicator statements (CSV)",
                                     description="Extract every indicator level, growth rate and target with its "
                                     "period, hedge and source sentence.")
    indicators.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders (read recursively)")
    indicators.add_argument("-o", "--output", required=True, type=Path, help="CSV file to write (UTF-8 with BOM)")
    indicators.add_argument("--lexicon", type=Path, metavar="CSV", help="your own indicator lexicon")
    indicators.add_argument("--force", action="store_true", help="replace the output file if it exists")
    indicators.set_defaults(run=_indicators)
    for command in (corpus, keywords, indicators):
        command.add_argument("--n-jobs", type=int, default=1, metavar="N",
                             help="worker processes (default 1; -1: every core)")
    return parser


def _load(args: argparse.Namespace):
    """Load the corpus for a subcommand, or return the exit code (after a message) when it cannot go on."""
    from govreports.corpus.load import load_corpus

    if args.output.exists() and not args.force:
        print(f"govreports: {args.output} exists; pass --force to replace it", file=sys.stderr)
        return 2
    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    try:
        documents = load_corpus(args.paths, errors="ignore", n_jobs=args.n_jobs)
    except FileNotFoundError as error:
        print(f"govreports: {error}", file=sys.stderr)
        return 1
    if not len(documents):
        _summary(documents, None)
        return 1
    return documents


def _keywords(args: argparse.Namespace) -> int:
    from govreports.corpus.places import place_names
    from govreports.keywords import frequencies as keywords
    from govreports.text.segment import Segmenter, StopwordLayer, stopwords
    from govreports.text.tokens import iter_tokens

    documents = _load(args)
    if isinstance(documents, int):
        return documents
    places = set() if args.keep_places else place_names(documents)
    segmenter = Segmenter(user_dicts=args.user_dict, extra_words=places)
    tokens = iter_tokens(documents, segmenter, cache_dir=args.cache, n_jobs=args.n_jobs)  # streamed
    layers: tuple[StopwordLayer, ...] = ("general", "boilerplate") if args.boilerplate else ("general",)
    counts = keywords.term_frequencies(tokens, stopwords=stopwords(layers, extra=places), min_chars=args.min_chars)
    _write(counts[["doc_id", "term", "count"]], args.output)
    _summary(documents, args.output, extra=f"{len(counts)} rows, {counts['term'].nunique()} distinct terms")
    return 0


def _indicators(args: argparse.Namespace) -> int:
    from govreports.indicators.extraction import extract_indicators, lexicon
    from govreports.indicators.records import is_target

    documents = _load(args)
    if isinstance(documents, int):
        return documents
    try:
        entries = lexicon(args.lexicon)
    except (OSError, ValueError) as error:
        print(f"govreports: {error}", file=sys.stderr)
        return 2
    table = extract_indicators(documents, entries=entries, n_jobs=args.n_jobs)
    table = table.merge(documents[["doc_id", "place", "report_year"]], on="doc_id", how="left")
    _write(table, args.output)
    targets = int(is_target(table["kind"]).sum())
    _summary(documents, args.output, extra=f"{len(table)} statements ({targets} targets)")
    return 0


def _corpus(args: argparse.Namespace) -> int:
    documents = _load(args)
    if isinstance(documents, int):
        return documents
    columns = [c for c in documents.columns if c not in ("text", "raw_text")] + (["text"] if args.text else [])
    _write(documents[columns], args.output)
    _summary(documents, args.output)
    return 0


def _write(table, output: Path) -> None:
    """Write a table as CSV in UTF-8 with a BOM (so that Excel shows the Chinese), creating the folder."""
    output.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(output, index=False, encoding="utf-8-sig")


def _summary(documents, output: Path | None, extra: str = "") -> None:
    """Print the one-line summary to stdout and one line per failed or duplicate file to stderr."""
    files = documents.attrs["files"]
    counts = files["status"].value_counts()
    levels = documents["level"].fillna("unknown").value_counts().sort_index()
    level_text = ", ".join(f"{n} {level}" for level, n in levels.items())
    print(
        f"{counts.get('loaded', 0)} reports loaded ({level_text or 'none'}) from {len(files)} files; "
        f"{counts.get('duplicate', 0)} duplicates, {counts.get('failed', 0)} failed, "
        f"{counts.get('skipped', 0)} skipped" + (f"; {extra}" if extra else "") + (f" -> {output}" if output else "")
    )
    for row in files[files["status"].isin(["failed", "duplicate"])].itertuples():
        print(f"  {row.path}: {row.reason}", file=sys.stderr)
    if output is None:
        print("govreports: no report could be loaded; nothing written", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

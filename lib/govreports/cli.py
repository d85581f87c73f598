"""Command line: ``govreports corpus PATH... -o documents.csv`` (more subcommands come with later modules).

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
    return parser


def _corpus(args: argparse.Namespace) -> int:
    from govreports.corpus import load_corpus

    if args.output.exists() and not args.force:
        print(f"govreports: {args.output} exists; pass --force to replace it", file=sys.stderr)
        return 2
    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    try:
        documents = load_corpus(args.paths, errors="ignore")
    except FileNotFoundError as error:
        print(f"govreports: {error}", file=sys.stderr)
        return 1
    files = documents.attrs["files"]
    columns = [c for c in documents.columns if c not in ("text", "raw_text")] + (["text"] if args.text else [])
    if len(documents):
        args.output.parent.mkdir(parents=True, exist_ok=True)
        documents[columns].to_csv(args.output, index=False, encoding="utf-8-sig")
    counts = files["status"].value_counts()
    levels = documents["level"].fillna("unknown").value_counts().sort_index()
    level_text = ", ".join(f"{n} {level}" for level, n in levels.items())
    print(
        f"{counts.get('loaded', 0)} reports loaded ({level_text or 'none'}) from {len(files)} files; "
        f"{counts.get('duplicate', 0)} duplicates, {counts.get('failed', 0)} failed, "
        f"{counts.get('skipped', 0)} skipped" + (f" -> {args.output}" if len(documents) else "")
    )
    for row in files[files["status"].isin(["failed", "duplicate"])].itertuples():
        print(f"  {row.path}: {row.reason}", file=sys.stderr)
    if not len(documents):
        print("govreports: no report could be loaded; nothing written", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

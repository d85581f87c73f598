"""Load a folder (or list) of report files into a documents table, accounting for every file.

>>> documents = load_corpus("data/raw")                      # doctest: +SKIP
>>> documents.attrs["files"]                                  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable
from concurrent.futures import Executor
from pathlib import Path
from typing import Literal

import pandas as pd
import pyarrow as pa

from govreports.chinese.periods import format_period, parse_period
from govreports.chinese.script import simplified, traditional_share
from govreports.corpus.clean import clean_text
from govreports.corpus.dating import addressed_to_congress, find_dated_title, report_year
from govreports.corpus.jurisdiction import jurisdiction
from govreports.corpus.metadata import document_type, infer_metadata
from govreports.corpus.places import (
    chain_of,
    level_from_text,
    resolve_place,
    shared_chain,
    structural_gaps,
)
from govreports.corpus.readers import SUFFIXES, ReadError, read_file
from govreports.corpus.structure import split_paragraphs, top_headings
from govreports.runtime.cache import cached_frame, key_of, write_parquet
from govreports.runtime.parallel import map_batches

__all__ = ["DOCUMENT_COLUMNS", "LoadError", "files_report", "load_corpus", "load_document"]

logger = logging.getLogger("govreports")

#: Columns of the documents table, in order.
DOCUMENT_COLUMNS = [
    "doc_id", "path", "sha256", "format", "encoding", "title", "doc_type", "level", "place", "county",
    "city", "province", "publisher", "date", "signed_date", "report_year", "review_period", "plan_period",
    "n_chars", "sources", "header", "text", "raw_text",
]
FILE_COLUMNS = ["path", "doc_id", "status", "reason", "sha256"]


class LoadError(Exception):
    """A file could not be loaded and ``errors="raise"`` was asked for; the message names the file."""


def load_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    errors: Literal["warn", "raise", "ignore"] = "warn",
    progress_bar: bool | None = None,
    n_jobs: int = 1,
    executor: Executor | None = None,
    cache_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Load reports into a documents table, one row per report.

    Args:
        paths: a folder (read recursively), a file, or a list of either. Files are taken in sorted order
            (folder, name without extension, extension), so of two files with the same bytes the original
            (``yaqian.txt``) is loaded and the copy (``yaqian (1).txt``) is reported as its duplicate.
            ``README*`` files and hidden files in a folder are skipped (and listed as such).
        errors: ``"warn"`` logs one line per file that fails (``path: reason``) on the ``govreports``
            logger and goes on; ``"ignore"`` goes on silently; ``"raise"`` raises :class:`LoadError` at
            the first failure.
        progress_bar: force the progress bar on or off (default: on in a terminal or notebook).
        n_jobs, executor: read the files in worker processes (see :mod:`govreports.runtime.parallel`).
        cache_dir: keep the table under ``cache_dir/documents`` keyed by the files' paths and hashes and the
            code, and read it back next time (``data/interim`` in this project); ``None``: no cache.

    Returns:
        A DataFrame with the columns of :data:`DOCUMENT_COLUMNS`, sorted by ``doc_id``:
        ``doc_id`` (file stem), ``path``, ``sha256`` of the file bytes, ``format``, ``encoding``,
        ``title``, ``doc_type``, ``level`` (town/county/city/province), ``place``, ``county``, ``city``,
        ``province``, ``publisher``, ``date`` (page date, ISO), ``signed_date``, ``report_year`` (Int64),
        ``review_period``, ``plan_period`` (``"2019"`` or ``"2016-2020"``), ``n_chars`` of the clean text,
        ``sources`` (JSON: for each field filled, where it came from), ``header`` (JSON of the page-header
        fields removed as chrome), ``text`` (clean) and ``raw_text`` (as read, for audit).
        ``documents.attrs["files"]`` holds the account of every input file (see :func:`files_report`).
        An empty table (with these columns) when nothing could be loaded.

    Raises:
        LoadError: with ``errors="raise"``, on the first file that cannot be loaded or is a duplicate.
        FileNotFoundError: a path given does not exist.
    """
    files, skipped = _collect(paths)
    digests: list[str | None] = [None] * len(files)  # hashed here only when they key the cache
    if cache_dir is not None:
        digests = list(_digests(files, Path(cache_dir) / "documents" / "file-hashes.parquet"))
        key = key_of(list(zip(map(str, files), digests, strict=True)), [(str(p), why) for p, why in skipped],
                     errors)
        table_path = Path(cache_dir) / "documents" / f"{key}.parquet"
        account_path = table_path.with_suffix(".files.parquet")
        if account_path.exists() and table_path.exists():
            table = pd.read_parquet(table_path)
            table["report_year"] = table["report_year"].astype("Int64")
            table.attrs["files"] = pd.read_parquet(account_path)
            _log_failures(table.attrs["files"], errors)
            return table
    work = list(zip(map(str, files), digests, strict=True))
    loaded = map_batches(_load_files, work, batch_size=max(1, min(64, len(files) // 8 or 1)),
                         n_jobs=n_jobs, executor=executor, desc="loading reports", progress_bar=progress_bar)
    rows: list[dict] = []
    texts: dict[str, list[pa.Array]] = {name: [] for name in _TEXTS}  # the rows' texts, as Arrow strings
    account: list[dict] = [dict(path=str(p), doc_id=p.stem, status="skipped", reason=why, sha256=None)
                           for p, why in skipped]
    seen_hash: dict[str, tuple[str, str]] = {}  # sha256 -> (doc_id, path) of the file loaded with those bytes
    seen_id: dict[str, str] = {}
    for results, batch_texts in loaded:  # in the order of _parts: yaqian before yaqian (1)
        kept: list[int] = []  # which of the batch's texts (one per row read) belong to a row loaded
        read = 0
        for entry, row in results:
            account.append(entry)
            if entry["status"] == "loaded":
                if entry["sha256"] in seen_hash:
                    kept_id, kept_path = seen_hash[entry["sha256"]]
                    entry.update(status="duplicate",
                                 reason=f"duplicate of {kept_id} ({kept_path}, same sha256): this copy is not loaded")
                elif entry["doc_id"] in seen_id:
                    entry.update(status="failed", reason=f"doc_id '{entry['doc_id']}' is already used by "
                                 f"{seen_id[entry['doc_id']]}: rename one of them")
                elif row is not None:
                    rows.append(row)
                    kept.append(read)
                    seen_hash[entry["sha256"]] = (entry["doc_id"], entry["path"])
                    seen_id[entry["doc_id"]] = entry["path"]
            if entry["status"] != "loaded" and errors == "raise":
                raise LoadError(f"{entry['path']}: {entry['reason']}")
            read += row is not None
        for name, column in texts.items():
            every = len(kept) == len(batch_texts[name])  # as a rule: no copy then
            column.append(batch_texts[name] if every else batch_texts[name].take(pa.array(kept, pa.int64())))
    table = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
    if rows:  # each in one piece (Arrow takes rows from a column in many chunks by joining the chunks first)
        for name, chunks in texts.items():
            table[name] = pd.Series(pa.concat_arrays(chunks), dtype="str")
    table["report_year"] = table["report_year"].astype("Int64")
    table["n_chars"] = table["n_chars"].astype("int64")
    if not (table["doc_id"].is_monotonic_increasing and table["doc_id"].is_unique):  # files come sorted by name
        table = table.sort_values("doc_id", kind="stable").reset_index(drop=True)
    account.sort(key=lambda entry: _parts(Path(entry["path"])))
    report = pd.DataFrame(account, columns=FILE_COLUMNS)
    if cache_dir is not None:
        cached_frame(cache_dir, "documents", key, lambda: table)
        write_parquet(report, account_path)
    table.attrs["files"] = report
    _log_failures(report, errors)
    return table


def _digests(files: list[Path], record: Path) -> list[str]:
    """sha256 of each file, reusing the one recorded in ``record`` for a file whose size and modification time
    (in nanoseconds) are unchanged, as git and make do; the others are read and hashed, and the record updated.
    A file rewritten with the same size and its modification time set back by hand would keep its old hash."""
    columns = ["path", "size", "mtime_ns", "sha256"]
    previous = pd.read_parquet(record) if record.exists() else pd.DataFrame(columns=columns)
    known = dict(zip(zip(previous["path"], previous["size"], previous["mtime_ns"], strict=True), previous["sha256"],
                     strict=True))
    rows = []
    for path in files:
        stat = path.stat()
        key = (os.path.abspath(path), stat.st_size, stat.st_mtime_ns)
        rows.append((*key, known.get(key) or hashlib.sha256(path.read_bytes()).hexdigest()))
    if any(row[:3] not in known for row in rows):
        new = pd.DataFrame(rows, columns=columns)
        merged = pd.concat([previous[~previous["path"].isin(new["path"])], new]) if len(previous) else new
        write_parquet(merged.sort_values("path", kind="stable"), record)
    return [row[3] for row in rows]


#: The long text columns of the documents table, sent back from the workers as Arrow arrays.
_TEXTS = ("text", "raw_text")


def _load_files(items: list[tuple[str, str | None]]) -> tuple[list[tuple[dict, dict | None]], dict[str, pa.Array]]:
    """Worker: load each ``(path, sha256 or None)``, hashing the file when its hash is not given; failures become
    an account entry with the reason. The :data:`_TEXTS` of the rows read come apart, as Arrow arrays (one string
    per row read, in order): the caller makes no Python string of them."""
    results: list[tuple[dict, dict | None]] = []
    for name, digest in items:
        path = Path(name)
        entry: dict[str, str | None] = dict(path=name, doc_id=path.stem, status="loaded", reason=None, sha256=None)
        try:
            entry["sha256"] = digest or hashlib.sha256(path.read_bytes()).hexdigest()
            results.append((entry, load_document(path, doc_id=path.stem, sha256=entry["sha256"])))
        except (ReadError, OSError) as error:
            entry.update(status="failed", reason=str(error))
            results.append((entry, None))
    read = [row for _, row in results if row is not None]
    return results, {name: pa.array([row.pop(name) for row in read], pa.large_string()) for name in _TEXTS}


def _log_failures(report: pd.DataFrame, errors: str) -> None:
    if errors != "warn":
        return
    for row in report[report["status"].isin(["failed", "duplicate"])].itertuples():
        logger.warning("%s: %s", row.path, row.reason)


def files_report(documents: pd.DataFrame) -> pd.DataFrame:
    """The account of every input file of a :func:`load_corpus` result.

    Returns:
        ``path``, ``doc_id``, ``status`` (loaded, duplicate, failed, skipped), ``reason`` and ``sha256``,
        sorted by path in the order files are taken (see :func:`load_corpus`).

    Raises:
        KeyError: the table did not come from :func:`load_corpus` (pandas drops ``attrs`` on some
            operations: take the report right after loading).
    """
    return documents.attrs["files"]


def load_document(path: str | Path, *, doc_id: str | None = None, sha256: str | None = None) -> dict:
    """Read, clean and describe one report; a row of the documents table as a dict.

    Raises:
        ReadError: the file cannot be read (see :func:`govreports.corpus.readers.read_file`) or holds no text
            once web-page chrome is removed.
    """
    path = Path(path)
    raw = read_file(path)
    cleaned = clean_text(raw.text)
    if not cleaned.text.strip():
        raise ReadError("no report text left after removing web-page chrome")
    reading, script = _reading_text(cleaned.text)
    parts = split_paragraphs(reading)
    values, sources = infer_metadata(reading, cleaned.fields, top_headings(parts))
    if script:
        sources["script"] = script
    _date_and_title(reading, cleaned.fields, values, sources)
    place = _place(reading, values, sources)
    if sha256 is None:
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(
        doc_id=doc_id or path.stem, path=str(path), sha256=sha256, format=raw.format, encoding=raw.encoding,
        **values, **place, n_chars=len(cleaned.text),
        sources=json.dumps(sources, ensure_ascii=False, sort_keys=True),
        header=json.dumps(cleaned.fields, ensure_ascii=False), text=cleaned.text, raw_text=raw.text,
    )


#: Share of traditional characters above which a text is read in simplified ones (simplified reports: under 0.01).
TRADITIONAL_SHARE = 0.05


def _reading_text(text: str) -> tuple[str, str | None]:
    """The text metadata is read from: ``text`` itself, or, when it is written in traditional characters (栗江鎮,
    衡陽), a simplified copy of the same length (the ``text`` column keeps the characters as written); and the note
    for ``sources`` (``None`` when the text is read as written)."""
    share = traditional_share(text)
    if share < TRADITIONAL_SHARE:
        return text, None
    return simplified(text), (f"traditional characters ({share:.0%} of the Chinese characters): title, year and place "
                              "read from a simplified copy")


def _date_and_title(text: str, fields: dict[str, str], values: dict[str, object], sources: dict[str, str]) -> None:
    """The report year from the strongest evidence (:func:`govreports.corpus.dating.report_year`, conflicts kept in
    ``sources``), and a title written inline or spaced out when no title line was found."""
    if values.get("title") is None:
        dated = find_dated_title(text)
        if dated is not None:
            values["title"], sources["title"] = dated[0], "title in the head (inline or spaced out)"
            kind = document_type(dated[0])
            if kind is not None and values.get("doc_type") is None:
                values["doc_type"], sources["doc_type"] = kind, "title"
    year, source = report_year(text, fields, signed_date=values.get("signed_date"))  # type: ignore[arg-type]
    values["report_year"] = year
    if year is None:
        sources.pop("report_year", None)
        sources["report_year_missing"] = source
        return
    sources["report_year"] = source
    _periods_from_year(text, year, values, sources)


def _periods_from_year(text: str, year: int, values: dict[str, object], sources: dict[str, str]) -> None:
    """Review and plan periods that agree with the report year: a report to a congress reviews the year before it
    and plans its own year; a summary reviews its own year and plans the next. A period read from the title or a
    heading is kept when it agrees (a five-year review ending the year before, a plan span starting in the year);
    one that does not is replaced, and ``sources`` says so."""
    congress = addressed_to_congress(text)
    review_end, plan_start = (year - 1, year) if congress else (year, year + 1)
    for key, edge, index, default in (("review_period", review_end, -1, review_end),
                                      ("plan_period", plan_start, 0, plan_start if congress else None)):
        span = parse_period(values.get(key))
        if span is not None and (span[index] == edge or not congress):
            continue
        if span is not None:
            sources[f"{key}_replaced"] = f"{values[key]} ({sources.get(key, '')}) does not agree with the report year"
        values[key] = format_period(default, default) if default is not None else None
        if default is None:
            sources.pop(key, None)
        else:
            sources[key] = ("inferred: a report to a congress reviews the year before its report year" if key ==
                            "review_period" and congress else "inferred: a summary reviews its report year"
                            if key == "review_period" else "inferred: a report to a congress plans its report year")


def _place(text: str, values: dict[str, object], sources: dict[str, str]) -> dict[str, object]:
    """Level and place chain (:func:`govreports.corpus.jurisdiction.jurisdiction`); when the text names no government
    of its own, the gazetteer's reading of the title, publisher and body (:func:`resolve_place`). Each chain field
    left empty at or above the level gets ``<field>_missing`` in ``sources`` with the reason (a name the text does
    not tell apart, a level that does not exist there, no place named)."""
    title = values.get("title")
    found = jurisdiction(text, str(title) if title else None)
    if found.level is not None or found.place is not None:
        sources["level"] = found.why
        if found.place is not None:
            sources["place"] = found.why
        for key, why in found.empty:
            sources[f"{key}_missing"] = why
        if found.place is None and found.why:
            sources["place_missing"] = found.why
        return dict(level=found.level, place=found.place, county=found.county, city=found.city,
                    province=found.province)
    place: dict[str, object] = dict(level=None, place=None, county=None, city=None, province=None)
    match = resolve_place(str(title) if title else None, text, publisher=values.get("publisher"))  # type: ignore[arg-type]
    if match is not None:
        unit = match.place
        chain = shared_chain((unit, *match.rivals)) if match.rivals else chain_of(unit)
        place = dict(level=unit.level, place=unit.name, **chain)
        sources["place"] = match.evidence
        for key in ("county", "city", "province", "level"):
            if place[key] is not None and place[key] != unit.name:
                sources[key] = "gazetteer parent of the place"
        gaps = structural_gaps(unit)
        for key in ("county", "city", "province"):
            if place[key] is None and (key in gaps or match.rivals):
                sources[f"{key}_missing"] = gaps.get(key) or (
                    f"{unit.name} is the name of {len(match.rivals) + 1} places the text does not tell apart: "
                    f"{key} left empty")
    else:
        level = level_from_text(str(title or ""), text)
        if level is not None:
            place["level"] = level
            sources["level"] = "inferred: self-references (全镇/我县/...) in the body"
        for key in ("place", "county", "city", "province"):
            sources[f"{key}_missing"] = found.why
    return place


def _collect(paths: str | Path | Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    if isinstance(paths, str | Path):
        paths = [paths]
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for given in paths:
        given = Path(given)
        if not given.exists():
            raise FileNotFoundError(f"{given}: no such file or folder")
        if given.is_file():
            files.append(given)
            continue
        depth = len(given.parts)
        for path in sorted((p for p in given.rglob("*") if p.is_file()), key=_parts):
            if any(part.startswith((".", "~$")) for part in path.parts[depth:]):
                skipped.append((path, "hidden or temporary file"))
            elif path.name.upper().startswith("README"):
                skipped.append((path, "data card (README), not a report"))
            elif path.suffix.lower() not in SUFFIXES and path.suffix.lower() in (".json", ".csv", ".xlsx"):
                skipped.append((path, f"{path.suffix} data file, not a report"))
            else:
                files.append(path)
    return sorted(dict.fromkeys(files), key=_parts), skipped


def _parts(path: Path) -> tuple[str, ...]:
    """Sort key of files: folder by folder, then the name without its extension, then the extension. A copy made by a
    file manager (``yaqian (1).txt``, ``yaqian - 副本.txt``, ``yaqian-copy.txt``) sorts after its original
    ``yaqian.txt``, so the original is the one loaded and the copy the one reported as a duplicate (by plain path
    order ``' '`` and ``'-'`` come before ``'.'``, and the copy would win)."""
    return (*path.parent.parts, path.stem, path.suffix)

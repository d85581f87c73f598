"""The two formats every reading rule and word list is kept in, and their one loader.

**Word lists** (``.txt``): a header of ``# key: value`` lines (``name``, ``label``, ``version``, ``source``; an
indented ``#`` line continues the previous value), then entries, one a line, as jieba user-dictionary lines
``word [freq] [tag]``, or several space-separated words on a line (stop-word lists). Later ``#`` lines and blank
lines are comments.

**Rule tables** (``.csv``): the same ``# key: value`` header (at least ``source``), then a CSV header row and one
rule a row. Each table is read against a :class:`Schema` that names its columns, which are required, and the
values a column may take; anything else is an error that names the file and the line.

Both are looked up by name in the package's ``resources/`` folder, or read from a path a researcher gives
(:func:`locate`): a user's own copy replaces the package's file whole.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

__all__ = ["RuleFileError", "RuleTable", "Schema", "WordEntry", "WordList", "jionlp_table", "jionlp_table_file",
           "locate", "read_rule_table", "read_word_list", "resource_path"]

_HEADER = re.compile(r"^#\s*([A-Za-z_]+)\s*:\s*(.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
_WORDLINE = re.compile(r"^(\S+?)(?:\s+(\d+))?(?:\s+([a-zA-Z]+))?$")


class RuleFileError(ValueError):
    """A rule or word-list file breaks its format; the message starts with ``file:line:``."""


@dataclass(frozen=True)
class WordEntry:
    """One entry of a word list: the word, and its jieba frequency and tag when given."""

    word: str
    freq: int | None = None
    tag: str | None = None


@dataclass(frozen=True)
class WordList:
    """A word list as read: where it came from, its header fields and its entries in file order."""

    path: Path
    header: Mapping[str, str]
    entries: tuple[WordEntry, ...]

    @property
    def words(self) -> tuple[str, ...]:
        """The words, in file order, each once."""
        return tuple(dict.fromkeys(entry.word for entry in self.entries))


@dataclass(frozen=True)
class Schema:
    """The columns of a rule table.

    Args:
        required: columns every row must fill.
        optional: columns a row may leave empty (read as ``""``).
        choices: for a column, the values it may take.
        checks: for a column, a function that raises ``ValueError`` (with a reason) for a bad value.
    """

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    choices: Mapping[str, frozenset[str]] = field(default_factory=dict)
    checks: Mapping[str, Callable[[str], object]] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleTable:
    """A rule table as read: where it came from, its header fields and its rows (``line`` is the file line)."""

    path: Path
    header: Mapping[str, str]
    rows: tuple[Mapping[str, str], ...]
    lines: tuple[int, ...]


def resource_path(name: str) -> Path:
    """The package's own copy of a resource (``"hedges.csv"``, ``"attention/environment.txt"``)."""
    return Path(str(resources.files("govreports") / "resources" / name))


def locate(name_or_path: str | Path, *, default_suffix: str = "") -> Path:
    """A user's file when ``name_or_path`` is an existing path; else, for a name, the file of that name in the folder
    named by the environment variable ``GOVREPORTS_RULES`` (a researcher's own rules); else the package resource.

    Raises:
        FileNotFoundError: neither exists (the message names both places looked at).
    """
    given = Path(name_or_path)
    if given.is_file():
        return given
    suffix = "" if given.suffix else default_suffix
    override = os.environ.get("GOVREPORTS_RULES")
    if override and not given.is_absolute():
        mine = Path(override) / (str(name_or_path) + suffix)
        if mine.is_file():
            return mine
    shipped = resource_path(str(name_or_path) + suffix)
    if shipped.is_file():
        return shipped
    raise FileNotFoundError(f"{name_or_path}: no such file, and no resource of that name in {shipped.parent}")


def read_word_list(name_or_path: str | Path, *, required: tuple[str, ...] = ()) -> WordList:
    """Read a word list (see the module docstring).

    Args:
        name_or_path: a file, or the name of a package resource (``"policy_terms.txt"``).
        required: header keys the file must have (``("name", "source")`` for attention dictionaries).

    Raises:
        FileNotFoundError: no such file or resource.
        RuleFileError: a line cannot be read, or a required header key is missing.
    """
    path = locate(name_or_path, default_suffix=".txt")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header, body_start = _read_header(lines)
    entries: list[WordEntry] = []
    for number, raw in enumerate(lines[body_start:], start=body_start + 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _WORDLINE.match(line)
        if match and (match.group(2) or match.group(3) or " " not in line):
            entries.append(WordEntry(match.group(1), int(match.group(2)) if match.group(2) else None, match.group(3)))
        elif all(part and not part.isdigit() for part in line.split()):
            entries.extend(WordEntry(word) for word in line.split())
        else:
            raise RuleFileError(f"{path}:{number}: cannot read word-list line {line!r}")
    for key in required:
        if key not in header:
            raise RuleFileError(f"{path}:1: the file needs a '# {key}:' header line")
    return WordList(path, header, tuple(entries))


def read_rule_table(name_or_path: str | Path, schema: Schema, *, require_source: bool = True) -> RuleTable:
    """Read and validate a rule table (see the module docstring).

    Raises:
        FileNotFoundError: no such file or resource.
        RuleFileError: no ``# source:`` line, an unknown or missing column, an empty required cell, a value not
            among the column's choices, or a value its check refuses; the message names the file and line.
    """
    path = locate(name_or_path, default_suffix=".csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header, body_start = _read_header(lines)
    if require_source and "source" not in header:
        raise RuleFileError(f"{path}:1: a rule table needs a '# source:' header line")
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:])))
    rows: list[dict[str, str]] = []
    numbers: list[int] = []
    columns: list[str] | None = None
    for offset, cells in enumerate(reader):
        number = body_start + offset + 1
        if not cells or (len(cells) == 1 and not cells[0].strip()) or cells[0].lstrip().startswith("#"):
            continue
        if columns is None:
            columns = [cell.strip() for cell in cells]
            known = set(schema.required) | set(schema.optional)
            unknown = [c for c in columns if c not in known]
            missing = [c for c in schema.required if c not in columns]
            if unknown or missing:
                problems = [f"unknown column(s) {', '.join(unknown)}" if unknown else "",
                            f"missing column(s) {', '.join(missing)}" if missing else ""]
                raise RuleFileError(f"{path}:{number}: {'; '.join(filter(None, problems))} "
                                    f"(columns: {', '.join(schema.required + schema.optional)})")
            continue
        if len(cells) > len(columns):
            raise RuleFileError(f"{path}:{number}: {len(cells)} cells for {len(columns)} columns")
        row = {column: "" for column in schema.optional}
        row.update({column: cell.strip() for column, cell in zip(columns, cells, strict=False)})
        _validate(path, number, row, schema)
        rows.append(row)
        numbers.append(number)
    if columns is None:
        raise RuleFileError(f"{path}:{len(lines)}: no header row")
    return RuleTable(path, header, tuple(rows), tuple(numbers))


def _validate(path: Path, number: int, row: dict[str, str], schema: Schema) -> None:
    for column in schema.required:
        if not row.get(column):
            raise RuleFileError(f"{path}:{number}: empty {column!r}")
    for column, allowed in schema.choices.items():
        value = row.get(column, "")
        if value and value not in allowed:
            raise RuleFileError(f"{path}:{number}: {column} {value!r} is not one of {', '.join(sorted(allowed))}")
    for column, check in schema.checks.items():
        value = row.get(column, "")
        if value:
            try:
                check(value)
            except ValueError as error:
                raise RuleFileError(f"{path}:{number}: {column} {value!r}: {error}") from None


def _read_header(lines: list[str]) -> tuple[dict[str, str], int]:
    """The ``# key: value`` fields at the top of a file and the index of the first line after them."""
    header: dict[str, str] = {}
    last: str | None = None
    index = 0
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        if not stripped.startswith("#"):
            return header, index
        match = _HEADER.match(stripped)
        continuation = _CONTINUATION.match(stripped)
        if continuation and last is not None:
            header[last] += " " + continuation.group(1).strip()
        elif match and match.group(1).lower() in ("name", "label", "version", "source", "columns", "note"):
            last = match.group(1).lower()
            header[last] = match.group(2).strip()
        else:
            last = None
    return header, len(lines)


def jionlp_table(stem: str) -> str:
    """Text of ``jionlp/dictionary/<stem>.txt`` (zipped or not) from the installed package."""
    path = jionlp_table_file(stem)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zipped:
            return io.TextIOWrapper(zipped.open(f"{stem}.txt"), encoding="utf-8").read()
    return path.read_text(encoding="utf-8")


def jionlp_table_file(stem: str) -> Path:
    """The file holding jionlp's ``<stem>`` table in the installed package: ``dictionary/<stem>.zip``, or the plain
    ``.txt`` where there is no archive.

    Raises:
        RuntimeError: jionlp is not installed, or the table is missing.
    """
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the gazetteer needs the jionlp package: pip install jionlp==1.5.31")
    folder = Path(next(iter(spec.submodule_search_locations))) / "dictionary"
    for path in (folder / f"{stem}.zip", folder / f"{stem}.txt"):
        if path.exists():
            return path
    raise RuntimeError(f"jionlp's {stem} table is missing under {folder}")

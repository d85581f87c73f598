"""Result tables written for people and for other tools: CSV that Excel opens, one Parquet file, or a folder of
Parquet parts (one file per batch of reports) that ``dask.dataframe.read_parquet``, Spark or ``pandas.read_parquet``
read as one table.

Every writer takes a DataFrame or an iterable of DataFrames (batches with the same columns, e.g. one per batch of
reports), converts them with pyarrow and streams them to disk, so a table never has to be held whole in memory.
Files are written under a temporary name and renamed (:mod:`govreports.runtime.atomic`): an interrupted run leaves
no half-written table, and a folder of parts appears whole or not at all.

CSV is what ``DataFrame.to_csv(path, index=False, encoding="utf-8-sig")`` gave readers, written by pyarrow's CSV
writer (several times faster, see ``bench/csv_writers.py``): UTF-8 with a byte-order mark (so that Excel shows the
Chinese), the same header line, the same columns and cells, empty cells for missing values, and a value that
holds a comma, a double quote or a line break in double quotes with its quotes doubled. Three differences in the
bytes, none in what a CSV reader (pandas, R, Excel) reads: pyarrow puts every text value in double quotes, writes
a whole-number float without ``.0`` (``100`` for ``100.0``) and booleans as ``true``/``false``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from govreports.runtime.atomic import atomic_folder, atomic_path

__all__ = ["BOM", "concat", "holds_only_parts", "part_name", "write_csv", "write_parquet_file", "write_parts"]

#: The UTF-8 byte-order mark that makes Excel read a CSV file as UTF-8.
BOM = b"\xef\xbb\xbf"
#: Names of the files of a partitioned table, in order: part-00000.parquet, part-00001.parquet, ...
_PART = re.compile(r"part-\d{5,}\.parquet")
#: Characters that make a CSV header name need quotes.
_SPECIAL = re.compile(r'[",\r\n]')


def write_csv(batches: pd.DataFrame | Iterable[pd.DataFrame], path: str | Path) -> int:
    """Write a table (or its batches, one after the other) to ``path`` as CSV in UTF-8 with a BOM.

    Returns:
        The number of rows written.

    Raises:
        ValueError: ``batches`` holds no table at all (not even an empty one), or a batch's columns do not match
            the first batch's (the message names the batch and the column).
    """
    with atomic_path(path) as temporary, pa.OSFile(str(temporary), "wb") as sink:
        sink.write(BOM)

        def csv_writer(schema: pa.Schema) -> pa_csv.CSVWriter:
            quote_header = any(_SPECIAL.search(name) for name in schema.names)
            options = pa_csv.WriteOptions(quoting_header="needed" if quote_header else "none")
            return pa_csv.CSVWriter(sink, schema, write_options=options)

        return _write_tables(batches, path, csv_writer)


def write_parquet_file(batches: pd.DataFrame | Iterable[pd.DataFrame], path: str | Path) -> int:
    """Write a table (or its batches, one row group each) to one Parquet file (zstd).

    Returns and raises as :func:`write_csv`.
    """
    with atomic_path(path) as temporary:
        return _write_tables(batches, path, lambda schema: pq.ParquetWriter(temporary, schema, compression="zstd"))


def _write_tables(batches: pd.DataFrame | Iterable[pd.DataFrame], path: str | Path,
                  open_writer: Callable[[pa.Schema], Any]) -> int:
    """Write the batches' Arrow tables (:func:`_arrow_tables`) one after the other with the writer that
    ``open_writer`` makes for the first one's schema; the number of rows written.

    Raises:
        ValueError: no table at all, or a batch that does not match the first (see :func:`_arrow_tables`).
    """
    rows, writer = 0, None
    for table in _arrow_tables(batches, path):
        if writer is None:
            writer = open_writer(table.schema)
        writer.write_table(table)
        rows += table.num_rows
    if writer is None:
        raise ValueError(f"{path}: no table to write")
    writer.close()
    return rows


def write_parts(batches: pd.DataFrame | Iterable[pd.DataFrame], folder: str | Path) -> list[Path]:
    """Write each batch as one Parquet file (zstd) ``folder/part-00000.parquet``, ``part-00001.parquet``, ...

    The parts are written into a temporary folder beside ``folder``, which then replaces ``folder`` (an existing
    folder is replaced as a whole: check first that it holds nothing else, see :func:`holds_only_parts`).

    Returns:
        The paths of the parts, in order.

    Raises:
        ValueError: as :func:`write_csv`.
        NotADirectoryError: ``folder`` is a file.
    """
    folder = Path(folder)
    names: list[str] = []
    with atomic_folder(folder) as temporary:
        for table in _arrow_tables(batches, folder):
            names.append(part_name(len(names)))
            pq.write_table(table, temporary / names[-1], compression="zstd")
        if not names:
            raise ValueError(f"{folder}: no table to write")
    return [folder / name for name in names]


def concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Tables built a chunk of rows at a time, one after the other (index 0..n-1), each string column in one piece as
    in a table built at once: Arrow takes rows from a column in many chunks by joining the chunks first, every time.

    Raises:
        ValueError: no tables.
    """
    if len(parts) == 1:
        return parts[0]
    table = pd.concat(parts, ignore_index=True)
    for name, column in table.items():
        if isinstance(column.dtype, pd.StringDtype):
            chunks = pa.array(column)
            table[name] = pd.Series(chunks.combine_chunks() if isinstance(chunks, pa.ChunkedArray) else chunks,
                                    dtype=column.dtype, index=table.index)
    return table


def part_name(number: int) -> str:
    """The file name of part ``number`` (from 0) of a partitioned table."""
    return f"part-{number:05d}.parquet"


def holds_only_parts(folder: str | Path) -> bool:
    """True when ``folder`` holds nothing but ``part-NNNNN.parquet`` files (a partitioned table, which may be
    replaced); False for a folder holding anything else (or nothing)."""
    entries = list(Path(folder).iterdir())
    return bool(entries) and all(entry.is_file() and _PART.fullmatch(entry.name) for entry in entries)


def _arrow_tables(batches: pd.DataFrame | Iterable[pd.DataFrame], target: str | Path) -> Iterator[pa.Table]:
    """The batches as Arrow tables with the first batch's schema. An object column without any value (a batch in
    which no report has a county) is text, as it is in the batches where it has values. ``DataFrame.attrs`` are not
    written.

    Raises:
        ValueError: a batch's columns or types do not match the first batch's.
    """
    frames = [batches] if isinstance(batches, pd.DataFrame) else batches
    schema: pa.Schema | None = None
    for number, frame in enumerate(frames):
        if frame.attrs:  # notes of the caller (the documents table's account of files), not part of the table
            frame = frame.copy(deep=False)
            frame.attrs = {}
        empty = [c for c in frame.columns if frame[c].dtype == object and frame[c].isna().all()]
        if empty:
            frame = frame.astype(dict.fromkeys(empty, "str"))
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if schema is None:
            schema = table.schema
        elif not table.schema.equals(schema, check_metadata=False):
            if table.column_names != schema.names:
                raise ValueError(f"{target}: batch {number} has the columns {table.column_names}, the first batch "
                                 f"{schema.names}")
            try:
                table = table.cast(schema)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as error:
                changed = [f.name for f, g in zip(table.schema, schema, strict=True) if f.type != g.type]
                raise ValueError(f"{target}: batch {number}: column {changed[0]!r} is {table.schema.field(changed[0]).type}, "
                                 f"in the first batch {schema.field(changed[0]).type} ({error})") from None
        yield table

"""Result tables on disk (runtime.tables): CSV for Excel written by pyarrow, Parquet, and a folder of Parquet parts."""

from __future__ import annotations

import os
import stat

import numpy as np
import pandas as pd
import pytest

from govreports.indicators.extraction import extract_indicators
from govreports.runtime.tables import BOM, holds_only_parts, write_csv, write_parquet_file, write_parts


@pytest.fixture(scope="module")
def statements(documents) -> pd.DataFrame:
    return extract_indicators(documents)


def _metadata(documents: pd.DataFrame) -> pd.DataFrame:
    """The documents table as ``govreports corpus`` writes it (no text columns), without its account of files (a
    table in ``attrs`` makes pandas fail on ``astype``)."""
    table = documents.drop(columns=["text", "raw_text"])
    table.attrs = {}
    return table


def _read_back(path, table: pd.DataFrame) -> pd.DataFrame:
    """The CSV read by pandas with the table's column types."""
    return pd.read_csv(path, dtype={column: str(dtype) for column, dtype in table.dtypes.items()})


def _empty_text_as_missing(table: pd.DataFrame) -> pd.DataFrame:
    """CSV has one empty cell for an empty text and for a missing one (as ``to_csv`` wrote it too)."""
    text = [c for c, t in table.dtypes.items() if isinstance(t, pd.StringDtype)]
    return table.assign(**{c: table[c].replace("", np.nan) for c in text})


@pytest.mark.parametrize("which", ["documents", "statements"])
def test_csv_reads_back_as_the_table_and_as_to_csv_wrote_it(which, documents, statements, tmp_path) -> None:
    table = _metadata(documents) if which == "documents" else statements
    assert write_csv(table, tmp_path / "arrow.csv") == len(table)
    table.to_csv(tmp_path / "pandas.csv", index=False, encoding="utf-8-sig")
    written = (tmp_path / "arrow.csv").read_bytes()
    assert written.startswith(BOM + (",".join(table.columns) + "\n").encode())  # Excel's BOM, then the same header
    pd.testing.assert_frame_equal(_read_back(tmp_path / "arrow.csv", table), _empty_text_as_missing(table))
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "arrow.csv"), pd.read_csv(tmp_path / "pandas.csv"))


def test_csv_quotes_what_needs_quotes(tmp_path) -> None:
    table = pd.DataFrame({
        "doc_id": ["004_3ff0d929752a8f07", "002_8e0279829cf70102", "000_ac80074741d45b38"],
        "sentence": ['深化"最多跑一次"改革', "全年实现财政总收入3.2亿元,同比增长12%", "一、2019年工作回顾\n过去的一年"],
        "value": [np.nan, 3.2, 2019.0],
        "is_estimate": [False, True, False],
    })
    write_csv(table, tmp_path / "x.csv")
    text = (tmp_path / "x.csv").read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == "doc_id,sentence,value,is_estimate"
    assert '"深化""最多跑一次""改革"' in text  # double quotes doubled inside quotes
    assert '"全年实现财政总收入3.2亿元,同比增长12%"' in text
    assert '"一、2019年工作回顾\n过去的一年"' in text
    back = pd.read_csv(tmp_path / "x.csv")
    pd.testing.assert_frame_equal(back, table)


def test_parquet_file_and_parts_read_back_as_the_table(documents, tmp_path) -> None:
    table = _metadata(documents)
    write_parquet_file(table, tmp_path / "documents.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "documents.parquet"), table)
    parts = write_parts((table.iloc[i : i + 2] for i in range(0, len(table), 2)), tmp_path / "documents")
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert holds_only_parts(tmp_path / "documents")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "documents"), table)


def test_a_column_without_values_in_one_batch_keeps_its_type(documents, tmp_path) -> None:
    table = _metadata(documents).sort_values("doc_id").reset_index(drop=True)
    first = table.iloc[:2].assign(publisher=pd.Series([None, None], dtype=object))  # no report of the batch has one
    write_parts([first, table.iloc[2:]], tmp_path / "parts")
    back = pd.read_parquet(tmp_path / "parts")
    assert back["publisher"].dtype == table["publisher"].dtype
    assert back["publisher"].iloc[:2].isna().all() and back["doc_id"].tolist() == table["doc_id"].tolist()


def test_batches_with_other_columns_are_refused_by_name(documents, tmp_path) -> None:
    table = _metadata(documents)
    with pytest.raises(ValueError, match=r"parts: batch 1 has the columns"):
        write_parts([table.iloc[:2], table.iloc[2:].drop(columns="county")], tmp_path / "parts")
    later = table.iloc[2:].assign(report_year=lambda t: t["report_year"].astype(str) + "年")  # 2020年: not a number
    with pytest.raises(ValueError, match=r"x.csv: batch 1: column 'report_year' is (large_)?string, in the first "
                       r"batch int64"):
        write_csv([table.iloc[:2], later], tmp_path / "x.csv")
    assert not (tmp_path / "parts").exists() and not (tmp_path / "x.csv").exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file or folder left behind


def test_parts_replace_a_folder_whole_or_not_at_all(documents, tmp_path) -> None:
    table = _metadata(documents)
    folder = tmp_path / "documents"
    write_parts([table.iloc[:2], table.iloc[2:4], table.iloc[4:]], folder)

    def failing():
        yield table.iloc[:1]
        raise RuntimeError("stopped half-way")

    with pytest.raises(RuntimeError):
        write_parts(failing(), folder)
    assert len(list(folder.iterdir())) == 3  # the earlier parts are all there
    write_parts(table, folder)
    assert [p.name for p in folder.iterdir()] == ["part-00000.parquet"]  # replaced whole: no stale part-00002
    assert [p.name for p in tmp_path.iterdir()] == ["documents"]


def test_written_files_have_the_permissions_of_new_files(documents, tmp_path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    write_csv(_metadata(documents), tmp_path / "documents.csv")
    write_parts(_metadata(documents), tmp_path / "documents")
    assert _mode(tmp_path / "documents.csv") == 0o666 & ~umask  # not mkstemp's 0o600: others may read it
    assert _mode(tmp_path / "documents") == 0o777 & ~umask
    assert _mode(tmp_path / "documents" / "part-00000.parquet") == 0o666 & ~umask


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)

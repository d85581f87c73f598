"""load_corpus on the sample reports (gold metadata, field by field) and on a folder of bad files."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil

import pandas as pd
import pytest

from govreports import LoadError, load_corpus
from govreports.corpus.load import DOCUMENT_COLUMNS, files_report
from tests.conftest import FIXTURES, RAW

GOLD = pd.read_csv(FIXTURES / "seed_documents.csv", dtype=str, keep_default_na=False).set_index("doc")
GOLD_CELLS = [(doc, field) for doc, row in GOLD.iterrows() for field, value in row.items()
              if field != "note" and value != ""]


@pytest.mark.parametrize(("doc", "field"), GOLD_CELLS, ids=[f"{d[:3]}-{f}" for d, f in GOLD_CELLS])
def test_seed_metadata_matches_gold(documents, doc: str, field: str) -> None:
    row = documents.set_index("doc_id").loc[doc]
    assert str(row[field]) == GOLD.loc[doc, field]


def test_gold_covers_every_seed(documents) -> None:
    assert sorted(documents["doc_id"]) == sorted(GOLD.index)
    assert len(GOLD_CELLS) == 44  # every non-empty cell of the gold is a test case above


EMPTY_CELLS = [(doc, field) for doc, row in GOLD.iterrows() for field, value in row.items()
               if field != "note" and value == ""]


@pytest.mark.parametrize(("doc", "field"), EMPTY_CELLS, ids=[f"{d[:3]}-{f}" for d, f in EMPTY_CELLS])
def test_empty_gold_cells_are_empty_or_recorded_as_inferred(documents, doc: str, field: str) -> None:
    got = documents.set_index("doc_id").loc[doc]
    sources = json.loads(got["sources"])
    assert pd.isna(got[field]) or field in sources, f"{doc}: {field}={got[field]!r} filled without a recorded source"


def test_the_gold_has_empty_cells_to_check() -> None:
    assert len(EMPTY_CELLS) == 11  # the cells the gold leaves empty, each a test case above


def test_documents_table_shape(documents) -> None:
    assert list(documents.columns) == DOCUMENT_COLUMNS
    assert documents["doc_id"].is_monotonic_increasing
    assert documents["report_year"].tolist() == [2021, 2023, 2020, 2021, 2021]
    assert documents["level"].eq("town").all()
    assert (documents["n_chars"] == documents["text"].str.len()).all()
    assert documents["sha256"].str.len().eq(64).all()
    for row in documents.itertuples():
        assert "索引号" not in row.text and "分享:" not in row.text
        assert row.raw_text == (RAW / f"{row.doc_id}.txt").read_text(encoding="utf-8")


def test_data_card_is_skipped_not_failed(documents) -> None:
    files = files_report(documents)
    assert files.set_index("path").loc[str(RAW / "README.md"), "status"] == "skipped"
    assert files["status"].value_counts().to_dict() == {"loaded": 5, "skipped": 1}


def _tree(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def messy_folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(RAW / "002_8e0279829cf70102.txt", folder / "a_good.txt")
    shutil.copy(RAW / "002_8e0279829cf70102.txt", folder / "b_copy.txt")  # duplicate by sha256
    gbk = (RAW / "001_3211566eb9366b4c.txt").read_text(encoding="utf-8")
    (folder / "c_gbk.txt").write_bytes(gbk.encode("gb18030"))
    (folder / "d_empty.txt").write_bytes(b"")
    (folder / "e_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "f_undecodable.txt").write_bytes(b"\x81\x20\xff\xfe\x80" * 30)
    (folder / "g_scan.pdf").write_bytes(b"%PDF-1.4\n%garbage without text\n")
    (folder / "h_table.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "i_slides.pptx").write_bytes(b"PK\x03\x04")
    return folder


def test_bad_files_each_give_one_line_and_the_rest_loads(messy_folder, caplog) -> None:
    before = _tree(messy_folder)
    with caplog.at_level(logging.WARNING, logger="govreports"):
        documents = load_corpus(messy_folder, progress_bar=False)
    assert documents["doc_id"].tolist() == ["a_good", "c_gbk"]
    assert documents.set_index("doc_id").loc["c_gbk", "encoding"] == "gb18030"
    assert documents.set_index("doc_id").loc["c_gbk", "place"] == "澥浦镇"
    files = files_report(documents).set_index("doc_id")
    assert files["status"].to_dict() == {
        "a_good": "loaded", "b_copy": "duplicate", "c_gbk": "loaded", "d_empty": "failed",
        "e_binary": "failed", "f_undecodable": "failed", "g_scan": "failed", "h_table": "skipped",
        "i_slides": "failed",
    }
    assert files.loc["b_copy", "reason"].startswith("duplicate of a_good")
    assert files.loc["d_empty", "reason"] == "empty file"
    assert "binary" in files.loc["e_binary", "reason"]
    assert "undecodable" in files.loc["f_undecodable", "reason"]
    assert "PDF" in files.loc["g_scan", "reason"]
    assert "'.pptx'" in files.loc["i_slides", "reason"]
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 6  # one line per duplicate or failure, none for the skipped spreadsheet
    assert all(line.startswith(str(messy_folder)) for line in lines)
    assert _tree(messy_folder) == before  # nothing under the input folder is modified


def test_errors_raise_names_the_file(messy_folder) -> None:
    with pytest.raises(LoadError, match=r"b_copy\.txt: duplicate of a_good"):
        load_corpus(messy_folder, errors="raise", progress_bar=False)


@pytest.mark.parametrize("copy", ["yaqian (1).txt", "yaqian - 副本.txt", "yaqian-copy.txt", "yaqian copy.txt"])
def test_a_duplicate_keeps_the_original_name_and_reports_the_copy(tmp_path, caplog, copy: str) -> None:
    # by plain path order ' ' and '-' sort before '.', so "yaqian (1).txt" came first and was the one loaded
    shutil.copy(RAW / "004_3ff0d929752a8f07.txt", tmp_path / "yaqian.txt")
    shutil.copy(RAW / "004_3ff0d929752a8f07.txt", tmp_path / copy)
    with caplog.at_level(logging.WARNING, logger="govreports"):
        documents = load_corpus(tmp_path, progress_bar=False)
    assert documents["doc_id"].tolist() == ["yaqian"]
    files = files_report(documents)
    assert files["path"].tolist() == [str(tmp_path / "yaqian.txt"), str(tmp_path / copy)]
    assert files["status"].tolist() == ["loaded", "duplicate"]
    assert [record.getMessage() for record in caplog.records] == [
        f"{tmp_path / copy}: duplicate of yaqian ({tmp_path / 'yaqian.txt'}, same sha256): this copy is not loaded"]


def test_the_original_wins_across_folders_whose_names_share_a_prefix(tmp_path) -> None:
    # a folder whose name is a prefix of another's, and a copy inside the original's folder
    (tmp_path / "2020").mkdir()
    (tmp_path / "2020 (1)").mkdir()
    shutil.copy(RAW / "001_3211566eb9366b4c.txt", tmp_path / "2020 (1)" / "xiepu.txt")
    shutil.copy(RAW / "001_3211566eb9366b4c.txt", tmp_path / "2020" / "xiepu (2).txt")
    shutil.copy(RAW / "001_3211566eb9366b4c.txt", tmp_path / "2020" / "xiepu.txt")
    documents = load_corpus(tmp_path, errors="ignore", progress_bar=False)
    files = files_report(documents).set_index("path")
    assert files.loc[str(tmp_path / "2020" / "xiepu.txt"), "status"] == "loaded"
    assert files.loc[str(tmp_path / "2020" / "xiepu (2).txt"), "status"] == "duplicate"
    assert files.loc[str(tmp_path / "2020 (1)" / "xiepu.txt"), "status"] == "duplicate"


def test_nothing_loadable_gives_an_empty_table_with_columns(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    documents = load_corpus(tmp_path, errors="ignore", progress_bar=False)
    assert documents.empty
    assert list(documents.columns) == DOCUMENT_COLUMNS
    assert files_report(documents)["status"].tolist() == ["failed"]


def test_missing_path_raises(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        load_corpus(tmp_path / "nowhere")


def test_list_of_files_and_same_stem_collision(tmp_path) -> None:
    (tmp_path / "x").mkdir()
    shutil.copy(RAW / "004_3ff0d929752a8f07.txt", tmp_path / "report.txt")
    (tmp_path / "x" / "report.txt").write_text("澥浦镇2023年工作总结及2024年工作思路\n全镇经济。", encoding="utf-8")
    documents = load_corpus([tmp_path / "report.txt", tmp_path / "x" / "report.txt"], errors="ignore",
                            progress_bar=False)
    assert documents["place"].tolist() == ["衙前镇"]
    files = files_report(documents)
    assert files["status"].tolist() == ["loaded", "failed"]
    assert "already used" in files["reason"].iloc[1]


def test_docx_report_loads_with_metadata(tmp_path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in (RAW / "001_3211566eb9366b4c.txt").read_text(encoding="utf-8").split("\n")[3:]:
        document.add_paragraph(line)
    document.save(tmp_path / "xiepu.docx")
    row = load_corpus(tmp_path, progress_bar=False).iloc[0]
    assert (row["format"], row["place"], row["county"], row["signed_date"]) == ("docx", "澥浦镇", "镇海区", "2023-10-27")
    assert (row["review_period"], row["plan_period"], row["report_year"]) == ("2023", "2024", 2023)


def test_file_hashes_are_reused_while_size_and_mtime_are_unchanged(tmp_path) -> None:
    corpus, cache = tmp_path / "reports", tmp_path / "cache"
    shutil.copytree(RAW, corpus)
    first = load_corpus(corpus, cache_dir=cache)
    record = cache / "documents" / "file-hashes.parquet"
    hashes = pd.read_parquet(record)
    assert len(hashes) == 5 and set(hashes["sha256"]) == set(first["sha256"])
    target = corpus / "004_3ff0d929752a8f07.txt"
    # A recorded hash is trusted while the file's size and mtime are unchanged: plant a marker to see it used.
    hashes.loc[hashes["path"] == os.path.abspath(target), "sha256"] = "0" * 64
    hashes.to_parquet(record, index=False)
    planted = load_corpus(corpus, cache_dir=cache)
    assert planted.set_index("doc_id").loc[target.stem, "sha256"] == "0" * 64
    target.write_text(target.read_text(encoding="utf-8") + "\n全镇经济平稳。", encoding="utf-8")
    edited = load_corpus(corpus, cache_dir=cache)  # new size and mtime: hashed again, and the table recomputed
    real = hashlib.sha256(target.read_bytes()).hexdigest()
    assert edited.set_index("doc_id").loc[target.stem, "sha256"] == real
    assert edited.set_index("doc_id").loc[target.stem, "text"].endswith("全镇经济平稳。")
    assert pd.read_parquet(record).set_index("path").loc[os.path.abspath(target), "sha256"] == real

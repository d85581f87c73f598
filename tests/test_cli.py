"""The govreports command line."""

from __future__ import annotations

import shutil
import tomllib

import pandas as pd
import pytest

import govreports
from govreports.cli import main
from tests.conftest import RAW, ROOT


def test_corpus_writes_documents_without_text(tmp_path, capsys) -> None:
    out = tmp_path / "documents.csv"
    assert main(["corpus", str(RAW), "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype=str)
    assert len(table) == 5
    assert "text" not in table.columns and "raw_text" not in table.columns
    assert table.set_index("doc_id").loc["002_8e0279829cf70102", "county"] == "诸暨市"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, so Excel shows the Chinese
    assert "5 reports loaded (5 town) from 6 files" in capsys.readouterr().out


def test_corpus_text_flag_and_refusal_to_overwrite(tmp_path, capsys) -> None:
    out = tmp_path / "documents.csv"
    assert main(["corpus", str(RAW / "004_3ff0d929752a8f07.txt"), "-o", str(out), "--text"]) == 0
    assert pd.read_csv(out)["text"].str.contains("衙前").all()
    before = out.read_bytes()
    assert main(["corpus", str(RAW), "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert main(["corpus", str(RAW), "-o", str(out), "--force"]) == 0


def test_corpus_fails_only_when_nothing_loads(tmp_path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    assert main(["corpus", str(folder), "-o", str(tmp_path / "x.csv")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err
    assert not (tmp_path / "x.csv").exists()
    shutil.copy(RAW / "003_aa4233b35111f482.txt", folder)
    assert main(["corpus", str(folder), "-o", str(tmp_path / "x.csv")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 report loaded (1 town) from 2 files; 0 duplicates, 1 failed, 0 skipped")
    assert "empty.txt: empty file" in captured.err


def test_keywords_writes_the_long_term_table(tmp_path, capsys) -> None:
    out = tmp_path / "terms.csv"
    assert main(["keywords", str(RAW), "-o", str(out), "--boilerplate", "--cache", str(tmp_path / "cache")]) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == ["doc_id", "term", "count"]
    assert set(table["doc_id"]) == {p.stem for p in RAW.glob("*.txt")}
    assert not table["term"].isin(["坚持", "推进", "的", "航埠", "衙前"]).any()
    diankou = table[table.doc_id == "002_8e0279829cf70102"].set_index("term")["count"]
    assert diankou["最多跑一次"] >= 1
    assert "distinct terms" in capsys.readouterr().out
    assert main(["keywords", str(RAW), "-o", str(out)]) == 2  # never overwrites without --force


def test_indicators_writes_the_statement_table(tmp_path, capsys) -> None:
    out = tmp_path / "indicators.csv"
    assert main(["indicators", str(RAW), "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype={"period": str})
    assert len(table) == 39
    assert {"doc_id", "indicator", "kind", "period", "value", "hedge", "hedge_class", "sentence", "place"} <= set(table)
    row = table[(table.indicator == "gdp") & (table.kind == "target_growth")].iloc[0]
    assert (row["place"], row["period"], row["value"], row["hedge"]) == ("店口镇", "2020", 8.5, "左右")
    assert "39 statements (6 targets)" in capsys.readouterr().out
    bad = tmp_path / "lexicon.csv"
    bad.write_text("id,label\nx,y\n", encoding="utf-8")
    assert main(["indicators", str(RAW), "-o", str(tmp_path / "x.csv"), "--lexicon", str(bad)]) == 2


def test_version_is_the_package_version(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert capsys.readouterr().out == f"govreports {project['version']}\n"
    assert govreports.__version__ == project["version"]


def test_counts_are_singular_for_one(tmp_path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(RAW / "004_3ff0d929752a8f07.txt", folder / "yaqian.txt")
    shutil.copy(RAW / "004_3ff0d929752a8f07.txt", folder / "yaqian (1).txt")
    assert main(["indicators", str(folder), "-o", str(tmp_path / "x.csv")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 report loaded (1 town) from 2 files; 1 duplicate, 0 failed, 0 skipped; ")
    assert captured.err == (f"  {folder / 'yaqian (1).txt'}: duplicate of yaqian ({folder / 'yaqian.txt'}, same "
                            "sha256): this copy is not loaded\n")


def _unusable_arguments(tmp_path):
    """(arguments, the file the message names, its reason): one case per way an argument naming a file or folder
    can be unusable."""
    existing = tmp_path / "documents.csv"
    existing.write_text("doc_id\n", encoding="utf-8")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("a note\n", encoding="utf-8")
    folder = tmp_path / "dicts"
    folder.mkdir()
    bad_dict = tmp_path / "bad_dict.txt"
    bad_dict.write_text("腾笼换鸟 10 n\n最多 跑 1 次\n", encoding="utf-8")
    gbk_dict = tmp_path / "gbk_dict.txt"
    gbk_dict.write_bytes("亩均论英雄\n".encode("gbk"))
    bad_lexicon = tmp_path / "lexicon.csv"
    bad_lexicon.write_text("id,label,unit_kind,names\ngdp,地区生产总值,Money,地区生产总值|GDP\n", encoding="utf-8")
    out = str(tmp_path / "out.csv")
    report = RAW / "004_3ff0d929752a8f07.txt"
    return [
        (["corpus", str(tmp_path / "reports"), "-o", out], tmp_path / "reports", "no such file or folder"),
        (["corpus", str(RAW), str(tmp_path / "more"), "-o", out], tmp_path / "more", "no such file or folder"),
        (["corpus", str(RAW), "-o", str(tmp_path)], tmp_path, "is a folder; -o takes the CSV file to write"),
        (["corpus", str(RAW), "-o", str(tmp_path), "--force"], tmp_path, "is a folder"),
        (["corpus", str(RAW), "-o", str(existing)], existing, "exists; pass --force to replace it"),
        (["corpus", str(RAW), "-o", str(a_file / "out.csv")], a_file / "out.csv",
         f"cannot be created, {a_file} is a file"),
        (["corpus", str(report), "-o", str(report), "--force"], report, "is one of the reports to read"),
        (["keywords", str(RAW), "-o", out, "--user-dict", str(tmp_path / "mine.txt")], tmp_path / "mine.txt",
         "no such dictionary file"),
        (["keywords", str(RAW), "-o", out, "--user-dict", str(folder)], folder, "is a folder, not a dictionary file"),
        (["keywords", str(RAW), "-o", out, "--user-dict", str(bad_dict)], bad_dict,
         "2: cannot read word-list line '最多 跑 1 次'"),
        (["keywords", str(RAW), "-o", out, "--user-dict", str(gbk_dict)], gbk_dict, "not UTF-8 text"),
        (["keywords", str(RAW), "-o", out, "--cache", str(a_file)], a_file, "is a file; --cache takes a folder"),
        (["keywords", str(RAW), "-o", out, "--cache", str(a_file / "cache")], a_file / "cache",
         f"cannot be created, {a_file} is a file"),
        (["indicators", str(RAW), "-o", out, "--lexicon", str(tmp_path / "mine.csv")], tmp_path / "mine.csv",
         "no such lexicon file"),
        (["indicators", str(RAW), "-o", out, "--lexicon", str(folder)], folder, "is a folder, not a lexicon file"),
        (["indicators", str(RAW), "-o", out, "--lexicon", str(bad_lexicon)], bad_lexicon,
         "2: unit_kind 'Money' is not one of"),
    ]


CASES = 16


@pytest.mark.parametrize("case", range(CASES))
def test_an_unusable_file_argument_stops_before_any_work(tmp_path, capsys, monkeypatch, case: int) -> None:
    cases = _unusable_arguments(tmp_path)
    assert len(cases) == CASES
    arguments, named, reason = cases[case]

    def no_loading(*args, **kwargs):
        raise AssertionError("the corpus was loaded before the arguments were checked")

    monkeypatch.setattr("govreports.corpus.load.load_corpus", no_loading)
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1  # one line, no traceback
    assert captured.err.startswith(f"govreports: {named}")
    assert reason in captured.err

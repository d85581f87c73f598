"""The govreports command line."""

from __future__ import annotations

import shutil

import pandas as pd

from govreports.cli import main
from tests.conftest import RAW


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
    assert "1 reports loaded" in captured.out and "1 failed" in captured.out
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

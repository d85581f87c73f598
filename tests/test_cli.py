"""The govreports command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from typing import ClassVar

import pandas as pd
import pytest

import govreports
from govreports.cli import main
from govreports.corpus.places import place_names
from govreports.indicators.targets import TARGET_COLUMNS
from govreports.keywords.frequencies import term_frequencies
from govreports.text.segment import Segmenter, stopwords
from govreports.text.tokens import corpus_tokens
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
    assert main(["corpus", str(RAW / "004_3ff0d929752a8f07.txt"), "-o", str(out), "--text", "--n-jobs", "1"]) == 0
    assert pd.read_csv(out)["text"].str.contains("衙前").all()
    before = out.read_bytes()
    assert main(["corpus", str(RAW), "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert main(["corpus", str(RAW), "-o", str(out), "--force", "--n-jobs", "1"]) == 0


def test_corpus_fails_only_when_nothing_loads(tmp_path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    assert main(["corpus", str(folder), "-o", str(tmp_path / "x.csv"), "--n-jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty file" in err
    assert not (tmp_path / "x.csv").exists()
    shutil.copy(RAW / "003_aa4233b35111f482.txt", folder)
    assert main(["corpus", str(folder), "-o", str(tmp_path / "x.csv"), "--n-jobs", "1"]) == 0
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


def test_targets_writes_the_target_table(tmp_path, capsys) -> None:
    out = tmp_path / "targets.csv"
    assert main(["targets", str(RAW), "-o", str(out), "--n-jobs", "1"]) == 0
    table = pd.read_csv(out, dtype={"year": str})
    assert list(table.columns) == TARGET_COLUMNS
    row = table[(table.place == "店口镇") & (table.indicator == "gdp") & (table.measure == "growth")].iloc[0]
    assert (row["year"], row["target"], row["hedge_class"], row["level"]) == ("2020", 8.5, "approx", "town")
    assert pd.isna(row["outcome"])  # the samples hold one report per town: no later report states the outcome
    assert f"{len(table)} targets (0 with an outcome)" in capsys.readouterr().out


def test_keywords_of_reports_without_a_term_is_a_table_with_its_header_only(tmp_path, capsys) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "stop_words_only.txt").write_text("的。\n", encoding="utf-8")
    out = tmp_path / "terms.csv"
    assert main(["keywords", str(tmp_path / "reports"), "-o", str(out), "--n-jobs", "1"]) == 0
    assert out.read_text(encoding="utf-8-sig").splitlines() == ["doc_id,term,count"]
    assert "0 rows, 0 distinct terms" in capsys.readouterr().out


def test_the_command_ends_with_the_exit_code_of_main_after_writing(tmp_path) -> None:
    """The console script (entry_point) ends the process itself, without the interpreter's teardown: the table it
    wrote is whole, its summary printed, and the exit code is main's (0, or 2 for an output that exists)."""
    out = tmp_path / "documents.csv"
    code = ("import sys\nfrom govreports.cli import entry_point\n"
            f"sys.argv = ['govreports', 'corpus', {str(RAW)!r}, '-o', {str(out)!r}, '--n-jobs', '1']\nentry_point()")
    path = os.pathsep.join([str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("5 reports loaded") and first.stdout.endswith(f"-> {out}\n")
    assert len(pd.read_csv(out)) == 5
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert again.returncode == 2
    assert again.stderr == f"govreports: {out}: exists; pass --force to replace it\n"


def test_help_imports_neither_pandas_nor_the_readers() -> None:
    code = ("import sys\nimport govreports.cli\ntry:\n    govreports.cli.main(['keywords', '--help'])\n"
            "except SystemExit:\n    pass\nprint(govreports.__file__)\n"
            "print(sorted(m for m in ('pandas', 'numpy', 'pyarrow', 'jieba', 'govreports.corpus') if m in sys.modules))\n"
            "from govreports import load_corpus\nprint(load_corpus.__module__, 'pandas' in sys.modules)")
    path = os.pathsep.join([str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")])
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": path})
    lines = run.stdout.splitlines()
    assert lines[0].startswith("usage: govreports keywords")
    assert lines[-3] == str(ROOT / "lib" / "govreports" / "__init__.py")  # this checkout's package
    assert lines[-2] == "[]"  # argparse only: nothing heavy imported to answer --help
    assert lines[-1] == "govreports.corpus.load True"  # from govreports import load_corpus still works, lazily


class _Threads(ThreadPoolExecutor):
    """Stands in for the process pool: records the workers asked for."""

    asked: ClassVar[list[int]] = []

    def __init__(self, max_workers: int, mp_context=None, initializer=None, initargs=()) -> None:
        self.asked.append(max_workers)
        super().__init__(max_workers)


def test_work_uses_every_core_unless_told(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("govreports.runtime.parallel.ProcessPoolExecutor", _Threads)
    monkeypatch.setattr(_Threads, "asked", [])
    assert main(["indicators", str(RAW), "-o", str(tmp_path / "a.csv")]) == 0
    assert main(["indicators", str(RAW), "-o", str(tmp_path / "b.csv"), "--n-jobs", "3"]) == 0
    assert main(["indicators", str(RAW), "-o", str(tmp_path / "c.csv"), "--n-jobs", "1"]) == 0
    assert _Threads.asked == [os.cpu_count(), 3]  # one pool per run, for loading and extraction; none for 1
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "c.csv").read_bytes()
    for wrong, message in (("0", "0: give a number"), ("-2", "-2: give a number"), ("all", "'all': give a number")):
        with pytest.raises(SystemExit) as stopped:
            main(["indicators", str(RAW), "-o", str(tmp_path / "d.csv"), "--n-jobs", wrong])
        assert stopped.value.code == 2
        assert f"argument --n-jobs: {message} of processes (1 or more) or -1 for every core" in capsys.readouterr().err


def test_keywords_as_csv_parquet_and_parts_are_the_table_of_the_whole_corpus(tmp_path, monkeypatch,
                                                                              documents) -> None:
    monkeypatch.setattr("govreports.cli.PART_REPORTS", 2)  # five reports: parts of 2, 2 and 1 reports,
    monkeypatch.setattr("govreports.cli.BATCH_REPORTS", 1)  # each made of batches of 1 report
    common = ["--cache", str(tmp_path / "cache"), "--n-jobs", "1"]
    for output in ("terms.csv", "terms.parquet", "terms"):
        partitioned = ["--partitioned"] if output == "terms" else []
        assert main(["keywords", str(RAW), "-o", str(tmp_path / output), *common, *partitioned]) == 0
    places = place_names(documents)  # what the command does, on the whole corpus at once
    tokens = corpus_tokens(documents, Segmenter(extra_words=places))
    expected = term_frequencies(tokens, stopwords=stopwords(("general",), extra=places))[["doc_id", "term", "count"]]
    assert sorted(p.name for p in (tmp_path / "terms").iterdir()) == [f"part-0000{i}.parquet" for i in range(3)]
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "terms"), expected)
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "terms.parquet"), expected)
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "terms.csv", dtype={"doc_id": "str", "term": "str"}),
                                  expected)


def test_corpus_and_indicators_as_parts_and_replaced_with_force(tmp_path, monkeypatch, documents) -> None:
    monkeypatch.setattr("govreports.cli.PART_REPORTS", 2)
    folder = tmp_path / "documents"
    assert main(["corpus", str(RAW), "-o", str(folder), "--partitioned", "--n-jobs", "1"]) == 0
    assert len(list(folder.iterdir())) == 3
    back = pd.read_parquet(folder)
    assert back["doc_id"].tolist() == documents["doc_id"].tolist()
    assert back.set_index("doc_id").loc["002_8e0279829cf70102", "county"] == "诸暨市"
    monkeypatch.setattr("govreports.cli.PART_REPORTS", 200)
    assert main(["corpus", str(RAW), "-o", str(folder), "--partitioned", "--n-jobs", "1"]) == 2  # exists
    assert main(["corpus", str(RAW), "-o", str(folder), "--partitioned", "--n-jobs", "1", "--force"]) == 0
    assert [p.name for p in folder.iterdir()] == ["part-00000.parquet"]  # replaced whole
    assert main(["indicators", str(RAW), "-o", str(tmp_path / "statements"), "--partitioned", "--n-jobs", "1"]) == 0
    statements = pd.read_parquet(tmp_path / "statements")
    assert len(statements) == 39 and statements["doc_id"].is_monotonic_increasing


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
    assert main(["indicators", str(folder), "-o", str(tmp_path / "x.csv"), "--n-jobs", "1"]) == 0
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
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "part-00000.parquet").write_bytes(b"PAR1")
    reports = tmp_path / "reports_and_parts"
    reports.mkdir()
    (reports / "part-00000.parquet").write_bytes(b"PAR1")
    shutil.copy(RAW / "004_3ff0d929752a8f07.txt", reports)
    out = str(tmp_path / "out.csv")
    report = RAW / "004_3ff0d929752a8f07.txt"
    return [
        (["corpus", str(tmp_path / "reports"), "-o", out], tmp_path / "reports", "no such file or folder"),
        (["corpus", str(RAW), str(tmp_path / "more"), "-o", out], tmp_path / "more", "no such file or folder"),
        (["corpus", str(RAW), "-o", str(tmp_path)], tmp_path, "is a folder; -o takes the file to write"),
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
        (["corpus", str(RAW), "-o", out, "--partitioned"], tmp_path / "out.csv",
         "--partitioned writes a folder of Parquet files, not a CSV file"),
        (["corpus", str(RAW), "-o", str(a_file), "--partitioned", "--force"], a_file,
         "is a file; --partitioned writes a folder"),
        (["corpus", str(RAW), "-o", str(parts), "--partitioned"], parts, "exists; pass --force to replace it"),
        (["corpus", str(reports), "-o", str(reports), "--partitioned", "--force"], reports,
         "holds files other than part-NNNNN.parquet; it is not replaced"),
    ]


CASES = 20


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

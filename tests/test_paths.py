"""Where notebook runs read and write (runtime.paths): from the repository, whatever the working directory."""

from __future__ import annotations

import os
import re

import pytest

from govreports.runtime.paths import REPOSITORY, RunPaths, run_paths
from tests.conftest import RAW, ROOT


def test_the_repository_is_this_checkout() -> None:
    assert REPOSITORY == ROOT


def test_the_sample_writes_figures_and_tables_of_the_repository_from_any_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # papermill without --cwd: the kernel runs where the command was typed
    interim = ROOT / "data" / "interim"
    assert run_paths("", "") == RunPaths(RAW, ROOT / "figures", interim, interim)
    assert run_paths(os.path.relpath(RAW, tmp_path), "") == RunPaths(RAW, ROOT / "figures", interim, interim)
    assert run_paths("", "", cache=False).cache is None


def test_own_folder_writes_only_under_output_dir(tmp_path, monkeypatch) -> None:
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    paths = run_paths("reports", "out")  # relative to the working directory, as the user typed them
    assert paths == RunPaths(tmp_path / "reports", tmp_path / "out" / "figures", tmp_path / "out" / "tables",
                             tmp_path / "out" / "cache")
    assert run_paths("reports", "out", cache=False).cache is None
    assert run_paths("", tmp_path / "sample-out").figures == tmp_path / "sample-out" / "figures"  # the sample too


def test_own_folder_without_output_dir_is_refused(tmp_path) -> None:
    # a run on one's own reports wrote its indicator table and stm export over the sample's in data/interim
    with pytest.raises(ValueError, match=f"^{re.escape(str(tmp_path))}: OUTPUT_DIR is empty"):
        run_paths(tmp_path, "")
    with pytest.raises(ValueError, match="OUTPUT_DIR is empty"):
        run_paths(RAW / "004_3ff0d929752a8f07.txt", "")  # one sample report is not the sample


@pytest.mark.parametrize(("output", "reason"), [("reports/out", "is inside CORPUS_DIR"), ("notes.txt", "is a file")])
def test_unusable_output_dir(tmp_path, output: str, reason: str) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "notes.txt").write_text("a note", encoding="utf-8")
    with pytest.raises(ValueError, match=f"^{re.escape(str(tmp_path / output))}: OUTPUT_DIR {reason}"):
        run_paths(tmp_path / "reports", tmp_path / output)


def test_missing_corpus_names_it(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match=f"^{re.escape(str(tmp_path / 'reports'))}: no such file or folder \\(CORPUS_DIR\\)$"):
        run_paths(tmp_path / "reports", tmp_path / "out")

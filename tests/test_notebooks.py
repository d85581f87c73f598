"""The notebooks as a researcher meets them: in a Jupyter kernel (progress bars as widgets), in JupyterLab
(committed metadata in the form Lab writes, so opening a notebook changes nothing), and run with papermill on
one's own folder from any working directory (everything written under OUTPUT_DIR, nothing in the repository)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from tests.conftest import RAW, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def kernel_run() -> nbformat.NotebookNode:
    """A one-cell notebook run in the project's kernel with progress bars on, as in JupyterLab."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        "from govreports.runtime.progress import progress\n"
        "sum(progress(range(3), desc='loading reports'))")]
    client = NotebookClient(notebook, timeout=120, kernel_name="python3")
    client.execute(env={**os.environ, "GOVREPORTS_PROGRESS": "1"})
    return notebook


def test_progress_bars_are_widgets_in_a_kernel(kernel_run) -> None:
    # without ipywidgets, tqdm.auto prints "TqdmWarning: IProgress not found" and falls back to text bars
    outputs = kernel_run.cells[0].outputs
    errors = "".join(o.get("text", "") for o in outputs if o.output_type == "stream" and o.name == "stderr")
    assert "IProgress" not in errors and "TqdmWarning" not in errors
    widgets = [o for o in outputs if o.output_type == "display_data" and WIDGET in o.data]
    assert len(widgets) == 1
    assert widgets[0].data["text/plain"].startswith("loading reports:")
    assert outputs[-1].data["text/plain"] == "3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_metadata_is_what_jupyterlab_writes(kernel_run, path) -> None:
    # Lab sets kernelspec from the kernel's spec and language_info from the kernel's reply; a committed notebook
    # that differs is marked modified as soon as it opens. The Python version (language_info.version, 3.11.7
    # in the project's .venv) is compared by form only, so that a machine with another Python can run the tests.
    metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert metadata["kernelspec"] == {"display_name": spec.display_name, "language": spec.language, "name": "python3"}
    expected = {key: value for key, value in kernel_run.metadata["language_info"].items() if key != "version"}
    committed = dict(metadata["language_info"])
    version = committed.pop("version", "")
    assert committed == expected
    assert version.count(".") == 2 and version.replace(".", "").isdigit()
    assert set(metadata) == {"kernelspec", "language_info"}  # nothing Lab would drop or nbstripout would strip


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_parameters_name_no_folder_of_the_working_directory(path) -> None:
    # "../figures", "../data/interim/indicators.csv": relative to wherever papermill was started
    cell = next(c for c in nbformat.read(path, as_version=4).cells if "parameters" in c.metadata.get("tags", []))
    tree = ast.parse(cell.source)
    values = {node.target.id: ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.AnnAssign)}
    assert len(values) == len(tree.body)  # plain typed constants, nothing computed
    assert (values["CORPUS_DIR"], values["OUTPUT_DIR"], values["CACHE"]) == ("", "", True)
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert not [s for s in strings if "/" in s or s.startswith(".")]


def _files(root: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under ``root`` (git metadata, the environment and bytecode aside)."""
    skip = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache", ".ipynb_checkpoints"}
    found = {}
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in skip]
        for name in names:
            if name not in skip:
                stat = (Path(folder) / name).stat()
                found[os.path.relpath(Path(folder) / name, root)] = (stat.st_size, stat.st_mtime_ns)
    return found


def test_papermill_on_ones_own_folder_writes_only_under_output_dir(tmp_path) -> None:
    # notebook 03 writes figures, a table and caches; papermill runs it from an unrelated folder without --cwd
    corpus, out, elsewhere = tmp_path / "reports", tmp_path / "out", tmp_path / "elsewhere"
    corpus.mkdir()
    elsewhere.mkdir()
    for name in ("000_ac80074741d45b38.txt", "002_8e0279829cf70102.txt"):
        shutil.copy(RAW / name, corpus / name.replace("_", "-"))
    before, corpus_before = _files(ROOT), _files(corpus)
    subprocess.run([str(Path(sys.executable).parent / "papermill"), "--no-progress-bar", "--log-level", "WARNING",
                    str(ROOT / "notebooks" / "03-indicator-trends.ipynb"), str(tmp_path / "executed.ipynb"),
                    "-p", "CORPUS_DIR", str(corpus), "-p", "OUTPUT_DIR", str(out)],
                   cwd=elsewhere, env={**os.environ, "GOVREPORTS_PROGRESS": "0"}, check=True, capture_output=True)
    assert _files(ROOT) == before
    assert _files(corpus) == corpus_before
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "executed.ipynb", "out", "reports"]
    figures = {f"03-{name}.{fmt}" for name in ("levels-by-town", "five-year-changes", "targets-by-hedge",
                                               "targets-and-results", "targets-met", "target-markups")
               for fmt in ("png", "pdf", "svg")}
    assert {p.name for p in (out / "figures").iterdir()} == figures
    table = pd.read_csv(out / "tables" / "indicators.csv")
    assert set(table["doc_id"]) == {"000-ac80074741d45b38", "002-8e0279829cf70102"}
    assert (out / "cache" / "documents").is_dir()
    assert sorted(p.name for p in out.iterdir()) == ["cache", "figures", "tables"]

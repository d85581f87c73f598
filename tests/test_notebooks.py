"""The notebooks as a researcher meets them: in a Jupyter kernel (progress bars as widgets) and in JupyterLab
(committed metadata in the form Lab writes, so opening a notebook changes nothing)."""

from __future__ import annotations

import json
import os

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from tests.conftest import ROOT

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

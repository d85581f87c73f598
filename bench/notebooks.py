"""Benchmark: each notebook run twice on the same corpus; the second run reads the caches the first one wrote.

Each notebook starts from an empty cache of its own, so its first run computes everything it needs (nothing is
left over from another notebook); its second run is what a researcher gets when re-running it unchanged.

Prints, per notebook and run, three times: ``wall`` (the papermill command, its own start-up included), ``run``
(papermill's recorded duration: kernel start and every cell, what "restart and run all" costs in JupyterLab) and
``cells`` (the sum of the cells' durations), and the speed-up of the second run for each.

    .venv/bin/python bench/notebooks.py data/interim/bootstrap-10000 [--n-jobs 2] [--only 00 03]
        [--set 02 MODELS '["nmf"]']
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(notebook: Path, out: Path, parameters: dict[str, object]) -> tuple[float, float, float]:
    """Execute one notebook with papermill; returns (wall, run, cells) seconds (see the module docstring)."""
    started = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "papermill"), "--no-progress-bar", "--log-level", "ERROR",
         "--cwd", str(ROOT / "notebooks"), str(notebook), str(out), "-y", json.dumps(parameters)],
        check=True, env={**os.environ, "GOVREPORTS_PROGRESS": "0"}, stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    executed = json.loads(out.read_text(encoding="utf-8"))
    inside = sum(c.get("metadata", {}).get("papermill", {}).get("duration") or 0.0 for c in executed["cells"])
    return wall, executed["metadata"]["papermill"]["duration"], inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=[], metavar="NN", help="notebook numbers to run (default all)")
    parser.add_argument("--set", nargs=3, action="append", default=[], metavar=("NN", "NAME", "JSON"),
                        help="a parameter of notebook NN, as JSON (e.g. --set 02 MODELS '[\"nmf\"]')")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govreports-notebooks-"))
    common = {"CORPUS_DIR": str(args.corpus.resolve()), "N_JOBS": args.n_jobs}
    print(f"corpus {args.corpus}; outputs and caches in {work}/NN-slug; n_jobs={args.n_jobs}; "
          f"set {args.set or 'nothing'}")
    header = "".join(f" {what + ' 1st':>10} {what + ' 2nd':>10} {'speed-up':>8} " for what in ("wall", "run", "cells"))
    print(f"{'notebook':<24}{header}")
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        if args.only and notebook.name[:2] not in args.only:
            continue
        parameters = {**common, "OUTPUT_DIR": str(work / notebook.stem),  # a cache of its own, not data/interim
                      **{name: json.loads(value) for nn, name, value in args.set if nn == notebook.name[:2]}}
        first = run(notebook, work / f"first-{notebook.name}", parameters)
        second = run(notebook, work / f"second-{notebook.name}", parameters)
        print(f"{notebook.stem:<24}" + "".join(f" {a:10.1f} {b:10.1f} {a / b:7.1f}x " for a, b in zip(first, second, strict=True)),
              flush=True)


if __name__ == "__main__":
    main()

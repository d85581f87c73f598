"""Benchmark: each notebook run twice on the same corpus with a fresh cache; the second run reads the caches.

Prints, per notebook, the wall time of each run (papermill, kernel start included) and the time spent in the
notebook's cells (papermill's per-cell durations), and the speed-up of the second run.

    .venv/bin/python bench/notebooks.py data/interim/bootstrap-1000 [--n-jobs 2]
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


def run(notebook: Path, out: Path, corpus: Path, cache: Path, figures: Path, n_jobs: int) -> tuple[float, float]:
    """Execute one notebook with papermill; returns (wall seconds, seconds inside cells)."""
    started = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "papermill"), "--no-progress-bar", "--log-level", "ERROR",
         "--cwd", str(ROOT / "notebooks"), str(notebook), str(out),
         "-p", "CORPUS_DIR", str(corpus.resolve()), "-p", "CACHE_DIR", str(cache), "-p", "FIGURES_DIR", str(figures),
         "-p", "N_JOBS", str(n_jobs)],
        check=True, env={**os.environ, "GOVREPORTS_PROGRESS": "0"},
    )
    wall = time.perf_counter() - started
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    inside = sum(c.get("metadata", {}).get("papermill", {}).get("duration") or 0.0 for c in cells)
    return wall, inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=[], metavar="NN", help="notebook numbers to run (default all)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="govreports-notebooks-"))
    cache, figures = work / "cache", work / "figures"
    print(f"corpus {args.corpus}; cache {cache}; n_jobs={args.n_jobs}")
    print(f"{'notebook':<28} {'first s':>8} {'second s':>9} {'speed-up':>9}   {'cells 1st':>9} {'cells 2nd':>9} {'speed-up':>9}")
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        if args.only and notebook.name[:2] not in args.only:
            continue
        first = run(notebook, work / f"first-{notebook.name}", args.corpus, cache, figures, args.n_jobs)
        second = run(notebook, work / f"second-{notebook.name}", args.corpus, cache, figures, args.n_jobs)
        print(f"{notebook.stem:<28} {first[0]:8.1f} {second[0]:9.1f} {first[0] / second[0]:8.1f}x   "
              f"{first[1]:9.1f} {second[1]:9.1f} {first[1] / second[1]:8.1f}x", flush=True)


if __name__ == "__main__":
    main()

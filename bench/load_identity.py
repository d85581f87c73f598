"""Do two versions of the code load the same documents tables? (issue 12: faster loading, same outputs)

Loads each folder of the development corpus (``../shared/devcorpus/raw``, ``../shared/devcorpus/town`` and
``data/raw``) with the code of this checkout (``lib/``) and with the code of a base commit, each in its own
process (``load_corpus(n_jobs=1)``), and compares the two documents tables cell by cell, every column (``sources``,
``text`` and ``raw_text`` included), and the account of the files. Prints ``identical``, or the first differences
and exits with status 1.

Run from the project root:

    .venv/bin/python bench/load_identity.py                       # base: git merge-base HEAD main
    .venv/bin/python bench/load_identity.py --base-rev b3c5f5d    # another commit
    .venv/bin/python bench/load_identity.py --base-lib /tmp/places_base/lib   # code already exported

The base code is exported with ``git archive <rev> lib`` into a temporary folder, so the shared checkout of
``main`` is neither read nor changed while others work in it.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
FOLDERS = {"devcorpus/raw": DEVCORPUS / "raw", "devcorpus/town": DEVCORPUS / "town", "data/raw": ROOT / "data" / "raw"}


def dump(out: Path) -> None:
    """Load each folder with the ``govreports`` on ``sys.path`` and pickle the tables and file accounts to ``out``."""
    from govreports.corpus.load import load_corpus

    tables = {}
    for name, folder in FOLDERS.items():
        table = load_corpus(folder, n_jobs=1, progress_bar=False, errors="ignore")
        tables[name] = (table, table.attrs["files"])
        table.attrs = {}
    out.write_bytes(pickle.dumps(tables))


def load_with(lib: Path, out: Path) -> dict:
    """Run :func:`dump` in a fresh process whose ``PYTHONPATH`` is ``lib``.

    Raises:
        RuntimeError: the process failed (its stderr is in the message).
    """
    env = {**os.environ, "PYTHONPATH": str(lib), "GOVREPORTS_PROGRESS": "0"}
    done = subprocess.run([sys.executable, __file__, "--dump", str(out)], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"loading with {lib} failed:\n{done.stderr}")
    return pickle.loads(out.read_bytes())


def differences(old, new, *, limit: int = 10) -> list[str]:
    """Cells that differ between two tables, at most ``limit`` (see :func:`same`)."""
    found: list[str] = []
    if list(old.columns) != list(new.columns):
        return [f"columns differ: {list(old.columns)} vs {list(new.columns)}"]
    if len(old) != len(new):
        found.append(f"{len(old)} rows vs {len(new)}")
    if list(old.dtypes.astype(str)) != list(new.dtypes.astype(str)):
        found.append(f"dtypes differ: {list(old.dtypes.astype(str))} vs {list(new.dtypes.astype(str))}")
    for i in range(min(len(old), len(new))):
        for column in old.columns:
            a, b = old[column].iloc[i], new[column].iloc[i]
            if not same(a, b):
                found.append(f"row {i} ({old.iloc[i, 0]}), {column}: {str(a)[:120]!r} vs {str(b)[:120]!r}")
                if len(found) >= limit:
                    return found
    return found


def same(a: object, b: object) -> bool:
    """Two cells are the same: equal values of the same type; a missing value equals only the same kind of missing
    value (``None``, ``pd.NA`` or NaN)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)  # type: ignore[arg-type]
    return bool(a == b)


def export(rev: str, folder: Path) -> Path:
    """``lib/`` of commit ``rev`` written under ``folder`` (``git archive``); its path."""
    archive = subprocess.run(["git", "archive", rev, "lib"], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "lib"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base-rev", help="commit of the base code (default: git merge-base HEAD main)")
    parser.add_argument("--base-lib", type=Path, help="the base code's lib/ folder, already exported")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump(args.dump)
        return
    with tempfile.TemporaryDirectory(prefix="load_identity_") as tmp:
        if args.base_lib:
            base, label = args.base_lib, str(args.base_lib)
        else:
            rev = args.base_rev or subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT, capture_output=True,
                                                  text=True, check=True).stdout.strip()
            base, label = export(rev, Path(tmp) / "base"), rev
        old = load_with(base, Path(tmp) / "old.pickle")
        new = load_with(ROOT / "lib", Path(tmp) / "new.pickle")
    print(f"base: {label}; this checkout: {ROOT / 'lib'}")
    failed = False
    for name in FOLDERS:
        (old_table, old_files), (new_table, new_files) = old[name], new[name]
        found = differences(old_table, new_table) + differences(old_files, new_files)
        cells = old_table.shape[0] * old_table.shape[1]
        print(f"{name}: {len(old_table)} documents x {old_table.shape[1]} columns ({cells} cells), "
              f"{len(old_files)} files: {'identical' if not found else 'DIFFERENT'}")
        for line in found:
            print("   ", line)
        failed = failed or bool(found)
    print("DIFFERENT" if failed else "identical")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""Build a bootstrap corpus: N synthetic reports whose paragraphs are resampled from the sample reports.

Each synthetic report takes one sample report (drawn at random) as its template: its title line, then, for each
of the template's paragraphs in order, a paragraph drawn at random from all sample paragraphs of the same kind
and section (heading or body; review, targets, plan, other). The synthetic reports thus follow the real reports'
length distribution and section order, and contain real report sentences, figures and page structure.

    .venv/bin/python bench/bootstrap.py 10000 [--out data/interim/bootstrap-10000] [--seed 0]

Files are named ``boot_00000.txt`` ...; an existing folder is not overwritten (pass --force).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import numpy as np

from govreports import load_corpus
from govreports.corpus import structure

ROOT = Path(__file__).resolve().parents[1]


def build(n: int, out: Path, *, seed: int = 0, source: Path = ROOT / "data" / "raw") -> int:
    """Write ``n`` synthetic reports to ``out``; returns the number of characters written."""
    documents = load_corpus(source, progress_bar=False)
    paragraphs = structure.paragraphs(documents)
    pools = {key: group["text"].tolist() for key, group in paragraphs.groupby(["kind", "section"], sort=True)}
    templates = {doc: group for doc, group in paragraphs.groupby("doc_id", sort=True)}
    rng = np.random.default_rng(seed)
    doc_ids = sorted(templates)
    out.mkdir(parents=True)
    written = 0
    for number in range(n):
        template = templates[doc_ids[rng.integers(len(doc_ids))]]
        lines = []
        for row in template.itertuples():
            if row.kind in ("title", "signature"):
                lines.append(row.text)
            else:
                pool = pools[(row.kind, row.section)]
                lines.append(pool[rng.integers(len(pool))])
        text = "\n".join(lines) + "\n"
        (out / f"boot_{number:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of synthetic reports")
    parser.add_argument("--out", type=Path, help="folder to write (default data/interim/bootstrap-N)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--force", action="store_true", help="replace the folder if it exists")
    args = parser.parse_args()
    out = args.out or ROOT / "data" / "interim" / f"bootstrap-{args.n}"
    if out.exists():
        if not args.force:
            raise SystemExit(f"{out} exists; pass --force to replace it")
        shutil.rmtree(out)
    chars = build(args.n, out, seed=args.seed)
    print(f"{args.n} reports, {chars:,} characters -> {out}")


if __name__ == "__main__":
    main()

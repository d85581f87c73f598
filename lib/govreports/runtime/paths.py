"""Where a notebook run reads and writes, found from the repository and never from the working directory.

A notebook's parameters are plain values: ``CORPUS_DIR`` (``""``: the sample reports in ``data/raw``) and
``OUTPUT_DIR`` (``""``: only for the sample). :func:`run_paths` turns them into folders:

- the sample, without ``OUTPUT_DIR``: ``figures/`` of the repository, tables and caches in ``data/interim/``
  (what ``make figures`` writes);
- with ``OUTPUT_DIR``: ``OUTPUT_DIR/figures``, ``OUTPUT_DIR/tables`` and ``OUTPUT_DIR/cache``, nothing elsewhere;
- another corpus without ``OUTPUT_DIR`` is an error, so that a run on one's own folder never overwrites the sample's
  figures and tables.

A path given as a parameter is taken as the user wrote it: an absolute path, or relative to the kernel's working
directory (``notebooks/`` in JupyterLab and with ``papermill --cwd notebooks``).

>>> paths = run_paths("", "")              # the sample: figures/ and data/interim/ of the repository  # doctest: +SKIP
>>> paths = run_paths("~/reports", "~/reports-out")                                                 # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["REPOSITORY", "SAMPLE_CORPUS", "RunPaths", "run_paths"]

#: The checkout holding ``lib/govreports`` (an editable install, as ``make setup`` makes).
REPOSITORY = Path(__file__).resolve().parents[3]
#: The five sample reports.
SAMPLE_CORPUS = REPOSITORY / "data" / "raw"


@dataclass(frozen=True)
class RunPaths:
    """The folders of one notebook run, all absolute.

    Attributes:
        corpus: the reports read (never written).
        figures: where figures are saved.
        tables: where tables and exports are written (the indicator CSV, the matrix for R's stm).
        cache: where caches are kept, or ``None`` when caching is off.
    """

    corpus: Path
    figures: Path
    tables: Path
    cache: Path | None


def run_paths(corpus_dir: str | Path = "", output_dir: str | Path = "", *, cache: bool = True) -> RunPaths:
    """The folders of a run on ``corpus_dir`` writing under ``output_dir`` (see the module docstring).

    Args:
        corpus_dir: the folder (or file) of reports; ``""`` for the sample reports (``data/raw``).
        output_dir: the folder that receives figures, tables and the cache; ``""`` only for the sample.
        cache: keep caches (under ``output_dir/cache``, or ``data/interim`` for the sample); False: none.

    Raises:
        FileNotFoundError: ``corpus_dir`` does not exist.
        ValueError: ``output_dir`` is empty for a corpus other than the sample, is a file, or lies inside the
            corpus folder (which is only ever read). Each message names the folder and the parameter.
    """
    corpus = _absolute(corpus_dir) if str(corpus_dir) else SAMPLE_CORPUS
    if not corpus.exists():
        where = "" if str(corpus_dir) else " (govreports is not run from its repository: give CORPUS_DIR)"
        raise FileNotFoundError(f"{corpus}: no such file or folder (CORPUS_DIR){where}")
    if not str(output_dir):
        if corpus != SAMPLE_CORPUS:
            raise ValueError(f"{corpus}: OUTPUT_DIR is empty; give the folder that receives the figures, tables and "
                             f"cache of this corpus (figures/ and data/interim/ of the repository are the sample's)")
        interim = REPOSITORY / "data" / "interim"
        return RunPaths(corpus, REPOSITORY / "figures", interim, interim if cache else None)
    output = _absolute(output_dir)
    if output.exists() and not output.is_dir():
        raise ValueError(f"{output}: OUTPUT_DIR is a file; give a folder")
    if corpus.is_dir() and output.is_relative_to(corpus):
        raise ValueError(f"{output}: OUTPUT_DIR is inside CORPUS_DIR {corpus}, which is only read; give a folder "
                         "outside it")
    return RunPaths(corpus, output / "figures", output / "tables", output / "cache" if cache else None)


def _absolute(path: str | Path) -> Path:
    return Path(path).expanduser().resolve()

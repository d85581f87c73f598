"""Shared fixtures: the sample corpus in data/raw and the gold tables in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def own_user_cache(tmp_path_factory) -> None:
    """The tests keep what the package derives from installed data (the parsed gazetteer) in a folder of their own,
    not in the user's cache folder; worker processes inherit the setting."""
    import os

    os.environ["GOVREPORTS_CACHE"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture(scope="session")
def documents() -> pd.DataFrame:
    from govreports import load_corpus

    return load_corpus(RAW, progress_bar=False)


@pytest.fixture(scope="session")
def gold_documents() -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "seed_documents.csv", dtype=str, keep_default_na=False).set_index("doc")


@pytest.fixture
def cjk_style():
    """The project's figure style for one test, restored afterwards; figures closed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from govreports.viz import style as figures

    with matplotlib.rc_context():
        figures.use_style()
        yield
    plt.close("all")

"""Quoted slogans and numbered formulations."""

from __future__ import annotations

import pandas as pd

from govreports.keywords.formulations import formulations, slogans

DOCS = pd.DataFrame({
    "doc_id": ["a", "b"],
    "text": [
        "扎实做好“六稳”“六保”工作,以市委“1433”战略体系为指引,开展“三服务”活动,深化“亩均论英雄”改革。",
        "做好六稳工作,深化“三服务”,实施“千万工程”。",
    ],
})


def test_quoted_slogans_with_numbered_flag() -> None:
    table = slogans(DOCS)
    first = table[table.doc_id == "a"].set_index("slogan")
    assert set(first.index) == {"六稳", "六保", "1433", "三服务", "亩均论英雄"}
    assert first["numbered"].to_dict() == {"1433": True, "三服务": True, "亩均论英雄": False, "六保": True, "六稳": True}
    assert table["count"].sum() == 7


def test_formulations_counted_quoted_or_not() -> None:
    table = formulations(DOCS).set_index("formulation")
    assert table.loc["六稳"].to_dict() == {"count": 2, "quoted": 1, "n_docs": 2}
    assert table.loc["三服务"].to_dict() == {"count": 2, "quoted": 2, "n_docs": 2}
    assert "亩均论英雄" not in table.index  # a slogan, not a numbered formulation
    assert table.loc["千万工程", "count"] == 1  # 千村示范、万村整治: named by counting, so numbered


def test_sample_report_slogans(documents) -> None:
    table = slogans(documents)
    xiepu = table[table.doc_id == "001_3211566eb9366b4c"].set_index("slogan")
    assert xiepu.loc["千万工程", "count"] >= 1
    assert xiepu.loc["三商", "numbered"]

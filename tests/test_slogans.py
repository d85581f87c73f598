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


# Real excerpts: the same figures and characters as a formulation where no formulation is meant
REAL = pd.DataFrame({
    "doc_id": ["000", "003", "xushui", "national2005"],
    "text": [
        "坚持以市委“1433”战略体系为指引。精准帮扶“8000”以下收入农户;加快农村一二三产业融合发展;",  # sample 000
        "力争早日投产,实现年纳税8000万元以上。 “三产”融合促振兴。",  # sample 003
        "深入实施“1530”[20]工程，持续深度推进。“深入实施1530工程，促进教育高质量发展”",  # district_xushui_2024
        "新增发电装机容量5055万千瓦，铁路新线投产1433公里，新增公路通车里程",  # national_zhongguo_2005
    ],
})


def test_a_quoted_amount_is_no_slogan() -> None:
    table = slogans(REAL)
    assert "8000" not in set(table["slogan"])  # “8000”以下: an income threshold
    assert set(table.loc[table["numbered"], "slogan"]) == {"1433", "三产", "1530"}


def test_formulations_count_tokens_and_codes_before_their_heads() -> None:
    table = formulations(REAL).set_index("formulation")
    assert table.loc["三产"].to_dict() == {"count": 1, "quoted": 1, "n_docs": 1}  # not inside 一二三产业
    assert table.loc["1433"].to_dict() == {"count": 1, "quoted": 1, "n_docs": 1}  # not 1433公里 of railway
    assert table.loc["1530"].to_dict() == {"count": 2, "quoted": 1, "n_docs": 1}  # 1530工程 unquoted counts
    assert "8000" not in table.index  # neither the threshold nor 年纳税8000万元


def test_sample_report_slogans(documents) -> None:
    table = slogans(documents)
    xiepu = table[table.doc_id == "001_3211566eb9366b4c"].set_index("slogan")
    assert xiepu.loc["千万工程", "count"] >= 1
    assert xiepu.loc["三商", "numbered"]

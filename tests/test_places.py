"""Place resolution with the town-level gazetteer, on real sentences of the sample reports."""

from __future__ import annotations

import pytest

from govreports.corpus.places import gazetteer, level_from_text, resolve_place


def test_gazetteer_knows_same_named_towns() -> None:
    gaz = gazetteer()
    assert len(gaz.places) > 40_000
    assert len(gaz.by_name["航埠镇"]) == 2
    assert len(gaz.by_name["衙前镇"]) == 2
    (diankou,) = gaz.by_name["店口镇"]
    assert (diankou.county, diankou.city, diankou.province) == ("诸暨市", "绍兴市", "浙江省")


def test_longest_name_wins_when_scanning() -> None:
    counts = gazetteer().mentions("店口镇人民政府在店口镇召开会议")
    assert counts["店口镇"] == 2
    assert counts["口镇"] == 0


def test_same_named_town_resolved_by_its_county_and_city() -> None:
    body = "航埠智尚小镇成为柯城经济发展中的一台强有力的发动机。紧紧围绕全市加快建设“活力新衢州,美丽大花园”。"
    match = resolve_place("航埠镇十三五期间工作总结及十四五期间工作思路", body)
    assert match is not None
    assert (match.place.name, match.place.county, match.place.city, match.place.province) == (
        "航埠镇", "柯城区", "衢州市", "浙江省")
    assert "柯城" in match.evidence


def test_other_counties_mentioned_do_not_move_a_unique_town() -> None:
    body = "融杭基础设施建设加快推进,全市首条高架公路萧山至磐安公路顺利开工。“与杭同城”深入推进。"
    match = resolve_place("店口镇2020年度政府工作报告", body, publisher="店口镇")
    assert match is not None
    assert (match.place.county, match.place.city) == ("诸暨市", "绍兴市")


def test_anonymised_title_resolved_from_short_name_in_body() -> None:
    body = (
        "一年来,我们学深悟透习近平新时代中国特色社会主义思想,亮出衙前态度。争当萧山打造“重要窗口”示范样板的排头兵,"
        "坚决做到“中央有号令、省市作部署、萧山见行动、衙前抓落实”。激发衙前力量。创新衙前模式。"
        "东南网架等5家企业荣获首批杭州市“鲲鹏企业”。全镇人民幸福感获得感不断提升。"
    )
    match = resolve_place("xxx镇2021年党代会报告", body)
    assert match is not None
    assert (match.place.name, match.place.county, match.place.city) == ("衙前镇", "萧山区", "杭州市")
    assert "short name 衙前" in match.evidence


def test_common_word_short_names_are_not_places() -> None:
    body = "全镇上下加快建设,推进建设,建设美丽城镇。全镇经济稳步发展。"
    assert resolve_place(None, body) is None


def test_county_level_title() -> None:
    match = resolve_place("诸暨市2021年政府工作报告", "全市上下。全市经济。")
    assert match is not None
    assert (match.place.level, match.place.name, match.place.city) == ("county", "诸暨市", "绍兴市")


@pytest.mark.parametrize(
    ("title", "body", "level"),
    [
        ("xxx镇2021年党代会报告", "", "town"),
        ("", "全镇上下团结一心。我镇获得荣誉。", "town"),
        ("", "全县经济平稳。我县获评先进。", "county"),
        ("", "全省经济平稳。我省获评先进。", "province"),
        ("", "今年经济平稳。", None),
    ],
)
def test_level_from_text(title: str, body: str, level: str | None) -> None:
    assert level_from_text(title, body) == level

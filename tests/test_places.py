"""Place resolution with the town-level gazetteer, on real sentences of the sample reports."""

from __future__ import annotations

import os
import pickle
from collections import Counter

import pytest

from govreports.chinese.script import traditional_share
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


def _plain_scan(names: tuple[str, ...], text: str) -> Counter[str]:
    """The scan ``mentions`` used before its automaton: at each position the longest name starting there, then on
    after it."""
    index: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda name: (-len(name), name)):
        index.setdefault(name[:2], []).append(name)
    counts: Counter[str] = Counter()
    i = 0
    while i < len(text) - 1:
        for name in index.get(text[i : i + 2], ()):
            if text.startswith(name, i):
                counts[name] += 1
                i += len(name)
                break
        else:
            i += 1
    return counts


# Sentences of city_anshun_2024 (../shared/devcorpus/raw) where names overlap: 六马 and 马镇 inside 六马镇, 平通
# straddling 乐平|通用, 岭下 straddling 关岭|下坝, 镇宁 straddling 建设镇|宁 (the town 建设镇 is read, as before), 顺安
# straddling 安顺|安心; and one of the 店口镇 report (口镇 inside 店口镇).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("镇宁六马镇成为贵州省“绿水青山就是金山银山”实践创新基地。",
         [("镇宁", 1), ("六马镇", 1), ("贵州省", 1), ("绿水", 1), ("青山", 1), ("金山", 1), ("银山", 1)]),
        ("谋求通航产业突破发展，争取乐平通用机场、黄果树机场第二跑道纳入国家重点项目", [("乐平", 1), ("黄果树", 1)]),
        ("加快推进贵州能源普定电厂、关岭下坝抽水蓄能电站等项目前期工作，开工建设镇宁鱼凹光伏电站、关岭岗乌老屯坡风电场",
         [("贵州", 1), ("普定", 1), ("关岭", 2), ("下坝", 1), ("抽水", 1), ("建设镇", 1), ("岗乌", 1), ("老屯", 1)]),
        ("让广大企业家在安顺安心投资、顺心发展。", [("安顺", 1)]),
        ("店口镇人民政府在店口镇召开会议", [("店口镇", 2)]),
    ],
)
def test_automaton_finds_what_a_plain_scan_finds(sentence: str, expected: list[tuple[str, int]]) -> None:
    gaz = gazetteer()
    counts = gaz.mentions(sentence)
    assert list(counts.items()) == expected  # names in the order they first occur
    assert list(_plain_scan(gaz.names, sentence).items()) == expected


def test_a_text_with_a_lone_surrogate_is_scanned_without_the_automaton() -> None:
    # a lone surrogate cannot be written in UTF-8, which the automaton reads; the plain scan still counts
    assert gazetteer().mentions("\ud800店口镇人民政府在店口镇召开会议") == Counter({"店口镇": 2})


def test_a_pickled_gazetteer_builds_its_own_automaton() -> None:
    gaz = gazetteer()
    gaz.mentions("店口镇")
    copy = pickle.loads(pickle.dumps(gaz))
    assert "_automaton" not in copy.__dict__
    assert copy.mentions("镇宁六马镇成为贵州省“绿水青山就是金山银山”实践创新基地。")["六马镇"] == 1


def test_the_parsed_gazetteer_is_kept_in_the_user_cache_and_read_back(tmp_path, monkeypatch) -> None:
    """A process reads the gazetteer an earlier one parsed (the same places and names); a damaged file is parsed again
    and replaced; a folder that cannot be written costs only the time."""
    from govreports.corpus import places

    monkeypatch.setenv("GOVREPORTS_CACHE", str(tmp_path))
    parsed = places._parse_gazetteer()
    stored = places.user_cached("gazetteer", places._gazetteer_key(), places._parse_gazetteer, places.Gazetteer)
    (path,) = tmp_path.glob("gazetteer-*.pickle")
    read = places.user_cached("gazetteer", places._gazetteer_key(), _never, places.Gazetteer)
    for gaz in (stored, read):
        assert gaz.places == parsed.places and gaz.names == parsed.names and gaz.by_short == parsed.by_short
    assert read.mentions("诸暨市店口镇")["店口镇"] == 1
    path.write_bytes(path.read_bytes()[:1000])  # cut short
    again = places.user_cached("gazetteer", places._gazetteer_key(), places._parse_gazetteer, places.Gazetteer)
    assert again.names == parsed.names and pickle.loads(path.read_bytes()).names == parsed.names
    past = path.stat().st_mtime - 1_000
    os.utime(path, (past, past))
    for number in range(5):  # five more keys, each written after the one before: the four newest files are kept
        places.user_cached("gazetteer", f"key-{number}", lambda: parsed, places.Gazetteer)
        written = tmp_path / f"gazetteer-key-{number}.pickle"
        os.utime(written, (past + 1 + number, past + 1 + number))  # one second apart (file times can be coarser)
    assert sorted(p.name for p in tmp_path.glob("gazetteer-*.pickle")) == [f"gazetteer-key-{n}.pickle" for n in (1, 2, 3, 4)]
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GOVREPORTS_CACHE", str(blocked / "cache"))
    assert places.user_cached("gazetteer", "key", places._parse_gazetteer, places.Gazetteer).names == parsed.names


def test_without_a_home_folder_the_gazetteer_is_parsed_each_time(monkeypatch) -> None:
    """No GOVREPORTS_CACHE, no XDG_CACHE_HOME and no home folder (a user without a password entry): no cache, no
    failure."""
    from pathlib import Path

    from govreports.corpus import places
    from govreports.runtime.cache import user_cache_folder

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("GOVREPORTS_CACHE", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", homeless)
    assert user_cache_folder() is None
    monkeypatch.setattr(Path, "expanduser", lambda path: homeless())  # nor can ~ be expanded
    monkeypatch.setenv("GOVREPORTS_CACHE", "~/govreports-cache")
    assert user_cache_folder() is None
    monkeypatch.delenv("GOVREPORTS_CACHE")
    gaz = places.user_cached("gazetteer", places._gazetteer_key(), places._parse_gazetteer, places.Gazetteer)
    assert gaz.mentions("诸暨市店口镇")["店口镇"] == 1


def _never() -> None:
    raise AssertionError("parsed again although the cache holds the gazetteer")


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("栗江鎮人民政府", 1 / 7),  # 鎮
        ("2021年,栗江鎮在上級黨委政府的堅強領導下", 6 / 17),  # 鎮級黨堅領導 of 17 Han characters; 強, like 覆 and 著, is also simplified
        ("努力为湖南现代化、衡阳中心化贡献更大作为。", 0.0),
        ("覆盖全镇,显著提升。2021年", 0.0),  # 覆 and 著 are also simplified characters
        ("2021-01-15 ,。", 0.0),  # no Chinese character at all
    ],
)
def test_traditional_share_counts_telltale_characters_among_chinese_ones(text: str, share: float) -> None:
    assert traditional_share(text) == pytest.approx(share)


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


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path) -> None:
    """XDG_CACHE_HOME must be absolute (the XDG rules): a relative one, as in some container files, would put the
    cache under whatever folder a command runs in."""
    from pathlib import Path

    from govreports.runtime.cache import user_cache_folder

    monkeypatch.delenv("GOVREPORTS_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "~/.cache")
    assert user_cache_folder() == Path(tmp_path) / ".cache" / "govreports"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_folder() == tmp_path / "xdg" / "govreports"

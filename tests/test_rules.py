"""The reading rules are data: each file is read and checked, and a researcher's copy in ``GOVREPORTS_RULES`` changes
what is read (a one-line change per rule)."""

from __future__ import annotations

import shutil

import pytest

from govreports.corpus.metadata import document_type
from govreports.corpus.structure import section_of_heading
from govreports.indicators.lexicon import lexicon
from govreports.indicators.quantities import find_quantities
from govreports.indicators.statements import sentence_statements
from govreports.rules.files import RuleFileError, resource_path
from govreports.rules.reading import reading_rules
from govreports.runtime.cache import code_fingerprint

LEXICON = lexicon()
# Real target sentences: 2024 targets of several cities (及以上 is how some reports write a floor).
TARGETS = "今年经济社会发展的主要预期目标是：地区生产总值增长6%及以上，一般公共预算收入增长5%左右。"


def _targets(sentence: str) -> list[tuple[str, float, str, str]]:
    rows = sentence_statements(sentence, LEXICON, section="targets", report_year=2024, review="2023", plan="2024")
    return [(r.indicator, r.value, r.hedge, r.hedge_class) for r in rows]


@pytest.fixture
def own_rules(tmp_path, monkeypatch):
    """A researcher's rules folder, empty at first; files put there replace the package's of the same name."""
    monkeypatch.setenv("GOVREPORTS_RULES", str(tmp_path))
    return tmp_path


def _copy_with(folder, name: str, line: str) -> None:
    shutil.copy(resource_path(name), folder / name)
    with (folder / name).open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def test_package_rules_read_and_checked() -> None:
    rules = reading_rules()
    assert rules.hedge_class_of("以上") == "floor" and rules.hedge_class_of("以内") == "ceiling"
    assert rules.hedge_class_of("预计") is None
    assert rules.strongest({"approx", "floor"}) == "floor" and rules.strongest(set()) == "exact"
    assert rules.relative_years == {"今年": 0, "明年": 1, "去年": -1, "上年": -1}
    assert rules.weights["斤"] == ("吨", 0.0005) and rules.currencies["美元"] == "usd"
    assert rules.units_by_length.index("公斤") < rules.units_by_length.index("斤")
    assert set(rules.class_labels) == {"range", "floor", "ceiling", "aspiration", "approx", "exact", "none"}


def test_a_hedge_word_added_in_one_line_is_read_after_the_figure(own_rules) -> None:
    assert _targets(TARGETS)[0] == ("gdp", 6.0, "", "exact")  # 及以上 is not in the package's list
    _copy_with(own_rules, "hedges.csv", "及以上,after,floor,")
    assert _targets(TARGETS) == [("gdp", 6.0, "及以上", "floor"), ("general_budget_revenue", 5.0, "左右", "approx")]


def test_a_unit_added_in_one_line_is_read(own_rules) -> None:
    assert [q.unit for q in find_quantities("新增造林面积2.3万公顷")] == [None]  # 2.3万 with no unit
    _copy_with(own_rules, "units.csv", "公顷,count,,")
    assert [(q.value, q.unit) for q in find_quantities("新增造林面积2.3万公顷")] == [(23000.0, "公顷")]


def test_section_and_document_type_cues_from_the_files(own_rules) -> None:
    assert section_of_heading("一、2023年工作回顾") == "review"
    assert section_of_heading("三、奋力开创新局面") == "other"
    assert document_type("2023年某某镇人民政府工作总结") == "工作总结"
    _copy_with(own_rules, "section_cues.csv", "plan,开创新局面")
    assert section_of_heading("三、奋力开创新局面") == "plan"


def test_a_researchers_rules_change_the_cache_key(own_rules) -> None:
    with_empty_folder = code_fingerprint()
    assert code_fingerprint() == with_empty_folder
    _copy_with(own_rules, "hedges.csv", "及以上,after,floor,")
    with_a_rule = code_fingerprint()
    assert with_a_rule != with_empty_folder  # cached results made before the edit are not used after it
    (own_rules / "hedges.csv").unlink()
    assert code_fingerprint() == with_empty_folder


def test_a_broken_rule_names_its_file_and_line(own_rules) -> None:
    _copy_with(own_rules, "hedges.csv", "及以上,after,hard-floor,")
    with pytest.raises(RuleFileError, match=r"hedges\.csv:\d+: class 'hard-floor' is not one of"):
        reading_rules()


def test_lexicon_unit_kind_checked(tmp_path) -> None:
    path = tmp_path / "lexicon.csv"
    path.write_text("id,label,unit_kind,names\ntourism,旅游收入,Money,旅游总收入|旅游收入\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"lexicon\.csv:2: unit_kind 'Money' is not one of count, money"):
        lexicon(path)


def test_a_rule_file_in_a_subfolder_changes_the_cache_key(own_rules) -> None:
    before = code_fingerprint()
    (own_rules / "attention").mkdir()
    (own_rules / "attention" / "environment.txt").write_text("# name: environment\n生态环境\n", encoding="utf-8")
    assert code_fingerprint() != before  # locate() reads attention/… from the folder, so the key must see it

"""Segmentation: policy terms and numbers come out whole; segmenters never share state."""

from __future__ import annotations

import jieba
import pytest

from govreports.rules.files import WordEntry, read_word_list
from govreports.text.segment import Segmenter, stopwords


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("结合“园中园”建设,深化“亩均论英雄”改革,做优“四换三名”大文章。", "亩均论英雄"),  # sample 000
        ("一是“腾笼换鸟”破难题。", "腾笼换鸟"),  # sample 004
        ("实施“最多跑一次”改革和政府数字化转型。", "最多跑一次"),  # sample 002
        ("二、聚焦聚力实施“千万工程”,积极破难题、建机制,全域品质再提升", "千万工程"),  # sample 001
        ("全力推进“放管服”改革,营商环境不断优化。", "放管服"),  # sample 003
        ("全力推进“放管服”改革,营商环境不断优化。", "营商环境"),
        ("是全面推进乡村振兴的五年,更是五陂镇强抓机遇、乘势而上的五年。", "乡村振兴"),  # sample 003
        ("推动航埠大发展、快发展、高质量发展。", "高质量发展"),  # sample 000
        ("因地制宜发展新质生产力。", "新质生产力"),  # 2024 national report
        ("在高质量发展中促进共同富裕。", "共同富裕"),
        ("扎实做好六稳六保工作。", "六稳六保"),
        ("一般公共预算收入增长5.4%。", "一般公共预算收入"),
        ("规上工业增加值、固定资产投资、自营出口、居民人均可支配收入增速均保持在10%以上。", "规上工业增加值"),  # 002
        ("全社会固定资产投资从5.278亿元上升至20.81亿元,翻了两番。", "全社会固定资产投资"),  # 000
        ("规模以上工业增加值增长8.5%左右。", "规模以上工业增加值"),
        ("城镇居民人均可支配收入增长5.1%。", "城镇居民人均可支配收入"),
        ("社会消费品零售总额增长7.2%。", "社会消费品零售总额"),
    ],
)
def test_policy_terms_come_out_whole(segmenter: Segmenter, sentence: str, term: str) -> None:
    assert term in segmenter.cut(sentence)


# Real sentences (development corpus) where the policy dictionary held a phrase around the noun: the noun is a token
@pytest.mark.parametrize(
    ("sentence", "noun", "phrase"),
    [
        ("持续优化营商环境。", "营商环境", "优化营商环境"),  # city_baoding_2024
        ("深化放管服改革，", "放管服", "放管服改革"),  # county_dingxing_2020
        ("深入实施乡村振兴战略。", "乡村振兴", "乡村振兴战略"),  # city_fuzhou_2024
        ("创建省级生态文明建设示范县。", "生态文明", "生态文明建设"),  # city_bengbu_2024
        ("紧扣全面建成小康社会目标任务，", "小康社会", "全面建成小康社会"),  # county_anguo_2020
        ("着力稳增长、稳就业、稳物价、稳预期，", "就业", "稳就业"),  # city_bazhong_2024
        ("全力稳就业保就业。", "就业", "保就业"),  # city_guilin_2024
        ("坚持稳中求进工作总基调，", "稳中求进", "稳中求进工作总基调"),  # city_anshun_2024
        ("常态化推进扫黑除恶专项斗争，", "扫黑除恶", "扫黑除恶专项斗争"),  # city_fuzhou_2024
        ("加快创新驱动发展，", "创新驱动", "创新驱动发展"),  # city_changsha_2024
        ("坚持以人为本的新型城镇化，", "新型城镇化", "以人为本的新型城镇化"),  # city_tongren_2024
        ("抓好碧湖、温溪、壶镇省级小城市培育试点。", "小城市培育", "小城市培育试点"),  # city_lishui_2024
        ("实施“十三五规划”收官之年。", "十三五", "十三五规划"),  # county_tangxian_2020
    ],
)
def test_policy_nouns_are_not_swallowed_by_phrases_around_them(segmenter: Segmenter, sentence: str, noun: str,
                                                                phrase: str) -> None:
    tokens = segmenter.cut(sentence)
    assert noun in tokens and phrase not in tokens


# what may not stand around a policy term for a longer term to be in the dictionary (policy_terms.txt, "Rule")
_VERBS = ("优化", "扩大", "稳", "保", "全面建成", "防范化解", "推进", "加强", "深化", "实施", "加快", "推动", "打造")
_HEADS = ("改革", "战略", "建设", "专项斗争", "试点", "发展", "规划", "工作总基调", "工作", "行动", "工程建设")


def test_policy_dictionary_holds_no_phrase_around_one_of_its_terms() -> None:
    terms = read_word_list("policy_terms.txt").words
    phrases = [(term, inner) for term in terms for inner in terms if inner != term and inner in term
               and (term.removeprefix(inner) in _HEADS or term.removesuffix(inner) in _VERBS or
                    term.removesuffix(inner).endswith("的"))]
    assert phrases == []
    assert {"营商环境", "放管服", "新质生产力", "乡村振兴", "生态文明", "小康社会"} <= set(terms)
    assert not {"优化营商环境", "稳就业", "保就业", "稳企业", "扩大内需", "防范化解重大风险"} & set(terms)


@pytest.mark.parametrize("hmm", [True, False])
@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("地区生产总值从5.25亿元上升至9.05亿元,增长了72.38%", ["5.25亿元", "9.05亿元", "72.38%"]),
        ("全镇生产总值预计增长8.5%左右", ["8.5%"]),
        ("累计为中小企业授信16.45亿元", ["16.45亿元"]),
        ("实现税收12,345.6万元,同比增长0.5%", ["12,345.6万元", "0.5%"]),
        ("农民人均收入54165元、同比增长8.5%", ["54165元", "8.5%"]),
        ("完成清理煤矸石24.1万吨", ["24.1"]),
    ],
)
def test_numbers_never_break_apart(sentence: str, numbers: list[str], hmm: bool) -> None:
    tokens = Segmenter(hmm=hmm).tokenize(sentence)
    found = [token for token, _, kind in tokens if kind == "number"]
    assert found == numbers
    for token, start, _ in tokens:
        assert sentence[start : start + len(token)] == token


def test_letters_glued_to_digits_stay_dictionary_words() -> None:
    segmenter = Segmenter(extra_words=["PM2.5", "PM10"])
    assert segmenter.cut("PM2.5和PM10浓度下降") == ["PM2.5", "和", "PM10", "浓度", "下降"]


def test_segmenters_do_not_share_state() -> None:
    plain = Segmenter(policy_terms=False)
    before = plain.cut("坚持生态优先,推进腾笼换鸟")
    Segmenter(extra_words=["生态优先", "推进腾笼换鸟"]).cut("坚持生态优先")
    jieba.add_word("坚持生态优先")  # the global jieba state must not leak in either
    try:
        assert plain.cut("坚持生态优先,推进腾笼换鸟") == before
        assert Segmenter(policy_terms=False).cut("坚持生态优先,推进腾笼换鸟") == before
    finally:
        jieba.del_word("坚持生态优先")


def test_user_dictionary_file_adds_words(tmp_path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("# my terms\n五陂样板 10 n\n海绵小镇\n", encoding="utf-8")
    assert read_word_list(path).entries == (WordEntry("五陂样板", 10, "n"), WordEntry("海绵小镇"))
    tokens = Segmenter(user_dicts=[path]).cut("打造五陂样板,建设海绵小镇")
    assert "五陂样板" in tokens and "海绵小镇" in tokens


def test_bad_dictionary_line_names_the_file(tmp_path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("好词 12 n 多余\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt:1"):
        read_word_list(path)
    with pytest.raises(ValueError, match=r"bad.txt:1"):
        Segmenter(user_dicts=[path])
    with pytest.raises(FileNotFoundError, match=r"missing\.txt"):
        Segmenter(user_dicts=[tmp_path / "missing.txt"])


def test_fingerprint_changes_with_the_dictionary() -> None:
    assert Segmenter().fingerprint == Segmenter().fingerprint
    assert Segmenter().fingerprint != Segmenter(extra_words=["海绵小镇"]).fingerprint
    assert Segmenter().fingerprint != Segmenter(hmm=False).fingerprint


def test_policy_dictionary_has_at_least_300_terms() -> None:
    assert len(read_word_list("policy_terms.txt").words) >= 300


def test_stopword_layers() -> None:
    general = stopwords()
    both = stopwords(["general", "boilerplate"], extra=["航埠"])
    assert {"的", "和", "我们"} <= general
    assert "坚持" not in general and {"坚持", "推进", "加快", "全面", "航埠"} <= both


def test_rjieba_and_python_jieba_backends_give_the_same_tokens(documents) -> None:
    """The default backend (jieba-rs) and the Python original, loaded with the same policy dictionary and the same
    extra words (the corpus's places, whose frequencies the segmenter fixes), cut the sample reports alike."""
    from govreports.corpus.places import place_names
    from govreports.corpus.structure import paragraph_texts

    words = place_names(documents) | {"高质量发展新篇章"}  # a word in no dictionary: its frequency is suggested
    paragraphs = paragraph_texts(documents)
    fast = Segmenter(extra_words=words).tokens_table(paragraphs)
    slow = Segmenter(extra_words=words, backend="jieba").tokens_table(paragraphs)
    assert len(fast) > 10_000 and fast.equals(slow)


class _ThreeCharacterCut(Segmenter):
    """A segmenter whose backend cuts every text into pieces of three characters, across words, numbers, spaces and
    paragraph edges: what no real backend does, to exercise the rules that must hold whatever the backend cuts."""

    @property
    def _tokenizer(self):
        return lambda text: [text[i : i + 3] for i in range(0, len(text), 3)]


def test_a_number_replaces_the_tokens_it_overlaps_keeping_their_parts_outside_it() -> None:
    # cut as 增长1 | 2.5 | "%的 " | 202 | 0年: the number spans 12.5% and 2020 cross all five pieces, whose parts
    # outside them stay as they are ("的 " with its space)
    tokens = _ThreeCharacterCut(policy_terms=False).tokenize("增长12.5%的 2020年")
    assert tokens == [("增长", 0, "word"), ("12.5%", 2, "number"), ("的 ", 7, "word"), ("2020", 9, "number"),
                      ("年", 13, "word")]


# Lines of real reports (samples 000-004, the 2024 national report), put together so that paragraphs are cut at a
# space after a sentence end, before a heading marker and after a short heading; at 一是/二是; with indents of
# full-width spaces, a control character that str.strip removes, and numbers at the edges of paragraphs.
_EDGES = (
    "航埠镇2022年工作总结和2023年工作思路\n"
    "　　一、2022年工作回顾 全年实现地区生产总值增长 7%左右。 2021年实现税收12,345.6万元,同比增长0.5%\n"
    "\x1c一是“腾笼换鸟”破难题。二是PM2.5浓度下降3.2%,5G基站新建120个。三是农民人均收入54165元\n"
    "二、2023年工作思路 (一)主要目标 地区生产总值增长5.5%\n"
    "\n  航埠镇人民政府\n2023年1月10日\n"
)


@pytest.mark.parametrize("make", [Segmenter, lambda: _ThreeCharacterCut(policy_terms=False)],
                         ids=["jieba-rs", "three-character pieces"])
def test_reports_cut_whole_give_the_tokens_of_their_paragraphs(documents, make) -> None:
    """Segmenter.report_tokens cuts a report whole; its table is the one of cutting each paragraph. With pieces of
    three characters tokens cross paragraph edges, and those reports are cut paragraph by paragraph instead."""
    import pandas as pd

    from govreports.corpus.structure import paragraph_spans, paragraph_texts

    reports = pd.concat([documents[["doc_id", "text"]], pd.DataFrame({"doc_id": ["edges"], "text": [_EDGES]})],
                        ignore_index=True)
    assert len(paragraph_spans(_EDGES)) == 12
    segmenter = make()
    whole = segmenter.report_tokens(reports)
    assert whole.equals(segmenter.tokens_table(paragraph_texts(reports)))
    edges = whole[whole["doc_id"] == "edges"]
    assert not edges["token"].str.contains("\x1c").any()
    if isinstance(segmenter, _ThreeCharacterCut):
        return
    assert edges.loc[edges["kind"] == "number", "token"].tolist() == [
        "2022", "2023", "2022", "7%", "2021", "12,345.6万元", "0.5%", "3.2%", "120", "54165元", "2023", "5.5%",
        "2023", "1", "10"]
    assert "PM2.5" in set(edges["token"])  # digits glued to letters (PM2.5, 5G) are no number


def test_a_backend_that_drops_characters_is_refused() -> None:
    """Offsets are running sums of token lengths: tokens that do not cover their text would shift every offset."""

    class Dropping(Segmenter):
        @property
        def _tokenizer(self):
            return lambda text: [piece for piece in text.split(" ") if piece]

    with pytest.raises(RuntimeError, match="do not cover"):
        Dropping(policy_terms=False).tokenize("全年 增长5.5%")
    assert Dropping(policy_terms=False).tokenize("增长5.5%") == [("增长", 0, "word"), ("5.5%", 2, "number")]
    assert Segmenter().tokenize("") == []


def test_reports_cut_whole_cover_the_corner_cases_of_cutting_paragraphs() -> None:
    """No report, reports of whitespace only, reports out of doc_id order, and a token that runs from stripped
    whitespace into a paragraph (which a real backend never makes): the table of cutting paragraph by paragraph."""
    import pandas as pd

    from govreports.corpus.structure import paragraph_texts

    segmenter, pieces = Segmenter(), _ThreeCharacterCut(policy_terms=False)
    reports = pd.DataFrame({"doc_id": ["c", "a", "b"], "text": ["\t", " 增长5.5%", "全镇\n\n 一是稳增长。二是保民生。"]})
    for chosen in (reports.iloc[:0], reports.iloc[:1], reports):
        for cutter in (segmenter, pieces):
            assert cutter.report_tokens(chosen).equals(cutter.tokens_table(paragraph_texts(chosen)))
    assert pieces.report_tokens(reports.iloc[1:2])["token"].tolist() == ["增长", "5.5%"]  # " 增" runs into it
    assert segmenter.report_tokens(reports)["doc_id"].tolist()[:1] == ["a"]

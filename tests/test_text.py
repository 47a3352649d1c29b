"""Tests of text cleaning: character normalisation, line handling, break repair, t2s data."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import yantai_pledges
from yantai_pledges._data import load_table
from yantai_pledges.errors import EmptyInputError, InputError, YantaiPledgesError
from yantai_pledges.text import (
    Paragraph,
    clean,
    ends_sentence,
    normalize_characters,
    pinyin_glosses,
    repair_breaks,
)

SEED = Path(__file__).parent.parent / "seeds" / "000_bad21ed3cf753cea.txt"

# ---------------------------------------------------------------------------------------------
# Character normalisation: (raw, expected)

FULL_WIDTH_ROWS = [
    ("１２３", "123"),
    ("增长６．５％左右", "增长6.5%左右"),
    ("ＹＭＧ全媒体记者", "YMG全媒体记者"),
    ("ｇｄｐ", "gdp"),
    ("＋５％～－２％", "+5%～-2%"),  # ～ is not in the list: it stays
    ("2—3家", "2—3家"),  # the em dash of ranges stays
]
KEEP_PUNCTUATION_ROWS = [
    ("，。；：？！（）“”、", "，。；：？！（）“”、"),
    ("《烟台日报》", "《烟台日报》"),
    ("…—·", "…—·"),
]
SPACE_ROWS = [
    ("招远市委书记\u3000周伟", "招远市委书记 周伟"),  # ideographic space
    ("a\u00a0b", "a b"),  # no-break space
    ("a\tb", "a b"),
    ("a\u2003b", "a b"),  # em space
    ("a\u202fb", "a b"),  # narrow no-break space
]
INVISIBLE_ROWS = [
    ("a\u200bb", "ab"),  # zero-width space
    ("\ufeff开头", "开头"),  # byte-order mark
    ("a\x00b\x07c\x1bd", "abcd"),  # control characters
    ("a\u00adb", "ab"),  # soft hyphen
    ("a\u202eb", "ab"),  # right-to-left override
    ("a\ud800b", "ab"),  # a lone surrogate
]
LINE_END_ROWS = [
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("a\u2028b", "a\nb"),
    ("a\x0cb", "a\nb"),  # form feed: a page break
]
T2S_ROWS = [
    ("區市書記談", "区市书记谈"),
    ("棲霞市委書記", "栖霞市委书记"),
    ("經濟發展質量", "经济发展质量"),
    ("蘋果產業總產值", "苹果产业总产值"),
    ("億元", "亿元"),
    ("開門紅", "开门红"),
    ("鄭雲峰", "郑云峰"),
    ("發揮", "发挥"),
]
# Simplified text must pass through unchanged (characters that are also keys in OpenCC's table).
SIMPLIFIED_FIXED_ROWS = [
    ("哪吒", "哪吒"),
    ("乾坤", "乾坤"),
    ("蒜薹", "蒜薹"),
    ("显著", "显著"),
    ("后来余下的", "后来余下的"),
]
# Pinyin glosses of mirror sites (real pages in tests/fixtures/real: 朔州, 广西, 上海 copies) go;
# Latin in brackets that is not a tone-marked syllable stays.
PINYIN_GLOSS_ROWS = [
    ("地區(qū)生產(chǎn)總值突破5萬(wàn)元", "地区生产总值突破5万元"),
    ("5150.6萬標(biāo)準(zhǔn)箱", "5150.6万标准箱"),
    ("18個(gè)月", "18个月"),
    ("新聞發(fā)布會", "新闻发布会"),
    ("增长(GDP)", "增长(GDP)"),  # no tone mark: an abbreviation
    ("方案(a)", "方案(a)"),
    ("的(de)", "的(de)"),  # a neutral-tone gloss cannot be told from a letter: kept
    ("100(kāi)", "100(kāi)"),  # after a digit: not a gloss of a character
    ("開 (kāi)工", "开 (kāi)工"),  # glosses sit right after their character
]


@pytest.mark.parametrize(
    ("raw", "expected"),
    FULL_WIDTH_ROWS
    + KEEP_PUNCTUATION_ROWS
    + SPACE_ROWS
    + INVISIBLE_ROWS
    + LINE_END_ROWS
    + T2S_ROWS
    + SIMPLIFIED_FIXED_ROWS
    + PINYIN_GLOSS_ROWS,
)
def test_normalize_characters(raw: str, expected: str) -> None:
    assert normalize_characters(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), PINYIN_GLOSS_ROWS)
def test_pinyin_glosses_counts_what_is_dropped(raw: str, expected: str) -> None:
    gloss_characters = len(unicodedata.normalize("NFC", raw)) - len(expected)
    assert (pinyin_glosses(raw) > 0) == (gloss_characters > 0)


def test_dropped_glosses_are_a_warning() -> None:
    article = yantai_pledges.parse("2023年，全區(qū)新開(kāi)工項目30個。", translator=None)
    assert "全区新开工项目30个" in article.text
    assert any("2 pinyin glosses" in warning for warning in article.warnings)


def test_nfc() -> None:
    assert normalize_characters("e\u0301") == "é"


def test_seed_characters_are_fixed_points() -> None:
    raw = SEED.read_text(encoding="utf-8")
    assert normalize_characters(raw) == raw.replace("\r\n", "\n")


# ---------------------------------------------------------------------------------------------
# clean(): lines, offsets, errors


def test_clean_offsets_point_into_text() -> None:
    text, paragraphs = clean("  标题 \n\n\n正文第一段。\r\n  第二段。  ")
    assert text == "标题\n正文第一段。\n第二段。"
    assert [p.text for p in paragraphs] == ["标题", "正文第一段。", "第二段。"]
    for paragraph in paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text


def test_clean_shrinks_space_runs() -> None:
    text, _ = clean("潍坊市寒亭区委书记  \u3000 王勇")
    assert text == "潍坊市寒亭区委书记 王勇"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("——2025 年 1 月 15 日在会议上", "——2025年1月15日在会议上"),  # an e-paper's spaced date
        ("一、2024 年工作回顾", "一、2024年工作回顾"),
        ("增长 5 %，用 3 年时间", "增长 5 %，用 3年时间"),  # other spaces stay
    ],
)
def test_clean_joins_spaced_dates(raw: str, cleaned: str) -> None:
    assert clean(raw)[0] == cleaned


@pytest.mark.parametrize("raw", ["", " ", "\n\n", "\u3000\t\r\n", "\x00\x01\u200b"])
def test_clean_empty_input(raw: str) -> None:
    with pytest.raises(EmptyInputError) as caught:
        clean(raw)
    assert isinstance(caught.value, InputError)
    assert isinstance(caught.value, YantaiPledgesError)
    assert "text" in str(caught.value)


def test_clean_returns_paragraph_objects() -> None:
    _, paragraphs = clean("确保全年新开工项目130个以上。")
    assert paragraphs == [Paragraph("确保全年新开工项目130个以上。", 0, 16)]


# ---------------------------------------------------------------------------------------------
# Sentence ends

ENDS_SENTENCE_ROWS = [
    ("确保重点项目高质高效推进。", True),
    ("全力冲刺！", True),
    ("主要预期目标是：", True),
    ("……", True),
    ("一般公共预算收入增长5.5%；", True),
    ("努力打造“样板。”", True),
    ("确保全年引进项目10个以上。）", True),
    ("确保3月底前开工53个新项目、全", False),
    ("做大龙头“强心”，", False),
    ("牢固树立“产业立区、工业强区”", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), ENDS_SENTENCE_ROWS)
def test_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


# ---------------------------------------------------------------------------------------------
# Break repair: (lines, expected paragraphs)

SEED_BREAK_ROWS = [
    (
        ["总投资1850亿元的340个产业项目，确保3月底前开工53个新项目、全", "年新开工项目130个以上。"],
        ["总投资1850亿元的340个产业项目，确保3月底前开工53个新项目、全年新开工项目130个以上。"],
    ),
    (
        ["准确把握新形势、紧盯新政策，认真", "研究新举措，引入新变量。"],
        ["准确把握新形势、紧盯新政策，认真研究新举措，引入新变量。"],
    ),
    (
        ["推动饲料加工项目尽快达产，靶向招引化", "肥加工龙头企业；聚焦水果进口新业务。"],
        ["推动饲料加工项目尽快达产，靶向招引化肥加工龙头企业；聚焦水果进口新业务。"],
    ),
    (
        ["强化体育产业活力支撑，做大龙头“强心”，", "育强骨干“塑脊”，加快孵化“苗圃”。"],
        ["强化体育产业活力支撑，做大龙头“强心”，育强骨干“塑脊”，加快孵化“苗圃”。"],
    ),
    (
        ["我们将牢牢抓住产业培育这个根本，牢固树立“产业立区、工业强区”", "的理念，大力推进。"],
        ["我们将牢牢抓住产业培育这个根本，牢固树立“产业立区、工业强区”的理念，大力推进。"],
    ),
]
KEEP_APART_ROWS = [
    # headline, then speaker line
    (
        ["培强产业集群 壮大工业规模", "市委常委、副市长，开发区工委书记、管委主任 牟树青"],
        ["培强产业集群 壮大工业规模", "市委常委、副市长，开发区工委书记、管委主任 牟树青"],
    ),
    # speaker line, then body
    (
        ["莱山区委书记 罗建", "全市重点项目推进暨挂图作战指挥部动员会议吹响了冲锋号角。"],
        ["莱山区委书记 罗建", "全市重点项目推进暨挂图作战指挥部动员会议吹响了冲锋号角。"],
    ),
    # a body paragraph ending in a credit, then the next headline
    (
        ["争创高质量发展新优势。 YMG全媒体记者 童佳怡 整理", "项目发展风正劲 凝聚力量再出发"],
        ["争创高质量发展新优势。 YMG全媒体记者 童佳怡 整理", "项目发展风正劲 凝聚力量再出发"],
    ),
    # a paragraph without a final mark, then a credit line
    (
        ["努力为烟台迈入万亿级城市作出更大福山贡献", "YMG全媒体记者 邹春霞 整理"],
        ["努力为烟台迈入万亿级城市作出更大福山贡献", "YMG全媒体记者 邹春霞 整理"],
    ),
    # title, then date line
    (["区市书记谈", "2023年2月10日"], ["区市书记谈", "2023年2月10日"]),
    # a clause introducing a list
    (
        ["全市经济社会发展的主要预期目标是：", "地区生产总值增长6%左右；"],
        ["全市经济社会发展的主要预期目标是：", "地区生产总值增长6%左右；"],
    ),
    # an open sentence, then a point marker
    (
        ["为此要重点抓好以下几个方面的工作，", "一是加强组织领导。"],
        ["为此要重点抓好以下几个方面的工作，", "一是加强组织领导。"],
    ),
    # a title, then a news report's opening credit
    (
        ["莱山区召开项目建设突破年动员大会", "本报讯（记者 王明）2月10日，莱山区召开大会。"],
        ["莱山区召开项目建设突破年动员大会", "本报讯（记者 王明）2月10日，莱山区召开大会。"],
    ),
    # two headlines
    (["书记谈", "抓项目 促发展"], ["书记谈", "抓项目 促发展"]),
    # a column label, speaker and headline on one line longer than a heading (济南日报 两会访谈)
    (
        [
            "两会访谈｜莱芜区委书记 马国庆：坚持工业强区战略 推动新材料产业向“新”而行向“高”攀登",
            "过去一年，我们坚持工业强区战略",
        ],
        [
            "两会访谈｜莱芜区委书记 马国庆：坚持工业强区战略 推动新材料产业向“新”而行向“高”攀登",
            "过去一年，我们坚持工业强区战略",
        ],
    ),
]
EDGE_ROWS = [
    # a number broken across lines joins without a space; Latin words get one
    (["新增城市停车泊位，总投资达到30", "00万元。"], ["新增城市停车泊位，总投资达到3000万元。"]),
    (
        ["该项目由港口集团承建，合作方为Yantai", "Port公司。"],
        ["该项目由港口集团承建，合作方为Yantai Port公司。"],
    ),
    # a short line ending in 、 is a broken sentence, not a headline
    (["分口招商、", "产业招商、以商招商。"], ["分口招商、产业招商、以商招商。"]),
    # several breaks in a row
    (
        ["大力实施领导带头招商、分口招商、", "产业招商、以商招商；加快建设", "园区载体。"],
        ["大力实施领导带头招商、分口招商、产业招商、以商招商；加快建设园区载体。"],
    ),
]


@pytest.mark.parametrize(("lines", "expected"), SEED_BREAK_ROWS + KEEP_APART_ROWS + EDGE_ROWS)
def test_repair_breaks(lines: list[str], expected: list[str]) -> None:
    assert repair_breaks(lines) == expected


def test_hard_wrapped_text_is_reflowed() -> None:
    sentence = (
        "今年全市将实施重点项目一百二十个年度计划投资三百亿元力争地区生产总值增长百分之六以上"
    )
    wrapped = [sentence[i : i + 20] for i in range(0, len(sentence), 20)] * 1
    body = "，".join([sentence] * 4) + "。"
    lines = ["区市长谈开局", "莱山区委书记 罗建"]
    lines += [body[i : i + 20] for i in range(0, len(body), 20)]
    paragraphs = repair_breaks(lines)
    assert paragraphs == ["区市长谈开局", "莱山区委书记 罗建", body]
    assert len(wrapped) > 1


def test_seed_breaks_are_repaired() -> None:
    text, paragraphs = clean(SEED.read_text(encoding="utf-8"))
    assert "全年新开工项目130个以上" in text
    assert "认真研究新举措" in text
    assert "靶向招引化肥加工龙头企业" in text
    assert "做大龙头“强心”，育强骨干“塑脊”" in text
    assert "“产业立区、工业强区”的理念" in text
    assert "夯实县域经济发展根基" in text
    assert "分口招商、产业招商" in text
    assert len(paragraphs) == 60  # title + 8 × (headline, speaker, body, credit lines)


# ---------------------------------------------------------------------------------------------
# Robustness


def test_one_million_character_line() -> None:
    raw = "项目建设，" * 200_000
    text, paragraphs = clean(raw)
    assert len(paragraphs) == 1
    assert len(text) == 1_000_000


@pytest.mark.parametrize(
    "raw",
    [
        "\U0001f600" * 1000 + "\n" + "\u200d" * 1000,
        "（" * 10_000,
        "记者" * 10_000,
        "\n".join(["一是"] * 2000),
        "".join(chr(code) for code in range(0, 0x3000, 7)),
    ],
)
def test_junk_does_not_crash(raw: str) -> None:
    text, paragraphs = clean(raw)
    for paragraph in paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text


# ---------------------------------------------------------------------------------------------
# Data integrity: data/t2s.tsv


def test_t2s_table_is_one_to_one() -> None:
    rows = load_table("t2s")
    assert len(rows) > 4000
    sources = [row["traditional"] for row in rows]
    assert len(sources) == len(set(sources))
    for row in rows:
        assert len(row["traditional"]) == 1
        assert len(row["simplified"]) == 1
        assert row["traditional"] != row["simplified"]
        assert unicodedata.category(row["simplified"]).startswith("L")


def test_t2s_table_never_maps_onto_a_source() -> None:
    """Conversion is one pass: no simplified result may itself be converted again."""
    rows = load_table("t2s")
    sources = {row["traditional"] for row in rows}
    chained = [row for row in rows if row["simplified"] in sources]
    assert chained == []

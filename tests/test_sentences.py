"""Sentence splitting for machine translation (translation/sentences.py)."""

from __future__ import annotations

import time

import pytest

from yantai_pledges.errors import InputError
from yantai_pledges.translation.sentences import split_sentences

# (text, expected sentences)
SEED_ROWS = [
    (
        "一是以最强烈担当提增速、作贡献。瞄准“首季开门红、月月走在前”，在目标设定上抬高标杆。",
        [
            "一是以最强烈担当提增速、作贡献。",
            "瞄准“首季开门红、月月走在前”，在目标设定上抬高标杆。",
        ],
    ),
    (
        "确保3月底前开工53个新项目、全\n\n年新开工项目130个以上。",
        ["确保3月底前开工53个新项目、全", "年新开工项目130个以上。"],
    ),
    (
        "区市书记谈坚定不移推动高质量发展\n\n培强产业集群 壮大工业规模",
        ["区市书记谈坚定不移推动高质量发展", "培强产业集群 壮大工业规模"],
    ),
]
WORK_REPORT_ROWS = [
    (
        "今年主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%。",
        ["今年主要预期目标是：地区生产总值增长6%左右；", "一般公共预算收入增长5%。"],
    ),
    ("城镇新增就业1.1万人以上；", ["城镇新增就业1.1万人以上；"]),
]
OTHER_PAPER_ROWS = [
    (
        "他表示：“要全力以赴抓项目。”记者了解到，该项目总投资50亿元。",
        ["他表示：“要全力以赴抓项目。”", "记者了解到，该项目总投资50亿元。"],
    ),
    ("“能不能完成？”“一定能！”", ["“能不能完成？”", "“一定能！”"]),
    ("（记者 王某）", ["（记者 王某）"]),
]
EDGE_ROWS = [
    ("", []),
    ("   \n\t ", []),
    ("真的吗？！好。", ["真的吗？！", "好。"]),
    ("。。开头就是句号", ["。。", "开头就是句号"]),
    ("Growth was 5.5% in 2023. Target: 6%!", ["Growth was 5.5% in 2023. Target: 6%!"]),
    ("没有句号的标题", ["没有句号的标题"]),
    ("控制\x00字符\u200b与😀表情。", ["控制\x00字符\u200b与😀表情。"]),
    ("结尾只有标记\n。", ["结尾只有标记。"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), SEED_ROWS + WORK_REPORT_ROWS + OTHER_PAPER_ROWS + EDGE_ROWS
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "max_chars", "expected"),
    [
        ("一二三四五，六七八九十，甲乙丙丁。", 8, ["一二三四五，", "六七八九十，", "甲乙丙丁。"]),
        ("一二三四五六七八九十", 4, ["一二三四", "五六七八", "九十"]),
        ("ab cd ef gh", 6, ["ab cd", "ef gh"]),
    ],
)
def test_long_sentences_are_cut_at_clause_marks(
    text: str, max_chars: int, expected: list[str]
) -> None:
    assert split_sentences(text, max_chars=max_chars) == expected


def test_max_chars_must_be_positive() -> None:
    with pytest.raises(InputError, match="max_chars"):
        split_sentences("文本。", max_chars=0)


def test_nothing_is_lost() -> None:
    text = "年内新增规上工业企业30家。确保3月底前开工53个新项目；“力争”过半！"
    assert "".join(split_sentences(text)) == text


@pytest.mark.parametrize(
    "line",
    [
        "规" * 1_000_000,
        "。" * 1_000_000,
        "好。" * 500_000,
        "“" * 1_000_000,
        "a，" * 500_000,
    ],
    ids=["no-marks", "only-marks", "many-sentences", "only-quotes", "many-commas"],
)
def test_million_character_line_is_linear(line: str) -> None:
    started = time.perf_counter()
    sentences = split_sentences(line)
    assert time.perf_counter() - started < 10.0  # linear; quadratic would take hours
    assert all(len(sentence) <= 200 for sentence in sentences if "。" not in sentence)
    assert sum(len(sentence) for sentence in sentences) == len(line)

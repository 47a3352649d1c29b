"""Term protection around machine translation (translation/protect.py), with test doubles."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pytest

from yantai_pledges.errors import InputError, TranslationError
from yantai_pledges.translation.base import MockTranslator
from yantai_pledges.translation.protect import (
    MappingTermFinder,
    ProtectingTranslator,
    find_numbers,
    number_english,
    protect_sentence,
    restore_sentence,
    term_accuracy,
)

# Official renderings from /work/shared/reference/terms.md (and a name from the seed byline).
TERMS = {
    "规上工业企业": "industrial enterprises above designated size",
    "规模以上工业企业": "industrial enterprises above designated size",
    "一般公共预算收入": "general public budget revenue",
    "黄渤海新区": "Yantai Huang-Bohai New Area",
    "芝罘区": "Zhifu District",
    "开门红": "a good start",
    "牟树青": "Mou Shuqing",
    "工业": "industry",
}


class EchoTranslator:
    """Returns each text as is (a perfect placeholder-preserving model); ``edit`` damages
    the first text of each batch, the way a model sometimes garbles one sentence."""

    name = "echo"

    def __init__(self, edit: Callable[[str], str] = lambda text: text) -> None:
        self.edit = edit
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        self.calls.append(list(texts))
        return [self.edit(text) if index == 0 else text for index, text in enumerate(texts)]


# (Chinese number, English)
NUMBER_ROWS = [
    ("30", "30"),
    ("3.5", "3.5"),
    ("1,850", "1,850"),
    ("25%", "25%"),
    ("６％", "6%"),
    ("1850亿", "185 billion"),
    ("10亿", "1 billion"),
    ("2.5万亿", "2.5 trillion"),
    ("3万", "30,000"),
    ("1.1万", "11,000"),
    ("0.5亿", "50 million"),
    ("120万", "1.2 million"),
    ("1.25万", "12,500"),
    ("0.00001万", "0.1"),
]


@pytest.mark.parametrize(("zh", "en"), NUMBER_ROWS)
def test_numbers_get_exact_english(zh: str, en: str) -> None:
    spans = find_numbers(f"增长{zh}左右")
    assert [(span.zh, span.en) for span in spans] == [(zh, en)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("主要经济指标增速均高于全市平均1—2个百分点", ["1", "2"]),
        ("推进5G基站和PM2.5治理", []),
        ("确保3月底前开工53个新项目", ["53"]),
        ("2023年一季度", ["2023"]),
        ("4月15日前完成", []),
        ("G20峰会", []),
    ],
)
def test_which_numbers_are_protected(text: str, found: list[str]) -> None:
    assert [span.zh for span in find_numbers(text)] == found


def test_number_english_keeps_unknown_input() -> None:
    assert number_english("12", multiplier="千") == "12千"


def test_mapping_finder_prefers_longest_term() -> None:
    spans = MappingTermFinder(TERMS).find_terms("新增规模以上工业企业和工业项目")
    assert [(span.zh, span.kind) for span in spans] == [
        ("规模以上工业企业", "term"),
        ("工业", "term"),
    ]


def test_protect_and_restore_round_trip() -> None:
    sentence = "黄渤海新区年内新增规上工业企业30家、产值过10亿元企业3家。"
    protected = protect_sentence(sentence, MappingTermFinder(TERMS))
    for zh in ("黄渤海新区", "规上工业企业", "30", "10亿"):
        assert zh not in protected.text
    assert protected.text.count("ZX") == 5
    restored, problem = restore_sentence(protected.text, protected)
    assert problem is None
    assert restored == (
        "Yantai Huang-Bohai New Area 年内新增 industrial enterprises above designated size "
        "30 家、产值过 1 billion 元企业 3 家。"
    )


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda text: text.replace("ZXB", ""), "dropped ZXB"),
        (lambda text: text.replace("ZXA", "ZXA ZXA"), "repeated ZXA"),
        (lambda text: text + " ZYQ", "invented ZYQ"),
        (lambda text: text.replace("ZXA", "Zxa"), "dropped ZXA"),
    ],
    ids=["dropped", "duplicated", "invented", "case-changed"],
)
def test_damaged_placeholders_fail_safely(edit: Callable[[str], str], problem: str) -> None:
    translator = ProtectingTranslator(EchoTranslator(edit), TERMS)
    outputs = translator.translate_sentences(["芝罘区新增规上工业企业5家。今年开门红。"])
    assert outputs[0][0] is None
    assert outputs[0][1] is not None  # the other sentence of the text still comes through
    assert [failure.problem for failure in translator.failures] == [problem]
    assert problem in translator.warnings[0]
    assert translator.translate_batch(["芝罘区新增规上工业企业5家。"]) == [None]


def test_one_batched_call_for_all_sentences() -> None:
    inner = MockTranslator()
    translator = ProtectingTranslator(inner, TERMS)
    outputs = translator.translate_batch(["芝罘区开门红。一般公共预算收入增长6%。", "牟树青说"])
    assert len(inner.calls) == 1
    assert len(inner.calls[0]) == 3
    assert outputs == [
        "[en] Zhifu District a good start。 [en] general public budget revenue 增长 6%。",
        "[en] Mou Shuqing 说",
    ]


def test_placeholders_in_the_source_are_not_confused() -> None:
    translator = ProtectingTranslator(EchoTranslator(), TERMS)
    assert translator.translate_batch(["代号ZXA的芝罘区项目。"]) == [None]
    assert "placeholder-like" in translator.warnings[0]


def test_empty_text_and_no_terms() -> None:
    translator = ProtectingTranslator(EchoTranslator(), {})
    assert translator.translate_batch(["", "没有术语的句子。"]) == ["", "没有术语的句子。"]


def test_numbers_can_be_left_to_mt() -> None:
    translator = ProtectingTranslator(EchoTranslator(), TERMS, numbers=False)
    assert translator.translate_batch(["增长6%。"]) == ["增长6%。"]


def test_none_from_backend_is_not_a_placeholder_failure() -> None:
    class Silent:
        name = "silent"

        def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
            return [None for _ in texts]

    translator = ProtectingTranslator(Silent(), TERMS)
    assert translator.translate_batch(["芝罘区。"]) == [None]
    assert translator.failures == []


@dataclass(frozen=True)
class GlossaryMatch:
    """The shape of glossary.TermMatch (another engineer's module)."""

    start: int
    end: int
    zh: str
    en: str
    kind: str


class FakeGlossary:
    def find_terms(self, text: str) -> list[GlossaryMatch]:
        start = text.find("烟台")
        return [] if start < 0 else [GlossaryMatch(start, start + 2, "烟台", "Yantai", "place")]


def test_a_term_finder_object_is_accepted() -> None:
    translator = ProtectingTranslator(EchoTranslator(), FakeGlossary())
    assert translator.translate_batch(["烟台市增长5%。"]) == ["Yantai 市增长 5%。"]


def test_more_terms_than_placeholders() -> None:
    text = "、".join(["芝罘区"] * 150) + "。"
    translator = ProtectingTranslator(EchoTranslator(), TERMS, max_sentence_chars=1000)
    [output] = translator.translate_batch([text])
    assert output is not None
    assert output.count("Zhifu District") == 104
    assert output.count("芝罘区") == 46


# (sources, outputs, expected accuracy)
ACCURACY_ROWS = [
    (["芝罘区规上工业企业"], ["Zhifu District: industrial enterprises above designated size"], 1.0),
    (["芝罘区规上工业企业"], ["zhifu   district and industrial firms"], 0.5),
    (["芝罘区规上工业企业"], [None], 0.0),
    (["芝罘区", "芝罘区芝罘区"], ["Zhifu District", "Chefoo"], 0.5),
    (["没有术语"], ["no terms"], 1.0),
    ([], [], 1.0),
]


@pytest.mark.parametrize(("sources", "outputs", "expected"), ACCURACY_ROWS)
def test_term_accuracy(sources: list[str], outputs: list[str | None], expected: float) -> None:
    assert term_accuracy(sources, outputs, TERMS) == pytest.approx(expected)


def test_term_accuracy_needs_aligned_lists() -> None:
    with pytest.raises(InputError, match="one output per source"):
        term_accuracy(["a", "b"], ["a"], TERMS)


def test_protection_raises_term_accuracy() -> None:
    sources = ["芝罘区年内新增规上工业企业30家。", "一般公共预算收入增长6%。"]
    unprotected = MockTranslator().translate_batch(sources)
    protected = ProtectingTranslator(MockTranslator(), TERMS).translate_batch(sources)
    assert term_accuracy(sources, unprotected, TERMS) == 0.0
    assert term_accuracy(sources, protected, TERMS) == 1.0


@pytest.mark.parametrize(
    "line",
    ["9" * 1_000_000, "1,000" * 200_000, "芝罘区" * 333_333, "ZXA" * 333_333, "\x00😀" * 500_000],
    ids=["digits", "thousands", "terms", "placeholders", "control-and-emoji"],
)
def test_million_character_line_is_linear(line: str) -> None:
    translator = ProtectingTranslator(EchoTranslator(), TERMS)
    started = time.perf_counter()
    translator.translate_batch([line])
    assert time.perf_counter() - started < 10.0  # linear; quadratic would take hours


class ShortAnswer:
    """A broken backend that loses an output."""

    name = "broken"

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        outputs: list[str | None] = list(texts[:-1])
        return outputs


def test_backend_returning_too_few_outputs_is_an_error() -> None:
    translator = ProtectingTranslator(ShortAnswer(), TERMS)
    with pytest.raises(TranslationError, match="returned 1 translations for 2 sentences"):
        translator.translate_batch(["芝罘区。开门红。"])


def test_terms_win_over_numbers_they_contain() -> None:
    finder = MappingTermFinder({"中国企业500强": "China's top 500 enterprises"})
    protected = protect_sentence("新增中国企业500强2家、营收增长30%", finder)
    assert [english for _, english in protected.restore] == [
        "China's top 500 enterprises",
        "2",
        "30%",
    ]


def test_one_long_sentence_is_linear() -> None:
    translator = ProtectingTranslator(EchoTranslator(), TERMS, max_sentence_chars=1_000_000)
    started = time.perf_counter()
    translator.translate_batch(["芝罘区30" * 50_000])
    assert time.perf_counter() - started < 10.0

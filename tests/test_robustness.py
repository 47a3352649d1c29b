"""Robustness is a contract: junk into every stage, never a crash but the library's own errors.

Every stage takes the same junk table; ``parse`` also gets a hypothesis property test (never
raises anything but ``YantaiPledgesError``, spans always point at their text, JSON round-trips).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yantai_pledges
from yantai_pledges import Article, Milestone, Target, YantaiPledgesError
from yantai_pledges.extract.article_dates import infer_year
from yantai_pledges.extract.deadlines import find_deadlines
from yantai_pledges.extract.quantities import find_quantities
from yantai_pledges.extract.sentences import split_sentences
from yantai_pledges.extract.targets import extract_targets
from yantai_pledges.layout import split_statements
from yantai_pledges.sources import decode_bytes, html_to_text
from yantai_pledges.text import Paragraph, clean
from yantai_pledges.translation.glossary import default_glossary
from yantai_pledges.translation.names import person_name_english
from yantai_pledges.translation.places import place_english
from yantai_pledges.translation.positions import position_english

JUNK = [
    " ",
    "\x00\x01\x02",
    "\u200b\u200b\ufeff",
    "😀" * 50,
    "。。。，，，；；；",
    "“" * 100,
    "”“" * 100,
    "一是" * 200,
    "书记" * 300,
    "记者 整理" * 50,
    "1" * 5000,
    "1.2.3.4.5" * 200,
    "亿" * 1000,
    "万亿元" * 300,
    "2023年" * 300,
    "第" * 1000,
    "—" * 1000,
    "%" * 1000,
    "\n" * 1000 + "确保",
    "𠀀𪚥" * 100,
    "<html><script>x</script></html>",
    "ﾃｽﾄ",
    "\ud7ff\ue000\uffff",
    "确保全年新开工项目130个以上" * 3,
]

STAGES: dict[str, Callable[[str], object]] = {
    "clean": clean,
    "split_statements": lambda text: split_statements(text, [Paragraph(text, 0, len(text))]),
    "split_sentences": split_sentences,
    "find_quantities": find_quantities,
    "find_deadlines": lambda text: find_deadlines(text, 2023),
    "infer_year": infer_year,
    "extract_targets": lambda text: extract_targets([Paragraph(text, 0, len(text))], 2023),
    "decode_bytes": lambda text: decode_bytes(text.encode("utf-8", "surrogatepass")),
    "html_to_text": html_to_text,
    "glossary": lambda text: default_glossary().find_terms(text),
    "person_name_english": person_name_english,
    "place_english": place_english,
    "position_english": position_english,
    "parse": lambda text: yantai_pledges.parse(text, translator=None),
}


@pytest.mark.parametrize("junk", JUNK, ids=range(len(JUNK)))
@pytest.mark.parametrize("stage", sorted(STAGES))
def test_junk_never_crashes(stage: str, junk: str) -> None:
    with contextlib.suppress(YantaiPledgesError):  # a typed error is an acceptable answer
        STAGES[stage](junk)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\u3000\n"])
def test_empty_input_is_a_clear_error(text: str) -> None:
    with pytest.raises(yantai_pledges.EmptyInputError, match="empty"):
        yantai_pledges.parse(text)


def test_undecodable_bytes_is_a_clear_error() -> None:
    with pytest.raises(yantai_pledges.DecodingError):
        yantai_pledges.parse(bytes(range(128, 256)) * 3)


@pytest.mark.parametrize("year", [0, 1800, 3000, True, "2023", 2023.0])
def test_bad_year_is_a_clear_error(year: object) -> None:
    with pytest.raises(yantai_pledges.InputError, match="year"):
        yantai_pledges.parse("确保全年新开工项目130个以上。", year=year)  # type: ignore[arg-type]


def test_unstructured_text_gives_a_warning_not_an_error() -> None:
    article = yantai_pledges.parse("今天天气很好，我们去公园散步。", translator=None)
    assert article.warnings
    assert not article.targets


def _check_article(article: Article) -> None:
    for statement in article.statements:
        items: list[Target | Milestone] = [*statement.targets, *statement.milestones]
        for item in items:
            start, end = item.span
            assert article.text[start:end] == item.text.zh
    assert Article.model_validate_json(article.model_dump_json()) == article


PLEDGE_WORDS = st.sampled_from(
    [
        "确保",
        "力争",
        "年内",
        "3月底前",
        "新增",
        "企业",
        "30家",
        "2—3个",
        "1850亿元",
        "以上",
        "左右",
        "，",
        "。",
        "、",
        "；",
        "\n",
        "“",
        "”",
        "一是",
        "书记",
        " ",
        "万",
        "亿",
        "%",
        "突破",
        "2023年",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PLEDGE_WORDS, st.text(max_size=8)), max_size=40).map("".join))
def test_parse_never_crashes_and_spans_hold(text: str) -> None:
    try:
        article = yantai_pledges.parse(text, translator=None)
    except YantaiPledgesError:
        return
    _check_article(article)


def test_parse_time_is_linear_in_input_size() -> None:
    """A generous bound that only catches quadratic behaviour, not slowness: 10× input < 40× time."""
    unit = "一是确保全年新开工项目130个以上，力争实际使用外资突破10亿美元。\n" * 40

    def seconds(text: str) -> float:
        started = time.perf_counter()
        yantai_pledges.parse(text, translator=None)
        return time.perf_counter() - started

    seconds(unit)
    small = min(seconds(unit) for _ in range(3))
    large = min(seconds(unit * 10) for _ in range(2))
    assert large < 40 * small + 0.5


def test_one_million_character_line() -> None:
    line = "聚力攻坚突破，" * 140_000
    article = yantai_pledges.parse(line, translator=None)
    assert len(article.text) == len(line)


def test_many_figures_on_one_line_stay_linear() -> None:
    """A sentence-less line full of figures (a table pasted as text): bounded work per figure."""

    def seconds(copies: int) -> float:
        line = "确保全年新开工项目130个以上，" * copies
        started = time.perf_counter()
        article = yantai_pledges.parse(line, translator=None)
        assert len(article.targets) == copies
        return time.perf_counter() - started

    seconds(50)
    small = min(seconds(200) for _ in range(2))
    large = seconds(2000)
    assert large < 30 * small + 0.5

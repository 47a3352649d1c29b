"""Nothing lost: every non-blank character of ``Article.text`` is in a statement's span, in a
listed furniture line, or in an unplaced line that a warning names (issue 15, part 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

import yantai_pledges
from yantai_pledges import Article, FurnitureKind

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted([*(ROOT / "tests" / "fixtures").rglob("*.txt"), *(ROOT / "seeds").glob("*.txt")])


def uncovered(article: Article) -> list[tuple[int, str]]:
    """The non-blank characters of the text outside every statement and furniture span."""
    covered = bytearray(len(article.text))
    spans = [s.span for s in article.statements] + [f.span for f in article.furniture]
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    return [
        (offset, character)
        for offset, character in enumerate(article.text)
        if not covered[offset] and not character.isspace()
    ]


def check(article: Article) -> None:
    lost = uncovered(article)
    assert not lost, f"{len(lost)} characters in no span, first at {lost[0][0]}: {lost[:20]}"
    for part in article.furniture:
        start, end = part.span
        assert article.text[start:end] == part.text
        if part.kind is FurnitureKind.UNPLACED:
            assert any(f"[{start}, {end})" in warning for warning in article.warnings)
    starts = [part.span[0] for part in article.furniture]
    assert starts == sorted(starts)


def test_there_are_fixtures() -> None:
    assert len(ARTICLES) > 100


@pytest.mark.parametrize("path", ARTICLES, ids=[str(p.relative_to(ROOT)) for p in ARTICLES])
def test_every_character_is_in_a_statement_furniture_or_warning(path: Path) -> None:
    check(yantai_pledges.parse(path.read_bytes(), translator=None))


KIND_ROWS = [
    # (text, the furniture as (kind, text) rows)
    pytest.param(
        '=HYPERLINK("http://x","点击")\n\n区委书记 王建国\n\n确保全年新开工项目130个以上。',
        [(FurnitureKind.UNPLACED, '=HYPERLINK("http://x","点击")')],
        id="hostile-line-before-the-first-statement",
    ),
    pytest.param(
        "区市书记谈\n\n培强产业集群\n\n区委书记 王建国\n\n确保全年新开工项目130个以上。",
        [(FurnitureKind.TITLE, "区市书记谈")],
        id="title-above-the-headline",
    ),
    pytest.param(
        "首页 > 新闻中心 > 要闻\n\n区委书记 王建国\n\n确保全年新开工项目130个以上。\n\n"
        "【打印本页】【关闭窗口】",
        [
            (FurnitureKind.PAGE, "首页 > 新闻中心 > 要闻"),
            (FurnitureKind.PAGE, "【打印本页】【关闭窗口】"),
        ],
        id="page-lines-above-and-inside",
    ),
    pytest.param(
        "今年工作目标\n\n来源：烟台日报\n\n全年新开工项目130个以上，新增企业30家。",
        [(FurnitureKind.TITLE, "今年工作目标"), (FurnitureKind.PAGE, "来源：烟台日报")],
        id="running-text-with-metadata",
    ),
    pytest.param("确保全年新开工项目130个以上。", [], id="body-only"),
]


@pytest.mark.parametrize(("text", "expected"), KIND_ROWS)
def test_furniture_kinds(text: str, expected: list[tuple[FurnitureKind, str]]) -> None:
    article = yantai_pledges.parse(text, translator=None)
    assert [(part.kind, part.text) for part in article.furniture] == expected
    check(article)


def test_furniture_prints_its_kind_span_and_line() -> None:
    text = '=HYPERLINK("http://x","点击")\n\n区委书记 王建国\n\n确保增长6%。'
    article = yantai_pledges.parse(text, translator=None)
    assert [str(part) for part in article.furniture] == [
        'unplaced [0, 27): =HYPERLINK("http://x","点击")'
    ]

"""Hand-built Articles for exporter tests, in the style of a Yantai Daily statements page.

The text is written for these tests (invented officials and figures, the genre's phrasing): two
statements, each with a headline, a speaker with positions and jurisdiction, enumerated points,
targets (exact, range, at-least, about, more-than; a value in 亿元 with decimals; an achieved
figure; a context figure), milestones and a reporter credit. Every span is computed from the text,
so ``article.text[start:end]`` is the clause, as the parser guarantees.

``make_article(translated=False)`` leaves every ``en`` empty; the default fills most of them but
leaves a few ``None`` on purpose, as a partial machine translation would.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from yantai_pledges.extract.deadlines import find_deadlines
from yantai_pledges.models import (
    Article,
    Bilingual,
    Commitment,
    Comparator,
    Deadline,
    Jurisdiction,
    Milestone,
    Point,
    Quantity,
    Source,
    Speaker,
    Statement,
    Status,
    Target,
)

__all__ = ["ARTICLE_TEXT", "make_article", "make_articles"]

TITLE_ZH = "区市书记谈坚定不移推动高质量发展"
TITLE_EN = "District and city Party secretaries on unswervingly pursuing high-quality development"

HEADLINE_1 = "抓项目稳增长 全力冲刺开门红"
SPEAKER_LINE_1 = "市委常委，福山区委书记 刘建华"
PARAGRAPHS_1 = (
    "全市高质量发展集中观摩活动吹响了“比项目、拼发展、争一流”的冲锋号。福山区将锚定"
    "“工业强区、产业兴区”目标，持续掀起项目建设热潮，奋力夺取首季开门红。",
    "一是全力扩投资。强力推进总投资326.5亿元的58个重点项目，确保3月底前开工项目25个以上，"
    "全年固定资产投资增长8%左右。",
    "二是做强产业链。力争年内新增规上工业企业40家、上市公司2—3家，福山智能装备产业园6月底前建成投用。",
)
CREDIT_1 = "YMG全媒体记者 张晓 整理"

HEADLINE_2 = "向海图强 打造蓝色增长极"
SPEAKER_LINE_2 = "海阳市委书记 陈立新"
PARAGRAPHS_2 = (
    "海阳市将把2023年作为“项目攻坚年”，以核电产业和滨海文旅为两翼，加快建设现代化海滨城市。",
    "（一）聚焦核电产业。确保核电装备制造产业园9月建成，全年引进过亿元项目20个以上，"
    "实际使用外资突破1.5亿美元。",
    "（二）做优文旅品牌。去年接待游客860万人次，今年力争突破1000万人次。",
)
CREDIT_2 = "YMG全媒体记者 李娜 整理"


def _statement_block(
    headline: str, speaker_line: str, paragraphs: tuple[str, ...], credit: str
) -> str:
    return "\n\n".join((headline, speaker_line, *paragraphs[:-1], f"{paragraphs[-1]} {credit}"))


ARTICLE_TEXT = "\n\n".join(
    (
        TITLE_ZH,
        _statement_block(HEADLINE_1, SPEAKER_LINE_1, PARAGRAPHS_1, CREDIT_1),
        _statement_block(HEADLINE_2, SPEAKER_LINE_2, PARAGRAPHS_2, CREDIT_2),
    )
)


def _span(needle: str, start: int = 0) -> tuple[int, int]:
    """The span of the first ``needle`` at or after ``start`` (a factory bug if absent)."""
    index = ARTICLE_TEXT.index(needle, start)
    return (index, index + len(needle))


def _bi(zh: str, en: str | None, translated: bool) -> Bilingual:
    return Bilingual(zh=zh, en=en if translated else None)


def _count(raw: str, value: int, unit_zh: str, unit_en: str, translated: bool) -> Quantity:
    return Quantity(
        raw=raw,
        value=Decimal(value),
        unit=_bi(unit_zh, unit_en, translated),
        base_value=Decimal(value),
        base_unit="count",
    )


def _deadline(zh: str, en: str, date: dt.date | None, translated: bool) -> Deadline:
    deadline = parsed_deadline(zh, date.year if date is not None else None)
    deadline.text = _bi(zh, en, translated)
    return deadline


def parsed_deadline(zh: str, year: int | None) -> Deadline:
    """The Deadline the parser builds for the time expression ``zh`` in an article of ``year``."""
    (found,) = find_deadlines(zh, year)
    return Deadline.model_validate(found.fields())


def _statement_1(year: int, translated: bool) -> Statement:
    t = translated
    end_of_year = dt.date(year, 12, 31)
    block_start = ARTICLE_TEXT.index(HEADLINE_1)
    block_end = _span(CREDIT_1, block_start)[1]
    point_1 = _span("一是全力扩投资", block_start)
    point_2 = _span("二是做强产业链", block_start)
    return Statement(
        headline=_bi(
            HEADLINE_1, "Pursue projects, steady growth, race for a strong first quarter", t
        ),
        speaker=Speaker(
            name=_bi("刘建华", "Liu Jianhua", t),
            positions=[
                _bi(
                    "市委常委",
                    "Member of the Standing Committee of the CPC Yantai Municipal Committee",
                    t,
                ),
                _bi("福山区委书记", "Secretary of the CPC Fushan District Committee", t),
            ],
            jurisdiction=Jurisdiction(
                name=_bi("福山区", "Fushan District", t),
                code="370611",
                level="county",
                parent="370600",
            ),
        ),
        compiled_by=_bi("张晓", "Zhang Xiao", t),
        span=(block_start, block_end),
        paragraphs=[
            _bi(PARAGRAPHS_1[0], None, t),  # left untranslated on purpose: a partial MT run
            _bi(
                PARAGRAPHS_1[1],
                "First, expand investment with full force. Push ahead with 58 key projects with a "
                "total investment of 32.65 billion yuan, ensure that more than 25 projects start "
                "construction by the end of March, and fixed-asset investment grows by about 8% "
                "over the year.",
                t,
            ),
            _bi(
                PARAGRAPHS_1[2],
                "Second, strengthen industrial chains. Strive to add 40 industrial enterprises "
                "above designated size and 2-3 listed companies within the year; the Fushan "
                "intelligent equipment industrial park will be completed and put into use by the "
                "end of June.",
                t,
            ),
        ],
        points=[
            Point(
                ordinal=1,
                marker="一是",
                lead=_bi("全力扩投资", "expand investment with full force", t),
                paragraph=1,
                span=point_1,
            ),
            Point(
                ordinal=2,
                marker="二是",
                lead=_bi("做强产业链", "strengthen industrial chains", t),
                paragraph=2,
                span=point_2,
            ),
        ],
        targets=[
            Target(
                text=_bi(
                    "强力推进总投资326.5亿元的58个重点项目",
                    "push ahead with 58 key projects with a total investment of 32.65 billion yuan",
                    t,
                ),
                span=_span("强力推进总投资326.5亿元的58个重点项目", block_start),
                metric=_bi("重点项目总投资", "total investment in key projects", t),
                quantity=Quantity(
                    raw="326.5亿元",
                    value=Decimal("326.5"),
                    unit=_bi("亿元", "100 million yuan", t),
                    base_value=Decimal("32650000000"),
                    base_unit="CNY",
                ),
                comparator=Comparator.EXACT,
                status=Status.CONTEXT,
                summary=_bi(
                    "重点项目总投资326.5亿元。",
                    "Total investment in key projects: 32.65 billion yuan.",
                    t,
                ),
            ),
            Target(
                text=_bi(
                    "确保3月底前开工项目25个以上",
                    "ensure that more than 25 projects start construction by the end of March",
                    t,
                ),
                span=_span("确保3月底前开工项目25个以上", block_start),
                metric=_bi("开工项目", "projects starting construction", t),
                quantity=_count("25个", 25, "个", "", t),
                comparator=Comparator.AT_LEAST,
                deadline=_deadline("3月底前", "by the end of March", dt.date(year, 3, 31), t),
                commitment=Commitment.ENSURE,
                summary=_bi(
                    "确保3月底前开工项目不少于25个。",
                    "Ensure at least 25 projects start construction by 31 March.",
                    t,
                ),
            ),
            Target(
                text=_bi(
                    "全年固定资产投资增长8%左右",
                    "fixed-asset investment grows by about 8% over the year",
                    t,
                ),
                span=_span("全年固定资产投资增长8%左右", block_start),
                metric=_bi("固定资产投资增长", "fixed-asset investment growth", t),
                quantity=Quantity(
                    raw="8%",
                    value=Decimal(8),
                    unit=_bi("%", "%", t),
                    base_value=Decimal(8),
                    base_unit="%",
                ),
                comparator=Comparator.ABOUT,
                deadline=_deadline("全年", "for the full year", end_of_year, t),
                commitment=Commitment.ENSURE,
                summary=_bi(
                    "全年固定资产投资增长8%左右。",
                    "Fixed-asset investment to grow by about 8% in the full year.",
                    t,
                ),
            ),
            Target(
                text=_bi(
                    "力争年内新增规上工业企业40家",
                    "strive to add 40 industrial enterprises above designated size within the year",
                    t,
                ),
                span=_span("力争年内新增规上工业企业40家", block_start),
                metric=_bi(
                    "新增规上工业企业", "new industrial enterprises above designated size", t
                ),
                quantity=_count("40家", 40, "家", "enterprises", t),
                comparator=Comparator.EXACT,
                deadline=_deadline("年内", "within the year", end_of_year, t),
                commitment=Commitment.STRIVE,
                summary=_bi(
                    "力争年内新增规上工业企业40家。",
                    "Strive to add 40 industrial enterprises above designated size by 31 December.",
                    t,
                ),
            ),
            Target(
                text=_bi("上市公司2—3家", "2-3 listed companies", t),
                span=_span("上市公司2—3家", block_start),
                metric=_bi("新增上市公司", "new listed companies", t),
                quantity=Quantity(
                    raw="2—3家",
                    low=Decimal(2),
                    high=Decimal(3),
                    unit=_bi("家", "companies", t),
                    base_low=Decimal(2),
                    base_high=Decimal(3),
                    base_unit="count",
                ),
                comparator=Comparator.RANGE,
                deadline=_deadline("年内", "within the year", end_of_year, t),
                commitment=Commitment.STRIVE,
                summary=None,  # no summary composed: exercises an empty cell
            ),
        ],
        milestones=[
            Milestone(
                text=_bi(
                    "福山智能装备产业园6月底前建成投用",
                    "the Fushan intelligent equipment industrial park will be completed and put "
                    "into use by the end of June",
                    t,
                ),
                span=_span("福山智能装备产业园6月底前建成投用", block_start),
                deadline=_deadline("6月底前", "by the end of June", dt.date(year, 6, 30), t),
                commitment=Commitment.STRIVE,
                summary=_bi(
                    "福山智能装备产业园6月底前建成投用。",
                    "Fushan intelligent equipment industrial park to open by 30 June.",
                    t,
                ),
            )
        ],
    )


def _statement_2(year: int, translated: bool) -> Statement:
    t = translated
    end_of_year = dt.date(year, 12, 31)
    block_start = ARTICLE_TEXT.index(HEADLINE_2)
    block_end = _span(CREDIT_2, block_start)[1]
    return Statement(
        headline=_bi(HEADLINE_2, "Build strength from the sea, create a blue growth pole", t),
        speaker=Speaker(
            name=_bi("陈立新", "Chen Lixin", t),
            positions=[_bi("海阳市委书记", "Secretary of the CPC Haiyang Municipal Committee", t)],
            jurisdiction=Jurisdiction(
                name=_bi("海阳市", "Haiyang", t),
                code="370687",
                level="county",
                parent="370600",
            ),
        ),
        compiled_by=_bi("李娜", None, t),  # credit left untranslated
        span=(block_start, block_end),
        paragraphs=[
            _bi(
                PARAGRAPHS_2[0],
                "Haiyang will make 2023 a 'year of tackling projects', with the nuclear power "
                "industry and coastal tourism as its two wings, and speed up building a modern "
                "seaside city.",
                t,
            ),
            _bi(
                PARAGRAPHS_2[1],
                "(1) Focus on the nuclear power industry. Ensure the nuclear equipment "
                "manufacturing industrial park is completed in September, attract more than 20 "
                "projects worth over 100 million yuan each during the year, and actual use of "
                "foreign investment exceeds 150 million US dollars.",
                t,
            ),
            _bi(
                PARAGRAPHS_2[2],
                "(2) Improve the cultural tourism brand. Last year 8.6 million tourist visits "
                "were received; this year strive to exceed 10 million.",
                t,
            ),
        ],
        points=[
            Point(
                ordinal=1,
                marker="（一）",
                lead=_bi("聚焦核电产业", "focus on the nuclear power industry", t),
                paragraph=1,
                span=_span("（一）聚焦核电产业", block_start),
            ),
            Point(
                ordinal=2,
                marker="（二）",
                lead=_bi("做优文旅品牌", "improve the cultural tourism brand", t),
                paragraph=2,
                span=_span("（二）做优文旅品牌", block_start),
            ),
        ],
        targets=[
            Target(
                text=_bi(
                    "全年引进过亿元项目20个以上",
                    "attract more than 20 projects worth over 100 million yuan each during the "
                    "year",
                    t,
                ),
                span=_span("全年引进过亿元项目20个以上", block_start),
                metric=_bi("引进过亿元项目", "projects attracted worth over 100 million yuan", t),
                quantity=_count("20个", 20, "个", "", t),
                comparator=Comparator.AT_LEAST,
                deadline=_deadline("全年", "for the full year", end_of_year, t),
                commitment=Commitment.ENSURE,
                summary=_bi(
                    "确保全年引进过亿元项目不少于20个。",
                    "Ensure at least 20 projects worth over 100 million yuan are attracted in the "
                    "full year.",
                    t,
                ),
            ),
            Target(
                text=_bi(
                    "实际使用外资突破1.5亿美元",
                    "actual use of foreign investment exceeds 150 million US dollars",
                    t,
                ),
                span=_span("实际使用外资突破1.5亿美元", block_start),
                metric=_bi("实际使用外资", "actual use of foreign investment", t),
                quantity=Quantity(
                    raw="1.5亿美元",
                    value=Decimal("1.5"),
                    unit=_bi("亿美元", "100 million US dollars", t),
                    base_value=Decimal(150000000),
                    base_unit="USD",
                ),
                comparator=Comparator.MORE_THAN,
                deadline=_deadline("全年", "for the full year", end_of_year, t),
                commitment=Commitment.ENSURE,
                summary=_bi(
                    "确保实际使用外资超过1.5亿美元。",
                    "Ensure actual use of foreign investment exceeds 150 million US dollars.",
                    t,
                ),
            ),
            Target(
                text=_bi(
                    "去年接待游客860万人次",
                    "Last year 8.6 million tourist visits were received",
                    t,
                ),
                span=_span("去年接待游客860万人次", block_start),
                metric=_bi("接待游客", "tourist visits received", t),
                quantity=Quantity(
                    raw="860万人次",
                    value=Decimal(860),
                    unit=_bi("万人次", "10,000 visits", t),
                    base_value=Decimal(8600000),
                    base_unit="person-times",
                ),
                comparator=Comparator.EXACT,
                deadline=_deadline("去年", "last year", dt.date(year - 1, 12, 31), t),
                status=Status.ACHIEVED,
                summary=_bi(
                    "去年接待游客860万人次。",
                    "Tourist visits received last year: 8.6 million.",
                    t,
                ),
            ),
            Target(
                text=_bi(
                    "今年力争突破1000万人次",
                    "this year strive to exceed 10 million",
                    t,
                ),
                span=_span("今年力争突破1000万人次", block_start),
                metric=_bi("接待游客", "tourist visits received", t),
                quantity=Quantity(
                    raw="1000万人次",
                    value=Decimal(1000),
                    unit=_bi("万人次", "10,000 visits", t),
                    base_value=Decimal(10000000),
                    base_unit="person-times",
                ),
                comparator=Comparator.MORE_THAN,
                deadline=_deadline("今年", "this year", end_of_year, t),
                commitment=Commitment.STRIVE,
                summary=_bi(
                    "力争今年接待游客超过1000万人次。",
                    "Strive for more than 10 million tourist visits this year.",
                    t,
                ),
            ),
        ],
        milestones=[
            Milestone(
                text=_bi(
                    "确保核电装备制造产业园9月建成",
                    "ensure the nuclear equipment manufacturing industrial park is completed in "
                    "September",
                    t,
                ),
                span=_span("确保核电装备制造产业园9月建成", block_start),
                deadline=_deadline("9月", "in September", dt.date(year, 9, 30), t),
                commitment=Commitment.ENSURE,
                summary=None,
            )
        ],
    )


def make_article(*, translated: bool = True, year: int = 2023, title: str = TITLE_ZH) -> Article:
    """A two-statement article; ``translated=False`` leaves every English field ``None``."""
    return Article(
        title=_bi(title, TITLE_EN, translated),
        year=year,
        text=ARTICLE_TEXT,
        statements=[_statement_1(year, translated), _statement_2(year, translated)],
        warnings=["statement 2: the reporter credit has no date line"],
        translation=(
            {
                "names": "glossary",
                "terms": "glossary",
                "paragraphs": "argos",
                "summaries": "template",
            }
            if translated
            else {}
        ),
        source=Source(path="yantai_daily/2023-02-08.txt", encoding="utf-8", sha256="0" * 64),
    )


def make_articles(count: int, *, translated: bool = True) -> list[Article]:
    """``count`` articles, numbered in the title so rows can be told apart."""
    articles = []
    for number in range(1, count + 1):
        article = make_article(translated=translated, title=f"{TITLE_ZH}（{number}）")
        articles.append(article)
    return articles

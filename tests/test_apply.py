"""translate_article: every structured en filled by rule, free text in one batched call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import pytest

import yantai_pledges
from factories import parsed_deadline
from yantai_pledges.errors import TranslationError
from yantai_pledges.models import (
    Article,
    Bilingual,
    Commitment,
    Comparator,
    Jurisdiction,
    Milestone,
    Point,
    Quantity,
    Speaker,
    Statement,
    Target,
)
from yantai_pledges.translation.apply import translate_article
from yantai_pledges.translation.base import MockTranslator
from yantai_pledges.translation.glossary import load_glossary

Y23 = dt.date(2023, 12, 31)

# The seed's eight speakers: (name, positions, jurisdiction, reporter)
SEED_SPEAKERS = [
    ("牟树青", ["市委常委", "副市长", "开发区工委书记", "管委主任"], "黄渤海新区", "童佳怡"),
    ("包华", ["市委常委", "栖霞市委书记"], "栖霞市", "赵巍巍"),
    ("李良", ["芝罘区委书记"], "芝罘区", "钟嘉琳"),
    ("罗建", ["莱山区委书记"], "莱山区", "徐睿"),
    (
        "于锋",
        ["市委常委", "秘书长", "长岛综合试验区工委书记", "管委主任"],
        "长岛综合试验区",
        "苗春雷",
    ),
    ("王克文", ["烟台综合保税区工委书记", "管委主任"], "烟台综合保税区", "信召红"),
    ("李金涛", ["福山区委书记"], "福山区", "邹春霞"),
    ("殷锡瑞", ["牟平区委书记"], "牟平区", "全百惠"),
]


def seed_target() -> Target:
    return Target(
        text=Bilingual(zh="全年新开工项目130个以上"),
        span=(0, 12),
        metric=Bilingual(zh="新开工项目"),
        quantity=Quantity(
            raw="130个以上", value=Decimal(130), unit=Bilingual(zh="个"), base_value=Decimal(130),
            base_unit="count",
        ),
        comparator=Comparator.AT_LEAST,
        deadline=parsed_deadline("全年", 2023),
        commitment=Commitment.ENSURE,
    )  # fmt: skip


def unknown_metric_target() -> Target:
    return Target(
        text=Bilingual(zh="某某指标达到5个"),
        span=(0, 8),
        metric=Bilingual(zh="某某指标"),
        quantity=Quantity(raw="5个", value=Decimal(5), unit=Bilingual(zh="个"), base_unit="count"),
        comparator=Comparator.EXACT,
    )


def seed_milestone() -> Milestone:
    return Milestone(
        text=Bilingual(zh="八角湾创新科技职业学院9月启用"),
        span=(0, 15),
        deadline=parsed_deadline("9月", 2023),
        commitment=Commitment.ENSURE,
    )


def build_article() -> Article:
    statements = []
    for index, (name, positions, jurisdiction, reporter) in enumerate(SEED_SPEAKERS):
        statements.append(
            Statement(
                headline=Bilingual(zh="项目为王" if index == 2 else f"标题{index}"),
                speaker=Speaker(
                    name=Bilingual(zh=name),
                    positions=[Bilingual(zh=p) for p in positions],
                    jurisdiction=Jurisdiction(name=Bilingual(zh=jurisdiction)),
                ),
                compiled_by=Bilingual(zh=reporter),
                span=(0, 10),
                paragraphs=[Bilingual(zh="段落一。"), Bilingual(zh=f"段落{index}。")],
                points=[Point(ordinal=1, marker="一是", lead=Bilingual(zh="树牢项目为王"),
                              paragraph=0, span=(0, 2))],
                targets=[seed_target(), unknown_metric_target()],
                milestones=[seed_milestone()],
            )
        )  # fmt: skip
    return Article(title=Bilingual(zh="区市书记谈坚定不移推动高质量发展"), year=2023, text="x" * 10,
                   statements=statements)  # fmt: skip


def all_bilinguals(article: Article) -> list[Bilingual]:
    fields: list[Bilingual] = [article.title] if article.title else []
    for statement in article.statements:
        fields += [f for f in (statement.headline, statement.compiled_by) if f]
        fields += statement.paragraphs + [point.lead for point in statement.points]
        if statement.speaker:
            fields += [statement.speaker.name, *statement.speaker.positions]
            fields += (
                [statement.speaker.jurisdiction.name] if statement.speaker.jurisdiction else []
            )
        for target in statement.targets:
            fields += [target.text, target.metric, target.quantity.unit]
            fields += [target.deadline.text] if target.deadline else []
            fields += [target.summary] if target.summary else []
        for milestone in statement.milestones:
            fields += [milestone.text, milestone.deadline.text]
            fields += [milestone.summary] if milestone.summary else []
    return fields


def test_structured_fields_without_translator() -> None:
    article = build_article()
    result = translate_article(article, city="烟台")  # the factory's text names no city
    assert result is not article
    assert all(field.en is None for field in all_bilinguals(article))  # the input is untouched
    first = result.statements[0]
    assert first.speaker is not None
    assert first.speaker.jurisdiction is not None
    assert first.speaker.name.en == "Mou Shuqing"
    yeda = "the Yantai Economic and Technological Development Area"
    assert [p.en for p in first.speaker.positions] == [
        "Member of the Standing Committee of the CPC Yantai Municipal Committee",
        "Vice Mayor of Yantai",
        f"Secretary of the CPC Working Committee of {yeda}",
        f"Director of the Management Committee of {yeda}",
    ]
    assert first.speaker.jurisdiction.name.en == "Yantai Huang-Bohai New Area"
    assert first.compiled_by is not None
    assert first.compiled_by.en == "Tong Jiayi"
    target = first.targets[0]
    assert target.metric.en == "new projects starting construction"
    assert target.quantity.unit.en == ""
    assert target.deadline is not None
    assert target.deadline.text.en == "in 2023"
    assert target.summary == Bilingual(
        zh="全年新开工项目130个以上",
        en="Ensure at least 130 new projects start construction in 2023.",
    )
    assert first.targets[1].metric.en is None
    assert first.targets[1].summary is not None
    assert first.targets[1].summary.en == "Pledge: 5 (某某指标)."
    assert first.milestones[0].summary is not None
    assert (
        first.milestones[0].summary.en
        == "Ensure opening (八角湾创新科技职业学院) in September 2023."
    )
    assert first.paragraphs[0].en is None
    assert first.headline is not None
    assert first.headline.en is None
    assert result.statements[2].headline is not None
    assert result.statements[2].headline.en == "projects come first"  # an exact glossary entry
    assert result.translation == {"structured": "glossary", "free_text": "none"}


@pytest.mark.parametrize(("index", "speaker"), list(enumerate(SEED_SPEAKERS)))
def test_every_seed_speaker_filled(index: int, speaker: tuple[str, list[str], str, str]) -> None:
    statement = translate_article(build_article()).statements[index]
    assert statement.speaker is not None
    for field in [statement.speaker.name, *statement.speaker.positions, statement.compiled_by]:
        assert field is not None
        assert field.en, field
        assert field.en.isascii()


def test_free_text_in_one_batched_call() -> None:
    translator = MockTranslator(name="mock-mt")
    result = translate_article(build_article(), translator)
    assert len(translator.calls) == 1
    batch = translator.calls[0]
    assert len(batch) == len(set(batch))  # each distinct text once
    assert "某某指标" in batch
    assert "新开工项目" not in batch
    assert all(field.en is not None for field in all_bilinguals(result)), "every en is filled"
    first = result.statements[0]
    assert first.paragraphs[0].en == "[en] 段落一。"
    assert first.targets[0].text.en == "[en] 全年新开工项目130个以上"
    assert first.targets[1].metric.en == "[en] 某某指标"
    assert first.targets[1].summary is not None
    assert first.targets[1].summary.en == "Pledge: 5 (某某指标)."  # never MT in summaries
    assert result.translation == {"structured": "glossary", "free_text": "mock-mt"}


def test_user_glossary_is_used() -> None:
    glossary = load_glossary({"某某指标": "widget index", "标题0": "Headline zero"})
    result = translate_article(build_article(), glossary=glossary)
    assert result.statements[0].targets[1].metric.en == "widget index"
    assert result.statements[0].headline is not None
    assert result.statements[0].headline.en == "Headline zero"


class _Broken:
    name = "broken"

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        raise RuntimeError("model crashed")


class _Short:
    name = "short"

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        return [None]


class _Declines:
    name = "declines"

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        return [None for _ in texts]


@pytest.mark.parametrize(
    ("translator", "message"), [(_Broken(), "model crashed"), (_Short(), "one result")]
)
def test_translator_failures_raise_translation_error(
    translator: _Broken | _Short, message: str
) -> None:
    with pytest.raises(TranslationError, match=message):
        translate_article(build_article(), translator)


def test_translator_may_decline() -> None:
    result = translate_article(build_article(), _Declines())
    assert result.statements[0].paragraphs[0].en is None
    assert result.statements[0].speaker is not None
    assert result.statements[0].speaker.name.en == "Mou Shuqing"


def test_empty_article_makes_no_call() -> None:
    translator = MockTranslator()
    result = translate_article(Article(text="x"), translator)
    assert translator.calls == []
    assert result.translation["free_text"] == "mock"


def test_junk_speaker_does_not_crash() -> None:
    article = Article(
        text="x",
        statements=[Statement(span=(0, 1), speaker=Speaker(name=Bilingual(zh="李" * 1_000_000),
                                                           positions=[Bilingual(zh="🙂\x00")]),
                              compiled_by=Bilingual(zh=""))],
    )  # fmt: skip
    result = translate_article(article)
    speaker = result.statements[0].speaker
    assert speaker is not None
    assert speaker.name.en is None
    assert speaker.positions[0].en == "🙂\x00"


def test_city_of_bare_municipal_posts_comes_from_the_article() -> None:
    def vice_mayor(text: str) -> str | None:
        article = yantai_pledges.parse(text + "\n\n副市长 李明\n\n确保全年新开工项目130个以上。")
        speaker = article.statements[-1].speaker
        assert speaker is not None
        return speaker.positions[0].en

    assert vice_mayor("株洲日报 2024年4月18日\n\n株洲招商引资开门红") == "Vice Mayor of Zhuzhou"
    assert vice_mayor("烟台市高质量发展观摩") == "Vice Mayor of Yantai"
    assert vice_mayor("人民日报 2024年4月18日\n\n人民至上") == "Vice Mayor"  # a national paper
    assert vice_mayor("项目建设开门红") == "Vice Mayor"  # no city named: none assumed


def test_translation_reads_the_city_the_parser_stored() -> None:
    text = "烟台市高质量发展观摩\n\n副市长 李明\n\n确保全年新开工项目130个以上。"
    article = yantai_pledges.parse(text, translator=None)
    assert article.city == "烟台市"
    moved = article.model_copy(update={"city": "潍坊市"})  # as a user may correct it
    speaker = translate_article(moved).statements[-1].speaker
    assert speaker is not None
    assert speaker.positions[0].en == "Vice Mayor of Weifang"
    nowhere = article.model_copy(update={"city": None})  # the parser found none: none assumed
    speaker = translate_article(nowhere).statements[-1].speaker
    assert speaker is not None
    assert speaker.positions[0].en == "Vice Mayor"

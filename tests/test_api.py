"""The public API: a small, sorted, complete ``__all__`` and one exception base."""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

import yantai_pledges
import yantai_pledges.translation
from yantai_pledges import errors


def test_all_is_sorted_and_unique() -> None:
    assert list(yantai_pledges.__all__) == sorted(set(yantai_pledges.__all__))


def test_all_names_exist() -> None:
    for name in yantai_pledges.__all__:
        assert getattr(yantai_pledges, name) is not None, name


def test_every_public_model_and_error_is_exported() -> None:
    exported = set(yantai_pledges.__all__)
    assert set(errors.__all__) <= exported
    assert set(yantai_pledges.models.__all__) <= exported
    assert {"parse", "translate", "to_excel", "to_json", "to_jsonl", "parse_many"} <= exported


@pytest.mark.parametrize("name", errors.__all__)
def test_every_error_derives_from_the_base(name: str) -> None:
    error = getattr(errors, name)
    assert inspect.isclass(error)
    assert issubclass(error, yantai_pledges.YantaiPledgesError)


def test_input_errors_are_value_errors() -> None:
    assert issubclass(yantai_pledges.InputError, ValueError)
    assert issubclass(yantai_pledges.EmptyInputError, ValueError)


def test_exception_tree_is_drawn_in_the_docstring() -> None:
    doc = errors.__doc__ or ""
    for name in errors.__all__:
        assert name in doc, f"{name} missing from the tree in errors.py"


def test_parse_signature() -> None:
    parameters = inspect.signature(yantai_pledges.parse).parameters
    assert list(parameters)[:1] == ["text"]
    assert parameters["year"].kind is inspect.Parameter.KEYWORD_ONLY


def test_user_glossary_overrides_the_bundled_one(tmp_path: Path) -> None:
    text = "确保全年新开工项目130个以上。"
    bundled = yantai_pledges.parse(text, translator=None).targets[0]
    as_dict = yantai_pledges.parse(text, translator=None, glossary={"新开工项目": "fresh starts"})
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("# my terms\nzh\ten\n新开工项目\tfresh starts\n", encoding="utf-8")
    as_file = yantai_pledges.parse(text, translator=None, glossary=tsv)
    assert bundled.metric.en == "new projects starting construction"
    for article in (as_dict, as_file):
        assert article.targets[0].metric.en == "fresh starts"
        summary = article.targets[0].summary
        assert summary is not None
        assert "fresh starts" in (summary.en or "")


def test_translate_returns_a_copy_and_fills_english() -> None:
    article = yantai_pledges.parse("确保全年新开工项目130个以上。", translator=None)
    mock = yantai_pledges.translation.MockTranslator()
    translated = yantai_pledges.translate(article, mock)
    assert translated is not article
    assert translated.translation["free_text"] == "mock"
    assert article.translation["free_text"] == "none"
    assert translated.statements[0].paragraphs[0].en == "[en] 确保全年新开工项目130个以上。"
    assert len(mock.calls) == 1


class _BrokenBackend:
    name = "broken"

    def translate_batch(self, texts: object) -> list[str | None]:
        raise yantai_pledges.TranslationError("the model file is corrupt")


def test_auto_translation_failure_degrades_to_structured_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from yantai_pledges import translation

    monkeypatch.setattr(translation, "resolve_translator", lambda *_: _BrokenBackend())
    article = yantai_pledges.parse("确保全年新开工项目130个以上。")  # translator="auto"
    assert article.translation["free_text"] == "none"
    assert any("machine translation skipped" in warning for warning in article.warnings)
    assert article.targets[0].metric.en == "new projects starting construction"
    with pytest.raises(yantai_pledges.TranslationError):
        yantai_pledges.parse("确保全年新开工项目130个以上。", translator=_BrokenBackend())


def test_masthead_date_is_published_and_anchors_year_and_past() -> None:
    text = (
        "株洲日报 2024年4月18日 第A02版\n\n“项目攻坚年”交出首季成绩单\n\n"
        "据市商务局局长谭卫东介绍，一季度，全市新签约招商项目63个。"
        "全年力争新签约项目300个以上。2023年全市新签约项目280个。"
    )
    article = yantai_pledges.parse(text, translator=None)
    assert article.published == dt.date(2024, 4, 18)
    assert article.year == 2024  # the year, although 2023 is written too
    assert [(t.quantity.raw, t.status.value) for t in article.targets] == [
        ("63个", "achieved"),
        ("300个以上", "pledge"),
        ("280个", "achieved"),
    ]
    # A year given by the caller that is not the issue's: no "as of" date is applied.
    other = yantai_pledges.parse(text, translator=None, year=2023)
    assert other.published == dt.date(2024, 4, 18)
    assert other.targets[0].status.value == "pledge"


# -- bytes in, and models that print readably -------------------------------------------------

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bad21ed3cf753cea.txt"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_parse_bytes_fills_the_source_as_reading_a_path_does(encoding: str, tmp_path: Path) -> None:
    data = SEED.read_text(encoding="utf-8").encode(encoding)
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    from_bytes = yantai_pledges.parse(data, translator=None).source
    from_path = next(yantai_pledges.parse_many([path], workers=1, translator=None))
    assert isinstance(from_path, yantai_pledges.Article)
    assert from_bytes is not None
    assert from_path.source is not None
    assert from_bytes.sha256 == from_path.source.sha256 == hashlib.sha256(data).hexdigest()
    assert from_bytes.encoding == from_path.source.encoding
    assert from_bytes.encoding is not None
    assert (from_bytes.path, from_path.source.path) == (None, str(path))


@pytest.fixture(scope="module")
def seed_article() -> yantai_pledges.Article:
    return yantai_pledges.parse(SEED.read_bytes(), translator=None)


# (what to print, taken from the parsed seed; the line it prints)
STR_ROWS = [
    pytest.param(lambda a: a.statements[0].speaker.name, "牟树青 (Mou Shuqing)", id="bilingual"),
    pytest.param(
        lambda a: a.statements[0].targets[0].deadline,
        "年内 (within 2023, 2023-12-31)",
        id="deadline",
    ),
    pytest.param(lambda a: a.statements[0].targets[0].quantity, "30家 = 30 count", id="quantity"),
    pytest.param(lambda a: a.statements[0].targets[2].quantity, "2—3家 = 2–3 count", id="range"),
    pytest.param(
        lambda a: a.statements[0].targets[0].period, "2023-01-01–2023-12-31 (year)", id="period"
    ),
    pytest.param(
        lambda a: a.statements[0].targets[0],
        "年内新增规上工业企业30家 (Pledge: 30 new industrial enterprises above designated size within 2023.)",
        id="target",
    ),
    pytest.param(
        lambda a: a.statements[0].targets[0].indicator,
        "新增规模以上工业企业 (new industrial enterprises above designated size) "
        "[new_enterprises_above_designated_size]",
        id="indicator",
    ),
    pytest.param(
        lambda a: a.statements[0].speaker,
        "牟树青 (Mou Shuqing), 市委常委、副市长、开发区工委书记、管委主任",
        id="speaker",
    ),
    pytest.param(
        lambda a: a.statements[0].speaker.jurisdiction,
        "开发区 (Yantai Economic and Technological Development Area) [370676]",
        id="jurisdiction",
    ),
    pytest.param(lambda a: a.statements[0].points[0], "一是以最强烈担当提增速、作贡献", id="point"),
    pytest.param(
        lambda a: a.statements[0],
        "牟树青 (Mou Shuqing): 培强产业集群 壮大工业规模: 20 targets, 2 milestones",
        id="statement",
    ),
    pytest.param(
        lambda a: a, "区市书记谈坚定不移推动高质量发展: 8 statements, 52 targets", id="article"
    ),
    pytest.param(lambda a: a.source, "bytes, utf-8, sha256 8c62fdb34a90", id="source"),
]


@pytest.mark.parametrize(("pick", "expected"), STR_ROWS)
def test_models_print_one_readable_line(
    pick: Callable[[yantai_pledges.Article], object],
    expected: str,
    seed_article: yantai_pledges.Article,
) -> None:
    model = pick(seed_article)
    assert str(model) == expected
    assert f"{model}" == expected
    assert repr(model).startswith(f"{type(model).__name__}(")  # repr keeps every field


def test_every_public_model_has_its_own_str() -> None:
    from pydantic import BaseModel

    for name in yantai_pledges.models.__all__:
        model = getattr(yantai_pledges.models, name)
        if inspect.isclass(model) and issubclass(model, BaseModel):
            assert model.__str__ is not BaseModel.__str__, f"{name} prints as a raw object"

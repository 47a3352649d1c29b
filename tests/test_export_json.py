"""JSON / JSON Lines exports and the published schema."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factories import make_article, make_articles
from yantai_pledges.errors import ExportError
from yantai_pledges.export import article_schema, schema_text, to_json, to_jsonl
from yantai_pledges.models import Article, Bilingual, Statement

DOCS_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "article.schema.json"


def _validate(document: Any) -> None:
    jsonschema.Draft202012Validator(article_schema()).validate(document)


# -- the schema -------------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema_with_id_and_title() -> None:
    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:yantai-pledges:")
    assert schema["title"] == "yantai_pledges Article"
    assert list(schema["properties"]) == list(Article.model_fields)


def test_docs_copy_of_the_schema_is_the_generated_one() -> None:
    assert DOCS_SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: python -c 'from yantai_pledges.export import write_schema; "
        'write_schema("docs/schema/article.schema.json")\''
    )


def _set_path(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


# Each row breaks one rule of the contract; the schema must reject it.
INVALID_DOCUMENTS = [
    pytest.param(("statements", 0, "targets", 0, "comparator"), "bogus", id="unknown-comparator"),
    pytest.param(("statements", 0, "targets", 0, "commitment"), "maybe", id="unknown-commitment"),
    pytest.param(("statements", 0, "targets", 0, "status"), "done", id="unknown-status"),
    pytest.param(("statements", 0, "targets", 0, "span"), [1], id="span-one-number"),
    pytest.param(("statements", 0, "targets", 0, "quantity", "value"), "30", id="number-as-text"),
    pytest.param(("statements", 0, "speaker", "name", "zh"), None, id="name-without-zh"),
    pytest.param(("title", "fr"), "Titre", id="extra-key"),
    pytest.param(("year",), "2023", id="year-as-text"),
    pytest.param(("text",), None, id="no-text"),
]


@pytest.mark.parametrize(("path", "value"), INVALID_DOCUMENTS)
def test_schema_rejects_documents_that_break_the_contract(
    path: tuple[str | int, ...], value: Any
) -> None:
    document = json.loads(to_json(make_article()))
    _set_path(document, path, value)
    with pytest.raises(jsonschema.ValidationError):
        _validate(document)


# -- to_json ----------------------------------------------------------------------------------

ARTICLES = [
    pytest.param(make_article(), id="translated"),
    pytest.param(make_article(translated=False), id="untranslated"),
    pytest.param(Article(text="没有结构的文字。", warnings=["no statements found"]), id="bare"),
]


@pytest.mark.parametrize("article", ARTICLES)
def test_one_article_is_an_object_that_validates_and_round_trips(article: Article) -> None:
    text = to_json(article)
    document = json.loads(text)
    assert isinstance(document, dict)
    _validate(document)
    assert Article.model_validate_json(text) == article


def test_several_articles_are_an_array_and_round_trip() -> None:
    articles = make_articles(3)
    document = json.loads(to_json(articles))
    assert isinstance(document, list)
    assert len(document) == 3
    for item, article in zip(document, articles, strict=True):
        _validate(item)
        assert Article.model_validate(item) == article


def test_a_generator_of_articles_is_an_array() -> None:
    document = json.loads(to_json(article for article in make_articles(2)))
    assert [item["title"]["zh"][-3:] for item in document] == ["（1）", "（2）"]


def test_keys_follow_the_model_order_and_chinese_is_not_escaped() -> None:
    text = to_json(make_article())
    document = json.loads(text)
    assert list(document) == list(Article.model_fields)
    assert list(document["statements"][0]) == list(Statement.model_fields)
    assert "福山区委书记" in text
    assert "\\u" not in text


def test_numbers_are_json_numbers_whole_numbers_exact() -> None:
    target = json.loads(to_json(make_article()))["statements"][0]["targets"][0]
    assert target["quantity"]["value"] == 326.5
    assert target["quantity"]["base_value"] == 32650000000
    assert isinstance(target["quantity"]["base_value"], int)
    assert Article.model_validate_json(to_json(make_article())).targets[0].quantity.value == (
        Decimal("326.5")
    )


def test_output_is_deterministic() -> None:
    assert to_json(make_articles(2)) == to_json(make_articles(2))


@pytest.mark.parametrize(
    ("indent", "lines"), [pytest.param(None, 1, id="compact"), pytest.param(2, None, id="indented")]
)
def test_indent_controls_layout(indent: int | None, lines: int | None) -> None:
    text = to_json(make_article(), indent=indent)
    if lines is None:
        assert text.count("\n") > 50
        assert '\n  "title": {' in text
    else:
        assert text.count("\n") + 1 == lines


def test_writing_to_a_path_writes_the_returned_text(tmp_path: Path) -> None:
    target = tmp_path / "article.json"
    target.write_text("old", encoding="utf-8")
    text = to_json(make_article(), target)
    assert target.read_bytes() == (text + "\n").encode("utf-8")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["article.json"]


BAD_INPUTS = [
    pytest.param("文章", id="string"),
    pytest.param(42, id="number"),
    pytest.param([make_article(), {"text": "x"}], id="dict-in-list"),
]


@pytest.mark.parametrize("value", BAD_INPUTS)
def test_what_is_not_an_article_is_an_export_error(value: Any) -> None:
    with pytest.raises(ExportError, match="Article"):
        to_json(value)


def test_missing_folder_is_an_export_error_saying_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        to_json(make_article(), tmp_path / "no" / "such" / "article.json")


HOSTILE_TEXT = [
    pytest.param("\x00\x01\x1b[31m\x7f", id="control-characters"),
    pytest.param("项目🚀𠀀\u200b\ufeff", id="emoji-astral-zero-width"),
    pytest.param('"}]\\,\n{"text": "x"}', id="json-syntax"),
]


@pytest.mark.parametrize("hostile", HOSTILE_TEXT)
def test_any_unicode_round_trips(hostile: str) -> None:
    article = make_article()
    article.text = article.text + hostile
    article.statements[0].paragraphs.append(Bilingual(zh=hostile, en=hostile))
    text = to_json(article)
    _validate(json.loads(text))
    assert Article.model_validate_json(text) == article


def test_a_million_character_line_is_fast() -> None:
    article = Article(text="项目" * 500_000, warnings=[])
    started = time.perf_counter()
    text = to_json(article, indent=None)
    assert time.perf_counter() - started < 1.0
    assert len(text) > 1_000_000


# -- to_jsonl ---------------------------------------------------------------------------------


def test_jsonl_writes_one_valid_object_per_line(tmp_path: Path) -> None:
    target = tmp_path / "articles.jsonl"
    count = to_jsonl(make_articles(3), target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == 3
    for line, article in zip(lines, make_articles(3), strict=True):
        _validate(json.loads(line))
        assert Article.model_validate_json(line) == article


class _RecordingStream(io.StringIO):
    """Records what had been written at each flush."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[int] = []

    def flush(self) -> None:
        self.flushed.append(self.getvalue().count("\n"))
        super().flush()


def test_jsonl_streams_lazily_and_flushes_each_line() -> None:
    consumed: list[int] = []

    def articles() -> Iterator[Article]:
        for number, article in enumerate(make_articles(3), start=1):
            consumed.append(number)
            yield article

    stream = _RecordingStream()
    assert to_jsonl(articles(), stream) == 3
    assert stream.flushed == [1, 2, 3]
    assert consumed == [1, 2, 3]


def test_jsonl_keeps_the_old_file_when_the_input_fails_midway(tmp_path: Path) -> None:
    target = tmp_path / "articles.jsonl"
    target.write_text("old content\n", encoding="utf-8")

    def articles() -> Iterator[Article]:
        yield make_article()
        raise RuntimeError("parser failed on article 2")

    with pytest.raises(RuntimeError, match="article 2"):
        to_jsonl(articles(), target)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert [path.name for path in tmp_path.iterdir()] == ["articles.jsonl"]


def test_jsonl_refuses_a_single_article(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="list"):
        to_jsonl(make_article(), tmp_path / "x.jsonl")  # type: ignore[arg-type]


def test_jsonl_of_nothing_is_an_empty_file(tmp_path: Path) -> None:
    target = tmp_path / "empty.jsonl"
    assert to_jsonl([], target) == 0
    assert target.read_bytes() == b""


def test_a_new_file_gets_the_usual_mode_and_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    to_json(make_article(), new)
    assert new.stat().st_mode & 0o777 == 0o666 & ~_umask()  # not mkstemp's private 0o600
    kept = tmp_path / "kept.json"
    kept.write_text("{}", encoding="utf-8")
    kept.chmod(0o640)
    to_json(make_article(), kept)
    assert kept.stat().st_mode & 0o777 == 0o640


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask

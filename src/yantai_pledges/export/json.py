"""JSON and JSON Lines exports, and the published JSON Schema of an :class:`Article`.

The JSON is ``Article.model_dump(mode="json")``: keys in model order, numbers as JSON numbers
(whole numbers exact), dates as ISO strings, UTF-8 with Chinese left as is. The same input always
gives the same text. ``Article.model_validate_json`` reads an object back; every export validates
against :func:`article_schema`, which is published as ``docs/schema/article.schema.json``
(regenerate it with ``write_schema("docs/schema/article.schema.json")``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ..errors import ExportError
from ..models import Article
from ._atomic import atomic_text_file

__all__ = [
    "SCHEMA_DIALECT",
    "SCHEMA_ID",
    "article_schema",
    "schema_text",
    "to_json",
    "to_jsonl",
    "write_schema",
]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# A URN, not a URL: the schema ships with the package and in docs/, and no web address serves it.
SCHEMA_ID = "urn:yantai-pledges:schema:article"


def _as_article(item: object, position: int | None = None) -> Article:
    if isinstance(item, Article):
        return item
    where = "" if position is None else f" (item {position})"
    raise ExportError(
        f"expected a yantai_pledges Article{where}, got {type(item).__name__}; "
        "pass the result of yantai_pledges.parse or Article.model_validate"
    )


def _articles(items: Iterable[object]) -> Iterable[Article]:
    for position, item in enumerate(items):
        yield _as_article(item, position)


def _document(article_or_articles: Article | Iterable[Article]) -> Any:
    """The JSON-ready value: an object for one article, an array for several."""
    if isinstance(article_or_articles, Article):
        return article_or_articles.model_dump(mode="json")
    if isinstance(article_or_articles, str | bytes) or not isinstance(
        article_or_articles, Iterable
    ):
        raise ExportError(
            f"expected an Article or a list of Articles, got {type(article_or_articles).__name__}"
        )
    return [article.model_dump(mode="json") for article in _articles(article_or_articles)]


def to_json(
    article_or_articles: Article | Iterable[Article],
    path: str | Path | None = None,
    *,
    indent: int | None = 2,
) -> str:
    """Return the JSON text of one article (an object) or several (an array).

    With ``path``, also write it there atomically (UTF-8, the text plus a final newline).
    ``indent=None`` gives one compact line.
    """
    text = json.dumps(_document(article_or_articles), ensure_ascii=False, indent=indent)
    if path is not None:
        with atomic_text_file(path) as stream:
            stream.write(text)
            stream.write("\n")
    return text


def _write_lines(articles: Iterable[Article], stream: TextIO) -> int:
    count = 0
    for article in _articles(articles):
        line = json.dumps(article.model_dump(mode="json"), ensure_ascii=False)
        stream.write(line)
        stream.write("\n")
        stream.flush()  # a reader following the stream sees whole records as they come
        count += 1
    return count


def to_jsonl(articles: Iterable[Article], path: str | Path | TextIO) -> int:
    """Write one compact JSON object per line; return the number of articles written.

    ``articles`` may be a generator: it is consumed one article at a time, so memory does not
    grow with the number of articles. ``path`` is a file name (written atomically: the old file
    stays until the last line is written) or an open text stream such as ``sys.stdout``.
    """
    if isinstance(articles, Article):
        raise ExportError("to_jsonl expects several articles; wrap a single one in a list")
    if isinstance(path, str | Path):
        with atomic_text_file(path) as stream:
            return _write_lines(articles, stream)
    try:
        return _write_lines(articles, path)
    except OSError as error:
        raise ExportError(f"cannot write JSON Lines to {path!r}: {error}") from error


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every exported article object satisfies."""
    generated = Article.model_json_schema(mode="serialization")
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "yantai_pledges Article",
        "description": (
            "One parsed article as exported by yantai_pledges (to_json, to_jsonl). "
            "Every span is [start, end) into the text field."
        ),
    }
    schema.update((key, value) for key, value in generated.items() if key not in schema)
    return schema


def schema_text() -> str:
    """The schema as published in ``docs/schema/article.schema.json`` (with a final newline)."""
    return json.dumps(article_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schema(path: str | Path) -> Path:
    """Write :func:`schema_text` to ``path`` (atomically); return the path."""
    with atomic_text_file(path) as stream:
        stream.write(schema_text())
    return Path(path)

"""Fill every ``Bilingual.en`` of an Article: structured fields by rule, free text by a translator.

Stage: translation, the last step before export. ``translate_article`` returns a copy (the input is
never changed) in which

* names, positions, jurisdictions, metrics, units, deadlines and reporters' names get deterministic
  English (glossary, gazetteer, pinyin, composition rules), and every target and milestone gets a
  ``summary`` (``zh`` = its clause, ``en`` = a sentence composed from its parsed parts);
* titles and headlines get glossary English only when the whole text is a glossary entry;
* free text (title, headlines, paragraphs, clauses, point leads, and metrics that no rule covers) is
  sent to ``translator.translate_batch`` in one call, each distinct string once; without a
  translator it stays ``None``.

``article.translation`` records what filled what: ``{"structured": "glossary", "free_text": name}``.
A summary never uses machine-translated text, so it is the same with or without a translator.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import TranslationError, YantaiPledgesError
from ..models import Article, Bilingual, Deadline, Milestone, Speaker, Statement, Target
from .base import Translator
from .english import (
    deadline_english,
    metric_english,
    milestone_summary,
    per_english,
    quantity_english,
    target_english,
    unit_english,
)
from .glossary import Glossary, default_glossary
from .names import person_name_english
from .places import article_city, place_english
from .positions import positions_english

__all__ = ["translate_article"]


def _free_text(article: Article) -> list[Bilingual]:
    """The fields left for a translator, in article order: those no rule filled, with text."""
    fields: list[Bilingual | None] = [article.title]
    for statement in article.statements:
        fields.append(statement.headline)
        fields.extend(statement.paragraphs)
        fields.extend(point.lead for point in statement.points)
        for target in statement.targets:
            fields += (target.text, target.metric)
        fields.extend(milestone.text for milestone in statement.milestones)
    return [
        field for field in fields if field is not None and field.en is None and field.zh.strip()
    ]


def _translate_free_text(article: Article, translator: Translator) -> None:
    """Fill the free-text fields with one ``translate_batch`` call, each distinct text once."""
    fields = _free_text(article)
    texts = list(dict.fromkeys(field.zh for field in fields))
    if not texts:
        return
    try:
        results = translator.translate_batch(texts)
    except YantaiPledgesError:
        raise
    except Exception as error:
        raise TranslationError(
            f"translator {getattr(translator, 'name', translator)!r} failed: {error}"
        ) from error
    if len(results) != len(texts):
        raise TranslationError(
            f"translator {translator.name!r} returned {len(results)} results for "
            f"{len(texts)} texts: a backend must return one result per input"
        )
    english = dict(zip(texts, results, strict=True))
    for field in fields:
        field.en = english[field.zh]


def _safe(function: Callable[[str], str], zh: str) -> str | None:
    """A rule's English, or ``None`` when the rule rejects the input (left to the translator)."""
    try:
        return function(zh) or None
    except YantaiPledgesError:
        return None


def _exact(field: Bilingual | None, glossary: Glossary) -> None:
    if field is not None:
        field.en = glossary.lookup(field.zh)


def _speaker(speaker: Speaker, city: str | None) -> None:
    speaker.name.en = _safe(person_name_english, speaker.name.zh)
    jurisdiction = speaker.jurisdiction.name.zh if speaker.jurisdiction else None
    if speaker.jurisdiction is not None:
        speaker.jurisdiction.name.en = _safe(place_english, speaker.jurisdiction.name.zh)
    texts = [position.zh for position in speaker.positions]
    if texts and all(text.strip() for text in texts):
        for position, english in zip(
            speaker.positions,
            positions_english(texts, city=city, jurisdiction=jurisdiction),
            strict=True,
        ):
            position.en = english


def _deadline(deadline: Deadline | None) -> None:
    if deadline is not None:
        deadline.text.en = deadline_english(deadline)


def _target(target: Target, glossary: Glossary) -> None:
    unit = target.quantity.unit
    unit.en = unit_english(unit.zh)
    per = target.quantity.per
    if per is not None:
        per.en = per_english(per.zh, glossary.lookup)
    _deadline(target.deadline)
    try:
        target.metric.en, summary = target_english(target, glossary)
    except YantaiPledgesError:
        target.metric.en = metric_english(target.metric.zh, glossary)
        summary = _fallback_summary(target)
    target.summary = Bilingual(zh=target.text.zh, en=summary)


def _fallback_summary(target: Target) -> str:
    try:
        figure = quantity_english(target.quantity, target.comparator)
    except YantaiPledgesError:
        figure = ""
    return f"A stated target {figure}".strip() + "."


def _milestone(milestone: Milestone, glossary: Glossary) -> None:
    _deadline(milestone.deadline)
    milestone.summary = Bilingual(zh=milestone.text.zh, en=milestone_summary(milestone, glossary))


def _statement(statement: Statement, glossary: Glossary, city: str | None) -> None:
    _exact(statement.headline, glossary)
    if statement.speaker is not None:
        _speaker(statement.speaker, city)
    if statement.compiled_by is not None:
        statement.compiled_by.en = _safe(person_name_english, statement.compiled_by.zh)
    for point in statement.points:
        _exact(point.lead, glossary)
    for target in statement.targets:
        _target(target, glossary)
    for milestone in statement.milestones:
        _milestone(milestone, glossary)


def translate_article(
    article: Article,
    translator: Translator | None = None,
    *,
    glossary: Glossary | None = None,
    city: str | None = None,
    in_place: bool = False,
) -> Article:
    """A copy of ``article`` with every structured ``en`` filled and, given a translator, free text.

    ``city`` is the city whose bodies a bare 市委 / 副市长 refer to (Chinese or English name); by
    default the article's own (``Article.city``, or
    :func:`~yantai_pledges.translation.places.article_city` if it was never set), and
    none when it names none ("Vice Mayor", "CPC Municipal Committee").
    ``in_place`` fills ``article`` itself instead of a copy (``parse`` owns its fresh article).
    """
    result = article if in_place else article.model_copy(deep=True)
    terms = glossary or default_glossary()
    _exact(result.title, terms)
    if result.jurisdiction is not None:
        result.jurisdiction.name.en = _safe(place_english, result.jurisdiction.name.zh)
    if city is None:  # the parser's city; for an article made without one, found now
        city = result.city if "city" in result.model_fields_set else article_city(result.text)
    for statement in result.statements:
        _statement(statement, terms, city)
    if translator is not None:  # after the rules: only what they left goes to the translator
        _translate_free_text(result, translator)
    result.translation = {
        "structured": "glossary",
        "free_text": translator.name if translator is not None else "none",
    }
    return result

"""Offline English for parsed articles.

Structured fields (names, positions, places, metrics, units, deadlines, target sentences) get their
English deterministically from the bundled glossary and rules (``glossary``, ``names``, ``places``,
``positions``, ``english``). Free text (headlines, paragraphs, clauses) goes through a
:class:`~yantai_pledges.translation.base.Translator` backend chosen with
:func:`~yantai_pledges.translation.registry.get_translator` (``argos`` when a model is installed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import TranslationError
from .base import MockTranslator, Translator

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from ..models import Article
    from .glossary import Glossary

    UserGlossary = Glossary | str | Path | Mapping[str, str] | None

__all__ = ["MockTranslator", "Translator", "resolve_translator", "translate"]


def resolve_translator(
    translator: Translator | str | None, glossary: Glossary | None = None
) -> Translator | None:
    """A backend object from a name (``"auto"``, ``"argos"``, ``"mock"``, ``"glossary"``) or ``None``.

    Named machine-translation backends come wrapped in a persistent cache and in term protection
    with ``glossary`` (the bundled one by default). ``"glossary"`` and ``"auto"`` without an
    installed model resolve to ``None``: no machine translation of free text (structured fields
    are always filled).
    """
    if translator is None or not isinstance(translator, str):
        return translator
    from .glossary import default_glossary  # noqa: PLC0415 - heavy data, loaded on first use
    from .registry import get_translator  # noqa: PLC0415

    backend = get_translator(translator, terms=glossary or default_glossary())
    return None if backend.name == "glossary" else backend


def translate(
    article: Article,
    translator: Translator | str | None = "auto",
    *,
    glossary: UserGlossary = None,
    city: str | None = None,
    in_place: bool = False,
) -> Article:
    """A copy of ``article`` with its English (re)filled by ``translator`` (see :func:`parse`).

    ``glossary`` adds terms that override the bundled glossary: a TSV path (columns ``zh``, ``en``,
    optionally ``kind``, ``source``) or a ``{zh: en}`` dict. ``city`` is the city a bare 市委 or
    副市长 belongs to; by default the article's own (its masthead, else the city it names most),
    and none if it names none.
    """
    from .apply import translate_article  # noqa: PLC0415 - keeps ``import yantai_pledges`` light
    from .glossary import Glossary, load_glossary  # noqa: PLC0415

    terms = glossary if isinstance(glossary, Glossary) else load_glossary(glossary)
    try:
        backend = resolve_translator(translator, terms)
        return translate_article(article, backend, glossary=terms, city=city, in_place=in_place)
    except TranslationError as error:
        if translator != "auto":
            raise
        # "auto" never fails an article over machine translation: structured English only.
        result = translate_article(article, None, glossary=terms, city=city, in_place=in_place)
        result.warnings.append(f"machine translation skipped: {error}")
        return result

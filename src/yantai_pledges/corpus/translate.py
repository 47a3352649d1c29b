"""Machine translation of free text during a corpus run: in the main process, loaded once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import YantaiPledgesError
from ..models import Article
from ..translation.base import Translator

__all__ = ["TranslationStatus", "machine_translation", "translation_step"]


@dataclass
class TranslationStatus:
    """What happened to machine translation of free text during a run."""

    backend: str | None = None  # the name of the translator used, if any
    unavailable: str | None = None  # why free-text translation was skipped, if it was
    failures: int = 0  # articles whose translation raised TranslationError


def translation_step(
    translator: Translator | str | None, status: TranslationStatus
) -> Callable[[Article], None] | None:
    """Resolve the translator once; return the function that translates one article in place."""
    if translator is None or translator == "none":
        return None
    try:
        from ..translation import resolve_translator  # noqa: PLC0415 - optional stage
        from ..translation.apply import translate_article  # noqa: PLC0415

        backend = resolve_translator(translator)
    except (ImportError, YantaiPledgesError) as error:
        status.unavailable = str(error) or type(error).__name__
        return None
    if backend is None:  # structured English was filled by the workers; no free-text MT
        if translator != "glossary":
            status.unavailable = "no zh→en Argos model is installed"
        return None
    status.backend = backend.name

    def translate(article: Article) -> None:
        try:
            translate_article(article, backend, in_place=True)
        except YantaiPledgesError as error:
            status.failures += 1
            article.warnings.append(f"machine translation failed: {error}")

    return translate


def machine_translation(translator: Translator | str | None, status: TranslationStatus) -> bool:
    """Whether free text will be machine-translated; records why not for ``"auto"``."""
    if translator is None or translator in {"none", "glossary"}:
        return False
    if translator != "auto":
        return True
    try:
        from ..translation.registry import auto_backend_name  # noqa: PLC0415 - optional stage

        backend = auto_backend_name()
    except (ImportError, YantaiPledgesError):
        backend = "glossary"
    if backend == "glossary":
        status.unavailable = "no zh→en Argos model is installed"
        return False
    return True

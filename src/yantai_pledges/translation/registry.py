"""Choose a translation backend by name and wrap it with caching and term protection.

Backends (each a :class:`~yantai_pledges.translation.base.Translator`):

``"glossary"``
    No machine translation: every free text gets ``None``. Structured fields (names, places,
    positions, numbers, indicators) are rendered from the glossary elsewhere, so this backend
    still gives complete English data, minus free-text sentences.
``"argos"``
    An installed Argos Translate zh→en package, run offline with CTranslate2 (the optional
    extra ``yantai-pledges[argos]``; imported only when chosen).
``"mock"``
    The deterministic test double from :mod:`yantai_pledges.translation.base`.
``"auto"`` (default)
    ``"argos"`` when the extra is importable and a zh→en package is installed, else
    ``"glossary"``.

Wrapping (MT backends only): :class:`~yantai_pledges.translation.protect.ProtectingTranslator`
outside, :class:`~yantai_pledges.translation.cache.CachingTranslator` inside, so the cache
stores raw model output keyed by the placeholder text and a changed glossary never serves
stale English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import TranslationError
from . import models_admin
from .argos import ArgosTranslator, argos_importable
from .base import MockTranslator, Translator
from .cache import CachingTranslator
from .protect import ProtectingTranslator, TermFinder

__all__ = ["BACKENDS", "GlossaryTranslator", "auto_backend_name", "get_translator"]

BACKENDS = ("auto", "argos", "glossary", "mock")
_ARGOS_OPTIONS = frozenset(
    {
        "packages_dir",
        "beam_size",
        "length_penalty",
        "max_sentence_chars",
        "max_input_tokens",
        "max_decoding_length",
        "max_batch_size",
        "device",
        "intra_threads",
    }
)


class GlossaryTranslator:
    """The no-MT backend: free text has no translation (``None``)."""

    name = "glossary"
    model_version = ""

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        """``None`` for every text: only glossary-rendered structured fields get English."""
        return [None for _ in texts]


def auto_backend_name(packages_dir: str | os.PathLike[str] | None = None) -> str:
    """``"argos"`` when the extra is importable and a zh→en package is installed."""
    if not argos_importable():
        return "glossary"
    try:
        return "argos" if models_admin.find_model(packages_dir) is not None else "glossary"
    except (ImportError, OSError):
        return "glossary"


def _check_options(name: str, options: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = sorted(set(options) - allowed)
    if unknown:
        accepted = ", ".join(sorted(allowed)) or "none"
        raise TranslationError(
            f"the {name!r} backend does not take option(s) {', '.join(unknown)} "
            f"(accepted: {accepted})"
        )


def get_translator(
    name: str = "auto",
    *,
    cache: bool | str | os.PathLike[str] | None = None,
    terms: Mapping[str, str] | TermFinder | None = None,
    numbers: bool = True,
    **options: Any,
) -> Translator:
    """Build the backend ``name`` (see the module docstring) with its wrappers.

    ``cache``: ``None`` caches MT backends at the default location (``YANTAI_PLEDGES_CACHE``
    or ``~/.cache/yantai_pledges/translations.sqlite3``) and leaves others uncached; ``True``
    caches any backend there; ``False`` disables; a path (or ``":memory:"``) chooses the file.
    ``terms``: a zh→en mapping or a term finder (``glossary.Glossary``); when given, MT
    backends are wrapped in term protection (``numbers`` also protects Arabic numbers).
    Other keyword options go to the backend (e.g. ``packages_dir``, ``beam_size`` for argos).
    """
    chosen = name.strip().lower()
    if chosen not in BACKENDS:
        raise TranslationError(
            f"unknown translation backend {name!r}; choose one of: {', '.join(BACKENDS)}"
        )
    if chosen == "auto":
        _check_options("auto", options, _ARGOS_OPTIONS)
        chosen = auto_backend_name(options.get("packages_dir"))
        if chosen == "glossary":
            options = {}
    backend: Translator
    if chosen == "glossary":
        _check_options(chosen, options, frozenset())
        return GlossaryTranslator()
    if chosen == "mock":
        _check_options(chosen, options, frozenset())
        backend = MockTranslator()
        cache_default = False
    else:
        _check_options(chosen, options, _ARGOS_OPTIONS)
        argos = ArgosTranslator(**options)
        _ = argos.model  # fail now, with the install command, when no zh→en model is installed
        backend = argos
        cache_default = True
    chosen_cache = cache_default if cache is None else cache
    return _wrap(backend, cache=chosen_cache, terms=terms, numbers=numbers)


def _wrap(
    backend: Translator,
    *,
    cache: bool | str | os.PathLike[str],
    terms: Mapping[str, str] | TermFinder | None,
    numbers: bool,
) -> Translator:
    wrapped: Translator = backend
    if cache is not False:
        wrapped = CachingTranslator(wrapped, None if cache is True else cache)
    if terms is not None:
        wrapped = ProtectingTranslator(wrapped, terms, numbers=numbers)
    return wrapped

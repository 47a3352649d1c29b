"""The Argos Translate backend: an installed zh→en Argos package run with CTranslate2 directly.

Only the light parts of Argos are used: ``argostranslate.package`` finds the installed package
and gives its SentencePiece tokenizer; ``ctranslate2.Translator`` runs the model. Argos's own
``argostranslate.translate`` is never imported: it loads stanza, spaCy and torch and its
sentence splitters can download models. Sentences are split here
(:mod:`yantai_pledges.translation.sentences`) and every sentence of every text of a call goes to
the model in ONE ``translate_batch`` call.

Offline by construction: nothing here calls Argos's package index, ``download`` or
``update``; a missing model raises :class:`~yantai_pledges.errors.ModelNotInstalledError`
naming the install command instead.

Expect modest quality: Argos zh→en scores about 23 BLEU on FLORES devtest (see
``docs/translation.md``), which is why names, numbers and terms are protected by
:class:`~yantai_pledges.translation.protect.ProtectingTranslator` and structured fields never
depend on MT at all.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib.util import find_spec
from typing import Any

from ..errors import MissingDependencyError, ModelNotInstalledError, TranslationError
from . import models_admin
from .models_admin import InstalledModel
from .sentences import DEFAULT_MAX_CHARS, split_sentences

__all__ = ["ArgosTranslator", "argos_importable"]


def argos_importable() -> bool:
    """True when the ``[argos]`` extra is installed (checked without importing it)."""
    return all(find_spec(name) is not None for name in _REQUIRED_MODULES)


_REQUIRED_MODULES = ("argostranslate", "ctranslate2", "sentencepiece")


class ArgosTranslator:
    """Translate with the installed zh→en Argos package (loaded on first use).

    ``packages_dir`` overrides ``ARGOS_PACKAGES_DIR``; ``beam_size`` and ``length_penalty``
    default to Argos's own values; ``max_sentence_chars`` bounds each sentence sent to the
    model and ``max_input_tokens`` / ``max_decoding_length`` bound the model's work;
    ``max_batch_size`` bounds memory (CTranslate2 splits one call into sub-batches of that
    many sentences).
    """

    name = "argos"

    def __init__(
        self,
        *,
        packages_dir: str | os.PathLike[str] | None = None,
        beam_size: int = 4,
        length_penalty: float = 0.2,
        max_sentence_chars: int = DEFAULT_MAX_CHARS,
        max_input_tokens: int = 256,
        max_decoding_length: int = 256,
        max_batch_size: int = 32,
        device: str = "cpu",
        intra_threads: int = 0,
    ) -> None:
        if not argos_importable():
            raise MissingDependencyError(
                "the argos backend needs the optional 'argos' extra: "
                f"{models_admin.ARGOS_EXTRA_HINT}"
            )
        self._packages_dir = packages_dir
        self.beam_size = beam_size
        self.length_penalty = length_penalty
        self.max_sentence_chars = max_sentence_chars
        self.max_input_tokens = max_input_tokens
        self.max_decoding_length = max_decoding_length
        self.max_batch_size = max_batch_size
        self.device = device
        self.intra_threads = intra_threads
        self._model: InstalledModel | None = None
        self._tokenizer: Any = None
        self._target_prefix = ""
        self._translator: Any = None

    @property
    def model(self) -> InstalledModel:
        """The installed zh→en package in use (found on first access, model not loaded)."""
        if self._model is None:
            model = models_admin.find_model(self._packages_dir)
            if model is None:
                where = models_admin.packages_dir(self._packages_dir)
                raise ModelNotInstalledError(
                    f"no zh→en Argos model is installed in {where}; install one with "
                    f"`{models_admin.INSTALL_HINT}`"
                )
            self._model = model
        return self._model

    @property
    def model_version(self) -> str:
        """Identifies the model and decoding options (part of the translation-cache key)."""
        model = self.model
        return (
            f"{model.name} {model.from_code}-{model.to_code} {model.version}"
            f"; beam={self.beam_size} lp={self.length_penalty}"
            f" in={self.max_input_tokens} out={self.max_decoding_length}"
        )

    def _load(self) -> Any:
        """Load the tokenizer and the CTranslate2 model once; return the translator."""
        if self._translator is not None:
            return self._translator
        model = self.model
        try:
            # the heavy optional extra is imported only when a translation is first needed
            import ctranslate2  # noqa: PLC0415
            from argostranslate import package as argos_package  # noqa: PLC0415

            argos_model = argos_package.Package(model.path)
            tokenizer = getattr(argos_model, "tokenizer", None)
            if tokenizer is None:
                raise ModelNotInstalledError(
                    f"the Argos package in {model.path} has no sentencepiece.model or "
                    f"bpe.model; reinstall it with `{models_admin.INSTALL_HINT}`"
                )
            translator = ctranslate2.Translator(
                str(model.path / "model"), device=self.device, intra_threads=self.intra_threads
            )
        except ImportError as error:
            raise MissingDependencyError(
                f"the argos backend needs the optional 'argos' extra: "
                f"{models_admin.ARGOS_EXTRA_HINT} ({error})"
            ) from error
        except (OSError, RuntimeError, ValueError, IndexError, KeyError) as error:
            raise TranslationError(
                f"cannot load the Argos model in {model.path}: {error}; reinstall it with "
                f"`{models_admin.INSTALL_HINT}`"
            ) from error
        self._tokenizer = tokenizer
        self._target_prefix = str(getattr(argos_model, "target_prefix", "") or "")
        self._translator = translator
        return translator

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        """Translate ``texts``: split into sentences, one model call, join per text."""
        per_text = [split_sentences(text, self.max_sentence_chars) for text in texts]
        sentences = [sentence for group in per_text for sentence in group]
        if not sentences:
            return ["" for _ in texts]
        outputs = self._translate_sentences(sentences)
        results: list[str | None] = []
        position = 0
        for group in per_text:
            results.append(" ".join(outputs[position : position + len(group)]))
            position += len(group)
        return results

    def _translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        translator = self._load()
        try:
            tokenized = [self._tokenizer.encode(sentence) for sentence in sentences]
            prefix = [[self._target_prefix]] * len(tokenized) if self._target_prefix else None
            batch = translator.translate_batch(
                tokenized,
                target_prefix=prefix,
                beam_size=self.beam_size,
                length_penalty=self.length_penalty,
                max_input_length=self.max_input_tokens,
                max_decoding_length=self.max_decoding_length,
                max_batch_size=self.max_batch_size,  # CTranslate2 splits a big call internally
                replace_unknowns=True,
            )
            return [self._decode(result.hypotheses[0]) for result in batch]
        except (RuntimeError, ValueError, IndexError, TypeError) as error:
            raise TranslationError(f"the Argos model failed on this batch: {error}") from error

    def _decode(self, tokens: Sequence[str]) -> str:
        text = str(self._tokenizer.decode(list(tokens)))
        if self._target_prefix and text.startswith(self._target_prefix):
            text = text[len(self._target_prefix) :]
        return text.strip()

"""The translator protocol: a backend translates a batch of Chinese strings to English.

A backend is any object with a ``name`` and a ``translate_batch`` method; wrappers (cache, term
protection) take a backend and are backends themselves. ``MockTranslator`` is the test double.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

__all__ = ["MockTranslator", "Translator"]


@runtime_checkable
class Translator(Protocol):
    """Translate Chinese strings to English, one output per input, in order.

    ``None`` for an item means "no translation available" (never a made-up string).
    """

    name: str

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        """Translate every text of ``texts``; the result has the same length and order."""
        ...


class MockTranslator:
    """A deterministic test double: returns ``"[en] " + text`` and records every call."""

    def __init__(self, name: str = "mock") -> None:
        self.name = name
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        self.calls.append(list(texts))
        return [f"[en] {text}" for text in texts]

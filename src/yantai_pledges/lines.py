"""Paragraphs and single lines: the smallest pieces that both cleaning and layout read.

:mod:`~yantai_pledges.text` makes :class:`Paragraph` objects and repairs broken lines with the
layout's line recognisers; :mod:`~yantai_pledges.layout` reads the same paragraphs. Both import
this module and it imports neither, so cleaning and layout do not import each other in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .lexicon.marks import CLOSING_MARKS

__all__ = ["HEADING_MAX", "Paragraph", "ends_sentence"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the cleaned text; ``text == cleaned[start:end]``."""

    text: str
    start: int
    end: int


# Longest line that can still be a headline, date or credit standing alone (characters).
HEADING_MAX: Final = 40
# Characters that end a sentence (or a clause that introduces a list, like 主要预期目标是：).
_SENTENCE_FINAL: Final = frozenset("。！？；：…!?;:")
# Closing quotes and brackets that may follow the sentence-final mark (…新优势。” / 。）).
_CLOSERS: Final = frozenset(CLOSING_MARKS + "\"'")  # ASCII quotes close as often as they open


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: 。！？；：… possibly followed by closing quotes."""
    index = len(text) - 1
    while index >= 0 and text[index] in _CLOSERS:
        index -= 1
    return index >= 0 and text[index] in _SENTENCE_FINAL

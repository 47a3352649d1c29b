"""Sentences and clauses: the units that targets are read from.

A *sentence* ends at 。！？ (with any closing quote that follows). Inside it, a *clause* ends at ，；：
or at a 、 that separates two quantity-bearing items (年内新增规上工业企业30家、产值过10亿元企业3家). The
semicolon does not end a sentence here, so a deadline or commitment stated before a list
(今年主要预期目标是：地区生产总值增长6%左右；…) keeps governing the items of that list.

Every piece keeps its offsets into the cleaned article text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

from ..lexicon.marks import CLOSING_MARKS_CLASS

__all__ = ["Segment", "clause_bounds", "split_sentences"]


class Segment(NamedTuple):
    """A piece of the cleaned text with its offsets (a tuple: made for every sentence of every
    article, and several times cheaper to make than a frozen dataclass)."""

    text: str
    start: int
    end: int


_SENTENCE_END = regex.compile(
    rf"""
    [。！？!?]+            # sentence-final punctuation, repeated or not
    [{CLOSING_MARKS_CLASS}]*  # closing quotes and brackets stay with their sentence
    """,
    regex.VERBOSE,
)

# Run on every sentence with figures and needing no ``regex`` feature: stdlib ``re`` splits faster.
_CLAUSE_END = re.compile(
    r"""
    [，,；;：:。！？!?]      # comma, semicolon, colon and the sentence end close a clause
    """,
    re.VERBOSE,
)


# No real sentence is this long; longer runs (junk, tables without punctuation) are cut at a
# clause mark so that the work per sentence, and so parse time, stays linear in the input.
MAX_SENTENCE = 1_000


def split_sentences(text: str, offset: int = 0) -> list[Segment]:
    """Split ``text`` (which starts at ``offset`` in the article) into non-empty sentences."""
    sentences: list[Segment] = []
    start = 0
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text):  # words after the last sentence end
        ends.append(len(text))
    for end in ends:
        if end - start > MAX_SENTENCE:
            _add_pieces(sentences, text, start, end, offset)
        else:  # the common case, one call less: this runs for every sentence of every article
            _add_stripped(sentences, text, start, end, offset)
        start = end
    return sentences


def _add_pieces(sentences: list[Segment], text: str, start: int, end: int, offset: int) -> None:
    """Append the stripped piece ``text[start:end]`` unless it is blank, in pieces of at most
    ``MAX_SENTENCE`` characters (cut after the last clause mark that fits).

    Appends rather than yields: this runs for every sentence of every article, and nested
    generators cost more than the work itself."""
    while end - start > MAX_SENTENCE:
        cut = max(text.rfind(mark, start, start + MAX_SENTENCE) for mark in "，,；;：:、")
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        _add_stripped(sentences, text, start, cut, offset)
        start = cut
    _add_stripped(sentences, text, start, end, offset)


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each clause of a sentence, punctuation excluded."""
    bounds: list[tuple[int, int]] = []
    start = 0
    # Every clause mark is one character: splitting at them is cheaper than a match per mark.
    for clause in _CLAUSE_END.split(text):
        end = start + len(clause)
        if end > start:
            bounds.append((start, end))
        start = end + 1  # past the mark
    return bounds


def _add_stripped(sentences: list[Segment], text: str, start: int, end: int, offset: int) -> None:
    """Append the stripped piece ``text[start:end]`` unless it is blank."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        sentences.append(
            Segment(stripped, offset + start + lead, offset + start + lead + len(stripped))
        )

"""Split Chinese text into the sentences a machine-translation model sees, one at a time.

Neural MT models are trained on single sentences: a whole paragraph degrades the output and
can exceed the model's input length. Argos Translate's own splitters (stanza, spaCy, MiniSBD)
pull in torch and may download models, so this stage is done here with punctuation alone:

* a sentence ends at 。！？； (or ASCII ! ? ;), repeated or not, and any closing quotes or
  brackets right after the mark stay with it (“……。” is one sentence);
* a line break always ends a sentence (headlines and bylines have no final mark);
* a piece longer than ``max_chars`` is cut after the last clause mark (，、：, space) that
  fits, or hard at ``max_chars`` when there is none, so the model's input limit is never hit.

The semicolon ends a sentence here (unlike in the target extractor) because for translation a
shorter unit is better and a list item after ； reads as a sentence of its own.
"""

from __future__ import annotations

import regex

from ..errors import InputError
from ..lexicon.marks import CLOSING_MARKS_CLASS

__all__ = ["DEFAULT_MAX_CHARS", "split_sentences"]

DEFAULT_MAX_CHARS = 200

_SENTENCE = regex.compile(
    rf"""
    (?P<body> [^。！？；!?;]+ )          # text up to a sentence mark (lines are split before)
    (?P<end> [。！？；!?;]+ )?           # the marks themselves, repeated or not (！？, 。。)
    (?P<close> [{CLOSING_MARKS_CLASS}]* )     # closing quotes and brackets stay with the sentence
    | (?P<bare_end> [。！？；!?;]+ [{CLOSING_MARKS_CLASS}]* )  # marks with no text before them
    """,
    regex.VERBOSE,
)

# Where an over-long piece may be cut: after a clause mark or a space.
_SOFT_BREAK = frozenset("，、：,:  \t")


def split_sentences(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[str]:
    """Return the non-empty, stripped sentences of ``text`` in order.

    >>> split_sentences("确保开工53个项目。“要快！”他说；全年130个以上")
    ['确保开工53个项目。', '“要快！”', '他说；', '全年130个以上']
    """
    if max_chars < 1:
        raise InputError(f"max_chars must be a positive number of characters, not {max_chars}")
    sentences: list[str] = []
    for line in text.splitlines():
        for match in _SENTENCE.finditer(line):
            sentence = match.group().strip()
            if not sentence:
                continue
            if sentences and match.group("bare_end") is not None:
                # a mark separated from its sentence (e.g. by a line-internal gap) joins it
                sentences[-1] += sentence
                continue
            sentences.extend(_cut_long(sentence, max_chars))
    return sentences


def _cut_long(sentence: str, max_chars: int) -> list[str]:
    """Cut ``sentence`` into pieces of at most ``max_chars``, preferring clause marks."""
    pieces: list[str] = []
    start = 0
    while len(sentence) - start > max_chars:
        stop = start + max_chars
        cut = stop
        for index in range(stop - 1, start + max_chars // 2, -1):
            if sentence[index] in _SOFT_BREAK:
                cut = index + 1
                break
        piece = sentence[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    piece = sentence[start:].strip()
    if piece:
        pieces.append(piece)
    return pieces

"""Term protection: names, places, glossary terms and numbers never go through MT.

Before translation every protected span of a sentence is replaced by a placeholder; after
translation each placeholder is replaced by the span's official English. A small zh→en model
(Argos scores about 23 BLEU) mistranslates names and terms and garbles numbers; with
placeholders they come out exactly as the glossary says.

Placeholders are ``ZXA``, ``ZXB``, … (then ``ZYA``…, ``ZWA``…, ``ZVA``…): three ASCII capitals,
set off by spaces. Every SentencePiece vocabulary of a zh→en model holds ASCII capitals, and
translation models usually copy Latin-script codes (model names, abbreviations) through
unchanged, so these survive tokenization and decoding; digits are avoided because models rewrite
numbers. The tests run them through a real (tiny) Argos package.

A model may still drop or repeat a placeholder. Each sentence is checked: every placeholder
must come back exactly once and no other placeholder-like token may appear. A sentence that
fails gets ``None`` (never a guess), and the failure is recorded in
:attr:`ProtectingTranslator.failures` / :attr:`ProtectingTranslator.warnings`.

Terms come from any object with ``find_terms(text)`` returning spans with ``start``, ``end``,
``zh``, ``en`` and ``kind`` (the glossary's ``Glossary`` does), or from a plain mapping of
Chinese to English, matched longest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol, runtime_checkable

import regex

from ..errors import InputError, TranslationError
from .base import Translator
from .sentences import DEFAULT_MAX_CHARS, split_sentences

__all__ = [
    "MappingTermFinder",
    "PlaceholderFailure",
    "ProtectedSentence",
    "ProtectingTranslator",
    "Span",
    "TermFinder",
    "TermSpan",
    "as_term_finder",
    "find_numbers",
    "number_english",
    "protect_sentence",
    "restore_sentence",
    "term_accuracy",
]


class TermSpan(Protocol):
    """A found term: where it is in the text, its Chinese and its official English."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def zh(self) -> str: ...
    @property
    def en(self) -> str: ...
    @property
    def kind(self) -> str: ...


@runtime_checkable
class TermFinder(Protocol):
    """Anything that finds protected terms in a text (``glossary.Glossary`` is one)."""

    def find_terms(self, text: str) -> Sequence[TermSpan]:
        """The terms of ``text``, in any order."""
        ...


@dataclass(frozen=True, slots=True)
class Span:
    """A protected span: ``text[start:end] == zh`` is restored as ``en``."""

    start: int
    end: int
    zh: str
    en: str
    kind: str


class MappingTermFinder:
    """Find the keys of a zh→en mapping in a text, longest first, left to right."""

    def __init__(self, terms: Mapping[str, str], kind: str = "term") -> None:
        self.terms = {zh: en for zh, en in terms.items() if zh and en}
        self.kind = kind
        # a named list matches by set lookup (fast for large glossaries), longest key first
        self._pattern = regex.compile(r"\L<terms>", terms=list(self.terms)) if self.terms else None

    def find_terms(self, text: str) -> list[Span]:
        """Every non-overlapping occurrence of a key of the mapping."""
        if self._pattern is None:
            return []
        return [
            Span(match.start(), match.end(), match.group(), self.terms[match.group()], self.kind)
            for match in self._pattern.finditer(text)
        ]


def as_term_finder(terms: Mapping[str, str] | TermFinder | None) -> TermFinder:
    """A :class:`TermFinder` for a mapping, a finder (returned as is) or ``None``."""
    if terms is None:
        return MappingTermFinder({})
    if isinstance(terms, Mapping):
        return MappingTermFinder(terms)
    return terms


_NUMBER = regex.compile(
    r"""
    (?<! [A-Za-z0-9０-９.．] )                        # not inside a code (5G, PM2.5) or number
    (?P<digits>
        [0-9]{1,3} (?: , [0-9]{3} )+ (?! [0-9] )     # 1,850 with thousands separators
        | [0-9０-９]+                                  # or a plain run of digits
    )
    (?P<fraction> [.．] [0-9０-９]+ )?                # decimals: 3.5
    (?P<multiplier> 万亿 | 亿 | 万 )?                   # Chinese myriad units, longest first
    (?P<percent> [%％] )?                             # a percentage sign
    (?! [0-9０-９.．A-Za-z月日号] )                   # not a code (3D, 5G); dates (3月) go to MT
    """,
    regex.VERBOSE,
)

_MULTIPLIERS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}
_SCALE_WORDS = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def number_english(digits: str, fraction: str = "", multiplier: str = "", percent: str = "") -> str:
    """English for a number read by :func:`find_numbers`: ``1850``+``亿`` → ``185 billion``."""
    ascii_digits = (digits + fraction.replace("．", ".")).translate(_FULL_WIDTH_DIGITS)
    if not multiplier:
        return ascii_digits + ("%" if percent else "")
    try:
        value = Decimal(ascii_digits.replace(",", "")) * _MULTIPLIERS[multiplier]
    except (InvalidOperation, KeyError):
        return ascii_digits + multiplier
    for scale, word in _SCALE_WORDS:
        if value >= scale:
            return f"{_plain(value / scale)} {word}" + ("%" if percent else "")
    integral = value.to_integral_value()
    rendered = f"{int(integral):,}" if integral == value else _plain(value)
    return rendered + ("%" if percent else "")


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def find_numbers(text: str) -> list[Span]:
    """Arabic numbers (with 万/亿 and %) as spans whose English is exact."""
    return [
        Span(
            match.start(),
            match.end(),
            match.group(),
            number_english(
                match.group("digits"),
                match.group("fraction") or "",
                match.group("multiplier") or "",
                match.group("percent") or "",
            ),
            "number",
        )
        for match in _NUMBER.finditer(text)
    ]


_PLACEHOLDER_PREFIXES = ("ZX", "ZY", "ZW", "ZV")
_PLACEHOLDER = regex.compile(
    r"""
    (?<! [A-Za-z] )        # a whole token, not part of a word
    Z [XYWV] [A-Z]         # Z, a series letter, an index letter
    (?! [A-Za-z] )
    """,
    regex.VERBOSE,
)
MAX_PLACEHOLDERS = 26 * len(_PLACEHOLDER_PREFIXES)
_SPACES = regex.compile(r"[ ]{2,}")  # runs of spaces left around placeholders


def _placeholder(index: int) -> str:
    return _PLACEHOLDER_PREFIXES[index // 26] + chr(ord("A") + index % 26)


@dataclass(frozen=True, slots=True)
class ProtectedSentence:
    """A sentence with its spans replaced: ``text`` goes to MT, ``restore`` maps back."""

    source: str
    text: str
    restore: tuple[tuple[str, str], ...]  # (placeholder, English) in order of appearance
    problem: str | None = None  # set when the sentence cannot be protected safely


def _select(spans: Iterable[TermSpan]) -> list[TermSpan]:
    """Non-overlapping spans, earliest first and, at the same start, longest first."""
    chosen: list[TermSpan] = []
    end = -1
    for span in sorted(spans, key=lambda span: (span.start, span.start - span.end)):
        if span.start >= end and span.end > span.start:
            chosen.append(span)
            end = span.end
    return chosen


def _outside(spans: Sequence[TermSpan], chosen: Sequence[TermSpan]) -> list[TermSpan]:
    """The ``spans`` that overlap none of ``chosen``; both sorted by start, one sweep."""
    kept: list[TermSpan] = []
    index = 0
    for span in spans:
        while index < len(chosen) and chosen[index].end <= span.start:
            index += 1  # chosen spans wholly before this one can never overlap later ones
        if index < len(chosen) and chosen[index].start < span.end:
            continue
        kept.append(span)
    return kept


def protect_sentence(
    sentence: str, finder: TermFinder, *, numbers: bool = True
) -> ProtectedSentence:
    """Replace the terms (and numbers) of ``sentence`` by placeholders."""
    clash = _PLACEHOLDER.search(sentence)
    if clash is not None:
        return ProtectedSentence(
            sentence,
            sentence,
            (),
            f"the text already holds the placeholder-like token {clash.group()!r}",
        )
    terms = _select(finder.find_terms(sentence))
    if numbers:
        terms = _select([*terms, *_outside(find_numbers(sentence), terms)])
    terms = terms[:MAX_PLACEHOLDERS]  # beyond that, the rest go through MT unprotected
    pieces: list[str] = []
    restore: list[tuple[str, str]] = []
    position = 0
    for index, span in enumerate(terms):
        placeholder = _placeholder(index)
        pieces.extend((sentence[position : span.start], f" {placeholder} "))
        restore.append((placeholder, span.en))
        position = span.end
    pieces.append(sentence[position:])
    text = _SPACES.sub(" ", "".join(pieces)).strip()
    return ProtectedSentence(sentence, text, tuple(restore))


_SPACE_BEFORE_PUNCTUATION = regex.compile(
    r"""
    [ ]+                   # spaces left where a placeholder met punctuation
    (?= [,.;:!?%)」』”’，。；：！？、] )
    """,
    regex.VERBOSE,
)


def restore_sentence(output: str, protected: ProtectedSentence) -> tuple[str | None, str | None]:
    """Put the English back into ``output``; return ``(text, None)`` or ``(None, problem)``."""
    found = [match.group() for match in _PLACEHOLDER.finditer(output)]
    expected = {placeholder for placeholder, _ in protected.restore}
    dropped = [placeholder for placeholder, _ in protected.restore if placeholder not in found]
    repeated = sorted({placeholder for placeholder in found if found.count(placeholder) > 1})
    invented = sorted(set(found) - expected)
    problems = [
        *(f"dropped {placeholder}" for placeholder in dropped),
        *(f"repeated {placeholder}" for placeholder in repeated),
        *(f"invented {placeholder}" for placeholder in invented),
    ]
    if problems:
        return None, ", ".join(problems)
    english = dict(protected.restore)
    text = _PLACEHOLDER.sub(lambda match: english[match.group()], output)
    text = _SPACES.sub(" ", text)
    return _SPACE_BEFORE_PUNCTUATION.sub("", text).strip(), None


@dataclass(frozen=True, slots=True)
class PlaceholderFailure:
    """A sentence whose placeholders did not survive MT (its output is ``None``)."""

    sentence: str
    sent: str
    output: str | None
    problem: str

    def message(self) -> str:
        """One line for a warnings list."""
        excerpt = self.sentence if len(self.sentence) <= 40 else self.sentence[:40] + "…"
        return f"machine translation withheld ({self.problem}): {excerpt}"


class ProtectingTranslator:
    """Protect terms and numbers around an inner backend; a backend itself.

    Texts are split into sentences, protected, sent to ``inner`` in one call, checked and
    restored. A text's output is its sentences' outputs joined by spaces, or ``None`` when
    any of its sentences failed (:meth:`translate_sentences` gives the per-sentence results).
    """

    def __init__(
        self,
        inner: Translator,
        terms: Mapping[str, str] | TermFinder | None = None,
        *,
        numbers: bool = True,
        max_sentence_chars: int = DEFAULT_MAX_CHARS,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.finder = as_term_finder(terms)
        self.numbers = numbers
        self.max_sentence_chars = max_sentence_chars
        self.failures: list[PlaceholderFailure] = []

    @property
    def model_version(self) -> str:
        """The wrapped backend's model version (empty when it has none)."""
        return str(getattr(self.inner, "model_version", ""))

    @property
    def warnings(self) -> list[str]:
        """One message per failed sentence since creation."""
        return [failure.message() for failure in self.failures]

    def translate_sentences(self, texts: Sequence[str]) -> list[list[str | None]]:
        """Per text, the translation of each of its sentences (``None`` where it failed)."""
        per_text = [split_sentences(text, self.max_sentence_chars) for text in texts]
        protected = [
            protect_sentence(sentence, self.finder, numbers=self.numbers)
            for group in per_text
            for sentence in group
        ]
        sendable = [item.text for item in protected if item.problem is None]
        answers = self.inner.translate_batch(sendable) if sendable else []
        if len(answers) != len(sendable):
            raise TranslationError(
                f"the {self.inner.name!r} backend returned {len(answers)} translations "
                f"for {len(sendable)} sentences"
            )
        raw = iter(answers)
        results: list[str | None] = []
        for item in protected:
            if item.problem is not None:
                self.failures.append(PlaceholderFailure(item.source, item.text, None, item.problem))
                results.append(None)
                continue
            output = next(raw)
            if output is None:
                results.append(None)
                continue
            restored, problem = restore_sentence(output, item)
            if problem is not None:
                self.failures.append(PlaceholderFailure(item.source, item.text, output, problem))
            results.append(restored)
        grouped: list[list[str | None]] = []
        position = 0
        for group in per_text:
            grouped.append(results[position : position + len(group)])
            position += len(group)
        return grouped

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        """Translate ``texts``; a text with any failed sentence gets ``None``."""
        outputs: list[str | None] = []
        for sentences in self.translate_sentences(texts):
            if any(sentence is None for sentence in sentences):
                outputs.append(None)
            else:
                outputs.append(" ".join(sentence for sentence in sentences if sentence))
        return outputs


def term_accuracy(
    sources: Sequence[str],
    outputs: Sequence[str | None],
    terms: Mapping[str, str] | TermFinder,
) -> float:
    """Share of the terms found in each source whose official English is in its output.

    Each distinct term counts once per source; a ``None`` output misses all its terms; the
    comparison ignores case and runs of whitespace. With no terms at all the result is 1.0.
    """
    if len(sources) != len(outputs):
        raise InputError(
            f"term_accuracy needs one output per source: got {len(sources)} "
            f"sources and {len(outputs)} outputs"
        )
    finder = as_term_finder(terms)
    found = kept = 0
    for source, output in zip(sources, outputs, strict=True):
        english = {span.zh: span.en for span in finder.find_terms(source)}
        normalized = _normalize(output) if output is not None else ""
        found += len(english)
        kept += sum(1 for en in english.values() if _normalize(en) in normalized)
    return kept / found if found else 1.0


def _normalize(text: str) -> str:
    return " ".join(text.casefold().split())

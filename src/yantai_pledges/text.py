"""Text cleaning: the first stage of ``parse``.

``clean`` turns raw article text (pasted from an e-paper, a web page, a PDF or a scan) into the
cleaned text that every later span points into, and splits it into paragraphs:

1. characters: NFC; full-width ASCII digits and letters and ％．＋－ become ASCII
   (Chinese punctuation such as ，。；：（）“” stays); tabs and odd spaces (U+3000, NBSP …)
   become a plain space; control and invisible format characters are dropped; line ends
   become ``\\n``; traditional characters become simplified, one character for one
   character (``data/t2s.tsv``, from OpenCC); the pinyin glosses some mirror sites insert
   after characters (開(kāi)工, 個(gè)月) are dropped (:func:`pinyin_glosses` counts them);
2. lines: each line is stripped, runs of spaces shrink to one, empty lines go; spaces inside a
   date as e-paper and PDF copies print it (2024 年 1 月 15 日) go;
3. break repair: e-paper columns and PDF copies break sentences across lines
   ("全\\n\\n年新开工项目"). A line that does not end a sentence is joined to the next one
   unless either of them stands alone (a short headline, a speaker line, a date line, a
   credit line) or the next one starts with a point marker. Text hard-wrapped at a fixed
   width (most lines equally wide) is re-flowed even where a full line has no punctuation.

The output paragraphs are joined by ``\\n``; ``Paragraph.start``/``end`` are offsets into that text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import regex

from . import layout
from ._data import load_table
from .errors import EmptyInputError
from .lines import HEADING_MAX, Paragraph, ends_sentence

__all__ = [
    "Paragraph",
    "clean",
    "ends_sentence",
    "normalize_characters",
    "pinyin_glosses",
    "repair_breaks",
]


# A hard-wrapped text has at least this many lines of (nearly) one display width ...
_WRAP_MIN_LINES = 5
# ... making up at least this share of its lines.
_WRAP_MIN_SHARE = 0.4
# Lines narrower than this (display columns) are never taken as wrapped.
_WRAP_MIN_WIDTH = 16
# Marks a line never ends with unless the sentence goes on in the next line.
_OPEN_ENDINGS = frozenset("、“‘「『（(《—-/")
# Punctuation inside a line that shows it is running text, not a headline (stdlib re: it tests a
# character class on Han text several times faster than a set's isdisjoint).
_CLAUSE_MARK = re.compile(
    r"""
    [，。；！？,;]                        # Chinese and ASCII clause and sentence marks
    """,
    re.VERBOSE,
)

_NEWLINES = regex.compile(
    r"""
    \r\n?                               # Windows and old Mac line ends
    | [\u2028\u2029\x0b\x0c\x85]        # Unicode line/paragraph separators, VT, FF, NEL
    """,
    regex.VERBOSE,
)
_ODD_SPACES = regex.compile(
    r"""
    [\t\p{Zs}]                          # tab, NBSP, U+3000 ideographic space, thin spaces …
    """,
    regex.VERBOSE,
)
_INVISIBLE = regex.compile(
    r"""
    (?!\n)                              # keep the line ends
    [\p{Cc}\p{Cf}\p{Cs}]                # control, zero-width/format, lone surrogates
    """,
    regex.VERBOSE,
)
_SPACE_RUN = regex.compile(
    r"""
    [ ]{2,}                             # two or more spaces left by alignment padding
    """,
    regex.VERBOSE,
)
# Full-width forms that become ASCII: digits, letters and the number signs ％．＋－.
_FULLWIDTH_TO_ASCII = {
    **{code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)},
    **{code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)},
    **{code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)},
    ord("％"): ord("%"),
    ord("．"): ord("."),
    ord("＋"): ord("+"),
    ord("－"): ord("-"),
}


@functools.cache
def _character_table() -> dict[int, int]:
    """The one-to-one translation table: full-width → ASCII and traditional → simplified."""
    table = dict(_FULLWIDTH_TO_ASCII)
    for row in load_table("t2s"):
        table[ord(row["traditional"])] = ord(row["simplified"])
    return table


@functools.cache
def _may_be_mapped() -> re.Pattern[str]:
    """A pattern for a character ``_character_table`` may change: one it maps, or any beyond
    U+FFFF.

    The stdlib ``re`` (not ``regex``) compiles this set of ~4,000 characters into a bitmap that
    tests a character in constant time; the few hundred mapped characters beyond U+FFFF would each
    be tested one by one, so the whole plane range stands in for them (a text with such a
    character, rare, is translated anyway).
    """
    basic = "".join(sorted(chr(code) for code in _character_table() if code <= 0xFFFF))
    return re.compile(f"[{re.escape(basic)}\U00010000-\U0010ffff]")


# Pinyin with tone marks that mirror sites insert after a character: 區(qū), 開(kāi)工, 個(gè)月. A
# gloss holds 1–6 pinyin letters with at least one tone mark; neutral-tone glosses (de) and Latin in
# brackets without a tone mark (GDP, a, kW) are left alone.
_TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(
    rf"""
    (?<=[\u3400-\u4dbf\u4e00-\u9fff])          # right after a Han character
    \((?=[a-zü{_TONE_MARKED}]{{0,5}}[{_TONE_MARKED}])  # a tone-marked vowel inside
    [a-zü{_TONE_MARKED}]{{1,6}}\)
    """,
    re.VERBOSE,
)
_TONE_MARK = re.compile(f"[{_TONE_MARKED}]")  # a cheap test: most texts have none
# A tone mark may come decomposed (a vowel, then a combining macron, acute, caron or grave).
_TONE_MARK_OR_COMBINING = re.compile(f"[{_TONE_MARKED}\u0300\u0301\u0304\u030c]")


def pinyin_glosses(raw: str) -> int:
    """How many pinyin glosses :func:`normalize_characters` drops from ``raw``."""
    if _TONE_MARK_OR_COMBINING.search(raw) is None:
        return 0  # most texts: no second normalisation of the whole text
    text = unicodedata.normalize("NFC", raw)
    return len(_PINYIN_GLOSS.findall(text))


def normalize_characters(raw: str) -> str:
    """Normalise characters (step 1 of :func:`clean`); line structure is kept."""
    text = unicodedata.normalize("NFC", raw)
    # Every character the three patterns change is non-printable (the plain space that
    # _ODD_SPACES maps to itself aside), so a text printable but for its line ends, as most
    # are, skips their three scans.
    if not text.replace("\n", "").isprintable():
        text = _NEWLINES.sub("\n", text)
        text = _ODD_SPACES.sub(" ", text)
        text = _INVISIBLE.sub("", text)
    if _TONE_MARK.search(text):
        text = _PINYIN_GLOSS.sub("", text)
    if _may_be_mapped().search(text) is None:
        return text  # most texts have nothing to map, and the search is cheaper than translate
    normalized: str = text.translate(_character_table())
    return normalized


def _is_heading_like(line: str) -> bool:
    """A short line without clause punctuation: a headline, a column label, a date, a byline
    (a line ending in 、 or an opening quote is a broken sentence, never a headline)."""
    return (
        len(line) <= HEADING_MAX
        and _CLAUSE_MARK.search(line) is None
        and line[-1:] not in _OPEN_ENDINGS
    )


def _display_width(line: str) -> int:
    """Columns a line takes in print: ASCII is one column, everything else (CJK) two."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def _wrap_width(lines: Sequence[str]) -> int | None:
    """The display width a hard-wrapped text is wrapped at, or None if it is not hard-wrapped."""
    # _display_width inlined: this reads every line of every article.
    widths = Counter(
        [
            2 * len(line) - len(line.encode("ascii", "ignore"))
            for line in lines
            if len(line) <= 4 * HEADING_MAX
        ]
    )
    # A candidate width counts the lines of three widths: unless three times the most frequent
    # width's count reaches the lines needed (not in prose, whose widths all differ), none can.
    needed = max(_WRAP_MIN_LINES, _WRAP_MIN_SHARE * len(lines))
    if not widths or 3 * max(widths.values()) < needed:
        return None
    # Lines of a wrapped text differ by a column or two (a half-width digit, a final punctuation):
    # for each candidate width, the lines up to two columns narrower.
    near = {
        width: widths[width] + widths.get(width - 1, 0) + widths.get(width - 2, 0)
        for width in widths
        if width >= _WRAP_MIN_WIDTH
    }
    if not near:
        return None
    width = max(near, key=lambda w: (near[w], w))
    if near[width] >= needed:
        return width
    return None


def _stands_alone(line: str) -> bool:
    """A line that is never part of a broken sentence: speaker, date, credit or page furniture
    line (来源：… 发布时间：…)."""
    return len(line) <= 2 * HEADING_MAX and layout.stands_alone(line)


def _is_full_line(line: str, wrap_width: int | None) -> bool:
    """Whether a line fills the width a hard-wrapped text is wrapped at."""
    return (
        wrap_width is not None
        and len(line) <= 4 * HEADING_MAX
        and _display_width(line) >= wrap_width - 2
    )


def _opens_paragraph(line: str, alone: bool, wrap_width: int | None) -> bool:
    """A line that starts a paragraph of its own: a standalone line, a credit that opens a news
    report (本报讯（记者 X）…), a point marker (一是, （二）, 3.), a headline (unless the line is a
    full line of a hard-wrapped text)."""
    headline = (
        _is_heading_like(line) and not ends_sentence(line) and not _is_full_line(line, wrap_width)
    )
    return (
        alone
        or headline
        or layout.starts_with_point_marker(line)
        or layout.leading_credit_end(line) is not None  # the slower test, last
    )


def _ends_with_credit(text: str) -> bool:
    """Whether a paragraph ends with a credit (…新优势。 YMG全媒体记者 童佳怡 整理)."""
    return layout.trailing_credit_start(text[-2 * HEADING_MAX :]) is not None


def _joins(
    pieces: Sequence[str],
    line: str,
    alone: bool,
    previous_alone: bool,
    wrap_width: int | None,
) -> bool:
    """Whether ``line`` goes on the paragraph being built from ``pieces``: the paragraph leaves a
    sentence open and the line does not open a paragraph of its own.

    A single line that stands alone or is a headline ends its paragraph (a full line of a
    hard-wrapped text is never a headline); a re-flowed paragraph is running text, so only its
    end matters. The cheap end tests come first (most paragraphs end a sentence), the credit
    tests last.
    """
    if len(pieces) == 1:
        previous = pieces[0]
        if (
            ends_sentence(previous)
            or previous_alone
            or (not _is_full_line(previous, wrap_width) and _is_heading_like(previous))
        ):
            return False
    else:
        previous = _tail_text(pieces)
        if ends_sentence(previous):
            return False
    return not (_opens_paragraph(line, alone, wrap_width) or _ends_with_credit(previous))


def _glue(left: str, right: str) -> str:
    """The separator for joining two pieces: a space between Latin words, else nothing
    (a number broken across lines, 1 / 2个, joins without one)."""
    last, first = left[-1:], right[:1]
    if last.isascii() and last.isalpha() and first.isascii() and first.isalpha():
        return " "
    return ""


def repair_breaks(lines: Sequence[str]) -> list[str]:
    """Join lines that break a sentence (step 3 of :func:`clean`); see the module docstring."""
    wrap_width = _wrap_width(lines)
    paragraphs: list[str] = []
    pieces: list[str] = []  # the paragraph being built, as pieces (joining once keeps it linear)
    previous_alone = False
    for line in lines:
        alone = _stands_alone(line)
        if pieces:
            if _joins(pieces, line, alone, previous_alone, wrap_width):
                pieces.append(_glue(pieces[-1], line))
                pieces.append(line)
                continue
            paragraphs.append("".join(pieces))
        pieces = [line]
        previous_alone = alone
    if pieces:
        paragraphs.append("".join(pieces))
    return paragraphs


def _tail_text(pieces: Sequence[str]) -> str:
    """The last characters of a paragraph under construction (enough for the end checks)."""
    collected: list[str] = []
    size = 0
    for piece in reversed(pieces):
        collected.append(piece)
        size += len(piece)
        if size >= 2 * HEADING_MAX:
            break
    return "".join(reversed(collected))


# A space inside a date: between a digit and 年/月/日/号, or after 年/月 before a digit.
_SPACE_IN_DATE = re.compile(r"(?<=[0-9]) (?=[年月日号])|(?<=[年月]) (?=[0-9])")


def _lines(text: str) -> list[str]:
    """Stripped, space-normalised, non-empty lines (step 2 of :func:`clean`)."""
    # One substitution for the whole text: a run of spaces never spans a line end, and stripping
    # a line after it leaves the same line as before it.
    spaced = _SPACE_RUN.sub(" ", text)
    if " 年" in spaced or "年 " in spaced or " 月" in spaced:  # most texts: no spaced date
        spaced = _SPACE_IN_DATE.sub("", spaced)
    lines = (line.strip() for line in spaced.split("\n"))
    return [line for line in lines if line]


def clean(raw: str) -> tuple[str, list[Paragraph]]:
    """Clean an article's raw text; return the cleaned text and its paragraphs.

    >>> text, paragraphs = clean("區市書記談\\n\\n全力推進，確保全\\n\\n年新開工項目１３０個以上。")
    >>> text
    '区市书记谈\\n全力推进，确保全年新开工项目130个以上。'
    >>> [(p.start, p.end) for p in paragraphs]
    [(0, 5), (6, 27)]
    """
    if not raw or raw.isspace():
        raise EmptyInputError("the article text is empty: pass the text of an article")
    lines = _lines(normalize_characters(raw))
    if not lines:
        raise EmptyInputError(
            "the article text holds only control or invisible characters: pass readable text"
        )
    paragraphs: list[Paragraph] = []
    offset = 0
    for text in repair_breaks(lines):
        paragraphs.append(Paragraph(text, offset, offset + len(text)))
        offset += len(text) + 1
    return "\n".join(paragraph.text for paragraph in paragraphs), paragraphs

"""Pinyin for Chinese left inside English text: the readable fallback for a term without English.

Stage: export. Where a rule found no English for a term (a metric not in the glossary, a unit
word), the English cell must still hold no Chinese characters. Each run of Han characters is split
into words by longest match in a word list (the bundled glossary's Chinese terms and the words of
pypinyin's phrase table, bundled as ``data/pinyin_words.tsv`` by ``scripts/build_pinyin.py`` so
that a workbook need not import pypinyin; single characters left between words form one word).
A word the glossary knows gets its English; any other word becomes toneless pinyin, one word as
the pinyin orthography rules (GB/T 16159) write it, in lower case (generic terms, not names):
区本级财政收入 → "qubenji fiscal revenue". The words given in pinyin are returned, so that they can be listed for
the glossary.
"""

from __future__ import annotations

import functools
import re

from .._data import load_table
from .names import join_syllables, pinyin_syllables

__all__ = ["has_han", "romanise_run", "romanised"]

# Han ideographs (BMP blocks and the supplementary planes); stdlib ``re``: plain classes suffice.
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# What a pinyin word must not run into: a word or a closing quote before it, a word or an
# opening quote after it.
_BEFORE_JOINS = re.compile(r"[A-Za-z0-9\u201d]")
_AFTER_JOINS = re.compile(r"[A-Za-z0-9\u201c]")
_LONGEST_WORD = 8  # characters; longer words are rare and each try costs a dict lookup
# (scripts/build_pinyin.py bundles pypinyin's words up to this length: change both together)


def has_han(text: str) -> bool:
    return _HAN_RUN.search(text) is not None


@functools.cache
def _glossary_english() -> dict[str, str]:
    from .glossary import default_glossary  # noqa: PLC0415 - lazy on purpose

    return {entry.zh: entry.en for entry in default_glossary()}


@functools.cache
def _words() -> frozenset[str]:
    """The word list: glossary terms and pypinyin's phrases of 2 to ``_LONGEST_WORD`` characters
    (only those lengths are looked up)."""
    phrases = (word for row in load_table("pinyin_words") for word in row["words"].split(" "))
    return frozenset(phrases) | frozenset(_glossary_english())


def _segments(run: str) -> list[str]:
    """Longest-match words of ``run``; consecutive single characters form one word."""
    words = _words()
    segments: list[str] = []
    loose = ""
    start = 0
    while start < len(run):
        for end in range(min(len(run), start + _LONGEST_WORD), start, -1):
            if end - start == 1 or run[start:end] in words:
                break
        if end - start == 1:
            loose += run[start]
        else:
            if loose:
                segments.append(loose)
                loose = ""
            segments.append(run[start:end])
        start = end
    if loose:
        segments.append(loose)
    return segments


@functools.lru_cache(maxsize=8192)
def romanise_run(run: str) -> tuple[str, tuple[str, ...]]:
    """A run of Han characters in English words and pinyin, and the words given in pinyin:
    重中之重项目 → ("zhongzhongzhizhong projects", ("重中之重",))."""
    syllables = pinyin_syllables(run)
    if len(syllables) != len(run):  # pypinyin gave other than one syllable a character
        return join_syllables(syllables), (run,)
    known = _glossary_english()
    words: list[str] = []
    unknown: list[str] = []
    position = 0
    for segment in _segments(run):
        english = known.get(segment)
        if english is None:
            english = join_syllables(syllables[position : position + len(segment)])
            unknown.append(segment)
        words.append(english)
        position += len(segment)
    return " ".join(words), tuple(unknown)


def romanised(text: str) -> tuple[str, list[str]]:
    """``text`` with every Han run in English and pinyin, and the words given in pinyin (in
    order, repeats kept)."""
    runs: list[str] = []

    def replace(match: re.Match[str]) -> str:
        english, unknown = romanise_run(match.group())
        runs.extend(unknown)
        # a space where the run touched a word or a closing quote (“重点”项目 → "zhongdian" xiangmu)
        if match.start() > 0 and _BEFORE_JOINS.match(text, match.start() - 1):
            english = " " + english
        if match.end() < len(text) and _AFTER_JOINS.match(text, match.end()):
            english += " "
        return english

    return _HAN_RUN.sub(replace, text), runs

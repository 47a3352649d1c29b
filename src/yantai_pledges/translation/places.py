"""Place names in English: a Yantai gazetteer, then a general rule for the rest of China.

Stage: deterministic English. ``place_english`` tries, in order:

1. the gazetteer ``data/places.tsv`` (Yantai's districts, county-level cities and zones with their
   official English; Shandong's cities; provinces; major cities; fixed readings such as
   长岛 Changdao, 六安 Lu'an, 单县 Shan County);
2. a chain of gazetteer places written together, smallest last (山东省烟台市 → "Yantai, Shandong
   Province"), the rest of the chain by rule 3;
3. pinyin of the stem + the English of the administrative suffix (``data/place_suffixes.tsv``,
   longest first): 鼓楼区 → "Gulou District", 某某街道 → "Moumou Subdistrict".

One rule for every place (issue 16): the official romanisation with its level word — "Zhifu
District", "Qixia City", "Yantai City", "Shandong Province" (municipalities keep their bare names:
Beijing). ``place_name`` strips a generic " City" / " Province" for use inside organ names
("CPC Qixia Municipal Committee").
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import regex

from .._data import load_table
from ..errors import InputError
from ..layout import masthead_city
from .names import join_syllables, pinyin_syllables

__all__ = ["article_city", "place_english", "place_name"]

_HAN = regex.compile(r"\p{Han}")
_GENERIC_LEVEL = regex.compile(
    r"""
    \s(?:City|Province)$    # generic level words dropped from a bare name (Qixia City → Qixia)
    """,
    regex.VERBOSE,
)


_MAX_PLACE_LENGTH = 100  # longer text is not a place name; refusing it keeps the cost bounded


@functools.cache
def _gazetteer() -> dict[str, tuple[str, str]]:
    return {row["zh"]: (row["en"], row["kind"]) for row in load_table("places")}


@functools.cache
def _longest_name() -> int:
    return max(len(zh) for zh in _gazetteer())


@functools.cache
def _suffixes() -> tuple[tuple[str, str], ...]:
    rows = [(row["zh"], row["en"]) for row in load_table("place_suffixes")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def _pinyin_name(stem: str) -> str:
    known = _gazetteer().get(stem)
    if known is not None:
        return known[0]
    if not _HAN.search(stem):
        return stem
    word = join_syllables(pinyin_syllables(stem))
    return word[:1].upper() + word[1:]


def _split_suffix(zh: str) -> tuple[str, str] | None:
    for suffix, english in _suffixes():
        if zh.endswith(suffix) and len(zh) > len(suffix):
            return zh[: -len(suffix)], english
    return None


def _by_rule(zh: str) -> str:
    split = _split_suffix(zh)
    if split is None:
        return _pinyin_name(zh)
    stem, suffix_english = split
    return f"{_pinyin_name(stem)} {suffix_english}"  # a known stem keeps its reading: Lu'an City


def _chain(zh: str) -> list[str] | None:
    """Split 山东省烟台市芝罘区 into gazetteer places (not stems); ``None`` if it is not one."""
    gazetteer = _gazetteer()
    parts: list[str] = []
    start = 0
    while start < len(zh):
        for end in range(min(len(zh), start + _longest_name()), start + 1, -1):
            entry = gazetteer.get(zh[start:end])
            if entry is not None and entry[1] != "stem":
                parts.append(entry[0])
                start = end
                break
        else:
            if not parts or _split_suffix(zh[start:]) is None:
                return None  # the rest is not a place with an administrative suffix
            parts.append(_by_rule(zh[start:]))
            break
    return parts if len(parts) > 1 else None


# Cached: the same few jurisdictions recur in every article, and pinyin is slow.
@functools.lru_cache(maxsize=4096)
def place_english(zh: str) -> str:
    """The English of a Chinese place name: 芝罘区 → "Zhifu District", 鼓楼区 → "Gulou District"."""
    name = zh.strip()
    if not name:
        raise InputError("empty place name: pass the name as written, e.g. '芝罘区'")
    if len(name) > _MAX_PLACE_LENGTH:
        raise InputError(
            f"text of {len(name)} characters is not a place name: pass only the name, e.g. '芝罘区'"
        )
    known = _gazetteer().get(name)
    if known is not None:
        return known[0]
    if not _HAN.search(name):
        return name
    chain = _chain(name)
    if chain is not None:
        return ", ".join(reversed(chain))
    return _by_rule(name)


# Cached as place_english: organ names ask for the same few places again and again.
@functools.lru_cache(maxsize=4096)
def place_name(zh: str) -> str:
    """The bare name for use inside an organ's name: 栖霞市 → "Qixia", 某某市 → "Moumou"."""
    return _GENERIC_LEVEL.sub("", place_english(zh))


_CITY_KINDS = frozenset({"prefecture-city", "municipality"})


def article_city(text: str) -> str | None:
    """The city a bare 市委 or 副市长 of an article belongs to (烟台市), or None.

    A city paper's masthead at the top (株洲日报 2024年4月18日) names it when the article names the
    city again; else the city of the gazetteer (data/places.tsv) the text names most often
    (烟台 in the seed); else None, and positions are rendered without a city ("Vice Mayor").
    """
    stem = masthead_city(text)
    if stem is None:
        counts = Counter(_city_mention().findall(text))  # findall: no match object per mention
        stem = max(counts, key=lambda stem: (counts[stem], stem)) if counts else None
    return None if stem is None else stem + "市"


@functools.cache
def _city_mention() -> re.Pattern[str]:
    """The gazetteer's cities without 市 (烟台, 济南, 北京), as one pattern: one scan of a text
    (stdlib ``re``: plain words, which it finds faster)."""
    stems = {zh.removesuffix("市") for zh, (_, kind) in _gazetteer().items() if kind in _CITY_KINDS}
    return re.compile("|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True)))

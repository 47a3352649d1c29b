"""Person names in English: surname-aware pinyin, "Surname Givenname" (牟树青 → Mou Shuqing).

Stage: deterministic English. The surname is read from ``data/surnames.tsv`` (compound surnames such
as 欧阳 first, then single characters with their surname reading: 单 Shan, 曾 Zeng, 牟 Mou),
the given name in pinyin: from ``data/pinyin.tsv`` (each character's toneless reading, taken from
pypinyin by ``scripts/build_pinyin.py``) when the name holds none of the phrases that read a
character otherwise (``data/pinyin_phrases.tsv``), else from pypinyin itself, imported on first use;
both give the same syllables, and the table spares the 170 ms pypinyin takes to load.
Conventions, chosen and documented here:

* no tone marks; the given name's syllables are joined and capitalised once (Shuqing);
* ü after l/n is written ``yu``, as in Chinese passports (Ministry of Public Security): 吕 → Lyu,
  绿 → lyu; after j/q/x/y pinyin already writes it ``u`` (Xu);
* a syllable starting with a, o or e inside a word gets an apostrophe, as in the pinyin orthography
  rules GB/T 16159 (嘉恩 → Jia'en), so the syllable boundary stays readable;
* a name with a middle dot (ethnic-minority names written in Chinese characters: 买买提·艾力) gives
  each part in pinyin, capitalised; text without Chinese characters is returned unchanged.

These pinyin helpers are shared with place names (translation/places.py).
"""

from __future__ import annotations

import functools

import regex

from .._data import load_table
from ..errors import InputError

__all__ = ["join_syllables", "person_name_english", "pinyin_syllables", "split_name"]

_HAN = regex.compile(r"\p{Han}")
_NAME_PARTS = regex.compile(
    r"""
    [·•・‧.\s]+    # middle dots (several code points in use) and spaces separate name parts
    """,
    regex.VERBOSE,
)
_VOWEL_INITIAL = frozenset("aoe")
_MAX_NAME_LENGTH = 60  # longer text is not a name; refusing it keeps the cost bounded


@functools.cache
def _surnames() -> dict[str, str]:
    return {row["zh"]: row["pinyin"] for row in load_table("surnames")}


@functools.cache
def _reading_rows() -> tuple[tuple[str, str], ...]:
    """(characters, their toneless pinyin) per row of data/pinyin.tsv."""
    return tuple((row["characters"], row["pinyin"]) for row in load_table("pinyin"))


# A character's row is searched for when it is first met (418 searches in C, about 20 µs), not
# put into a dictionary of all 42,000 characters: that took 8 ms of a process's first parse, and
# names use a few thousand characters at most.
@functools.lru_cache(maxsize=65_536)
def _character_reading(character: str) -> str | None:
    """A Chinese character's toneless pinyin (pypinyin's first reading); None if it has none."""
    for characters, reading in _reading_rows():
        if character in characters:
            return reading
    return None


@functools.cache
def _phrases_read_otherwise() -> dict[str, tuple[str, ...]]:
    """First character → the phrases starting with it that read a character otherwise."""
    return {row["first"]: tuple(row["phrases"].split(" ")) for row in load_table("pinyin_phrases")}


def _table_syllables(text: str) -> list[str] | None:
    """The syllables from the bundled table, or None when only pypinyin can tell (see above)."""
    syllables = []
    for character in text:
        reading = _character_reading(character)
        if reading is None:  # not a Chinese character, or one pypinyin has no reading for
            return None
        syllables.append(reading)
    phrases = _phrases_read_otherwise()
    for position, character in enumerate(text):
        for phrase in phrases.get(character, ()):
            if text.startswith(phrase, position):
                return None
    return syllables


def pinyin_syllables(text: str) -> list[str]:
    """Toneless lower-case pinyin, one item per Chinese character; other runs kept as they are."""
    syllables = _table_syllables(text)
    if syllables is None:
        # imported lazily: loading pypinyin's dictionaries is slow
        from pypinyin import Style, lazy_pinyin  # noqa: PLC0415

        syllables = lazy_pinyin(text, style=Style.NORMAL, errors="default", strict=True)
    return [
        syllable.replace("v", "yu") if syllable.isascii() else syllable for syllable in syllables
    ]


def join_syllables(syllables: list[str]) -> str:
    """Join syllables into one word, with an apostrophe before an a/o/e syllable (Xi'an)."""
    word = ""
    for syllable in syllables:
        if word and syllable[:1].lower() in _VOWEL_INITIAL:
            word += "'"
        word += syllable
    return word


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def split_name(zh: str) -> tuple[str, str]:
    """Split a Chinese personal name into (surname, given name): compound surnames first."""
    name = zh.strip()
    if len(name) >= 3 and name[:2] in _surnames():
        return name[:2], name[2:]
    return name[:1], name[1:]


def _part_english(part: str) -> str:
    if not _HAN.search(part):
        return part
    return _capitalised(join_syllables(pinyin_syllables(part)))


# Cached: pypinyin costs tens of microseconds a name, and a name recurs (speaker, credits, articles).
@functools.lru_cache(maxsize=4096)
def person_name_english(zh: str) -> str:
    """The pinyin of a person's name: 牟树青 → "Mou Shuqing", 欧阳修文 → "Ouyang Xiuwen"."""
    name = zh.strip()
    if not name:
        raise InputError("empty person name: pass the name as written, e.g. '牟树青'")
    if len(name) > _MAX_NAME_LENGTH:
        raise InputError(
            f"text of {len(name)} characters is not a person name: "
            "pass only the name, e.g. '牟树青'"
        )
    if not _HAN.search(name):
        return name
    parts = [part for part in _NAME_PARTS.split(name) if part]
    if len(parts) > 1:
        return " ".join(_part_english(part) for part in parts)
    surname, given = split_name(name)
    surname_en = _surnames().get(surname) or _part_english(surname)
    if not given:
        return surname_en
    return f"{surname_en} {_part_english(given)}"

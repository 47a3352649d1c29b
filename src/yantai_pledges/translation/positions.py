"""Official positions in English, composed from parts: [place][organ][department][title].

Stage: deterministic English. A position is read from its end: the title (书记, 副市长 …), then an
optional department (宣传部) and organ (市委, 区委, 工委, 管委 …), and what is left is the place
(栖霞, 芝罘, 开发区). The parts and their English templates are in ``data/position_parts.tsv``::

    栖霞市委书记      → Secretary of the CPC Qixia Municipal Committee
    开发区工委书记    → Secretary of the CPC Working Committee of the Yantai Economic and
                        Technological Development Area

A speaker line lists positions that lean on each other, so ``positions_english`` carries context
from one position to the next: a title without an organ takes the previous organ (市委常委、秘书长 →
Secretary-General of the CPC Yantai Municipal Committee), an organ without a place takes the
previous place (开发区工委书记、管委主任 → Director of the Management Committee of the same zone). A
city-level organ without a place is the article's city (``city``: Chinese or English, default
Yantai). 区长 is rendered
"Mayor of X District" ("District Mayor" when the district is unknown), the form of the Shanghai and
Beijing municipal governments' English sites. A position that cannot be parsed is returned
unchanged if it has no Chinese, otherwise the parts that are known are kept and the rest is left
to the glossary or to pinyin, never dropped silently.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from .._data import load_table
from ..errors import InputError
from .glossary import default_glossary
from .places import place_english, place_name

__all__ = ["position_english", "positions_english"]


@dataclass(frozen=True, slots=True)
class _Part:
    zh: str
    en: str
    en_generic: str
    kind: str
    level: str


@dataclass(frozen=True, slots=True)
class _Context:
    """What the previous position established: its organ and its place."""

    organ: _Part | None = None
    place: str | None = None


# A position's parts of one kind, grouped by length, longest first: stripping a suffix is then a
# dict lookup per length instead of an ``endswith`` per part.
_SuffixTable = tuple[tuple[int, dict[str, _Part]], ...]


@functools.cache
def _parts() -> dict[str, _SuffixTable]:
    by_kind: dict[str, dict[int, dict[str, _Part]]] = {}
    for row in load_table("position_parts"):
        part = _Part(row["zh"], row["en"], row["en_generic"], row["kind"], row["level"])
        group = "title" if part.kind == "gov_title" else part.kind
        group = "organ" if group in {"party_organ", "gov_organ"} else group
        by_length = by_kind.setdefault(group, {}).setdefault(len(part.zh), {})
        by_length.setdefault(part.zh, part)  # the first row of a repeated zh wins
    return {kind: tuple(sorted(lengths.items(), reverse=True)) for kind, lengths in by_kind.items()}


def _strip_suffix(text: str, kind: str) -> tuple[str, _Part | None]:
    for length, parts in _parts().get(kind, ()):
        part = parts.get(text[-length:]) if 0 < length <= len(text) else None
        if part is not None:
            return text[:-length], part
    return text, None


def _place_for(stem: str, level: str, context: _Context, city: str | None) -> str | None:
    """The Chinese place an organ or title belongs to, or ``None`` when unknown."""
    if stem in {"", "本"}:
        if context.place is not None and (not level or context.place.endswith(level)):
            return context.place
        return city if level == "市" else None
    if stem == "市" and level in {"", "市"}:
        return city
    if level and not stem.endswith(level):
        return stem + level
    return stem


def _fill(part: _Part, place_zh: str | None) -> str:
    if place_zh is None:
        return part.en_generic
    return part.en.format(name=place_name(place_zh), full=place_english(place_zh))


def _compose(zh: str, context: _Context, city: str | None) -> tuple[str, _Context]:
    rest, title = _strip_suffix(zh, "title")
    rest, department = _strip_suffix(rest, "department")
    rest, organ = _strip_suffix(rest, "organ")
    if title is None and department is None and organ is None:
        return _fallback(zh), context
    place: str | None
    if title is not None and title.kind == "gov_title" and department is None and organ is None:
        place = _place_for(rest, title.level, context, city)
        return _fill(title, place), _Context(None, place)
    if organ is None and rest in {"", "本"}:
        organ, place = context.organ, context.place
    elif organ is None:
        place = city if rest == "市" else rest
    else:
        place = _place_for(rest, organ.level, context, city)
    organ_en = _fill(organ, place) if organ is not None else None
    body = department.en if department is not None else None
    if body is not None and organ_en is not None:
        body = f"{body} of the {organ_en}"
    elif body is not None and place is not None:
        body = f"{place_name(place)} {body}"  # 市发改委 → Yantai Development and Reform Commission
    elif body is None:
        body = organ_en
    if title is None:
        english = body or ""
    elif body is None:
        english = title.en_generic or title.en
    else:
        english = f"{title.en} of the {body}"
    return english, _Context(organ, place)


def _fallback(zh: str) -> str:
    english = default_glossary().lookup(zh)
    if english is not None:
        return english[:1].upper() + english[1:]
    return place_english(zh)


def positions_english(
    positions: Sequence[str], *, city: str | None = "Yantai", jurisdiction: str | None = None
) -> list[str]:
    """The English of a speaker's positions, in order, each read in the context of the previous.

    ``jurisdiction`` (e.g. 芝罘区) is the place of an organ or title written without one
    (区委, 区长).
    """
    return list(_positions_english(tuple(positions), city, jurisdiction))


# Cached: the same officials speak in article after article, and a speaker's positions read as a
# whole (each in the context of the previous) are a pure function of the line, city and place.
# A tuple, so no caller can change a cached value.
@functools.lru_cache(maxsize=4096)
def _positions_english(
    positions: tuple[str, ...], city: str | None, jurisdiction: str | None
) -> tuple[str, ...]:
    place = (jurisdiction or "").strip()
    # A bare 市委/副市长 opening the list is the paper's city, even when the speaker's own
    # jurisdiction is a county-level city (市委常委、栖霞市委书记): only 区/县 fill a bare organ.
    context = _Context(None, place) if place and not place.endswith("市") else _Context()
    result: list[str] = []
    for position in positions:
        text = position.strip()
        if not text:
            raise InputError("empty position: pass each position as written, e.g. '市委常委'")
        english, context = _compose(text, context, city)
        result.append(english)
    return tuple(result)


def position_english(
    zh: str, *, city: str | None = "Yantai", jurisdiction: str | None = None
) -> str:
    """The English of one position; ``jurisdiction`` (e.g. 芝罘区) is the place of a bare 区委."""
    return positions_english([zh], city=city, jurisdiction=jurisdiction)[0]

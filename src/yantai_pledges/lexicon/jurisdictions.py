"""Jurisdictions: a place name as an article writes it → its division code, level and parent.

:func:`resolve` reads a name (鼓楼区, 长春市绿园区, 张家界高新区, 开发区, 东南镇) in the context of its
article (:class:`Context`: the divisions the text names, its city, its year) against the tables of
:mod:`~yantai_pledges.lexicon.divisions`:

>>> context = Context("南京市鼓楼区召开会议。", 2023)
>>> resolve("鼓楼区", context).code
'320106'
>>> resolve("鼓楼区", Context("召开会议。", 2023)).code is None  # four 鼓楼区 in China: no code
True

The rules, in order; a wrong code is worse than none, so whatever stays ambiguous has no code
(its level is still given when every candidate has the same one):

1. **The name itself.** The longest end of the name that is a division's full name (市中区,
   淳安县 in 号淳安县) is the place; what stands before it must name places above it (长春市绿园区,
   陕西咸阳市), and only candidates under them are kept. A province's or prefecture's short name
   alone (新乡, 浙江) is that division. A name in use in another year than the article's resolves
   by the years nearest to the article's (蓬莱市 is 370684 up to 2019; 蓬莱区 370614 from 2020).
2. **The context.** Of several candidates, the one under the most specific division the article
   names otherwise (its city, a county of the same prefecture, the province) is chosen, when no
   other candidate is as close; a tie gives no code. A name with one candidate in China needs no
   context, except a town's: town names repeat, so a town needs its county, prefecture or
   province in the text.
3. **Zones** (开发区, 高新区, 经开区, 新区 …) mostly have no GB/T 2260 code: level ``zone``, the
   parent the prefecture (or county) that the name or the article names. A zone with a statistical
   code of the National Bureau of Statistics gets it: by its full name (烟台经济技术开发区 →
   370676), or as the one zone of its kind of a prefecture named before it or, written alone, of
   the article's city (高新区 in a Yantai article → 370671).
4. **Towns** (镇, 乡, 街道, 苏木) get the NBS nine-digit code of the 2023 edition and their county
   as parent; **a bare level word** (自治区, 省) is the one such division the article names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from . import divisions as _divisions
from .divisions import TOWN_VINTAGE, Division, Level, ancestors, by_code, town_parent

__all__ = ["Context", "Resolution", "resolve"]

_DEPTH: Final[dict[str, int]] = {
    "province": 1,
    "prefecture": 2,
    "county": 3,
    "zone": 3,
    "township": 4,
}
# Zone endings, longest first, with the kind of zone they name: a zone with a statistical code is
# found as the one zone of its kind of a prefecture. None: found only by its full name.
_ZONE_ENDINGS: Final[tuple[tuple[str, str | None], ...]] = (
    ("高新技术产业开发区", "hitech"),
    ("高新技术产业园区", "hitech"),
    ("高新技术开发区", "hitech"),
    ("经济技术开发区", "economic"),
    ("自由贸易试验区", None),
    ("综合保税区", None),
    ("经济开发区", "economic"),
    ("综合试验区", None),
    ("高新园区", "hitech"),
    ("工业园区", None),
    ("产业园区", None),
    ("高新区", "hitech"),
    ("经开区", "economic"),
    ("开发区", "economic"),
    ("综保区", None),
    ("综试区", None),
    ("示范区", None),
    ("管理区", None),
    ("新区", None),
)
_ZONE_KIND_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "hitech": ("高新", "高技术"),
    "economic": ("经济技术开发区", "经济开发区"),
}
_TOWN_ENDINGS: Final = ("街道", "苏木", "镇", "乡")
# A level word written alone (the jurisdiction of 自治区主席, 省长): the one such division named.
_BARE_UNITS: Final[dict[str, tuple[str, Level]]] = {
    "自治区": ("自治区", "province"),
    "省": ("省", "province"),
    "市": ("市", "prefecture"),
    "州": ("州", "prefecture"),
    "区": ("区", "county"),
    "县": ("县", "county"),
    "旗": ("旗", "county"),
}
# The level a name's ending gives when the tables do not (市 may be a prefecture or a county).
_ENDING_LEVELS: Final[tuple[tuple[str, Level], ...]] = (
    ("自治区", "province"),
    ("省", "province"),
    ("自治州", "prefecture"),
    ("地区", "prefecture"),
    ("盟", "prefecture"),
    ("自治县", "county"),
    ("区", "county"),
    ("县", "county"),
    ("旗", "county"),
)
# Short names of prefectures that are also common words (大庆 "grand celebration", 开封 "unseal",
# 大理石 "marble", 普洱 tea): their mention in a text is no evidence of the place.
_WORD_SHORTS: Final = frozenset(
    {"大庆", "大同", "开封", "来宾", "安康", "长治", "中卫", "黄山", "普洱", "北海", "阿里"}
    | {"红河", "怒江", "大理", "攀枝花", "吉安", "白山", "永州", "三明", "海东", "海西", "海北"}
    | {"海南", "黄南", "玉林", "新余", "通化", "白城", "金昌", "临沧", "保山", "松原", "辽源"}
)
# Names of districts that are also common words: they end no longer name (高新区, 老城区, 工矿区).
# They are no evidence of the place when a text names them either (和县: "and county").
_WORD_NAMES: Final = frozenset({"城区", "郊区", "矿区", "新区", "和县"})
_MAX_NAME: Final = 40  # a longer "name" is text, not a place: refused at once
_MIN_SUPPORT_TOWN: Final = 1  # a town needs at least its province named in the article
_PRINCIPAL_MENTIONS: Final = 2  # the place an article names most often: at least this often
_PRINCIPAL_RATIO: Final = 3  # … and this many times as often as the places below it together
# How an article calls its own government: 我县 (counted three times), 全县 (once; 全区 is also a
# region's), but not 全省 in a ranking (居全省第三, 全省前列, 高于全省平均): that is the level above.
_RANKING: Final = "第|前|平均|首|排|领先|之首|位次"
_SELF_LEVELS: Final = ("省", "市", "区", "县")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name resolves to: code, level and the parent's code (each None when not known),
    and a warning when a name that looks like a division's could not be given a code."""

    code: str | None = None
    level: Level | None = None
    parent: str | None = None
    warning: str | None = None


@dataclass
class Context:
    """What an article says about where it is: the divisions its text names (read once, in one
    pass), its city (:attr:`Article.city <yantai_pledges.models.Article.city>`) and its year."""

    text: str
    year: int | None = None
    city: str | None = None
    # code → how often the text names it or a division below it, for the divisions it names
    # unambiguously (one division of that name in the article's year), and its city
    named: Counter[str] = field(init=False)
    # what the text names itself: a division's code, or a zone's name (张家界高新区) → how often
    direct: Counter[str] = field(init=False)
    # a zone named after a division (张家界高新区) → that division's code
    zone_owner: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.named, self.direct, self.zone_owner = Counter(), Counter(), {}
        by_offset: dict[tuple[int, str], list[Division]] = {}
        for offset, word, division in _divisions.mentions(self.text, self.year):
            if word in _WORD_NAMES or (
                division.level == "prefecture" and word == division.short and word in _WORD_SHORTS
            ):
                continue
            by_offset.setdefault((offset, word), []).append(division)
        for (offset, word), found in by_offset.items():
            if len(found) != 1:
                continue
            zone = _zone_after(self.text, offset + len(word))
            if zone is not None:  # 张家界高新区: a mention of the zone, not of the city
                self.direct[word + zone] += 1
                self.zone_owner[word + zone] = found[0].code
            else:
                self.direct[found[0].code] += 1
            self._name(found[0].code)
        for division in self._city_divisions(self.city) if self.city else ():
            self._name(division.code)

    def _name(self, code: str) -> None:
        self.named[code] += 1
        for above in ancestors(code, self.year):
            self.named[above] += 1

    def city_division(self) -> Division | None:
        """The article's city as a division, when it names one."""
        found = self._city_divisions(self.city) if self.city else []
        return found[0] if found else None

    def _city_divisions(self, city: str) -> list[Division]:
        found = _divisions.named(city, self.year) or _divisions.short_named(
            city.removesuffix("市"), self.year
        )
        return found if len(found) == 1 else []

    def _above(self, key: str) -> set[str]:
        owner = self.zone_owner.get(key)
        if owner is not None:
            return {owner, *ancestors(owner, self.year)}
        return set(ancestors(key, self.year))

    def principal(self) -> str | None:
        """The place the article is about when nothing else says, or None.

        When the article calls itself by a level (我县, 全县 … more often than by 我市, 全市, 我区,
        全区, 我省, 全省), the place of that level it names most often (strictly; a tie, or no
        place of that level, gives None). When it calls itself by no level, the division (or
        zone) the text names most often, at least twice and more often than any other, unless
        places below it are named too, together at least a third as often (a province's page on
        one of its cities). Its full name (a zone's as written).
        """
        level = self.self_level()
        if level is not None:
            ranked = [
                (k, n) for k, n in self.direct.most_common() if self._name_of(k).endswith(level)
            ]
            if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
                return None
            return self._name_of(ranked[0][0])
        ranked = self.direct.most_common()
        if not ranked or ranked[0][1] < _PRINCIPAL_MENTIONS:
            return None
        top, count = ranked[0]
        if len(ranked) > 1 and ranked[1][1] == count:
            return None
        below = sum(n for key, n in ranked[1:] if top in self._above(key))
        if count < _PRINCIPAL_RATIO * below:
            return None
        return self._name_of(top) or None

    def _name_of(self, key: str) -> str:
        """The full name of a division named by code, or a zone's name as written."""
        if key in self.zone_owner:
            return key
        division = by_code(key, self.year)
        return division.name if division is not None else ""

    def self_level(self) -> str | None:
        """The level word the article calls itself by (全县, 我县 → 县), if one dominates."""
        counts = Counter(
            {
                level: 3 * self.text.count("我" + level)
                + sum(1 for _ in re.finditer(f"全{level}(?!{_RANKING})", self.text))
                for level in _SELF_LEVELS
            }
        ).most_common()
        if counts[0][1] < _PRINCIPAL_MENTIONS or counts[1][1] == counts[0][1]:
            return None
        return counts[0][0]

    def prefecture(self) -> Division | None:
        """The article's prefecture: its city, else the one prefecture the text names (at least
        twice, and no other)."""
        city = self.city_division()
        if city is not None:
            return city
        prefectures = {
            code
            for code, count in self.named.items()
            if count >= _PRINCIPAL_MENTIONS
            and (division := by_code(code, self.year)) is not None
            and division.level == "prefecture"
        }
        others = {
            code
            for code in self.named
            if (division := by_code(code, self.year)) is not None and division.level == "prefecture"
        }
        if len(prefectures) == 1 and others == prefectures:
            return by_code(prefectures.pop(), self.year)
        return None

    def support(self, code: str, year: int | None) -> tuple[int, int]:
        """How closely the article points at ``code``: the depth of the most specific division
        above (or at) it that the text names, and how often it names that one."""
        best = (0, 0)
        for candidate in (code, *ancestors(code, year)):
            count = self.named.get(candidate, 0)
            if count:
                division = by_code(candidate, year)
                depth = _DEPTH[division.level] if division is not None else 0
                best = max(best, (depth, count))
        return best

    def unique_named(self, ending: str, level: Level) -> Division | None:
        """The one division of ``level`` whose name ends in ``ending`` that the text names."""
        found = {
            code
            for code in self.direct
            if (division := by_code(code, self.year)) is not None
            and division.level == level
            and division.name.endswith(ending)
        }
        return by_code(found.pop(), self.year) if len(found) == 1 else None


def _zone_after(text: str, offset: int) -> str | None:
    """The zone ending (高新区, 经开区 …) that starts at ``offset``, if any."""
    for ending, _kind in _ZONE_ENDINGS:
        if text.startswith(ending, offset):
            return ending
    return None


def _ending_level(name: str) -> Level | None:
    for ending, level in _ENDING_LEVELS:
        if name.endswith(ending):
            return level
    return None


def _prefix_divisions(
    prefix: str, year: int | None, *, county_shorts: bool = False
) -> list[list[Division]] | None:
    """The places a prefix names, biggest first (长春市 → [[长春市]], 陕西咸阳 → [[陕西], [咸阳市]]),
    longest names first; None when some part of it names no place. ``county_shorts`` reads the
    short names of counties as well (before a zone or a town: 姜堰开发区)."""
    parts: list[list[Division]] = []
    start = 0
    while start < len(prefix):
        for end in range(len(prefix), start + 1, -1):
            word = prefix[start:end]
            found = (
                _divisions.named(word, year)
                or _divisions.short_named(word, year)
                or (_divisions.county_short_named(word, year) if county_shorts else [])
            )
            if found:
                parts.append(found)
                start = end
                break
        else:
            return None
    return parts


def _under(
    candidates: Iterable[Division], parts: Sequence[Sequence[Division]], year: int | None
) -> list[Division]:
    """The candidates that lie under one division of every part of a prefix."""
    kept = []
    for candidate in candidates:
        above = set(ancestors(candidate.code, year))
        if all(any(division.code in above for division in part) for part in parts):
            kept.append(candidate)
    return kept


def _split(name: str, year: int | None) -> tuple[str, list[Division]] | None:
    """The longest end of ``name`` that is a division's full name, and its divisions; a common
    word that is also a district's name (新区, 城区) ends no longer name (高新区, 老城区)."""
    for start in range(len(name) - 1):
        tail = name[start:]
        found = _divisions.named(tail, year)
        if found and (start == 0 or tail not in _WORD_NAMES):
            return name[:start], found
    return None


def _place_label(division: Division, year: int | None) -> str:
    parent = by_code(division.parent, year) if division.parent else None
    return f"{division.name} {division.code}" + (f" ({parent.name})" if parent else "")


def _choose(
    name: str, candidates: Sequence[Division], context: Context, year: int | None, town: bool
) -> tuple[Division | None, str | None]:
    """The candidate the context points at, or None and why."""
    if not candidates:
        return None, None
    supports = [context.support(candidate.code, year) for candidate in candidates]
    best = max(supports)
    if len(candidates) == 1 and (not town or best[0] >= _MIN_SUPPORT_TOWN):
        return candidates[0], None
    leaders = [c for c, s in zip(candidates, supports, strict=True) if s[0] == best[0]]
    if best[0] > 0 and len(leaders) == 1:
        return leaders[0], None
    places = ", ".join(_place_label(candidate, year) for candidate in candidates[:6])
    more = f" and {len(candidates) - 6} more" if len(candidates) > 6 else ""
    if len(candidates) == 1:
        reason = f"the town {places} is not confirmed by any place the article names"
    else:
        reason = f"{len(candidates)} places have this name ({places}{more})"
    return None, f"no code for the jurisdiction {name}: {reason}, and the text does not say which"


def _common_level(candidates: Sequence[Division]) -> Level | None:
    levels = {candidate.level for candidate in candidates}
    return levels.pop() if len(levels) == 1 else None


def _resolved(division: Division) -> Resolution:
    return Resolution(division.code, division.level, division.parent)


def _zone(name: str, context: Context, year: int | None) -> Resolution | None:
    """A zone: its statistical code when it has one, its parent when the article says."""
    found = next(((e, k) for e, k in _ZONE_ENDINGS if name.endswith(e)), None)
    if found is None:
        return None
    ending, kind = found
    stem = name[: -len(ending)]
    owner: Division | None = None
    if stem:
        parts = _prefix_divisions(stem, year, county_shorts=True)
        if parts is None or len(parts[-1]) != 1:
            # 西海岸新区, 黄渤海新区: a zone's own name; its prefecture only from the article's city
            owner = context.prefecture()
            return Resolution(None, "zone", owner.code if owner else None)
        owner = parts[-1][0]
        coded = True
    else:
        owner = context.prefecture()
        coded = owner is not None and owner == context.city_division()
    if owner is None:
        return Resolution(None, "zone", None)
    code = None
    if kind is not None and coded and owner.level == "prefecture":
        words = _ZONE_KIND_WORDS[kind]
        matches = [
            zone
            for zone in _divisions.zones_of(owner.code)
            if any(word in zone.name for word in words)
            and not (kind == "economic" and any(w in zone.name for w in _ZONE_KIND_WORDS["hitech"]))
        ]
        code = matches[0].code if len(matches) == 1 else None
    return Resolution(code, "zone", owner.code)


def _town(name: str, context: Context) -> Resolution | None:
    if not name.endswith(_TOWN_ENDINGS) or len(name) < 2:
        return None
    prefix, town = "", name
    codes = _divisions.town_codes(name)
    for start in range(1, len(name) - 1):
        if codes:
            break
        prefix, town = name[:start], name[start:]
        codes = _divisions.town_codes(town)
    candidates = [
        Division(code, town, "township", town_parent(code), "", TOWN_VINTAGE, TOWN_VINTAGE)
        for code in codes
    ]
    if prefix:
        parts = _prefix_divisions(prefix, TOWN_VINTAGE, county_shorts=True)
        if parts is None:
            return Resolution(None, "township", None)
        candidates = _under(candidates, parts, TOWN_VINTAGE)
    return _pick(name, candidates, context, town=True, confirmed=bool(prefix))


def _pick(
    name: str,
    candidates: Sequence[Division],
    context: Context,
    *,
    town: bool = False,
    confirmed: bool = False,
) -> Resolution:
    """The candidate the context points at, else no code, the level they share and a warning;
    ``confirmed``: the name itself named a place above the candidates (陇县东南镇)."""
    year = TOWN_VINTAGE if town else context.year
    chosen, warning = _choose(name, candidates, context, year, town and not confirmed)
    if chosen is not None:
        return _resolved(chosen)
    level: Level | None = "township" if town else _common_level(candidates) or _ending_level(name)
    return Resolution(None, level, None, warning)


def _unlisted(name: str, context: Context) -> Resolution:
    """A name whose end is no division's full name: a short name, a zone, a town or none."""
    shorts = _divisions.short_named(name, context.year)
    if shorts:
        return _pick(name, shorts, context)
    return (
        _zone(name, context, context.year)
        or _town(name, context)
        or Resolution(level=_ending_level(name))
    )


def resolve(name: str, context: Context) -> Resolution:
    """The code, level and parent of the jurisdiction ``name`` in an article (see the module's
    docstring); an empty :class:`Resolution` for a name that is no place."""
    if not isinstance(name, str):
        return Resolution()
    name = name.strip()
    if not name or len(name) > _MAX_NAME:
        return Resolution()
    if name in _BARE_UNITS:
        ending, level = _BARE_UNITS[name]
        division = context.unique_named(ending, level)
        return _resolved(division) if division is not None else Resolution(level=level)
    split = _split(name, context.year)
    if split is None:
        return _unlisted(name, context)
    prefix, candidates = split
    if len(prefix) > 1:  # one character before a name is noise (号淳安县); more must be places
        parts = _prefix_divisions(prefix, context.year)
        if parts is None:
            return _zone(name, context, context.year) or Resolution(level=_common_level(candidates))
        candidates = _under(candidates, parts, context.year)
    return _pick(name, candidates, context)

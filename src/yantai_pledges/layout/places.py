"""Places: the jurisdiction of a post, place names of a level in a text, a city paper's masthead.

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

import regex

from .._data import load_table
from ..lexicon import divisions
from ..lines import Paragraph
from .parts import SpeakerParts
from .speakers import _CLAUSE_OPENERS, _split_position, _without_orgs
from .vocabulary import _vocabulary

# Jurisdictions inferred from the text

# Units a bare post's level accepts: a 镇党委书记 may lead a 街道 or a 乡 as well.
_LEVEL_UNITS = {
    "镇": ("街道", "镇", "乡"),
    "街道": ("街道", "镇", "乡"),
    "乡": ("街道", "镇", "乡"),
}
# Units above a level: a place name starts after them (济南市历城区 → 历城区).
_HIGHER_UNITS = {
    "区": "省市州盟",
    "县": "省市州盟",
    "市": "省",
    "镇": "省市区县旗",
    "街道": "省市区县旗",
    "乡": "省市区县旗",
}
# Longest place name before its unit (characters): 岚山, 东昌府, 西海岸新.
_PLACE_STEM_MAX = 4
# How much of a headline, first paragraph or title is searched for place names (characters).
_PLACE_WINDOW = 400
_WORD_AFTER_UNIT = regex.compile(
    r"""
    (?!政府|政协)                        # 县政府, 区政协: the place ends before them
    [域场城级直属民值容政情位间别划块分界村亲贤土愁风]   # 区域, 市场, 县城, 区级, 市政, 乡村
    """,
    regex.VERBOSE,
)
# Characters a place name may follow without punctuation: 在历城区, 今年兰山区, 与罗庄区.
_BEFORE_PLACE = frozenset("在于对据向从到由自将把为是与和及同年月日")
# A place name never starts with these: 全区, 本区, 我区, 该县, 各镇, 这个区.
_NOT_PLACE_START = frozenset("全本我该各此这那每其某")
# Characters no place name contains.
_PARTY_PREFIXES = ("中共", "共产党")
_NOT_IN_PLACE = frozenset("的了着是们说就也又并被把要之")  # 之: 草莓之乡
_HAN = regex.compile(
    r"""
    \p{Han}                             # one Chinese character
    """,
    regex.VERBOSE,
)


def _post_level(positions: Sequence[str]) -> str | None:
    """The unit of the highest-ranked post that names a level but no place (区委书记 → 区,
    县长 → 县, 镇党委书记 → 镇), or None."""
    vocabulary = _vocabulary()
    ranked: list[tuple[int, int, str]] = []
    for index, segment in enumerate(positions):
        parts = _split_position(segment)
        if parts is None:
            continue
        prefix, title = parts
        bare = _without_orgs(prefix)
        level = bare if bare in vocabulary.units else None
        if not bare and title in vocabulary.title_unit:
            level = vocabulary.title_unit[title]
        if level is not None:
            ranked.append((vocabulary.title_rank.get(title, 3), index, level))
    return min(ranked)[2] if ranked else None


def _place_before(text: str, unit_start: int, higher: str) -> str | None:
    """The name before a unit starting at ``unit_start``: 2–4 Chinese characters after a
    punctuation mark, a higher unit or a preposition (今年，兰山区 / 在济南市历城区), or None."""
    last = unit_start - 1 if text[unit_start - 1 : unit_start] == "州" else unit_start
    for size in range(1, _PLACE_STEM_MAX + 1):
        begin = unit_start - size
        # 州 right before the unit ends a name (开州区, 通州区) rather than a higher unit (自治州)
        if begin < 0 or not _HAN.match(text[begin]) or (text[begin] in higher and begin < last):
            return None
        if size < 2:
            continue
        before = text[begin - 1] if begin > 0 else ""
        if not before or not _HAN.match(before) or before in _BEFORE_PLACE or before in higher:
            return text[begin:unit_start]
        if text.endswith(_PARTY_PREFIXES, 0, begin):  # 中共聊城市委, 中国共产党聊城市第十四届
            return text[begin:unit_start]
    return None


def _is_common_word(place: str) -> bool:
    """Whether a would-be place is a common word (城区, 产业园区, 文明城市) rather than a name;
    one character before such a word makes a name (历城区, 诸城市)."""
    return any(
        place == word or (place.endswith(word) and len(place) - len(word) >= 2)
        for word in _vocabulary().not_places
    )


def find_places(text: str, level: str) -> tuple[str, ...]:
    """The distinct place names of a level (区, 县, 市, 镇 …) in the start of ``text``, in order.

    Without a gazetteer a name is 2–4 characters before its unit, after a clear boundary (a
    punctuation mark, a higher unit, a preposition); words like 全区, 本区, 城区, 文明城市 and
    clause openers (会上) are not places.

    >>> find_places("今年，兰山区将与罗庄区、河东区协同发展，全区上下", "区")
    ('兰山区', '罗庄区', '河东区')
    """
    vocabulary = _vocabulary()
    window = text[:_PLACE_WINDOW]
    higher = _HIGHER_UNITS.get(level, "省")
    places: list[str] = []
    for unit in _LEVEL_UNITS.get(level, (level,)):
        found = window.find(unit)
        while found >= 0:
            # The unit may begin another word (区域, 市场): then it ends no place name.
            in_word = _WORD_AFTER_UNIT.match(window, found + len(unit)) is not None
            stem = None if in_word else _place_before(window, found, higher)
            if stem is not None:
                stem = next((stem[len(o) :] for o in _CLAUSE_OPENERS if stem.startswith(o)), stem)
            place = f"{stem}{unit}" if stem else ""
            if (
                stem
                and len(stem) >= 2
                and stem[0] not in _NOT_PLACE_START
                and _NOT_IN_PLACE.isdisjoint(stem)
                and not _is_common_word(place)
                # 幸福社区 is a 社区, not a 区
                and not any(
                    place.endswith(other) and len(other) > len(unit) for other in vocabulary.units
                )
                and place not in places
            ):
                places.append(place)
            found = window.find(unit, found + len(unit))
    return tuple(places)


def _infer_jurisdiction(
    speaker: SpeakerParts | None, sources: Sequence[Paragraph | None], text: str = ""
) -> tuple[SpeakerParts | None, str | None]:
    """Fill in the jurisdiction of a post that names no place (区长, 区委书记) from the first of
    ``sources`` (headline, first paragraph, title) naming places of its level, if it names exactly
    one, else for a city's post from the masthead of ``text`` (鞍山日报 → 鞍山市); return the
    speaker and a warning if one was inferred."""
    if speaker is None or speaker.jurisdiction is not None:
        return speaker, None
    level = _post_level(speaker.positions)
    if level is None:
        return speaker, None
    found: str | None = None
    for source in sources:
        places = find_places(source.text, level) if source is not None else ()
        if len(places) > 1:
            return speaker, None
        if places:
            found = places[0]
            break
    city = masthead_city(text) if found is None and level == "市" else None
    if city is not None:
        found = city + "市"
    if found is None:
        return speaker, None
    warning = (
        f"the jurisdiction of {speaker.name} ({found}) was inferred from the text: "
        f"the position ({'、'.join(speaker.positions)}) names no place"
    )
    return replace(speaker, jurisdiction=found), warning


# A city paper's masthead at the top of an article names its city: 株洲日报, 烟台晚报, 盐城新闻网.
_MASTHEAD = regex.compile(
    r"""
    (?<!\p{Han})(?P<stem>\p{Han}{2,3}?)               # the city, a word of its own: 株洲, 鞍山
    (?:日报|晚报|都市报|新闻网|融媒体中心|发布)       # the outlet
    """,
    regex.VERBOSE,
)
# Mastheads that name no city: national and provincial papers and papers with a nickname.
_NOT_CITY_PAPERS = frozenset(
    {"大众", "人民", "光明", "经济", "中国", "农民", "科技", "法治", "法制", "工人", "南方", "新华"}
    | {
        "解放",
        "文汇",
        "齐鲁",
        "半岛",
        "扬子",
        "羊城",
        "楚天",
        "钱江",
        "今晚",
        "新民",
        "新京",
        "华西",
    }
    | {"三秦", "燕赵", "龙城", "中华", "学习", "求是", "环球"}
)
_MASTHEAD_REACH = 200  # the top of an article, where its masthead or source line stands
# The outlets of _MASTHEAD alone: a cheap test before it (stdlib re finds plain words faster, and
# most articles have no masthead within reach).
_MASTHEAD_OUTLET = re.compile(
    r"""
    日报|晚报|都市报|新闻网|融媒体中心|发布    # the outlet words of _MASTHEAD
    """,
    re.VERBOSE,
)


# Cached for the article being parsed: the layout asks once per statement whose post names no
# place, and the answer reads the whole article (is the city named again?); a str caches its
# hash, so a hit costs nothing. One entry: the cache holds on to no more than one article's text.
@functools.lru_cache(maxsize=1)
def masthead_city(text: str) -> str | None:
    """The city a city paper's masthead at the top of ``text`` names (株洲日报 2024年4月18日 →
    株洲), if the article names the city again; provinces' and national papers name none."""
    if _MASTHEAD_OUTLET.search(text, 0, _MASTHEAD_REACH) is None:
        return None  # every masthead ends in an outlet word within reach
    for match in _MASTHEAD.finditer(text, 0, _MASTHEAD_REACH):
        stem = match["stem"]
        if stem in _NOT_CITY_PAPERS or stem in _province_stems():
            continue
        if text.count(stem) >= 2:  # named again beyond its masthead
            return str(stem)
    return None


@functools.cache
def _province_stems() -> frozenset[str]:
    """Provinces and autonomous regions without their suffix (江西, 内蒙古), from the gazetteer."""
    kinds = {"province", "autonomous-region"}
    names = [row["zh"] for row in load_table("places") if row["kind"] in kinds]
    stems = {name.removesuffix("省").removesuffix("自治区") for name in names}
    return frozenset(stems | {name[:2] for name in names})  # 广西壮族自治区 → 广西


# The government whose text an article is: named before its congress, its government, its
# communiqué (龙华区第一届人民代表大会, 2020年望谟县国民经济和社会发展统计公报), or as the party
# committee and government that act together (浙江省委、省政府举行…, 某镇党委、镇政府).
_GOVERNMENT_TEXT = regex.compile(
    r"""
    (?P<unit>省|自治区|市|县|区|旗|盟|州|镇|乡|街道)
    (?:第?[一二三四五六七八九十]{1,3}届)?       # 第十四届, 十四届
    (?:\d{4}年(?:度)?)?                 # 开州区2024年国民经济和社会发展计划
    (?:人民代表大会|人民政府|政府工作报告|国民经济和社会发展|统计公报|人大
      |(?P<committee>党?委[、和与]?(?P=unit)(?:人民)?政府))  # 省委、省政府: one unit's committee and government
    """,
    regex.VERBOSE,
)
_GOVERNMENT_REACH = 1200  # the top of an article, where its congress or communiqué is named
_ARTICLE_PLACE_LEVELS = ("镇", "乡", "街道", "区", "县", "市")  # lowest first
_ARTICLE_PLACE_MENTIONS = 3  # a place named this often, and more than any other, is the article's
# A post's place that is only a unit word (自治区主席): it names the article's place, not its own.
UNIT_WORDS = frozenset({"省", "自治区", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道"})


def article_jurisdiction(text: str, speakers: Sequence[SpeakerParts | None]) -> str | None:
    """The government whose text an article is: the place named before its congress, government or
    communiqué near the top; else its speakers' jurisdiction when they share one (None when they
    do not); else the place named most often (at least three times, more than any other), unless
    a speaker's post names a level but no place and the place is not of that level (市委书记 at a
    groundbreaking in 杜集区 is the city's: the district is the venue).

    >>> article_jurisdiction("龙华区第一届人民代表大会第二次会议开幕。", [])
    '龙华区'
    >>> article_jurisdiction("杭州2月21日电 浙江省委、省政府举行重大项目集中开工活动。", [])
    '浙江省'
    >>> article_jurisdiction("全力锚定市委、市政府目标任务。", []) is None
    True
    >>> article_jurisdiction("2018年新巴尔虎左旗人民政府工作报告", [])
    '新巴尔虎左旗'
    >>> article_jurisdiction("专访自治区人大代表、武宣县委书记", []) is None
    True
    """
    for match in _GOVERNMENT_TEXT.finditer(text, 0, _GOVERNMENT_REACH):
        unit = match["unit"]
        end = match.start() + len(unit)
        listed = _listed_name_before(text, end)
        places = find_places(text[max(0, match.start() - 12) : end], unit)
        if places and text.startswith(places[-1], end - len(places[-1])):
            # 锚定市委、市政府目标 (a committee in running text) and 专访自治区人大代表 (every
            # province is listed): only a listed division's name.
            if (match["committee"] or unit in _PROVINCIAL_UNITS) and not divisions.named(
                places[-1]
            ):
                continue
            return listed if listed and len(listed) > len(places[-1]) else places[-1]
        if listed and len(listed) - len(unit) > _PLACE_STEM_MAX:
            return listed  # 新巴尔虎左旗人民政府: a listed name longer than find_places reads
    named = {s.jurisdiction for s in speakers if s is not None and s.jurisdiction} - UNIT_WORDS
    if len(named) > 1:
        return None  # a page of several places' officials (区县书记谈) speaks for none of them
    if named:
        return named.pop()
    place = _most_named_place(text)
    levels = {_post_level(s.positions) for s in speakers if s is not None} - {None}
    if place is not None and any(not place.endswith(str(level)) for level in levels):
        return None
    return place


_PROVINCIAL_UNITS = frozenset({"省", "自治区"})
_LONGEST_DIVISION_NAME = 12  # characters: 巴音郭楞蒙古自治州, 新巴尔虎左旗 and the like


def _listed_name_before(text: str, end: int) -> str | None:
    """The longest name of a listed division that ends at ``end``, if any."""
    for length in range(min(_LONGEST_DIVISION_NAME, end), 1, -1):
        name = text[end - length : end]
        if divisions.named(name):
            return name
    return None


def _most_named_place(text: str) -> str | None:
    counts = {
        place: text.count(place)
        for level in _ARTICLE_PLACE_LEVELS
        for place in find_places(text, level)
    }
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < _ARTICLE_PLACE_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]

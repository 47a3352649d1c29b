"""English for metrics: the glossary, then threshold, share, place and composition rules of
``data/metric_patterns.tsv`` (conventions in :mod:`.english`); ``None`` rather than half an English."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import product
from typing import NamedTuple

import regex

from .._data import load_table
from ..errors import DataFileError
from .english_quantities import amount_english
from .glossary import Glossary, default_glossary

__all__ = [
    "FUNCTION_WORDS",
    "SLOT",
    "Phrase",
    "Verb",
    "collapse",
    "metric_english",
    "metric_phrase",
]

_METRIC_MAX_LENGTH = 60  # longer "metrics" are clauses, not names: no composition attempted


_METRIC_MAX_DEPTH = 4

# ---------------------------------------------------------------------------------------------
# Metrics

_THRESHOLD = regex.compile(
    r"""
    ^(?P<attr>年产值|产值|营业收入|营收|销售收入|年纳税|纳税|税收|总投资|投资)?  # what is measured
    (?P<op>超过|突破|过|超|达到|达)?                                     # over …
    (?P<number>\d+(?:\.\d+)?|[十百千]?)                                  # … a number or none
    (?P<unit>万亿元|千亿元|百亿元|十亿元|亿元|千万元|百万元|万元|亿美元|万美元|元|美元)  # … money
    (?P<tail>以上)?                                                     # or "… or more"
    (?P<head>\p{Han}.*)$                                                # what is counted
    """,
    regex.VERBOSE,
)
# The number of a threshold written without digits: 过亿元 (one), 过百亿元 (a hundred).
_THRESHOLD_WORD_NUMBERS = {
    "": Decimal(1),
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
}
_CONNECTORS = {"和": "and", "及": "and", "与": "and", "、": "and", "以及": "and"}
_CONNECTOR = regex.compile(
    r"""
    (以及|[和及与、的])    # connectors between glossary terms: "and", or 的 ("of")
    """,
    regex.VERBOSE,
)
# stdlib re: a plain character class, tried on every metric composed, which it scans faster.
_QUOTES = re.compile(
    r"""
    [“”‘’"'「」『』]    # quote marks around a slogan or programme name: “重中之重”项目
    """,
    re.VERBOSE,
)
_LABEL = regex.compile(
    r"""
    [“"]                              # a quoted …
    (?P<label>[0-9A-Za-z][0-9A-Za-z+＋.]{0,19})  # … numeric or Latin label: “10+6”, “1+5+1”, “5G”
    [”"]
    """,
    regex.VERBOSE,
)
_SHARE_ENDINGS = ("的比重", "的比例", "比重", "比例")  # A占B(的)比重 → "share of A in B"
SLOT = "{n}"  # where a pattern puts the number in a summary ("{x} {n} above the city average")
_FRAMES = frozenset({"count", "amount", "by", "to", "reach", "inherit"})
# An English metric is "simple" (fit to go before "growth": "fixed-asset investment growth") when it is
# short and has no preposition, conjunction or participle; otherwise the pattern's second form is used
# ("growth in value added of industrial enterprises above designated size").
_SIMPLE_MAX_WORDS = 4
FUNCTION_WORDS = frozenset(
    {"of", "in", "for", "with", "above", "below", "worth", "and", "or", "to", "by", "per", "at",
     "from", "on", "over", "than"}
)  # fmt: skip
_PLURAL_END = regex.compile(
    r"""
    [^s]s$    # a plural last word (companies, imports), not one in -ss
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Verb:
    """The forms of a metric's predicate: "be attracted", "start/starts/starting/started construction"."""

    plural: str
    singular: str
    participle: str
    past_plural: str
    past_singular: str
    infinitive: str


def _parse_verb(spec: str) -> Verb | None:
    """ "be attracted" (a complement after "be") or "all start/starts/starting/started construction"."""
    spec = spec.strip()
    if not spec:
        return None
    if spec.startswith("be "):
        rest = spec[3:]
        return Verb(
            f"are {rest}", f"is {rest}", rest, f"were {rest}", f"was {rest}", f"to be {rest}"
        )
    words = spec.split(" ")
    index = next((i for i, word in enumerate(words) if word.count("/") == 3), None)
    if index is None:
        raise DataFileError(
            f"metric_patterns.tsv: verb {spec!r} must be 'be …' or give the four forms of its verb "
            "as base/third-person/-ing/past, e.g. 'start/starts/starting/started construction'"
        )
    base, third, ing, past = words[index].split("/")

    def form(word: str) -> str:
        return " ".join([*words[:index], word, *words[index + 1 :]])

    return Verb(form(base), form(third), form(ing), form(past), form(past), f"to {form(base)}")


class Phrase(NamedTuple):  # one per sub-phrase composed: a tuple builds faster than a dataclass
    """A metric in English: a noun phrase (maybe with a number slot), a predicate, a frame.

    frame says where the number goes in a summary: count ("130 new projects"), amount ("fixed-asset
    investment growth of 7%"), by / to ("… raised by 15%", "… cut to 0.5 working days"), reach ("the
    number of key projects reaches 500").
    """

    noun: str
    verb: Verb | None = None
    frame: str = "amount"

    def flat(self) -> str:
        """The noun phrase with the predicate as a participle: "major projects attracted"."""
        return f"{self.noun} {self.verb.participle}" if self.verb else self.noun

    def english(self) -> str:
        return collapse(self.flat().replace(SLOT, ""))

    def simple(self) -> bool:
        noun = self.noun
        if self.verb is not None or SLOT in noun or '"' in noun:
            return False
        if _PLURAL_END.search(noun):  # "growth in listed companies"
            return False
        words = noun.split()
        return len(words) <= _SIMPLE_MAX_WORDS and FUNCTION_WORDS.isdisjoint(words)


def collapse(text: str) -> str:
    """Each run of whitespace as one space, none at the ends."""
    # Most text is collapsed already, and testing that is cheaper than splitting and joining:
    # a printable string has no whitespace but the ASCII space (str.split's other separators
    # are all unprintable).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Pattern:
    prefix: str
    suffix: str
    simple_en: str
    complex_en: str
    verb: Verb | None
    frame: str

    def matches(self, text: str) -> str | None:
        """The part standing for X, or ``None``; X may be empty only where the number fills in."""
        if not (text.startswith(self.prefix) and text.endswith(self.suffix)):
            return None
        middle = text[len(self.prefix) : len(text) - len(self.suffix)]
        if len(self.prefix) + len(self.suffix) > len(text):
            return None
        return middle if middle or SLOT in self.simple_en else None

    def apply(self, inner: Phrase) -> Phrase:
        one_form = self.complex_en == self.simple_en  # most patterns: no need to ask simple()
        template = self.simple_en if one_form or inner.simple() else self.complex_en
        if self.frame == "inherit" and not (self.verb and inner.verb):
            noun = template.replace("{x}", inner.noun)
            return Phrase(noun, self.verb or inner.verb, inner.frame)
        inner_noun = inner.flat()
        if SLOT in template:
            inner_noun = inner_noun.replace(SLOT, "")
        frame = inner.frame if self.frame == "inherit" else self.frame
        return Phrase(template.replace("{x}", inner_noun), self.verb, frame)


@functools.cache
def _patterns() -> tuple[_Pattern, ...]:
    patterns = []
    for row in load_table("metric_patterns"):
        prefix, _, suffix = row["pattern"].partition("X")
        simple_en, _, complex_en = row["en"].partition("|")
        frame = row["frame"].strip()
        if frame not in _FRAMES:
            raise DataFileError(
                f"metric_patterns.tsv: frame {frame!r} is not one of {sorted(_FRAMES)}"
            )
        verb = _parse_verb(row.get("verb", ""))
        patterns.append(_Pattern(prefix, suffix, simple_en, complex_en or simple_en, verb, frame))
    return tuple(patterns)  # in file order: the table puts specific rows first


# Patterns are indexed by the first two characters of their prefix and the last two of their
# suffix (fewer when shorter, "" when empty): two characters single out a prefix family (新增 of
# the twelve 新… prefixes) where one would not.
_END_KEY = 2


@functools.cache
def _patterns_by_ends() -> dict[tuple[str, str], tuple[tuple[int, _Pattern], ...]]:
    """The patterns with their file positions, by the ends of their prefix and suffix (see
    ``_END_KEY``): a text is tried only against patterns that can fit it."""
    index: dict[tuple[str, str], list[tuple[int, _Pattern]]] = {}
    for position, pattern in enumerate(_patterns()):
        key = (pattern.prefix[:_END_KEY], pattern.suffix[-_END_KEY:])
        index.setdefault(key, []).append((position, pattern))
    return {key: tuple(found) for key, found in index.items()}


def _candidate_patterns(text: str) -> tuple[_Pattern, ...]:
    """The patterns whose prefix and suffix can fit ``text``, in file order."""
    return _patterns_for_ends(text[:_END_KEY], text[-_END_KEY:])


# Cached: keyed on a metric's first two and last two characters, a small vocabulary that recurs
# in every article (新增, 引进; 项目, 投资); the value is an immutable tuple.
@functools.lru_cache(maxsize=4096)
def _patterns_for_ends(first: str, last: str) -> tuple[_Pattern, ...]:
    index = _patterns_by_ends()
    starts = {first[:length] for length in range(_END_KEY + 1)}
    ends = {last[len(last) - length :] for length in range(_END_KEY + 1)}
    found = sorted(item for key in product(starts, ends) for item in index.get(key, ()))
    return tuple(pattern for _, pattern in found)


@functools.cache
def _places() -> dict[str, str]:
    """Full place names of the gazetteer (烟台市, 蓬莱区; not bare stems such as 烟台)."""
    return {row["zh"]: row["en"] for row in load_table("places") if row["kind"] != "stem"}


@functools.cache
def _place_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths of the gazetteer's place names by their first character, longest first: a
    metric is tried only against the prefixes that can be a place."""
    lengths: dict[str, set[int]] = {}
    for zh in _places():
        lengths.setdefault(zh[:1], set()).add(len(zh))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


class _Composer:
    """Composes a metric's English from the glossary and the patterns, each sub-metric once."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.memo: dict[str, Phrase | None] = {}

    def phrase(self, zh: str, depth: int = 0) -> Phrase | None:
        text = zh.strip()
        if not text or depth > _METRIC_MAX_DEPTH:
            return None
        if text not in self.memo:
            self.memo[text] = self._compose(text, depth)
        return self.memo[text]

    def _compose(self, text: str, depth: int) -> Phrase | None:
        exact = self.glossary.lookup(text)
        if exact is not None:
            return Phrase(exact)
        unquoted = _QUOTES.sub("", text)
        exact = self.glossary.lookup(unquoted) if unquoted != text else None
        if exact is not None:
            return Phrase(exact)
        if len(text) > _METRIC_MAX_LENGTH or not unquoted:
            return None
        label = _LABEL.search(text) if unquoted != text else None  # a label is quoted
        if label is not None:
            return self._labelled(text, label, depth)
        return (
            self._threshold(unquoted, depth)
            or self._share(unquoted, depth)
            or self._place(unquoted, depth)
            or self._pattern(unquoted, depth)
            or self._segmented(unquoted)
        )

    def _place(self, zh: str, depth: int) -> Phrase | None:
        """蓬莱区安排区级重点项目 → "district-level key projects scheduled in Penglai District"."""
        places = _places()
        for length in _place_lengths().get(zh[:1], ()):
            if not 2 <= length < len(zh):  # a place of two or more characters, then the rest
                continue
            place = places.get(zh[:length])
            if place is None:
                continue
            rest = self.phrase(zh[length:], depth + 1)
            if rest is None:
                return None
            where = f" in {place}"
            if rest.verb is None:
                return Phrase(rest.noun + where, None, rest.frame)
            verb = Verb(*(form + where for form in dataclasses.astuple(rest.verb)))
            return Phrase(rest.noun, verb, rest.frame)
        return None

    def _labelled(self, zh: str, label: regex.Match[str], depth: int) -> Phrase | None:
        """专班“10+6”工作体系 → 'task forces of the "10+6" work system'."""
        before_zh, after_zh = zh[: label.start()], zh[label.end() :]
        before = self.phrase(before_zh, depth + 1) if before_zh else None
        after = self.phrase(after_zh, depth + 1) if after_zh else None
        if (before_zh and before is None) or (after_zh and after is None):
            return None
        named = f'"{label["label"]}"'
        if before is not None and after is not None:
            return Phrase(f"{before.flat()} of the {named} {after.flat()}")
        if after is not None:
            return Phrase(f"{named} {after.flat()}")
        return Phrase(f"{before.flat()} {named}") if before is not None else None

    def _threshold(self, zh: str, depth: int) -> Phrase | None:
        """产值过10亿元企业 → "enterprises with output value over 1 billion yuan"."""
        if "元" not in zh:  # every money unit of _THRESHOLD ends in 元
            return None
        match = _THRESHOLD.match(zh)
        if match is None or not (match["op"] or match["tail"]):
            return None
        head = self.phrase(match["head"], depth + 1)
        if head is None:
            return None
        number = _THRESHOLD_WORD_NUMBERS.get(match["number"])
        try:
            value = number if number is not None else Decimal(match["number"])
        except InvalidOperation:
            return None
        amount = amount_english(value, match["unit"], include_noun=True)
        bound = f"{amount} or more" if match["tail"] and not match["op"] else f"over {amount}"
        if match["attr"]:
            attr = self.glossary.lookup(match["attr"]) or "value"
            return Phrase(f"{head.noun} with {attr} {bound}", head.verb, head.frame)
        return Phrase(f"{head.noun} worth {bound}", head.verb, head.frame)

    def _share(self, zh: str, depth: int) -> Phrase | None:
        """民生支出占一般公共预算支出比重 → "share of … in general public budget expenditure"."""
        if not zh.endswith(_SHARE_ENDINGS):  # one C-level test before looking for which
            return None
        ending = next(end for end in _SHARE_ENDINGS if zh.endswith(end))
        part_zh, _, whole_zh = zh[: -len(ending)].partition("占")
        if not part_zh or not whole_zh:
            return None
        part, whole = self.phrase(part_zh, depth + 1), self.phrase(whole_zh, depth + 1)
        if part is None or whole is None:
            return None
        return Phrase(f"share of {part.english()} in {whole.english()}")

    def _pattern(self, zh: str, depth: int) -> Phrase | None:
        for pattern in _candidate_patterns(zh):
            middle = pattern.matches(zh)
            if middle is None:
                continue
            inner = self.phrase(middle, depth + 1) if middle else Phrase("")
            if inner is not None:
                return pattern.apply(inner)
        return None

    def _segmented(self, zh: str) -> Phrase | None:
        """Glossary terms (and connectors) that cover every character: 高新技术企业和科技型中小企业."""
        words: list[str] = []
        for piece in (piece for piece in _CONNECTOR.split(zh) if piece):
            if piece in _CONNECTORS or piece == "的":
                words.append(piece)
                continue
            matches = self.glossary.covering_terms(piece)
            if matches is None:
                return None
            words.append(" ".join(m.en for m in matches))
        if "的" in words:
            if words.count("的") != 1 or len(words) != 3 or words[0] == "的":
                return None
            return Phrase(f"{words[2]} of {words[0]}")  # A的B → B of A
        if words and (words[0] in _CONNECTORS or words[-1] in _CONNECTORS):
            return None
        return Phrase(" ".join(_CONNECTORS.get(word, word) for word in words))


def metric_phrase(zh: str, glossary: Glossary | None) -> tuple[Phrase, str] | None:
    """A metric's phrase and its English, or ``None`` when some part of it is unknown."""
    if glossary is None or glossary is default_glossary():
        return _default_metric(zh)
    return _with_english(_Composer(glossary).phrase(zh))


def _with_english(phrase: Phrase | None) -> tuple[Phrase, str] | None:
    if phrase is None:
        return None
    english = phrase.english()
    return (phrase, english) if english else None


# Cached because metrics recur across targets and articles, and composing one tries every pattern
# (a target composes its metric once, for its English and its summary: ``target_english``). Only
# for the bundled glossary: a user glossary is built anew for each ``parse`` call and a cache
# keyed on it would keep it alive. The value is immutable (a named tuple and a string).
@functools.lru_cache(maxsize=4096)
def _default_metric(zh: str) -> tuple[Phrase, str] | None:
    return _with_english(_Composer(default_glossary()).phrase(zh))


def metric_english(zh: str, glossary: Glossary | None = None) -> str | None:
    """The English of what a target counts, or ``None`` when some part of it is unknown."""
    metric = metric_phrase(zh, glossary)
    return metric[1] if metric is not None else None

"""The English cells of the Excel report: never Chinese inside, never empty beside Chinese.

A sheet's English columns are found by their headers: ``X (en)`` beside ``X (zh)``, ``English``
beside ``Chinese``, and the flat view's ``x_en`` beside ``x_zh``; ``Summary (en)`` stands alone.
For each row, :meth:`EnglishCells.fill` makes every English value readable:

- Han characters left in English (a summary naming a metric the rules could not translate)
  become the glossary's English word by word, and pinyin where the glossary has no word
  (:mod:`yantai_pledges.translation.romanise`); each word given in pinyin is recorded, and the
  Glossary sheet lists it with the source "rule: pinyin";
- an empty English cell beside a filled Chinese one gets rule-based English: a person's name in
  pinyin (Li Na), a metric or unit term in pinyin, a counter word (个, 家, 项) the unit "count";
  a free-text column (filled only by machine translation) gets "(not translated)";
- a target without a metric reads "(no metric)" / "（无指标）" in both languages.

The plan of a sheet (which column is which) is worked out once per sheet, from its headers, so a
row costs one pass over its English columns.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import InputError
from ..translation.names import person_name_english
from ..translation.romanise import has_han, romanise_run, romanised

__all__ = [
    "FREE_TEXT_HEADERS",
    "NOT_TRANSLATED",
    "NO_METRIC",
    "PINYIN_SOURCE",
    "EnglishCells",
    "PinyinTerm",
    "chinese_header",
]

NO_METRIC = ("（无指标）", "(no metric)")
NOT_TRANSLATED = "(not translated)"
NO_UNIT = "(no unit)"
COUNT_UNIT = "count"
PINYIN_SOURCE = "rule: pinyin (no English in any glossary yet; add it to your glossary)"
# English columns only machine translation fills (titles, headlines, clauses, paragraphs): left out
# of a workbook written without it, "(not translated)" where it left a gap.
FREE_TEXT_HEADERS = frozenset(
    {"Title (en)", "Headline (en)", "Clause (en)", "Milestone (en)", "English", "text_en"}
)
_NAME_HEADERS = frozenset({"Speaker (en)", "Credit (en)", "speaker_en"})
_METRIC_HEADERS = frozenset({"Metric (en)", "metric_en"})
_UNIT_HEADERS = frozenset({"Unit (en)", "unit_en"})
_BASE_UNIT_HEADERS = frozenset({"Base unit", "base_unit"})
_STANDALONE_ENGLISH = frozenset({"Summary (en)"})


def chinese_header(english: str) -> str | None:
    """The header of the Chinese column an English column stands beside (``None``: no pair)."""
    if english.endswith(" (en)"):
        return english[: -len("(en)")] + "(zh)"
    if english.endswith("_en"):
        return english[: -len("en")] + "zh"
    if english == "English":
        return "Chinese"
    return None


@dataclass(slots=True)
class PinyinTerm:
    """A Chinese term shown in pinyin for want of English: where it occurs and how often."""

    zh: str
    en: str
    articles: list[int] = field(default_factory=list)
    occurrences: int = 0


@dataclass(frozen=True, slots=True)
class _Slot:
    english: int
    chinese: int | None
    role: str  # "name", "metric", "unit", "free", "rule"


class EnglishCells:
    """The filling plan of one sheet; the pinyin terms are shared by the whole workbook."""

    def __init__(
        self, headers: Sequence[str], terms: dict[str, PinyinTerm], *, machine: bool
    ) -> None:
        index = {header: position for position, header in enumerate(headers)}
        slots: list[_Slot] = []
        for position, header in enumerate(headers):
            zh_header = chinese_header(header)
            if zh_header is None and header not in _STANDALONE_ENGLISH:
                continue
            role = (
                "name" if header in _NAME_HEADERS
                else "metric" if header in _METRIC_HEADERS
                else "unit" if header in _UNIT_HEADERS
                else "free" if header in FREE_TEXT_HEADERS
                else "rule"
            )  # fmt: skip
            chinese = None if zh_header is None else index.get(zh_header)
            slots.append(_Slot(position, chinese, role))
        self.slots = tuple(slots)
        self.base_unit = next((index[h] for h in _BASE_UNIT_HEADERS if h in index), None)
        self.kind = index.get("kind")  # the flat view: metric and unit only on target rows
        self.terms = terms
        self.machine = machine
        self.article = 0

    def fill(self, values: Sequence[object]) -> Sequence[object]:
        """The row's values with every English cell made readable (the row itself if none is)."""
        row: list[object] | None = None
        for slot in self.slots:
            english = values[slot.english]
            chinese = None if slot.chinese is None else values[slot.chinese]
            new_english, new_chinese = self._english(slot, english, chinese, values)
            if new_english is english and new_chinese is chinese:
                continue
            if row is None:
                row = list(values)
            row[slot.english] = new_english
            if slot.chinese is not None:
                row[slot.chinese] = new_chinese
        return values if row is None else row

    def _english(
        self, slot: _Slot, english: object, chinese: object, values: Sequence[object]
    ) -> tuple[object, object]:
        if isinstance(english, str) and english:
            return (self._romanised(english) if has_han(english) else english), chinese
        target = self.kind is None or values[self.kind] == "target"
        if slot.role == "metric" and target and not chinese:
            return NO_METRIC[1], NO_METRIC[0]
        if slot.role == "unit" and target:
            counted = self.base_unit is not None and values[self.base_unit] == "count"
            if not chinese or counted:
                # 个, 家, 项: the counter word of a plain count
                return (COUNT_UNIT if chinese else NO_UNIT), chinese
        if not isinstance(chinese, str) or not chinese:
            return english, chinese
        return self._gap(slot.role, chinese), chinese

    def _gap(self, role: str, chinese: str) -> str:
        """The English of an empty cell beside ``chinese``: what the rules can give."""
        if role == "free":
            return NOT_TRANSLATED
        if role == "name":
            with contextlib.suppress(InputError):  # not a name: pinyin as for any term
                return person_name_english(chinese)
        return self._romanised(chinese)

    def _romanised(self, text: str) -> str:
        english, runs = romanised(text)
        for run in runs:
            term = self.terms.get(run)
            if term is None:
                term = self.terms[run] = PinyinTerm(run, romanise_run(run)[0])
            term.occurrences += 1
            if not term.articles or term.articles[-1] != self.article:
                term.articles.append(self.article)
        return english

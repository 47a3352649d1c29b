"""The README sheet of the Excel report: what a reader needs to use the workbook without us.

The sheet is a two-column table (topic, explanation): what the workbook holds and when it was
made, how the English was made (rules and glossary; machine translation or not, and which
columns are left out without it), what each sheet and its less obvious columns mean, and where
the articles came from. Everything on it is computed from the articles and the writer's options,
never from the clock, so the workbook stays byte-for-byte the same for the same input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .english_cells import NO_METRIC, NOT_TRANSLATED, PINYIN_SOURCE

__all__ = ["ReadmeFacts", "readme_rows"]


@dataclass(frozen=True, slots=True)
class ReadmeFacts:
    """What the README sheet reports about one workbook."""

    version: str
    articles: int
    years: tuple[int, ...]
    first_published: dt.date | None
    last_published: dt.date | None
    timestamp: dt.datetime
    machine: bool
    left_out: tuple[str, ...]
    pinyin_terms: int
    glossary_terms: int
    glossary_note: str | None
    failed_inputs: int


# (sheet, what one row is, what to know about its columns)
_SHEETS = (
    ("Overview", "one row per article",
     "Title, year, counts of statements, targets (pledged ones: status 'pledge') and milestones; "
     "which translation filled which kind of field; the parser's and the export's warnings; the "
     "source file. Notes below the table explain the columns."),
    ("Statements", "one row per statement (an official's remarks, a report's part)",
     "Speaker, positions and jurisdiction in Chinese and English; headline; the reporter credit; "
     "how many targets, milestones and enumerated points it holds."),
    ("Targets", "one row per numeric target or figure",
     "Statement links to its row in Statements. Metric: what is measured. As written: the figure "
     "as printed. Value/Low/High: the number in the printed unit; Base value: scale words applied "
     "(万 = 10^4, 亿 = 10^8) in the base unit; CNY in 亿元: amounts in 100 million yuan. "
     "Comparator: exact, at_least, more_than, about, at_most, less_than, range. Status: pledge "
     "(promised), achieved (already reached), context (a background figure). Commitment: "
     "ensure (确保) > strive (力争) > plan (计划). Summary (en): one English sentence. Clause: the "
     "Chinese text the target was read from. The printed page shows the columns through "
     "Summary (en)."),
    ("Milestones", "one row per dated pledge without a number",
     "The clause, its deadline (text and date), commitment, status and an English summary."),
    ("Rows", "one row per target and per milestone: the flat view for filtering and pivots",
     "Exactly the columns of the CSV / Parquet / SQLite exports (to_rows), named as there; "
     "kind says target or milestone. Meant for the screen, not for printing: print Targets."),
    ("Text", "one row per paragraph of a statement",
     "The Chinese text, with the English beside it when machine translation made one; the "
     "point number marks a paragraph that opens an enumerated point."),
    ("Glossary", "one row per term of this workbook",
     "Each Chinese term once: its English, kind, source, the articles it occurs in and how often. "
     "Source: 'bundled glossary (NBS)' etc. (the package's glossary, with the authority it "
     "follows), 'your glossary' (terms you supplied), or 'rule: pinyin' (a term without English, "
     "shown in pinyin everywhere in the workbook)."),
)  # fmt: skip


def _dates(facts: ReadmeFacts) -> str:
    if facts.first_published is not None and facts.last_published is not None:
        first, last = facts.first_published.isoformat(), facts.last_published.isoformat()
        published = first if first == last else f"{first} to {last}"
        return f"Articles published {published} (the dates the articles print)."
    if facts.years:
        years = ", ".join(str(year) for year in facts.years)
        return f"Articles of {years} (no publication date printed)."
    return "The articles print no date."


def _english(facts: ReadmeFacts) -> Iterator[tuple[str, str]]:
    yield ("English: structured fields",
           "Names, places, positions, metrics, units, comparators, deadlines and the summary "
           "sentences are in English by rule and the bundled glossary, the same for every run "
           "(no machine translation involved). Places follow one rule: the official "
           "romanisation with its level word (Zhifu District, Qixia City).")  # fmt: skip
    if facts.machine:
        yield ("English: free text",
               "Titles, headlines, clauses and paragraphs were machine-translated (see the "
               "Overview's Translation column). An English cell machine translation left "
               f"empty reads '{NOT_TRANSLATED}'.")  # fmt: skip
    else:
        columns = ", ".join(facts.left_out) or "none"
        yield ("English: free text",
               "No machine translation was used, so the free-text English columns are left out "
               f"of this workbook ({columns}): read the Chinese column, the English summary and "
               "the structured columns. Install yantai-pledges[argos] and a model to add them "
               "(docs/translation.md).")  # fmt: skip
    yield ("English: terms without English",
           f"{facts.pinyin_terms} Chinese term(s) had no English in any glossary: every English "
           "cell shows them in pinyin, and the Glossary sheet lists each with the source "
           f"'{PINYIN_SOURCE}'. No English cell holds Chinese characters.")  # fmt: skip
    yield ("English: gaps",
           f"A target whose metric could not be read shows '{NO_METRIC[1]}' / '{NO_METRIC[0]}'. "
           "A count with a counter word (个, 家, 项) has the unit 'count'.")  # fmt: skip


def readme_rows(facts: ReadmeFacts) -> Iterator[tuple[str, str]]:
    """The README sheet's rows, (topic, explanation), in reading order."""
    yield ("About",
           f"Pledges and targets read from {facts.articles} Chinese government article(s) by "
           f"yantai_pledges {facts.version}. {_dates(facts)} File time stamp "
           f"{facts.timestamp:%Y-%m-%d %H:%M} (a fixed value unless the writer was given one, so "
           "the same input gives the same file).")  # fmt: skip
    yield from _english(facts)
    glossary = (
        facts.glossary_note or f"{facts.glossary_terms} glossary term(s) occur in the articles."
    )
    yield ("Glossary", glossary)
    for sheet, row, columns in _SHEETS:
        yield (f"Sheet: {sheet}", f"{row[:1].upper()}{row[1:]}. {columns}")
    if facts.failed_inputs:
        yield ("Sheet: Errors",
               f"{facts.failed_inputs} input(s) could not be read or parsed: the Errors sheet "
               "lists each with the reason.")  # fmt: skip
    yield ("Sources",
           "Each article's source file is on the Overview sheet (Source file); the Rows sheet "
           "gives its path and SHA-256. Every target and milestone keeps its span: the "
           "character offsets of its clause in the article's text (the JSON export has the "
           "full text).")  # fmt: skip
    yield ("Reading the figures",
           "Figures are as the articles print them: nothing is checked against statistics. "
           "Dates are the last day of the period a deadline names (年内 → 31 December).")  # fmt: skip

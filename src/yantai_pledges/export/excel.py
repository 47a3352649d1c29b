"""The bilingual Excel report: one workbook for one or many articles.

Sheets (the tables start with an ``Article`` column, so many articles share one workbook):

``README``      what each sheet and column means, how the English was made, version, dates, sources
``Overview``    one row per article: title, year, counts, translation backends, warnings; notes
``Statements``  one row per statement: speaker, positions, jurisdiction, headline, credit
``Targets``     one row per numeric target, linked to its statement row
``Milestones``  one row per dated pledge without a number, linked to its statement row
``Rows``        the flat view: one row per target and milestone, the fields of ``to_rows`` (CSV)
``Text``        the statements paragraph by paragraph, Chinese and English side by side
``Glossary``    one row per term of the workbook: the glossary terms that occur and the terms
                without English shown in pinyin, with a source a reader understands

English cells never hold Chinese characters and are never empty beside a filled Chinese cell:
rule-based English fills them, a term without English is shown in pinyin (and listed on the
Glossary sheet), and without machine translation the free-text English columns are left out
(the README sheet says so; the cells: export/english_cells.py, the README: export/readme.py, the
Glossary's terms: export/glossary_terms.py).

The workbook is streamed (openpyxl write-only mode), one article at a time: memory stays small
for thousands of articles (only the internal links and the workbook's glossary are held until
the sheets are closed). Text
never becomes a formula; characters XML cannot hold are removed and text over Excel's
32,767-character cell limit is cut with a visible marker, each reported as a warning (logged,
passed to ``on_warning`` and listed on the Overview sheet). The file is written
atomically and is byte-for-byte the same for the same input. See docs/excel.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..errors import ExportError
from ..models import Article, FileError
from . import rows as _rows
from ._atomic import atomic_path
from .english_cells import FREE_TEXT_HEADERS, EnglishCells, PinyinTerm
from .glossary_terms import (
    GlossaryEntry,
    GlossaryLookup,
    GlossaryTerms,
    WorkbookGlossary,
    glossary_lookup,
)
from .readme import ReadmeFacts, readme_rows
from .rows import (
    MILESTONE_COLUMNS,
    ROW_FIELDS,
    STATEMENT_COLUMNS,
    TARGET_COLUMNS,
    RowContext,
    each_article,
    field_values,
    row_values,
    speaker_label,
)
from .sheet import CELL_TEXT_LIMIT, Column, Sheet, Styles
from .sheet_xml import rows_file_of
from .xlsx_file import CREATOR, FIXED_TIMESTAMP, building, save_workbook

__all__ = [
    "CELL_TEXT_LIMIT",
    "CREATOR",
    "FIXED_TIMESTAMP",
    "ExcelSink",
    "GlossaryEntry",
    "GlossaryTerms",
    "WorkbookReport",
    "building",
    "excel_sink",
    "save_workbook",
    "to_excel",
]

logger = logging.getLogger(__name__)

_LISTED_WARNINGS = 20  # per article on the Overview sheet; the rest are only logged


# The columns of each sheet.
_ARTICLE = Column("Article", 8, "id")

_OVERVIEW = (
    _ARTICLE,
    Column("Title (zh)", 30),
    Column("Title (en)", 36),
    Column("Year", 7, "id"),
    Column("Statements", 11, "count"),
    Column("Targets", 9, "count"),
    Column("Pledged targets", 10, "count"),
    Column("Milestones", 11, "count"),
    Column("Translation (field: backend)", 26),
    Column("Parser warnings", 36),
    Column("Export warnings", 36),
    Column("Source file", 26),
)
# The item sheets take header, width and kind from export/rows.py, the one column spec.
_STATEMENTS = tuple(Column(c.header, c.width, c.kind) for c in STATEMENT_COLUMNS)
_TARGETS = tuple(Column(c.header, c.width, c.kind) for c in TARGET_COLUMNS)
_MILESTONES = tuple(Column(c.header, c.width, c.kind) for c in MILESTONE_COLUMNS)
_TEXT = (
    _ARTICLE,
    Column("Statement", 10, "id"),
    Column("Paragraph", 10, "id"),
    Column("Point", 7, "id"),
    Column("Chinese", 60),
    Column("English", 80),
)
# The printed page: the key columns, up to and including these (the rest is for the screen).
_PRINT_THROUGH = {
    "Statements": "Headline (en)",
    "Targets": "Summary (en)",
    "Milestones": "Summary (en)",
}
_FLAT_WIDTHS = {"source_path": 24, "source_sha256": 16, "metric_zh": 18, "metric_en": 24,
                "text_zh": 30, "text_en": 40, "speaker_en": 14, "jurisdiction_en": 16}  # fmt: skip
_ERRORS = (
    Column("Input", 40),
    Column("Error", 18),
    Column("Message", 80),
)
_GLOSSARY = (
    Column("Chinese", 22),
    Column("English", 44),
    Column("Kind", 14),
    Column("Source", 48),
    Column("Articles", 10),
    Column("Occurrences", 12, "count"),
)
_README = (
    Column("Topic", 24),
    Column("Explanation", 110),
)
# The flat view: the long table of to_rows / to_csv, its field names as headers.
_FLAT = tuple(Column(f.name, _FLAT_WIDTHS.get(f.name, 12), _rows.field_kind(f)) for f in ROW_FIELDS)


@dataclass
class WorkbookReport:
    """State shared by the sheets while one workbook is written: styles and warnings (logged,
    passed to ``on_warning``, and kept for the article being written)."""

    styles: Styles = field(default_factory=Styles)
    on_warning: Callable[[str], None] | None = None
    article_warnings: list[str] = field(default_factory=list)
    warning_count: int = 0

    def warn(self, message: str) -> None:
        logger.warning("%s", message)
        self.warning_count += 1
        self.article_warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)


def _has_free_text_english(article: Article) -> bool:
    """Whether machine translation filled the article's free text (paragraphs or clauses)."""
    for statement in article.statements:
        if any(paragraph.en for paragraph in statement.paragraphs):
            return True
        if any(target.text.en for target in statement.targets):
            return True
    return bool(article.title is not None and article.title.en)


# -- the workbook -----------------------------------------------------------------------------


class _Table:
    """A sheet and the columns it shows: the spec's columns less those left out, English filled."""

    def __init__(
        self,
        book: Workbook,
        title: str,
        columns: Sequence[Column],
        report: WorkbookReport,
        english: _English,
        *,
        freeze: str = "B2",
        paper: int = Worksheet.PAPERSIZE_A4,
    ) -> None:
        keep = [
            index
            for index, column in enumerate(columns)
            if english.machine or column.header not in FREE_TEXT_HEADERS
        ]
        self.keep: tuple[int, ...] | None = None if len(keep) == len(columns) else tuple(keep)
        shown = [columns[index] for index in keep]
        self.left_out = tuple(c.header for c in columns if c not in shown)
        print_columns = None
        through = _PRINT_THROUGH.get(title)
        if through is not None:
            last = next(i for i, column in enumerate(columns) if column.header == through)
            print_columns = sum(1 for index in keep if index <= last)
        self.sheet = Sheet(
            book, title, shown, report, freeze=freeze, paper=paper, print_columns=print_columns
        )
        self.cells = english.plan([column.header for column in shown])

    @property
    def title(self) -> str:
        return self.sheet.title

    def append(self, values: Sequence[object], links: Mapping[int, str] | None = None) -> int:
        if self.keep is not None:
            values = [values[index] for index in self.keep]
        return self.sheet.append(self.cells.fill(values), links)


@dataclass
class _English:
    """What decides the workbook's English: machine translation or not, and the pinyin terms."""

    machine: bool
    pinyin: dict[str, PinyinTerm] = field(default_factory=dict)
    plans: list[EnglishCells] = field(default_factory=list)

    def plan(self, headers: Sequence[str]) -> EnglishCells:
        cells = EnglishCells(headers, self.pinyin, machine=self.machine)
        self.plans.append(cells)
        return cells

    def set_article(self, number: int) -> None:
        for cells in self.plans:
            cells.article = number


class _Workbook:
    """The report being written: its sheets and the per-article row writers."""

    def __init__(
        self, report: WorkbookReport, glossary: GlossaryLookup | None, *, machine: bool
    ) -> None:
        self.book = Workbook(write_only=True)
        self.report = report
        self.glossary = glossary
        self.english = _English(machine)
        self.terms = WorkbookGlossary()
        self.first_published: dt.date | None = None
        self.last_published: dt.date | None = None
        self.years: set[int] = set()
        self.articles = 0
        book, english = self.book, self.english
        self.readme = Sheet(book, "README", _README, report, freeze="A2", autofilter=False)
        self.overview = _Table(book, "Overview", _OVERVIEW, report, english, freeze="C2")
        a3 = Worksheet.PAPERSIZE_A3
        self.statements = _Table(book, "Statements", _STATEMENTS, report, english, freeze="D2")
        self.targets = _Table(book, "Targets", _TARGETS, report, english, freeze="E2", paper=a3)
        self.milestones = _Table(book, "Milestones", _MILESTONES, report, english, freeze="D2")
        self.flat = _Table(book, "Rows", _FLAT, report, english, freeze="E2", paper=a3)
        self.text = _Table(book, "Text", _TEXT, report, english, freeze="E2")
        self.glossary_sheet = Sheet(book, "Glossary", _GLOSSARY, report, freeze="B2")
        self.tables = (
            self.overview,
            self.statements,
            self.targets,
            self.milestones,
            self.flat,
            self.text,
        )

    def add(self, number: int, article: Article) -> None:
        self.report.article_warnings = []
        self.articles = number
        self._note_dates(article)
        self.english.set_article(number)
        for table in self.tables:
            table.sheet.article = number
        for index, statement in enumerate(article.statements, start=1):
            context = RowContext(
                number, index, article, statement, speaker_label(statement.speaker)
            )
            row = self.statements.append(row_values(STATEMENT_COLUMNS, context, statement))
            link = {1: f"'{self.statements.title}'!A{row}"}
            for position, target in enumerate(statement.targets, start=1):
                self.targets.append(row_values(TARGET_COLUMNS, context, target), link)
                item = RowContext(number, index, article, statement, item=position)
                self.flat.append(field_values(ROW_FIELDS, item, target))
            for position, milestone in enumerate(statement.milestones, start=1):
                self.milestones.append(row_values(MILESTONE_COLUMNS, context, milestone), link)
                item = RowContext(number, index, article, statement, item=position)
                self.flat.append(field_values(ROW_FIELDS, item, milestone))
        for values in _text_rows(number, article):
            self.text.append(values)
        if self.glossary is not None:
            self.terms.add(number, self.glossary(article))
        self.overview.append(_overview_row(number, article, self.report.article_warnings))

    def _note_dates(self, article: Article) -> None:
        if article.year is not None:
            self.years.add(article.year)
        published = article.published
        if published is None:
            return
        if self.first_published is None or published < self.first_published:
            self.first_published = published
        if self.last_published is None or published > self.last_published:
            self.last_published = published

    def finish(
        self, glossary_note: str | None, errors: Sequence[FileError], timestamp: dt.datetime
    ) -> None:
        for table in self.tables:
            table.sheet.article = 0
        self.glossary_sheet.article = 0
        for values in self.terms.rows(self.english.pinyin.values()):
            self.glossary_sheet.append(values)
        if glossary_note is not None:
            self.glossary_sheet.append_note(glossary_note)
        self.overview.sheet.append_note("")
        self.overview.sheet.append_note("Notes", heading=True)
        for note in _notes(glossary_note, len(errors)):
            self.overview.sheet.append_note(note)
        for topic, text in self._readme(glossary_note, errors, timestamp):
            self.readme.append((topic, text))
        self.readme.close()
        for table in self.tables:
            table.sheet.close()
        self.glossary_sheet.close()
        if errors:
            errors_sheet = Sheet(self.book, "Errors", _ERRORS, self.report)
            for error in errors:
                errors_sheet.append((error.path, error.error, error.message))
            errors_sheet.close()

    def _readme(
        self, glossary_note: str | None, errors: Sequence[FileError], timestamp: dt.datetime
    ) -> Iterator[tuple[str, str]]:
        left_out = sorted({h for table in self.tables for h in table.left_out})
        pinyin = len(self.english.pinyin)
        yield from readme_rows(
            ReadmeFacts(
                version=__version__,
                articles=self.articles,
                years=tuple(sorted(self.years)),
                first_published=self.first_published,
                last_published=self.last_published,
                timestamp=timestamp,
                machine=self.english.machine,
                left_out=tuple(left_out),
                pinyin_terms=pinyin,
                glossary_terms=len(self.terms.terms),
                glossary_note=glossary_note,
                failed_inputs=len(errors),
            )
        )

    def discard(self) -> None:
        """Close and remove openpyxl's temporary sheet files after a failed write."""
        for worksheet in self.book.worksheets:
            row_file = rows_file_of(worksheet)
            if row_file is not None:
                row_file.close()
            rows, writer = getattr(worksheet, "_rows", None), getattr(worksheet, "_writer", None)
            with contextlib.suppress(OSError, ValueError, StopIteration):
                if rows is not None:
                    rows.close()  # ends the row stream while its file is still open
                if writer is not None:
                    writer.close()
                    writer.cleanup()


def _notes(glossary_note: str | None, failed_inputs: int) -> list[str]:
    notes = [
        f"Written by yantai_pledges {__version__}. Every sheet has an Article column; "
        "Statement numbers in Targets and Milestones link to the statement's row.",
        "Value/Low/High are the numbers as printed, in the printed unit; Base value converts "
        "scale words (万 = 10^4, 亿 = 10^8) to the base unit; CNY amounts are also given in "
        "亿元 (100 million yuan).",
        "Status: pledge = promised, achieved = already reached, context = background figure. "
        "Commitment: ensure (确保) > strive (力争) > plan (计划).",
        "Dates are the last day of the period a deadline names (年内 → 31 December).",
    ]
    if glossary_note is not None:
        notes.append(glossary_note)
    if failed_inputs:
        notes.append(f"{failed_inputs} input(s) could not be read or parsed: see the Errors sheet.")
    return notes


def _overview_row(
    number: int, article: Article, export_warnings: Sequence[str]
) -> tuple[object, ...]:
    targets = article.targets
    pledged = sum(1 for target in targets if target.status.value == "pledge")
    translation = "\n".join(f"{kind}: {backend}" for kind, backend in article.translation.items())
    return (
        number,
        _rows.zh(article.title),
        _rows.en(article.title),
        article.year,
        len(article.statements),
        len(targets),
        pledged,
        sum(len(statement.milestones) for statement in article.statements),
        translation or None,
        "\n".join(article.warnings) or None,
        lambda: _listed(export_warnings),
        None if article.source is None else article.source.path,
    )


def _listed(warnings: Sequence[str]) -> str | None:
    if not warnings:
        return None
    shown = list(warnings[:_LISTED_WARNINGS])
    if len(warnings) > _LISTED_WARNINGS:
        shown.append(f"… and {len(warnings) - _LISTED_WARNINGS} more (see the log)")
    return "\n".join(shown)


def _text_rows(number: int, article: Article) -> Iterator[tuple[object, ...]]:
    """Statement paragraphs side by side; an article without statements shows its raw text."""
    if not article.statements:
        lines = (line.strip() for line in article.text.splitlines())
        for index, line in enumerate((line for line in lines if line), start=1):
            yield (number, None, index, None, line, None)
        return
    for statement_index, statement in enumerate(article.statements, start=1):
        points = {point.paragraph: point.ordinal for point in statement.points}
        for index, paragraph in enumerate(statement.paragraphs):
            yield (
                number,
                statement_index,
                index + 1,
                points.get(index),
                paragraph.zh,
                paragraph.en,
            )


# -- streaming ------------------------------------------------------------------------------


class ExcelSink:
    """The report being written by :func:`excel_sink`: call it with each article, in order.

    ``errors`` (inputs that could not be read or parsed) may be set until the block ends: they
    are listed on the last sheet, Errors, written then. Only small summaries are kept between
    articles (the glossary's terms and counts, dates and years for the README sheet), never
    the articles: memory does not grow with their number.
    """

    def __init__(
        self,
        temporary: Path,
        glossary_terms: GlossaryTerms | None,
        on_warning: Callable[[str], None] | None,
        timestamp: dt.datetime,
        machine_translation: bool | None,
    ) -> None:
        self.errors: Sequence[FileError] = ()
        self._temporary = temporary
        self._glossary, self._glossary_note = glossary_lookup(glossary_terms)
        self._report = WorkbookReport(on_warning=on_warning)
        self._timestamp = timestamp
        self._machine = machine_translation
        self._workbook: _Workbook | None = None  # made at the first article (or at the end)
        self._count = 0

    def __call__(self, article: Article) -> None:
        if not isinstance(article, Article):
            raise ExportError(
                f"expected a yantai_pledges Article (item {self._count}), "
                f"got {type(article).__name__}"
            )
        workbook = self._opened(article)
        self._count += 1
        with building():
            workbook.add(self._count, article)

    def _opened(self, first: Article | None) -> _Workbook:
        if self._workbook is None:
            machine = self._machine
            if machine is None:  # the first article's text decides, as the README says
                machine = first is not None and _has_free_text_english(first)
            self._workbook = _Workbook(self._report, self._glossary, machine=machine)
        return self._workbook

    def _save(self) -> None:
        workbook = self._opened(None)
        with building():
            workbook.finish(self._glossary_note, self.errors, self._timestamp)
            save_workbook(workbook.book, self._temporary, self._timestamp)

    def _discard(self) -> None:
        if self._workbook is not None:
            self._workbook.discard()


@contextlib.contextmanager
def excel_sink(
    path: str | Path,
    *,
    glossary_terms: GlossaryTerms | None = None,
    on_warning: Callable[[str], None] | None = None,
    timestamp: dt.datetime = FIXED_TIMESTAMP,
    machine_translation: bool | None = None,
) -> Iterator[ExcelSink]:
    """Write the report of the articles given to the yielded :class:`ExcelSink`, one at a time
    as they arrive; the workbook replaces ``path`` when the block ends without an error.

    The options are :func:`to_excel`'s; the bytes are the same as ``to_excel`` of the same
    articles (and errors). On an error in the block, the report is not written and an existing
    file at ``path`` is left as it was.
    """
    with atomic_path(Path(path)) as temporary:
        sink = ExcelSink(temporary, glossary_terms, on_warning, timestamp, machine_translation)
        try:
            yield sink
            sink._save()
        except BaseException:
            sink._discard()
            raise


def to_excel(
    article_or_articles: Article | Iterable[Article],
    path: str | Path,
    *,
    glossary_terms: GlossaryTerms | None = None,
    errors: Sequence[FileError] = (),
    on_warning: Callable[[str], None] | None = None,
    timestamp: dt.datetime = FIXED_TIMESTAMP,
    machine_translation: bool | None = None,
) -> Path:
    """Write the bilingual report of one article or many to ``path`` (``.xlsx``); return the path.

    ``glossary_terms`` fills the Glossary sheet: a list of ``(zh, en, source)`` entries (those
    that occur in an article are listed) or a function giving the entries for an article. By
    default the bundled glossary (``yantai_pledges.translation.glossary``) is used when present.
    ``errors`` (inputs that could not be read or parsed) adds a last sheet, Errors, listing them.
    Export warnings (removed control characters, truncated cells) are logged on the
    ``yantai_pledges.export.excel`` logger, passed to ``on_warning``, and listed on the Overview
    sheet. ``timestamp`` is stored as the document's created/modified time.
    ``machine_translation`` says whether the free-text English columns (titles, headlines,
    clauses, paragraphs) are shown; by default they are when machine translation filled the
    first article's text, and left out (the README sheet says so) when it did not.
    A generator of articles is read one at a time (:func:`excel_sink` takes them as they come).
    Raises :class:`~yantai_pledges.errors.ExportError` when the report cannot be written; an
    existing file at ``path`` is then left as it was.
    """
    target = Path(path)
    articles = each_article(article_or_articles)
    with excel_sink(
        target,
        glossary_terms=glossary_terms,
        on_warning=on_warning,
        timestamp=timestamp,
        machine_translation=machine_translation,
    ) as sink:
        for article in articles:
            sink(article)
        sink.errors = errors
    return target

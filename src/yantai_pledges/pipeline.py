"""The pipeline: ``parse``, the one entry point that composes the stages.

text (or bytes) → cleaned paragraphs (``text``) → statements (``layout``) → sentences
(``sentences``) → targets and milestones (``targets``) → English (``translate``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import InputError
from .extract import (
    DeadlineMatch,
    communique,
    extract_targets,
    infer_year,
    issue_year,
    publication_date,
    title_period,
)
from .layout import (
    UNIT_WORDS,
    PointParts,
    SpeakerParts,
    StatementBlock,
    article_jurisdiction,
    split_statements,
)
from .lexicon.jurisdictions import Context, resolve
from .lines import Paragraph
from .models import Article, Source, Statement
from .sources import decode_bytes
from .text import clean, pinyin_glosses
from .translation import Translator, translate
from .translation.places import article_city

if TYPE_CHECKING:
    from .translation import UserGlossary

__all__ = ["parse"]

_FIRST_YEAR, _LAST_YEAR = 1949, 2100


def parse(
    text: str | bytes,
    *,
    year: int | None = None,
    translator: Translator | str | None = "auto",
    glossary: UserGlossary = None,
    source: Source | None = None,
) -> Article:
    """Parse one article into an :class:`~yantai_pledges.models.Article`.

    ``text`` may be ``str`` or ``bytes`` (UTF-8, UTF-8 with BOM, GB18030, UTF-16 with BOM, Big5).
    ``year`` anchors relative deadlines (年内 → year-12-31); by default it is inferred from the text.
    ``translator`` fills free-text English: ``"auto"`` (Argos when a zh→en model is installed),
    a backend name, a :class:`~yantai_pledges.translation.base.Translator`, or ``None`` for no
    machine translation. Structured fields (names, positions, metrics, units, deadlines, target
    sentences) always get their English from the bundled glossary and rules; ``glossary`` adds
    your own terms on top (a TSV path or a ``{zh: en}`` dict).

    Raises :class:`~yantai_pledges.errors.InputError` (empty text, undecodable bytes, bad year).
    """
    if isinstance(text, bytes | bytearray):
        data = bytes(text)
        text, encoding = decode_bytes(data)
        source = _byte_source(data, encoding, source)
    if not isinstance(text, str):
        raise InputError(f"parse() takes str or bytes, not {type(text).__name__}")
    _check_year(year)
    with _collector_paused():
        article = _parse_text(text, year)
        if source is not None:
            article.source = source
        return translate(article, translator, glossary=glossary, in_place=True)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one article is parsed and translated.

    The parse builds acyclic data (strings, tuples, models), which reference counting frees; the
    collector finds nothing in it, yet each of its passes walks every model built so far, so on
    one very large article it costs more per character the larger the article (measured: up to
    2× per character at 1–5 MB, docs/performance.md). A translator's own cyclic garbage, if any,
    waits until the article is done. An application that turned the collector off keeps it off;
    otherwise it runs again as soon as the parse returns or raises.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _parse_text(raw: str, year: int | None) -> Article:
    """The language-independent part of :func:`parse`: everything but English."""
    cleaned, paragraphs = clean(raw)
    layout = split_statements(cleaned, paragraphs)
    published = publication_date(paragraph.text for paragraph in paragraphs)
    report = communique(paragraph.text for paragraph in paragraphs)
    results_only = report is not None
    article_year = year
    if article_year is None:
        reported = report.reported_year(published) if report is not None else None
        lines = [paragraph.text for paragraph in paragraphs]
        article_year = reported or issue_year(lines, published) or infer_year(cleaned)
    # Figures due before the issue's date are past results, when the issue is of that year.
    as_of = published if published is not None and published.year == article_year else None
    city = article_city(cleaned)
    speakers = [block.speaker for block in layout.statements]
    own = article_jurisdiction(cleaned, speakers)
    places = _Places(cleaned, article_year, city)
    if own is None and not any(speaker and _has_place(speaker) for speaker in speakers):
        own = places.principal()  # speakers of several places speak for none of them
    reports_on = title_period(layout.title.text if layout.title else None, article_year)
    statements = [
        _statement(
            block, article_year, as_of, results_only, places, own=own, title_period=reports_on
        )
        for block in layout.statements
    ]
    article_place = places.jurisdiction(own)
    warnings = list(layout.warnings)
    warnings += places.warnings
    glosses = pinyin_glosses(raw)
    if glosses:
        warnings.append(f"{glosses} pinyin glosses after characters (web-copy noise) were dropped")
    if article_year is None:
        warnings.append("no year given or found in the text: deadlines have no dates")
    if not any(s.targets or s.milestones for s in statements):
        warnings.append("no numeric targets or dated pledges found")
    return Article(
        title=_bilingual(layout.title),
        year=article_year,
        published=published,
        city=city,
        jurisdiction=article_place,
        text=cleaned,
        statements=statements,
        furniture=[
            {
                "kind": part.kind,
                "span": (part.paragraph.start, part.paragraph.end),
                "text": part.paragraph.text,
            }
            for part in layout.furniture
        ],
        warnings=warnings,
    )


class _Places:
    """The jurisdictions of one article with their codes: the article's context is read once, on
    the first name, and each name is resolved once; the warnings of names left without a code."""

    def __init__(self, text: str, year: int | None, city: str | None) -> None:
        self._text, self._year, self._city = text, year, city
        self._context: Context | None = None
        self._fields: dict[str, dict[str, object]] = {}
        self.warnings: list[str] = []

    def _read(self) -> Context:
        if self._context is None:
            self._context = Context(self._text, self._year, self._city)
        return self._context

    def principal(self) -> str | None:
        """The place the text names most often (see :meth:`Context.principal`), or None."""
        return self._read().principal()

    def jurisdiction(self, name: str | None) -> dict[str, object] | None:
        """A :class:`Jurisdiction`'s fields, as plain data for the enclosing model's validation."""
        if not name:
            return None
        if name not in self._fields:
            found = resolve(name, self._read())
            if found.warning:
                self.warnings.append(found.warning)
            self._fields[name] = {
                "code": found.code,
                "level": found.level,
                "parent": found.parent,
            }
        return {"name": {"zh": name}, **self._fields[name]}


def _statement(
    block: StatementBlock,
    year: int | None,
    as_of: dt.date | None,
    results_only: bool,
    places: _Places,
    *,
    own: str | None,
    title_period: DeadlineMatch | None,
) -> Statement:
    """One layout block → a Statement with its targets and milestones."""
    targets, milestones = extract_targets(
        block.body, year, as_of=as_of, results_only=results_only, title_period=title_period
    )
    # Plain dicts for the nested models: pydantic builds them all within one validation.
    return Statement(
        headline=_bilingual(block.headline),
        speaker=_speaker(block.speaker, places, own),
        compiled_by={"zh": block.compiled_by} if block.compiled_by else None,
        date=block.date.text if block.date else None,
        span=(block.start, block.end),
        paragraphs=[{"zh": p.text} for p in block.body],
        points=[_point(ordinal, part) for ordinal, part in enumerate(block.points, start=1)],
        targets=targets,
        milestones=milestones,
    )


def _speaker(
    parts: SpeakerParts | None, places: _Places, own: str | None
) -> dict[str, object] | None:
    """A :class:`Speaker`'s fields, as plain data for the statement's validation."""
    if parts is None:
        return None
    place = parts.jurisdiction
    if place in UNIT_WORDS and own is not None and own.endswith(place):
        place = own  # 自治区主席 in 广西壮族自治区's report: the article's own region
    return {
        "name": {"zh": parts.name},
        "positions": [{"zh": p} for p in parts.positions],
        "jurisdiction": places.jurisdiction(place),
    }


def _has_place(speaker: SpeakerParts) -> bool:
    return speaker.jurisdiction is not None and speaker.jurisdiction not in UNIT_WORDS


def _point(ordinal: int, part: PointParts) -> dict[str, object]:
    """A :class:`Point`'s fields, as plain data for the statement's validation."""
    return {
        "ordinal": ordinal,
        "marker": part.marker,
        "lead": {"zh": part.lead},
        "paragraph": part.paragraph,
        "span": (part.start, part.end),
    }


def _bilingual(paragraph: Paragraph | None) -> dict[str, str] | None:
    """A :class:`Bilingual`'s fields, as plain data for the enclosing model's validation."""
    return {"zh": paragraph.text} if paragraph is not None else None


def _byte_source(data: bytes, encoding: str, source: Source | None) -> Source:
    """Record the encoding and digest of byte input on the article's Source."""
    digest = hashlib.sha256(data).hexdigest()
    if source is None:
        return Source(encoding=encoding, sha256=digest)
    return source.model_copy(update={"encoding": encoding, "sha256": digest})


def _check_year(year: int | None) -> None:
    if year is None:
        return
    if isinstance(year, bool) or not isinstance(year, int) or not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise InputError(
            f"year must be an integer between {_FIRST_YEAR} and {_LAST_YEAR}, got {year!r}"
        )

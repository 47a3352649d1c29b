"""The parts a layout is made of: speakers, points, statement blocks, the article's layout.

Part of :mod:`yantai_pledges.layout`; see its docstring for the forms and decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lines import Paragraph
from ..models import FurnitureKind


@dataclass(frozen=True, slots=True)
class SpeakerParts:
    """The official making a statement, as read from a speaker line or running text."""

    name: str
    positions: tuple[str, ...]
    jurisdiction: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PointParts:
    """One point of a statement: its marker ("" for a thematic head) and lead phrase."""

    marker: str
    lead: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StatementBlock:
    """One statement's parts; ``body`` paragraphs have any credit cut off."""

    headline: Paragraph | None
    speaker: SpeakerParts | None
    date: Paragraph | None
    credit: Paragraph | None
    compiled_by: str | None
    body: tuple[Paragraph, ...]
    points: tuple[PointParts, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FurnitureParts:
    """A line that is no statement's body: what it is, and the line."""

    kind: FurnitureKind
    paragraph: Paragraph


@dataclass(frozen=True, slots=True)
class ArticleLayout:
    """The statements of an article, its title, the lines that are no statement's body, and what
    could not be recognised."""

    title: Paragraph | None
    statements: tuple[StatementBlock, ...]
    warnings: tuple[str, ...]
    furniture: tuple[FurnitureParts, ...] = ()

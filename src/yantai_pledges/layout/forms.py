"""The layout forms, tried in order: the first that reads an article gives its statements.

- :func:`speaker_lines`: statements that each start at a speaker line (the seed's form: a column
  of several officials, each with headline, date and speaker line before the body);
- :func:`running_text`: no speaker lines: one statement whose speaker, if any, is named in running
  text with a verb of speech, or a statement per turn where officials take turns to speak (a
  press conference, an interview reported in paragraphs).

A new form is one function here with its rows in ``tests/test_layout.py``, put in ``FORMS`` where
it should be tried; it returns ``None`` for an article it does not read.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..lines import Paragraph
from ..models import FurnitureKind
from .assembly import Line, LineKind, block_of, classify, without_trailer
from .parts import ArticleLayout, FurnitureParts, SpeakerParts, StatementBlock
from .places import _infer_jurisdiction
from .speakers import _SPEECH_AFTER_NAME, find_speaker_mention

__all__ = ["FORMS", "running_text", "speaker_lines", "split_statements"]

LayoutForm = Callable[[str, Sequence[Line]], ArticleLayout | None]


def split_statements(text: str, paragraphs: Sequence[Paragraph]) -> ArticleLayout:
    """Split cleaned text into statements: the first of ``FORMS`` that reads it."""
    if not paragraphs:
        return ArticleLayout(None, (), ("the text has no paragraphs",))
    lines = without_trailer([classify(paragraph) for paragraph in paragraphs])
    for form in FORMS:
        layout = form(text, lines)
        if layout is not None:
            return _with_furniture(layout, lines)
    raise AssertionError("the last layout form reads every article")  # running_text does


# What a line above the first statement (or between none) is, by its kind; a body or speaker
# line there belongs nowhere.
_OUTSIDE_KINDS = {
    LineKind.HEADING: FurnitureKind.HEADING,
    LineKind.DATE: FurnitureKind.DATE,
    LineKind.CREDIT: FurnitureKind.CREDIT,
    LineKind.FURNITURE: FurnitureKind.PAGE,
}


def _with_furniture(layout: ArticleLayout, lines: Sequence[Line]) -> ArticleLayout:
    """The layout with every line that is no statement's body listed as furniture: the page's own
    lines wherever they stand, and every line outside the statements' spans (the title, headings,
    date and credit lines above the first statement); a line outside that is none of these is
    unplaced, and a warning names it. One pass: lines and statements are both in text order."""
    furniture: list[FurnitureParts] = []
    warnings = list(layout.warnings)
    spans = [(block.start, block.end) for block in layout.statements]
    title = (layout.title.start, layout.title.end) if layout.title is not None else None
    index = 0
    for line in lines:
        paragraph = line.paragraph
        while index < len(spans) and spans[index][1] <= paragraph.start:
            index += 1
        inside = index < len(spans) and spans[index][0] <= paragraph.start
        if line.kind is LineKind.FURNITURE:
            furniture.append(FurnitureParts(FurnitureKind.PAGE, paragraph))
        elif inside:
            continue
        elif (paragraph.start, paragraph.end) == title:
            furniture.append(FurnitureParts(FurnitureKind.TITLE, paragraph))
        else:
            kind = _OUTSIDE_KINDS.get(line.kind, FurnitureKind.UNPLACED)
            furniture.append(FurnitureParts(kind, paragraph))
            if kind is FurnitureKind.UNPLACED:
                warnings.append(_unplaced_warning(paragraph))
    if not furniture:
        return layout
    return replace(layout, furniture=tuple(furniture), warnings=tuple(warnings))


# How much of an unplaced line a warning quotes (characters).
_QUOTED = 40


def _unplaced_warning(paragraph: Paragraph) -> str:
    quoted = paragraph.text if len(paragraph.text) <= _QUOTED else paragraph.text[:_QUOTED] + "…"
    return (
        f"a line in no statement, not recognised as a title, heading, date, credit or page "
        f"furniture, at [{paragraph.start}, {paragraph.end}): {quoted}"
    )


def _preamble_start(lines: Sequence[Line], speaker_index: int, floor: int) -> int:
    """The first of the headline and date lines directly before a speaker line."""
    index = speaker_index
    while index > floor and lines[index - 1].kind in (LineKind.HEADING, LineKind.DATE):
        index -= 1
    return index


def _has_headline(lines: Sequence[Line], preamble_start: int, speaker_index: int) -> bool:
    return lines[speaker_index].headline is not None or any(
        line.kind is LineKind.HEADING for line in lines[preamble_start:speaker_index]
    )


def _title_split(lines: Sequence[Line], starts: Sequence[int], speakers: Sequence[int]) -> int:
    """How many of the first preamble's lines belong to the article's head (its title).

    With two or more headings before the first speaker line, the last is the statement's headline
    and the first the article's title. A single heading is the title unless the first speaker line
    has no headline of its own while later statements have one (then it is the headline).
    """
    if any(line.kind is LineKind.HEADING for line in lines[: starts[0]]):
        return 0  # the title is already above the first statement
    preamble = lines[starts[0] : speakers[0]]
    headings = [i for i, line in enumerate(preamble) if line.kind is LineKind.HEADING]
    if not headings:
        return 0
    if lines[speakers[0]].headline is not None:
        return headings[-1] + 1
    if len(headings) >= 2:
        return headings[-1]
    later = any(_has_headline(lines, starts[k], index) for k, index in enumerate(speakers) if k > 0)
    return 0 if later else headings[-1] + 1


def speaker_lines(text: str, lines: Sequence[Line]) -> ArticleLayout | None:
    """A statement from each speaker line on; None for an article without speaker lines."""
    speakers = [index for index, line in enumerate(lines) if line.kind is LineKind.SPEAKER]
    if not speakers:
        return None
    starts: list[int] = []
    floor = 0
    for index in speakers:
        starts.append(_preamble_start(lines, index, floor))
        floor = index + 1
    starts[0] += _title_split(lines, starts, speakers)
    head = lines[: starts[0]]
    title = next((line.paragraph for line in head if line.kind is LineKind.HEADING), None)
    article_date = next((line.paragraph for line in head if line.kind is LineKind.DATE), None)
    article_credit = next((line.paragraph for line in head if line.kind is LineKind.CREDIT), None)
    blocks: list[StatementBlock] = []
    for k, index in enumerate(speakers):
        end = starts[k + 1] if k + 1 < len(speakers) else len(lines)
        blocks.append(
            block_of(
                lines[index + 1 : end],
                lines[index],
                lines[starts[k] : index],
                article_date,
                article_credit,
            )
        )
    warnings = [
        f"the statement by {block.speaker.name} has no body text"
        for block in blocks
        if not block.body and block.speaker is not None
    ]
    for k, block in enumerate(blocks):
        speaker, warning = _infer_jurisdiction(
            block.speaker, (block.headline, block.body[0] if block.body else None, title), text
        )
        if warning is not None:
            blocks[k] = replace(block, speaker=speaker)
            warnings.append(warning)
    return ArticleLayout(title, tuple(blocks), tuple(warnings))


def running_text(text: str, lines: Sequence[Line]) -> ArticleLayout:
    """Text without speaker lines: one statement, speaker from running text if named there; a
    report in which more officials speak (a press conference) gets a statement per turn."""
    first_body = next((i for i, line in enumerate(lines) if line.kind is LineKind.BODY), None)
    title: Paragraph | None = None
    if first_body is None:
        # Only short lines (a bare target, a list without punctuation): all of it is body.
        head: list[Line] = []
        rest = [
            Line(line.paragraph, LineKind.BODY) if line.kind is LineKind.HEADING else line
            for line in lines
        ]
    else:
        head, rest = list(lines[:first_body]), list(lines[first_body:])
        title = next((line.paragraph for line in head if line.kind is LineKind.HEADING), None)
        # Headings under the title (a subtitle, a column label) stay with the body.
        rest = [
            *(
                line
                for line in head
                if line.kind is LineKind.HEADING and line.paragraph is not title
            ),
            *rest,
        ]
    preamble = [line for line in head if line.kind is LineKind.DATE]
    article_credit = next((line.paragraph for line in head if line.kind is LineKind.CREDIT), None)
    block = block_of(rest, None, preamble, None, article_credit)
    warnings = ["no speaker line found; treated the text as one statement"]
    speaker = None
    if block.body:
        speaker = find_speaker_mention(text, block.body[0].start, block.body[-1].end)
    if speaker is None:
        warnings.append("no speaker found in the text")
        return ArticleLayout(title, (block,), tuple(warnings))
    turns = [(rest[0].paragraph.start, speaker), *_turns(text, block.body, speaker)]
    if len(turns) > 1:
        names = "、".join(dict.fromkeys(turn_speaker.name for _, turn_speaker in turns))
        warnings = [
            f"no speaker line found; split the text into {len(turns)} statements "
            f"where officials take turns to speak ({names})"
        ]
    blocks: list[StatementBlock] = []
    # The lines and the turns are both in text order: each turn's lines are the next run of them.
    line_starts = [line.paragraph.start for line in rest]
    for k, (start, turn_speaker) in enumerate(turns):
        end = turns[k + 1][0] if k + 1 < len(turns) else None
        first_line = bisect.bisect_left(line_starts, start)
        last_line = len(rest) if end is None else bisect.bisect_left(line_starts, end)
        group = rest[first_line:last_line]
        turn_block = block_of(group, None, preamble if k == 0 else (), None, article_credit)
        first = turn_block.body[0] if turn_block.body else None
        inferred, warning = _infer_jurisdiction(turn_speaker, (first, title), text)
        if warning is not None:
            warnings.append(warning)
        blocks.append(replace(turn_block, speaker=inferred))
    return ArticleLayout(title, tuple(blocks), tuple(warnings))


# How far into a paragraph an official may be named to open a turn of speech (characters): with
# positions, only after a few opening words (据市商务局局长谭卫东介绍，… ; 会上，副区长陈思远…);
# by name alone, after an opening clause (在回答记者提问时，谭卫东说，…). And how far the titles
# of the positions are looked for.
_TURN_REACH = 8


_NAME_TURN_REACH = 24


_TURN_WINDOW = 64


def _turns(
    text: str, body: Sequence[Paragraph], first: SpeakerParts
) -> list[tuple[int, SpeakerParts]]:
    """The paragraphs after ``first`` is named where another official starts to speak: each
    paragraph's start and its speaker. An official named again by name alone near the head of
    a paragraph (谭卫东表示，… ; 在回答记者提问时，谭卫东说，…) takes the turn back with the positions
    named before."""
    turns: list[tuple[int, SpeakerParts]] = []
    known = _mentions(text, body, first)
    current = first.name
    for paragraph in body:
        if paragraph.start <= first.start:
            continue
        speaker = _turn_at(text, paragraph, known)
        if speaker is None or speaker.name == current:
            continue
        turns.append((paragraph.start, known.add(speaker)))
        current = speaker.name
    return turns


class _KnownSpeakers:
    """The officials named so far, by name, in the order first named, with an index by name
    length: which of them a paragraph names near its head is a few lookups per position, not a
    search per official (an article of thousands of officials taking turns stays linear)."""

    def __init__(self, first: SpeakerParts) -> None:
        self._speakers: dict[str, tuple[int, SpeakerParts]] = {}
        self._lengths: set[int] = set()
        self.add(first)

    def add(self, speaker: SpeakerParts) -> SpeakerParts:
        """Know ``speaker`` unless one of its name is known; return the one known by the name."""
        if speaker.name not in self._speakers:
            self._speakers[speaker.name] = (len(self._speakers), speaker)
            self._lengths.add(len(speaker.name))
        return self._speakers[speaker.name][1]

    def named_near(self, text: str, start: int, reach: int) -> list[tuple[int, SpeakerParts]]:
        """The officials named in ``text`` starting at ``start`` … ``start + reach``, each with its
        first such place, in the order they were first named (the order they are tried in)."""
        first_at: dict[str, int] = {}
        for at in range(start, min(start + reach + 1, len(text))):
            for length in self._lengths:
                name = text[at : at + length]
                if len(name) == length and name in self._speakers and name not in first_at:
                    first_at[name] = at
        found = [(self._speakers[name], at) for name, at in first_at.items()]
        return [(at, speaker) for (_, speaker), at in sorted(found, key=lambda item: item[0][0])]


def _mentions(text: str, body: Sequence[Paragraph], first: SpeakerParts) -> _KnownSpeakers:
    """Every official named with positions and a verb of speech in ``body``, by name, ``first``
    first (副市长韩立群通报… in the lead makes a later 韩立群表示，… a turn)."""
    known = _KnownSpeakers(first)
    position, end = first.end, body[-1].end
    while (mention := find_speaker_mention(text, position, end)) is not None:
        known.add(mention)
        position = mention.end
    return known


def _turn_at(text: str, paragraph: Paragraph, known: _KnownSpeakers) -> SpeakerParts | None:
    """The official who starts speaking at the head of ``paragraph``, if any; in a paragraph that
    opens with a quote, the official named right after it (“…”省长谌贻琴在回答记者提问时说)."""
    head = _after_opening_quote(paragraph.text)
    start = paragraph.start + head
    for at, speaker in known.named_near(paragraph.text, head, _NAME_TURN_REACH):
        if _SPEECH_AFTER_NAME.match(text, paragraph.start + at + len(speaker.name)):
            return speaker  # 谭卫东表示，… ; 在回答记者提问时，谭卫东说，…
    stop = min(paragraph.end, start + _TURN_WINDOW)
    mention = find_speaker_mention(text, start, stop)
    if mention is None or mention.start - start > _TURN_REACH:
        return None
    return mention


def _after_opening_quote(paragraph: str) -> int:
    """Where a paragraph's words begin after a quote it opens with (“……”), else 0."""
    if not paragraph.startswith("“"):
        return 0
    end = paragraph.find("”")
    return end + 1 if end > 0 else 0


FORMS: tuple[LayoutForm, ...] = (speaker_lines, running_text)

"""Completion verbs (建成, 开工, 投产 …): one row of ``data/milestone_verbs.tsv`` each, with English.

The verb pattern that turns a dated clause into a milestone and the English of the action come from
the same rows, so a verb that finds a milestone always has an English phrase.
"""

from __future__ import annotations

import functools
import re

from .._data import load_table

__all__ = ["milestone_actions", "milestone_verb_pattern"]


@functools.cache
def milestone_actions() -> tuple[tuple[str, str], ...]:
    """(zh, English) for every completion verb, longest first: 集中开工 is tried before 开工."""
    rows = [(row["zh"], row["en"]) for row in load_table("milestone_verbs")]
    return tuple(sorted(rows, key=lambda row: (-len(row[0]), row[0])))


@functools.cache
def milestone_verb_pattern() -> re.Pattern[str]:
    """Any completion verb of the table."""
    return re.compile("|".join(re.escape(zh) for zh, _ in milestone_actions()))

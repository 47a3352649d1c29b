"""Extraction: from a statement's paragraphs to typed figures, periods and targets.

numbers (Chinese and Arabic numerals) → quantities (a figure with its unit and comparator) and
deadlines (time expressions) → sentences → targets (metric, status, commitment, milestones).
"""

from .article_dates import infer_year, issue_year, publication_date
from .deadlines import DeadlineMatch, find_deadlines
from .genre import communique, title_period
from .numbers import parse_number
from .quantities import QuantityMatch, find_quantities
from .sentences import split_sentences
from .targets import extract_targets

__all__ = [
    "DeadlineMatch",
    "QuantityMatch",
    "communique",
    "extract_targets",
    "find_deadlines",
    "find_quantities",
    "infer_year",
    "issue_year",
    "parse_number",
    "publication_date",
    "split_sentences",
    "title_period",
]

"""Exports: JSON / JSON Lines with a published JSON Schema, and the bilingual Excel report.

>>> from yantai_pledges.export import to_json, to_jsonl, to_excel, article_schema

Every writer replaces its target atomically and raises
:class:`~yantai_pledges.errors.ExportError` when it cannot write.
"""

from .excel import GlossaryEntry, GlossaryTerms, to_excel
from .json import article_schema, schema_text, to_json, to_jsonl, write_schema

__all__ = [
    "GlossaryEntry",
    "GlossaryTerms",
    "article_schema",
    "schema_text",
    "to_excel",
    "to_json",
    "to_jsonl",
    "write_schema",
]

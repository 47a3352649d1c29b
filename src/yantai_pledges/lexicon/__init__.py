"""The vocabulary shared by several stages: one module per concept, one data table each.

Each table holds both directions (Chinese → what the parser needs, and → English), so a word the
parser can find always has its English. Patterns built from a table are compiled once, on first
use. Now here: ``units`` (data/units.tsv), ``milestones`` (data/milestone_verbs.tsv), ``periods``
(data/periods.tsv: the deadline grammar's words and the English of a deadline), ``indicators``
(data/indicators.tsv: the canonical indicator a metric measures, with its official English),
``divisions`` (data/divisions.tsv, zones.tsv, towns.tsv: administrative divisions with their codes,
by year), ``jurisdictions`` (a place name in its article → its code, level and parent) and
``marks`` (closing quotes and brackets). Pledge words and titles still live with the stage that
reads them (extract/targets.py, layout/vocabulary.py).
"""

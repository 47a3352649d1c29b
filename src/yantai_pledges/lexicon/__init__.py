"""The vocabulary: one module per concept, each loading one data table that holds both directions.

A unit, a period, a pledge word or a title is one row with its Chinese and its English; the regexes
and character sets built from a table are compiled here once, on first use.
"""

"""Corpus mode: parse many articles in parallel, in order, without ever stopping on a bad file.

:func:`parse_many` is :func:`~yantai_pledges.parse` over an iterable. Worker processes read
and parse (the CPU-bound part) with ``translator=None``; results come back in input order through
a bounded window of in-flight tasks, so memory stays flat however large the corpus; machine
translation of free text then runs in the main process, where the model is loaded once. A file
that cannot be read or parsed — or that crashes the parser, kills its worker process, or takes
longer than the time limit — becomes a :class:`~yantai_pledges.models.FileError` in its place.
Workers exit when the parent dies, however it dies.

:func:`run_corpus` adds what the command line needs: a JSON Lines stream written as results
arrive (one record per input, flushed), ``resume`` (skip inputs already recorded), and a
progress bar. The record format is a contract, documented in ``docs/corpus.md``.

Modules: ``inputs`` (arguments → files, repeated inputs), ``pool`` (parsing in order, in worker processes),
``records`` (JSON Lines records, resume bookkeeping), ``translate`` (machine translation in the
main process), ``run`` (:func:`parse_many`, :func:`run_corpus`), ``bag`` (the same parse on a
Dask cluster, :func:`yantai_pledges.parse_bag`; not imported here).
"""

from .inputs import INPUT_SUFFIXES, RepeatedInput, distinct_inputs, expand_inputs
from .records import parse_path_record, read_records, record_for
from .run import CorpusSummary, parse_many, run_corpus
from .translate import TranslationStatus

__all__ = [
    "INPUT_SUFFIXES",
    "CorpusSummary",
    "RepeatedInput",
    "TranslationStatus",
    "distinct_inputs",
    "expand_inputs",
    "parse_many",
    "parse_path_record",
    "read_records",
    "record_for",
    "run_corpus",
]

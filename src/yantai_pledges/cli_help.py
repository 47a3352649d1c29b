"""The help texts of the ``yantai-pledges`` command (``cli.py``): descriptions, examples and
exit statuses, printed by ``--help`` and copied into ``docs/cli.md`` by
``scripts/gen_cli_docs.py``."""

from __future__ import annotations

__all__ = ["ARGOS_SETUP", "EXIT_STATUS", "FORCE_HELP", "PARSE_DESCRIPTION", "PARSE_EPILOG"]

EXIT_STATUS = """\
exit status:
  0    every input parsed, every output written
  1    some inputs could not be read or parsed (each named on stderr, the rest written), or an
       output failed while it was being written
  2    refused before any input was read: a usage error, an output that is not safe to write,
       an extra or model that is not installed
  130  interrupted (Ctrl-C)"""

# Where Argos comes from, for every command that needs it (docs/translation.md says how).
ARGOS_SETUP = "install yantai-pledges[argos] and a model (see docs/translation.md)"

PARSE_DESCRIPTION = """\
Parse article files into typed, bilingual data.

Inputs are files, folders (searched recursively for *.txt, *.htm, *.html, *.md) and glob
patterns. Files may be UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5,
plain text or saved web pages. With no output option, the JSON goes to stdout: one object for
one input, an array for several. --csv, --parquet and --db write the dataset: one row per
target and per milestone (see docs/dataset.md).

A file that cannot be read or parsed is reported on stderr (and as an error record in
--jsonl); the run goes on, and the exit status is 1. An input given twice, or a copy with the
same bytes (SHA-256), is parsed once, with a warning naming both paths.

Outputs are checked before anything is parsed. The run is refused (exit status 2) when an
output's folder is missing or not writable, when an output is one of the inputs, or when two
options name the same file. An existing file of another kind than its option writes (-o
notes.csv where notes.csv is not a workbook) is refused too, unless --force. -o, --json,
--csv and --parquet replace their file when the run ends, --jsonl when it starts; --db adds
to its database and --jsonl --resume appends to its file, so those two must already hold
their kind of file, --force or not."""

_EXAMPLES = """\
examples:
  yantai-pledges parse article.txt
  yantai-pledges parse archive/ -o report.xlsx --jsonl results.jsonl
  yantai-pledges parse archive/ --db pledges.sqlite --csv targets.csv
  yantai-pledges parse 'archive/**/*.html' --jsonl results.jsonl --resume --workers 4"""


PARSE_EPILOG = f"{_EXAMPLES}\n\n{EXIT_STATUS}"

FORCE_HELP = (
    "let an output replace an existing file of another kind (never an input; never the file "
    "that --db or --jsonl --resume adds to)"
)

"""The ``yantai-pledges`` command: a thin shell over the library.

::

    yantai-pledges parse FILE|DIR|GLOB... [-o report.xlsx] [--json OUT|-] [--jsonl OUT]
                         [--csv OUT] [--parquet OUT] [--db FILE] ...
    yantai-pledges schema [-o FILE]
    yantai-pledges models install PATH.argosmodel
    yantai-pledges models list
    yantai-pledges --version

Library errors become one line on stderr (``yantai-pledges: error: …``) and exit status 1; a
usage error exits with 2, as argparse does, also in one line. ``docs/cli.md`` is generated from
the ``--help`` texts below by ``scripts/gen_cli_docs.py``; a test keeps it current.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from . import __version__
from .corpus.pool import DEFAULT_TIMEOUT
from .errors import YantaiPledgesError
from .models import Article, FileError

if TYPE_CHECKING:
    from .export import ArticleSink

__all__ = ["PROG", "build_parser", "main"]

PROG = "yantai-pledges"
TRANSLATORS = ("auto", "glossary", "argos", "none")

_PARSE_DESCRIPTION = """\
Parse article files into typed, bilingual data.

Inputs are files, folders (searched recursively for *.txt, *.htm, *.html, *.md) and glob
patterns. Files may be UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5,
plain text or saved web pages. With no output option, the JSON goes to stdout: one object for
one input, an array for several. --csv, --parquet and --db write the dataset: one row per
target and per milestone (see docs/dataset.md).

A file that cannot be read or parsed is reported on stderr (and as an error record in
--jsonl); the run goes on, and the exit status is 1."""

_PARSE_EPILOG = """\
examples:
  yantai-pledges parse article.txt
  yantai-pledges parse archive/ -o report.xlsx --jsonl results.jsonl
  yantai-pledges parse archive/ --db pledges.sqlite --csv targets.csv
  yantai-pledges parse 'archive/**/*.html' --jsonl results.jsonl --resume --workers 4"""


class _OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line (the usage is one --help away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser(width: int | None = None) -> argparse.ArgumentParser:
    """The argument parser; ``width`` fixes the help text width (the docs use a fixed one)."""
    formatter = functools.partial(argparse.RawDescriptionHelpFormatter, width=width)
    parser = _OneLineParser(
        prog=PROG,
        description="Turn Chinese local-government pledge articles into typed, bilingual data.",
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    parse = commands.add_parser(
        "parse",
        help="parse article files into JSON, JSON Lines, Excel or a dataset",
        description=_PARSE_DESCRIPTION,
        epilog=_PARSE_EPILOG,
        formatter_class=formatter,
    )
    parse.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, folder or glob pattern")
    parse.add_argument("-o", "--output", metavar="REPORT.xlsx", help="write an Excel report")
    parse.add_argument("--json", metavar="OUT", help="write JSON to the file OUT ('-' for stdout)")
    parse.add_argument(
        "--jsonl",
        metavar="OUT",
        help="stream one JSON record per input to OUT as results arrive (see docs/corpus.md)",
    )
    parse.add_argument(
        "--csv",
        metavar="OUT",
        help="write the long table (one row per target and milestone) to OUT as CSV",
    )
    parse.add_argument(
        "--parquet",
        metavar="OUT",
        help="write the long table to OUT as Parquet (needs the parquet extra: pyarrow)",
    )
    parse.add_argument(
        "--db",
        metavar="FILE",
        help="add the articles to the SQLite database FILE (created if absent); an input "
        "parsed again replaces its rows",
    )
    parse.add_argument(
        "--year", type=int, metavar="N", help="the year relative deadlines refer to (年内 → N)"
    )
    parse.add_argument(
        "--workers",
        type=_positive_int,
        metavar="N",
        help="parallel worker processes (default: the number of CPUs; 1: no subprocesses)",
    )
    parse.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="time limit for one file in a worker (default: %(default)g): a file that takes "
        "longer is recorded as an error (Timeout), its worker is replaced and the run goes on; "
        "not enforced with --workers 1",
    )
    parse.add_argument(
        "--translator",
        choices=TRANSLATORS,
        default="auto",
        help="free-text translation: auto (Argos if a model is installed), glossary, argos, "
        "or none (default: auto); structured fields are always translated",
    )
    parse.add_argument(
        "--resume",
        action="store_true",
        help="with --jsonl: skip inputs already recorded there (same path and content) "
        "and append the rest",
    )
    parse.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parse.set_defaults(handler=_parse_command)

    tracking = commands.add_parser(
        "track",
        help="link pledges to outcomes and targets to their parents' (docs/tracking.md)",
        description="Parse article files (work reports, communiqués, reviews) and link each "
        "pledge to the outcomes of the same place, indicator and period in the others; pair "
        "each place's targets with its parent's. Writes JSON to stdout unless --json or --csv.",
        formatter_class=formatter,
    )
    tracking.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a file, folder or glob pattern"
    )
    tracking.add_argument(
        "--json", metavar="OUT", help="write links and inflation pairs as JSON to OUT"
    )
    tracking.add_argument("--csv", metavar="OUT", help="write the links as CSV to OUT")
    tracking.add_argument(
        "--year", type=int, metavar="N", help="the year relative deadlines refer to (年内 → N)"
    )
    tracking.add_argument(
        "--workers", type=_positive_int, metavar="N", help="parallel worker processes"
    )
    tracking.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    tracking.set_defaults(handler=_track_command)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the exported article objects",
        description="Print the JSON Schema (draft 2020-12) that every exported article satisfies.",
        formatter_class=formatter,
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE")
    schema.set_defaults(handler=_schema_command)

    models = commands.add_parser(
        "models",
        help="install or list offline translation models (Argos)",
        description="Manage the offline Argos Translate models used for free-text English.",
        formatter_class=formatter,
    )
    model_commands = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    install = model_commands.add_parser(
        "install",
        help="install a .argosmodel file (offline)",
        description="Install an Argos Translate package file; nothing is downloaded.",
        formatter_class=formatter,
    )
    install.add_argument("path", metavar="PATH.argosmodel", help="the model package file")
    install.set_defaults(handler=_models_install_command)
    listing = model_commands.add_parser(
        "list",
        help="list the installed models",
        description="List the installed Argos Translate packages (language pair, version, folder).",
        formatter_class=formatter,
    )
    listing.set_defaults(handler=_models_list_command)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 success, 1 failed input, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except YantaiPledgesError as error:
        _error(str(error))
        return 1
    except KeyboardInterrupt:
        _error("interrupted (with --jsonl, finished records are kept; rerun with --resume)")
        return 130


def _report_failures(failures: Sequence[FileError]) -> None:
    """One error line per input that failed, naming the file once."""
    for failure in failures:
        named = failure.message.startswith(failure.path)  # read errors already name the file
        _error(failure.message if named else f"{failure.path}: {failure.message}")


def _error(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    one_line = " ".join(message.split("\n"))
    print(f"{PROG}: error: {one_line}", file=sys.stderr)


# -- parse -------------------------------------------------------------------------------------


_OUTPUTS = ("output", "json", "jsonl", "csv", "parquet", "db")


def _parse_command(args: argparse.Namespace) -> int:
    from .corpus import expand_inputs, run_corpus  # noqa: PLC0415 - keep --help fast
    from .export._atomic import check_target  # noqa: PLC0415

    if args.resume and not args.jsonl:
        _error("--resume needs --jsonl OUT: it skips the inputs already recorded in OUT")
        return 2
    paths = expand_inputs(args.inputs)
    to_stdout = all(getattr(args, name) is None for name in _OUTPUTS)
    wants_documents = to_stdout or args.output is not None or args.json is not None
    for path in (args.output, None if args.json == "-" else args.json):
        if path is not None:
            check_target(path)  # fail now, not after a long run
    with contextlib.ExitStack() as outputs:  # the tables are complete when it closes
        sinks = [outputs.enter_context(open_sink(path)) for open_sink, path in _tables(args)]
        # A resumed run gives the tables every input, the skipped ones read back afterwards.
        streamed = bool(sinks) and not args.resume
        summary = run_corpus(
            paths,
            jsonl=args.jsonl,
            resume=args.resume,
            progress=False if args.quiet else None,
            keep=wants_documents or (bool(sinks) and not streamed),
            workers=args.workers,
            year=args.year,
            translator=None if args.translator == "none" else args.translator,
            on_article=_fan_out(sinks) if streamed else None,
            timeout=args.timeout,
        )
        articles = [result for result in summary.results if isinstance(result, Article)]
        if sinks and not streamed:
            for article in articles:
                _fan_out(sinks)(article)
    _report_failures(summary.errors)
    if wants_documents:
        document: Article | list[Article] = (
            articles[0] if len(paths) == 1 and len(articles) == 1 else articles
        )
        _write_documents(args, document, articles, summary.errors)
    # One input that failed has said all in its error line; otherwise sum up.
    if not args.quiet and not (len(paths) == 1 and summary.errors):
        print(summary.line(), file=sys.stderr)
        hint = _translation_hint(summary.translation.unavailable)
        if hint:
            print(hint, file=sys.stderr)
    return 1 if summary.failed else 0


def _track_command(args: argparse.Namespace) -> int:
    from .corpus import expand_inputs, run_corpus  # noqa: PLC0415 - keep --help fast
    from .export._atomic import check_target  # noqa: PLC0415
    from .tracking import Attainment, track  # noqa: PLC0415

    for path in (args.json, args.csv):
        if path is not None and path != "-":
            check_target(path)  # fail now, not after a long run
    summary = run_corpus(
        expand_inputs(args.inputs),
        progress=False if args.quiet else None,
        keep=True,
        workers=args.workers,
        year=args.year,
        translator=None,
    )
    _report_failures(summary.errors)
    tracking = track(result for result in summary.results if isinstance(result, Article))
    if (args.json is None and args.csv is None) or args.json == "-":
        print(tracking.to_json())
    elif args.json is not None:
        tracking.to_json(args.json)
    if args.csv is not None:
        tracking.to_csv(args.csv)
    if not args.quiet:
        verdicts = [link.attainment for link in tracking.links]
        print(
            f"{len(verdicts)} pledges linked: {verdicts.count(Attainment.MET)} met, "
            f"{verdicts.count(Attainment.MISSED)} missed, "
            f"{verdicts.count(Attainment.NO_OUTCOME)} without an outcome; "
            f"{len(tracking.inflation)} target pairs across levels",
            file=sys.stderr,
        )
    return 1 if summary.failed else 0


def _tables(
    args: argparse.Namespace,
) -> list[tuple[Callable[[str], contextlib.AbstractContextManager[ArticleSink]], str]]:
    """The dataset outputs asked for: how to open each, and where."""
    from .export import csv_sink, parquet_sink, sqlite_sink  # noqa: PLC0415 - keep --help fast

    chosen = ((csv_sink, args.csv), (parquet_sink, args.parquet), (sqlite_sink, args.db))
    return [(open_sink, path) for open_sink, path in chosen if path is not None]


def _fan_out(sinks: Sequence[ArticleSink]) -> ArticleSink:
    def add(article: Article) -> None:
        for sink in sinks:
            sink(article)

    return add


def _write_documents(
    args: argparse.Namespace,
    document: Article | list[Article],
    articles: list[Article],
    errors: list[FileError],
) -> None:
    from .export import to_excel, to_json  # noqa: PLC0415 - keep --help fast

    single_failed = isinstance(document, list) and not document and len(errors) == 1
    if args.json == "-" or (args.json is None and args.output is None):
        if not single_failed:  # one input that failed: nothing to print but the error
            _print(to_json(document))
    elif args.json is not None:
        to_json(document, args.json)
    if args.output is not None:
        to_excel(articles, args.output, errors=errors)  # failed inputs: the Errors sheet


def _print(text: str, stream: TextIO | None = None) -> None:
    output = stream if stream is not None else sys.stdout
    output.write(text)
    output.write("\n")
    output.flush()


def _translation_hint(unavailable: str | None) -> str | None:
    """One line on how to get free-text English, when it was wanted and not available."""
    if unavailable is None:
        return None
    from .translation import models_admin  # noqa: PLC0415 - only for this hint

    steps = f"install a model with: {models_admin.INSTALL_HINT}"
    if importlib.util.find_spec("argostranslate") is None:
        steps = f"{models_admin.ARGOS_EXTRA_HINT}, then {steps}"
    return f"note: free text was not machine-translated ({unavailable}); {steps}"


# -- schema, models ----------------------------------------------------------------------------


def _schema_command(args: argparse.Namespace) -> int:
    from .export import article_schema  # noqa: PLC0415 - keep --help fast

    text = json.dumps(article_schema(), ensure_ascii=False, indent=2)
    if args.output is None:
        _print(text)
        return 0
    try:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        _error(f"cannot write {args.output}: {error.strerror or error}")
        return 1
    return 0


def _models_install_command(args: argparse.Namespace) -> int:
    from .translation.models_admin import install_model  # noqa: PLC0415 - keep --help fast

    model = install_model(args.path)
    _print(f"installed {model.from_code}→{model.to_code} {model.version} in {model.path}")
    return 0


def _models_list_command(args: argparse.Namespace) -> int:
    from .translation.models_admin import list_models  # noqa: PLC0415 - keep --help fast

    models = list_models()
    if not models:
        _print("no models installed")
        return 0
    for model in models:
        _print(f"{model.from_code}→{model.to_code}\t{model.version}\t{model.path}")
    return 0

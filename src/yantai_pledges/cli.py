"""The ``yantai-pledges`` command: a thin shell over the library.

::

    yantai-pledges parse FILE|DIR|GLOB... [-o report.xlsx] [--json OUT|-] [--jsonl OUT]
                         [--csv OUT] [--parquet OUT] [--db FILE] ...
    yantai-pledges schema [-o FILE]
    yantai-pledges models install PATH.argosmodel
    yantai-pledges models list
    yantai-pledges --version

Every error is one line on stderr (``yantai-pledges: error: …``). Exit status (``EXIT_STATUS``
below, printed by ``--help``): 0 done; 1 some inputs failed, or an output failed while it was
written; 2 refused before anything was read — a usage error, an unsafe output path
(:mod:`yantai_pledges.export.preflight`), a missing extra or model. ``docs/cli.md`` is generated
from the ``--help`` texts below by ``scripts/gen_cli_docs.py``; a test keeps it current.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from . import __version__
from .cli_help import (  # the help texts, in a room of their own
    ARGOS_SETUP,
    EXIT_STATUS,
    FORCE_HELP,
    PARSE_DESCRIPTION,
    PARSE_EPILOG,
)
from .corpus.pool import DEFAULT_TIMEOUT
from .errors import MissingDependencyError, ModelNotInstalledError, YantaiPledgesError
from .models import Article, FileError

if TYPE_CHECKING:
    from .corpus import RepeatedInput
    from .export import ArticleSink
    from .export.excel import ExcelSink
    from .export.preflight import PlannedOutput

__all__ = ["PROG", "build_parser", "main"]

PROG = "yantai-pledges"
TRANSLATORS = ("auto", "glossary", "argos", "none")

# Exit statuses: a script can tell "some inputs failed" from "nothing was done".
EXIT_OK, EXIT_FAILED_INPUTS, EXIT_REFUSED, EXIT_INTERRUPTED = 0, 1, 2, 130


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
        epilog=EXIT_STATUS,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    parse = commands.add_parser(
        "parse",
        help="parse article files into JSON, JSON Lines, Excel or a dataset",
        description=PARSE_DESCRIPTION,
        epilog=PARSE_EPILOG,
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
        help="time limit for one file in a worker (default: %(default)g); a file that takes "
        "longer is an error (Timeout), its worker replaced; not enforced with --workers 1",
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
    parse.add_argument("--force", action="store_true", help=FORCE_HELP)
    parse.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar, no summary (the progress bar shows only on a terminal)",
    )
    parse.set_defaults(handler=_parse_command)

    tracking = commands.add_parser(
        "track",
        help="link pledges to outcomes and targets to their parents' (docs/tracking.md)",
        description="Parse article files (work reports, communiqués, reviews), or read the "
        "articles of a database made by parse --db, and link each pledge to the outcomes of "
        "the same place, indicator and period in the others; pair each place's targets with "
        "its parent's. Writes JSON to stdout unless -o, --json, --csv or --db. Outputs are checked "
        "before anything is parsed, as for parse.",
        epilog=EXIT_STATUS,
        formatter_class=formatter,
    )
    tracking.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a file, folder or glob pattern, or a database made by parse --db",
    )
    tracking.add_argument(
        "-o",
        "--output",
        metavar="TRACKING.xlsx",
        help="write a workbook: the links, the inflation pairs and a chart of pledge against "
        "outcome (docs/tracking.md)",
    )
    tracking.add_argument(
        "--json", metavar="OUT", help="write links and inflation pairs as JSON to OUT"
    )
    tracking.add_argument("--csv", metavar="OUT", help="write the links as CSV to OUT")
    tracking.add_argument(
        "--db",
        metavar="DB.sqlite",
        help="write the links and inflation pairs as the tables tracking_links and "
        "tracking_inflation of the database DB (made anew each run; DB may be an input)",
    )
    tracking.add_argument(
        "--year", type=int, metavar="N", help="the year relative deadlines refer to (年内 → N)"
    )
    tracking.add_argument(
        "--workers", type=_positive_int, metavar="N", help="parallel worker processes"
    )
    tracking.add_argument("--force", action="store_true", help=FORCE_HELP)
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
        description="Manage the offline Argos Translate models used for free-text English. "
        f"Needs the optional Argos extra: {ARGOS_SETUP}.",
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
    with contextlib.suppress(ValueError):
        if 0 < (value := float(text)) < float("inf"):
            return value
    raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text!r}")


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
    except _Refused as refused:
        _error(str(refused.__cause__ or refused))
        return EXIT_REFUSED
    except YantaiPledgesError as error:
        _error(str(error))
        return EXIT_FAILED_INPUTS
    except KeyboardInterrupt:
        _error("interrupted (with --jsonl, finished records are kept; rerun with --resume)")
        return EXIT_INTERRUPTED


class _Refused(Exception):  # noqa: N818 - a signal to main(), not an error of the library
    """Raised from a library error while a command prepares: nothing was read or written yet."""


@contextlib.contextmanager
def _preparing() -> Iterator[None]:
    """Library errors inside the block refuse the command (exit status 2)."""
    try:
        yield
    except YantaiPledgesError as error:
        raise _Refused from error


def _report_failures(failures: Sequence[FileError]) -> None:
    """One error line per input that failed, naming the file once."""
    for failure in failures:
        named = failure.message.startswith(failure.path)  # read errors already name the file
        _error(failure.message if named else f"{failure.path}: {failure.message}")


def _error(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    one_line = " ".join(message.split("\n"))
    print(f"{PROG}: error: {one_line}", file=sys.stderr)


def _warning(message: str) -> None:
    one_line = " ".join(message.split("\n"))
    print(f"{PROG}: warning: {one_line}", file=sys.stderr)


_REPEATS_SHOWN = 10  # warnings for repeated inputs, before the rest are only counted


def _report_repeats(repeats: Sequence[RepeatedInput]) -> None:
    for repeat in repeats[:_REPEATS_SHOWN]:
        _warning(repeat.message())
    if len(repeats) > _REPEATS_SHOWN:
        _warning(f"{len(repeats) - _REPEATS_SHOWN} more inputs repeat earlier ones; parsed once")


def _distinct(paths: list[Path]) -> list[Path]:
    """The inputs to parse: repeats (the same file twice, or the same bytes) left out, said."""
    from .corpus import distinct_inputs  # noqa: PLC0415 - keep --help fast

    kept, repeats = distinct_inputs(paths)
    _report_repeats(repeats)
    return kept


# -- checks before a run -----------------------------------------------------------------------

# Each output option: its argparse name, how it is written on the command line, its kind of file.
_PARSE_OUTPUTS = (
    ("output", "-o", "workbook"),
    ("json", "--json", "json"),
    ("jsonl", "--jsonl", "jsonl"),
    ("csv", "--csv", "csv"),
    ("parquet", "--parquet", "parquet"),
    ("db", "--db", "sqlite"),
)
_TRACK_OUTPUTS = (
    ("output", "-o", "workbook"),
    ("json", "--json", "json"),
    ("csv", "--csv", "csv"),
    ("db", "--db", "sqlite"),
)


def _planned_outputs(
    args: argparse.Namespace, options: Sequence[tuple[str, str, str]]
) -> list[PlannedOutput]:
    """The output files the command will write ('-' for --json is stdout, not a file)."""
    from .export.preflight import KINDS, PlannedOutput  # noqa: PLC0415 - keep --help fast

    planned = []
    for name, option, kind in options:
        value = getattr(args, name)
        if value is None or (name == "json" and value == "-"):
            continue
        appends = name == "db" or (name == "jsonl" and getattr(args, "resume", False))
        planned.append(PlannedOutput(option, Path(value), KINDS[kind], appends=appends))
    return planned


def _check_translator(name: str) -> None:
    """``--translator argos`` needs the extra and a model: say so now, not after the run."""
    if name != "argos":
        return
    from .translation import models_admin  # noqa: PLC0415 - keep --help fast
    from .translation.argos import argos_importable  # noqa: PLC0415

    if not argos_importable():
        raise MissingDependencyError(
            f"--translator argos: Argos Translate is not installed; {ARGOS_SETUP}"
        )
    if models_admin.find_model() is None:
        raise ModelNotInstalledError(
            f"--translator argos: no zh→en Argos model is installed in "
            f"{models_admin.packages_dir()}; {ARGOS_SETUP}"
        )


def _check_argos_extra() -> None:
    from .translation.argos import argos_importable  # noqa: PLC0415 - keep --help fast

    if not argos_importable():
        raise MissingDependencyError(f"Argos Translate is not installed; {ARGOS_SETUP}")


# -- parse -------------------------------------------------------------------------------------


def _parse_command(args: argparse.Namespace) -> int:
    from .corpus import expand_inputs, run_corpus  # noqa: PLC0415 - keep --help fast
    from .export.preflight import check_outputs  # noqa: PLC0415

    if args.resume and not args.jsonl:
        _error("--resume needs --jsonl OUT: it skips the inputs already recorded in OUT")
        return EXIT_REFUSED
    planned = _planned_outputs(args, _PARSE_OUTPUTS)
    to_stdout = all(getattr(args, name) is None for name, _, _ in _PARSE_OUTPUTS)
    # The workbook and the tables are written as articles arrive (memory flat in their number);
    # a resumed run gives them every input, the skipped ones read back afterwards.
    streamed = not args.resume
    wants_documents = (
        to_stdout or args.json is not None or (args.output is not None and not streamed)
    )
    # The tables and the workbook are complete when the stack closes.
    with contextlib.ExitStack() as outputs:
        with _preparing():  # fail now, not after a long run
            paths = expand_inputs(args.inputs)
            check_outputs(planned, paths, force=args.force)
            _check_translator(args.translator)
            paths = _distinct(paths)
            sinks = [outputs.enter_context(open_sink(path)) for open_sink, path in _tables(args)]
            report = _report_sink(outputs, args) if streamed else None
        live: list[ArticleSink] = [*sinks] if streamed else []
        if report is not None:
            live.append(report)
        summary = run_corpus(
            paths,
            jsonl=args.jsonl,
            resume=args.resume,
            progress=False if args.quiet else None,
            keep=wants_documents or (bool(sinks) and not streamed),
            workers=args.workers,
            year=args.year,
            translator=None if args.translator == "none" else args.translator,
            on_article=_fan_out(live) if live else None,
            timeout=args.timeout,
        )
        if report is not None:
            report.errors = summary.errors  # failed inputs: the Errors sheet
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
    missing_argos = args.translator == "argos" and summary.translation.unavailable
    if missing_argos:
        _error(f"--translator argos: {summary.translation.unavailable}; {ARGOS_SETUP}")
    # One input that failed has said all in its error line; otherwise sum up.
    if not args.quiet and not (len(paths) == 1 and summary.errors):
        print(summary.line(), file=sys.stderr)
        hint = None if missing_argos else _translation_hint(summary.translation.unavailable)
        if hint:
            print(hint, file=sys.stderr)
    return EXIT_FAILED_INPUTS if summary.failed or missing_argos else EXIT_OK


def _track_command(args: argparse.Namespace) -> int:
    from .corpus import expand_inputs, run_corpus  # noqa: PLC0415 - keep --help fast
    from .export.preflight import check_outputs  # noqa: PLC0415
    from .export.sqlite import is_sqlite, read_sqlite  # noqa: PLC0415
    from .tracking import Attainment, track  # noqa: PLC0415

    with _preparing():  # fail now, not after a long run
        paths = expand_inputs(args.inputs)
        # A database made by parse --db is read, not parsed; --db may name it (the tracking
        # tables are written beside its own once every article has been read).
        databases = [path for path in paths if is_sqlite(path)]
        files = [path for path in paths if path not in databases]
        check_outputs(_planned_outputs(args, _TRACK_OUTPUTS), files, force=args.force)
        files = _distinct(files)
        stored = [article for database in databases for article in read_sqlite(database)]
    summary = run_corpus(
        files,
        progress=False if args.quiet else None,
        keep=True,
        workers=args.workers,
        year=args.year,
        translator=None,
    )
    _report_failures(summary.errors)
    parsed = [result for result in summary.results if isinstance(result, Article)]
    tracking = track(stored + parsed)
    outputs = (args.output, args.json, args.csv, args.db)
    if all(value is None for value in outputs) or args.json == "-":
        print(tracking.to_json())
    elif args.json is not None:
        tracking.to_json(args.json)
    if args.csv is not None:
        tracking.to_csv(args.csv)
    if args.db is not None:
        tracking.to_sqlite(args.db)
    if args.output is not None:
        tracking.to_excel(args.output)
    if not args.quiet:
        verdicts = [link.attainment for link in tracking.links]
        print(
            f"{len(verdicts)} pledges linked: {verdicts.count(Attainment.MET)} met, "
            f"{verdicts.count(Attainment.MISSED)} missed, "
            f"{verdicts.count(Attainment.NO_OUTCOME)} without an outcome; "
            f"{len(tracking.inflation)} target pairs across levels",
            file=sys.stderr,
        )
    return EXIT_FAILED_INPUTS if summary.failed else EXIT_OK


def _tables(
    args: argparse.Namespace,
) -> list[tuple[Callable[[str], contextlib.AbstractContextManager[ArticleSink]], str]]:
    """The dataset outputs asked for: how to open each, and where."""
    from .export import csv_sink, parquet_sink, sqlite_sink  # noqa: PLC0415 - keep --help fast

    chosen = ((csv_sink, args.csv), (parquet_sink, args.parquet), (sqlite_sink, args.db))
    return [(open_sink, path) for open_sink, path in chosen if path is not None]


def _report_sink(outputs: contextlib.ExitStack, args: argparse.Namespace) -> ExcelSink | None:
    """The workbook (``-o``), opened to be written as the articles arrive."""
    from .export.excel import excel_sink  # noqa: PLC0415 - keep --help fast

    if args.output is None:
        return None
    return outputs.enter_context(excel_sink(args.output))


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
    if args.output is not None and args.resume:  # otherwise written as the articles arrived
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

    with _preparing():
        _check_argos_extra()
    model = install_model(args.path)
    _print(f"installed {model.from_code}→{model.to_code} {model.version} in {model.path}")
    return 0


def _models_list_command(args: argparse.Namespace) -> int:
    from .translation.models_admin import list_models  # noqa: PLC0415 - keep --help fast

    with _preparing():
        _check_argos_extra()
    models = list_models()
    if not models:
        _print("no models installed")
        return 0
    for model in models:
        _print(f"{model.from_code}→{model.to_code}\t{model.version}\t{model.path}")
    return 0

"""The docs stay true: the CLI reference is current, the corpus page's examples run and match."""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest
import regex

from benchmark_modules import load_script
from yantai_pledges import corpus
from yantai_pledges.models import FileError

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "cli.md"
CORPUS_DOC = ROOT / "docs" / "corpus.md"

# A fenced code block: its language and body.
_FENCE = regex.compile(
    r"""
    ^```(?P<language>\w*)\n  # opening fence with an optional language
    (?P<body>.*?)            # the code
    ^```$                    # closing fence
    """,
    regex.VERBOSE | regex.MULTILINE | regex.DOTALL,
)
# The marker of the example that this file runs, and the block after it.
_RUN_BLOCK = regex.compile(
    r"""
    <!--\ run:\ tests/test_docs\.py\ -->\n  # the marker comment
    ```python\n(?P<body>.*?)^```$          # the Python block right after it
    """,
    regex.VERBOSE | regex.MULTILINE | regex.DOTALL,
)
# Names imported from the corpus module in the docs.
_CORPUS_IMPORT = regex.compile(
    r"""
    from\ yantai_pledges\.corpus\ import\ (?P<names>[\w, ]+)  # a from-import line
    """,
    regex.VERBOSE,
)


def _generator() -> ModuleType:
    return load_script("gen_cli_docs")


# -- docs/cli.md ----------------------------------------------------------------------------


def test_cli_reference_is_current() -> None:
    generated = _generator().render()
    assert CLI_DOC.read_text(encoding="utf-8") == generated, (
        "docs/cli.md is stale: run python scripts/gen_cli_docs.py"
    )


def test_every_command_and_option_is_documented() -> None:
    generator = _generator()
    text = CLI_DOC.read_text(encoding="utf-8")
    sections = text.split("\n## ")
    commands = list(generator.walk(generator.build_parser()))
    assert len(commands) >= 6  # the top level, parse, schema, models, models install/list
    for path, parser in commands:
        title = " ".join(("yantai-pledges", *path))
        section = next((s for s in sections if s.startswith(f"`{title}`")), None)
        assert section is not None, f"command {title!r} is not documented in docs/cli.md"
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            for option in action.option_strings:
                assert option in section, f"{title} {option} is not documented"


# -- docs/corpus.md -------------------------------------------------------------------------


def _blocks(language: str) -> list[str]:
    text = CORPUS_DOC.read_text(encoding="utf-8")
    return [m["body"] for m in _FENCE.finditer(text) if m["language"] == language]


def test_documented_records_have_the_written_keys(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("确保全年新开工项目130个以上。", encoding="utf-8")
    written = {
        "article": set(corpus.parse_path_record(good)),
        "error": set(corpus.record_for(FileError(path="x", error="E", message="m"))),
    }
    documented = [json.loads(block) for block in _blocks("json")]
    assert {record["type"] for record in documented} == {"article", "error"}
    for record in documented:
        assert set(record) == written[record["type"]]
    # The key table names every key of both record types.
    table_keys = set(regex.findall(r"^\| `(\w+)` \|", CORPUS_DOC.read_text("utf-8"), regex.M))
    assert table_keys == written["article"] | written["error"]


def test_documented_corpus_names_exist() -> None:
    text = CORPUS_DOC.read_text(encoding="utf-8")
    names = {name.strip() for m in _CORPUS_IMPORT.finditer(text) for name in m["names"].split(",")}
    names |= set(regex.findall(r"yantai_pledges\.corpus\.(\w+)", text))
    assert names
    for name in names:
        assert name in corpus.__all__, f"docs/corpus.md names corpus.{name}, which is not public"


def test_the_local_pipeline_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    match = _RUN_BLOCK.search(CORPUS_DOC.read_text(encoding="utf-8"))
    assert match is not None, "docs/corpus.md lost its tested example"
    archive = tmp_path / "archive"
    archive.mkdir()
    for number in range(5):
        text = f"确保全年新开工项目{100 + number}个以上。"
        (archive / f"{number}.txt").write_text(text, encoding="gb18030")
    (archive / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    exec(compile(match["body"], str(CORPUS_DOC), "exec"), {"archive": archive})
    assert capsys.readouterr().out == "6 records, 1 errors\n"
    assert sorted(path.name for path in (tmp_path / "results").iterdir()) == [
        "part-00000.jsonl",
        "part-00001.jsonl",
        "part-00002.jsonl",
    ]


# -- README.md ------------------------------------------------------------------------------

README = ROOT / "README.md"


def _readme_blocks(language: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    return [m["body"] for m in _FENCE.finditer(text) if m["language"] == language]


def test_readme_starts_with_the_two_commands() -> None:
    run_command, test_command = _readme_blocks("bash")[:2]
    assert "pip install ." in run_command
    assert "seeds/000_bad21ed3cf753cea.txt" in run_command
    assert "-o report.xlsx" in run_command
    assert "--json report.json" in run_command
    assert "pytest" in test_command


def test_ci_runs_the_readme_test_command() -> None:
    test_command = _readme_blocks("bash")[1].strip()
    after_activation = test_command.split(". .venv/bin/activate && ", 1)[1]
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert after_activation in ci_script.splitlines()


def test_ci_also_runs_the_core_suite_with_the_test_extra_alone() -> None:
    """After the README command, .ci/run makes a second venv with only [test] and runs pytest."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    readme_line = next(number for number, line in enumerate(lines) if "[test,argos]" in line)
    after = lines[readme_line + 1 :]
    venvs = [line.split()[-1] for line in after if line.startswith("python3 -m venv ")]
    assert venvs == [".ci-venv-core"]
    assert f"source {venvs[0]}/bin/activate" in after
    assert 'pip install -e ".[test]" && python -m pytest' in after
    assert "unset YANTAI_PLEDGES_TEST_EXTRAS" in after  # extras may be missing there: skips
    assert "export YANTAI_PLEDGES_TEST_EXTRAS=argos" in lines[:readme_line]


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    example = _readme_blocks("python")[0]
    seed = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
    example = example.replace('"seeds/000_bad21ed3cf753cea.txt"', repr(str(seed)))
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {"print": lambda *args: None})
    assert (tmp_path / "report.xlsx").stat().st_size > 0


def test_extending_guide_names_files_and_specs_that_exist() -> None:
    """docs/extending.md points at real files, and at row specs that export/rows.py defines."""
    import re

    from yantai_pledges.export import rows

    guide = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:src|tests|docs|scripts)/[\w./-]+)`", guide))
    assert len(paths) >= 8
    for path in paths:
        assert (ROOT / path).exists(), path
    for name in re.findall(r"`([A-Z]+_COLUMNS)`", guide):
        assert hasattr(rows, name), name


# -- docs/dataset.md ------------------------------------------------------------------------

DATASET_DOC = ROOT / "docs" / "dataset.md"
# The query the page's command-line example hands to the sqlite3 shell.
_SHELL_QUERY = regex.compile(r'sqlite3 pledges\.sqlite "(?P<query>[^"]+)"')


def _work_reports(archive: Path) -> None:
    archive.mkdir()
    for number, year in enumerate((2023, 2024, 2024)):
        text = (
            f"{year}年政府工作报告\n\n{year}年主要预期目标是：全市地区生产总值增长{5 + number}%左右，"
            f"确保全年新开工项目{130 + number}个以上。3月底前完成主体工程建设。"
        )
        (archive / f"{number}.txt").write_text(text, encoding="gb18030")
    (archive / "empty.txt").write_bytes(b"")


def test_the_dataset_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = DATASET_DOC.read_text(encoding="utf-8")
    match = _RUN_BLOCK.search(text)
    assert match is not None, "docs/dataset.md lost its tested example"
    archive = tmp_path / "archive"
    _work_reports(archive)
    monkeypatch.chdir(tmp_path)
    exec(compile(match["body"], str(DATASET_DOC), "exec"), {"archive": archive})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["indicator_id", "year", "targets", "total"]
    assert [line.split()[:3] for line in lines[1:]] == [
        ["gdp_growth", "2023", "1"],
        ["gdp_growth", "2024", "2"],
        ["projects_started", "2023", "1"],
        ["projects_started", "2024", "2"],
    ]
    stata = pd.read_stata(tmp_path / "targets.dta")
    assert len(stata) == 9  # three reports, two targets and a milestone each
    assert set(stata["metric_zh"]) >= {"地区生产总值增长", "新开工项目"}

    # The page's SQL runs on that database: the shell example and the full-text search.
    shell = _SHELL_QUERY.search(text)
    assert shell is not None
    queries = [
        shell["query"],
        *(m["body"] for m in _FENCE.finditer(text) if m["language"] == "sql"),
    ]
    with contextlib.closing(sqlite3.connect(tmp_path / "pledges.sqlite")) as db:
        gdp = db.execute(queries[0]).fetchall()
        assert [(row[0], row[1]) for row in gdp] == [(None, 2023), (None, 2024), (None, 2024)]
        assert db.execute(queries[1].replace("新能源汽车", "新开工项目")).fetchall()

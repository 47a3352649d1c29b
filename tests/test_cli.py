"""The command line: every subcommand through ``main([...])``; errors are one line."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import regex
from openpyxl import load_workbook

from extras import requires_argos
from yantai_pledges import __version__
from yantai_pledges.cli import main
from yantai_pledges.cli_help import ARGOS_SETUP
from yantai_pledges.export import schema_text
from yantai_pledges.models import Article

ARTICLE = """培强产业集群 壮大工业规模

市委常委、副市长，开发区工委书记、管委主任 牟树青

一是以最强烈担当提增速、作贡献。年内新增规上工业企业30家、产值过10亿元企业3家。

二是以最有力机制促投资、强产业。确保3月底前开工53个新项目、全年新开工项目130个以上。
"""


@pytest.fixture(autouse=True)
def no_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Argos packages folder: no test depends on a model installed on the machine."""
    folder = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="gb18030")
    return path


def _one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert regex.match(r"yantai-pledges(?: \w+)*: error: ", lines[0]), lines[0]
    return lines[0]


# -- top level -------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"yantai-pledges {__version__}"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("parse", "track", "schema", "models"):
        assert command in out


USAGE_ERROR_ROWS = [
    pytest.param([], "required", id="no-command"),
    pytest.param(["frobnicate"], "invalid choice", id="unknown-command"),
    pytest.param(["parse"], "INPUT", id="parse-without-input"),
    pytest.param(["parse", "a.txt", "--workers", "0"], "at least 1", id="zero-workers"),
    pytest.param(["parse", "a.txt", "--workers", "two"], "whole number", id="word-workers"),
    pytest.param(["parse", "a.txt", "--translator", "google"], "invalid choice", id="translator"),
    pytest.param(["parse", "a.txt", "--year", "next"], "invalid int", id="year"),
    pytest.param(["models"], "required", id="models-without-action"),
]


@pytest.mark.parametrize(("argv", "fragment"), USAGE_ERROR_ROWS)
def test_usage_errors_are_one_line_exit_2(
    argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert fragment in _one_error_line(captured.err)


# -- parse -----------------------------------------------------------------------------------


def test_parse_one_file_prints_one_object(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(article_file), "--workers", "1"]) == 0
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert isinstance(document, dict)
    assert document["source"]["encoding"] == "gb18030"
    assert document["statements"]
    assert "1 article," in captured.err
    assert "0 errors" in captured.err


def test_parse_several_files_prints_an_array(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = tmp_path / "second.html"
    second.write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    assert main(["parse", str(article_file), str(second), "--workers", "2", "-q"]) == 0
    captured = capsys.readouterr()
    documents = json.loads(captured.out)
    assert [document["source"]["path"] for document in documents] == [
        str(article_file),
        str(second),
    ]
    assert captured.err == ""  # --quiet


BAD_INPUT_ROWS = [
    pytest.param(b"", "empty", id="empty-file"),
    pytest.param(b"  \n\t\n", "whitespace", id="blank-file"),
    pytest.param(b"\x80\xff\x80\xff\x81", "UTF-8", id="undecodable"),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file (looks like a PNG image)", id="png"
    ),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3", "not a text file (looks like a PDF document)", id="pdf"),
    pytest.param(
        b"PK\x03\x04\x14\x00\x06\x00", "(looks like a ZIP archive, such as a Word", id="docx"
    ),
    pytest.param(b"\x00\x01\x02\x03binary", "binary data", id="unknown-binary"),
]


@pytest.mark.parametrize(("data", "fragment"), BAD_INPUT_ROWS)
def test_bad_input_is_one_line_exit_1(
    data: bytes, fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    assert main(["parse", str(path), "--workers", "1"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    line = _one_error_line(captured.err)
    assert str(path) in line
    assert fragment in line


def test_missing_file_is_named_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["parse", str(missing), str(missing)]) == 1  # twice on the command line, too
    line = _one_error_line(capsys.readouterr().err)
    assert line == f"yantai-pledges: error: {missing}: no such file"


def test_one_bad_file_among_good_ones(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    argv = ["parse", str(article_file), str(empty), "--workers", "1", "--translator", "none"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 1
    error_line, summary = captured.err.splitlines()
    assert error_line.startswith(f"yantai-pledges: error: {empty}: ")
    assert summary.startswith("1 article, ")
    assert summary.endswith("1 error")


def test_json_and_excel_outputs(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    json_out = tmp_path / "out" / "report.json"
    json_out.parent.mkdir()
    excel_out = tmp_path / "out" / "report.xlsx"
    argv = ["parse", str(article_file), "--json", str(json_out), "-o", str(excel_out), "-q"]
    assert main(argv) == 0
    assert capsys.readouterr().out == ""  # an output option given: nothing on stdout
    assert json.loads(json_out.read_text(encoding="utf-8"))["statements"]
    workbook = load_workbook(excel_out, read_only=True)
    assert workbook.sheetnames
    workbook.close()


def test_json_to_stdout_with_dash(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = tmp_path / "out.jsonl"
    assert main(["parse", str(article_file), "--json", "-", "--jsonl", str(jsonl), "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["statements"]
    assert json.loads(jsonl.read_text(encoding="utf-8"))["type"] == "article"


def test_resume_needs_jsonl(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(article_file), "--resume"]) == 2
    assert "--jsonl" in _one_error_line(capsys.readouterr().err)


def test_translation_hint_is_one_line(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(article_file), "--workers", "1", "--translator", "auto"]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1
    assert "yantai-pledges models install" in notes[0]


def test_no_translation_hint_without_translation(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for translator in ("none", "glossary"):
        assert main(["parse", str(article_file), "--workers", "1", "--translator", translator]) == 0
        assert "note:" not in capsys.readouterr().err


# -- the dataset outputs ---------------------------------------------------------------------


def _table_counts(db: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(db)) as connection:
        return {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "statements", "targets", "milestones")
        }


def test_csv_parquet_and_db_together_with_json(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("确保全年新开工项目130个以上。3月底前完成主体工程建设。", encoding="utf-8")
    out = {name: tmp_path / name for name in ("t.csv", "t.parquet", "p.sqlite", "all.json")}
    argv = ["parse", str(article_file), str(other), "-q", "--workers", "1"]
    argv += ["--csv", str(out["t.csv"]), "--parquet", str(out["t.parquet"])]
    argv += ["--db", str(out["p.sqlite"]), "--json", str(out["all.json"])]
    assert main(argv) == 0
    assert capsys.readouterr().out == ""
    with out["t.csv"].open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["article"] for row in rows] == ["1"] * 4 + ["2"] * 2
    assert [row["kind"] for row in rows][-2:] == ["target", "milestone"]
    assert pq.read_table(out["t.parquet"]).num_rows == len(rows)
    assert _table_counts(out["p.sqlite"]) == {
        "articles": 2, "statements": 2, "targets": 5, "milestones": 1
    }  # fmt: skip
    assert len(json.loads(out["all.json"].read_text(encoding="utf-8"))) == 2

    assert main(argv) == 0  # again: the database is the same size, the files the same bytes
    assert _table_counts(out["p.sqlite"])["targets"] == 5
    with out["t.csv"].open(encoding="utf-8-sig", newline="") as stream:
        assert list(csv.DictReader(stream)) == rows


def test_parquet_without_pyarrow_fails_before_parsing(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    jsonl = tmp_path / "out.jsonl"
    argv = ["parse", str(article_file), "--jsonl", str(jsonl), "--parquet", str(tmp_path / "t.pq")]
    assert main(argv) == 2
    assert 'pip install "yantai-pledges[parquet]"' in _one_error_line(capsys.readouterr().err)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["article.txt"]


def test_resume_gives_the_tables_every_input(article_file: Path, tmp_path: Path) -> None:
    jsonl, db = tmp_path / "out.jsonl", tmp_path / "p.sqlite"
    assert main(["parse", str(article_file), "--jsonl", str(jsonl), "-q"]) == 0
    later = tmp_path / "later.txt"
    later.write_text("确保全年新开工项目130个以上。", encoding="utf-8")
    argv = ["parse", str(article_file), str(later), "--jsonl", str(jsonl), "--resume", "-q"]
    assert main([*argv, "--db", str(db)]) == 0
    assert _table_counts(db)["articles"] == 2  # the skipped input is read back from OUT


# -- schema ----------------------------------------------------------------------------------


def test_schema_to_stdout_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert json.loads(printed)["title"] == "yantai_pledges Article"
    assert printed == schema_text()
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text()


def test_schema_unwritable_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "-o", str(tmp_path / "no" / "such" / "dir" / "s.json")]) == 1
    assert "cannot write" in _one_error_line(capsys.readouterr().err)


# -- models ----------------------------------------------------------------------------------


def _fake_argos_package(path: Path) -> Path:
    """A structurally valid .argosmodel (metadata and a model folder, no real weights)."""
    metadata = {"from_code": "zh", "to_code": "en", "package_version": "1.9", "type": "translate"}
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("translate-zh_en-1_9/metadata.json", json.dumps(metadata))
        archive.writestr("translate-zh_en-1_9/model/model.bin", b"not a real model")
    return path


@requires_argos
def test_models_list_install_list(
    tmp_path: Path, no_models: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "list"]) == 0
    assert capsys.readouterr().out.strip() == "no models installed"
    package = _fake_argos_package(tmp_path / "translate-zh_en-1_9.argosmodel")
    assert main(["models", "install", str(package)]) == 0
    assert "installed zh→en 1.9" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1
    assert listed[0].startswith("zh→en\t1.9\t")
    assert str(no_models) in listed[0]


MODEL_ERROR_ROWS = [
    pytest.param(None, "no such model file", id="missing"),
    pytest.param(b"plain text, not a zip", "not an Argos package", id="not-a-zip"),
]


@requires_argos
@pytest.mark.parametrize(("content", "fragment"), MODEL_ERROR_ROWS)
def test_models_install_errors_are_one_line(
    content: bytes | None, fragment: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.argosmodel"
    if content is not None:
        path.write_bytes(content)
    assert main(["models", "install", str(path)]) == 1
    assert fragment in _one_error_line(capsys.readouterr().err)


# -- track -------------------------------------------------------------------------------------


def _report_and_communique(folder: Path) -> tuple[Path, Path]:
    """A city's 2023 target and its 2023 result, in two files."""
    report = folder / "report.txt"
    report.write_text(
        "2023年济南市政府工作报告\n济南市人民政府\n"
        "今年全市主要预期目标是：地区生产总值增长6%以上。",
        encoding="utf-8",
    )
    communique = folder / "communique.txt"
    communique.write_text(
        "2023年济南市国民经济和社会发展统计公报\n初步核算，全年地区生产总值比上年增长6.3%。",
        encoding="utf-8",
    )
    return report, communique


def test_track_writes_links_as_json_and_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, communique = _report_and_communique(tmp_path)
    out, table = tmp_path / "tracking.json", tmp_path / "links.csv"
    args = ["track", str(report), str(communique), "--workers", "1"]
    assert main([*args, "--json", str(out), "--csv", str(table)]) == 0
    (link,) = json.loads(out.read_text(encoding="utf-8"))["links"]
    assert (link["indicator_id"], link["attainment"], link["gap"]) == ("gdp_growth", "met", "0.3")
    assert table.read_text(encoding="utf-8-sig").splitlines()[0].startswith("indicator_id,")
    assert "1 pledges linked: 1 met" in capsys.readouterr().err
    assert main([*args, "--json", str(tmp_path / "missing" / "x.json")]) == 2  # checked first


def test_track_reads_a_database_and_writes_its_tables_into_it(tmp_path: Path) -> None:
    report, communique = _report_and_communique(tmp_path)
    database = tmp_path / "pledges.sqlite"
    assert main(["parse", str(report), "--db", str(database), "-q"]) == 0
    # The stored report and a parsed communiqué; the tables go into the database read.
    args = ["track", str(database), str(communique), "--db", str(database), "-q"]
    assert main([*args, "--workers", "1"]) == 0
    with contextlib.closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT indicator_id, attainment FROM tracking_links").fetchall()
        assert rows == [("gdp_growth", "met")]
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone() == (1,)
    text = tmp_path / "notes.txt"
    text.write_text("不是数据库", encoding="utf-8")
    assert main(["track", str(communique), "--db", str(text), "-q"]) == 2  # not a database
    assert main(["track", str(communique), "-o", str(text), "-q"]) == 2  # not a workbook
    workbook = tmp_path / "tracking.xlsx"
    assert main([*args[:3], "-o", str(workbook), "-q", "--workers", "1"]) == 0
    assert zipfile.is_zipfile(workbook)


# -- outputs checked before parsing -------------------------------------------------------------


def _workbook(path: Path) -> Path:
    """A real (empty) workbook, as a previous run would have left."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.save(path)
    return path


# What stands at the output path before the run: nothing, or a file of some kind.
EXISTING: dict[str, Callable[[Path], object]] = {
    "none": lambda path: None,
    "empty": lambda path: path.write_bytes(b""),
    "prose": lambda path: path.write_text("这是一篇笔记，不是报表。\n第二行。", encoding="utf-8"),
    "csv": lambda path: path.write_text("name,value\na,1\n", encoding="utf-8"),
    "json": lambda path: path.write_text('{"a": 1}', encoding="utf-8"),
    "jsonl": lambda path: path.write_text('{"type": "article"}\n', encoding="utf-8"),
    "png": lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "workbook": _workbook,
    "sqlite": lambda path: sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close(),
    "folder": lambda path: path.mkdir(),
}

# (option and extra flags, what is at the output path, the refusal's words; None: accepted)
OUTPUT_ROWS = [
    pytest.param(["-o"], "csv", "is not an Excel workbook (it looks like a CSV file)", id="o-csv"),
    pytest.param(["-o"], "prose", "is not an Excel workbook (it looks like text)", id="o-prose"),
    pytest.param(["-o", "--force"], "csv", None, id="o-csv-forced"),
    pytest.param(["-o"], "workbook", None, id="o-old-workbook"),
    pytest.param(["-o"], "empty", None, id="o-empty-file"),
    pytest.param(["-o"], "folder", "is a folder", id="o-folder"),
    pytest.param(["--json"], "prose", "is not a JSON file (it looks like text)", id="json-prose"),
    pytest.param(["--json"], "png", "(it looks like a PNG image)", id="json-png"),
    pytest.param(["--json"], "json", None, id="json-old-json"),
    pytest.param(["--json", "--force"], "prose", None, id="json-prose-forced"),
    pytest.param(["--jsonl"], "workbook", "is not a JSON Lines file", id="jsonl-workbook"),
    pytest.param(["--jsonl"], "jsonl", None, id="jsonl-old-jsonl"),
    pytest.param(["--jsonl", "--resume"], "jsonl", None, id="jsonl-resume"),
    pytest.param(["--jsonl", "--resume", "--force"], "prose", "add to it", id="resume-prose"),
    pytest.param(["--csv"], "workbook", "(it looks like an Excel workbook)", id="csv-workbook"),
    pytest.param(["--csv"], "csv", None, id="csv-old-csv"),
    pytest.param(["--csv", "--force"], "workbook", None, id="csv-workbook-forced"),
    pytest.param(["--parquet"], "csv", "is not a Parquet file", id="parquet-csv"),
    pytest.param(["--db"], "prose", "is not an SQLite database", id="db-prose"),
    pytest.param(["--db", "--force"], "prose", "add to it", id="db-prose-forced"),
    pytest.param(["--db"], "sqlite", None, id="db-old-database"),
    pytest.param(["--db"], "empty", None, id="db-empty-file"),
]


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Record whether the command started parsing (it must not, when it refuses)."""
    import yantai_pledges.corpus as corpus_module

    calls: list[object] = []
    real = corpus_module.run_corpus

    def run_corpus(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(corpus_module, "run_corpus", run_corpus)
    return calls


@pytest.mark.parametrize(("flags", "existing", "refusal"), OUTPUT_ROWS)
def test_outputs_are_checked_before_parsing(
    flags: list[str],
    existing: str,
    refusal: str | None,
    article_file: Path,
    tmp_path: Path,
    no_parsing: list[object],
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "out.file"
    EXISTING[existing](target)
    before = sorted(tmp_path.rglob("*"))
    content = target.read_bytes() if target.is_file() else None
    option, *extra = flags
    argv = ["parse", str(article_file), option, str(target), *extra, "--workers", "1", "-q"]
    status = main(argv)
    err = capsys.readouterr().err
    if refusal is None:
        assert status == 0, err
        assert no_parsing
        return
    assert status == 2
    line = _one_error_line(err)
    assert line.startswith(f"yantai-pledges: error: {option} {target}: ")
    assert refusal in line
    assert not no_parsing  # refused before parsing started
    assert sorted(tmp_path.rglob("*")) == before  # nothing created
    if content is not None:
        assert target.read_bytes() == content  # nothing replaced


INPUT_AS_OUTPUT_ROWS = [
    pytest.param(["-o"], id="o"),
    pytest.param(["--json"], id="json"),
    pytest.param(["--jsonl"], id="jsonl"),
    pytest.param(["--jsonl", "--resume"], id="jsonl-resume"),
    pytest.param(["--csv"], id="csv"),
    pytest.param(["--parquet"], id="parquet"),
    pytest.param(["--db"], id="db"),
    pytest.param(["-o", "--force"], id="o-forced"),
    pytest.param(["--jsonl", "--force"], id="jsonl-forced"),
]


@pytest.mark.parametrize("flags", INPUT_AS_OUTPUT_ROWS)
@pytest.mark.parametrize("spelling", ["same", "relative", "hard-link", "in-folder"])
def test_an_input_is_never_an_output(
    flags: list[str],
    spelling: str,
    article_file: Path,
    tmp_path: Path,
    no_parsing: list[object],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    original = article_file.read_bytes()
    inputs, output = [str(article_file)], str(article_file)
    if spelling == "relative":
        monkeypatch.chdir(tmp_path)
        output = f"./{article_file.name}"
    elif spelling == "hard-link":
        link = tmp_path / "link.txt"
        link.hardlink_to(article_file)
        output = str(link)
    elif spelling == "in-folder":
        inputs = [str(tmp_path)]  # the folder contributes article.txt
    option, *extra = flags
    assert main(["parse", *inputs, option, output, *extra]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert "is an input of this run" in line
    assert article_file.read_bytes() == original
    assert not no_parsing


REFUSED_PLACE_ROWS = [
    pytest.param(["-o", "{tmp}/nodir/x.xlsx"], "the folder {tmp}/nodir does not exist", id="o"),
    pytest.param(["--json", "{tmp}/nodir/x.json"], "does not exist", id="json"),
    pytest.param(["--jsonl", "{tmp}/nodir/x.jsonl"], "does not exist", id="jsonl"),
    pytest.param(["--csv", "{tmp}/nodir/x.csv"], "does not exist", id="csv"),
    pytest.param(["--parquet", "{tmp}/nodir/x.parquet"], "does not exist", id="parquet"),
    pytest.param(["--db", "{tmp}/nodir/x.sqlite"], "does not exist", id="db"),
    pytest.param(["--json", "{tmp}/article.txt/x.json"], "is not a folder", id="file-as-folder"),
    pytest.param(["--json", "/dev/null"], "is not a regular file", id="device"),
    pytest.param(
        ["--json", "{tmp}/same", "--csv", "{tmp}/same"], "--json names the same file", id="twice"
    ),
]


@pytest.mark.parametrize(("options", "refusal"), REFUSED_PLACE_ROWS)
def test_outputs_that_cannot_be_written_are_refused(
    options: list[str],
    refusal: str,
    article_file: Path,
    tmp_path: Path,
    no_parsing: list[object],
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["parse", str(article_file), *(option.format(tmp=tmp_path) for option in options)]
    assert main(argv) == 2
    assert refusal.format(tmp=tmp_path) in _one_error_line(capsys.readouterr().err)
    assert not no_parsing
    assert sorted(path.name for path in tmp_path.iterdir()) == ["article.txt"]


def test_a_read_only_folder_is_refused(
    article_file: Path,
    tmp_path: Path,
    no_parsing: list[object],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The check asks the system (os.access), which answers for this process; root may write
    anywhere, so the system's "no" is simulated here, and made real in the next test."""
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: Path(path) != locked and real_access(path, mode)
    )
    assert main(["parse", str(article_file), "--jsonl", str(locked / "out.jsonl")]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert f"cannot write in the folder {locked} (permission denied)" in line
    assert not no_parsing


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="root (or Windows) may write into a folder without write permission",
)
def test_a_read_only_folder_is_refused_by_the_system(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        assert main(["parse", str(article_file), "--jsonl", str(locked / "out.jsonl")]) == 2
    finally:
        locked.chmod(0o755)
    assert "permission denied" in _one_error_line(capsys.readouterr().err)


def test_jsonl_that_fails_to_open_is_one_line(
    article_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Past the checks (the folder went read-only meanwhile, a full disk): one line, exit 1."""
    jsonl = tmp_path / "out.jsonl"
    real_open = Path.open

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == jsonl:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    assert main(["parse", str(article_file), "--jsonl", str(jsonl), "--workers", "1"]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert line == f"yantai-pledges: error: cannot write {jsonl}: Permission denied"


TRACK_OUTPUT_ROWS = [
    pytest.param(["--json", "{input}"], "is an input of this run", id="json-input"),
    pytest.param(["--csv", "{input}"], "is an input of this run", id="csv-input"),
    pytest.param(["--csv", "{tmp}/notes.txt"], "is not a CSV file (it looks like text)", id="csv"),
    pytest.param(["--json", "{tmp}/notes.txt"], "is not a JSON file", id="json"),
    pytest.param(["--json", "{tmp}/no/x.json"], "does not exist", id="missing-folder"),
]


@pytest.mark.parametrize(("options", "refusal"), TRACK_OUTPUT_ROWS)
def test_track_checks_its_outputs_alike(
    options: list[str],
    refusal: str,
    article_file: Path,
    tmp_path: Path,
    no_parsing: list[object],
    capsys: pytest.CaptureFixture[str],
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("笔记", encoding="utf-8")
    filled = [option.format(tmp=tmp_path, input=article_file) for option in options]
    assert main(["track", str(article_file), *filled]) == 2
    assert refusal in _one_error_line(capsys.readouterr().err)
    assert not no_parsing
    assert notes.read_text(encoding="utf-8") == "笔记"
    assert main(["track", str(article_file), *filled, "--force", "-q", "--workers", "1"]) == (
        2 if "input" in refusal or "exist" in refusal else 0
    )


# -- repeated inputs ----------------------------------------------------------------------------


def test_the_same_file_twice_is_parsed_once_with_a_warning(
    article_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    jsonl = tmp_path / "out.jsonl"
    argv = ["parse", str(article_file), "article.txt", "--jsonl", str(jsonl), "--workers", "1"]
    assert main([*argv, "--translator", "none"]) == 0
    warning, summary = capsys.readouterr().err.splitlines()
    assert warning == (
        f"yantai-pledges: warning: article.txt: the same file as {article_file}, "
        "given twice; parsed once"
    )
    assert summary.startswith("1 article, ")
    assert len(jsonl.read_text(encoding="utf-8").splitlines()) == 1


def test_copies_with_the_same_bytes_are_parsed_once(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(article_file.read_bytes())
    other = tmp_path / "other.txt"  # the same size, other bytes: parsed
    other.write_bytes(article_file.read_bytes().replace(b"30", b"31"))
    argv = ["parse", str(article_file), str(copy), str(other), "--workers", "1"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    paths = [document["source"]["path"] for document in json.loads(captured.out)]
    assert paths == [str(article_file), str(other)]
    digest = hashlib.sha256(article_file.read_bytes()).hexdigest()
    assert captured.err.splitlines()[0] == (
        f"yantai-pledges: warning: {copy}: the same bytes as {article_file} "
        f"(sha256 {digest[:12]}…); parsed once, as {article_file}"
    )


# -- the argos extra ----------------------------------------------------------------------------


@pytest.fixture
def without_argos(monkeypatch: pytest.MonkeyPatch) -> None:
    """The [argos] extra as if not installed: its modules cannot be imported."""
    for name in ("argostranslate", "argostranslate.package", "ctranslate2", "sentencepiece"):
        monkeypatch.setitem(sys.modules, name, None)


ARGOS_COMMAND_ROWS = [
    pytest.param(["parse", "{input}", "--translator", "argos"], id="parse-translator-argos"),
    pytest.param(["models", "list"], id="models-list"),
    pytest.param(["models", "install", "{tmp}/m.argosmodel"], id="models-install"),
]


@pytest.mark.usefixtures("without_argos")
@pytest.mark.parametrize("argv", ARGOS_COMMAND_ROWS)
def test_argos_commands_without_the_extra_say_how_to_get_it(
    argv: list[str],
    article_file: Path,
    tmp_path: Path,
    no_parsing: list[object],
    capsys: pytest.CaptureFixture[str],
) -> None:
    filled = [arg.format(input=article_file, tmp=tmp_path) for arg in argv]
    assert main(filled) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    line = _one_error_line(captured.err)
    assert "install yantai-pledges[argos] and a model (see docs/translation.md)" in line
    assert line.endswith(ARGOS_SETUP)
    assert not no_parsing


@requires_argos
def test_translator_argos_without_a_model_fails_before_parsing(
    article_file: Path, no_models: Path, no_parsing: list[object], capsys: Any
) -> None:
    assert main(["parse", str(article_file), "--translator", "argos"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert f"no zh→en Argos model is installed in {no_models}" in line
    assert ARGOS_SETUP in line
    assert not no_parsing


# The CLI in a fresh interpreter where the argos modules cannot be imported (as without the extra).
_BLOCKED_ARGOS = """
import sys
for name in ("argostranslate", "ctranslate2", "sentencepiece"):
    sys.modules[name] = None
from yantai_pledges.cli import main
from yantai_pledges.cli_help import ARGOS_SETUP
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    "argv", [["models", "list"], ["parse", "{input}", "--translator", "argos"]]
)
def test_argos_missing_in_a_real_process(argv: list[str], article_file: Path) -> None:
    filled = [arg.format(input=article_file) for arg in argv]
    done = subprocess.run(
        [sys.executable, "-c", _BLOCKED_ARGOS, *filled],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")},
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert _one_error_line(done.stderr).endswith(ARGOS_SETUP)


# -- exit status ----------------------------------------------------------------------------------

EXIT_ROWS = [
    pytest.param(["parse", "{good}", "--workers", "1"], 0, id="ok"),
    pytest.param(["parse", "{good}", "{bad}", "--workers", "1"], 1, id="one-input-failed"),
    pytest.param(["parse", "{bad}"], 1, id="the-input-failed"),
    pytest.param(["parse", "{good}", "--workers", "zero"], 2, id="usage"),
    pytest.param(["parse", "{good}", "-o", "{good}"], 2, id="unsafe-output"),
    pytest.param(["parse", "{good}", "--resume"], 2, id="resume-without-jsonl"),
    pytest.param(["track", "{good}", "--csv", "{tmp}/no/x.csv"], 2, id="track-unsafe-output"),
    pytest.param(["schema"], 0, id="schema"),
]


@pytest.mark.parametrize(("argv", "status"), EXIT_ROWS)
def test_exit_status_is_as_documented(
    argv: list[str], status: int, article_file: Path, tmp_path: Path, capsys: Any
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    filled = [arg.format(good=article_file, bad=bad, tmp=tmp_path) for arg in argv]
    assert main(filled) == status
    capsys.readouterr()
    documented = regex.findall(r"^  (\d+) ", main_help(), regex.MULTILINE)
    assert str(status) in documented


def main_help() -> str:
    """The top-level --help text."""
    from yantai_pledges.cli import build_parser

    return build_parser().format_help()


def test_help_documents_every_exit_status() -> None:
    from yantai_pledges.cli_help import EXIT_STATUS

    assert EXIT_STATUS in main_help()
    codes = regex.findall(r"^  (\d+) ", EXIT_STATUS, regex.MULTILINE)
    assert codes == ["0", "1", "2", "130"]
    docs = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    assert EXIT_STATUS in docs


# -- the progress bar -----------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _corpus_of_three(tmp_path: Path) -> list[Path]:
    paths = []
    for number, text in enumerate(["确保全年新开工项目130个以上。", "", "年内新增企业30家。"]):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize(
    ("stream", "progress", "shown"),
    [
        pytest.param(_Terminal, None, True, id="terminal"),
        pytest.param(io.StringIO, None, False, id="not-a-terminal"),
        pytest.param(_Terminal, False, False, id="quiet"),
    ],
)
def test_progress_bar_shows_done_total_rate_failures_on_a_terminal(
    stream: type[io.StringIO], progress: bool | None, shown: bool, tmp_path: Path
) -> None:
    from yantai_pledges.corpus import run_corpus

    output = stream()
    summary = run_corpus(
        _corpus_of_three(tmp_path),
        progress=progress,
        progress_stream=output,
        workers=1,
        translator=None,
    )
    assert len(summary.errors) == 1
    text = output.getvalue()
    if not shown:
        assert text == ""
        return
    final = text.replace("\r", "\n").strip().splitlines()[-1]
    assert "3/3" in final  # files done / total
    assert regex.search(r"\dfile/s|s/file", final), final  # the rate
    assert "1 failed" in final


def test_quiet_cli_prints_nothing_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _corpus_of_three(tmp_path)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["parse", *map(str, paths), "--workers", "1", "-q", "--translator", "none"])
    # Only the failed input's line: no bar, no summary.
    assert terminal.getvalue().splitlines() == [
        f"yantai-pledges: error: {paths[1]}: the input is empty (0 bytes); give an article's text"
    ]
    capsys.readouterr()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_workbook_is_written_as_articles_arrive_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    """parse -o streams: no article is kept for the end, and the bytes are to_excel's."""
    from yantai_pledges import corpus
    from yantai_pledges.export import to_excel

    paths = _corpus_of_three(tmp_path)
    seen: list[dict[str, Any]] = []
    real_run = corpus.run_corpus

    def recording_run(*args: Any, **options: Any) -> Any:
        seen.append(options)
        return real_run(*args, **options)

    monkeypatch.setattr(corpus, "run_corpus", recording_run)
    report = tmp_path / "report.xlsx"
    argv = ["parse", *map(str, paths), "-o", str(report), "-q", "--workers", workers]
    assert main([*argv, "--translator", "none"]) == 1  # the empty input is an error
    assert [options["keep"] for options in seen] == [False]
    assert seen[0]["on_article"] is not None
    summary = real_run(paths, keep=True, workers=1, translator=None)
    articles = [result for result in summary.results if isinstance(result, Article)]
    expected = to_excel(articles, tmp_path / "expected.xlsx", errors=summary.errors)
    assert report.read_bytes() == expected.read_bytes()

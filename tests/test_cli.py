"""The command line: every subcommand through ``main([...])``; errors are one line."""

from __future__ import annotations

import contextlib
import csv
import json
import sqlite3
import sys
import zipfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import regex
from openpyxl import load_workbook

from yantai_pledges import __version__
from yantai_pledges.cli import main
from yantai_pledges.export import schema_text

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
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "binary", id="image"),
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


def test_missing_file_is_one_line_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "No such file" in _one_error_line(capsys.readouterr().err)


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


@pytest.mark.parametrize("option", ["--csv", "--parquet", "--db", "-o", "--json"])
def test_an_unwritable_output_fails_before_parsing(
    option: str, article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = tmp_path / "out.jsonl"
    argv = ["parse", str(article_file), "--jsonl", str(jsonl), option, str(tmp_path / "no" / "x")]
    assert main(argv) == 1
    assert "does not exist" in _one_error_line(capsys.readouterr().err)
    assert not jsonl.exists()  # nothing was parsed


def test_parquet_without_pyarrow_fails_before_parsing(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    jsonl = tmp_path / "out.jsonl"
    argv = ["parse", str(article_file), "--jsonl", str(jsonl), "--parquet", str(tmp_path / "t.pq")]
    assert main(argv) == 1
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


def test_track_writes_links_as_json_and_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "2023年济南市政府工作报告\n济南市人民政府\n"
        "今年全市主要预期目标是：地区生产总值增长6%以上。",
        encoding="utf-8",
    )
    communique = tmp_path / "communique.txt"
    communique.write_text(
        "2023年济南市国民经济和社会发展统计公报\n初步核算，全年地区生产总值比上年增长6.3%。",
        encoding="utf-8",
    )
    out, table = tmp_path / "tracking.json", tmp_path / "links.csv"
    args = ["track", str(report), str(communique), "--workers", "1"]
    assert main([*args, "--json", str(out), "--csv", str(table)]) == 0
    (link,) = json.loads(out.read_text(encoding="utf-8"))["links"]
    assert (link["indicator_id"], link["attainment"], link["gap"]) == ("gdp_growth", "met", "0.3")
    assert table.read_text(encoding="utf-8-sig").splitlines()[0].startswith("indicator_id,")
    assert "1 pledges linked: 1 met" in capsys.readouterr().err
    assert main([*args, "--json", str(tmp_path / "missing" / "x.json")]) == 1  # checked first

"""Corpus mode: many files, in order, in parallel, with errors recorded and runs resumable."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import multiprocessing
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from yantai_pledges import pipeline
from yantai_pledges.cli import main
from yantai_pledges.corpus import (
    RepeatedInput,
    TranslationStatus,
    distinct_inputs,
    expand_inputs,
    parse_many,
    parse_path_record,
    read_records,
    run_corpus,
)
from yantai_pledges.models import Article, FileError
from yantai_pledges.translation.base import MockTranslator

CRASH_MARKER = "测试注入故障"  # the text that makes the parser raise (FAIL_ON hook)

# -- a generated corpus ----------------------------------------------------------------------

# Statements in the seed's layout (headline, speaker line, enumerated points, reporter credit),
# with names, places and numbers varied, as a district page of any city paper would be.
SIMPLIFIED = """{headline}

市委常委、{place}委书记 {name}

全市高质量发展集中观摩活动，吹响了“决胜万亿级城市”的冲锋号。{place}将持续“大抓项目、抓大项目”。

一是以最强烈担当提增速。年内新增规上工业企业{a}家、产值过{b}亿元企业{c}家，力争生产总值增长{d}%左右。

二是以最有力机制促投资。确保{month}月底前开工{e}个新项目、全年新开工项目{f}个以上。\
 YMG全媒体记者 {reporter} 整理
"""
# A Hong Kong / Taiwan style page in traditional characters (for Big5 files).
TRADITIONAL = """{headline_tc}

{place_tc}書記 {name_tc}

一是提增速。年內新增規上工業企業{a}家，力爭生產總值增長{d}%左右。

二是促投資。確保全年新開工項目{f}個以上。
"""
HEADLINES = [
    "培强产业集群 壮大工业规模",
    "项目发展风正劲 凝聚力量再出发",
    "聚焦实体经济 奋力争先进位",
]
PLACES = ["黄渤海新区", "栖霞市", "莱山区", "福山区", "蓬莱区", "龙口市", "莱阳市", "海阳市"]
NAMES = ["牟树青", "包华", "王建华", "李晓明", "张立新", "陈红", "刘志强", "赵丽"]
REPORTERS = ["童佳怡", "李俊", "王晓", "孙婷"]
HEADLINES_TC = [
    "培強產業集群 壯大工業規模",
    "項目發展風正勁 凝聚力量再出發",
    "聚焦實體經濟 奮力爭先進位",
]
PLACES_TC = ["黃渤海新區", "棲霞市", "萊山區", "福山區", "蓬萊區", "龍口市", "萊陽市", "海陽市"]
NAMES_TC = ["牟樹青", "包華", "王建華", "李曉明", "張立新", "陳紅", "劉志強", "趙麗"]
# (file suffix, how the text is stored)
GOOD_KINDS = [
    (".txt", "utf-8"),
    (".txt", "utf-8-sig"),
    (".txt", "utf-16"),
    (".txt", "gb18030"),
    (".txt", "big5"),
    (".html", "html-utf-8"),
    (".htm", "html-gb18030"),
    (".md", "utf-8"),
]


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    expected: str  # "article", or the error class name of its FileError
    text: str = ""  # the article text as written (before encoding)


def _article_text(number: int, traditional: bool = False) -> str:
    template = TRADITIONAL if traditional else SIMPLIFIED
    return template.format(
        headline=HEADLINES[number % len(HEADLINES)],
        place=PLACES[number % len(PLACES)],
        name=NAMES[(number * 3) % len(NAMES)],
        reporter=REPORTERS[number % len(REPORTERS)],
        headline_tc=HEADLINES_TC[number % len(HEADLINES_TC)],
        place_tc=PLACES_TC[number % len(PLACES_TC)],
        name_tc=NAMES_TC[(number * 3) % len(NAMES_TC)],
        a=10 + number % 50,
        b=5 + number % 20,
        c=1 + number % 9,
        d=5 + number % 4,
        month=1 + number % 12,
        e=20 + number,
        f=100 + number,
    )


def _encoded(text: str, storage: str) -> bytes:
    if storage.startswith("html-"):
        paragraphs = "".join(f"<p>{line}</p>\n" for line in text.split("\n\n"))
        page = (
            "<!DOCTYPE html><html><head><title>烟台日报</title></head><body>"
            f"<nav>首页 | 要闻</nav><div class='article'>{paragraphs}</div>"
            "<footer>版权所有</footer></body></html>"
        )
        return page.encode(storage.removeprefix("html-"))
    return text.encode(storage)


def make_corpus(root: Path, good: int = 200) -> list[CorpusFile]:
    """Write a mixed corpus under ``root``; return its files in ``expand_inputs`` order."""
    files: list[CorpusFile] = []
    for number in range(good):
        suffix, storage = GOOD_KINDS[number % len(GOOD_KINDS)]
        text = _article_text(number, traditional=storage == "big5")
        path = root / f"batch{number // 50}" / f"article{number:04d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_encoded(text, storage))
        files.append(CorpusFile(path, "article", text))
    bad = root / "bad"
    bad.mkdir()
    problems = {
        "empty.txt": (b"", "EmptyInputError"),
        "blank.txt": (b"  \n\n\t \n", "EmptyInputError"),
        "bom_only.txt": (codecs.BOM_UTF8, "EmptyInputError"),
        "corrupt.txt": (b"\x80\xff\xfe" * 40, "DecodingError"),
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 5, "DecodingError"),
        "crash.txt": (_article_text(7).replace("一是", CRASH_MARKER).encode(), "RuntimeError"),
        "furniture.html": (b"<html><nav>x</nav></html>", "EmptyInputError"),
    }
    for name, (data, error) in problems.items():
        (bad / name).write_bytes(data)
        files.append(CorpusFile(bad / name, error))
    # The same article saved again under other names: the library parses each copy (one result
    # per item); the command line parses the bytes once and warns (distinct_inputs).
    copies = root / "copies"
    copies.mkdir()
    for number in range(3):
        data = files[number].path.read_bytes()
        path = copies / f"copy{number}{files[number].path.suffix}"
        path.write_bytes(data)
        files.append(CorpusFile(path, "article", files[number].text))
    # Not articles: skipped by a folder walk.
    (root / "bad" / "scan.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden.txt").write_text("年内新增企业30家", encoding="utf-8")
    return sorted(files, key=lambda file: file.path.parts)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[CorpusFile]]:
    root = tmp_path_factory.mktemp("corpus")
    return root, make_corpus(root)


def _inject_faults(
    monkeypatch: pytest.MonkeyPatch, exit_marker: str | None = None, hang_marker: str | None = None
) -> None:
    """Wrap the parser: a text with CRASH_MARKER raises; one with ``exit_marker`` kills the
    worker process as a segfault would; one with ``hang_marker`` never returns. Worker processes
    are forked, so they inherit the patch; the library itself carries no fault hook."""
    real_parse = pipeline.parse

    def faulty_parse(text: Any, *args: Any, **kwargs: Any) -> Article:
        content = text if isinstance(text, str) else bytes(text).decode("utf-8", "replace")
        if CRASH_MARKER in content:
            raise RuntimeError(f"injected failure: the text contains {CRASH_MARKER!r}")
        if exit_marker and exit_marker in content and multiprocessing.parent_process():
            os._exit(70)  # a crash with no cleanup and no exception, never in the test process
        if hang_marker and hang_marker in content and multiprocessing.parent_process():
            time.sleep(3600)  # a parse that never ends (the pool kills it long before)
        return real_parse(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse", faulty_parse)


@pytest.fixture(autouse=True)
def crash_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    _inject_faults(monkeypatch)


def _check_results(results: list[Article | FileError], files: list[CorpusFile]) -> None:
    assert len(results) == len(files)
    for result, file in zip(results, files, strict=True):
        if file.expected == "article":
            assert isinstance(result, Article), (file.path, result)
            assert result.source is not None
            assert result.source.path == str(file.path)
            assert result.targets, f"no target found in {file.path}"
        else:
            assert isinstance(result, FileError), file.path
            assert (result.path, result.error) == (str(file.path), file.expected)


# -- expanding inputs ------------------------------------------------------------------------


def test_expand_inputs_walks_folders_sorted(corpus: tuple[Path, list[CorpusFile]]) -> None:
    root, files = corpus
    assert expand_inputs([str(root)]) == [file.path for file in files]


def test_expand_inputs_globs_files_and_repeats(corpus: tuple[Path, list[CorpusFile]]) -> None:
    root, _ = corpus
    explicit = root / "bad" / "scan.pdf"  # a named file is taken whatever its extension
    missing = root / "nowhere.txt"
    args = [
        str(explicit),
        str(root / "batch0" / "article000[0-2].*"),
        str(root / "batch0" / "article0001.txt"),  # already matched by the glob
        str(root / "copies"),
        str(missing),
        str(root / "*.nothing"),
    ]
    assert expand_inputs(args) == [
        explicit,
        root / "batch0" / "article0000.txt",
        root / "batch0" / "article0001.txt",
        root / "batch0" / "article0002.txt",
        root / "batch0" / "article0001.txt",  # listed again: distinct_inputs drops and reports it
        root / "copies" / "copy0.txt",
        root / "copies" / "copy1.txt",
        root / "copies" / "copy2.txt",
        missing,
        root / "*.nothing",
    ]


def test_distinct_inputs_drop_repeats_and_copies(tmp_path: Path) -> None:
    article, copy, same_size, other, missing = (
        tmp_path / name for name in ("a.txt", "copy.txt", "same_size.txt", "other.txt", "no.txt")
    )
    article.write_text("确保全年新开工项目130个以上。", encoding="utf-8")
    copy.write_bytes(article.read_bytes())
    same_size.write_text("确保全年新开工项目131个以上。", encoding="utf-8")
    other.write_text("年内新增企业30家。", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    given = [article, other, copy, link, tmp_path / "." / "a.txt", same_size, missing, missing]
    kept, repeats = distinct_inputs(given)
    assert kept == [article, other, same_size, missing]
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    assert repeats == [
        RepeatedInput(copy, article, same_file=False, sha256=digest),
        RepeatedInput(link, article, same_file=True),
        RepeatedInput(tmp_path / "." / "a.txt", article, same_file=True),
    ]
    assert repeats[0].message() == (
        f"{copy}: the same bytes as {article} (sha256 {digest[:12]}…); parsed once, as {article}"
    )


def test_distinct_inputs_hash_only_files_of_a_shared_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corpus of distinct files is not read twice: only equal sizes are hashed."""
    from yantai_pledges.corpus import inputs as inputs_module

    paths = []
    for number in range(50):
        path = tmp_path / f"{number}.txt"
        path.write_text("年" * (number + 1), encoding="utf-8")
        paths.append(path)
    hashed: list[Path] = []
    real = inputs_module._sha256

    def sha256(path: Path) -> str | None:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(inputs_module, "_sha256", sha256)
    assert distinct_inputs(paths) == (paths, [])
    assert hashed == []


def test_expand_inputs_recursive_glob(corpus: tuple[Path, list[CorpusFile]]) -> None:
    root, files = corpus
    htm = [file.path for file in files if file.path.suffix == ".htm"]
    assert expand_inputs([str(root / "**" / "*.htm")]) == htm


# -- parse_many ------------------------------------------------------------------------------


def test_parse_many_in_parallel_keeps_order_and_records_errors(
    corpus: tuple[Path, list[CorpusFile]],
) -> None:
    _, files = corpus
    results = list(parse_many([file.path for file in files], workers=2, translator=None))
    _check_results(results, files)
    crash = next(r for r in results if isinstance(r, FileError) and r.error == "RuntimeError")
    assert CRASH_MARKER in crash.message
    assert "please report" in crash.message


def test_parallel_and_serial_results_are_equal(corpus: tuple[Path, list[CorpusFile]]) -> None:
    _, files = corpus
    sample = [file.path for file in files[::9]]
    serial = list(parse_many(sample, workers=1, translator=None))
    parallel = list(parse_many(sample, workers=2, translator=None))
    assert [r.model_dump() for r in parallel] == [r.model_dump() for r in serial]


def test_decoded_text_reaches_the_parser(corpus: tuple[Path, list[CorpusFile]]) -> None:
    _, files = corpus
    sample = [file for file in files if file.expected == "article"][:8]  # one of each kind
    for file, result in zip(
        sample, parse_many([f.path for f in sample], workers=1, translator=None), strict=True
    ):
        assert isinstance(result, Article)
        # The parser folds traditional characters to simplified: either form shows the decoding.
        index = next(i for i, name in enumerate(NAMES + NAMES_TC) if name in file.text)
        forms = {NAMES[index % len(NAMES)], NAMES_TC[index % len(NAMES)]}
        assert any(form in result.text for form in forms), file.path


def test_parse_many_takes_text_and_bytes() -> None:
    text = _article_text(1)
    items: list[str | bytes | Path] = [text, text.encode("gb18030"), "", b"\x80\xff" * 9]
    results = list(parse_many(items, workers=1, translator=None))
    assert isinstance(results[0], Article)
    assert isinstance(results[1], Article)
    assert results[1].text == results[0].text
    assert [(r.path, r.error) for r in results[2:] if isinstance(r, FileError)] == [
        ("<input 2>", "EmptyInputError"),
        ("<input 3>", "DecodingError"),
    ]


def test_a_worker_that_dies_is_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _inject_faults(monkeypatch, exit_marker="进程崩溃")
    paths = _files_with_markers(tmp_path, {5: "进程崩溃"})
    results = list(parse_many(paths, workers=2, translator=None))
    assert [type(r).__name__ for r in results] == ["Article"] * 5 + ["FileError"] + ["Article"] * 4
    crashed = results[5]
    assert isinstance(crashed, FileError)
    assert (crashed.path, crashed.error) == (str(paths[5]), "WorkerCrashed")


HANG_MARKER = "进程卡死"


def _files_with_markers(root: Path, markers: dict[int, str], count: int = 10) -> list[Path]:
    """``count`` article files; the ones numbered in ``markers`` carry that marker's text."""
    paths = []
    for number in range(count):
        text = _article_text(number)
        if number in markers:
            text = text.replace("一是", markers[number])
        path = root / f"a{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_file_that_hangs_its_worker_times_out_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _inject_faults(monkeypatch, exit_marker="进程崩溃", hang_marker=HANG_MARKER)
    markers = {2: HANG_MARKER, 3: HANG_MARKER, 6: "进程崩溃", 8: CRASH_MARKER}
    paths = _files_with_markers(tmp_path, markers, count=12)
    results = list(parse_many(paths, workers=2, translator=None, timeout=2.0))
    expected = {2: "Timeout", 3: "Timeout", 6: "WorkerCrashed", 8: "RuntimeError"}
    assert [(r.path, r.error) if isinstance(r, FileError) else "Article" for r in results] == [
        (str(path), expected[number]) if number in expected else "Article"
        for number, path in enumerate(paths)
    ]
    timed_out = results[2]
    assert isinstance(timed_out, FileError)
    assert "time limit (2 s)" in timed_out.message
    assert multiprocessing.active_children() == []  # the hung workers were killed, not left


def test_the_cli_records_a_timeout_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _inject_faults(monkeypatch, hang_marker=HANG_MARKER)
    _files_with_markers(tmp_path, {1: HANG_MARKER}, count=4)
    out = tmp_path / "out.jsonl"
    argv = ["parse", str(tmp_path), "--jsonl", str(out), "--workers", "2", "--timeout", "1.5"]
    assert main([*argv, "--translator", "none"]) == 1
    records = _lines(out)
    assert [record["type"] for record in records] == ["article", "error", "article", "article"]
    assert (records[1]["path"], records[1]["error"]) == (str(tmp_path / "a1.txt"), "Timeout")
    assert "a1.txt: parsing took longer than the time limit (1.5 s)" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-3", "inf", "nan", "soon", ""])
def test_timeout_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "x.txt", "--timeout", value]) == 2
    assert f"not a positive number of seconds: {value!r}" in capsys.readouterr().err


def test_parse_many_rejects_a_timeout_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        list(parse_many(["x", "y"], workers=2, timeout=0))


def test_a_worker_killed_from_outside_costs_at_most_the_input_it_was_on(tmp_path: Path) -> None:
    paths = _files_with_markers(tmp_path, {}, count=40)
    results: list[Article | FileError] = []
    for result in parse_many(paths, workers=2, translator=None):
        results.append(result)
        if len(results) in {5, 20}:  # an out-of-memory killer, an operator's kill -9
            multiprocessing.active_children()[0].kill()
    names = [r.path if isinstance(r, FileError) else r.source and r.source.path for r in results]
    assert names == [str(path) for path in paths]
    lost = [r for r in results if isinstance(r, FileError)]
    assert len(lost) <= 2
    assert all(error.error == "WorkerCrashed" for error in lost)


def test_translation_runs_once_in_the_main_process() -> None:
    translator = MockTranslator()
    status = TranslationStatus()
    texts = [_article_text(number) for number in range(4)]
    results = list(parse_many(texts, workers=2, translator=translator, translation_status=status))
    assert all(isinstance(result, Article) for result in results)
    # The very instance passed in was called: translation ran here, not in a worker's copy.
    assert len(translator.calls) == len(texts)
    assert status.backend == "mock"
    assert status.unavailable is None
    # … and its output landed in the articles that parse_many yields.
    for result in results:
        assert isinstance(result, Article)
        assert result.translation["free_text"] == "mock"
        assert all(p.en == f"[en] {p.zh}" for s in result.statements for p in s.paragraphs)


@pytest.mark.parametrize("translator", ["auto", "argos"])
def test_unavailable_translation_is_recorded(
    translator: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-models"))
    status = TranslationStatus()
    results = list(
        parse_many([_article_text(2)], workers=1, translator=translator, translation_status=status)
    )
    assert isinstance(results[0], Article)  # parsed all the same, with structured English
    assert status.unavailable is not None


def test_workers_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(parse_many(["x"], workers=0))


# -- runs, JSON Lines and resume -------------------------------------------------------------


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_run_writes_one_valid_record_per_input(
    corpus: tuple[Path, list[CorpusFile]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, files = corpus
    out = tmp_path / "out.jsonl"
    status = main(
        ["parse", str(root), "--jsonl", str(out), "--workers", "2", "--translator", "none"]
    )
    assert status == 1  # some inputs failed
    copies = [file for file in files if file.path.parent.name == "copies"]
    files = [file for file in files if file not in copies]  # copies are parsed once, as the first
    records = _lines(out)
    assert [record["path"] for record in records] == [str(file.path) for file in files]
    for record, file in zip(records, files, strict=True):
        if file.expected == "article":
            assert set(record) == {"type", "path", "sha256", "article"}
            assert record["type"] == "article"
            article = Article.model_validate(record["article"])
            assert article.targets
        else:
            assert set(record) == {"type", "path", "sha256", "error", "message"}
            assert (record["type"], record["error"]) == ("error", file.expected)
    err = capsys.readouterr().err
    errors = sum(file.expected != "article" for file in files)
    assert f"{len(files) - errors} articles" in err
    assert f"{errors} errors" in err
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if line.startswith("yantai-pledges: warning:")]
    assert [line.split(": ")[2] for line in warnings] == [str(copy.path) for copy in copies]
    assert all("the same bytes as" in line for line in warnings)

    # A second run with --resume has nothing left to do.
    assert main(["parse", str(root), "--jsonl", str(out), "--resume", "-q", "--workers", "2"]) == 1
    assert len(_lines(out)) == len(files)


def test_resume_after_a_killed_run(corpus: tuple[Path, list[CorpusFile]], tmp_path: Path) -> None:
    root, files = corpus
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(root / "batch0"), "--jsonl", str(out), "-q"]) == 0
    complete = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # Simulate a kill: 20 whole lines, then half of the 21st, no final newline.
    out.write_text("".join(complete[:20]) + complete[20][: len(complete[20]) // 2], "utf-8")
    assert len(list(read_records(out))) == 20  # finished lines survive, the partial one is skipped

    summary = run_corpus(
        expand_inputs([str(root / "batch0")]), jsonl=out, resume=True, workers=2, translator=None
    )
    assert (summary.skipped, summary.articles) == (20, len(complete) - 20)
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == complete
    assert [record["path"] for record in read_records(out)] == [
        str(file.path) for file in files if file.path.parent.name == "batch0"
    ]


def test_resume_reparses_a_changed_file_and_reloads_the_rest(tmp_path: Path) -> None:
    paths = []
    for number in range(3):
        path = tmp_path / f"a{number}.txt"
        path.write_text(_article_text(number), encoding="utf-8")
        paths.append(path)
    out = tmp_path / "out.jsonl"
    first = run_corpus(paths, jsonl=out, workers=1, translator=None)
    assert (first.articles, first.skipped) == (3, 0)
    paths[1].write_text(_article_text(41), encoding="utf-8")
    second = run_corpus(paths, jsonl=out, resume=True, keep=True, workers=1, translator=None)
    assert (second.articles, second.skipped) == (1, 2)
    assert [type(result).__name__ for result in second.results] == ["Article"] * 3
    reparsed = second.results[1]
    assert isinstance(reparsed, Article)
    assert "141个以上" in reparsed.text  # the new content, not the recorded one
    assert len(_lines(out)) == 4  # the changed file got a second, newer record


def test_parse_path_record_for_distributed_engines(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(_article_text(3), encoding="gb18030")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    record = parse_path_record(str(good))
    assert record["type"] == "article"
    assert record["article"]["source"]["encoding"] == "gb18030"
    json.dumps(record)  # JSON-ready as it is
    assert parse_path_record(bad)["error"] == "EmptyInputError"


def test_resume_retries_a_file_that_was_missing(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    out = tmp_path / "out.jsonl"
    first = run_corpus([path], jsonl=out, workers=1, translator=None)
    assert [error.error for error in first.errors] == ["InputError"]
    again = run_corpus([path], jsonl=out, resume=True, workers=1, translator=None)
    assert (again.skipped, again.skipped_errors) == (1, 1)  # still missing: still recorded
    path.write_text(_article_text(5), encoding="utf-8")
    last = run_corpus([path], jsonl=out, resume=True, workers=1, translator=None)
    assert (last.skipped, last.articles) == (0, 1)
    assert [record["type"] for record in read_records(out)] == ["error", "article"]


def test_records_are_the_same_bytes_whatever_the_path(
    corpus: tuple[Path, list[CorpusFile]], tmp_path: Path
) -> None:
    """Workers' JSON written through (no MT, nothing kept) equals records of validated models."""
    root, _ = corpus
    paths = expand_inputs([str(root)])[:40]
    through, validated = tmp_path / "through.jsonl", tmp_path / "validated.jsonl"
    run_corpus(paths, jsonl=through, workers=2, translator=None)
    kept = run_corpus(paths, jsonl=validated, workers=1, translator=None, keep=True)
    assert through.read_bytes() == validated.read_bytes()
    articles = [r for r in kept.results if isinstance(r, Article)]
    records = [r for r in read_records(through) if r["type"] == "article"]
    assert [Article.model_validate(r["article"]) for r in records] == articles


# -- the dataset outputs of a corpus run -----------------------------------------------------


def test_on_article_gets_each_article_in_order_and_nothing_is_kept(
    corpus: tuple[Path, list[CorpusFile]],
) -> None:
    root, files = corpus
    seen: list[Article] = []
    summary = run_corpus(
        expand_inputs([str(root)]), workers=2, translator=None, on_article=seen.append
    )
    assert summary.results == []  # streamed: memory does not grow with the corpus
    expected = [str(file.path) for file in files if file.expected == "article"]
    assert [article.source.path for article in seen if article.source] == expected


def test_a_corpus_into_one_database_twice_keeps_the_counts(
    corpus: tuple[Path, list[CorpusFile]], tmp_path: Path
) -> None:
    root, files = corpus
    db, csv_out = tmp_path / "p.sqlite", tmp_path / "t.csv"
    argv = ["parse", str(root), "--db", str(db), "--csv", str(csv_out), "-q", "--workers", "2"]
    assert main(argv) == 1  # the corpus has bad files; the good ones are written

    def counts() -> list[int]:
        tables = ("articles", "statements", "targets", "milestones")
        with contextlib.closing(sqlite3.connect(db)) as connection:
            return [connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables]

    first = counts()
    distinct = {file.path.read_bytes() for file in files if file.expected == "article"}
    assert first[0] == len(distinct)  # copies of one file are one article
    assert main(argv) == 1
    assert counts() == first
    rows = csv_out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("kind,article,statement,item,")


@pytest.mark.parametrize(
    ("inputs", "workers", "started"),
    [
        pytest.param(0, 2, 0, id="no input: no worker"),
        pytest.param(1, 2, 1, id="one input: one worker, still out of this process"),
        pytest.param(2, 4, 2, id="fewer inputs than workers"),
        pytest.param(3, 2, 2, id="more inputs than workers"),
        pytest.param(3, 1, 0, id="one worker: in this process"),
    ],
)
def test_no_more_workers_are_started_than_there_are_inputs(
    monkeypatch: pytest.MonkeyPatch, inputs: int, workers: int, started: int
) -> None:
    from yantai_pledges.corpus import pool

    made: list[object] = []
    real_worker = pool._Worker

    def counting_worker(*args: Any) -> Any:
        made.append(args)
        return real_worker(*args)

    monkeypatch.setattr(pool, "_Worker", counting_worker)
    texts = [f"确保全年新开工项目{130 + number}个以上。" for number in range(inputs)]
    results = list(parse_many(texts, workers=workers, translator=None))
    assert [type(result) for result in results] == [Article] * inputs
    assert len(made) == started

"""The persistent translation cache (translation/cache.py), with a counting test double."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from yantai_pledges.errors import TranslationError
from yantai_pledges.translation.base import MockTranslator
from yantai_pledges.translation.cache import (
    CachingTranslator,
    default_cache_path,
    resolve_cache_path,
)

ARTICLE = [
    "年内新增规上工业企业30家。",
    "确保3月底前开工53个新项目。",
    "年内新增规上工业企业30家。",  # repeated within one batch
]


class VersionedMock(MockTranslator):
    def __init__(self, model_version: str = "v1") -> None:
        super().__init__()
        self.model_version = model_version


class PartlySilent(MockTranslator):
    """Has no translation (None) for texts holding "无"."""

    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        outputs = super().translate_batch(texts)
        return [
            None if "无" in text else output for text, output in zip(texts, outputs, strict=True)
        ]


def texts_translated(translator: MockTranslator) -> int:
    return sum(len(call) for call in translator.calls)


def test_second_run_does_no_mt_work(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    first_backend = VersionedMock()
    with CachingTranslator(first_backend, path) as cache:
        first = cache.translate_batch(ARTICLE)
    assert texts_translated(first_backend) == 2  # duplicates are translated once
    second_backend = VersionedMock()
    with CachingTranslator(second_backend, path) as cache:
        second = cache.translate_batch(ARTICLE)
        assert (cache.hits, cache.misses) == (3, 0)
    assert second == first == [f"[en] {text}" for text in ARTICLE]
    assert second_backend.calls == []


def test_only_misses_go_to_the_backend_in_one_call(tmp_path: Path) -> None:
    backend = VersionedMock()
    with CachingTranslator(backend, tmp_path / "c.sqlite3") as cache:
        cache.translate_batch(ARTICLE[:1])
        outputs = cache.translate_batch(["新句子一。", ARTICLE[0], "新句子二。"])
    assert backend.calls == [ARTICLE[:1], ["新句子一。", "新句子二。"]]
    assert outputs == ["[en] 新句子一。", f"[en] {ARTICLE[0]}", "[en] 新句子二。"]


@pytest.mark.parametrize(
    ("first", "second"),
    [(("mock", "v1"), ("mock", "v2")), (("mock", "v1"), ("other", "v1"))],
    ids=["new-model-version", "other-backend"],
)
def test_key_includes_backend_and_model_version(
    tmp_path: Path, first: tuple[str, str], second: tuple[str, str]
) -> None:
    path = tmp_path / "c.sqlite3"
    for name, version in (first, second):
        backend = VersionedMock(version)
        backend.name = name
        with CachingTranslator(backend, path) as cache:
            cache.translate_batch(ARTICLE[:1])
        assert texts_translated(backend) == 1


def test_none_outputs_are_not_cached() -> None:
    backend = PartlySilent()
    with CachingTranslator(backend, ":memory:") as cache:
        assert cache.translate_batch(["无译文", "有译文"]) == [None, "[en] 有译文"]
        assert cache.translate_batch(["无译文", "有译文"]) == [None, "[en] 有译文"]
    assert backend.calls == [["无译文", "有译文"], ["无译文"]]


def test_memory_cache_is_not_written_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    backend = MockTranslator()
    with CachingTranslator(backend, ":memory:") as cache:
        cache.translate_batch(ARTICLE)
        cache.translate_batch(ARTICLE)
    assert texts_translated(backend) == 2
    assert list(tmp_path.iterdir()) == []


def test_many_texts_in_one_batch() -> None:
    texts = [f"第{number}句。" for number in range(2500)]
    backend = MockTranslator()
    with CachingTranslator(backend, ":memory:") as cache:
        cache.translate_batch(texts)
        assert cache.translate_batch(texts) == [f"[en] {text}" for text in texts]
    assert len(backend.calls) == 1


def test_odd_text_is_cached_exactly() -> None:
    texts = ["", "\x00控制字符", "😀", "\ud800 lone surrogate", "长" * 100_000]
    with CachingTranslator(MockTranslator(), ":memory:") as cache:
        first = cache.translate_batch(texts)
        assert cache.translate_batch(texts) == first
        assert cache.hits == len(texts) - 1  # output with a lone surrogate is not stored


# (YANTAI_PLEDGES_CACHE, XDG_CACHE_HOME, expected path relative to tmp_path or None)
LOCATION_ROWS = [
    ("{tmp}/mine.sqlite3", None, "mine.sqlite3"),
    (None, "{tmp}/xdg", "xdg/yantai_pledges/translations.sqlite3"),
    ("", "{tmp}/xdg", "xdg/yantai_pledges/translations.sqlite3"),
    ("off", "{tmp}/xdg", None),
    ("0", None, None),
]


@pytest.mark.parametrize(("env_value", "xdg", "expected"), LOCATION_ROWS)
def test_cache_location(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    env_value: str | None,
    xdg: str | None,
    expected: str | None,
) -> None:
    for name, value in (("YANTAI_PLEDGES_CACHE", env_value), ("XDG_CACHE_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value.format(tmp=tmp_path))
    resolved = resolve_cache_path()
    assert resolved == (None if expected is None else str(tmp_path / expected))


def test_default_location_is_under_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / ".cache" / "yantai_pledges" / "translations.sqlite3"


def test_explicit_path_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YANTAI_PLEDGES_CACHE", "off")
    assert resolve_cache_path(":memory:") == ":memory:"


def test_disabled_cache_passes_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YANTAI_PLEDGES_CACHE", "off")
    backend = MockTranslator()
    cache = CachingTranslator(backend)
    cache.translate_batch(ARTICLE)
    cache.translate_batch(ARTICLE)
    assert texts_translated(backend) == 6


def test_environment_location_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "nested" / "dir" / "cache.sqlite3"
    monkeypatch.setenv("YANTAI_PLEDGES_CACHE", str(path))
    with CachingTranslator(MockTranslator()) as cache:
        cache.translate_batch(ARTICLE[:1])
    with sqlite3.connect(path) as connection:
        [(count,)] = connection.execute("SELECT COUNT(*) FROM translations").fetchall()
    connection.close()
    assert count == 1


def test_unwritable_location_says_what_to_do(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    cache = CachingTranslator(MockTranslator(), blocker / "cache.sqlite3")
    with pytest.raises(TranslationError, match="YANTAI_PLEDGES_CACHE"):
        cache.translate_batch(ARTICLE)


def test_corrupt_database_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not an sqlite database" * 100)
    cache = CachingTranslator(MockTranslator(), path)
    with pytest.raises(TranslationError, match="YANTAI_PLEDGES_CACHE"):
        cache.translate_batch(ARTICLE)
    cache.close()


def test_wrapper_reports_inner_name_and_version() -> None:
    cache = CachingTranslator(VersionedMock("tiny 0.0.1"), ":memory:")
    assert (cache.name, cache.model_version) == ("mock", "tiny 0.0.1")
    assert CachingTranslator(MockTranslator(), ":memory:").model_version == ""


class ShortAnswer(MockTranslator):
    def translate_batch(self, texts: Sequence[str]) -> list[str | None]:
        return super().translate_batch(texts)[:-1]


def test_backend_returning_too_few_outputs_is_an_error() -> None:
    with (
        CachingTranslator(ShortAnswer(), ":memory:") as cache,
        pytest.raises(TranslationError, match="returned 1 translations for 2 texts"),
    ):
        cache.translate_batch(ARTICLE)

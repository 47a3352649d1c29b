"""The Argos backend end to end, with a tiny real ``.argosmodel`` built by tests/tiny_argos.py.

The tiny model copies its input (see tiny_argos.py), so every assertion below is exact: what
goes into CTranslate2 comes back, and the tests check the pipeline around it — installation,
package discovery, sentence batching, placeholders, fallback, caching — not translation
quality. These tests need the ``[argos]`` extra (installed in CI) and skip only without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ctranslate2")
pytest.importorskip("sentencepiece")
pytest.importorskip("argostranslate.package")

from tiny_argos import PACKAGE_FOLDER, build_tiny_argos_package, seed_corpus
from yantai_pledges.errors import DataFileError, ModelNotInstalledError, TranslationError
from yantai_pledges.translation import models_admin
from yantai_pledges.translation.argos import ArgosTranslator
from yantai_pledges.translation.cache import CachingTranslator
from yantai_pledges.translation.models_admin import (
    InstalledModel,
    find_model,
    install_model,
    list_models,
)
from yantai_pledges.translation.protect import (
    MAX_PLACEHOLDERS,
    ProtectingTranslator,
    _placeholder,
    term_accuracy,
)
from yantai_pledges.translation.registry import get_translator

REPO_ROOT = Path(__file__).resolve().parents[1]

TERMS = {
    "规上工业企业": "industrial enterprises above designated size",
    "黄渤海新区": "Yantai Huang-Bohai New Area",
    "开门红": "a good start",
    "招商引资": "investment promotion",
}

# One article's sentences: seed phrasing, a work-report target list, another paper's quote.
ARTICLE = (
    "黄渤海新区年内新增规上工业企业30家、产值过10亿元企业3家。"
    "确保3月底前开工53个新项目、全年新开工项目130个以上！"
    "地区生产总值增长6%左右；“招商引资要实现开门红。”"
)


@pytest.fixture(autouse=True)
def _no_stray_home_writes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep any default translation cache out of the real home directory."""
    monkeypatch.setenv("YANTAI_PLEDGES_CACHE", str(tmp_path / "default-cache.sqlite3"))


@pytest.fixture(scope="session")
def tiny_model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny package, built once per session (about a second)."""
    return build_tiny_argos_package(tmp_path_factory.mktemp("tiny_argos"), seed_corpus(REPO_ROOT))


@pytest.fixture
def packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Argos packages directory, chosen through ARGOS_PACKAGES_DIR.

    argostranslate.settings reads ARGOS_PACKAGES_DIR once, at import (already done by the
    importorskip above); models_admin resolves it on every call, so setting it here works.
    """
    directory = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    return directory


@pytest.fixture
def installed(packages: Path, tiny_model_file: Path) -> InstalledModel:
    return install_model(tiny_model_file)


class CountingCT2:
    """Wraps a ``ctranslate2.Translator`` and records the size of every batch call."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.batches: list[int] = []

    def translate_batch(self, tokens: Sequence[Sequence[str]], **options: Any) -> Any:
        self.batches.append(len(tokens))
        return self.inner.translate_batch(tokens, **options)


def counting_backend(**options: Any) -> tuple[ArgosTranslator, CountingCT2]:
    # one thread: the tiny model is faster so, and a busy CI machine does not slow it down
    backend = ArgosTranslator(**{"intra_threads": 1, **options})
    counter = CountingCT2(backend._load())
    backend._translator = counter
    return backend, counter


def round_trip(backend: ArgosTranslator, text: str) -> str:
    """What the copy model returns for ``text``: its tokenizer's normalized round trip."""
    backend._load()
    return str(backend._tokenizer.decode(backend._tokenizer.encode(text))).strip()


# --- models install / list -------------------------------------------------------------


def test_install_and_list(packages: Path, tiny_model_file: Path) -> None:
    assert list_models() == []
    model = install_model(tiny_model_file)
    assert model == InstalledModel("zh", "en", "0.0.1", packages / PACKAGE_FOLDER, PACKAGE_FOLDER)
    assert model.is_zh_en
    assert list_models() == [model]
    assert (packages / PACKAGE_FOLDER / "model" / "model.bin").is_file()
    assert install_model(tiny_model_file) == model  # reinstalling replaces the folder


def test_settings_read_at_import_do_not_matter(installed: InstalledModel) -> None:
    from argostranslate import settings

    assert Path(os.environ["ARGOS_PACKAGES_DIR"]) != settings.package_data_dir
    assert installed.path.parent == Path(os.environ["ARGOS_PACKAGES_DIR"])


def _repackage(source: Path, target: Path, folder: str, **metadata: str) -> Path:
    """A copy of ``source`` under another folder name with changed metadata."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename.endswith("metadata.json"):
                data = json.dumps({**json.loads(data), **metadata}).encode()
            copy.writestr(item.filename.replace(PACKAGE_FOLDER, folder, 1), data)
    return target


def test_newest_zh_en_package_is_chosen(
    installed: InstalledModel, tiny_model_file: Path, tmp_path: Path
) -> None:
    newer = _repackage(
        tiny_model_file, tmp_path / "n.argosmodel", "zh_en_new", package_version="0.10"
    )
    other = _repackage(
        tiny_model_file, tmp_path / "o.argosmodel", "en_de", from_code="en", to_code="de"
    )
    install_model(newer)
    install_model(other)
    (installed.path.parent / "not-a-package").mkdir()
    broken = installed.path.parent / "broken"
    broken.mkdir()
    (broken / "metadata.json").write_text("{not json", encoding="utf-8")
    assert [(m.from_code, m.to_code, m.version) for m in list_models()] == [
        ("en", "de", "0.0.1"),
        ("zh", "en", "0.0.1"),
        ("zh", "en", "0.10"),
    ]
    found = find_model()
    assert found is not None
    assert found.version == "0.10"


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"a/metadata.json": "{}", "b/model/model.bin": ""}, "one top-level folder"),
        ({"pkg/model/model.bin": ""}, "metadata.json is missing"),
        ({"pkg/metadata.json": '{"from_code": "zh"}'}, "model/ is missing"),
        ({"pkg/metadata.json": "{", "pkg/model/x": ""}, "not valid JSON"),
        ({"pkg/metadata.json": "[]", "pkg/model/x": ""}, "no from_code"),
    ],
    ids=["two-folders", "no-metadata", "no-model", "bad-json", "no-from-code"],
)
def test_install_rejects_malformed_packages(
    packages: Path, tmp_path: Path, members: dict[str, str], message: str
) -> None:
    with pytest.raises(DataFileError, match=message):
        install_model(_zip(tmp_path / "bad.argosmodel", members))
    assert not packages.exists() or list(packages.iterdir()) == []


def test_install_rejects_missing_and_non_zip_files(packages: Path, tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such model file"):
        install_model(tmp_path / "missing.argosmodel")
    text_file = tmp_path / "model.argosmodel"
    text_file.write_text("not a zip", encoding="utf-8")
    with pytest.raises(DataFileError, match="zip archive"):
        install_model(text_file)


# --- the backend -----------------------------------------------------------------------


def test_no_model_installed(packages: Path) -> None:
    with pytest.raises(ModelNotInstalledError, match="yantai-pledges models install"):
        ArgosTranslator().translate_batch(["你好。"])


@pytest.mark.usefixtures("installed")
def test_one_model_call_per_article() -> None:
    backend, counter = counting_backend()
    outputs = backend.translate_batch([ARTICLE, "没有句号的标题", "   "])
    assert counter.batches == [5]  # 4 sentences of the article + the headline, one call
    sentences = ["黄渤海新区年内新增规上工业企业30家、产值过10亿元企业3家。"]
    assert outputs[0] is not None
    assert outputs[0].startswith(round_trip(backend, sentences[0]) + " ")
    assert outputs[1:] == ["没有句号的标题", ""]
    assert backend.translate_batch([]) == []
    assert counter.batches == [5]


@pytest.mark.usefixtures("installed")
def test_placeholders_survive_the_tokenizer_and_model() -> None:
    backend, _ = counting_backend(beam_size=1)
    placeholders = " ".join(_placeholder(index) for index in range(MAX_PLACEHOLDERS))
    processor = backend._tokenizer.lazy_processor()
    assert processor.unk_id() not in processor.encode(placeholders)
    [output] = backend.translate_batch([f"新增 {placeholders} 家"])
    assert output == f"新增 {placeholders} 家"


@pytest.mark.usefixtures("installed")
def test_terms_and_numbers_restored_through_the_real_backend(tmp_path: Path) -> None:
    backend, counter = counting_backend()
    translator = ProtectingTranslator(CachingTranslator(backend, tmp_path / "c.sqlite3"), TERMS)
    [output] = translator.translate_batch([ARTICLE])
    assert counter.batches == [4]
    assert translator.failures == []
    assert output is not None
    for english in (
        "Yantai Huang-Bohai New Area",
        "industrial enterprises above designated size 30",
        "1 billion",
        "53",
        "130",
        "6%",
        "investment promotion",
        "a good start",
    ):
        assert english in output
    for chinese in ("黄渤海新区", "规上工业企业", "招商引资", "开门红", "ZX"):
        assert chinese not in output
    assert term_accuracy([ARTICLE], [output], TERMS) == 1.0


@pytest.mark.usefixtures("installed")
def test_dropped_placeholders_fall_back_per_sentence() -> None:
    # A decoding limit of 6 tokens truncates long sentences: their later placeholders are
    # lost, as when a real model drops a term. Short sentences still come through.
    backend, _ = counting_backend(max_decoding_length=6)
    translator = ProtectingTranslator(backend, TERMS)
    [sentences] = translator.translate_sentences(["黄渤海新区年内新增规上工业企业30家。开门红！"])
    assert sentences[0] is None
    assert sentences[1] == "a good start!"
    [failure] = translator.failures
    assert failure.problem.startswith("dropped ")
    assert failure.sentence == "黄渤海新区年内新增规上工业企业30家。"
    assert "machine translation withheld" in translator.warnings[0]
    assert translator.translate_batch(["增长了百分之三十以上的规上工业企业。"]) == [None]


@pytest.mark.usefixtures("installed")
def test_second_run_is_served_from_the_cache(tmp_path: Path) -> None:
    cache_file = tmp_path / "translations.sqlite3"
    runs: list[list[str | None]] = []
    counters = []
    for _ in range(2):
        backend, counter = counting_backend()
        with CachingTranslator(backend, cache_file) as cache:
            runs.append(ProtectingTranslator(cache, TERMS).translate_batch([ARTICLE, "开门红。"]))
        counters.append(counter.batches)
    assert counters == [[5], []]
    assert runs[0] == runs[1]
    assert runs[0][1] == "a good start。"


@pytest.mark.usefixtures("installed")
def test_cache_key_changes_with_decoding_options(tmp_path: Path) -> None:
    cache_file = tmp_path / "translations.sqlite3"
    calls = []
    for beam_size in (4, 4, 2):
        backend, counter = counting_backend(beam_size=beam_size)
        with CachingTranslator(backend, cache_file) as cache:
            cache.translate_batch(["开门红。"])
        calls.append(len(counter.batches))
    assert calls == [1, 0, 1]


def test_registry_auto_chooses_argos_when_installed(
    installed: InstalledModel, tmp_path: Path
) -> None:
    translator = get_translator("auto", cache=tmp_path / "c.sqlite3", terms=TERMS)
    assert isinstance(translator, ProtectingTranslator)
    assert translator.name == "argos"
    assert installed.version in translator.model_version
    assert translator.translate_batch(["黄渤海新区开门红。"]) == [
        "Yantai Huang-Bohai New Area a good start。"
    ]


def test_corrupt_model_raises_translation_error(installed: InstalledModel) -> None:
    (installed.path / "model" / "model.bin").write_bytes(b"\x00" * 64)
    with pytest.raises(TranslationError, match="reinstall"):
        ArgosTranslator().translate_batch(["你好。"])


@pytest.mark.usefixtures("installed")
def test_odd_input_does_not_crash() -> None:
    backend, _ = counting_backend()
    texts = ["\x00\x01控制", "😀🇨🇳", "a b" * 150, "。" * 50, "\u200b\ufeff"]
    outputs = backend.translate_batch(texts)
    assert len(outputs) == len(texts)
    assert all(isinstance(output, str) for output in outputs)


# --- offline and light ------------------------------------------------------------------

_OFFLINE_SCRIPT = """
import socket, sys

def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")

socket.socket.connect = refuse
socket.create_connection = refuse

from yantai_pledges.translation.models_admin import install_model, list_models
from yantai_pledges.translation.registry import get_translator

install_model(sys.argv[1])
translator = get_translator("argos", cache=":memory:", terms={"开门红": "a good start"})
print(translator.translate_batch(["开门红。年内新增30家。"]))
print(len(list_models()))
heavy = ("torch", "stanza", "spacy", "minisbd", "argostranslate.translate", "sacremoses")
print(sorted(name for name in heavy if name in sys.modules))
"""


def test_backend_runs_offline_without_heavy_imports(tmp_path: Path, tiny_model_file: Path) -> None:
    environment = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    completed = subprocess.run(
        [sys.executable, "-W", "error", "-c", _OFFLINE_SCRIPT, str(tiny_model_file)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines() == ["['a good start。 年内新增 30 家。']", "1", "[]"]


def test_packages_dir_falls_back_to_argos_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from argostranslate import settings

    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    expected = Path(settings.get_setting("ARGOS_PACKAGES_DIR", settings.data_dir / "packages"))
    assert models_admin.packages_dir() == expected


@pytest.mark.usefixtures("installed")
def test_large_article_is_still_one_call() -> None:
    backend, counter = counting_backend(max_batch_size=4, beam_size=1)
    sentences = [f"第{number}项任务完成。" for number in range(40)]
    [output] = backend.translate_batch(["".join(sentences)])
    assert counter.batches == [40]
    assert output == " ".join(round_trip(backend, sentence) for sentence in sentences)


# --- the whole pipeline ----------------------------------------------------------------------


def test_parse_fills_free_text_through_the_installed_model(installed: InstalledModel) -> None:
    """parse(translator="auto") on the seed: the tiny model is found, every free-text field gets
    English, the glossary's official terms survive the model, structured fields stay curated."""
    import yantai_pledges

    del installed
    seed = (REPO_ROOT / "seeds" / "000_bad21ed3cf753cea.txt").read_bytes()
    article = yantai_pledges.parse(seed)
    assert article.translation["free_text"].startswith("argos")
    statement = article.statements[0]
    assert statement.headline is not None
    assert statement.headline.en
    assert all(paragraph.en for paragraph in statement.paragraphs)
    assert any(
        "industrial enterprises above designated size" in (paragraph.en or "")
        for paragraph in statement.paragraphs
    )
    assert statement.speaker is not None
    assert statement.speaker.name.en == "Mou Shuqing"  # never from the model
    first = statement.targets[0]
    assert first.summary is not None
    assert (
        first.summary.en
        == "Pledge: 30 new industrial enterprises above designated size within 2023."
    )
    again = yantai_pledges.parse(seed)  # served from the cache: the same English
    assert again.model_dump_json() == article.model_dump_json()

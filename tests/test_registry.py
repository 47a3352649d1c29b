"""Choosing and wrapping translation backends (translation/registry.py).

The argos backend with a real (tiny) installed model is exercised in test_argos.py.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extras import requires_argos
from yantai_pledges.errors import (
    MissingDependencyError,
    ModelNotInstalledError,
    TranslationError,
    YantaiPledgesError,
)
from yantai_pledges.translation import argos as argos_module
from yantai_pledges.translation.base import MockTranslator, Translator
from yantai_pledges.translation.cache import CachingTranslator
from yantai_pledges.translation.protect import ProtectingTranslator
from yantai_pledges.translation.registry import GlossaryTranslator, get_translator

TERMS = {"芝罘区": "Zhifu District"}


@pytest.fixture
def empty_argos_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "argos-packages"
    directory.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    return directory


@pytest.fixture
def without_argos_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str) -> Any:
        return None if name == "ctranslate2" else real_find_spec(name)

    monkeypatch.setattr(argos_module, "find_spec", find_spec)


def layers(translator: Translator) -> list[type]:
    """The wrapper stack, outermost first."""
    stack: list[type] = []
    current: Any = translator
    while current is not None:
        stack.append(type(current))
        current = getattr(current, "inner", None)
    return stack


def test_glossary_backend_translates_nothing() -> None:
    translator = get_translator("glossary", terms=TERMS, cache=True)
    assert isinstance(translator, GlossaryTranslator)
    assert translator.translate_batch(["芝罘区。", ""]) == [None, None]


def test_mock_backend_is_unwrapped_by_default() -> None:
    translator = get_translator("mock")
    assert layers(translator) == [MockTranslator]
    assert isinstance(translator, Translator)


def test_wrappers_stack_protection_outside_cache() -> None:
    translator = get_translator("mock", cache=":memory:", terms=TERMS)
    assert layers(translator) == [ProtectingTranslator, CachingTranslator, MockTranslator]
    assert isinstance(translator, Translator)
    assert translator.translate_batch(["芝罘区增长5%。"]) == ["[en] Zhifu District 增长 5%。"]


def test_backend_options_are_checked() -> None:
    assert get_translator(" Mock ").name == "mock"
    with pytest.raises(TranslationError, match="does not take option"):
        get_translator("mock", beam_size=2)
    with pytest.raises(TranslationError, match="does not take option"):
        get_translator("glossary", packages_dir="/nowhere")


@pytest.mark.parametrize("name", ["google", "", "argos-gpu"])
def test_unknown_backend_names_the_choices(name: str) -> None:
    with pytest.raises(TranslationError, match="auto, argos, glossary, mock"):
        get_translator(name)


def test_auto_without_installed_model_is_glossary(empty_argos_dir: Path) -> None:
    assert isinstance(get_translator("auto"), GlossaryTranslator)
    assert isinstance(get_translator(packages_dir=empty_argos_dir), GlossaryTranslator)


@requires_argos
def test_argos_without_installed_model_says_how_to_install(empty_argos_dir: Path) -> None:
    with pytest.raises(ModelNotInstalledError) as raised:
        get_translator("argos", cache=False)
    message = str(raised.value)
    assert "yantai-pledges models install PATH.argosmodel" in message
    assert "\n" not in message
    assert str(empty_argos_dir) in message


@requires_argos
def test_argos_packages_dir_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ModelNotInstalledError):
        get_translator("argos", packages_dir=tmp_path / "missing", cache=False)


@pytest.mark.usefixtures("without_argos_extra")
def test_argos_without_the_extra_names_it() -> None:
    with pytest.raises(MissingDependencyError, match=r"yantai-pledges\[argos\]") as raised:
        get_translator("argos")
    assert isinstance(raised.value, ImportError)
    assert isinstance(raised.value, YantaiPledgesError)


@pytest.mark.usefixtures("without_argos_extra")
def test_auto_without_the_extra_is_glossary() -> None:
    assert isinstance(get_translator("auto"), GlossaryTranslator)


HEAVY_MODULES = (
    "torch",
    "ctranslate2",
    "argostranslate",
    "pypinyin",
    "stanza",
    "sentencepiece",
    "lxml",
)


@pytest.mark.parametrize(
    "statement",
    [
        "import yantai_pledges",
        "import yantai_pledges.translation.registry",
        "from yantai_pledges.translation.registry import get_translator; get_translator('mock')",
    ],
)
def test_import_stays_light(statement: str) -> None:
    probe = f"{statement}; import sys; print([m for m in {HEAVY_MODULES!r} if m in sys.modules])"
    completed = subprocess.run(
        [sys.executable, "-W", "error", "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"

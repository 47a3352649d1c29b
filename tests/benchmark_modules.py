"""Load a script of ``benchmarks/`` or ``scripts/`` as a module, for tests that check its numbers,
its caches or what it generates."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SCRIPTS = ROOT / "scripts"


def load_benchmark(name: str) -> ModuleType:
    """``benchmarks/NAME.py`` as the module ``NAME`` (registered, so dataclasses resolve)."""
    return _load(BENCHMARKS, name)


def load_script(name: str) -> ModuleType:
    """``scripts/NAME.py`` as the module ``NAME``."""
    return _load(SCRIPTS, name)


def _load(folder: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module

"""Suite-wide collection rules.

* tests/tiny_argos.py builds a model with numpy and CTranslate2 for tests/test_argos.py; it holds
  no doctests, so ``--doctest-modules`` does not import it (without the ``[argos]`` extra that
  import would fail the collection of the whole suite).
* ``YANTAI_PLEDGES_TEST_EXTRAS=argos`` (set by ``.ci/run`` for its full run) makes a missing
  extra an error instead of a skip (see tests/extras.py).
"""

from __future__ import annotations

import importlib.util
import os

import pytest

collect_ignore = ["tiny_argos.py"]

# The modules each extra must make importable.
_EXTRA_MODULES = {"argos": ("argostranslate", "ctranslate2", "sentencepiece", "numpy")}


def pytest_configure(config: pytest.Config) -> None:
    wanted = [name for name in os.environ.get("YANTAI_PLEDGES_TEST_EXTRAS", "").split(",") if name]
    for extra in wanted:
        if extra not in _EXTRA_MODULES:
            raise pytest.UsageError(f"YANTAI_PLEDGES_TEST_EXTRAS: unknown extra {extra!r}")
        missing = [m for m in _EXTRA_MODULES[extra] if importlib.util.find_spec(m) is None]
        if missing:
            raise pytest.UsageError(
                f"YANTAI_PLEDGES_TEST_EXTRAS asks for [{extra}], but {', '.join(missing)} "
                "cannot be imported: its tests would be skipped"
            )

"""Tests that need an optional extra skip without it, with the command that installs it.

The core suite passes with the ``[test]`` extra alone (CI runs it so, in a second fresh
virtualenv); the full CI run installs ``[test,argos]`` and sets ``YANTAI_PLEDGES_TEST_EXTRAS``
so that tests/conftest.py fails the run if an extra is missing there: a test skipped in the full
run would be a test that never runs.
"""

from __future__ import annotations

import pytest

from yantai_pledges.translation.argos import argos_importable

__all__ = ["ARGOS_SKIP_REASON", "requires_argos"]

ARGOS_SKIP_REASON = "needs the [argos] extra: pip install -e '.[test,argos]'"

requires_argos = pytest.mark.skipif(not argos_importable(), reason=ARGOS_SKIP_REASON)

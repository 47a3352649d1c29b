"""Golden files: the seed articles parse to exactly the reviewed JSON in tests/golden/.

After an intended change, run ``python scripts/regen_golden.py`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmark_modules import load_script

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _golden_json(seed: Path) -> str:
    text: str = load_script("regen_golden").golden_json(seed)
    return text


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_matches_golden(seed: Path) -> None:
    golden = ROOT / "tests" / "golden" / f"{seed.stem}.json"
    assert _golden_json(seed) == golden.read_text(encoding="utf-8")


def test_there_is_a_golden_file_per_seed() -> None:
    assert SEEDS
    for seed in SEEDS:
        assert (ROOT / "tests" / "golden" / f"{seed.stem}.json").exists()

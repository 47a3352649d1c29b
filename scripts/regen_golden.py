"""Regenerate tests/golden/*.json from seeds/*.txt (run after an intended change; review the diff).

Usage: ``python scripts/regen_golden.py``. The golden files hold the parse with structured English
and no machine translation (``translator=None``), so they do not depend on an installed model.
"""

from __future__ import annotations

from pathlib import Path

import yantai_pledges

ROOT = Path(__file__).resolve().parent.parent


def golden_json(seed: Path) -> str:
    """The golden JSON text for one seed file."""
    article = yantai_pledges.parse(seed.read_bytes(), translator=None)
    return article.model_dump_json(indent=2) + "\n"


def main() -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        target = ROOT / "tests" / "golden" / f"{seed.stem}.json"
        target.write_text(golden_json(seed), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

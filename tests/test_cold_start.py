"""Cold start (issue 17): data files read once, patterns compiled once, nothing rebuilt per call.

Counted in a fresh process: every call of the standard library's pattern compiler (``re`` calls
it only when its cache misses) and of the ``regex`` module's pattern parser (likewise), and every
data table read. Two rounds over the same articles: the first may load and compile what it needs;
the second must load and compile nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROBE = r"""
import json, pathlib, sys
import re._compiler as sre_compiler
import regex._main as regex_main

counts = {"re": 0, "regex": 0}
original_sre, original_regex = sre_compiler.compile, regex_main._parse_pattern

def counting_sre(*args, **kwargs):
    counts["re"] += 1
    return original_sre(*args, **kwargs)

def counting_regex(*args, **kwargs):
    counts["regex"] += 1
    return original_regex(*args, **kwargs)

sre_compiler.compile, regex_main._parse_pattern = counting_sre, counting_regex

import yantai_pledges
from yantai_pledges import _data

tables = []
original_table = _data.parse_table
def counting_table(text, name):
    tables.append(name)
    return original_table(text, name)
_data.parse_table = counting_table

root = pathlib.Path(sys.argv[1])
texts = [(root / "seeds/000_bad21ed3cf753cea.txt").read_text(encoding="utf-8")]
texts += [p.read_text(encoding="utf-8") for p in sorted((root / "tests/fixtures/real/dev").glob("*.txt"))[:12]]
rounds = []
for _ in range(2):
    before = dict(counts, tables=len(tables))
    for text in texts:
        yantai_pledges.parse(text, translator=None)
    rounds.append({key: dict(counts, tables=len(tables))[key] - before[key] for key in before})
print(json.dumps({"rounds": rounds, "tables": tables}))
"""


def _probe() -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, str(ROOT)], capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def test_second_round_compiles_and_reads_nothing() -> None:
    result = _probe()
    rounds: list[dict[str, int]] = result["rounds"]  # type: ignore[assignment]
    first, second = rounds
    # the first round does compile and read (else the counting would be broken)
    assert first["re"] > 0
    assert first["regex"] > 0
    assert first["tables"] > 0
    assert second == {"re": 0, "regex": 0, "tables": 0}


def test_each_data_table_is_read_once() -> None:
    tables: list[str] = _probe()["tables"]  # type: ignore[assignment]
    assert len(tables) == len(set(tables)), sorted(tables)

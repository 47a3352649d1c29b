"""The bundled pinyin table (data/pinyin.tsv, data/pinyin_phrases.tsv) against pypinyin itself.

``translation/names.pinyin_syllables`` answers from the table when it can and calls pypinyin
otherwise; the two must never disagree (see scripts/build_pinyin.py for why they cannot).
"""

from __future__ import annotations

import random
import sys
import types
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT

from benchmark_modules import load_script
from yantai_pledges._data import load_table
from yantai_pledges.translation import names, romanise

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "yantai_pledges" / "data"


def _pypinyin(text: str) -> list[str]:
    syllables: list[str] = lazy_pinyin(text, style=Style.NORMAL, errors="default", strict=True)
    return [s.replace("v", "yu") if s.isascii() else s for s in syllables]


def _build_script() -> types.ModuleType:
    return load_script("build_pinyin")


def test_bundled_files_are_what_the_script_builds() -> None:
    import pypinyin

    header = (DATA / "pinyin.tsv").read_text(encoding="utf-8").splitlines()[1]
    if f"pypinyin {pypinyin.__version__}," not in header:
        pytest.skip(
            f"tables built from another pypinyin ({header}); installed {pypinyin.__version__}"
        )
    readings_text, phrases_text, words_text = _build_script().build()
    assert (DATA / "pinyin.tsv").read_text(encoding="utf-8") == readings_text
    assert (DATA / "pinyin_phrases.tsv").read_text(encoding="utf-8") == phrases_text
    assert (DATA / "pinyin_words.tsv").read_text(encoding="utf-8") == words_text


def test_romanise_word_list_is_pypinyins_for_the_lengths_it_tries() -> None:
    """romanise splits a term by the words it looks up: 2 to _LONGEST_WORD characters."""
    lengths = range(2, romanise._LONGEST_WORD + 1)
    bundled = {word for word in romanise._words() if len(word) in lengths}
    glossary = set(romanise._glossary_english())
    expected = {word for word in [*PHRASES_DICT, *glossary] if len(word) in lengths}
    assert bundled == expected


# (text, syllables from the table, or None when the table defers to pypinyin)
TABLE_ROWS = [
    ("树青", ["shu", "qing"]),
    ("嘉恩", ["jia", "en"]),
    ("吕", ["lv"]),  # pinyin_syllables turns v into yu afterwards, on both paths
    ("", []),
    ("银行", None),  # a phrase that reads 行 as hang
    ("建设银行", None),
    ("A股", None),  # not all Chinese characters
    ("王 红", None),
]


@pytest.mark.parametrize(("text", "expected"), TABLE_ROWS)
def test_table_answers_or_defers(text: str, expected: list[str] | None) -> None:
    assert names._table_syllables(text) == expected


def _agreement_texts() -> list[str]:
    characters = [c for row in load_table("pinyin") for c in row["characters"]]
    common = [c for c in characters if "\u4e00" <= c <= "\u9fa5"]
    rng = random.Random(17)
    texts = list(characters) + list(PHRASES_DICT)
    texts += ["".join(rng.choices(common, k=rng.randint(2, 5))) for _ in range(20_000)]
    # every phrase with a character on each side: the segmenter may cut it otherwise
    texts += [rng.choice(common) + phrase + rng.choice(common) for phrase in PHRASES_DICT]
    return texts


def test_table_agrees_with_pypinyin() -> None:
    texts = _agreement_texts()
    answered = 0
    disagreements = []
    for text in texts:
        from_table = names._table_syllables(text)
        if from_table is None:
            continue
        answered += 1
        if [s.replace("v", "yu") for s in from_table] != _pypinyin(text):
            disagreements.append(text)
    assert not disagreements[:20]
    # the table answers for most texts, or it would not spare the import
    assert answered > 0.8 * len(texts)


@pytest.mark.parametrize("text", ["牟树青", "银行", "建设银行", "A股", "买买提", "长江"])
def test_pinyin_syllables_is_pypinyins(text: str) -> None:
    assert names.pinyin_syllables(text) == _pypinyin(text)


def test_the_seed_is_read_without_pypinyin() -> None:
    """Parsing the seed (its speakers and reporters in pinyin) needs no pypinyin import."""
    import subprocess

    code = (
        "import sys, yantai_pledges, pathlib;"
        "yantai_pledges.parse(pathlib.Path(sys.argv[1]).read_text(encoding='utf-8'), translator=None);"
        "print('pypinyin' in sys.modules)"
    )
    seed = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
    completed = subprocess.run(
        [sys.executable, "-c", code, str(seed)], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "False"

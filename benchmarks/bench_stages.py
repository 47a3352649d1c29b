"""Speed of the QUANTITIES and DEADLINES stages, and a differential check against old copies.

Run: ``python benchmarks/bench_stages.py``. Prints, for ``find_quantities``, ``find_deadlines``
and ``parse_number``: µs per call on the whole seed article, µs per sentence when called once per
sentence (as the target stage does), and MB/s on a 100× concatenation of the seed.

``python benchmarks/bench_stages.py --against DIR`` also loads ``quantities.py``, ``deadlines.py``
and ``numbers.py`` from DIR (a copy of the modules before a change, kept outside the repository)
and compares their output with the installed modules on the seed, the fixture articles, their
sentences and random junk, and prints the old timings next to the new ones. Exit status 1 when any
output differs.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import regex

import yantai_pledges
from yantai_pledges.extract import article_dates, deadlines, numbers, quantities
from yantai_pledges.extract.quantity_pattern import CN_CLASS
from yantai_pledges.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
YEAR = 2023

# Characters junk is drawn from: numerals, units, scale and comparator words, time words, quotes,
# dashes, spaces, and some ordinary text, so that random strings hit every branch of both stages.
_JUNK_ALPHABET = (
    "0123456789０１２３４５６７８９〇零○Ｏ一二两三四五六七八九十百千万亿壹贰兩萬億点點.．,，%％"
    "个家项亿元万吨千瓦公里米人次年月日号季度旬上中下半底末初前后内以来至到—–-－～~〜/ \u3000"
    '今明去本全首第多余几超过突破约近左右不少于低高达实现增长新开工签约项目企业“”《》「」"。；，'
    "春节国庆汛期十四五规划期间截止目用今后未来再过去时间"
)


def _load_old(directory: Path) -> types.SimpleNamespace:
    """The three stage modules from ``directory``, importing each other, sharing the rest."""
    package = types.ModuleType("_old_stages")
    package.__path__ = [str(directory)]
    sys.modules["_old_stages"] = package
    for shared in ("_data", "errors", "models"):
        sys.modules[f"_old_stages.{shared}"] = sys.modules[f"yantai_pledges.{shared}"]
    loaded = {}
    for name in ("numbers", "quantities", "deadlines"):
        spec = importlib.util.spec_from_file_location(
            f"_old_stages.{name}", directory / f"{name}.py"
        )
        if spec is None or spec.loader is None:
            raise SystemExit(f"cannot load {directory / name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        loaded[name] = module
    return types.SimpleNamespace(**loaded)


def _median_us(call: Callable[[], object], repeats: int, caches: Sequence[Any] = ()) -> float:
    call()  # warm caches
    timings = []
    for _ in range(repeats):
        for cache in caches:
            cache.cache_clear()
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1e6


def _sentences(text: str) -> list[str]:
    return [segment.text for line in text.split("\n") for segment in split_sentences(line)]


def _numerals(text: str) -> list[str]:
    """Every numeral written in ``text`` (what quantities passes to parse_number)."""
    return [match.group() for match in _NUMERAL_RUN.finditer(text)]


# Each maximal run of digits or of Chinese numeral characters.
_NUMERAL_RUN = regex.compile(rf"[0-9０-９]++|[{CN_CLASS}]++")


def _value_caches(module_set: types.SimpleNamespace) -> list[Any]:
    """The bounded memo caches of the stage modules (lru_cache with a maxsize): clearing them
    gives first-sight timings; compiled patterns (unbounded functools.cache) stay."""
    caches = []
    for module in vars(module_set).values():
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                caches.append(value)
    return caches


def timings(module_set: types.SimpleNamespace, label: str) -> dict[str, float]:
    """Print and return µs per call for each stage on the seed, per sentence and on 100× seed."""
    seed = SEED.read_text(encoding="utf-8")
    sentences = _sentences(seed)
    big = "\n\n".join([seed] * 100)
    megabytes = len(big.encode("utf-8")) / 1e6
    find_q, find_d = module_set.quantities.find_quantities, module_set.deadlines.find_deadlines
    parse = module_set.numbers.parse_number
    caches = _value_caches(module_set)
    results: dict[str, float] = {}
    for stage, find in (
        ("find_quantities", find_q),
        ("find_deadlines", lambda text: find_d(text, YEAR)),
    ):
        seed_us = _median_us(lambda: find(seed), 50)  # noqa: B023 - timed right here
        cold_us = _median_us(lambda: find(seed), 50, caches)  # noqa: B023
        sentence_us = _median_us(lambda: [find(s) for s in sentences], 50, caches)  # noqa: B023
        big_us = _median_us(lambda: find(big), 3, caches)  # noqa: B023
        results[stage] = cold_us
        print(
            f"{label:4} {stage:16} seed {seed_us:6.0f} µs ({cold_us:6.0f} µs caches cleared), "
            f"{sentence_us / len(sentences):5.1f} µs per sentence ({len(sentences)}), "
            f"100× seed {big_us / 1000:6.1f} ms ({megabytes / (big_us / 1e6):5.1f} MB/s)"
        )
    numerals = [numeral for numeral in _numerals(seed) if _parses(parse, numeral)]
    numeral_us = _median_us(lambda: [parse(numeral) for numeral in numerals], 50, caches)
    results["parse_number"] = numeral_us
    print(f"{label:4} parse_number     {numeral_us / len(numerals):6.2f} µs per numeral")
    return results


def _parses(parse: Callable[[str], object], numeral: str) -> bool:
    try:
        parse(numeral)
    except yantai_pledges.errors.InputError:
        return False
    return True


def _outcome(call: Callable[..., Any], *arguments: object) -> object:
    """A comparable picture of a call's result, or of the error it raised."""
    try:
        result = call(*arguments)
    except Exception as error:  # the error itself is what is compared
        return ("error", type(error).__name__, str(error))
    if isinstance(result, list):
        return [_picture(item) for item in result]
    return _picture(result)


def _picture(item: object) -> object:
    quantity = getattr(item, "quantity", None)
    if quantity is not None:
        # repr keeps Decimal('1.0') apart from Decimal('1'), which == would not.
        return (repr(item), repr(quantity.model_dump()), sorted(quantity.model_fields_set))
    return repr(item)


def compare(old: types.SimpleNamespace, texts: Sequence[str]) -> int:
    """Number of texts on which old and new modules disagree (the first few are printed)."""
    differences = 0
    for text in texts:
        checks: list[tuple[str, Callable[[Any], Any], Callable[[Any], Any]]] = [
            ("find_quantities", old.quantities.find_quantities, quantities.find_quantities),
            ("find_deadlines", lambda t: old.deadlines.find_deadlines(t, YEAR),
             lambda t: deadlines.find_deadlines(t, YEAR)),
            ("find_deadlines(None)", lambda t: old.deadlines.find_deadlines(t, None),
             lambda t: deadlines.find_deadlines(t, None)),
            # infer_year lived in deadlines.py before article_dates.py
            ("infer_year", old.deadlines.infer_year, article_dates.infer_year),
        ]  # fmt: skip
        for name, old_call, new_call in checks:
            before, after = _outcome(old_call, text), _outcome(new_call, text)
            if before != after:
                differences += 1
                if differences <= 5:
                    print(f"DIFFERENT {name} on {text[:60]!r}:\n  old {before}\n  new {after}")
        for numeral in _numerals(text):
            before = _outcome(old.numbers.parse_number, numeral)
            after = _outcome(numbers.parse_number, numeral)
            if before != after:
                differences += 1
                if differences <= 5:
                    print(f"DIFFERENT parse_number({numeral!r}):\n  old {before}\n  new {after}")
    return differences


def _junk(count: int, seed: int = 20230411) -> list[str]:
    generator = random.Random(seed)
    return [
        "".join(generator.choices(_JUNK_ALPHABET, k=generator.randint(1, 120)))
        for _ in range(count)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="directory with the old stage modules")
    parser.add_argument("--junk", type=int, default=20_000, help="random strings to compare")
    arguments = parser.parse_args(argv)
    current = types.SimpleNamespace(quantities=quantities, deadlines=deadlines, numbers=numbers)
    if arguments.against is None:
        timings(current, "new")
        return 0
    old = _load_old(arguments.against)
    before, after = timings(old, "old"), timings(current, "new")
    for stage, old_us in before.items():
        print(f"{stage}: {old_us / after[stage]:.1f}× faster (seed, caches cleared)")
    articles = [path.read_text(encoding="utf-8") for path in [SEED, *FIXTURES]]
    texts = [*articles, *(s for article in articles for s in _sentences(article))]
    texts += [line for article in articles for line in article.split("\n")]
    texts += _junk(arguments.junk)
    texts += ["9" * 30 + "亿元", "１" * 25 + "个", "0" * 5 + "12家", "二〇二三年3月底前"]
    differences = compare(old, texts)
    print(f"differential check: {len(texts)} texts, {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())

"""Hostile inputs at 1 KB … 5 MB: time per byte and peak memory, family by family.

Run: ``python benchmarks/bench_adversarial.py`` (all families, sizes 1 KB, 10 KB, 100 KB, 1 MB and
5 MB, as UTF-8 files). ``--family NAME`` (repeatable) and ``--sizes 1e3,1e5`` (bytes) choose;
``--no-memory`` skips the second, traced run. Goal (docs/performance.md, issue 15): time per byte
within 3× of the smallest size's at every size, peak memory at most 20× the input, 1 MB of any
HTML under 2 s.

Each family is a generator ``size -> text`` that repeats one hostile unit up to a UTF-8 file of
``size`` bytes: pages that made the old HTML reader quadratic (thousands of unfinished ``<a href=…``
tags), deeply nested unclosed elements, and text families aimed at the layout and extraction
stages (hundreds of name-like lines, speaker lines, officials named in running text, one very long
line of figures, one very large article). An HTML family is timed through the whole path a page
takes (``html_to_text`` then ``parse``), a text family through ``parse``; translation is off.

A/B: the script uses only the public API, so ``PYTHONPATH=OTHER/src python
benchmarks/bench_adversarial.py`` times another checkout on the same inputs.

Memory is tracemalloc's peak of Python allocations during the call (a second run, as tracing
slows the code), against the input's UTF-8 size: the size of the file it came from.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yantai_pledges
from yantai_pledges.sources import html_to_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bad21ed3cf753cea.txt"

SIZES = (1_000, 10_000, 100_000, 1_000_000, 5_000_000)


def utf8_size(text: str) -> int:
    """The size of ``text`` as a UTF-8 file, in bytes."""
    return len(text.encode("utf-8"))


def _repeat(unit: Callable[[int], str], size: int, head: str = "", tail: str = "") -> str:
    """``head`` + ``unit(0)`` + ``unit(1)`` + … + ``tail``: a UTF-8 file of about ``size`` bytes."""
    pieces, length, index = [head], utf8_size(head) + utf8_size(tail), 0
    while length < size:
        piece = unit(index)
        pieces.append(piece)
        length += utf8_size(piece)
        index += 1
    pieces.append(tail)
    return "".join(pieces)


_PAGE_HEAD = "<!DOCTYPE html><html><head><title>区市书记谈</title></head><body><p>正文。</p>"
_SEED_PARAGRAPHS = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]


def html_unfinished_anchors(size: int) -> str:
    """Thousands of ``<a href=…`` tags never finished with ``>`` (html.parser: quadratic)."""
    return _repeat(lambda i: f"<a href=/news/{i}.html 新闻{i}\n", size, _PAGE_HEAD)


def html_unclosed_anchors(size: int) -> str:
    """Thousands of ``<a href="…">`` elements never closed: a link list without ``</a>``."""
    return _repeat(lambda i: f'<a href="/news/{i}.html">新闻{i}', size, _PAGE_HEAD)


def html_nested_blocks(size: int) -> str:
    """Block elements never closed, nested ever deeper (quadratic in some HTML5 tree builders)."""
    return _repeat(lambda i: f"<div class=c{i % 7}>第{i}段，确保完成。", size, _PAGE_HEAD)


def html_normal_page(size: int) -> str:
    """The seed article as a newspaper page (navigation, script, paragraphs), repeated."""

    def unit(index: int) -> str:
        paragraph = _SEED_PARAGRAPHS[index % len(_SEED_PARAGRAPHS)]
        furniture = (
            "<nav><a href='/'>首页</a></nav><script>var n = 1;</script>" if index % 20 else ""
        )
        return f"{furniture}<p>{paragraph}</p>\n"

    return _repeat(unit, size, _PAGE_HEAD, "</body></html>")


def text_large_article(size: int) -> str:
    """The seed's paragraphs, repeated into one very large article."""
    return _repeat(lambda i: _SEED_PARAGRAPHS[i % len(_SEED_PARAGRAPHS)] + "\n\n", size)


def text_name_lines(size: int) -> str:
    """Hundreds of short lines that look like names (a list of attendees, a caption block)."""
    surnames, given = "王李张刘陈杨赵黄周吴", "建国明华立新海涛"
    return _repeat(lambda i: f"{surnames[i % 10]}{given[i % 8]}{given[(i // 8) % 8]}\n\n", size)


def text_speaker_lines(size: int) -> str:
    """Speaker line after speaker line, each with one short paragraph (officials taking turns)."""
    surnames, given = "王李张刘陈杨赵黄周吴", "建国明华立新海涛"

    def unit(index: int) -> str:
        name = f"{surnames[index % 10]}{given[index % 8]}{given[(index // 8) % 8]}"
        return f"区委书记 {name}\n\n确保全年新开工项目{index % 200 + 1}个以上。\n\n"

    return _repeat(unit, size)


def text_running_mentions(size: int) -> str:
    """Officials named in running text with verbs of speech, sentence after sentence."""
    surnames = "王李张刘陈杨赵黄周吴"
    return _repeat(
        lambda i: f"区委书记{surnames[i % 10]}建国表示，年内新增企业{i % 90 + 10}家。", size
    )


def text_officials_taking_turns(size: int) -> str:
    """Paragraph after paragraph opened by another official (a long press conference): thousands
    of different names, each a turn of speech (the turn finder once searched for every name)."""
    surnames, given = (
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗",
        "建国明华立新海涛志强军平文斌勇刚伟东",
    )

    def unit(index: int) -> str:
        name = surnames[index % 20] + given[(index // 20) % 18] + given[(index // 360) % 18]
        return f"区委书记{name}表示，年内新增企业{index % 90 + 10}家。\n\n"

    return _repeat(unit, size)


def text_masthead_posts(size: int) -> str:
    """A city paper's masthead, then statement after statement by a post that names no place
    (市长): each one's place comes from the masthead, which once read the whole article again."""
    head = "株洲日报 2024年4月18日\n\n株洲市召开会议\n\n"
    return _repeat(
        lambda i: f"市长 王建国\n\n确保全年新开工项目{i % 200 + 1}个以上。\n\n", size, head
    )


def text_long_line(size: int) -> str:
    """One line without a sentence end, a figure every 16 characters."""
    return _repeat(lambda i: "确保全年新开工项目130个以上，", size)


def text_many_numbers(size: int) -> str:
    """Numbers and little else: a statistics dump pasted as one paragraph."""
    return _repeat(lambda i: f"{i % 1000}.{i % 7}、", size)


def text_hostile_lines(size: int) -> str:
    """Spreadsheet formulas and markup on their own lines before and between statements."""

    def unit(index: int) -> str:
        return f'=HYPERLINK("http://x/{index}")\n\n<script>{index}</script>\n\n确保增长{index % 9}%。\n\n'

    return _repeat(unit, size)


@dataclass(frozen=True)
class Family:
    """A hostile family: its name and its generator; a name starting html_ makes HTML pages."""

    name: str
    generate: Callable[[int], str]

    @property
    def html(self) -> bool:
        return self.name.startswith("html_")


FAMILIES = [
    Family("html_unfinished_anchors", html_unfinished_anchors),
    Family("html_unclosed_anchors", html_unclosed_anchors),
    Family("html_nested_blocks", html_nested_blocks),
    Family("html_normal_page", html_normal_page),
    Family("text_large_article", text_large_article),
    Family("text_name_lines", text_name_lines),
    Family("text_speaker_lines", text_speaker_lines),
    Family("text_running_mentions", text_running_mentions),
    Family("text_officials_taking_turns", text_officials_taking_turns),
    Family("text_masthead_posts", text_masthead_posts),
    Family("text_long_line", text_long_line),
    Family("text_many_numbers", text_many_numbers),
    Family("text_hostile_lines", text_hostile_lines),
]


def run(family: Family, text: str) -> None:
    """What a file of this family costs: the HTML reduced to text (for a page), then parsed."""
    article_text = html_to_text(text) if family.html else text
    with contextlib.suppress(yantai_pledges.InputError):  # a page of nothing but furniture
        yantai_pledges.parse(article_text, translator=None)


def seconds(
    family: Family, text: str, repeats: int = 1, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of ``repeats`` runs, with the garbage collected before each; ``clock`` is
    wall time by default (``time.process_time``: this process's CPU time, which other
    processes on the machine disturb less)."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        started = clock()
        run(family, text)
        best = min(best, clock() - started)
    return best


def peak_bytes(family: Family, text: str) -> int:
    """tracemalloc's peak of Python allocations during one run (the input itself excluded)."""
    gc.collect()
    tracemalloc.start()
    try:
        run(family, text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--family", action="append", choices=[f.name for f in FAMILIES])
    parser.add_argument("--sizes", help="comma-separated sizes in UTF-8 bytes, e.g. 1e3,1e5")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced run")
    arguments = parser.parse_args(argv)
    sizes = [int(float(s)) for s in arguments.sizes.split(",")] if arguments.sizes else SIZES
    chosen = [f for f in FAMILIES if not arguments.family or f.name in arguments.family]
    run(FAMILIES[-1], FAMILIES[-1].generate(1_000))  # load the data tables and patterns
    print("family | bytes | seconds | ns/byte | × smallest | peak MiB | peak / input")
    for family in chosen:
        smallest: float | None = None
        for size in sizes:
            text = family.generate(size)
            taken = seconds(family, text, repeats=3 if size <= 100_000 else 1)
            per_byte = taken / utf8_size(text) * 1e9
            smallest = per_byte if smallest is None else smallest
            memory = ""
            if not arguments.no_memory:
                peak = peak_bytes(family, text)
                memory = f"{peak / 2**20:.1f} | {peak / utf8_size(text):.1f}×"
            print(
                f"{family.name} | {utf8_size(text):,} | {taken:.3f} | {per_byte:,.0f} | "
                f"{per_byte / smallest:.2f} | {memory}",
                flush=True,
            )


if __name__ == "__main__":
    main()

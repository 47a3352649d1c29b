"""Chinese left inside English → the glossary's English word by word, pinyin for the rest
(translation/romanise.py, the workbook's fallback for a term without English)."""

from __future__ import annotations

import pytest

from yantai_pledges.translation.romanise import has_han, romanised

# (text, English, the words given in pinyin)
ROWS = [
    # glossary words in English, the stray 重点 in pinyin; quotes keep their places
    (
        "Pledge: 30 (“重中之重”项目重点).",
        "Pledge: 30 (“top priority” projects zhongdian).",
        ["重点"],
    ),
    # characters left between glossary words form one pinyin word
    ("(区本级财政收入同比增长)", "(qubenji fiscal revenue year on year growth)", ["区本级"]),
    # a run touching Latin letters is set off by a space
    ("GDP有望", "GDP youwang", ["有望"]),
    # pinyin orthography: apostrophe before a/o/e inside a word, ü after l/n as yu
    ("西安", "xi'an", ["西安"]),
    ("吕梁", "lyuliang", ["吕梁"]),
    # no Chinese: unchanged
    ("No Chinese here", "No Chinese here", []),
    ("", "", []),
]


@pytest.mark.parametrize(("text", "english", "pinyin"), ROWS)
def test_romanised(text: str, english: str, pinyin: list[str]) -> None:
    assert romanised(text) == (english, pinyin)
    assert not has_han(romanised(text)[0])


@pytest.mark.parametrize("text", ["重点", "A𠀀B", "〇", "㐀", "豈"])
def test_no_han_is_left_in_any_block(text: str) -> None:
    assert has_han(text) is (text != "〇")
    assert not has_han(romanised(text)[0])

"""Punctuation marks the stages agree on, defined once.

``CLOSING_MARKS`` are the closing quotes and brackets that stay with the sentence they close
(…新优势。” / 。）): the sentence splitters of extraction and translation, the line joiner of
:mod:`~yantai_pledges.text` and the target rules all read this one string.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["CLOSING_MARKS", "CLOSING_MARKS_CLASS", "NAME_QUOTES_CLOSING", "NAME_QUOTES_OPENING"]

CLOSING_MARKS: Final = "”’」』）)】〕》〉"
# The same marks as the inside of a regex character class.
CLOSING_MARKS_CLASS: Final = "".join(re.escape(mark) for mark in CLOSING_MARKS)

# Quotes around a short name (“十四五”, 「十四五」, and ‘十四五’ inside a quoted speech): opening and
# closing marks, in the same order.
NAME_QUOTES_OPENING: Final = '“"「『‘'
NAME_QUOTES_CLOSING: Final = '”"」』’'

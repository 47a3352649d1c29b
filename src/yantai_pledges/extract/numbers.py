"""Read a number written in Arabic digits, Chinese numerals, or a mix of both, as an exact Decimal.

This is the NUMBERS stage: ``quantities`` finds where a number is and calls :func:`parse_number` on
the digits it matched. Accepted forms::

    1850  224.2  1,000  １２  0.5               Arabic (half- or full-width, thousands commas)
    十  三百五十  一万二千  两万  三万五千      Chinese numerals with 十 百 千 万 亿
    一万二 (12000)  三百五 (350)              the spoken short form: a last digit scales down
    零点五  三点五万  十二点五                  点 is the decimal point
    二〇二三  一二                            digits without unit characters read one by one
    1.5万  3万5千  10亿                       Arabic digits with Chinese unit characters
    壹仟贰佰  萬  億  兩                       financial and traditional forms

Percentages (百分之七) and ranges (两三, 2—3) are not numbers here; ``quantities`` handles them.
Anything else raises :class:`~yantai_pledges.errors.InputError`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Final

import regex

from ..errors import InputError

__all__ = ["CHINESE_NUMERAL_CHARS", "parse_number"]

# Chinese digits, including the financial (大写) and traditional forms.
_DIGITS: Final[dict[str, int]] = {
    "零": 0, "〇": 0,
    "一": 1, "壹": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_ZEROS: Final = frozenset("零〇")
# Units inside a section of four digits.
_SMALL_UNITS: Final[dict[str, int]] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
# Units that close a section: 三万五千 is (3)万 + 5千.
_BIG_UNITS: Final[dict[str, int]] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_POINTS: Final = frozenset("点點")

CHINESE_NUMERAL_CHARS: Final[str] = "".join([*_DIGITS, *_SMALL_UNITS, *_BIG_UNITS])
"""Every character that can be part of a Chinese numeral (without 点)."""

# Full-width digits and punctuation to ASCII, so one pattern reads both.
_TO_ASCII: Final = str.maketrans("０１２３４５６７８９．，－−", "0123456789.,--")

_ARABIC: Final = regex.compile(
    r"""
    (?P<sign>-)?                              # a minus sign
    (?: \d{1,3}(?:,\d{3})+                    # 1,000,000 with thousands commas
      | \d+ )                                 # or plain digits
    (?:\.\d+)?                                # decimals
    """,
    regex.VERBOSE | regex.ASCII,
)
# A thousands comma inside a mixed numeral (1,000万).
_THOUSANDS_COMMA: Final = regex.compile(r"(?<=\d),(?=\d{3}(?!\d))", regex.ASCII)
# Splits a numeral into Arabic runs and single characters.
_TOKEN: Final = regex.compile(r"\d+(?:\.\d+)?|.", regex.ASCII | regex.DOTALL)

_Token = tuple[str, Decimal]  # (kind, value); kind: digit, liang (两), arabic, zero, small, big


def parse_number(text: str) -> Decimal:
    """Return the value of a number written in digits or Chinese numerals.

    >>> parse_number("224.2"), parse_number("三万五千"), parse_number("一万二")
    (Decimal('224.2'), Decimal('35000'), Decimal('12000'))

    Raises :class:`~yantai_pledges.errors.InputError` when ``text`` is not a number.
    """
    cleaned = text.strip().translate(_TO_ASCII) if isinstance(text, str) else ""
    if cleaned.isascii() and cleaned.isdigit():
        # Most numbers in articles: plain digits, already exact and whole (what _tidy would give).
        return Decimal(cleaned)
    if not cleaned:
        raise InputError(
            f"not a number: {text!r}; pass digits (1850, 224.2) or a numeral (三百五十)"
        )
    negative = cleaned[0] in "-负"
    body = cleaned[1:] if negative else cleaned
    value = _parse_unsigned(body, text)
    return _tidy(-value if negative else value)


def _parse_unsigned(body: str, original: str) -> Decimal:
    """The value of ``body`` (no sign); ``original`` is quoted in errors."""
    if not body:
        raise _not_a_number(original)
    if _ARABIC.fullmatch(body):
        return Decimal(body.replace(",", ""))
    points = [index for index, char in enumerate(body) if char in _POINTS]
    if len(points) > 1:
        raise _not_a_number(original)
    if points:
        return _parse_chinese_decimal(body, points[0], original)
    mixed = _THOUSANDS_COMMA.sub("", body)
    return _parse_integer(_tokenize(mixed, original), original)


def _parse_chinese_decimal(body: str, point: int, original: str) -> Decimal:
    """三点五万 → (3 + 0.5) × 10000: integer part, 点, digits, then optional unit characters."""
    whole = _parse_integer(_tokenize(body[:point], original), original)
    rest = body[point + 1 :]
    digits = ""
    for char in rest:
        if char not in _DIGITS or char in "两兩":
            break
        digits += str(_DIGITS[char])
    multiplier = Decimal(1)
    for char in rest[len(digits) :]:
        factor = _SMALL_UNITS.get(char) or _BIG_UNITS.get(char)
        if factor is None:
            raise _not_a_number(original)
        multiplier *= factor
    if not digits:
        raise _not_a_number(original)
    return (whole + Decimal("0." + digits)) * multiplier


def _tokenize(body: str, original: str) -> list[_Token]:
    """Classify each piece of a numeral, or raise if a character is not part of numerals."""
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(body):
        piece = match.group()
        if "0" <= piece[0] <= "9":
            tokens.append(("arabic", Decimal(piece)))
        elif piece in _ZEROS:
            tokens.append(("zero", Decimal(0)))
        elif piece in "两兩":
            # 两 is a digit before a unit (两万), never in a digit string (两三 is a range).
            tokens.append(("liang", Decimal(2)))
        elif piece in _DIGITS:
            tokens.append(("digit", Decimal(_DIGITS[piece])))
        elif piece in _SMALL_UNITS:
            tokens.append(("small", Decimal(_SMALL_UNITS[piece])))
        elif piece in _BIG_UNITS:
            tokens.append(("big", Decimal(_BIG_UNITS[piece])))
        else:
            raise _not_a_number(original)
    if not tokens:
        raise _not_a_number(original)
    return tokens


def _parse_integer(tokens: list[_Token], original: str) -> Decimal:
    """Combine digit and unit tokens: sections of 千百十 closed by 万 or 亿."""
    kinds = {kind for kind, _ in tokens}
    if len(tokens) > 1 and kinds <= {"digit", "zero"}:
        # 二〇二三: digits read one by one, as in years and codes.
        return Decimal("".join(str(int(value)) for _, value in tokens))
    numeral = _Numeral()
    for index, (kind, value) in enumerate(tokens):
        if not numeral.add(index, kind, value):
            raise _not_a_number(original)
    return numeral.value(tokens)


class _Numeral:
    """The running state of a Chinese numeral read left to right."""

    def __init__(self) -> None:
        self.total = Decimal(0)  # closed sections (万 and 亿 applied)
        self.section = Decimal(0)  # the open section below 万
        self.number: Decimal | None = None  # a digit waiting for its unit
        self.last_small: Decimal | None = None
        self.last_big: Decimal | None = None
        self.previous = ""
        self.previous_unit = Decimal(0)

    def add(self, index: int, kind: str, value: Decimal) -> bool:
        """Take one token; False when it cannot follow what came before."""
        if kind in {"digit", "liang", "arabic"}:
            valid = self.number is None and self.previous not in {"digit", "liang", "arabic"}
            self.number = value
        elif kind == "zero":
            valid = self.number is None
        elif kind == "small":
            valid = self._small(index, value)
        else:
            valid = self._big(index, value)
        self.previous = kind
        return valid

    def _small(self, index: int, value: Decimal) -> bool:
        if self.number is None:
            # A bare 十/百/千 counts one only at the start (十五, 百万) or as 零十 (一千零十).
            if not (index == 0 or (value == 10 and self.previous == "zero")):
                return False
            self.number = Decimal(1)
        if self.last_small is not None and value >= self.last_small:
            return False
        self.section += self.number * value
        self.number, self.last_small, self.previous_unit = None, value, value
        return True

    def _big(self, index: int, value: Decimal) -> bool:
        closing = Decimal(1) if index == 0 else self.section + (self.number or 0)
        if closing == 0 and self.previous != "big":
            return False
        if self.last_big is not None and self.last_big < value:
            # 万亿, 十万亿: a larger unit multiplies everything before it.
            self.total = (self.total + closing) * value
        elif self.last_big == value or self.previous == "big":
            return False
        else:
            self.total += closing * value
        self.section, self.number, self.last_small = Decimal(0), None, None
        self.last_big = self.previous_unit = value
        return True

    def value(self, tokens: list[_Token]) -> Decimal:
        """The value once every token is in."""
        section = self.section
        if self.number is not None:
            number = self.number
            if self.previous_unit >= 100 and len(tokens) > 1 and tokens[-2][0] in {"small", "big"}:
                # 一万二 = 12000, 三百五 = 350: the last digit counts in the next lower unit.
                number *= self.previous_unit / 10
            section += number
        return self.total + section


def _tidy(value: Decimal) -> Decimal:
    """Whole numbers without a fractional part (15000.0 → 15000), others without trailing zeros."""
    try:
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()
    except InvalidOperation:
        return value


def _not_a_number(text: str) -> InputError:
    return InputError(
        f"not a number: {text!r}; pass Arabic digits (1850, 224.2, 1,000) or a Chinese numeral "
        "(三百五十, 两万, 零点五); percentages and ranges go through find_quantities"
    )

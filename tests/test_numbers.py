"""parse_number: Arabic digits, Chinese numerals and mixtures, read exactly; the rest refused."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yantai_pledges.errors import InputError
from yantai_pledges.extract.numbers import parse_number

# Figures as printed in the seed article (Yantai Daily, 2023).
SEED = [
    ("1850", "1850"),
    ("224.2", "224.2"),
    ("107.9", "107.9"),
    ("5.5", "5.5"),
    ("30", "30"),
    ("130", "130"),
    ("2000", "2000"),
    ("1819", "1819"),
    ("776", "776"),
    ("两", "2"),
    ("千", "1000"),
    ("万亿", "1000000000000"),
]

# Arabic forms met in work reports and other papers: thousands commas, full width, decimals.
ARABIC = [
    ("0", "0"),
    ("7", "7"),
    ("12", "12"),
    ("100", "100"),
    ("0.5", "0.5"),
    ("6.0", "6"),
    ("3.50", "3.5"),
    ("1,000", "1000"),
    ("12,345", "12345"),
    ("1,234,567.89", "1234567.89"),
    ("１２", "12"),
    ("２０２３", "2023"),
    ("３．５", "3.5"),
    ("１，０００", "1000"),
    (" 42 ", "42"),
    ("-3", "-3"),
    ("−2.5", "-2.5"),
    ("007", "7"),
    ("99999999999", "99999999999"),
    ("0.001", "0.001"),
]

# Chinese numerals: sections, 零, the spoken short form, 两, 点.
CHINESE = [
    ("一", "1"),
    ("二", "2"),
    ("九", "9"),
    ("十", "10"),
    ("十一", "11"),
    ("十五", "15"),
    ("一十五", "15"),
    ("二十", "20"),
    ("二十三", "23"),
    ("一百", "100"),
    ("一百零五", "105"),
    ("一百一十", "110"),
    ("三百五十", "350"),
    ("三百五", "350"),
    ("九百九十九", "999"),
    ("一千", "1000"),
    ("一千零十", "1010"),
    ("一千零五十", "1050"),
    ("两千", "2000"),
    ("两千三", "2300"),
    ("三千五百二十一", "3521"),
    ("一万", "10000"),
    ("两万", "20000"),
    ("一万二", "12000"),
    ("一万二千", "12000"),
    ("一万零二", "10002"),
    ("三万五千", "35000"),
    ("十万", "100000"),
    ("二十万", "200000"),
    ("一百万", "1000000"),
    ("百万", "1000000"),
    ("五千万", "50000000"),
    ("千万", "10000000"),
    ("一亿", "100000000"),
    ("十亿", "1000000000"),
    ("百亿", "10000000000"),
    ("千亿", "100000000000"),
    ("三亿五千万", "350000000"),
    ("一亿零五百万", "105000000"),
    ("三亿五", "350000000"),
    ("一万亿", "1000000000000"),
    ("十万亿", "10000000000000"),
    ("万", "10000"),
    ("亿", "100000000"),
    ("零", "0"),
    ("〇", "0"),
    ("零点五", "0.5"),
    ("三点五", "3.5"),
    ("十二点五", "12.5"),
    ("一点零五", "1.05"),
    ("三点五万", "35000"),
    ("一点二万亿", "1200000000000"),
    ("二〇二三", "2023"),
    ("一二", "12"),
    ("负五", "-5"),
]

# Financial (大写) and traditional characters.
FORMAL = [
    ("壹", "1"),
    ("壹仟贰佰", "1200"),
    ("伍拾", "50"),
    ("玖佰玖拾玖", "999"),
    ("叁萬", "30000"),
    ("兩億", "200000000"),
    ("陆", "6"),
    ("柒点伍", "7.5"),
]

# Arabic digits with Chinese unit characters, as in 1.5万, 3万5千.
MIXED = [
    ("1.5万", "15000"),
    ("3万", "30000"),
    ("3万5千", "35000"),
    ("3万5", "35000"),
    ("10亿", "1000000000"),
    ("2千万", "20000000"),
    ("1,000万", "10000000"),
    ("1.2万亿", "1200000000000"),
    ("5千", "5000"),
]

# Numerals written with a bare scale word or read off a threshold (过百万元, 上千家, 迈上千亿元台阶,
# 翻两番), as quantities passes them after splitting the last 万/亿 off as the scale.
THRESHOLDS = [
    ("百", "100"),
    ("千", "1000"),
    ("两百", "200"),
    ("两百万", "2000000"),
    ("五千亿", "500000000000"),
    ("一千万", "10000000"),
    ("两", "2"),
]

NOT_NUMBERS = [
    "",
    "   ",
    "abc",
    "百分之七",
    "两三",
    "三五千",
    "万万",
    "亿万",
    "千百",
    "一百十",
    "十十",
    "3五",
    "五3",
    "1.2.3",
    "1,00",
    "1,0000",
    "点五",
    "三点",
    "零万",
    "二十大",
    "十四五",
    "第一",
    "5G",
    "1+1",
    "2—3",
    "1e5",
    "一点五点",
    "-",
    "负",
    "🙂",
    "\x00",
]


@pytest.mark.parametrize(
    ("text", "expected"), SEED + ARABIC + CHINESE + FORMAL + MIXED + THRESHOLDS, ids=str
)
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number_raises_input_error(text: str) -> None:
    with pytest.raises(InputError, match="not a number"):
        parse_number(text)


def test_decimals_are_exact() -> None:
    assert parse_number("224.2") * 100_000_000 == Decimal(22_420_000_000)
    assert str(parse_number("0.1")) == "0.1"


def test_whole_results_have_no_fraction() -> None:
    assert str(parse_number("三点五万")) == "35000"


@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_round_trip(number: int) -> None:
    assert parse_number(str(number)) == number
    assert parse_number(f"{number:,}") == number


@given(st.text(max_size=30))
def test_never_raises_anything_but_input_error(text: str) -> None:
    # Any exception other than InputError fails the test.
    with contextlib.suppress(InputError):
        parse_number(text)

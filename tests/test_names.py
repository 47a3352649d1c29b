"""Person names → pinyin "Surname Givenname" (translation/names.py) and data/surnames.tsv."""

from __future__ import annotations

import pytest

from yantai_pledges._data import load_table
from yantai_pledges.errors import InputError
from yantai_pledges.translation.names import person_name_english, split_name

# The eight speakers and the reporters of the seed article (Yantai Daily, 2023).
SEED = [
    ("牟树青", "Mou Shuqing"),
    ("包华", "Bao Hua"),
    ("李良", "Li Liang"),
    ("罗建", "Luo Jian"),
    ("于锋", "Yu Feng"),
    ("王克文", "Wang Kewen"),
    ("李金涛", "Li Jintao"),
    ("殷锡瑞", "Yin Xirui"),
    ("童佳怡", "Tong Jiayi"),
    ("赵巍巍", "Zhao Weiwei"),
    ("钟嘉琳", "Zhong Jialin"),
    ("徐睿", "Xu Rui"),
    ("苗春雷", "Miao Chunlei"),
    ("信召红", "Xin Zhaohong"),
    ("邹春霞", "Zou Chunxia"),
    ("全百惠", "Quan Baihui"),
]

# Surnames whose surname reading differs from the character's usual one.
POLYPHONIC_SURNAMES = [
    ("单雄", "Shan Xiong"),
    ("曾国华", "Zeng Guohua"),
    ("解振华", "Xie Zhenhua"),
    ("仇和", "Qiu He"),
    ("区志明", "Ou Zhiming"),
    ("朴永哲", "Piao Yongzhe"),
    ("查建英", "Zha Jianying"),
    ("盖立新", "Ge Lixin"),
    ("乐黛云", "Yue Daiyun"),
    ("柏杨", "Bai Yang"),
    ("缪海燕", "Miao Haiyan"),
    ("繁志勇", "Po Zhiyong"),
    ("种国庆", "Chong Guoqing"),
    ("秘书文", "Bi Shuwen"),
    ("覃志刚", "Qin Zhigang"),
    ("翟志刚", "Zhai Zhigang"),
    ("召明", "Shao Ming"),
    ("宿丽", "Su Li"),
    ("牟平安", "Mou Ping'an"),
    ("员伟", "Yun Wei"),
    ("逄立新", "Pang Lixin"),
    ("长春林", "Chang Chunlin"),
    ("尉华", "Wei Hua"),
]

COMPOUND_SURNAMES = [
    ("欧阳嘉恩", "Ouyang Jia'en"),
    ("尉迟恭", "Yuchi Gong"),
    ("万俟丽", "Moqi Li"),
    ("长孙无忌", "Zhangsun Wuji"),
    ("司马光", "Sima Guang"),
    ("诸葛明", "Zhuge Ming"),
    ("上官婉儿", "Shangguan Wan'er"),
    ("东方红", "Dongfang Hong"),
    ("皇甫建", "Huangfu Jian"),
    ("令狐冲", "Linghu Chong"),
    ("慕容雪", "Murong Xue"),
    ("司徒雷", "Situ Lei"),
]

# ü after l/n: passport convention (Lyu); apostrophes before a/o/e syllables.
CONVENTIONS = [
    ("吕建国", "Lyu Jianguo"),
    ("闾丘", "Lyu Qiu"),
    ("李绿", "Li Lyu"),
    ("王女", "Wang Nyu"),
    ("张西安", "Zhang Xi'an"),
    ("刘海鸥", "Liu Hai'ou"),
    ("许居", "Xu Ju"),
    ("徐渠", "Xu Qu"),
]

OTHER_PAPERS = [
    ("习近平", "Xi Jinping"),
    ("李强", "Li Qiang"),
    ("周乃翔", "Zhou Naixiang"),
    ("林武", "Lin Wu"),
    ("郑德雁", "Zheng Deyan"),
    ("张术平", "Zhang Shuping"),
    ("江成", "Jiang Cheng"),
    ("刘家义", "Liu Jiayi"),
    ("陆治原", "Lu Zhiyuan"),
    ("韩俊", "Han Jun"),
]

EDGE_CASES = [
    ("  李良 ", "Li Liang"),
    ("买买提·艾力", "Maimaiti Aili"),
    ("阿依古丽•吐尔逊", "Ayiguli Tu'erxun"),
    ("John Smith", "John Smith"),
    ("王", "Wang"),
]


@pytest.mark.parametrize(
    ("zh", "en"),
    SEED + POLYPHONIC_SURNAMES + COMPOUND_SURNAMES + CONVENTIONS + OTHER_PAPERS + EDGE_CASES,
)
def test_person_name_english(zh: str, en: str) -> None:
    assert person_name_english(zh) == en


@pytest.mark.parametrize(
    ("zh", "expected"),
    [
        ("欧阳嘉恩", ("欧阳", "嘉恩")),
        ("欧阳", ("欧", "阳")),
        ("李良", ("李", "良")),
        ("司马光", ("司马", "光")),
    ],
)
def test_split_name(zh: str, expected: tuple[str, str]) -> None:
    assert split_name(zh) == expected


@pytest.mark.parametrize("bad", ["", "   ", "\n"])
def test_empty_name_raises(bad: str) -> None:
    with pytest.raises(InputError, match="empty person name"):
        person_name_english(bad)


def test_junk_does_not_crash() -> None:
    assert person_name_english("李\x00良🙂").startswith("Li ")
    with pytest.raises(InputError, match="not a person name"):
        person_name_english("李" + "良" * 1_000_000)


def test_surnames_table_integrity() -> None:
    rows = load_table("surnames")
    assert list(rows[0]) == ["zh", "pinyin", "source"]
    keys = [row["zh"] for row in rows]
    assert len(keys) == len(set(keys))
    assert len(rows) >= 300
    for row in rows:
        assert row["pinyin"].isascii(), row
        assert row["pinyin"][:1].isupper(), row
        assert row["source"].strip(), row

"""Reading inputs: encoding detection, HTML reduction, files (``yantai_pledges.sources``)."""

from __future__ import annotations

import codecs
import hashlib
import time
from pathlib import Path

import pytest

from yantai_pledges.errors import DecodingError, EmptyInputError, InputError
from yantai_pledges.sources import decode_bytes, html_to_text, looks_like_html, read_source

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bad21ed3cf753cea.txt"

# -- texts, by where the phrasing comes from ----------------------------------------------------

# The seed (Yantai Daily, 2023): simplified, mainland.
SEED_SIMPLIFIED = (
    "培强产业集群 壮大工业规模\n\n市委常委、副市长，开发区工委书记、管委主任 牟树青\n\n"
    "一是以最强烈担当提增速、作贡献。年内新增规上工业企业30家、产值过10亿元企业3家、"
    "上市公司2—3家，力争生产总值对全市增长的贡献度达到25%左右。"
)
# Government work reports: simplified, with a 4-byte GB18030 character (𠀀 is outside GBK) only
# where the encoding can hold it.
WORK_REPORT = (
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业11万人以上；"
    "城镇调查失业率5.5%以内；居民消费价格涨幅3%左右。"
)
# Hong Kong / Taiwan papers: traditional characters, the Big5 world.
TRADITIONAL = (
    "政府將於二零二三年底前興建三萬個公營房屋單位，確保輪候時間縮短至四年以下；"
    "全年新開工項目一百三十個以上，實際使用外資突破十億美元。"
)

# (text, how it is encoded, the encoding name decode_bytes must report)
UNICODE_ROWS = [
    pytest.param(SEED_SIMPLIFIED, "utf-8", "utf-8", id="seed-utf8"),
    pytest.param(SEED_SIMPLIFIED, "utf-8-sig", "utf-8-sig", id="seed-utf8-bom"),
    pytest.param(SEED_SIMPLIFIED, "utf-16", "utf-16-le", id="seed-utf16-bom-le"),
    pytest.param(SEED_SIMPLIFIED, "bom+utf-16-be", "utf-16-be", id="seed-utf16-bom-be"),
    pytest.param(SEED_SIMPLIFIED, "utf-32", "utf-32-le", id="seed-utf32-bom"),
    pytest.param(TRADITIONAL, "utf-8", "utf-8", id="traditional-utf8"),
    pytest.param(TRADITIONAL, "utf-16", "utf-16-le", id="traditional-utf16"),
]
LEGACY_ROWS = [
    pytest.param(SEED_SIMPLIFIED, "gb18030", "gb18030", id="seed-gb18030"),
    pytest.param(SEED_SIMPLIFIED, "gbk", "gb18030", id="seed-gbk"),
    pytest.param(WORK_REPORT, "gb2312", "gb18030", id="work-report-gb2312"),
    pytest.param(WORK_REPORT + "𠀀", "gb18030", "gb18030", id="work-report-4-byte-gb18030"),
    pytest.param(TRADITIONAL, "big5", "big5", id="traditional-big5"),
    pytest.param(TRADITIONAL + "碁", "cp950", "cp950", id="traditional-cp950-extension"),
    # Traditional text saved as GB18030 (a mainland site quoting Hong Kong) stays GB18030.
    pytest.param(TRADITIONAL, "gb18030", "gb18030", id="traditional-in-gb18030"),
]
EDGE_ROWS = [
    pytest.param("确保", "big5", "big5", id="two-chars-big5"),
    pytest.param("確保", "gb18030", "gb18030", id="two-chars-gb18030-tie"),
    pytest.param("新增企业30家 (+15%)", "gb18030", "gb18030", id="mixed-ascii-gb"),
    pytest.param("Only ASCII, 30 targets.", "utf-8", "utf-8", id="ascii"),
    pytest.param("emoji 🎯 and 𠀀 supplementary", "utf-16", "utf-16-le", id="utf16-surrogates"),
    pytest.param(
        "一",
        "gb18030",
        "gb18030",
        id="one-char-gb-is-valid-utf8",
        marks=pytest.mark.xfail(strict=True, reason="b'\\xd2\\xbb' is valid UTF-8 (һ)"),
    ),
]


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "bom+utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@pytest.mark.parametrize(("text", "encoding", "expected"), UNICODE_ROWS + LEGACY_ROWS + EDGE_ROWS)
def test_decode_round_trip(text: str, encoding: str, expected: str) -> None:
    decoded, name = decode_bytes(_encode(text, encoding))
    assert (decoded, name) == (text, expected)


def test_whole_seed_in_every_encoding_it_fits() -> None:
    seed = SEED.read_text(encoding="utf-8")
    for encoding, expected in [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),
        ("gb18030", "gb18030"),
    ]:
        assert decode_bytes(seed.encode(encoding)) == (seed, expected)


CORRUPT_ROWS = [
    pytest.param(b"\x80\x80\x80\x80", id="lone-continuation-bytes"),
    pytest.param(codecs.BOM_UTF8 + b"\xe7\xa1", id="utf8-bom-then-truncated"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8\x41", id="utf16-bom-lone-surrogate"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", id="png-header"),
    pytest.param("年内新增企业30家".encode("utf-16-le"), id="utf16-without-bom"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", id="docx-zip-header"),
    pytest.param(SEED_SIMPLIFIED.encode("gb18030")[:-1] + b"\xff", id="gb-with-ff-byte"),
]


# Binary files renamed .txt: named by their signature, not reported as a decoding failure.
BINARY_ROWS = [
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image", id="png"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image", id="jpeg"),
    pytest.param(b"GIF89a\x01\x00\x01\x00", "a GIF image", id="gif"),
    pytest.param(b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image", id="webp"),
    pytest.param(b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n", "a PDF document", id="pdf"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "a ZIP archive, such as a Word", id="docx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an Office 97–2003 document", id="doc"),
    pytest.param(b"{\\rtf1\\ansi\\deff0 {\\fonttbl", "an RTF document", id="rtf"),
    pytest.param(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "a gzip archive", id="gzip"),
    pytest.param(b"SQLite format 3\x00\x10\x00", "an SQLite database", id="sqlite"),
]


@pytest.mark.parametrize(("data", "kind"), BINARY_ROWS)
def test_binary_files_are_named_not_decoded(data: bytes, kind: str) -> None:
    with pytest.raises(DecodingError) as raised:
        decode_bytes(data + bytes(range(256)))
    assert str(raised.value).startswith(f"not a text file (looks like {kind}")


# Text that begins like a signature's first letters is still text.
TEXT_NOT_BINARY_ROWS = [
    pytest.param("PK赛结果：确保全年新开工项目130个以上。", id="pk-then-chinese"),
    pytest.param("GIF动图不是文章，但这一行是文字。", id="gif-word"),
    pytest.param("RIFF项目，年内新增规上工业企业30家。", id="riff-word"),
]


@pytest.mark.parametrize("text", TEXT_NOT_BINARY_ROWS)
def test_text_that_starts_like_a_signature_is_text(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize("data", CORRUPT_ROWS)
def test_corrupt_bytes_raise_decoding_error(data: bytes) -> None:
    with pytest.raises(DecodingError) as caught:
        decode_bytes(data)
    message = str(caught.value)
    assert "UTF-8" in message  # says what to do (or what was tried)


def test_decoding_error_names_the_encodings_tried() -> None:
    with pytest.raises(DecodingError, match=r"utf-8, gb18030, big5"):
        decode_bytes(b"\x80\xff\x80\xff")


EMPTY_ROWS = [
    pytest.param(b"", id="zero-bytes"),
    pytest.param(b" \n\t\r\n", id="ascii-whitespace"),
    pytest.param(codecs.BOM_UTF8, id="bom-only"),
    pytest.param("　　\n".encode("gb18030"), id="ideographic-spaces-gb"),
    pytest.param(codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), id="utf16-whitespace"),
]


@pytest.mark.parametrize("data", EMPTY_ROWS)
def test_empty_input_raises_empty_input_error(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode_bytes(data)


def test_errors_are_input_errors_and_value_errors() -> None:
    with pytest.raises(ValueError, match="empty"):
        decode_bytes(b"")


# -- HTML ----------------------------------------------------------------------------------------

HTML_ROWS = [
    # A newspaper page: furniture around the article.
    pytest.param(
        "<html><head><title>区市书记谈_烟台日报</title><style>p{margin:0}</style></head>"
        "<body><header>烟台日报 首页</header><nav><a href='/'>首页</a> | 要闻</nav>"
        "<h1>培强产业集群 壮大工业规模</h1><p>一是提增速。</p><p>二是促投资。</p>"
        "<script>var n = 1 < 2 && '<p>不是正文</p>';</script>"
        "<footer>版权所有 © 烟台日报社</footer></body></html>",
        "培强产业集群 壮大工业规模\n\n一是提增速。\n\n二是促投资。",
        id="newspaper-page",
    ),
    pytest.param(
        "<div>年内新增企业30家&nbsp;，产值&gt;10亿元&amp;上市公司2&#8212;3家</div>",
        "年内新增企业30家\xa0，产值>10亿元&上市公司2—3家",
        id="entities",
    ),
    pytest.param("<p>第一行<br>第二行<br/>第三行</p>", "第一行\n第二行\n第三行", id="br-forms"),
    pytest.param("<p>甲</br>乙</p>", "甲\n乙", id="end-br-as-browsers-read-it"),
    pytest.param(
        "<ul>\n  <li>新开工项目130个</li>\n  <li>引进重大项目60个</li>\n</ul>",
        "新开工项目130个\n引进重大项目60个",
        id="list-items",
    ),
    pytest.param(
        "<table><tr><th>指标</th><th>目标</th></tr><tr><td>生产总值</td><td>增长6%</td></tr>"
        "</table>",
        "指标\t目标\n生产总值\t增长6%",
        id="target-table",
    ),
    # Source wrapping between Chinese characters is not a space (CSS segment-break rule).
    pytest.param(
        "<p>确保全年新开工\n      项目130个以上。</p>",
        "确保全年新开工项目130个以上。",
        id="cjk-source-wrap",
    ),
    pytest.param("<p>Yantai\n   Daily</p>", "Yantai Daily", id="latin-source-wrap"),
    pytest.param(
        "<h2>一、主要目标</h2><h3>（一）稳增长</h3><p>增长6%左右。</p>",
        "一、主要目标\n\n（一）稳增长\n\n增长6%左右。",
        id="work-report-headings",
    ),
    pytest.param(
        "<body><aside>相关新闻</aside><noscript>请启用脚本</noscript><p>正文</p></body>",
        "正文",
        id="sidebar-noscript",
    ),
    pytest.param("<p>甲<header>未闭合的页头<p>乙", "甲", id="unclosed-furniture-swallows-rest"),
    pytest.param("<pre>第一行\n第二行</pre>", "第一行\n第二行", id="preformatted"),
    pytest.param("<p>控制\x00字符</p>", "控制字符", id="nul-in-text"),
    pytest.param("<p>　　段首全角空格</p>", "段首全角空格", id="ideographic-indent"),
    # A tag left unfinished at the end of the page is markup, as in a browser (HTML's EOF rule).
    pytest.param("<p>正文</p><a href=/n/1.html 新闻", "正文", id="unfinished-tag-at-end"),
    pytest.param(
        '<p>正文</p><a href="/n/1.html">新闻一<a href="/n/2.html">新闻二',
        "正文\n\n新闻一新闻二",
        id="unclosed-anchors-keep-their-text",
    ),
    # The text is decoded already: a declared charset must not decode it a second time.
    pytest.param('<meta charset="gbk"><p>中文</p>', "中文", id="meta-charset-ignored"),
    pytest.param("<p>甲" + "<div>乙" * 3, "甲\n\n乙\n\n乙\n\n乙", id="unclosed-blocks"),
]


@pytest.mark.parametrize(("html", "expected"), HTML_ROWS)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


LOOKS_LIKE_HTML_ROWS = [
    pytest.param("<!DOCTYPE html><html><body>x</body></html>", True, id="doctype"),
    pytest.param("\ufeff  <html lang='zh'>", True, id="bom-and-space"),
    pytest.param("<!-- saved page --><html>", True, id="leading-comment"),
    pytest.param("<HTML>", True, id="upper-case"),
    pytest.param("区市书记谈<html>不是开头", False, id="tag-not-at-start"),
    pytest.param("<htmlx>", False, id="other-tag"),
    pytest.param("一是<p>提增速", False, id="text-with-tags"),
]


@pytest.mark.parametrize(("text", "expected"), LOOKS_LIKE_HTML_ROWS)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_html_to_text_is_linear_on_a_million_character_line() -> None:
    line = "确保全年新开工项目130个以上，" * 62_500  # 1,000,000 characters
    started = time.perf_counter()
    text = html_to_text(f"<p>{line}</p>" + "<b>" * 10_000 + "\n" * 10_000)
    assert time.perf_counter() - started < 5
    assert text == line


def test_decode_bytes_on_a_million_character_line() -> None:
    line = "确保全年新开工项目130个以上，" * 62_500
    started = time.perf_counter()
    assert decode_bytes(line.encode("gb18030")) == (line, "gb18030")
    assert time.perf_counter() - started < 5


# -- files ---------------------------------------------------------------------------------------


def test_read_source_text_file(tmp_path: Path) -> None:
    data = SEED_SIMPLIFIED.encode("gb18030")
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    text, source = read_source(path)
    assert text == SEED_SIMPLIFIED
    assert source.path == str(path)
    assert source.encoding == "gb18030"
    assert source.sha256 == hashlib.sha256(data).hexdigest()


FILE_ROWS = [
    pytest.param(
        "page.html", "<p>一是提增速</p><p>二是促投资</p>", "一是提增速\n\n二是促投资", id="html"
    ),
    pytest.param("PAGE.HTM", "<p>一是提增速</p>", "一是提增速", id="upper-case-htm"),
    pytest.param(
        "saved.txt",
        "<!DOCTYPE html>\n<html><body><p>一是提增速</p></body></html>",
        "一是提增速",
        id="html-sniffed-in-txt",
    ),
    pytest.param("notes.txt", "正文里提到<p>标签</p>", "正文里提到<p>标签</p>", id="tags-in-text"),
    pytest.param("notes.md", "# 标题\n\n一是提增速", "# 标题\n\n一是提增速", id="markdown"),
]


@pytest.mark.parametrize(("name", "content", "expected"), FILE_ROWS)
def test_read_source_reduces_html(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("gb18030"))
    text, source = read_source(path)
    assert text == expected
    assert source.encoding in {"gb18030", "utf-8"}


def test_read_source_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError) as raised:
        read_source(missing)
    assert str(raised.value) == f"{missing}: no such file"  # the name once
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_source(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInputError, match=r"empty[.]txt"):
        read_source(empty)
    corrupt = tmp_path / "corrupt.txt"
    corrupt.write_bytes(b"\x80\xff" * 10)
    with pytest.raises(DecodingError, match=r"corrupt[.]txt"):
        read_source(corrupt)
    furniture = tmp_path / "furniture.html"
    furniture.write_text("<html><nav>首页</nav><script>x</script></html>", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="furniture"):
        read_source(furniture)

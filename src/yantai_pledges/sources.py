"""Reading inputs: bytes → text in the right encoding, HTML pages → plain text, files → both.

This is the stage before parsing. Chinese newspaper archives come as UTF-8, as UTF-8 or UTF-16
with a byte-order mark (Windows editors), as GB18030/GBK (mainland sites and older exports) and as
Big5 (Hong Kong, Taiwan). :func:`decode_bytes` decodes *strictly* (a byte sequence that is not
valid in an encoding rules that encoding out) in this order:

1. a byte-order mark decides (UTF-32, UTF-8, UTF-16; UTF-32 first because its little-endian mark
   starts with UTF-16's);
2. valid UTF-8 is UTF-8 (legacy double-byte text is almost never valid UTF-8);
3. GB18030 against Big5: both are often valid for the same bytes, so each decoding is scored by
   how many of its characters are *common* Chinese characters, simplified or traditional — the
   6,763 Hanzi of GB2312 and the 5,401 "frequently used" characters of Big5 (0xA440–0xC67E),
   each standard's own frequency tier. Bytes of one encoding read as the other come out as rare
   characters, symbols or private-use code points, so the right reading wins by a wide margin
   (measured: about 99 % common characters against 30–40 %). A tie (a few characters that
   read well both ways) goes to GB18030, the mainland default.

Why not charset-normalizer: it would add a dependency and a statistical model for a choice among
five encodings that the codecs' own layout decides; the two common-character sets are derived from
the standard library codecs at first use, so no table ships with the package.

:func:`html_to_text` reduces a saved web page to the article's text with libxml2's HTML parser
(through lxml, imported only when HTML is read): page furniture (scripts, styles, navigation,
headers, footers, sidebars) is dropped, block elements become line breaks, entities are unescaped.
Why libxml2 and not the standard library's ``html.parser``: the latter rescans an unfinished tag
from its start at every step, so a page of thousands of unclosed ``<a href=…`` tags takes time
quadratic in its size (a 352 KB page 11.6 s); libxml2 reads any input in one pass, and its parser
events are read here without building a tree (docs/performance.md, "HTML parser").
"""

from __future__ import annotations

import codecs
import functools
import hashlib
from pathlib import Path

import regex

from .errors import DecodingError, EmptyInputError, InputError
from .models import Source

__all__ = ["binary_kind", "decode_bytes", "html_to_text", "looks_like_html", "read_source"]

# Byte-order marks, longest first: UTF-32-LE's mark begins with UTF-16-LE's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy double-byte candidates, tried after UTF-8; cp950 is Microsoft's Big5 superset, used only
# when strict Big5 fails (files saved on Windows carry its extra characters).
_LEGACY_ENCODINGS = ("gb18030", "big5", "cp950")

_HTML_SUFFIXES = frozenset({".htm", ".html", ".xhtml"})


@functools.cache
def _gb2312_hanzi() -> frozenset[str]:
    """The 6,763 Hanzi of GB2312 (rows 0xB0–0xF7): the common simplified characters."""
    return _decodable_pairs("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))


@functools.cache
def _big5_common_hanzi() -> frozenset[str]:
    """Big5's 5,401 frequently used characters (0xA440–0xC67E): common traditional ones."""
    trail_bytes = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    return _decodable_pairs("big5", range(0xA4, 0xC7), trail_bytes)


def _decodable_pairs(encoding: str, leads: range, trails: range | list[int]) -> frozenset[str]:
    characters: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                characters.add(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                continue
    return frozenset(characters)


@functools.cache
def _common_hanzi() -> frozenset[str]:
    """Characters common in simplified *or* traditional writing: a misread gives rare ones."""
    return _gb2312_hanzi() | _big5_common_hanzi()


def _common_character_count(text: str) -> int:
    """How many characters of ``text`` are common Chinese characters."""
    common = _common_hanzi()
    # A sample is enough to decide and keeps a very large file cheap.
    return sum(1 for character in text[:200_000] if character in common)


# The signatures ("magic numbers") of the binary files most often renamed or saved as .txt,
# with what to call them: a clear refusal instead of a decoding error. Checked in order.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, such as a Word .docx or Excel .xlsx file"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office 97–2003 document: .doc, .xls or .ppt"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an ELF program"),
)


def binary_kind(data: bytes) -> str | None:
    """What a common binary file is, from its first bytes, or ``None`` (maybe text).

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n...")
    'a PNG image'
    >>> binary_kind("确保".encode()) is None
    True
    """
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":  # RIFF is a container: look inside
        return "a WebP image"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding name)``.

    >>> decode_bytes("确保全年新开工项目130个以上".encode("gb18030"))[1]
    'gb18030'

    Raises :class:`~yantai_pledges.errors.EmptyInputError` for empty or whitespace-only input and
    :class:`~yantai_pledges.errors.DecodingError` when no supported encoding decodes the bytes.
    """
    if not data:
        raise EmptyInputError("the input is empty (0 bytes); give an article's text")
    kind = binary_kind(data)
    if kind is not None:
        raise DecodingError(
            f"not a text file (looks like {kind}); give a text or HTML file, saved as UTF-8"
        )
    text, encoding = _decode_strict(data)
    _reject_binary(text, encoding)
    if not text.strip():
        raise EmptyInputError(
            f"the input holds only whitespace ({len(data)} bytes, {encoding}); "
            "give an article's text"
        )
    return text, encoding


def _decode_strict(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as error:
                raise DecodingError(
                    f"the input starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({error.reason} at byte {error.start + len(bom)}); "
                    "re-save the file as UTF-8"
                ) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[str, str]] = []
    for encoding in _LEGACY_ENCODINGS:
        if encoding == "cp950" and any(name == "big5" for _, name in candidates):
            continue  # cp950 is only a fallback for Big5
        try:
            candidates.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if not candidates:
        tried = ", ".join(("utf-8", *_LEGACY_ENCODINGS))
        raise DecodingError(
            f"cannot decode {len(data)} bytes: not valid in any supported encoding "
            f"(tried {tried}, and byte-order marks for UTF-8/16/32); re-save the file as UTF-8"
        )
    # max() keeps the first of equal scores: GB18030, the mainland default.
    return max(candidates, key=lambda candidate: _common_character_count(candidate[0]))


# Control characters that never occur in text files (NUL, C0 but tab/line breaks/form feed, C1).
_CONTROL = regex.compile(
    r"""
    [\x00-\x08\x0e-\x1f\x7f-\x9f]  # \t \n \v \f \r (0x09-0x0D) are text
    """,
    regex.VERBOSE,
)


def _reject_binary(text: str, encoding: str) -> None:
    """Valid bytes are not always text: a NUL, or control characters above 1 %, mean binary
    (an image, a Word file, UTF-16 without its byte-order mark)."""
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls * 100 > len(sample):
        raise DecodingError(
            f"the input looks like binary data, not text ({controls} control characters in "
            f"the first {len(sample)} when read as {encoding}); give a text or HTML file, "
            "saved as UTF-8 (UTF-16 needs its byte-order mark)"
        )


# -- HTML --------------------------------------------------------------------------------------

# Elements whose content is page furniture, not article text.
_SKIPPED_ELEMENTS = frozenset(
    {
        "aside",  # sidebars: related links, ads
        "footer",
        "head",  # <title> repeats the headline with the site name
        "header",
        "iframe",
        "nav",
        "noscript",
        "script",
        "select",  # drop-down menus (e.g. choose an edition)
        "style",
        "svg",
        "template",
    }
)

# Elements that start a paragraph in the text (a blank line before and after).
_PARAGRAPH_ELEMENTS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)

# Elements that start a line (one line break).
_LINE_ELEMENTS = frozenset({"br", "li", "tr", "caption"})

# Table cells are separated by a tab so that a target table keeps its columns.
_CELL_ELEMENTS = frozenset({"td", "th"})

# Padding at either end of a line: in HTML, indentation is presentation (CSS does it).
_LINE_PADDING = " \t\u3000\xa0"

_PARAGRAPH_BREAK = "\x00P"
_LINE_BREAK = "\x00L"
_CELL_BREAK = "\x00T"

# Whitespace with a line break between two CJK characters: HTML source wrapping, not a space
# (CSS Text's segment-break rule; a browser shows nothing there).
_CJK_WRAP = regex.compile(
    r"""
    (?<=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’])  # after a Han character or CJK punctuation
    [\x20\t\r\f\v]*\n[\x20\t\n\r\f\v]*             # a wrapped source line (ASCII spaces)
    (?=[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’])   # before a Han character or CJK punctuation
    """,
    regex.VERBOSE,
)

# Runs of HTML whitespace inside text collapse to one space (HTML's rendering rule).
_HTML_SPACE = regex.compile(
    r"""
    [\x20\t\n\r\f\v]+  # ASCII whitespace only: U+3000 and U+00A0 are the author's own spacing
    """,
    regex.VERBOSE,
)

# Three or more line breaks (with blanks between) collapse to one blank line.
_EXTRA_BLANK_LINES = regex.compile(
    r"""
    \n(?:[ \t]*\n)+  # a line break followed by one or more blank lines
    """,
    regex.VERBOSE,
)

# A leading ``<!doctype html`` or ``<html`` (after an optional BOM, whitespace or comment).
_HTML_START = regex.compile(
    r"""
    \A\ufeff?\s*                     # optional BOM and leading whitespace
    (?:<!--.*?-->\s*)*               # optional comments before the document
    (?:<!doctype\s+html|<html[\s>])  # the document element or its doctype
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.DOTALL,
)


class _TextExtractor:
    """An lxml parser target: collects the text of an HTML document from the parser's events,
    skipping furniture and marking block breaks (no tree is built, so memory stays small)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self._skipping = 0  # depth inside skipped elements
        self._preformatted = 0

    def start(self, tag: str, attrib: object) -> None:
        if tag in _SKIPPED_ELEMENTS:
            self._skipping += 1
        elif not self._skipping:
            self._mark_break(tag)
            if tag == "pre":
                self._preformatted += 1

    def end(self, tag: str) -> None:
        # The parser closes every element it opened, implied ends included, in nesting order.
        if tag in _SKIPPED_ELEMENTS:
            self._skipping -= 1
        elif not self._skipping:
            # A line element's end needs no second break (and <br> is opened and closed at once).
            if tag in _PARAGRAPH_ELEMENTS:
                self._mark_break(tag)
            if tag == "pre" and self._preformatted:
                self._preformatted -= 1

    def data(self, data: str) -> None:
        if self._skipping:
            return
        if self._preformatted:
            self.pieces.append(data.replace("\n", _LINE_BREAK))
        else:
            self.pieces.append(data)

    def close(self) -> str:
        text = "".join(self.pieces)
        # The parser and its target refer to each other, a cycle only the collector frees: the
        # pieces go now, not with the cycle (parse pauses the collector).
        self.pieces.clear()
        return text

    def _mark_break(self, tag: str) -> None:
        if tag in _PARAGRAPH_ELEMENTS:
            self.pieces.append(_PARAGRAPH_BREAK)
        elif tag in _LINE_ELEMENTS:
            self.pieces.append(_LINE_BREAK)
        elif tag in _CELL_ELEMENTS:
            self.pieces.append(_CELL_BREAK)


# ``</br>`` is a line break to browsers (HTML's parsing rules); libxml2 drops it.
_END_BR = regex.compile(
    r"""
    </br[\x20\t\n\r\f]*/?>  # no open-ended attribute scan: linear on any input
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


def _parse_html(html: str) -> str:
    """The page's text with break markers, from libxml2's HTML parser (linear on any input)."""
    from lxml import etree  # noqa: PLC0415 - only when HTML is read: the package import stays light

    parser = etree.HTMLParser(
        target=_TextExtractor(),
        encoding="utf-8",  # the text is already decoded: a <meta charset> must not re-decode it
        recover=True,
        no_network=True,
        huge_tree=True,  # no depth or text-node size limit: a long page is not cut short
        remove_comments=True,
        remove_pis=True,
    )
    # NUL is our break marker, never article text; a lone surrogate becomes U+FFFD.
    cleaned = _END_BR.sub("<br>", html.replace("\x00", ""))
    parser.feed(cleaned.encode("utf-8", "surrogatepass"))
    raw: str = parser.close()
    return raw


def html_to_text(html: str) -> str:
    """Reduce an HTML page to its text: paragraphs separated by blank lines, lines by ``\\n``.

    >>> html_to_text("<p>一是&nbsp;提增速</p><p>二是<br>促投资</p>")
    '一是\\xa0提增速\\n\\n二是\\n促投资'
    """
    raw = _parse_html(html)
    # Source line wrapping between CJK characters vanishes; other whitespace runs become a space.
    raw = _HTML_SPACE.sub(" ", _CJK_WRAP.sub("", raw))
    raw = raw.replace(_PARAGRAPH_BREAK, "\n\n").replace(_LINE_BREAK, "\n")
    raw = raw.replace(_CELL_BREAK, "\t")
    lines = [
        line.strip(_LINE_PADDING).replace(" \t", "\t").replace("\t ", "\t")
        for line in raw.split("\n")
    ]
    text: str = _EXTRA_BLANK_LINES.sub("\n\n", "\n".join(lines))
    return text.strip("\n")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` starts like an HTML document (``<!doctype html>`` or ``<html>``)."""
    return _HTML_START.match(text[:4096]) is not None


# -- files -------------------------------------------------------------------------------------


def read_source(path: str | Path) -> tuple[str, Source]:
    """Read an article file: decode it, reduce HTML to text, and describe where it came from.

    HTML is recognised by the extension (``.htm``, ``.html``, ``.xhtml``) or by a leading
    ``<!doctype html>``/``<html>``. Raises :class:`~yantai_pledges.errors.InputError` when the
    file cannot be read, and the errors of :func:`decode_bytes`.
    """
    file_path = Path(path)
    try:
        data = file_path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(f"{file_path}: no such file") from error
    except IsADirectoryError as error:
        raise InputError(f"{file_path}: is a folder, not a file") from error
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(f"{file_path}: cannot read the file ({reason})") from error
    source = Source(path=str(file_path), sha256=hashlib.sha256(data).hexdigest())
    try:
        text, source.encoding = decode_bytes(data)
    except InputError as error:
        raise type(error)(f"{file_path}: {error}") from error
    if file_path.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            raise EmptyInputError(f"{file_path}: the HTML page has no text outside page furniture")
    return text, source

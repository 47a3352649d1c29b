"""Audit the English of Excel reports: what a reader of the English columns would meet.

Run: ``python benchmarks/audit_workbook.py [FILE_OR_FOLDER...]`` (default: the seed article and
``tests/fixtures/real/dev``). The articles are parsed without machine translation
(``translator=None``), written to one workbook, and that workbook is read back with openpyxl.
Counted, over every sheet:

- ``han``: English cells (a header ending ``(en)``, or ``English``) that hold Han characters;
- ``empty``: English cells left empty beside a filled Chinese cell (``X (zh)`` / ``X (en)``,
  ``Chinese`` / ``English``);
- ``no_unit``: target rows (Targets, and the flat view's) without a unit in English;
- ``glossary_repeats``: Glossary rows whose Chinese term is already listed above;
- ``readme``: whether the README sheet is there.

``tests/test_workbook_audit.py`` runs the same audit on each fixture's workbook and requires zeros.
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

import yantai_pledges
from yantai_pledges.export import to_excel

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = (ROOT / "seeds" / "000_bad21ed3cf753cea.txt", ROOT / "tests/fixtures/real/dev")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_ENGLISH_HEADER = re.compile(r"(?P<stem>.*)\(en\)$|(?P<field>.*_)en$|^English$")


@dataclass
class Audit:
    """What the audit found in one workbook (each list holds ``Sheet!A1: value`` examples)."""

    english_cells: int = 0
    han: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    no_unit: list[str] = field(default_factory=list)
    glossary_rows: int = 0
    glossary_repeats: list[str] = field(default_factory=list)
    readme: bool = False

    def summary(self) -> str:
        return (
            f"{self.english_cells} English cells: {len(self.han)} with Han characters, "
            f"{len(self.empty)} empty beside a Chinese cell; {len(self.no_unit)} target rows "
            f"without an English unit; glossary repeats {len(self.glossary_repeats)} of "
            f"{self.glossary_rows} rows; README sheet {'present' if self.readme else 'missing'}"
        )


def _chinese_header(english: str) -> str | None:
    match = _ENGLISH_HEADER.match(english)
    if match is None:
        return None
    if match.group("stem") is not None:
        return f"{match.group('stem')}(zh)"
    if match.group("field") is not None:
        return f"{match.group('field')}zh"
    return "Chinese"


def _table_rows(worksheet: Any) -> list[tuple[Any, ...]]:
    """The header and data rows of a sheet's table (up to its filter range)."""
    last = worksheet.max_row
    ref = worksheet.auto_filter.ref
    if ref:
        last = int(ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return list(worksheet.iter_rows(min_row=1, max_row=last))


def audit(path: Path) -> Audit:
    """Read the workbook at ``path`` back and count what the module docstring lists."""
    book = openpyxl.load_workbook(path)
    found = Audit(readme="README" in book.sheetnames)
    for worksheet in book.worksheets:
        if worksheet.title != "README":
            _audit_sheet(worksheet, found)
    if "Glossary" in book.sheetnames:
        _audit_glossary(book["Glossary"], found)
    return found


def _audit_sheet(worksheet: Any, found: Audit) -> None:
    rows = _table_rows(worksheet)
    if not rows:
        return
    headers = [cell.value for cell in rows[0]]
    pairs = []
    for index, header in enumerate(headers):
        zh_header = _chinese_header(header) if isinstance(header, str) else None
        if zh_header is not None:
            pairs.append((index, headers.index(zh_header) if zh_header in headers else None))
    unit = next((headers.index(h) for h in ("Unit (en)", "unit_en") if h in headers), None)
    kind = headers.index("kind") if "kind" in headers else None  # the flat view's targets
    for row in rows[1:]:
        for en_index, zh_index in pairs:
            cell = row[en_index]
            where = f"{worksheet.title}!{cell.coordinate}"
            if cell.value not in (None, ""):
                found.english_cells += 1
                if _HAN.search(str(cell.value)):
                    found.han.append(f"{where}: {cell.value}")
            elif zh_index is not None and row[zh_index].value not in (None, ""):
                found.empty.append(f"{where} (beside {row[zh_index].value})")
        is_target = kind is None or row[kind].value == "target"
        if unit is not None and is_target and row[unit].value in (None, ""):
            found.no_unit.append(f"{worksheet.title}!{row[unit].coordinate}")


def _audit_glossary(worksheet: Any, found: Audit) -> None:
    rows = _table_rows(worksheet)
    headers = [cell.value for cell in rows[0]]
    chinese = headers.index("Chinese")
    seen: set[object] = set()
    for row in rows[1:]:
        term = row[chinese].value
        found.glossary_rows += 1
        if term in seen:
            found.glossary_repeats.append(f"Glossary!{row[chinese].coordinate}: {term}")
        seen.add(term)


def input_files(arguments: list[str]) -> list[Path]:
    paths = [Path(argument) for argument in arguments] or list(DEFAULT_INPUTS)
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files


def main(argv: list[str]) -> int:
    files = input_files(argv)
    articles = [yantai_pledges.parse(file.read_bytes(), translator=None) for file in files]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "audit.xlsx"
        to_excel(articles, target)
        found = audit(target)
    print(f"{len(files)} articles in one workbook")
    print(found.summary())
    for label, examples in (
        ("Han in English", found.han),
        ("empty English", found.empty),
        ("no English unit", found.no_unit),
        ("glossary repeats", found.glossary_repeats),
    ):
        for example in examples[:8]:
            print(f"  {label}: {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

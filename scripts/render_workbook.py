"""Render the seed article's workbook as LibreOffice prints it: PDF, then PNG pages.

Run: ``python scripts/render_workbook.py [--out DIR] [--sheet Targets] [--docs]``. Needs LibreOffice
Calc and poppler's ``pdftoppm`` (Debian: ``apt-get install libreoffice-calc poppler-utils
fonts-noto-cjk fonts-crosextra-carlito``; the last two give the Chinese glyphs and Calibri's
metrics). The seed is parsed without machine translation, as on a fresh install, written with
``to_excel``, and each sheet is printed on its own: a copy of the workbook holding only that sheet
is converted, so a page image shows that sheet's print area. ``--docs`` also copies the first page
of ``--sheet`` to ``docs/img/report-seed-<sheet>.png`` (the picture in README.md and docs/excel.md).

A documentation tool, not a test: the test suite never needs LibreOffice.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

import yantai_pledges
from yantai_pledges.export import to_excel

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
DOCS_IMAGES = ROOT / "docs" / "img"
_DPI = 90  # sharp enough to read (A3 landscape: 1,488 pixels wide), small enough to commit
_TIMEOUT = 180  # seconds for one LibreOffice conversion


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        sys.exit(
            f"render_workbook: {name} not found (apt-get install libreoffice-calc poppler-utils)"
        )
    return path


def _single_sheet(workbook: Path, sheet: str, target: Path) -> None:
    """A copy of ``workbook`` with only ``sheet`` in it (LibreOffice prints every sheet)."""
    book = openpyxl.load_workbook(workbook)
    for name in book.sheetnames:
        if name != sheet:
            del book[name]
    book.save(target)


def render(sheet: str, out: Path) -> list[Path]:
    """Write the seed's workbook, print ``sheet`` to PDF and PNG pages in ``out``; the pages."""
    soffice, pdftoppm = _tool("soffice"), _tool("pdftoppm")
    out.mkdir(parents=True, exist_ok=True)
    article = yantai_pledges.parse(SEED.read_bytes(), translator=None)
    workbook = to_excel(article, out / "report-seed.xlsx")
    with tempfile.TemporaryDirectory() as folder:
        single = Path(folder) / f"report-seed-{sheet.lower()}.xlsx"
        _single_sheet(workbook, sheet, single)
        profile = Path(folder) / "profile"  # a fresh LibreOffice profile: no user settings
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(single),
            ],
            check=True,
            timeout=_TIMEOUT,
            capture_output=True,
        )
    pdf = out / f"{single.stem}.pdf"
    prefix = out / single.stem
    subprocess.run(
        [pdftoppm, "-r", str(_DPI), "-png", str(pdf), str(prefix)],
        check=True,
        timeout=_TIMEOUT,
    )
    return sorted(out.glob(f"{single.stem}-*.png"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("rendered"), help="output folder")
    parser.add_argument("--sheet", default="Targets", help="the sheet to print (default Targets)")
    parser.add_argument(
        "--docs", action="store_true", help="copy the first page to docs/img/report-seed-SHEET.png"
    )
    options = parser.parse_args(argv)
    pages = render(options.sheet, options.out)
    for page in pages:
        print(page)
    if options.docs and pages:
        image = DOCS_IMAGES / f"report-seed-{options.sheet.lower()}.png"
        shutil.copyfile(pages[0], image)
        print(f"copied {pages[0]} to {image}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

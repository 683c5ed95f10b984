"""Write the catalog of the UN General Debate corpus: who gave each speech and which state it speaks for.

    .venv/bin/python scripts/ungdc_catalog.py --out /tmp/ungdc.csv
    onrecord add ../shared/data/ungdc --catalog /tmp/ungdc.csv --workers 2

The UNGDC names every speech ``ISO_SESSION_YEAR.txt`` (ISO 3166-1 alpha-3 code of the state) and lists the
speakers in ``Speakers_by_session.xlsx`` (year, ISO code, country, name of the person speaking, post). Each speech
gets a row: its speaker (when the list names one), the state it speaks for (the name the knowledge base knows,
found through pycountry's names for the code, else the list's name of the country) and a title saying both.
pycountry and openpyxl are in the test extra.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
from pathlib import Path

import openpyxl
import pycountry

from onrecord.kb import load_kb
from onrecord.readers.catalog import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
_FILE = re.compile(r"(?P<code>[A-Z]{2,3})_(?P<session>\d+)_(?P<year>\d{4})\.txt")


def speakers(path: Path) -> dict[tuple[str, int], tuple[str, str]]:
    """(ISO code, year) -> (the person speaking, the country as the list names it)."""
    book = openpyxl.load_workbook(path, read_only=True)
    rows = book.active.iter_rows(values_only=True)
    header = [str(cell).strip() if cell else "" for cell in next(rows)]
    found = {}
    for row in rows:
        cells = dict(zip(header, row, strict=False))
        code, year = str(cells.get("ISO Code") or "").strip(), cells.get("Year")
        if code and isinstance(year, int | float):
            found[(code, int(year))] = (" ".join(str(cells.get("Name of Person Speaking") or "").split()),
                                        " ".join(str(cells.get("Country") or "").split()))
    return found


def country_name(code: str, listed: str, known: set[str]) -> str:
    """The state's name as the knowledge base knows it (pycountry's names for the code, then the speaker list's),
    else pycountry's name, else the list's."""
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    names = [getattr(country, field, "") for field in ("common_name", "name", "official_name")] if country else []
    # pycountry inverts some names ("Congo, The Democratic Republic of the"); the knowledge base has them upright.
    names += [" ".join(reversed(name.split(", ", 1))) for name in names if ", " in name]
    return next((name for name in (*names, listed) if name and name.lower() in known),
                getattr(country, "name", "") or listed or code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "ungdc"))
    parser.add_argument("--out", required=True, help="the catalog to write (CSV)")
    arguments = parser.parse_args()
    data, out = Path(arguments.data), Path(arguments.out)
    kb = load_kb()
    known = set(kb.names)
    listed = speakers(data / "Speakers_by_session.xlsx")
    rows = []
    for path in sorted(data.rglob("*.txt")):
        match = _FILE.fullmatch(path.name)
        if match is None:
            continue
        code, year = match["code"], int(match["year"])
        person, country = listed.get((code, year), ("", ""))
        state = country_name(code, country, known)
        rows.append({"file": os.path.relpath(path.resolve(), out.resolve().parent), "title":
                     f"{state}, UN General Debate {year}", "date": "", "speaker": person, "speaks_for": state})
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", *COLUMNS])
        writer.writeheader()
        writer.writerows(rows)
    named = sum(1 for row in rows if row["speaker"])
    print(f"{len(rows)} speeches, {named} with their speaker -> {out}")


if __name__ == "__main__":
    main()

"""Catalogs: a CSV table that says, file by file, what the files do not (title, date, speaker, country)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.readers.catalog import Entry, read_catalog


def test_catalog_gives_each_file_what_its_row_says(tmp_path: Path) -> None:
    (tmp_path / "speeches").mkdir()
    catalog = tmp_path / "speeches" / "catalog.csv"
    catalog.write_text("\ufefffile, title ,date,speaker,speaks_for,notes\n"
                       'a.txt,"Kenya, 2023",2023-09-21,"William\n Ruto",Kenya,"kept for other tools,\non two lines"\n'
                       f"{tmp_path / 'b.txt'},,,,Norway,\n", encoding="utf-8")
    assert read_catalog(catalog) == {
        str((tmp_path / "speeches" / "a.txt").resolve()): Entry("Kenya, 2023", "2023-09-21", "William Ruto", "Kenya"),
        str((tmp_path / "b.txt").resolve()): Entry(speaks_for="Norway"),
    }


@pytest.mark.parametrize(("content", "message"), [
    ("name,speaker\na.txt,Roe\n", "the catalog has no 'file' column"),
    ("file,notes\na.txt,x\n", "the catalog says nothing of its files"),
    ("file,date\na.txt,21 September 2023\n", r"row 2 of the catalog \S+ has a date that is not YYYY-MM-DD"),
    ("file,speaker\na.txt,Roe\n,Doe\n", "row 3 of the catalog names no file"),
])
def test_catalog_wrong_says_where(tmp_path: Path, content: str, message: str) -> None:
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(content, encoding="utf-8")
    with pytest.raises(ReadError, match=message):
        read_catalog(catalog)


def test_catalog_missing_or_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such catalog"):
        read_catalog(tmp_path / "none.csv")
    (tmp_path / "latin.csv").write_bytes("file,speaker\na.txt,Jos\xe9\n".encode("latin-1"))
    with pytest.raises(ReadError, match="the catalog cannot be read"):
        read_catalog(tmp_path / "latin.csv")

"""The REFI-QDA export: valid against the standard's schema, read back the same by an independent reader."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import SHARED, requires_shared
from onrecord.export.codings import codings
from onrecord.export.qdpx import read_qdpx, write_qdpx
from onrecord.record import Record

XSD = SHARED / "refi-qda" / "Project.xsd"


@pytest.fixture(scope="module")
def reference_qdpx(reference_record: Record, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_qdpx([reference_record], tmp_path_factory.mktemp("qdpx") / "reference.qdpx")[0]


@requires_shared
def test_qdpx_validates_against_the_refi_qda_schema(reference_qdpx: Path) -> None:
    import xmlschema

    schema = xmlschema.XMLSchema(str(XSD))
    with zipfile.ZipFile(reference_qdpx) as archive:
        names = archive.namelist()
        schema.validate(archive.read("project.qde").decode("utf-8"))
    assert names[0] == "project.qde"
    assert len(names) == 2 and names[1].startswith("Sources/") and names[1].endswith(".txt")


@requires_shared
def test_qdpx_every_selection_is_the_source_text_at_its_offsets(reference_record: Record, reference_qdpx: Path) -> None:
    (source,) = read_qdpx(reference_qdpx)
    assert source.text == reference_record.document.text
    for start, end, _ in source.selections:
        assert source.text[start:end] == reference_record.document.text[start:end]
    coded = {(c.span.start, c.span.end, c.code) for c in codings(reference_record)}
    read = {(start, end, code) for start, end, codes in source.selections for code in codes}
    assert read == coded


@requires_shared
def test_qdpx_round_trips_through_pyrefiqda(reference_record: Record, reference_qdpx: Path, tmp_path: Path) -> None:
    from pyrefiqda import RefiProject

    project = RefiProject.load(reference_qdpx, extract_dir=str(tmp_path / "extracted"))
    names: dict[str, str] = {}
    stack = list(project.code_book.codes.code)
    while stack:
        code = stack.pop()
        names[code.guid] = code.name
        stack.extend(code.code)
    (source,) = project.sources.text_source
    text = (tmp_path / "extracted" / "Sources" / source.plain_text_path.removeprefix("internal://")).read_text("utf-8")
    assert text == reference_record.document.text
    read = {(s.start_position, s.end_position, names[c.code_ref.target_guid])
            for s in source.plain_text_selection for c in s.coding}
    assert read == {(c.span.start, c.span.end, c.code[-1]) for c in codings(reference_record)}
    for selection in source.plain_text_selection:
        assert 0 <= selection.start_position <= selection.end_position <= len(text)
    assert {case.name for case in project.cases.case} == {s.label for s in reference_record.speakers}


def test_qdpx_codes_every_layer_of_the_example(example_record: Record, tmp_path: Path) -> None:
    (source,) = read_qdpx(write_qdpx([example_record], tmp_path / "example.qdpx")[0])
    tops = {code[0] for _, _, codes in source.selections for code in codes}
    expected = {c.code[0] for c in codings(example_record)}
    assert tops == expected
    assert "actors" in tops

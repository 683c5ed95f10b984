"""REFI-QDA project (``.qdpx``) for ATLAS.ti, MAXQDA, NVivo, QDA Miner: a zip of ``project.qde`` and ``Sources/``.

Each document is a TextSource whose plain text is stored as ``Sources/<guid>.txt``; every coding is a
PlainTextSelection at the exact character offsets of the finding (REFI-QDA counts characters from 0, end
exclusive, as Python does). Speakers are Cases that point at their turns. GUIDs are derived from the
content (uuid5), so the same corpus always exports the same project.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from onrecord import __version__
from onrecord.errors import ExportError
from onrecord.export import ensure_parent
from onrecord.export.codings import Coding, codings
from onrecord.record import Record, Turn

NS = "urn:QDA-XML:project:1.0"
_Q = f"{{{NS}}}"
_ROOT = uuid.UUID("6f1f0b52-4d0e-5c55-9a57-0e1d2c3b4a59")
_COLOURS = {("stance", "favourable"): "#2A7AB0", ("stance", "hostile"): "#C0392B", ("stance", "neutral"): "#888888"}
_NAME = 60  # characters of a selection's text used as its name


def guid(*parts: str) -> str:
    """A stable GUID for the thing these parts name."""
    return str(uuid.uuid5(_ROOT, "\x1f".join(parts)))


@dataclass
class QdpxSource:
    """A TextSource as read back: its name, its text, and each selection's offsets and code paths."""

    name: str
    text: str
    selections: list[tuple[int, int, tuple[tuple[str, ...], ...]]] = field(default_factory=list)


@dataclass
class _Builder:
    user: str = field(default_factory=lambda: guid("user", "onrecord"))
    codes: dict[tuple[str, ...], str] = field(default_factory=dict)
    cases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # speaker -> [(source, selection)]
    sources: list[etree._Element] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # file name in Sources/ -> text


def write_qdpx(records: Iterable[Record], out: Path) -> list[Path]:
    """Write the records as one REFI-QDA project to the file ``out`` (``.qdpx``)."""
    builder = _Builder()
    for record in records:
        builder.sources.append(_source(builder, record))
    project = _project(builder)
    ensure_parent(out)
    try:
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", etree.tostring(project, xml_declaration=True, encoding="UTF-8",
                                                           pretty_print=True))
            for name, text in builder.texts.items():
                archive.writestr(f"Sources/{name}", text.encode("utf-8"))
    except OSError as error:
        raise ExportError(f"cannot write the export ({error.strerror})", str(out), "choose a writable path") from None
    return [out]


def _project(builder: _Builder) -> etree._Element:
    project = etree.Element(f"{_Q}Project", nsmap={None: NS}, name="onrecord export",
                            origin=f"onrecord {__version__}", creatingUserGUID=builder.user)
    users = etree.SubElement(project, f"{_Q}Users")
    etree.SubElement(users, f"{_Q}User", guid=builder.user, name="onrecord")
    if builder.codes:
        _codebook(etree.SubElement(etree.SubElement(project, f"{_Q}CodeBook"), f"{_Q}Codes"), builder.codes)
    if builder.cases:
        cases = etree.SubElement(project, f"{_Q}Cases")
        for speaker, refs in builder.cases.items():
            case = etree.SubElement(cases, f"{_Q}Case", guid=guid("case", speaker), name=speaker)
            for source in dict.fromkeys(s for s, _ in refs):
                etree.SubElement(case, f"{_Q}SourceRef", targetGUID=source)
            for _, selection in refs:
                etree.SubElement(case, f"{_Q}SelectionRef", targetGUID=selection)
    if builder.sources:
        etree.SubElement(project, f"{_Q}Sources").extend(builder.sources)
    return project


def _codebook(parent: etree._Element, codes: dict[tuple[str, ...], str]) -> None:
    elements: dict[tuple[str, ...], etree._Element] = {}
    order = {path: index for index, path in enumerate(codes)}
    for path in sorted(codes, key=lambda p: (len(p), order[p])):
        above = elements.get(path[:-1], parent)
        attributes = {"guid": codes[path], "name": path[-1], "isCodable": "true"}
        if path in _COLOURS:
            attributes["color"] = _COLOURS[path]
        elements[path] = etree.SubElement(above, f"{_Q}Code", attributes)


def _code(builder: _Builder, path: tuple[str, ...]) -> str:
    for depth in range(1, len(path) + 1):
        builder.codes.setdefault(path[:depth], guid("code", *path[:depth]))
    return builder.codes[path]


def _source(builder: _Builder, record: Record) -> etree._Element:
    document = record.document
    source_guid = guid("source", document.id)
    builder.texts[f"{source_guid}.txt"] = document.text
    source = etree.Element(f"{_Q}TextSource", guid=source_guid, name=document.title or document.id,
                           plainTextPath=f"internal://{source_guid}.txt", creatingUser=builder.user)
    etree.SubElement(source, f"{_Q}Description").text = f"{document.source} ({document.when})"
    selections: dict[tuple[int, int], list[Coding]] = {}
    for coding in codings(record):
        _code(builder, coding.code)  # the codebook lists codes in the order of the layers
        selections.setdefault((coding.span.start, coding.span.end), []).append(coding)
    labels = {s.id: s.label for s in record.speakers}
    for turn in record.turns:
        if turn.speaker in labels and turn.kind != "note":
            selection = guid("selection", document.id, str(turn.span.start), str(turn.span.end))
            builder.cases.setdefault(labels[turn.speaker], []).append((source_guid, selection))
            selections.setdefault((turn.span.start, turn.span.end), [])
    turns = {(t.span.start, t.span.end): t for t in record.turns}
    for (start, end), found in sorted(selections.items()):
        source.append(_selection(builder, record, start, end, found, turns.get((start, end))))
    return source


def _selection(builder: _Builder, record: Record, start: int, end: int, found: list[Coding],
               turn: Turn | None) -> etree._Element:
    text = record.document.text[start:end]
    name = " ".join(text.split())
    selection = etree.Element(f"{_Q}PlainTextSelection", guid=guid("selection", record.document.id, str(start), str(end)),
                              name=name if len(name) <= _NAME else name[: _NAME - 1] + "…",
                              startPosition=str(start), endPosition=str(end), creatingUser=builder.user)
    notes = [f"{' / '.join(c.code)}: {c.note}" for c in found if c.note]
    if turn is not None:
        notes.insert(0, f"turn {turn.id} ({turn.kind})")
    if notes:
        etree.SubElement(selection, f"{_Q}Description").text = "\n".join(notes)
    for code in dict.fromkeys(c.code for c in found):
        coding = etree.SubElement(selection, f"{_Q}Coding", guid=guid("coding", record.document.id, str(start),
                                                                      str(end), *code), creatingUser=builder.user)
        etree.SubElement(coding, f"{_Q}CodeRef", targetGUID=_code(builder, code))
    return selection


def read_qdpx(path: Path) -> list[QdpxSource]:
    """The text sources of a ``.qdpx`` project with their selections, codes given as paths of names."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("project.qde"))
            files = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name != "project.qde"}
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise ExportError(f"cannot read the project ({error})", str(path), "give a .qdpx file") from None
    codes: dict[str, tuple[str, ...]] = {}
    for code in root.iter(f"{_Q}Code"):
        names = [str(c.get("name")) for c in reversed([code, *code.iterancestors(f"{_Q}Code")])]
        codes[str(code.get("guid"))] = tuple(names)
    sources = []
    for element in root.iter(f"{_Q}TextSource"):
        file = str(element.get("plainTextPath", "")).removeprefix("internal://")
        source = QdpxSource(str(element.get("name")), files.get(f"Sources/{file}", ""))
        for selection in element.iter(f"{_Q}PlainTextSelection"):
            refs = tuple(codes[str(r.get("targetGUID"))] for r in selection.iter(f"{_Q}CodeRef"))
            source.selections.append((int(selection.get("startPosition", "0")),
                                      int(selection.get("endPosition", "0")), refs))
        sources.append(source)
    return sources

"""The hand-annotated Iran sample (``evaluation/iran-citations.json``) and what onrecord finds in it."""

from __future__ import annotations

import functools
import json
from typing import Any

from conftest import ROOT, SHARED
from onrecord.analyses import ANALYSES
from onrecord.pipeline import analyze_source
from onrecord.readers import read
from onrecord.record import Enumeration, EnumerationItem, Record

GOLD = ROOT / "evaluation" / "iran-citations.json"
STEPS = tuple(s for s in ANALYSES if s.layer in ("sentences", "enumerations", "citations"))


@functools.cache
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


@functools.cache
def record(name: str) -> Record:
    [path] = sorted(SHARED.glob(f"ungdc/*/{name}.txt"))
    return analyze_source(read(path), steps=STEPS)


def at(name: str, excerpt: str) -> int:
    """Where a gold excerpt is; it must be there once."""
    text = record(name).document.text
    assert text.count(excerpt) == 1, (name, excerpt)
    return text.index(excerpt)


def citations_found() -> list[tuple[str, str, str, str]]:
    """(file, excerpt or the citation's own words, work, reference) of every scripture citation found."""
    found = []
    for name in gold()["speeches"]:
        for citation in record(name).citations:
            if citation.work not in ("Quran", "Bible"):
                continue
            excerpt = next((g["excerpt"] for g in gold()["citations"] if g["file"] == name
                            and citation.span.start <= at(name, g["excerpt"]) + len(g["excerpt"])
                            and at(name, g["excerpt"]) <= citation.span.end), citation.span.text)
            found.append((name, excerpt, citation.work, citation.reference))
    return found


def documents_compared() -> tuple[list[str], list[str], list[str]]:
    """(annotated document mentions found with the right work and reference, those missed or wrong, citations of
    documents found that no annotation covers), in the speeches annotated for documents."""
    annotated = gold()["documents"]
    hit: list[str] = []
    missed: list[str] = []
    extra: list[str] = []
    for name in sorted({g["file"] for g in annotated}):
        found = [c for c in record(name).citations if c.work not in ("Quran", "Bible")]
        mine = [g for g in annotated if g["file"] == name]
        for g in mine:
            start = at(name, g["excerpt"])
            ok = any(c.span.start < start + len(g["excerpt"]) and start < c.span.end and c.work == g["work"]
                     and c.reference == g["reference"] for c in found)
            (hit if ok else missed).append(f"{name}: {g['excerpt']}")
        for c in found:
            if not any(c.span.start < at(name, g["excerpt"]) + len(g["excerpt"]) and at(name, g["excerpt"]) < c.span.end
                       for g in mine):
                extra.append(f"{name}: {c.span.text}")
    return hit, missed, extra


def lists_matched() -> tuple[list[str], list[str]]:
    """(gold lists found, gold lists missed), each as "file: label (n)"; nested gold lists count on their own."""
    hit: list[str] = []
    missed: list[str] = []
    for entry in gold()["enumerations"]:
        for name, one in _flatten(entry["file"], entry):
            starts = [at(name, item) for item in one["items"]]
            ok = any(_same(items, starts) for items in _found_lists(record(name).enumerations))
            (hit if ok else missed).append(f"{name}: {one['label']} ({len(starts)})")
    return hit, missed


def extra_lists() -> list[str]:
    """Lists found that no gold list matches, as "file: first words of the first item"."""
    extra = []
    for name in gold()["speeches"]:
        golds = [[at(n, i) for i in one["items"]] for e in gold()["enumerations"] if e["file"] == name
                 for n, one in _flatten(name, e)]
        for items in _found_lists(record(name).enumerations):
            if not any(_same(items, starts) for starts in golds):
                extra.append(f"{name}: {items[0].span.text[:30]!r}")
    return extra


def _flatten(name: str, entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = [(name, entry)]
    for child in entry.get("children", {}).values():
        out.extend(_flatten(name, child))
    return out


def _found_lists(enumerations: tuple[Enumeration, ...]) -> list[tuple[EnumerationItem, ...]]:
    return [e.items for e in enumerations]


def _same(items: tuple[EnumerationItem, ...], starts: list[int]) -> bool:
    return len(items) == len(starts) and all(i.span.start <= s < i.span.end for i, s in zip(items, starts, strict=True))

"""Shared fixtures. Every record an analysis produces during the tests has its spans verified."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import onrecord.pipeline
from onrecord.record import Record, check_spans

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
REFERENCE = SHARED / "seed" / "000_7bfc00263638301d.txt"
EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "interview.txt"

def load_script(name: str) -> ModuleType:
    """A script of ``scripts/`` as a module, for its tests (scripts are no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


requires_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not beside the checkout")

SPANS_CHECKED = {"records": 0, "spans": 0}


@pytest.fixture(autouse=True, scope="session")
def _verify_every_span() -> Iterator[None]:
    """The central invariant: every span of every record the suite produces is the document's text."""
    analysis = importlib.import_module("onrecord.analyze")  # the package: onrecord.analyze is the function
    original = analysis.annotate

    def checked(record: Record, doc: Any, **kwargs: Any) -> Record:
        result = original(record, doc, **kwargs)
        SPANS_CHECKED["spans"] += check_spans(result)
        SPANS_CHECKED["records"] += 1
        return result

    patch = pytest.MonkeyPatch()
    patch.setattr(analysis, "annotate", checked)
    patch.setattr(onrecord.pipeline, "annotate", checked)
    yield
    patch.undo()


@pytest.fixture(scope="session")
def reference_text() -> str:
    if not REFERENCE.is_file():
        pytest.skip("../shared/data is not beside the checkout")
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference_record() -> Record:
    """The reference interview, analyzed once for the whole session."""
    if not REFERENCE.is_file():
        pytest.skip("../shared/data is not beside the checkout")
    return onrecord.pipeline.analyze(REFERENCE)


@pytest.fixture(scope="session")
def example_record() -> Record:
    """The bundled example interview, analyzed once for the whole session."""
    return onrecord.pipeline.analyze(EXAMPLE)

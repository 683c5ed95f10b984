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
from onrecord.corpus import Corpus
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
    analysis = importlib.import_module("onrecord.analyses")
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


# Tiny documents written for the corpus and ask tests, and a corpus holding them (built once per module).
INTERVIEW = """Bridge interview, 12 March 2019
Question: Do you regret the money the ministry spent on the bridge?
Jane Roe: We have no regrets about that spending. The bridge carries forty thousand cars a day. Critics said it was a waste of money.
Question: Who invited the engineers from Norway?
Jane Roe: The mayor of Bergen invited them after the flood. They arrived in May and stayed until the autumn.
"""

SPEECH = """Harbour speech, 4 June 2021
The harbour of Tromso was rebuilt after the storm. Fishing quotas must be shared fairly between the coastal towns. Norway will double its support for coastal towns and for the harbour workers.
"""


def write_documents(folder: Path) -> list[Path]:
    """The two fixture documents, written into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "interview.txt", folder / "speech.txt"]
    for path, text in zip(paths, (INTERVIEW, SPEECH), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus file holding the interview and the speech."""
    root = tmp_path_factory.mktemp("corpus")
    paths = write_documents(root / "docs")
    database = root / "small.db"
    with Corpus(database) as corpus:
        result = corpus.add(paths)
    assert (result.added, result.skipped, result.failed) == (2, 0, [])
    return database

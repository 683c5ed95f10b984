"""Tiny documents written for the corpus tests, and a corpus holding them (built once per module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.corpus import Corpus

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

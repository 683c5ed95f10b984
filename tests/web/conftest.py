"""A corpus for the web tests: the reference interview (when shared data is there) and a hostile document."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE, REFERENCE, ROOT
from onrecord.corpus import Corpus

HOSTILE = ROOT / "tests" / "data" / "hostile.json"


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    files = [HOSTILE, EXAMPLE] + ([REFERENCE] if REFERENCE.is_file() else [])
    with Corpus(path) as corpus:
        result = corpus.add(files)
    assert result.failed == []
    return path

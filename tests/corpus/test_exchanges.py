"""The corpus's questions filtered by clarity, actor and answering speaker, from the command line too."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.corpus import Corpus
from onrecord.errors import CorpusError

BRIEFING = """Press briefing, 3 May 2024
Q: Will the President meet the Chinese leader next week?
MS. ROE: I'm not going to get ahead of the President's schedule. We will have more to say when we can.
Q: Did the sanctions on Iran take effect today?
MS. ROE: Yes, they did. The Treasury published the list of forty companies this morning.
"""


@pytest.fixture(scope="module")
def briefing_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exchanges")
    (root / "briefing.txt").write_text(BRIEFING, encoding="utf-8")
    with Corpus(root / "c.db") as corpus:
        assert corpus.add([root / "briefing.txt"]).added == 1
    return root / "c.db"


def _questions(path: Path, **filters: str) -> list[tuple[str, str, str]]:
    with Corpus(path) as corpus:
        return [(x["question"]["text"], x["clarity"], x["answerer"]) for x in corpus.exchanges(**filters)]


def test_exchanges_filter_by_clarity_actor_and_speaker(briefing_corpus: Path) -> None:
    meet = ("Will the President meet the Chinese leader next week?", "non-reply", "MS. ROE")
    sanctions = ("Did the sanctions on Iran take effect today?", "reply", "MS. ROE")
    assert _questions(briefing_corpus) == [meet, sanctions]
    assert _questions(briefing_corpus, clarity="non-reply") == [meet]
    assert _questions(briefing_corpus, actor="Iran") == [sanctions]
    assert _questions(briefing_corpus, speaker="ms. roe", clarity="reply") == [sanctions]
    assert _questions(briefing_corpus, speaker="Someone Else") == []
    assert _questions(briefing_corpus, actor="Atlantis") == []
    with Corpus(briefing_corpus) as corpus, pytest.raises(CorpusError, match="unknown clarity"):
        corpus.exchanges(clarity="evasive")


def test_exchanges_cli(briefing_corpus: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["exchanges", "--clarity", "non-reply", "--corpus", str(briefing_corpus), "--json"])
    assert result.exit_code == 0, result.output
    assert "declining" in result.stdout and "Did the sanctions" not in result.stdout
    result = runner.invoke(app, ["exchanges", "--clarity", "evasive", "--corpus", str(briefing_corpus)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown clarity, 'evasive', use one of reply, ambivalent, non-reply")

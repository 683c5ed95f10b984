"""The given-names list shipped in data/ is what scripts/given_names.py writes from the census files."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pytest

from conftest import load_script
from onrecord.kb.names import given_name


def test_given_names_script_reproduces_the_shipped_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "given_names.txt"
    monkeypatch.setattr(sys, "argv", ["given_names.py", "--out", str(out)])
    load_script("given_names").main()
    shipped = (resources.files("onrecord") / "data" / "given_names.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert given_name("Francesca") and given_name("JAKE") and not given_name("Bloomberg")

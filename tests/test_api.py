"""The package's own functions stay functions, whatever subpackage of the same name was imported."""

from __future__ import annotations

import subprocess
import sys

from conftest import EXAMPLE


def test_api_read_and_analyze_stay_callable_after_their_subpackages_are_imported() -> None:
    # A fresh interpreter: the order of imports is what matters, and the test session has imported everything.
    script = f"""
import onrecord
first = onrecord.read({str(EXAMPLE)!r})
import onrecord.readers.html, onrecord.analyses.actors
from onrecord.corpus import batch
second = onrecord.read({str(EXAMPLE)!r})
record = onrecord.analyze({str(EXAMPLE)!r})
print(first.text == second.text == record.document.text, callable(onrecord.transcribe))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "True True\n", "")

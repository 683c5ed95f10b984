"""The command line: each command is a thin wrapper over the library function of the same name. One module per
group of commands, each registering on the one app (``cli.app``): analysis (analyze, evaluate), corpus (add,
ask, search, kwic, keyness, timeline, export), web (serve, report)."""

from __future__ import annotations

import sys

from onrecord.cli import analysis, corpus, web
from onrecord.cli.app import app, report
from onrecord.errors import OnrecordError

__all__ = ["analysis", "app", "corpus", "main", "web"]


def main() -> None:
    """Entry point: library errors become one ``Error:`` line, never a traceback."""
    try:
        app()
    except OnrecordError as error:
        report(error)
        sys.exit(1)
    except KeyboardInterrupt:
        report("interrupted, by the user, run the command again to finish")
        sys.exit(130)

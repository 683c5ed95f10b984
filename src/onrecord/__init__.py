"""onrecord: interviews, press conferences, debates and speeches turned into a cited, structured record."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Record", "analyze", "analyze_source", "check_spans", "from_json", "read", "to_json", "transcribe"]

_EXPORTS = {
    "Record": "onrecord.record",
    "check_spans": "onrecord.record",
    "from_json": "onrecord.record",
    "to_json": "onrecord.record",
    "read": "onrecord.readers",
    "transcribe": "onrecord.transcript",
    "analyze": "onrecord.pipeline",
    "analyze_source": "onrecord.pipeline",
}


def __getattr__(name: str) -> Any:
    # Lazy: importing onrecord loads neither spaCy nor the readers' libraries.
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")

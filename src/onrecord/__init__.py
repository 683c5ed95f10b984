"""onrecord: interviews, press conferences, debates and speeches turned into a cited, structured record."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

__version__ = "0.1.0"
__all__ = ["Record", "analyze", "analyze_source", "check_spans", "from_json", "read", "to_json", "transcribe"]

_EXPORTS = {
    "Record": "onrecord.record",
    "check_spans": "onrecord.record",
    "from_json": "onrecord.record",
    "to_json": "onrecord.record",
    "read": "onrecord.read",
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


class _Package(ModuleType):
    """The package keeps its functions ``read`` and ``analyze`` although stages of the same names are
    subpackages: importing ``onrecord.read`` would otherwise bind the subpackage over the function, and
    ``onrecord.read(path)`` would fail once any code had imported the reader (the subpackages stay reachable
    through ``import onrecord.read.html``, ``from onrecord.read import ...`` and ``sys.modules``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

"""How views name a reply's clarity and technique, and which replies belong to which exchange."""

from __future__ import annotations

from collections import defaultdict

from onrecord.export.codings import CLARITY_NAMES, EVASION_NAMES
from onrecord.record import Record, Reply

__all__ = ["CLARITY_NAMES", "CLARITY_STYLES", "by_exchange", "verdict"]
# Terminal colours: a non-reply stands out, a clear reply stays quiet.
CLARITY_STYLES = {"reply": "green", "ambivalent": "yellow", "non-reply": "bold red"}


def verdict(clarity: str, evasion: str, confidence: float) -> str:
    """One reply's finding in words: "non-reply, declines to answer (0.86)"."""
    technique = "" if evasion == "explicit" else f", {EVASION_NAMES.get(evasion, evasion)}"
    return f"{CLARITY_NAMES.get(clarity, clarity)}{technique} ({confidence:.2f})"


def by_exchange(record: Record) -> dict[str, list[Reply]]:
    """The record's replies, grouped by the exchange whose question they judge, in text order."""
    grouped: dict[str, list[Reply]] = defaultdict(list)
    for reply in record.replies:
        grouped[reply.exchange].append(reply)
    return grouped

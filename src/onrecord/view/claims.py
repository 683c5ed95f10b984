"""The terminal section for check-worthy claims: the top sentences of each answer, with their scores."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from onrecord.record import Claim, Record
from onrecord.view.text import preview

# A reader scans for what to check first; more than a few per answer is a wall of text again.
PER_TURN = 3
_PREVIEW = 200


def top_claims(record: Record, *, per_turn: int = PER_TURN) -> list[tuple[str, list[tuple[Claim, str]]]]:
    """(turn id, [(claim, sentence text)] best first) for every answer or statement, in document order."""
    sentences = {s.id: s for s in record.sentences}
    by_turn: dict[str, list[tuple[Claim, str]]] = {}
    for claim in record.claims:
        sentence = sentences.get(claim.sentence)
        if sentence is not None and claim.turn_kind in ("answer", "statement"):
            by_turn.setdefault(sentence.turn, []).append((claim, sentence.span.text))
    return [(turn, sorted(found, key=lambda pair: -pair[0].checkworthiness)[:per_turn])
            for turn, found in by_turn.items()]


def claims(record: Record) -> RenderableType | None:
    """A table of each answer's most check-worthy sentences."""
    found = top_claims(record)
    if not found:
        return None
    table = Table(title="Check-worthy claims (top of each answer)", title_justify="left", show_edge=False)
    for column in ("turn", "sentence", "score", "claim"):
        table.add_column(column, justify="right" if column == "score" else "left")
    for turn, best in found:
        for claim, text in best:
            table.add_row(turn, claim.sentence, f"{claim.checkworthiness:.2f}", Text(preview(text, _PREVIEW)))
    return table

from __future__ import annotations

import json

import pytest

from onrecord.errors import SchemaError, SpanError
from onrecord.record import SCHEMA, Document, Record, Span, Turn, check_spans, from_json, to_dict, to_json


def _record(text: str = "Q: Why? A: Because.") -> Record:
    document = Document(id="x", title="t", source="s", date=None, language="en", text=text)
    turns = (
        Turn("t1", "s1", "question", Span.of(text, 3, 7), label=Span.of(text, 0, 1)),
        Turn("t2", "s2", "answer", Span.of(text, 11, 19)),
    )
    return Record(document=document, turns=turns)


def test_record_json_round_trip_keeps_every_field() -> None:
    record = _record()
    assert from_json(to_json(record)) == record


def test_record_json_has_every_layer_as_a_list_and_schema_first() -> None:
    data = to_dict(_record())
    assert list(data)[:2] == ["schema", "document"]
    assert data["schema"] == SCHEMA
    for layer in ("speakers", "exchanges", "sentences", "actors", "enumerations", "attributions", "citations",
                  "claims", "stances", "replies"):
        assert data[layer] == []
    assert data["turns"][0]["span"] == {"start": 3, "end": 7, "text": "Why?"}


def test_record_check_spans_counts_every_span() -> None:
    assert check_spans(_record()) == 3


def test_record_check_spans_names_the_bad_span() -> None:
    record = _record()
    bad = Record(document=record.document, turns=(Turn("t1", None, "note", Span(0, 2, "A:")),))
    with pytest.raises(SpanError, match=r"record.turns\[0\].span \(0-2\)"):
        check_spans(bad)


def test_record_from_json_rejects_unknown_schema_and_bad_values() -> None:
    data = to_dict(_record())
    with pytest.raises(SchemaError, match="unknown schema"):
        from_json(json.dumps(data | {"schema": "other@9"}))
    data["turns"][0]["kind"] = "rant"
    with pytest.raises(SchemaError, match=r"record.turns\[0\].kind is not allowed, 'rant'"):
        from_json(json.dumps(data))
    with pytest.raises(SchemaError, match="not valid JSON"):
        from_json("{")

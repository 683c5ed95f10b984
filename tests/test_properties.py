"""Random bytes and random transcript-like text through every reader and the transcript step."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.errors import OnrecordError
from onrecord.pipeline import structure
from onrecord.readers import READERS, read_bytes
from onrecord.record import check_spans, to_json

LABELS = ["Question:", "Q:", "Q.", "A:", "A.", "Interviewer:", "DONALD TRUMP:", "Mr. Smith:", "THE PRESIDENT.",
          "A. A. Ahmadian:", "Jane Roe:", "(LAUGHTER)", "[CROSSTALK]", "(inaudible)", "Comment", "Share this",
          "(The views expressed in this interview are mine.)", "First,", "\u00a0", "\r\n", "\t", "<b>", "**"]
lines = st.lists(
    st.tuples(st.sampled_from([*LABELS, ""]), st.text(alphabet=st.characters(codec="utf-8"), max_size=60)),
    max_size=12,
).map(lambda pairs: "\n".join(f"{label} {text}" for label, text in pairs))


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} in a Record's JSON")


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(data=st.binary(max_size=2048), fmt=st.sampled_from(sorted(READERS)))
def test_properties_random_bytes_raise_only_onrecord_errors(data: bytes, fmt: str) -> None:
    try:
        source = read_bytes(data, f"random.{fmt}", format=fmt)
    except OnrecordError:
        return
    record = structure(source)
    check_spans(record)
    json.loads(to_json(record), parse_constant=_no_constant)  # strict JSON: no NaN, no Infinity


@FAST
@given(text=lines, fmt=st.sampled_from(["txt", "md", "html", "json", "vtt", "srt"]))
def test_properties_transcript_like_text_keeps_every_span(text: str, fmt: str) -> None:
    try:
        source = read_bytes(text.encode("utf-8"), f"random.{fmt}", format=fmt)
    except OnrecordError:
        return
    record = structure(source)
    check_spans(record)
    json.loads(to_json(record), parse_constant=_no_constant)
    assert all(turn.span.text.strip() == turn.span.text and turn.span.text for turn in record.turns)
    turn_ids = {turn.id for turn in record.turns}
    assert all({x.question, *x.answers} <= turn_ids for x in record.exchanges)

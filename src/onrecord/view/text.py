"""Text as views show it: on one line, and cut where a reader can stop."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

PREVIEW = 240  # characters of a turn shown where the whole is a click or a scroll away


def preview(text: str, size: int = PREVIEW) -> str:
    """The text on one line; past ``size`` characters, cut after the last whole word that fits, with an ellipsis
    ("...converge on the…", never "...converge on the Secr…")."""
    flat = " ".join(text.split())
    if len(flat) <= size:
        return flat
    cut = flat[: size - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > size // 2 else cut).rstrip(" ,;:—-") + "…"


# Bidirectional embeddings, overrides and isolates: in a page they reorder the text around them ("Trojan
# Source"), so that a quotation reads otherwise than its characters. Shown as marks where a reader sees them;
# the left-to-right and right-to-left marks of Arabic and Hebrew text stay as they are.
_BIDI = {code: f"⟨U+{code:04X}⟩" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def visible(text: str) -> str:
    """Text with its bidirectional controls shown as marks (``⟨U+202E⟩``)."""
    return text.translate(_BIDI)


def visible_value(value: Any) -> Any:
    """Jinja's ``finalize``: every value a template prints, its bidirectional controls shown (markup made by the
    views, already escaped, is left alone)."""
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value

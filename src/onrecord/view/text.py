"""Text as views show it: on one line, and cut where a reader can stop."""

from __future__ import annotations

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

"""The country a page speaks for, from its web address: governments publish their officials' transcripts on
their own sites (``data/publishers.txt``: whitehouse.gov, kremlin.ru, gov.uk...)."""

from __future__ import annotations

import functools
from importlib import resources
from urllib.parse import urlsplit


@functools.cache
def _publishers() -> dict[str, str]:
    text = resources.files("onrecord").joinpath("data", "publishers.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {host.strip().lower(): country.strip() for host, country in rows}


def country_of_address(address: object) -> str | None:
    """The country whose government publishes at ``address`` (a URL), if it is one of the known publishers."""
    if not isinstance(address, str) or "." not in address:
        return None
    host = (urlsplit(address if "//" in address else f"//{address}").hostname or "").lower()
    parts = host.split(".")
    return next((country for i in range(len(parts) - 1)
                 if (country := _publishers().get(".".join(parts[i:]))) is not None), None)

"""The words around names: titles and honorifics before a person's name, particles inside it, given names."""

from __future__ import annotations

import functools
from importlib import resources

# Titles of courtesy that only a person's name follows: whatever NER's label, "Ms Popova" is a person.
COURTESY = frozenset({"mr", "ms", "mrs", "miss", "mme", "madame", "monsieur", "herr", "dr", "sir"})
HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "martyr", "sayyed", "sayyid", "seyyed", "sheikh", "shaikh",
    "ayatollah", "hojatoleslam", "imam", "general", "gen.", "haj", "hajj", "president", "minister", "king", "prince",
    "ambassador", "commander", "sir", "his", "excellency", "majesty", "late", "hazrat", "martyrs", "signor", "signora",
    "monsieur", "madame", "mme", "herr", "senor", "señor", "miss", "lord", "lady", "pope", "father", "saint", "st.",
    "prime", "vice", "deputy", "chancellor", "premier", "secretary", "emir", "sultan", "queen",
})
# Lower-case particles inside a person's name: "Charles de Gaulle", "Hafez al-Assad".
PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "do", "van", "von", "der", "la", "le", "y", "-"})


@functools.cache
def _given_names() -> frozenset[str]:
    text = (resources.files("onrecord") / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def given_name(word: str) -> bool:
    """Whether ``word`` is a given name of the census list (``data/given_names.txt``: "Francesca", "Jake")."""
    return word.lower() in _given_names()

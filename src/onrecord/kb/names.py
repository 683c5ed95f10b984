"""The words around names: titles and honorifics before a person's name, particles inside it."""

from __future__ import annotations

HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "martyr", "sayyed", "sayyid", "seyyed", "sheikh", "shaikh",
    "ayatollah", "hojatoleslam", "imam", "general", "gen.", "haj", "hajj", "president", "minister", "king", "prince",
    "ambassador", "commander", "sir", "his", "excellency", "majesty", "late", "hazrat", "martyrs", "signor", "signora",
    "monsieur", "madame", "mme", "herr", "senor", "señor", "miss", "lord", "lady", "pope", "father", "saint", "st.",
    "prime", "vice", "deputy", "chancellor", "premier", "secretary", "emir", "sultan", "queen",
})
# Lower-case particles inside a person's name: "Charles de Gaulle", "Hafez al-Assad".
PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "do", "van", "von", "der", "la", "le", "y", "-"})

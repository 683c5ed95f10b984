"""How often a corpus hears each UN General Debate speech in the voice of the state that gave it.

    .venv/bin/pip install pycountry==26.2.16   # part of the test extra
    .venv/bin/python scripts/voice_agreement.py --corpus /tmp/full/final.db

The UNGDC names every speech ``ISO_SESSION_YEAR.txt`` (ISO 3166-1 alpha-3 code of the state). Each stored
document whose file is so named, and whose state the knowledge base knows by a name pycountry gives for the
code, is checked: is its voice (table ``voices``) that state, and would the country it mentions most have been?
"""

from __future__ import annotations

import argparse
import sqlite3
from collections import Counter
from pathlib import Path

import pycountry

from onrecord.kb import load_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="onrecord.db")
    args = parser.parse_args()
    keys = {}  # a country's name, lowercased -> its key in voices (the QID, else the name, lowercased)
    for entry in load_kb().entries.values():
        if entry.type == "country":
            for name in (entry.name, *(n for n, form in entry.names if form == "name")):
                keys.setdefault(name.lower(), (entry.qid or entry.name).lower())
    connection = sqlite3.connect(f"file:{args.corpus}?mode=ro", uri=True)
    voices = dict(connection.execute("SELECT doc, actor FROM voices"))
    most = dict(connection.execute(
        "SELECT doc, actor FROM (SELECT doc, actor, row_number() OVER (PARTITION BY doc ORDER BY mentions DESC, first)"
        " AS place FROM country_mentions) WHERE place = 1"))
    checked, heard, mentioned, missed, unmentioned = 0, 0, 0, Counter[str](), Counter[str]()
    for doc, source in connection.execute("SELECT rowid, source FROM documents"):
        code = Path(source).name.split("_")[0]
        country = pycountry.countries.get(alpha_3=code) if len(code) == 3 and code.isupper() else None
        names = [getattr(country, field, "") for field in ("name", "common_name", "official_name")] if country else []
        key = next((keys[n.lower()] for n in names if n and n.lower() in keys), None)
        if key is None or doc not in most:
            continue
        checked += 1
        heard += voices.get(doc) == key
        mentioned += most[doc] == key
        if voices.get(doc) != key:
            missed[code] += 1
        if most[doc] != key:
            unmentioned[code] += 1
    print(f"{checked} speeches checked: voice is the speaker's state for {heard} ({heard / checked:.1%}); "
          f"the most-mentioned country would be for {mentioned} ({mentioned / checked:.1%})")
    for label, counter in (("voice", missed), ("most-mentioned", unmentioned)):
        print(f"{label}, most missed:", ", ".join(f"{code} {count}" for code, count in counter.most_common(10)))


if __name__ == "__main__":
    main()

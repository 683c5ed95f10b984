"""The knowledge base of actors: bundled data, role dates, user files that win, malformed files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from onrecord.errors import KnowledgeBaseError
from onrecord.kb import load_kb, parse_kb


def test_kb_bundled_has_every_un_member_state_and_the_region() -> None:
    kb = load_kb()
    countries = [e for e in kb.entries.values() if e.type == "country"]
    assert len(countries) == 199  # 193 members, Palestine, the Holy See and four former states
    assert kb.entries["israel"].qid == "Q801"
    assert kb.names["zionist regime"] == (("israel", "epithet"),)
    assert kb.names["daesh"] == (("daesh", "name"),)


def test_kb_holder_follows_the_document_date() -> None:
    kb = load_kb()
    assert kb.holder("President of Syria", "1990-01-01") == "hafez-al-assad"
    assert kb.holder("President of Syria", "2010-01-01") == "bashar-al-assad"
    assert kb.holder("President of Syria", "1970-01-01") == "nureddin-al-atassi"
    assert kb.holder("President of Syria", "1960-01-01") is None  # the United Arab Republic's years
    assert kb.holder("Leader of the Islamic Revolution", None) == "ali-khamenei"
    assert kb.holder("Leader of the Islamic Revolution", "1985-05-05") == "ruhollah-khomeini"


def test_kb_user_file_extends_and_wins(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("actors:\n- {id: acme, name: Acme Corp, type: organization, aliases: [Israel]}\n", encoding="utf-8")
    kb = load_kb(user)
    assert kb.names["acme corp"] == (("acme", "name"),)
    assert kb.names["israel"] == (("acme", "alias"),)
    assert "iran" in kb.entries


def test_kb_file_gives_more_roles_to_an_actor_of_another_file(tmp_path: Path) -> None:
    user = tmp_path / "roles.yaml"
    user.write_text("actors: []\nroles:\n- {id: iran, titles: [Ruler of Nowhere], from: 1901-02-03, to: 1902}\n",
                    encoding="utf-8")
    kb = load_kb(user)
    assert kb.holder("Ruler of Nowhere", "1901-06-01") == "iran"
    assert kb.holder("Ruler of Nowhere", "1903-01-01") is None
    assert kb.entries["iran"].name == "Iran"


@pytest.mark.parametrize(("text", "message"), [
    ("actors: []\nroles:\n- {id: nobody, titles: [King], from: 1990}\n",
     "a role for an actor the knowledge base does not have, {f}: 'nobody', give the id of an actor entry"),
    ("actors: []\nroles:\n- {titles: [King], from: 1990}\n",
     "malformed knowledge-base entry, {f} line 3, field 'id', give each role the id of the actor who held it"),
    ("actors:\n- {id: x, type: person}\n", "malformed knowledge-base entry, {f} line 2, field 'name', give every actor a 'name'"),
    ("actors:\n- id: x\n  name: X\n  type: planet\n", "malformed knowledge-base entry, {f} line 4, field 'type', use one of "
     "country, person, organization, group, place, other"),
    ("actors:\n- {id: x, name: X, type: person, roles: [{titles: [King], from: soon}]}\n",
     "malformed knowledge-base entry, {f} line 2, field 'from', give a date as YYYY, YYYY-MM or YYYY-MM-DD, or null"),
    ("people: []\n", "a knowledge base is a mapping with an 'actors' list, {f} line 1, field 'actors', start the file with 'actors:'"),
    ("actors: [\n", "the knowledge base is not valid YAML, {f} line 2, fix the YAML syntax"),
])
def test_kb_malformed_user_file_names_file_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    user = tmp_path / "bad.yaml"
    user.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        load_kb(user)
    assert str(error.value) == message.format(f=user)


def test_kb_undated_title_names_a_person_only_after_long_tenure() -> None:
    kb = load_kb()
    assert kb.holder("Leader of the Revolution", None) == "ali-khamenei"
    assert kb.holder("Prime Minister of Iraq", None) is None
    assert kb.office("Iraqi Prime Minister") == "office:prime minister of iraq"
    assert kb.entries["office:prime minister of iraq"].name == "Prime Minister of Iraq"
    assert kb.holder("President of Syria", "1960-01-01") is None
    assert kb.office("President of Syria") == "office:president of syria"
    assert kb.entries[kb.cities["damascus"]].type == "place"


def test_kb_holder_of_a_year_held_the_title_all_of_it_alone() -> None:
    kb = load_kb()
    # Khamenei was President from October 1981 to August 1989, Rafsanjani after him.
    assert kb.holder("President of Iran", "1985") == "ali-khamenei"
    assert kb.holder("President of Iran", "1989") is None
    assert kb.holder("President of Iran", "1981") is None
    assert kb.holder("President of Iran", "1989-09") == "akbar-hashemi-rafsanjani"
    assert kb.holder("Leader of the Revolution", "1985") == "ruhollah-khomeini"
    assert kb.holder("Leader of the Revolution", "1989") is None
    assert kb.holder("Leader of the Revolution", "1990") == "ali-khamenei"
    # Presidents of the General Assembly change every September: no year has a single one.
    assert kb.holder("President of the General Assembly", "1975") is None
    assert kb.office("President of the General Assembly") == "office:president of the general assembly"


def test_kb_bundled_references_and_ids_are_consistent() -> None:
    kb = load_kb()
    entries = [e for e in kb.entries.values() if not e.id.startswith(("office:", "city:"))]
    assert [e.id for e in entries if e.affiliation and e.affiliation not in kb.entries] == []
    qids = [e.qid for e in entries if e.qid]
    assert sorted({q for q in qids if qids.count(q) > 1}) == []
    assert all(r.start is None or r.end is None or r.start <= r.end for e in entries for r in e.roles)


def test_kb_bundled_ids_are_unique_across_files() -> None:
    # A later file silently replaces an entry of an earlier one with the same id: a person added twice
    # (leaders.yaml and middle-east.yaml, say) would lose the roles of one of the two.
    folder = resources.files("onrecord") / "data" / "actors"
    files: dict[str, list[str]] = {}
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if item.name.endswith(".yaml"):
            for entry in parse_kb(item.read_text(encoding="utf-8"), item.name):
                files.setdefault(entry.id, []).append(item.name)
    assert len(files) > 1000
    assert {ident: names for ident, names in files.items() if len(names) > 1} == {}

"""Knowledge-base YAML to entries, with errors that name the file, the line and the field."""

from __future__ import annotations

import re
from typing import Any

import yaml

from onrecord.errors import KnowledgeBaseError
from onrecord.kb.entry import Entry, Role, surname_of
from onrecord.record import ActorType, MentionForm

TYPES: tuple[ActorType, ...] = ("country", "person", "organization", "group", "place", "other")
_LISTS: dict[str, MentionForm] = {
    "aliases": "alias", "adjectives": "alias", "capitals": "alias", "epithets": "epithet", "honorifics": "epithet",
}
_FIELDS = ("id", "name", "type", "qid", "surname", "affiliation", "roles", "home_names", *_LISTS)
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_QID = re.compile(r"Q[1-9]\d*")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The C parser, which keeps line marks on nodes and is ten times faster than the Python one, without
    implicit tags: every value is read as the text it is (a date stays "2001-01-20"), so none is worth
    resolving (resolving them was a third of the time the knowledge base took to load)."""

    yaml_implicit_resolvers: dict[str, list[tuple[str, object]]] = {}  # noqa: RUF012


_LOADER = _Loader


def parse_kb(text: str, source: str) -> list[Entry]:
    """The entries of a knowledge-base file; ``source`` names the file in error messages."""
    return parse_file(text, source)[0]


def parse_file(text: str, source: str) -> tuple[list[Entry], list[tuple[str, Role]]]:
    """The entries of a knowledge-base file, and the roles it gives actors entered elsewhere (its top-level
    ``roles`` list: ``{id, titles, from, to}``, e.g. a foreign minister's term for a leader of another file)."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise KnowledgeBaseError("the knowledge base is not valid YAML", f"{source}{line}", "fix the YAML syntax") from None
    if not isinstance(root, yaml.MappingNode) or _key(root, "actors") is None:
        raise KnowledgeBaseError("a knowledge base is a mapping with an 'actors' list", f"{source} line 1, field 'actors'",
                                 "start the file with 'actors:'")
    actors = _key(root, "actors")
    if not isinstance(actors, yaml.SequenceNode):
        raise _bad(source, actors, "actors", "make 'actors' a list of entries")
    entries = [_entry(node, source) for node in actors.value]
    seen: set[str] = set()
    for node, entry in zip(actors.value, entries, strict=True):
        if entry.id in seen:
            raise _bad(source, node, "id", f"give {entry.id!r} to one entry only")
        seen.add(entry.id)
    more = _key(root, "roles")
    if more is not None and not isinstance(more, yaml.SequenceNode):
        raise _bad(source, more, "roles", "make the top-level 'roles' a list of {id, titles, from, to}")
    roles = []
    for node in more.value if more is not None else ():
        ident = _text({key.value: value for key, value in node.value}, "id", node, source) \
            if isinstance(node, yaml.MappingNode) else None
        if ident is None:
            raise _bad(source, node, "id", "give each role the id of the actor who held it")
        node = yaml.MappingNode(node.tag, [(k, v) for k, v in node.value if k.value != "id"], node.start_mark,
                                node.end_mark)
        roles.append((ident, _role(node, source)))
    return entries, roles


def _entry(node: Any, source: str) -> Entry:
    if not isinstance(node, yaml.MappingNode):
        raise _bad(source, node, "actors", "make each actor a mapping with id, name and type")
    fields = {key.value: value for key, value in node.value}
    for name, value in fields.items():
        if name not in _FIELDS:
            raise _bad(source, value, name, f"use only {', '.join(_FIELDS)}")
    ident, name = _text(fields, "id", node, source), _text(fields, "name", node, source)
    kind = _text(fields, "type", node, source)
    if ident is None or name is None or kind is None:
        missing = next(f for f in ("id", "name", "type") if _text(fields, f, node, source) is None)
        raise _bad(source, node, missing, f"give every actor an {missing!r}" if missing == "id" else f"give every actor a {missing!r}")
    if kind not in TYPES:
        raise _bad(source, fields["type"], "type", f"use one of {', '.join(TYPES)}")
    qid = _text(fields, "qid", node, source)
    if qid is not None and not _QID.fullmatch(qid):
        raise _bad(source, fields["qid"], "qid", "give a Wikidata id like Q801, or leave it out")
    names: list[tuple[str, MentionForm]] = [(name, "name")]
    for key, form in _LISTS.items():
        names += [(alias, form) for alias in _strings(fields, key, source)]
    surname = _text(fields, "surname", node, source)
    return Entry(
        id=ident, name=name, type=kind, qid=qid, names=tuple(names),
        honorifics=tuple(_strings(fields, "honorifics", source)),
        surname=surname or (surname_of(name) if kind == "person" else None),
        affiliation=_text(fields, "affiliation", node, source),
        roles=tuple(_role(role, source) for role in _sequence(fields, "roles", source)),
        capitals=tuple(_strings(fields, "capitals", source)),
        home_names=tuple(_strings(fields, "home_names", source)),
    )


def _role(node: Any, source: str) -> Role:
    if not isinstance(node, yaml.MappingNode):
        raise _bad(source, node, "roles", "make each role a mapping with titles, from and to")
    fields = {key.value: value for key, value in node.value}
    titles = _strings(fields, "titles", source)
    if not titles:
        raise _bad(source, node, "titles", "give each role at least one title")
    return Role(tuple(titles), _date(fields, "from", source, "-01-01"), _date(fields, "to", source, "-12-31"))


def _date(fields: dict[str, Any], key: str, source: str, pad: str) -> str | None:
    node = fields.get(key)
    if node is None or node.value in ("", "null", "~"):
        return None
    if not isinstance(node, yaml.ScalarNode) or not _DATE.fullmatch(node.value):
        raise _bad(source, node, key, "give a date as YYYY, YYYY-MM or YYYY-MM-DD, or null")
    value: str = node.value
    return value + pad[len(value) - 4 :]


def _text(fields: dict[str, Any], key: str, parent: Any, source: str) -> str | None:
    node = fields.get(key)
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~")):
        return None
    if not isinstance(node, yaml.ScalarNode):
        raise _bad(source, node, key, f"make {key!r} a single text value")
    return str(node.value)


def _sequence(fields: dict[str, Any], key: str, source: str) -> list[Any]:
    node = fields.get(key)
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise _bad(source, node, key, f"make {key!r} a list")
    return list(node.value)


def _strings(fields: dict[str, Any], key: str, source: str) -> list[str]:
    values = []
    for item in _sequence(fields, key, source):
        if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
            raise _bad(source, item, key, f"make every item of {key!r} a non-empty name")
        values.append(str(item.value))
    return values


def _key(node: Any, name: str) -> Any:
    return next((value for key, value in node.value if key.value == name), None)


def _bad(source: str, node: Any, field: str, todo: str) -> KnowledgeBaseError:
    line = node.start_mark.line + 1
    return KnowledgeBaseError("malformed knowledge-base entry", f"{source} line {line}, field {field!r}", todo)

"""Workshop templates: the phases of a workshop, its guiding questions, a starter map.

A template is a YAML file in the bundled ``workshop_templates/`` folder
(:func:`workshop_app.resources.templates_dir`), read with the same hardened
parser as session files and checked field by field; a broken template is
refused with a :class:`TemplateError` that names the file, line and field.

A session started from a template carries the template's phases in its
metadata (``meta.phases``, and the current one in ``meta.phase``), so the
guide works on the saved file alone, with no template installed.

Examples
--------
>>> [info.name for info in list_templates() if info.language == "en"]
['customer-service-responsibility', 'escalation-path-review']
>>> session = session_from_template("customer-service-responsibility")
>>> session.meta["phases"][0]["id"], session.meta["phase"]
('priorities', 0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from workshop_app.domain import (
    LANGUAGES,
    AddEdge,
    AddNode,
    DomainError,
    EdgeKind,
    InsertCase,
    NodeKind,
    Operation,
    Session,
    check_id,
)
from workshop_app.fileformat import SessionFormatError, parse_yaml
from workshop_app.fileformat.errors import format_path
from workshop_app.fileformat.parser import Lines
from workshop_app.resources import templates_dir

__all__ = [
    "MAX_MINUTES",
    "Phase",
    "Template",
    "TemplateError",
    "TemplateInfo",
    "default_phases",
    "list_templates",
    "load_template",
    "parse_template",
    "session_from_template",
    "session_phases",
]

#: The longest timebox a phase may have (a full workshop day).
MAX_MINUTES = 480
#: The template whose phases guide a session that has none, by language.
DEFAULT_TEMPLATE = {"de": "kundenservice-verantwortung", "en": "customer-service-responsibility"}

_SUFFIX = ".yaml"
_KEYS = {"name", "title", "language", "description", "phases", "starter"}
_PHASE_KEYS = {"id", "title", "minutes", "questions"}
_NODE_KEYS = {"id", "kind", "label"}
_EDGE_KEYS = {"source", "target", "kind"}
_CASE_KEYS = {"id", "title", "responsibility"}

Place = tuple[str | int, ...]


class TemplateError(ValueError):
    """A template that cannot be used: the message names the file, line and field.

    Examples
    --------
    >>> str(TemplateError("must be text", source="a.yaml", line=3, field="title"))
    'a.yaml, line 3, title: must be text'
    """

    def __init__(
        self, problem: str, *, source: str, line: int | None = None, field: str | None = None
    ) -> None:
        self.problem, self.source, self.line, self.field = problem, source, line, field
        place = [
            source,
            *([f"line {line}"] if line is not None else []),
            *([field] if field else []),
        ]
        super().__init__(f"{', '.join(place)}: {problem}")


@dataclass(frozen=True)
class Phase:
    """One step of the workshop: what the group talks about, and for how long."""

    id: str
    title: str
    minutes: int
    questions: tuple[str, ...]

    def to_meta(self) -> dict[str, Any]:
        """The phase as it is stored in a session's ``meta.phases``."""
        return {
            "id": self.id,
            "title": self.title,
            "minutes": self.minutes,
            "questions": list(self.questions),
        }


@dataclass(frozen=True)
class TemplateInfo:
    """What a template offers, as listed by ``workshop-app templates``."""

    name: str
    title: str
    language: str
    description: str
    phases: tuple[Phase, ...]


@dataclass(frozen=True)
class Template(TemplateInfo):
    """A template with its starter map: node, edge and case entries as in a session file."""

    nodes: tuple[Mapping[str, Any], ...] = ()
    edges: tuple[Mapping[str, Any], ...] = ()
    cases: tuple[Mapping[str, Any], ...] = ()


class _Reader:
    """Checks a parsed template and raises a place-naming :class:`TemplateError`."""

    def __init__(self, lines: Lines, source: str) -> None:
        self.lines, self.source = lines, source

    def refuse(self, problem: str, place: Place) -> TemplateError:
        line = next(
            (self.lines[place[:n]] for n in range(len(place), -1, -1) if place[:n] in self.lines),
            None,
        )
        return TemplateError(
            problem, source=self.source, line=line, field=format_path(place) or None
        )

    def mapping(self, value: Any, place: Place, keys: set[str] | None, required: set[str]) -> dict:
        """``value`` as a mapping with the ``required`` keys; ``keys=None`` allows any more."""
        if not isinstance(value, dict):
            raise self.refuse("must be a mapping of fields", place)
        for key in value:
            if keys is not None and key not in keys:
                raise self.refuse(
                    f"unknown field (known: {', '.join(sorted(keys))})", (*place, key)
                )
        for key in sorted(required - set(value)):
            raise self.refuse(f"the field {key!r} is missing", place)
        return value

    def text(self, value: Any, place: Place) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.refuse("must be non-empty text", place)
        return value.strip()

    def items(self, value: Any, place: Place, *, minimum: int = 0) -> list:
        if not isinstance(value, list) or len(value) < minimum:
            raise self.refuse(f"must be a list of at least {minimum} entries", place)
        return value

    def phase(self, value: Any, place: Place) -> Phase:
        entry = self.mapping(value, place, _PHASE_KEYS, _PHASE_KEYS)
        if problem := check_id(entry["id"]):
            raise self.refuse(problem, (*place, "id"))
        minutes = entry["minutes"]
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, int)
            or not 1 <= minutes <= MAX_MINUTES
        ):
            raise self.refuse(
                f"must be a whole number of minutes from 1 to {MAX_MINUTES}", (*place, "minutes")
            )
        questions = self.items(entry["questions"], (*place, "questions"), minimum=1)
        return Phase(
            id=entry["id"],
            title=self.text(entry["title"], (*place, "title")),
            minutes=minutes,
            questions=tuple(
                self.text(q, (*place, "questions", i)) for i, q in enumerate(questions)
            ),
        )


def parse_template(text: str | bytes, source: str, *, name: str | None = None) -> Template:
    """Read and check a template's YAML ``text``; ``name`` must match its ``name`` field.

    Raises
    ------
    TemplateError
        Naming ``source``, the line and the field of the first problem,
        including problems of the starter map (an unknown kind, an edge the
        session format forbids…).
    """
    try:
        data, lines = parse_yaml(text, source)
    except SessionFormatError as error:
        problem = error.problem.format(**error.params)
        raise TemplateError(problem, source=source, line=error.line, field=error.field) from None
    reader = _Reader(lines, source)
    top = reader.mapping(data, (), _KEYS, _KEYS - {"starter"})
    template_name = reader.text(top["name"], ("name",))
    if name is not None and template_name != name:
        raise reader.refuse(f"must be {name!r}, the file's name without {_SUFFIX}", ("name",))
    if top["language"] not in LANGUAGES:
        raise reader.refuse(f"must be one of {', '.join(LANGUAGES)}", ("language",))
    phases = reader.items(top["phases"], ("phases",), minimum=1)
    starter = reader.mapping(
        top.get("starter", {}), ("starter",), {"nodes", "edges", "cases"}, set()
    )
    template = Template(
        name=template_name,
        title=reader.text(top["title"], ("title",)),
        language=top["language"],
        description=reader.text(top["description"], ("description",)),
        phases=tuple(reader.phase(p, ("phases", i)) for i, p in enumerate(phases)),
        nodes=tuple(reader.items(starter.get("nodes", []), ("starter", "nodes"))),
        edges=tuple(reader.items(starter.get("edges", []), ("starter", "edges"))),
        cases=tuple(reader.items(starter.get("cases", []), ("starter", "cases"))),
    )
    _build_starter(template, reader)
    return template


def _build_starter(template: Template, reader: _Reader) -> Session:
    """A session holding the template's starter map, checked by the domain's own rules."""
    session = Session(meta={"title": template.title, "language": template.language})
    entries = [
        *(
            (("starter", "nodes", i), entry, _NODE_KEYS, _add_node)
            for i, entry in enumerate(template.nodes)
        ),
        *(
            (("starter", "edges", i), entry, _EDGE_KEYS, _add_edge)
            for i, entry in enumerate(template.edges)
        ),
        *(
            (("starter", "cases", i), entry, _CASE_KEYS, partial(InsertCase, i))
            for i, entry in enumerate(template.cases)
        ),
    ]
    for place, entry, required, operation in entries:
        fields = reader.mapping(entry, place, None, required)
        try:
            session.apply(operation(fields))
        except DomainError as error:
            raise reader.refuse(str(error), place) from None
    return session


def _add_node(entry: Mapping[str, Any]) -> Operation:
    fields = {k: v for k, v in entry.items() if k not in _NODE_KEYS}
    return AddNode(entry["id"], _kind(NodeKind, entry["kind"]), entry["label"], fields)


def _add_edge(entry: Mapping[str, Any]) -> Operation:
    fields = {k: v for k, v in entry.items() if k not in _EDGE_KEYS}
    return AddEdge(entry["source"], entry["target"], _kind(EdgeKind, entry["kind"]), fields)


def _kind(enum: type[NodeKind] | type[EdgeKind], value: Any) -> Any:
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(member.value for member in enum)
        raise DomainError(f"kind: {value!r} is not one of {known}") from None


def _template_files(folder: Path | None) -> dict[str, Path]:
    folder = templates_dir() if folder is None else folder
    return {path.name.removesuffix(_SUFFIX): path for path in sorted(folder.glob(f"*{_SUFFIX}"))}


def list_templates(folder: Path | None = None) -> list[TemplateInfo]:
    """The templates in ``folder`` (the bundled ones by default), by name.

    Raises :class:`TemplateError` if one of them is broken.
    """
    return [
        TemplateInfo(t.name, t.title, t.language, t.description, t.phases)
        for t in (load_template(name, folder) for name in _template_files(folder))
    ]


def load_template(name: str, folder: Path | None = None) -> Template:
    """The template called ``name`` (its file name without ``.yaml``).

    Raises
    ------
    TemplateError
        When there is no such template (the message lists the known ones)
        or when it is broken (the message names the place).
    """
    files = _template_files(folder)
    path = files.get(name)
    if path is None:
        raise TemplateError(f"no such template; known: {', '.join(files) or 'none'}", source=name)
    try:
        text = path.read_bytes()
    except OSError as error:
        raise TemplateError(
            f"cannot be read ({error.strerror or error})", source=path.name
        ) from None
    return parse_template(text, path.name, name=name)


def session_from_template(name: str, folder: Path | None = None) -> Session:
    """A new session: the template's title, language, phases and starter map."""
    template = load_template(name, folder)
    session = _build_starter(template, _Reader({}, template.name))
    session.meta.update(
        {
            "template": template.name,
            "phases": [phase.to_meta() for phase in template.phases],
            "phase": 0,
        }
    )
    return session


def default_phases(language: str) -> list[Phase]:
    """The phases of the default workshop in ``language``, for a session without any."""
    return list(_bundled_phases(DEFAULT_TEMPLATE.get(language, DEFAULT_TEMPLATE["en"])))


@cache
def _bundled_phases(name: str) -> tuple[Phase, ...]:
    # The guide asks on every edit; the bundled files do not change while the app runs.
    return load_template(name).phases


def session_phases(session: Session) -> list[Phase]:
    """The phases that guide ``session``: its own, else the default ones.

    ``meta.phases`` comes from a file the user may have edited by hand, so
    entries that are not a usable phase are skipped rather than refused.
    """
    stored = session.meta.get("phases")
    phases = [p for p in map(_phase_from_meta, stored if isinstance(stored, list) else []) if p]
    return phases or default_phases(session.language)


def _phase_from_meta(entry: Any) -> Phase | None:
    if not isinstance(entry, dict):
        return None
    title, minutes, questions = entry.get("title"), entry.get("minutes"), entry.get("questions")
    if not isinstance(title, str) or not title.strip():
        return None
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        return None
    questions = [q for q in questions if isinstance(q, str)] if isinstance(questions, list) else []
    phase_id = entry.get("id")
    return Phase(phase_id if isinstance(phase_id, str) else "", title, minutes, tuple(questions))

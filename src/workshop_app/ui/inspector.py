"""The inspector: every field of the selected node or relation, or of the workshop.

Each finished edit is one undoable operation through the controller; the
forms follow the model (an undo, an edit in another view) rather than keeping
their own copy. Ranges and kinds come from the domain's field table
(:data:`workshop_app.domain.NODE_FIELDS`), so the inspector accepts exactly
what a session file may hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import (
    NODE_FIELDS,
    UNSET,
    AddEdge,
    Batch,
    EdgeKind,
    FieldSpec,
    NodeKind,
    Operation,
    RemoveEdge,
    SetEdgeFields,
    SetMeta,
    SetNodeFields,
    allowed_edge_kinds,
)
from workshop_app.i18n import counter
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.inspector_fields import (
    BoolEditor,
    ChoiceEditor,
    DateEditor,
    FieldEditor,
    IntEditor,
    NotesEditor,
    TextEditor,
)
from workshop_app.ui.map.style import edge_kind_name, node_kind_name
from workshop_app.ui.participants import ParticipantsEditor
from workshop_app.ui.views.cases.fields import LEVEL_FIELDS, DurationEditor, LevelEditor

__all__ = ["InspectorDock"]

EdgeKey = tuple[str, str, str]
#: Labels listed when several nodes are selected; a long list would only scroll.
_LISTED_AT_MOST = 12
META_FIELDS = ("title", "client", "date", "facilitator", "language")


def _field_label(name: str) -> str:
    return {
        "label": tr("Label"),
        "notes": tr("Notes"),
        "rank": tr("Rank"),
        "load": tr("Load"),
        "decision_limit": tr("Decision limit"),
        "reconfirm": tr("Must be re-confirmed by someone else"),
        "critical": tr("Critical"),
        "good_enough": tr("Good enough when"),
        "trigger": tr("Trigger"),
        "after": tr("Goes up after"),
        "delegation": tr("Delegation today"),
        "delegation_target": tr("Delegation target"),
        "kind": tr("Relation"),
        "title": tr("Title"),
        "client": tr("Client"),
        "date": tr("Date"),
        "facilitator": tr("Facilitator"),
        "language": tr("Workshop language"),
        "participants": tr("Participants"),
    }.get(name, name)


def _editor_for(spec: FieldSpec) -> FieldEditor:
    if spec.name in LEVEL_FIELDS:
        return LevelEditor()
    if spec.type == "int":
        return IntEditor(spec, suffix=" %" if spec.name == "load" else "")
    if spec.type == "bool":
        return BoolEditor(_field_label(spec.name))
    return NotesEditor() if spec.name == "notes" else TextEditor()


class _Form(QWidget):
    """A column of field editors; reports each finished edit by field name."""

    def __init__(self, on_commit: Callable[[str], None]) -> None:
        super().__init__()
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column = QVBoxLayout(self)
        column.addLayout(self.layout_)
        column.addStretch(1)  # spare height goes below the fields, not between them
        self.editors: dict[str, FieldEditor] = {}
        self.infos: dict[str, QLabel] = {}
        self._on_commit = on_commit

    def add_info(self, name: str, label: str) -> None:
        """A read-only line (id, kind, ends of a relation)."""
        value = QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)  # a label "<b>A&B</b>" reads as written
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setWordWrap(True)
        self.infos[name] = value
        self.layout_.addRow(label, value)

    def add(self, name: str, editor: FieldEditor) -> None:
        self.editors[name] = editor
        editor.committed.connect(lambda: self._on_commit(name))
        if isinstance(editor, BoolEditor):
            self.layout_.addRow(editor.widget)
        else:
            self.layout_.addRow(_field_label(name), editor.widget)

    def load(self, values: Mapping[str, Any], *, force: bool) -> None:
        """Show ``values``; without ``force``, a field being typed in is left alone."""
        for name, editor in self.editors.items():
            if force or not editor.is_being_edited():
                editor.set_value(values.get(name, UNSET))


class InspectorDock(QDockWidget):
    """Shows and edits what is selected on the map (the workshop itself when nothing is)."""

    #: an edit was refused before it reached the session; the argument says why
    refused = Signal(str)

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(tr("Inspector"), parent)
        self.setObjectName("inspector_dock")
        self._controller = controller
        self._subject: tuple[str, Any] = ("meta", None)
        self._pages = QStackedWidget()
        self._edge_kind = ChoiceEditor([])
        self._meta = self._build_meta_form()
        # Only the workshop's form is in view at start; the forms of node kinds
        # and of relations are built on first selection (start-up time).
        self._nodes: dict[NodeKind, _Form] = {}
        self._edge: _Form | None = None
        self._many = QLabel()
        self._many.setObjectName("inspector_selection")
        self._many.setTextFormat(Qt.TextFormat.PlainText)
        self._many.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._many.setWordWrap(True)
        self._many.setContentsMargins(9, 9, 9, 9)
        self._pages.addWidget(self._many)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._pages)
        self.setWidget(scroll)
        controller.changed.connect(self._on_changed)
        controller.sessionReplaced.connect(self._on_session_replaced)
        self.refresh(force=True)

    # --- building -------------------------------------------------------------

    def _new_form(self) -> _Form:
        form = _Form(self._commit)
        self._pages.addWidget(form)
        return form

    def _build_meta_form(self) -> _Form:
        form = self._new_form()
        heading = QLabel(tr("Workshop details (shown when nothing is selected)"))
        heading.setWordWrap(True)
        form.layout_.addRow(heading)
        for name in META_FIELDS[:-1]:
            form.add(name, DateEditor() if name == "date" else TextEditor())
        form.add("language", ChoiceEditor([("de", "Deutsch"), ("en", "English")]))
        participants = ParticipantsEditor()
        participants.refused.connect(self.refused)
        form.add("participants", participants)
        return form

    def _node_form(self, kind: NodeKind) -> _Form:
        if kind in self._nodes:
            return self._nodes[kind]
        form = self._nodes[kind] = self._new_form()
        form.add_info("kind", tr("Kind"))
        form.add_info("id", tr("Id"))
        form.add("label", TextEditor())
        for spec in NODE_FIELDS[kind]:
            if spec.name != "position":
                form.add(spec.name, _editor_for(spec))
        return form

    def _edge_form(self) -> _Form:
        if self._edge is not None:
            return self._edge
        form = self._edge = self._new_form()
        form.add("kind", self._edge_kind)
        form.add_info("source", tr("From"))
        form.add_info("target", tr("To"))
        form.add("trigger", TextEditor(tr("When does a case go there?")))
        form.add("after", DurationEditor())
        form.add("notes", NotesEditor())
        return form

    # --- following the selection and the model --------------------------------

    def show_selection(self, nodes: list[str], edges: list[EdgeKey]) -> None:
        """Inspect the map's selection: one node, one relation, several, or none."""
        self.commit_pending()
        if len(nodes) == 1 and not edges:
            self._subject = ("node", nodes[0])
        elif len(edges) == 1 and not nodes:
            source, target, kind = edges[0]
            self._subject = ("edge", (source, target, str(kind)))
        elif nodes or edges:
            self._subject = ("many", (tuple(nodes), len(edges)))
        else:
            self._subject = ("meta", None)
        self.refresh(force=True)

    def focus_first_field(self) -> None:
        """Put the keyboard into the first field of what is shown."""
        form = self._form()
        for editor in form.editors.values() if form is not None else ():
            if editor.widget.isVisibleTo(self) and editor.widget.isEnabled():
                editor.widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def field_widget(self, name: str) -> QWidget:
        """The editor of field ``name`` for what is shown now (``"label"``, ``"rank"``…)."""
        form = self._form()
        if form is None or name not in form.editors:
            raise KeyError(f"no field {name!r} is shown for {self._subject[0]}")
        return form.editors[name].widget

    def subject(self) -> tuple[str, Any]:
        """What is inspected: ``("node", id)``, ``("edge", (s, t, kind))``, ``("meta", None)``…"""
        return self._subject

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for form in (self._meta, *self._nodes.values(), self._edge):
                for editor in form.editors.values() if form is not None else ():
                    editor.retranslate()
            self.refresh(force=True)  # the kind and relation names are the window's words
        super().changeEvent(event)

    def _on_changed(self, _change: object) -> None:
        self.refresh()

    def _on_session_replaced(self) -> None:
        self._subject = ("meta", None)
        self.refresh(force=True)

    def _exists(self) -> bool:
        kind, key = self._subject
        graph = self._controller.session.graph
        if kind == "node":
            return key in graph
        if kind == "edge":
            return graph.has_edge(*key)
        return True

    def refresh(self, *, force: bool = False) -> None:
        """Show the subject's current values (after any change to the session)."""
        if not self._exists():
            self._subject = ("meta", None)
            force = True
        kind, key = self._subject
        if kind == "node":
            self._show_node(key, force)
        elif kind == "edge":
            self._show_edge(key, force)
        elif kind == "many":
            self._show_many(*key)
        else:
            session = self._controller.session
            self._meta.load({**session.meta, "language": session.language}, force=force)
            self._pages.setCurrentWidget(self._meta)

    def _show_many(self, nodes: tuple[str, ...], edge_count: int) -> None:
        """Several things selected (a finding's subjects, say): name the nodes."""
        session = self._controller.session
        labels = [session.label(n) for n in nodes if n in session.graph]
        shown = labels[:_LISTED_AT_MOST]
        if len(labels) > len(shown):
            shown.append("…")
        n_ = counter(ui_language())
        summary = tr("{nodes} and {edges} selected.").format(
            nodes=n_(len(labels), "node"), edges=n_(edge_count, "relation")
        )
        self._many.setText("\n".join([summary, "", *(f"•  {label}" for label in shown)]))
        self._pages.setCurrentWidget(self._many)

    def _show_node(self, node_id: str, force: bool) -> None:
        attrs = self._controller.session.graph.nodes[node_id]
        kind = NodeKind(attrs["kind"])
        form = self._node_form(kind)
        form.infos["kind"].setText(node_kind_name(kind))
        form.infos["id"].setText(node_id)
        form.load(attrs, force=force)
        self._pages.setCurrentWidget(form)

    def _show_edge(self, key: EdgeKey, force: bool) -> None:
        source, target, kind = key
        session = self._controller.session
        form = self._edge_form()
        choices = allowed_edge_kinds(session.kind(source), session.kind(target))
        self._edge_kind.set_choices([(k.value, edge_kind_name(k)) for k in choices])
        form.infos["source"].setText(session.label(source))
        form.infos["target"].setText(session.label(target))
        for name in ("trigger", "after"):
            form.layout_.setRowVisible(form.editors[name].widget, kind == EdgeKind.ESCALATES_TO)
        form.load({**session.graph.edges[key], "kind": kind}, force=force)
        self._pages.setCurrentWidget(form)

    # --- committing -------------------------------------------------------------

    def _form(self) -> _Form | None:
        """The form of the subject, or None (several selected, or it was deleted)."""
        if not self._exists():
            return None
        kind, key = self._subject
        if kind == "node":
            return self._node_form(self._controller.session.kind(key))
        if kind == "edge":
            return self._edge_form()
        return self._meta if kind == "meta" else None

    def commit_pending(self) -> None:
        """Apply what was typed but not yet confirmed (before the subject changes)."""
        form = self._form()
        if form is not None:
            for name, editor in form.editors.items():
                if editor.is_modified():
                    self._commit(name)

    def _commit(self, name: str) -> None:
        form = self._form()
        if form is None:
            return
        editor = form.editors[name]
        if not editor.is_modified():
            return
        value = editor.value()
        if isinstance(editor, DurationEditor) and (problem := editor.problem()):
            self.refused.emit(problem)
            return
        if name == "label" and value is UNSET:
            self.refused.emit(tr("A node needs a label; the previous one is kept."))
            self.refresh(force=True)
            return
        operation = self._operation(name, value)
        text = tr("Edit {field}").format(field=_field_label(name))
        if (
            self._controller.execute(operation, text)
            and self._subject[0] == "edge"
            and name == "kind"
        ):
            source, target, _old = self._subject[1]
            self._subject = ("edge", (source, target, value))
        self.refresh(force=True)

    def _operation(self, name: str, value: Any) -> Operation:
        kind, key = self._subject
        if kind == "node":
            return SetNodeFields(key, {name: value})
        if kind == "meta":
            return SetMeta({name: value})
        if name != "kind":
            return SetEdgeFields(*key, {name: value})
        source, target, old = key
        fields = dict(self._controller.session.graph.edges[key])
        if value != EdgeKind.ESCALATES_TO:
            fields.pop("trigger", None)
        return Batch(
            (
                RemoveEdge(source, target, EdgeKind(old)),
                AddEdge(source, target, EdgeKind(value), fields),
            )
        )

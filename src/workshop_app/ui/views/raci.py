"""The RACI matrix: responsibilities (rows) by roles (columns), edited in place.

A cell shows the RACI edges from the role to the responsibility. Clicking
it, or Space, cycles A → R → C → I → empty, one undoable step each (the old
edges removed and the new one added as one batch); the keys A, R, C and I
set a letter directly, Delete clears the cell. Rows and columns whose node
is a subject of an open finding are marked in the header, with the
finding's message as the tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.analysis import Finding, Severity
from workshop_app.domain import (
    AddEdge,
    Batch,
    Change,
    EdgeKind,
    NodeKind,
    Operation,
    RemoveEdge,
    Session,
)
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr
from workshop_app.ui.views._widgets import quoted

__all__ = ["RACI_CYCLE", "RaciModel", "RaciTable", "RaciWidget", "next_raci_kind"]

#: The order a click walks through; after the last comes an empty cell.
RACI_CYCLE = (EdgeKind.ACCOUNTABLE, EdgeKind.RESPONSIBLE, EdgeKind.CONSULTED, EdgeKind.INFORMED)
_LETTER = {
    EdgeKind.ACCOUNTABLE: "A",
    EdgeKind.RESPONSIBLE: "R",
    EdgeKind.CONSULTED: "C",
    EdgeKind.INFORMED: "I",
}
_BY_KEY = {
    Qt.Key.Key_A: EdgeKind.ACCOUNTABLE,
    Qt.Key.Key_R: EdgeKind.RESPONSIBLE,
    Qt.Key.Key_C: EdgeKind.CONSULTED,
    Qt.Key.Key_I: EdgeKind.INFORMED,
}
_CELL_BACKGROUND = {
    EdgeKind.ACCOUNTABLE: QColor("#cfe0f5"),
    EdgeKind.RESPONSIBLE: QColor("#e3eefa"),
}
_FLAG_BACKGROUND = {
    Severity.ERROR: QColor("#f4c7c3"),
    Severity.WARNING: QColor("#fde7a9"),
    Severity.INFO: QColor("#e8eaed"),
}
_FLAG = "\u26a0 "


def next_raci_kind(present: list[EdgeKind]) -> EdgeKind | None:
    """The kind after the first one ``present`` in the cycle; ``None`` means empty.

    Examples
    --------
    >>> next_raci_kind([]), next_raci_kind([EdgeKind.INFORMED])
    (<EdgeKind.ACCOUNTABLE: 'accountable'>, None)
    """
    if not present:
        return RACI_CYCLE[0]
    position = RACI_CYCLE.index(present[0]) + 1
    return RACI_CYCLE[position] if position < len(RACI_CYCLE) else None


def _kind_names() -> dict[EdgeKind, str]:
    return {
        EdgeKind.ACCOUNTABLE: tr("accountable (A)"),
        EdgeKind.RESPONSIBLE: tr("responsible (R)"),
        EdgeKind.CONSULTED: tr("consulted (C)"),
        EdgeKind.INFORMED: tr("informed (I)"),
    }


class RaciModel(QAbstractTableModel):
    """Responsibilities by roles, following the controller's signals."""

    def __init__(self, controller: SessionController, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rows: list[str] = []
        self.columns: list[str] = []
        self._flags: dict[str, list[Finding]] = {}
        self._findings: list[Finding] = []
        self._reload()
        controller.changed.connect(self._follow)
        controller.sessionReplaced.connect(self._follow)
        controller.findingsChanged.connect(self._follow_findings)

    @property
    def session(self) -> Session:
        return self.controller.session

    def _ids(self) -> tuple[list[str], list[str]]:
        session = self.session

        def by_label(kind: NodeKind) -> list[str]:
            return sorted(
                session.nodes_of_kind(kind), key=lambda n: (session.label(n).casefold(), n)
            )

        return by_label(NodeKind.RESPONSIBILITY), by_label(NodeKind.ROLE)

    def _reload(self) -> None:
        self.rows, self.columns = self._ids()
        self._flags = {}
        self._findings = list(self.controller.findings)
        for finding in self._findings:
            if not finding.accepted:
                for subject in finding.subjects:
                    self._flags.setdefault(subject, []).append(finding)

    def _follow(self, change: Change | None = None) -> None:
        if change is not None and change.positions_only:  # nothing here shows positions
            return
        if self._ids() != (self.rows, self.columns):
            self.beginResetModel()
            self._reload()
            self.endResetModel()
            return
        self._reload()
        if self.rows and self.columns:
            last = self.index(len(self.rows) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self._headers_changed()

    def _follow_findings(self) -> None:
        # The rows already follow the change these findings come from (it is told first).
        if self.controller.findings != self._findings:
            self._reload()
            self._headers_changed()

    def _headers_changed(self) -> None:
        if self.rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def kinds_at(self, index: QModelIndex) -> list[EdgeKind]:
        """The RACI kinds in a cell, in cycle order."""
        role, responsibility = self.columns[index.column()], self.rows[index.row()]
        edges = self.session.graph.get_edge_data(role, responsibility) or {}
        return [kind for kind in RACI_CYCLE if kind.value in edges]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        kinds = self.kinds_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return "/".join(_LETTER[kind] for kind in kinds)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and kinds and kinds[0] in _CELL_BACKGROUND:
            return QBrush(_CELL_BACKGROUND[kinds[0]])
        if role == Qt.ItemDataRole.FontRole and EdgeKind.ACCOUNTABLE in kinds:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and kinds:
            names = _kind_names()
            return tr("{role} → {responsibility}: {kinds}").format(
                role=self.session.label(self.columns[index.column()]),
                kinds=", ".join(names[kind] for kind in kinds),
                responsibility=quoted(self.session.label(self.rows[index.row()])),
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        ids = self.columns if orientation == Qt.Orientation.Horizontal else self.rows
        if not 0 <= section < len(ids):
            return None
        node = ids[section]
        flags = self._flags.get(node, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return (_FLAG if flags else "") + self.session.label(node)
        if role == Qt.ItemDataRole.ToolTipRole and flags:
            return "\n".join(finding.message for finding in flags)
        if role == Qt.ItemDataRole.BackgroundRole and flags:
            worst = min((finding.severity for finding in flags), key=lambda s: s.order)
            return QBrush(_FLAG_BACKGROUND[worst])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlags:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    def set_cell(self, index: QModelIndex, kind: EdgeKind | None) -> bool:
        """Make the cell hold only ``kind`` (``None``: nothing), as one undoable step."""
        role, responsibility = self.columns[index.column()], self.rows[index.row()]
        present = self.kinds_at(index)
        if present == ([kind] if kind else []):
            return False
        steps: list[Operation] = [RemoveEdge(role, responsibility, k) for k in present]
        if kind is not None:
            steps.append(AddEdge(role, responsibility, kind))
        text = tr("RACI: {role} / {responsibility}: {letter}").format(
            role=self.session.label(role),
            responsibility=self.session.label(responsibility),
            letter=_LETTER[kind] if kind else tr("empty"),
        )
        return self.controller.execute(Batch(tuple(steps)), text)

    def cycle(self, index: QModelIndex) -> bool:
        """Advance the cell one step: A → R → C → I → empty → A."""
        return self.set_cell(index, next_raci_kind(self.kinds_at(index)))


class RaciTable(QTableView):
    """The matrix: click or Space cycles a cell; A/R/C/I set it; Delete clears it."""

    def __init__(self, model: RaciModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Sized from the labels, not by ResizeToContents: that asks every cell
        # for its size hint (rows x columns calls into Python), and a
        # 5,000-node map did not open within minutes.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(56)
        self.clicked.connect(model.cycle)
        self._label_widths: dict[str, int] = {}
        model.modelReset.connect(self.fit_sections)
        model.headerDataChanged.connect(self._on_header_changed)
        self.fit_sections()

    def _on_header_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.fit_sections()

    def fit_sections(self) -> None:
        """Columns as wide as their role's label, rows one line of the cells' font high."""
        header, model = self.horizontalHeader(), self.model()
        metrics, widths = header.fontMetrics(), self._label_widths
        for column in range(model.columnCount()):
            label = model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = widths.get(label)
            if width is None:
                width = widths[label] = max(
                    header.minimumSectionSize(), metrics.horizontalAdvance(label) + 24
                )
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(
            max(self.fontMetrics().height(), rows.fontMetrics().height()) + 10
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._label_widths.clear()
            self.fit_sections()

    def raci_model(self) -> RaciModel:
        model = self.model()
        assert isinstance(model, RaciModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            key = event.key()
            if key == Qt.Key.Key_Space:
                self.raci_model().cycle(index)
                return
            if key in _BY_KEY:
                self.raci_model().set_cell(index, _BY_KEY[key])
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.raci_model().set_cell(index, None)
                return
        super().keyPressEvent(event)


class RaciWidget(QWidget):
    """The matrix with its legend."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("raci")
        self.model = RaciModel(controller, self)
        self.table = RaciTable(self.model)
        font = self.table.font()
        font.setPointSize(12)
        self.table.setFont(font)
        legend = QLabel(
            tr(
                "A accountable (owns it) · R responsible (does it) · C consulted · I informed. "
                "Click or Space: A → R → C → I → empty. {flag}marks an open finding."
            ).format(flag=_FLAG),
            wordWrap=True,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)

"""The live list of findings, grouped by severity, with the group's reviews.

It follows ``findingsChanged``: the list is brought up to date in place, so
the facilitator's selection, the groups' open state and the scroll position
survive every edit. Selecting a finding asks the map to select its subjects;
"Accept…" and "Reopen" record the group's verdict as an undoable review.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app import vocabulary
from workshop_app.analysis import Finding, Severity
from workshop_app.domain import SetReview, review_key
from workshop_app.ui import dialogs
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr
from workshop_app.ui.map.style import map_style, severity_name

__all__ = ["FindingsDock", "finding_key"]

FindingKey = tuple[str, tuple[str, ...]]
_ACCEPTED_MARK = "✓"
# Qt asks a row for its data with plain ints: compared as ints, no enum lookups
# in a method called for every role of every row painted.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FINDING = Qt.ItemDataRole.UserRole.value  # the row's finding, for whoever reads the list


def finding_key(finding: Finding) -> FindingKey:
    """What identifies a finding across edits: its rule and its subjects."""
    return finding.key


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text: a finding is read in full, never cut off.

    QTreeView asks the delegate for a row's size without telling it the
    column's width, so the plain delegate answers with one line and the text
    is elided; this one measures against the width the row really has.
    """

    _PADDING = 8

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        parent = index.parent()
        if parent.isValid():
            # A finding is in the list's font: only its text is asked of the row
            # (the full style option asks it seven roles, each a call into Python).
            metrics, text = option.fontMetrics, index.data()
        else:
            shown = QStyleOptionViewItem(option)
            self.initStyleOption(shown, index)
            metrics, text = shown.fontMetrics, shown.text
        depth = 1
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        # The style paints the text inside the row less its focus-frame margins.
        margin = self._view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        indent = self._view.indentation() * depth
        width = max(80, self._view.viewport().width() - indent - 2 * margin)
        bounds = QRect(0, 0, width, 1_000_000)
        wrapped = metrics.boundingRect(bounds, Qt.TextFlag.TextWordWrap, text)
        return QSize(width, wrapped.height() + self._PADDING)


class _FindingRow(QTreeWidgetItem):
    """One finding's row, written when Qt asks for it rather than when listed.

    A large map lists thousands of findings, most never scrolled to: setting
    each row's text, tooltip and ink up front built every message and kept
    them all (36 ms and 5.5 MiB at 5,000 nodes). This row keeps the finding
    and writes them only for the rows Qt paints, measures or shows a tooltip
    of, in the window's words of that moment. The list stays a QTreeWidget:
    its model is C++, so the layout after an edit stays as fast as before.
    """

    __slots__ = ("_dim", "finding")

    def __init__(self, finding: Finding, dim: QBrush) -> None:
        super().__init__()
        #: the finding shown; the dock swaps it when the analysis rewrites it
        self.finding = finding
        self._dim = dim

    def data(self, column: int, role: int) -> object:
        """The row's text, tooltip, ink and finding, from the finding as it is now."""
        if role == _DISPLAY:
            finding = self.finding
            if finding.accepted:
                return f"{_ACCEPTED_MARK} {finding.message}\n{self._verdict()}"
            return finding.message
        if role == _TOOLTIP:
            finding = self.finding
            tooltip = f"{finding.code}: {', '.join(finding.subjects)}"
            return f"{tooltip}\n{self._verdict()}" if finding.accepted else tooltip
        if role == _FOREGROUND:
            # Accepted findings step back; the others keep the list's ink.
            return self._dim if self.finding.accepted else None
        if role == _FINDING:
            return self.finding
        # The base class by name: no super() object in a call made this often.
        return QTreeWidgetItem.data(self, column, role)

    def _verdict(self) -> str:
        note = self.finding.note
        return tr("Accepted: {note}").format(note=note) if note else tr("Accepted by the group")


class _FindingsTree(QTreeWidget):
    """The list itself; rows are measured again when its width changes."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


def _group_title(severity: Severity, open_count: int, accepted: int) -> str:
    name = tr("{severity}: {open} open").format(severity=severity_name(severity), open=open_count)
    if accepted:
        name += tr(", {accepted} accepted").format(accepted=accepted)
    return name


class FindingsDock(QDockWidget):
    """Findings by severity; the selected one's subjects are selected on the map."""

    #: the facilitator selected a finding; the argument is its subjects' ids
    subjectsSelected = Signal(list)

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(tr("Findings"), parent)
        self.setObjectName("findings_dock")
        self._controller = controller
        self._shown: list[Finding] | None = None
        # Accepted findings step back, but stay legible through a washed-out
        # projector (a disabled grey vanished): the vocabulary's secondary ink.
        self._dim = QBrush(QColor(vocabulary.DETAIL_INK))
        self.tree = _FindingsTree()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The list is what the room reads: a size larger than the rest of the chrome.
        font = QFont(self.tree.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.tree.setFont(font)
        self.tree.setAccessibleName(tr("Findings"))
        self._groups: dict[Severity, QTreeWidgetItem] = {}
        #: each group's findings as listed, with their rows
        self._listed: dict[Severity, list[tuple[Finding, _FindingRow]]] = {}
        self._glyphs: dict[Severity, str] = {}
        style = map_style(False)
        for severity in Severity:
            group = QTreeWidgetItem(self.tree)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            mark = style.marks[severity]
            group.setForeground(0, QBrush(mark.color.darker(130)))
            group.setExpanded(True)
            self._groups[severity] = group
            self._glyphs[severity] = mark.glyph
        self.accept_button = QPushButton(tr("&Accept…"))
        self.accept_button.setToolTip(tr("The group accepts this finding as it is (with a note)"))
        self.reopen_button = QPushButton(tr("&Reopen"))
        self.reopen_button.setToolTip(tr("Take back the group's acceptance"))
        self.accept_button.clicked.connect(self.accept_current)
        self.reopen_button.clicked.connect(self.reopen_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.tree.currentItemChanged.connect(self._on_current_changed)
        controller.findingsChanged.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._shown = None  # the group titles are in the window's words
            self.refresh()
            # So are the rows' verdicts, written when asked: measured and painted anew.
            self.tree.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    # --- the list -----------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the list up to date with the controller's findings.

        Only what changed is touched: a group whose findings are the same ones
        keeps its rows (their texts follow renamed labels), so a long list of
        notes is not rebuilt because an owner was added elsewhere.
        """
        findings = sorted(self._controller.findings, key=Finding.sort_key)
        if findings == self._shown:
            return  # most edits (a move, a note) change no finding
        self._shown = findings
        current = self.current_finding()
        wanted = finding_key(current) if current is not None else None
        scroll = self.tree.verticalScrollBar().value()
        self.tree.setUpdatesEnabled(False)
        with QSignalBlocker(self.tree):
            rows: dict[FindingKey, _FindingRow] = {}
            for severity, group in self._groups.items():
                mine = [f for f in findings if f.severity == severity]
                rows.update(self._update_group(severity, group, mine))
            restored = rows.get(wanted) if wanted is not None else None
            if restored is not self.tree.currentItem():
                self.tree.setCurrentItem(restored)
        self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(scroll)
        self._update_buttons()

    def _update_group(
        self, severity: Severity, group: QTreeWidgetItem, findings: list[Finding]
    ) -> dict[FindingKey, _FindingRow]:
        accepted = sum(f.accepted for f in findings)
        title = _group_title(severity, len(findings) - accepted, accepted)
        group.setText(0, f"{self._glyphs[severity]}  {title}")
        listed = self._listed.get(severity, [])
        old_keys = [finding_key(f) for f, _ in listed]
        new_keys = [finding_key(f) for f in findings]
        kept = set(old_keys) & set(new_keys)
        if old_keys == new_keys:
            rows = [row for _, row in listed]
            for (old, row), new in zip(listed, findings, strict=True):
                if old is not new and old != new:
                    self._show(row, new)
        elif len(set(new_keys)) == len(new_keys) and [k for k in old_keys if k in kept] == [
            k for k in new_keys if k in kept
        ]:
            # An edit adds or removes a few findings: only their rows come and go,
            # the others keep their place (and Qt its measured heights).
            for index in reversed(range(len(old_keys))):
                if old_keys[index] not in kept:
                    group.takeChild(index)
            by_key = {key: entry for key, entry in zip(old_keys, listed, strict=True)}
            rows = []
            for index, (key, finding) in enumerate(zip(new_keys, findings, strict=True)):
                entry = by_key.get(key)
                if entry is None:
                    row = _FindingRow(finding, self._dim)
                    group.insertChild(index, row)
                else:
                    old, row = entry
                    if old is not finding and old != finding:
                        self._show(row, finding)
                rows.append(row)
        else:
            group.takeChildren()
            rows = [_FindingRow(finding, self._dim) for finding in findings]
            group.addChildren(rows)
        self._listed[severity] = list(zip(findings, rows, strict=True))
        return dict(zip(new_keys, rows, strict=True))

    def _show(self, row: _FindingRow, finding: Finding) -> None:
        """Let ``row`` show ``finding``: Qt reads it anew, and measures the row again."""
        row.finding = finding
        row.emitDataChanged()

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.finding if isinstance(item, _FindingRow) else None

    def select_finding(self, code: str, subjects: tuple[str, ...] | list[str]) -> bool:
        """Make the finding ``code`` about ``subjects`` the current one; False if absent."""
        wanted = review_key(code, subjects)
        for listed in self._listed.values():
            for finding, row in listed:
                if finding_key(finding) == wanted:
                    self.tree.setCurrentItem(row)
                    return True
        return False

    def _on_current_changed(self) -> None:
        self._update_buttons()
        finding = self.current_finding()
        if finding is not None:
            self.subjectsSelected.emit(list(finding.subjects))

    def _update_buttons(self) -> None:
        finding = self.current_finding()
        self.accept_button.setEnabled(finding is not None and not finding.accepted)
        self.reopen_button.setEnabled(finding is not None and finding.accepted)

    # --- reviews ------------------------------------------------------------------

    def accept_current(self) -> None:
        """Ask for the group's note and record the current finding as accepted."""
        finding = self.current_finding()
        if finding is None or finding.accepted:
            return
        note = dialogs.ask_accept_note(self, finding.message)
        if note is None:
            return
        review = {"status": "accepted", **({"note": note} if note else {})}
        self._controller.execute(
            SetReview(finding.code, tuple(finding.subjects), review), tr("Accept finding")
        )
        self.tree.setFocus()

    def reopen_current(self) -> None:
        """Take back the group's acceptance of the current finding."""
        finding = self.current_finding()
        if finding is None or not finding.accepted:
            return
        self._controller.execute(
            SetReview(finding.code, tuple(finding.subjects), None), tr("Reopen finding")
        )
        self.tree.setFocus()

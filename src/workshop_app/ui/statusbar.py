"""The status bar's summary of the session: what is on the map, what is still open."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.analysis import Severity
from workshop_app.i18n import counter
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr, ui_language

__all__ = ["SessionSummary"]


class SessionSummary(QLabel):
    """The map's counts, kept up to date.

    "12 nodes · 1 relation · open: 3 points to settle, 1 risk, 0 suggestions".
    """

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setAccessibleName(tr("Session summary"))
        # The findings are recomputed after every change and every new session.
        controller.findingsChanged.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        graph = self._controller.session.graph
        open_by_severity = Counter(f.severity for f in self._controller.findings if not f.accepted)
        n_ = counter(ui_language())
        self.setText(
            tr("{nodes} · {edges} · open: {errors}, {warnings}, {notes}").format(
                nodes=n_(graph.number_of_nodes(), "node"),
                # Counted from the edge view: number_of_edges() sums networkx's
                # degree view, node by node, four times slower on every edit.
                edges=n_(len(graph.edges), "relation"),
                # The findings' client words, as in the findings list and the legend.
                errors=n_(open_by_severity[Severity.ERROR], "point to settle"),
                warnings=n_(open_by_severity[Severity.WARNING], "risk"),
                notes=n_(open_by_severity[Severity.INFO], "suggestion"),
            )
        )

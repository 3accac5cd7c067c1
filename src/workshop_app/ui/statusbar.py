"""The status bar's summary of the session: what is on the map, what is still open."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.analysis import Severity
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr

__all__ = ["SessionSummary"]


class SessionSummary(QLabel):
    """ "12 nodes · 15 relations · open: 3 errors, 5 warnings, 2 notes", kept up to date."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setAccessibleName(tr("Session summary"))
        # The findings are recomputed after every change and every new session.
        controller.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        graph = self._controller.session.graph
        open_by_severity = Counter(f.severity for f in self._controller.findings if not f.accepted)
        self.setText(
            tr(
                "{nodes} nodes · {edges} relations · "
                "open: {errors} errors, {warnings} warnings, {notes} notes"
            ).format(
                nodes=graph.number_of_nodes(),
                # Counted from the edge view: number_of_edges() sums networkx's
                # degree view, node by node, four times slower on every edit.
                edges=len(graph.edges),
                errors=open_by_severity[Severity.ERROR],
                warnings=open_by_severity[Severity.WARNING],
                notes=open_by_severity[Severity.INFO],
            )
        )

"""The case being walked in the window, kept current with the map, and its animation.

One :class:`WalkState` per window: the walk panel edits it, the map overlays
(the main map and the presentation map) draw it. The case is a draft — a
responsibility, an amount, who is absent — that may be one of the session's
saved cases. Whenever the session changes (an edit, an undo, another file)
the case is walked again; a changed result is shown at once, without
replaying the animation, so the group sees what its edit did to the case.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation, Signal

from workshop_app.cases import CaseWalk, walk_case
from workshop_app.domain import Change
from workshop_app.ui.controller import SessionController

__all__ = ["STEP_MS", "WalkState"]

#: How long the case takes from one role to the next in the animation.
STEP_MS = 900


class WalkState(QObject):
    """The draft case, its walk on the current map, and how far the animation has got."""

    #: the case or its walk changed (a new case, an edit of the map)
    walkChanged = Signal()
    #: the animation moved on; ``progress`` is the number of stops shown
    progressChanged = Signal(float)

    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.case: dict[str, Any] | None = None
        self.case_id: str | None = None
        self.walk: CaseWalk | None = None
        self.progress = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.Linear)
        self._animation.valueChanged.connect(self._advance)
        controller.changed.connect(self.rewalk)
        controller.sessionReplaced.connect(self._session_replaced)

    @property
    def stops(self) -> int:
        """How many roles the case reaches (the end of the animation)."""
        return len(self.walk.steps) if self.walk is not None else 0

    def show_case(
        self, case: Mapping[str, Any] | None, case_id: str | None = None, *, animate: bool = True
    ) -> None:
        """Walk ``case`` (``None``: nothing) and play it from the start, or show it whole."""
        self.case = dict(case) if case is not None else None
        self.case_id = case_id
        self.walk = self._walked()
        self.walkChanged.emit()
        if animate:
            self.play()
        else:
            self.show_all()

    def play(self) -> None:
        """Run the animation from the first stop to the last."""
        self._animation.stop()
        if self.walk is None:
            self._advance(0.0)
            return
        end = float(max(self.stops, 1))
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(end)
        self._animation.setDuration(int(STEP_MS * end))
        self._animation.start()

    def step(self, delta: int) -> None:
        """Show one stop more (``+1``) or fewer (``-1``), without animation."""
        self._animation.stop()
        whole = round(self.progress) if delta > 0 else int(-(-self.progress // 1))
        self._advance(float(min(max(whole + delta, 0), self.stops)))

    def show_all(self) -> None:
        self._animation.stop()
        self._advance(float(self.stops))

    @property
    def running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    def rewalk(self, change: Change | None = None) -> None:
        """Walk the case again on the map as it is now; a new result is shown whole."""
        if change is not None and change.positions_only:
            return  # where the nodes are does not change a walk
        if self.case_id is not None:
            saved = self.controller.session.case(self.case_id)
            if saved is None:
                self.case_id = None  # the saved case is gone; the draft stays
            else:
                self.case = dict(saved)
        before = self.walk
        self.walk = self._walked()
        if self.walk != before:
            self.walkChanged.emit()
            self.show_all()

    def _session_replaced(self) -> None:
        self.case = None
        self.case_id = None
        self.walk = None
        self._animation.stop()
        self.walkChanged.emit()
        self._advance(0.0)

    def _walked(self) -> CaseWalk | None:
        case = self.case
        graph = self.controller.session.graph
        if case is None or graph.nodes.get(case.get("responsibility"), {}).get("kind") != (
            "responsibility"
        ):
            return None
        absent = [role for role in case.get("absent") or () if role in graph]
        return walk_case(self.controller.session, {**case, "absent": absent})

    def _advance(self, value: Any) -> None:
        self.progress = float(value)
        self.progressChanged.emit(self.progress)

"""Presentation mode: the map and the open findings, one at a time, for the room.

A separate full-screen window: a second map view in presentation style and
a walkthrough panel in large, high-contrast type, without toolbars or
inspector. Right/PageDown go to the next open finding and Left/PageUp to
the previous one (a presenter's clicker sends these), selecting its
subjects on the map; the group accepts it (with a note for the protocol)
or keeps it open. Escape or F11 leaves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.analysis import Finding
from workshop_app.analysis.measures import proposed_owner
from workshop_app.domain import InsertAction, NodeKind, SetReview
from workshop_app.ui.controller import SessionController
from workshop_app.ui.guards import wheel_only_when_focused
from workshop_app.ui.i18n import tr, ui_language
from workshop_app.ui.views._widgets import full_screen_keys, quoted, text_label
from workshop_app.ui.views.actions import action_from_finding, owner_label, role_by_label
from workshop_app.ui.views.fitting import fit_type
from workshop_app.ui.views.prompts import group_question
from workshop_app.ui.views.timer import Timebox, format_clock
from workshop_app.vocabulary import severity_name

__all__ = ["MIN_POINT_SIZE", "PresentationWindow", "point_size_for"]

#: The smallest type presentation mode uses at 1920 x 1080 (readable from the back row).
MIN_POINT_SIZE = 18
_REFERENCE_HEIGHT = 1080
_BASE_AT_REFERENCE = 20

_STYLE = """
#presentationPanel { background: #ffffff; border-left: 3px solid #000000; }
#presentationPanel QLabel { color: #000000; }
#presentationPanel QLabel#severity { color: #ffffff; border-radius: 6px; padding: 4px 14px; }
#presentationPanel QLabel#severity[level="error"] { background: #a50e0e; }
#presentationPanel QLabel#severity[level="warning"] { background: #8a4b00; }
#presentationPanel QLabel#severity[level="info"] { background: #3c4043; }
#presentationPanel QLabel#subjects { color: #202124; }
#presentationPanel QLabel#hint, #presentationPanel QLabel#feedback { color: #3c4043; }
#presentationPanel QLabel#questionCaption { color: #1a56c4; }
#presentationPanel QLabel#clock { color: #000000; }
#presentationPanel QLabel#clock[over="true"] { background: #f6c343; border-radius: 6px; }
#presentationPanel QLineEdit { border: 2px solid #000000; border-radius: 6px; padding: 6px;
    color: #000000; background: #ffffff; }
#presentationPanel QPushButton { border: 2px solid #000000; border-radius: 8px; padding: 10px 22px;
    color: #000000; background: #ffffff; }
#presentationPanel QPushButton:focus { border: 4px solid #1a56c4; }
#presentationPanel QPushButton#accept { background: #0b5d1e; color: #ffffff;
    border-color: #0b5d1e; }
#presentationPanel QPushButton:disabled { color: #80868b; border-color: #80868b; }
"""

MapFactory = Callable[[SessionController], QWidget]


def point_size_for(screen_height: int) -> int:
    """The body type size for a screen ``screen_height`` pixels tall (never below 18 pt)."""
    return max(MIN_POINT_SIZE, round(_BASE_AT_REFERENCE * screen_height / _REFERENCE_HEIGHT))


class PresentationWindow(QWidget):
    """Full-screen map and findings walkthrough; ``closed`` is emitted when it is left."""

    closed = Signal()

    def __init__(
        self,
        controller: SessionController,
        map_factory: MapFactory,
        timebox: Timebox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setWindowTitle(tr("Presentation"))
        self.controller = controller
        self.timebox = timebox
        self.findings: list[Finding] = []
        self.position = 0
        self.map_view = map_factory(controller)
        self.map_view.set_presentation(True)
        self._build()
        self._bind_keys()
        controller.findingsChanged.connect(self._follow_findings)
        controller.sessionReplaced.connect(self._restart)
        if timebox is not None:
            timebox.changed.connect(self._show_time)
        self.apply_scale(_REFERENCE_HEIGHT)
        self._restart()

    def _build(self) -> None:
        panel = QFrame(objectName="presentationPanel")
        panel.setStyleSheet(_STYLE)
        self.panel = panel
        self._planned: dict[QWidget, int] = {}
        self.position_label = QLabel(objectName="position")
        self.severity_label = QLabel(objectName="severity")
        self.clock_label = QLabel(objectName="clock")
        self.clock_label.setVisible(self.timebox is not None)
        self.message_label = text_label("message")
        self.subjects_label = text_label("subjects")
        self.question_caption = text_label("questionCaption")
        self.question_caption.setText(tr("Question for the group"))
        self.question_label = text_label("question")
        self.note_edit = QLineEdit(placeholderText=tr("Note for the protocol (optional)"))
        self.accept_button = QPushButton(tr("Accept"), objectName="accept", clicked=self.accept)
        self.keep_button = QPushButton(tr("Keep open"), clicked=self.keep_open)
        self.action_button = QPushButton(tr("Create action"), clicked=self.create_action)
        self.owner_caption = QLabel(tr("Owner:"))
        self.owner_edit = QComboBox(editable=True)
        self.owner_edit.lineEdit().setPlaceholderText(tr("Owner of the action"))
        wheel_only_when_focused(self.owner_edit)
        self.feedback_label = text_label("feedback")
        hint = text_label("hint")
        hint.setText(tr("→ next · ← back · Esc leaves"))
        hint.setToolTip(tr("→ / PageDown next · ← / PageUp previous · Esc leaves"))

        top = QHBoxLayout()
        top.addWidget(self.position_label)
        top.addWidget(self.severity_label)
        top.addStretch(1)
        top.addWidget(self.clock_label)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.keep_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        action = QHBoxLayout()
        action.addWidget(self.action_button)
        action.addWidget(self.owner_caption)
        action.addWidget(self.owner_edit, 1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(self.subjects_label)
        layout.addSpacing(6)
        layout.addWidget(self.question_caption)
        layout.addWidget(self.question_label)
        layout.addStretch(1)
        layout.addWidget(self.note_edit)
        layout.addLayout(buttons)
        layout.addLayout(action)
        layout.addWidget(self.feedback_label)
        layout.addWidget(hint)

        # Text that does not fit even at the smallest type scrolls; it is never cut off.
        self.scroll = QScrollArea(objectName="presentationScroll")
        self.scroll.setWidget(panel)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().installEventFilter(self)
        self.outer = QHBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(0)
        self.outer.addWidget(self.map_view, 3)
        self.outer.addWidget(self.scroll, 2)

    def _bind_keys(self) -> None:
        def keys(*codes: Qt.Key) -> list[QKeySequence]:
            return [QKeySequence(code) for code in codes]

        bindings = (
            (keys(Qt.Key.Key_Right, Qt.Key.Key_PageDown), self.next_finding),
            (keys(Qt.Key.Key_Left, Qt.Key.Key_PageUp), self.previous_finding),
            ([*keys(Qt.Key.Key_Escape), *full_screen_keys()], self.close),
        )
        for sequences, slot in bindings:
            for sequence in sequences:
                QShortcut(sequence, self, slot, context=Qt.ShortcutContext.WindowShortcut)

    def apply_scale(self, screen_height: int) -> None:
        """Plan the type for a screen ``screen_height`` pixels tall, and fit it."""
        base = point_size_for(screen_height)
        sizes = {self.message_label: round(base * 1.5), self.question_label: round(base * 1.2)}
        bold = (self.message_label, self.severity_label, self.clock_label, self.question_caption)
        self._planned = {}
        for widget in self.panel.findChildren(QWidget):
            font = QFont(widget.font())
            font.setBold(widget in bold)
            font.setItalic(widget is self.question_label)
            widget.setFont(font)
            self._planned[widget] = sizes.get(widget, base)
        # On a narrow screen the text gets half the width, not two fifths.
        narrow = screen_height < _REFERENCE_HEIGHT
        self.outer.setStretch(0, 1 if narrow else 3)
        self.outer.setStretch(1, 1 if narrow else 2)
        self.fit_text()

    def fit_text(self) -> None:
        """Shrink the type towards 18 pt where the finding would not fit; then scroll."""
        viewport = self.scroll.viewport()
        fit_type(self.panel, self._planned, viewport.width(), viewport.height(), MIN_POINT_SIZE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_text()
        return False

    def present(self) -> None:
        """Show full screen, on a second screen (the projector) when there is one."""
        window = self.parentWidget().window() if self.parentWidget() else None
        own = window.screen() if window else QApplication.primaryScreen()
        others = [s for s in QApplication.screens() if s is not own]
        screen = others[0] if others else own
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.apply_scale(screen.geometry().height())
        self.showFullScreen()
        self.activateWindow()
        self.panel.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show(keep_note=True)  # "Finding 3 of 9", the subjects line
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    # --- the walkthrough ----------------------------------------------------

    def current(self) -> Finding | None:
        return self.findings[self.position] if self.findings else None

    def next_finding(self) -> None:
        self._go(self.position + 1)

    def previous_finding(self) -> None:
        self._go(self.position - 1)

    def accept(self) -> None:
        """The group accepts the finding as it is; the note goes into the protocol."""
        finding = self.current()
        if finding is None:
            return
        review = {"status": "accepted"}
        if note := self.note_edit.text().strip():
            review["note"] = note
        self.controller.execute(
            SetReview(finding.code, finding.subjects, review), tr("Accept finding")
        )

    def keep_open(self) -> None:
        """The finding stays open (a note is kept with it); go on to the next one."""
        finding = self.current()
        if finding is None:
            return
        if note := self.note_edit.text().strip():
            self.controller.execute(
                SetReview(finding.code, finding.subjects, {"status": "open", "note": note}),
                tr("Keep finding open"),
            )
        self.next_finding()

    def create_action(self) -> None:
        """Turn the finding into an agreed measure, owned by the role the group named."""
        finding = self.current()
        if finding is None:
            return
        session = self.controller.session
        typed = self.owner_edit.currentText().strip()
        owner = role_by_label(session, typed) or typed
        action = action_from_finding(session, finding, owner)
        if self.controller.execute(
            InsertAction(len(session.actions), action), tr("Create action from finding")
        ):
            text = tr("Action added: {text}").format(text=action["text"])
            if owner:
                text += " · " + tr("Owner: {owner}").format(owner=owner_label(session, owner))
            self.feedback_label.setText(text)
            self.feedback_label.show()
            self.fit_text()

    def _propose_owner(self, finding: Finding) -> None:
        """Offer the roles, the one proposed for ``finding`` chosen."""
        session = self.controller.session
        self.owner_edit.clear()
        self.owner_edit.addItems(
            sorted(session.label(r) for r in session.nodes_of_kind(NodeKind.ROLE))
        )
        owner = proposed_owner(session, finding)
        self.owner_edit.setCurrentText(session.label(owner) if owner else "")

    def _restart(self) -> None:
        self.findings = [f for f in self.controller.findings if not f.accepted]
        self.position = 0
        self._show()

    def _follow_findings(self) -> None:
        """Keep the finding on screen; if it was accepted, the next one takes its place."""
        findings = [f for f in self.controller.findings if not f.accepted]
        if findings == self.findings:
            return
        key = _key(self.current())
        self.findings = findings
        keys = [_key(f) for f in findings]
        if key in keys:
            # Still open (its wording may have changed): keep the note being typed.
            self.position = keys.index(key)
            self._show(keep_note=True)
            return
        self.position = min(self.position, max(0, len(findings) - 1))
        self._show()

    def _go(self, position: int) -> None:
        if self.findings and 0 <= position < len(self.findings) and position != self.position:
            self.position = position
            self._show()

    def _show(self, *, keep_note: bool = False) -> None:
        self._fill(keep_note=keep_note)
        self.fit_text()

    def _fill(self, *, keep_note: bool) -> None:
        finding = self.current()
        if not keep_note:
            self.note_edit.clear()
            self.feedback_label.clear()
            self.feedback_label.hide()  # no empty line taking room
        controls = (self.note_edit, self.owner_edit)
        for widget in (*controls, self.accept_button, self.keep_button, self.action_button):
            widget.setEnabled(finding is not None)
        if finding is None:
            self.position_label.setText(tr("No open findings"))
            self.severity_label.hide()
            self.message_label.setText(tr("Nothing on the map is unclear any more."))
            self.subjects_label.clear()
            self._show_question(None)
            self.map_view.select_subjects([])
            return
        session = self.controller.session
        self.position_label.setText(
            tr("Finding {n} of {count}").format(n=self.position + 1, count=len(self.findings))
        )
        self.severity_label.setText(severity_name(finding.severity, ui_language()))
        self.severity_label.setProperty("level", finding.severity.value)
        self.severity_label.style().unpolish(self.severity_label)
        self.severity_label.style().polish(self.severity_label)
        self.severity_label.show()
        self.message_label.setText(finding.message)
        self.subjects_label.setText(
            tr("Concerns: {labels}").format(
                labels=", ".join(quoted(session.label(s)) for s in finding.subjects)
            )
        )
        self._show_question(group_question(finding.code))
        review = session.review_for(finding.code, finding.subjects)
        if not keep_note and review and review.get("note"):
            self.note_edit.setText(str(review["note"]))
        if not keep_note:
            self._propose_owner(finding)
        self.map_view.select_subjects(list(finding.subjects))

    def _show_question(self, question: str | None) -> None:
        self.question_label.setText(question or "")
        self.question_caption.setVisible(bool(question))
        self.question_label.setVisible(bool(question))

    def _show_time(self) -> None:
        assert self.timebox is not None
        self.clock_label.setText(format_clock(self.timebox.remaining()))
        over = self.timebox.running and self.timebox.is_over()
        if self.clock_label.property("over") != over:
            self.clock_label.setProperty("over", over)
            self.clock_label.style().unpolish(self.clock_label)
            self.clock_label.style().polish(self.clock_label)


def _key(finding: Finding | None) -> tuple[str, tuple[str, ...]] | None:
    return (finding.code, finding.subjects) if finding else None

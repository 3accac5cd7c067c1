"""The guide: the workshop's current phase, its guiding questions and its timebox.

The phases come from the session (``meta.phases``, written when it was
started from a template) or, for a session without any, from the default
workshop in the session's language (:func:`workshop_app.templates.session_phases`).
The current phase is part of the session (``meta.phase``), so it is saved
with the file; changing it is navigation, not an edit: it is no undo step
(:meth:`SessionController.navigate`), and the timebox keeps running. Each
phase keeps the time spent in it, so going back a phase by mistake and
forward again loses nothing; Reset starts the phase's time afresh.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import Change, SetMeta
from workshop_app.templates import Phase, session_phases
from workshop_app.ui.controller import SessionController
from workshop_app.ui.i18n import tr
from workshop_app.ui.views._widgets import row, sized, text_label
from workshop_app.ui.views.timer import Timebox, format_clock

__all__ = ["EXTEND_MINUTES", "GuideWidget", "current_phase_index"]

#: What "+5 min" adds to the timebox.
EXTEND_MINUTES = 5

_STYLE = """
QLabel#guideStep { color: #4a4a4a; }
QLabel#guideClock { color: #111111; background: #eef1f4; border-radius: 8px; padding: 4px 12px; }
QLabel#guideClock[over="true"] { color: #111111; background: #f6c343; }
QLabel#guideClock[running="false"][over="false"] { color: #5a5a5a; }
"""


def current_phase_index(meta: dict, count: int) -> int:
    """The index of the current phase in ``meta`` (0 when missing or out of range)."""
    index = meta.get("phase")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
        return 0
    return index


class GuideWidget(QWidget):
    """Phase title, guiding questions, a big timebox and phase navigation.

    Parameters
    ----------
    controller
        The session being edited; the phase index is changed through it.
    timebox
        The countdown to show (shared with presentation mode).
    signal
        Called once when the time is up (a soft system beep by default).
    """

    def __init__(
        self,
        controller: SessionController,
        timebox: Timebox,
        signal: Callable[[], None] = QApplication.beep,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.controller = controller
        self.timebox = timebox
        self._signal = signal
        self._phases: list[Phase] = []
        self._index = -1
        #: (duration, elapsed) of the phases left since this session was shown
        self._spent: dict[int, tuple[float, float]] = {}
        self._build()
        controller.changed.connect(self._sync)
        controller.sessionReplaced.connect(self._restart)
        timebox.changed.connect(self._show_time)
        timebox.expired.connect(self._time_is_up)
        self._restart()

    def _build(self) -> None:
        self.setStyleSheet(_STYLE)
        self.step_label = QLabel(objectName="guideStep")
        self.title_label = sized(text_label("guideTitle"), 16, bold=True)
        self.questions_label = sized(text_label("guideQuestions"), 13)
        # Rich text only for the hanging indent; every question is escaped.
        self.questions_label.setTextFormat(Qt.TextFormat.RichText)
        self.questions_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.clock_label = sized(text_label("guideClock"), 44, bold=True)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock_label.setWordWrap(False)
        self.clock_label.setFont(_clock_font(self.clock_label.font()))

        self.start_button = QPushButton(clicked=self.timebox.toggle)
        self.extend_button = QPushButton(
            tr("+{minutes} min").format(minutes=EXTEND_MINUTES),
            clicked=lambda: self.timebox.extend(EXTEND_MINUTES * 60),
        )
        self.extend_button.setToolTip(tr("Give the group more time"))
        self.reset_button = QPushButton(tr("Reset"), clicked=self._reset_clock)
        self.previous_button = QPushButton(tr("◀ Previous phase"), clicked=self.previous_phase)
        self.next_button = QPushButton(tr("Next phase ▶"), clicked=self.next_phase)
        self.agenda_label = QLabel(objectName="guideStep")
        self.agenda = QListWidget(objectName="guideAgenda")
        self.agenda.setMaximumHeight(180)
        self.agenda.setWordWrap(True)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda.itemClicked.connect(lambda item: self.go_to(self.agenda.row(item)))

        # On a short screen the questions scroll; the clock and the buttons stay in view.
        self.questions_area = QScrollArea(objectName="guideQuestionsArea")
        self.questions_area.setWidget(self.questions_label)
        self.questions_area.setWidgetResizable(True)
        self.questions_area.setFrameShape(QFrame.Shape.NoFrame)
        self.questions_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions_area.setMinimumHeight(60)
        self.agenda.setMinimumHeight(48)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.questions_area, 1)
        layout.addWidget(self.clock_label)
        layout.addLayout(row(self.start_button, self.extend_button, self.reset_button))
        layout.addLayout(row(self.previous_button, self.next_button))
        layout.addSpacing(8)
        layout.addWidget(self.agenda_label)
        layout.addWidget(self.agenda)

    def sizeHint(self) -> QSize:
        # Narrow enough to leave the map the room, wide enough for a question per line or two.
        return QSize(420, 720)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # On a short screen the agenda gives way to the questions of the phase.
        self.agenda.setMaximumHeight(max(60, min(180, self.height() // 5)))
        super().resizeEvent(event)

    # --- phases -------------------------------------------------------------

    @property
    def phases(self) -> list[Phase]:
        return list(self._phases)

    @property
    def index(self) -> int:
        return self._index

    def go_to(self, index: int) -> None:
        """Make phase ``index`` the current one (saved with the session, not undoable)."""
        if not 0 <= index < len(self._phases) or index == self._index:
            return
        self.controller.navigate(SetMeta({"phase": index}))

    def next_phase(self) -> None:
        self.go_to(self._index + 1)

    def previous_phase(self) -> None:
        self.go_to(self._index - 1)

    def _restart(self) -> None:
        self._index = -1
        self._spent.clear()
        self.timebox.pause()
        self._sync()

    def _sync(self, change: Change | None = None) -> None:
        """Follow the session: the timebox goes along to a new phase; a new agenda resets it."""
        if change is not None and not change.meta:  # the phases live in the metadata
            return
        session = self.controller.session
        phases = session_phases(session)
        index = current_phase_index(session.meta, len(phases))
        if phases == self._phases and index == self._index:
            return
        if self._index >= 0 and len(phases) == len(self._phases):
            # The same agenda (perhaps in the other language): the time goes on.
            self._spent[self._index] = (self.timebox.duration, self.timebox.elapsed())
        else:
            self._spent.clear()
        self._phases, self._index = phases, index
        self._show_phase()
        self.timebox.switch(*self._spent.pop(index, (phases[index].minutes * 60, 0.0)))

    def _show_phase(self) -> None:
        phases, index = self._phases, self._index
        phase = phases[index]
        self.step_label.setText(
            tr("Phase {n} of {count} · {minutes} min").format(
                n=index + 1, count=len(phases), minutes=phase.minutes
            )
        )
        self.title_label.setText(phase.title)
        self.questions_label.setText(_questions_html(phase.questions))
        self._show_agenda()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(phases) - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._phases:
            # The window's words change; the phases stay in the session's language.
            self._show_phase()
            self._show_time()
        super().changeEvent(event)

    def _show_agenda(self) -> None:
        total = sum(phase.minutes for phase in self._phases)
        self.agenda_label.setText(tr("Agenda · {minutes} min").format(minutes=total))
        self.agenda.clear()
        for number, phase in enumerate(self._phases, start=1):
            item = QListWidgetItem(f"{number}. {phase.title} · {phase.minutes} min")
            if number - 1 == self._index:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.agenda.addItem(item)
        self.agenda.setCurrentRow(self._index)

    # --- timebox ------------------------------------------------------------

    def _reset_clock(self) -> None:
        self.timebox.reset(self._phases[self._index].minutes * 60)

    def _show_time(self) -> None:
        over, running = self.timebox.is_over(), self.timebox.running
        self.clock_label.setText(format_clock(self.timebox.remaining()))
        self.clock_label.setToolTip(tr("Overtime") if over and running else "")
        self.start_button.setText(tr("Pause") if running else tr("Start"))
        for name, value in (("over", over and running), ("running", running)):
            if self.clock_label.property(name) != value:
                self.clock_label.setProperty(name, value)
                self.clock_label.style().unpolish(self.clock_label)
                self.clock_label.style().polish(self.clock_label)

    def _time_is_up(self) -> None:
        self._signal()


def _questions_html(questions: tuple[str, ...]) -> str:
    """The questions as a bulleted list with a hanging indent (text escaped)."""
    rows = "".join(
        f'<tr><td style="padding-right:6px">•</td>'
        f'<td style="padding-bottom:10px">{html.escape(question)}</td></tr>'
        for question in questions
    )
    return f"<table>{rows}</table>"


def _clock_font(font: QFont) -> QFont:
    # Digits of equal width, so the clock does not jitter while it counts.
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
    return font

"""The RACI matrix on a large map: sized from its labels, never cell by cell."""

from __future__ import annotations

from PySide6.QtCore import Qt

from benchmarks.orgs import generate_organisation
from workshop_app.domain import SetNodeFields
from workshop_app.ui.controller import SessionController
from workshop_app.ui.views.raci import RaciModel, RaciWidget


def test_a_large_matrix_opens_without_asking_every_cell(qtbot, monkeypatch) -> None:
    asked = []
    original = RaciModel.data
    monkeypatch.setattr(
        RaciModel,
        "data",
        lambda self, index, role=Qt.ItemDataRole.DisplayRole: (
            asked.append(1) or original(self, index, role)
        ),
    )
    controller = SessionController(generate_organisation(1000))
    widget = RaciWidget(controller)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    model = widget.model
    assert model.rowCount() * model.columnCount() > 100_000
    # Only what is on screen is asked for, not a hundred thousand cells.
    assert len(asked) < 20_000


def test_a_column_grows_with_its_role_label(qtbot) -> None:
    controller = SessionController(generate_organisation(50))
    widget = RaciWidget(controller)
    qtbot.addWidget(widget)
    header = widget.table.horizontalHeader()
    role = widget.model.columns[0]
    before = header.sectionSize(0)
    controller.execute(SetNodeFields(role, {"label": "Head of escalations, weekends"}), "Rename")
    column = widget.model.columns.index(role)
    label = widget.model.headerData(column, Qt.Orientation.Horizontal)
    assert header.sectionSize(column) > before
    assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(label)

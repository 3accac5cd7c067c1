"""The RACI matrix: responsibilities by roles, cycled by click and key, findings flagged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop_app.domain import AddEdge, EdgeKind, SetReview
from workshop_app.ui.views.raci import RaciWidget


@pytest.fixture
def raci(qtbot, views_controller) -> RaciWidget:
    widget = RaciWidget(views_controller)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(raci: RaciWidget, responsibility: str, role: str):
    model = raci.model
    return model.index(model.rows.index(responsibility), model.columns.index(role))


def click(qtbot, raci: RaciWidget, index) -> None:
    rect = raci.table.visualRect(index)
    qtbot.mouseClick(raci.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_rows_are_responsibilities_and_columns_roles(raci) -> None:
    model = raci.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert [h.removeprefix("\u26a0 ") for h in header] == ["Agent", "Team lead"]
    assert [r.removeprefix("\u26a0 ") for r in rows] == ["Complaints", "Refunds"]
    assert cell(raci, "x_refund", "r_lead").data() == "A"
    assert cell(raci, "x_refund", "r_agent").data() == "R"
    assert cell(raci, "x_complaints", "r_agent").data() == ""


def test_a_click_cycles_a_r_c_i_empty_one_undo_step_each(raci, views_controller, qtbot) -> None:
    index = cell(raci, "x_complaints", "r_agent")
    seen = []
    for _ in range(5):
        click(qtbot, raci, index)
        seen.append(index.data())
    assert seen == ["A", "R", "C", "I", ""]
    assert views_controller.undo_stack.count() == 5
    views_controller.undo_stack.undo()
    assert index.data() == "I"
    graph = views_controller.session.graph
    assert set(graph.get_edge_data("r_agent", "x_complaints")) == {"informed"}


def test_space_cycles_and_letters_set_the_current_cell(raci, views_controller, qtbot) -> None:
    index = cell(raci, "x_complaints", "r_lead")
    raci.table.setCurrentIndex(index)
    qtbot.keyClick(raci.table, Qt.Key.Key_Space)
    assert index.data() == "A"
    qtbot.keyClick(raci.table, Qt.Key.Key_Space)
    assert index.data() == "R"
    qtbot.keyClick(raci.table, Qt.Key.Key_C)
    assert index.data() == "C"
    qtbot.keyClick(raci.table, Qt.Key.Key_Delete)
    assert index.data() == ""
    assert views_controller.undo_stack.count() == 4


def test_a_cell_with_two_letters_shows_both_and_cycles_as_one(raci, views_controller) -> None:
    views_controller.execute(AddEdge("r_lead", "x_refund", EdgeKind.INFORMED), "add")
    index = cell(raci, "x_refund", "r_lead")
    assert index.data() == "A/I"
    raci.model.cycle(index)
    assert index.data() == "R"


def test_headers_of_nodes_with_an_open_finding_are_flagged(raci, views_controller) -> None:
    model = raci.model
    row = model.rows.index("x_complaints")
    assert model.headerData(row, Qt.Orientation.Vertical).startswith("\u26a0 ")
    tooltip = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "Nobody is accountable for “Complaints”" in tooltip
    assert (
        model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.BackgroundRole) is not None
    )

    raci.model.set_cell(cell(raci, "x_complaints", "r_lead"), EdgeKind.ACCOUNTABLE)
    tooltip = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) or ""
    assert "Nobody is accountable" not in tooltip


def test_accepted_findings_are_not_flagged(raci, views_controller) -> None:
    model = raci.model
    column = model.columns.index("r_agent")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Agent"
    for finding in [f for f in views_controller.findings if "x_complaints" in f.subjects]:
        views_controller.execute(
            SetReview(finding.code, finding.subjects, {"status": "accepted"}), "accept"
        )
    row = model.rows.index("x_complaints")
    assert model.headerData(row, Qt.Orientation.Vertical) == "Complaints"
    assert model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) is None


def test_new_roles_and_responsibilities_appear(raci, views_controller) -> None:
    from workshop_app.domain import AddNode, NodeKind

    views_controller.execute(AddNode("r_qm", NodeKind.ROLE, "Quality"), "add")
    assert raci.model.columnCount() == 3
    views_controller.undo_stack.undo()
    assert raci.model.columnCount() == 2

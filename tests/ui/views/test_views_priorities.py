"""The priorities view: ranked list with visible ties, moves and pairwise comparison."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from views_support import small_session

from workshop_app.ui.views.priorities import PrioritiesWidget


@pytest.fixture
def priorities(qtbot, views_controller) -> PrioritiesWidget:
    widget = PrioritiesWidget(views_controller)
    qtbot.addWidget(widget)
    widget.resize(400, 500)
    return widget


def ranks(controller) -> dict[str, int | None]:
    graph = controller.session.graph
    return {n: graph.nodes[n].get("rank") for n in graph if graph.nodes[n]["kind"] == "priority"}


def texts(widget: PrioritiesWidget) -> list[str]:
    return [widget.list.item(row).text() for row in range(widget.list.count())]


def test_the_list_shows_ranks_best_first_with_ties_marked(priorities) -> None:
    assert texts(priorities) == [
        "1 =  Cost",
        "1 =  Speed",
        "2.  Compliance",
        "\u2013  Calm",
        "\u2013  Delight",
    ]
    assert "Speed" in priorities.list.item(0).toolTip()
    assert (
        priorities.list.item(0).background().color() != priorities.list.item(2).background().color()
    )


def test_moving_a_priority_ranks_all_in_one_undoable_step(
    priorities, views_controller, qtbot
) -> None:
    before = ranks(views_controller)
    priorities.list.setCurrentRow(4)  # Delight, unranked
    qtbot.keyClick(priorities.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert texts(priorities)[3] == "4.  Delight"
    assert ranks(views_controller) == {
        "p_cost": 1,
        "p_speed": 2,
        "p_law": 3,
        "p_joy": 4,
        "p_calm": 5,
    }
    assert priorities.list.currentItem().text() == "4.  Delight"
    assert views_controller.undo_stack.count() == 1
    views_controller.undo_stack.undo()
    assert ranks(views_controller) == before


def test_a_drop_moves_the_dragged_priority(priorities, views_controller, qtbot) -> None:
    view = priorities.list
    view.setCurrentRow(2)  # Compliance
    target = QPointF(view.visualItemRect(view.item(0)).center() - QPoint(0, 3))  # upper Cost
    mime = view.model().mimeData([view.currentIndex()])
    drop = QDropEvent(
        target,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only during a real drag; the handler is what a drag ends in.
    view.dropEvent(drop)
    assert drop.dropAction() == Qt.DropAction.IgnoreAction  # Qt must not move the row itself
    qtbot.waitUntil(lambda: texts(priorities)[0] == "1.  Compliance", timeout=1000)
    assert ranks(views_controller)["p_law"] == 1


def test_pairwise_comparison_writes_the_groups_order_in_one_step(
    priorities, views_controller, qtbot
) -> None:
    assert priorities.compare_button.isEnabled()
    qtbot.mouseClick(priorities.compare_button, Qt.MouseButton.LeftButton)
    assert priorities.pages.currentIndex() == 1
    assert priorities.progress_label.text() == "Pair 1 of 2"
    assert {priorities.first_button.text(), priorities.second_button.text()} == {"Cost", "Speed"}
    priorities.answer("p_speed")
    priorities.answer("p_joy")
    assert priorities.pages.currentIndex() == 0
    assert ranks(views_controller) == {
        "p_speed": 1,
        "p_cost": 2,
        "p_law": 3,
        "p_joy": 4,
        "p_calm": 5,
    }
    assert views_controller.undo_stack.count() == 1
    assert not priorities.compare_button.isEnabled()


def unrank(controller, *nodes: str) -> None:
    """Start afresh with a session in which ``nodes`` have no rank."""
    session = small_session()
    for node in nodes:
        session.graph.nodes[node].pop("rank")
    controller.replace_session(session, None)


def answer_in_a_circle(widget: PrioritiesWidget) -> None:
    """Calm over Delight, Delight over Compliance, Compliance over Calm."""
    circle = {
        frozenset(("p_calm", "p_joy")): "p_calm",
        frozenset(("p_joy", "p_law")): "p_joy",
        frozenset(("p_law", "p_calm")): "p_law",
    }
    while (pair := widget.comparison.next_pair()) is not None:
        widget.answer(circle.get(frozenset(pair), pair[0]))


def test_contradicting_answers_are_shown_and_nothing_is_written(
    priorities, views_controller
) -> None:
    unrank(views_controller, "p_law")
    priorities.start_comparison()
    answer_in_a_circle(priorities)
    assert priorities.pages.currentIndex() == 1
    assert priorities.cycle_label.isVisibleTo(priorities)
    assert not priorities.first_button.isVisibleTo(priorities)
    assert not priorities.or_label.isVisibleTo(priorities)
    assert priorities.progress_label.text() == "All 4 pairs answered"
    text = priorities.cycle_label.text()
    assert "contradict" in text
    for label in ("Calm", "Delight", "Compliance"):
        assert f"“{label}” over" in text
    assert views_controller.undo_stack.count() == 0

    priorities.accept_button.click()
    tied = ranks(views_controller)
    assert tied["p_calm"] == tied["p_joy"] == tied["p_law"]
    assert views_controller.undo_stack.count() == 1


def test_asking_again_reopens_the_contradicting_pairs(priorities, views_controller) -> None:
    unrank(views_controller, "p_law")
    priorities.start_comparison()
    answer_in_a_circle(priorities)
    priorities.revisit_button.click()
    assert not priorities.cycle_label.isVisibleTo(priorities)
    assert priorities.first_button.isVisibleTo(priorities)
    reopened = {priorities.first_button.text(), priorities.second_button.text()}
    assert reopened < {"Calm", "Delight", "Compliance"}
    assert views_controller.undo_stack.count() == 0


def test_cancel_leaves_the_ranks_alone(priorities, views_controller) -> None:
    before = ranks(views_controller)
    priorities.start_comparison()
    priorities.answer("p_cost")
    priorities.back_button.click()
    assert priorities.comparison.answered() == 0
    priorities.cancel_comparison()
    assert ranks(views_controller) == before
    assert priorities.pages.currentIndex() == 0

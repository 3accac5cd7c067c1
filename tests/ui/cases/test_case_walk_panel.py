"""The "Walk a case" panel: a case typed or picked is walked, told and drawn on the map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from workshop_app.domain import AddEdge, EdgeKind, Session, SetEdgeFields
from workshop_app.ui.mainwindow import MainWindow
from workshop_app.ui.views.cases.drawing import DECIDED, STALLED
from workshop_app.ui.views.cases.overlay import WalkOverlay
from workshop_app.ui.views.cases.panel import WalkPanel, parse_amount


def open_panel(window: MainWindow) -> WalkPanel:
    window.case_views.docks["walk"].show()
    return window.case_views.walk


def overlays(view: object) -> list[WalkOverlay]:
    return [item for item in view.scene().items() if isinstance(item, WalkOverlay)]


def pick(panel: WalkPanel, title: str) -> None:
    items = panel.saved.findItems(title, Qt.MatchFlag.MatchEndsWith)
    panel.saved.setCurrentItem(items[0])


def tick(panel: WalkPanel, label: str) -> None:
    item: QListWidgetItem = panel.absent.findItems(label, Qt.MatchFlag.MatchExactly)[0]
    item.setCheckState(Qt.CheckState.Checked)


def test_the_saved_cases_are_listed_with_their_outcome(cases_window: MainWindow) -> None:
    panel = open_panel(cases_window)
    assert [panel.saved.item(i).text() for i in range(panel.saved.count())] == [
        "✓ Kulanz 30 €, ein normaler Dienstag",
        "✗ Kulanz 30 €, Teamleitung im Urlaub",
        "✓ Kulanz 120 €, Teamleitung im Urlaub",
    ]


def test_a_stalled_case_says_why_in_words_and_marks_where_on_the_map(
    qtbot: QtBot, cases_window: MainWindow
) -> None:
    panel = open_panel(cases_window)
    pick(panel, "Kulanz 30 €, Teamleitung im Urlaub")
    qtbot.waitUntil(lambda: not panel.state.running, timeout=5000)

    assert panel.outcome.text() == (
        "Stalled: “Teamleitung” has to confirm the decision but is absent, "
        "and nobody else stands in."
    )
    assert panel.steps.text().splitlines() == [
        "1. “Servicekraft 1st Level” takes the case.",
        "2. “Teamleitung” has to confirm the decision. “Teamleitung” is absent.",
    ]
    [overlay] = overlays(cases_window.map_view)
    picture = overlay.picture()
    assert [(badge.node, badge.number) for badge in picture.badges] == [
        ("r_agent", 1),
        ("r_lead", 2),
    ]
    stall = [tag for tag in picture.tags if tag.colour == STALLED]
    assert [tag.text for tag in stall] == ["✗ stalls here: nobody can confirm"]
    assert picture.halos[-1].node == "r_lead" and picture.halos[-1].colour == STALLED
    assert "absent" in [tag.text for tag in picture.tags]
    scene = cases_window.map_view.scene()
    involved = [scene.node_rect(n) for n in ("x_kulanz", "r_agent", "r_lead")]
    for tag in picture.tags:  # no word hides a node of the walk
        assert not any(tag.box.intersects(rect) for rect in involved), tag.text


def test_the_case_travels_step_by_step(qtbot: QtBot, cases_window: MainWindow) -> None:
    panel = open_panel(cases_window)
    pick(panel, "Kulanz 120 €, Teamleitung im Urlaub")
    [overlay] = overlays(cases_window.map_view)
    seen: set[int] = set()
    panel.state.progressChanged.connect(lambda _p: seen.add(len(overlay.picture().badges)))
    qtbot.waitUntil(lambda: not panel.state.running, timeout=5000)
    assert seen >= {0, 1, 2, 3}
    picture = overlay.picture()
    assert [arrow.target for arrow in picture.arrows] == ["r_agent", "r_lead", "r_second"]
    assert [tag.text for tag in picture.tags if tag.colour == DECIDED] == ["✓ decides"]
    assert {"up to 4 hours", "up to 1 day"} <= {tag.text for tag in picture.tags}

    panel.back_button.click()
    assert len(overlay.picture().badges) == 2
    assert not [tag for tag in overlay.picture().tags if tag.colour == DECIDED]
    assert not panel.outcome.isVisible()
    panel.forward_button.click()
    assert panel.outcome.isVisible()


def test_a_case_typed_in_is_walked_as_it_is_typed(qtbot: QtBot, cases_window: MainWindow) -> None:
    panel = open_panel(cases_window)
    panel.new_button.click()
    panel.responsibility.setCurrentIndex(panel.responsibility.findText("Kulanz bis 50 EUR"))
    qtbot.keyClicks(panel.amount_edit, "120,50")
    tick(panel, "Teamleitung")
    walk = panel.state.walk
    assert (walk.decided_by, walk.wait, float(walk.amount)) == ("r_second", "P1DT4H", 120.5)
    assert panel.outcome.text().startswith("Decided: “2nd Level Fachteam” decides after 2")

    panel.amount_edit.setText("1.000,50")  # pasted
    panel.amount_edit.textEdited.emit("1.000,50")
    assert "no thousands mark" in panel.amount_hint.text()
    assert panel.state.walk == walk  # the last readable case stays on the map


def test_amounts_are_read_as_the_group_types_them() -> None:
    assert [parse_amount(t) for t in ("", "120", "120,5", " 75.25 € ", "-3")] == [
        None,
        120,
        120.5,
        75.25,
        -3,
    ]
    for text in ("1.000,50", "zwölf", "12 Euro 50"):
        try:
            parse_amount(text)
        except ValueError:
            continue
        raise AssertionError(text)


def test_saving_changing_and_deleting_cases_are_undoable(
    qtbot: QtBot, cases_window: MainWindow
) -> None:
    panel, session = open_panel(cases_window), cases_window.controller.session
    undo = cases_window.controller.undo_stack
    panel.new_button.click()
    qtbot.keyClicks(panel.title_edit, "Reklamation ohne Betrag")
    panel.responsibility.setCurrentIndex(panel.responsibility.findText("Reklamationen bearbeiten"))
    panel.save_button.click()
    assert session.cases[-1] == {
        "id": "case_4",
        "title": "Reklamation ohne Betrag",
        "responsibility": "x_reklamation",
    }
    assert panel.saved.currentItem().text() == "✓ Reklamation ohne Betrag"

    qtbot.keyClicks(panel.amount_edit, "80")
    panel.save_button.click()
    assert session.case("case_4")["amount"] == 80
    panel.delete_button.click()
    assert session.case("case_4") is None
    for _ in range(3):
        undo.undo()
    assert len(session.cases) == 3
    undo.redo()
    assert session.case("case_4")["title"] == "Reklamation ohne Betrag"
    assert panel.saved.count() == 4


def test_the_case_is_walked_again_when_the_map_changes(cases_window: MainWindow) -> None:
    panel = open_panel(cases_window)
    pick(panel, "Kulanz 30 €, Teamleitung im Urlaub")
    controller = cases_window.controller
    controller.execute(AddEdge("r_second", "r_lead", EdgeKind.DEPUTY_OF), "deputy")
    assert panel.state.walk.decided_by == "r_second"
    assert panel.outcome.text().startswith("Decided: “2nd Level Fachteam” confirms")
    assert panel.saved.item(1).text().startswith("✓")
    controller.undo_stack.undo()
    assert panel.state.walk.reason == "no-confirmer"
    assert panel.saved.item(1).text().startswith("✗")

    pick(panel, "Kulanz 120 €, Teamleitung im Urlaub")
    escalation = ("x_kulanz", "r_lead", EdgeKind.ESCALATES_TO)
    controller.execute(SetEdgeFields(*escalation, {"after": "2d"}), "after")
    assert panel.state.walk.wait == "P3D"
    assert "up to 2 days" in {tag.text for tag in overlays(cases_window.map_view)[0].picture().tags}


def test_the_walk_takes_no_clicks_from_the_map(qtbot: QtBot, cases_window: MainWindow) -> None:
    panel = open_panel(cases_window)
    pick(panel, "Kulanz 120 €, Teamleitung im Urlaub")
    view = cases_window.map_view
    for node in ("r_lead", "g_ton"):  # on the walk, and under the veil
        centre = view.mapFromScene(view.scene().node_rect(node).center())
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        assert view.selected_nodes() == [node]


def test_another_session_clears_the_walk(cases_window: MainWindow) -> None:
    panel = open_panel(cases_window)
    pick(panel, "Kulanz 120 €, Teamleitung im Urlaub")
    cases_window.controller.replace_session(Session(), None)
    [overlay] = overlays(cases_window.map_view)
    assert overlay.picture() is None and not overlay.isVisible()
    assert panel.outcome.text() == "Pick a responsibility to walk a case through the map."
    assert panel.saved.count() == 0


def test_presentation_mode_shows_the_walk_and_w_plays_it_again(
    qtbot: QtBot, cases_window: MainWindow
) -> None:
    panel = open_panel(cases_window)
    pick(panel, "Kulanz 120 €, Teamleitung im Urlaub")
    qtbot.waitUntil(lambda: not panel.state.running, timeout=5000)
    views = cases_window.facilitation
    views.presentation_action.setChecked(True)  # F11
    presentation = views.presentation
    [overlay] = overlays(presentation.map_view)
    assert [badge.node for badge in overlay.picture().badges] == ["r_agent", "r_lead", "r_second"]
    presentation.activateWindow()
    qtbot.waitUntil(presentation.isActiveWindow)
    qtbot.keyClick(presentation, Qt.Key.Key_W)
    assert panel.state.running or panel.state.progress < 3
    views.presentation_action.setChecked(False)


def test_moving_a_node_moves_the_walk_with_it(cases_window: MainWindow) -> None:
    from workshop_app.domain import SetNodeFields

    panel = open_panel(cases_window)
    pick(panel, "Kulanz 120 €, Teamleitung im Urlaub")
    panel.state.show_all()
    walk = panel.state.walk
    cases_window.controller.execute(SetNodeFields("r_lead", {"position": [40, 900]}), "move")
    scene = cases_window.map_view.scene()
    [overlay] = overlays(cases_window.map_view)
    badge = next(b for b in overlay.picture().badges if b.node == "r_lead")
    assert badge.rect == scene.node_rect("r_lead")
    assert panel.state.walk is walk  # a move walks nothing again

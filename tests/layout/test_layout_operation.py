"""The window applies a layout as one undoable step."""

from __future__ import annotations

from workshop_app.domain import UNSET, Batch, Session, SetNodeFields
from workshop_app.layout import auto_layout, layout_operation

from .maps import build


def positions(session: Session) -> dict[str, list[float] | None]:
    return dict(session.graph.nodes(data="position"))


def test_a_layout_sets_every_position_and_undo_removes_them(generate) -> None:
    session = generate(120)
    expected = auto_layout(session)
    undo = session.apply(layout_operation(session))
    assert positions(session) == {
        node: [round(x, 1), round(y, 1)] for node, (x, y) in expected.items()
    }
    session.apply(undo)
    assert set(positions(session).values()) == {None}


def test_undo_of_a_full_relayout_brings_back_the_hand_placed_positions() -> None:
    session = build(
        ["p_1", "x_1", "r_1"], [("x_1", "p_1", "serves"), ("r_1", "x_1", "responsible")]
    )
    session.apply(layout_operation(session))
    session.apply(SetNodeFields("x_1", {"position": [333.3, -40.0]}))
    by_hand = positions(session)
    undo = session.apply(layout_operation(session, full=True))
    assert positions(session)["x_1"] != [333.3, -40.0]
    session.apply(undo)
    assert positions(session) == by_hand


def test_only_moved_nodes_are_touched_so_a_second_layout_changes_nothing(generate) -> None:
    session = generate(80)
    session.apply(layout_operation(session))
    assert layout_operation(session) == Batch(())
    assert layout_operation(session, full=True) == Batch(())


def test_laying_out_again_places_only_the_node_without_a_position(generate) -> None:
    session = generate(80)
    session.apply(layout_operation(session))
    first = sorted(session.graph)[0]
    session.apply(SetNodeFields(first, {"position": UNSET}))
    operation = layout_operation(session)
    assert [op.node_id for op in operation.operations] == [first]


def test_a_kept_position_with_more_decimals_is_left_as_it_is() -> None:
    session = build([("r_1", {"position": [10.123, 5.55]}), "x_1"], [("r_1", "x_1", "responsible")])
    operation = layout_operation(session)
    assert [op.node_id for op in operation.operations] == ["x_1"]

"""One rule for where nodes sit: the stored position, else the automatic layout's."""

from __future__ import annotations

import pytest

from workshop_app.domain import AddNode, Change, NodeKind, Session, SetNodeFields
from workshop_app.layout import auto_layout, node_positions, settle_positions
from workshop_app.layout import settle as settle_module

from .maps import build


def _session() -> Session:
    session = build(["p1", "x1", "x2", "r1"], [("x1", "p1", "serves"), ("r1", "x1", "accountable")])
    session.apply(SetNodeFields("r1", {"position": [1234.5, -77]}))
    return session


def test_stored_positions_are_kept_and_the_rest_laid_out_without_changing_the_session() -> None:
    session = _session()
    positions = node_positions(session)
    assert set(positions) == set(session.graph)
    assert positions["r1"] == (1234.5, -77.0)
    layout = auto_layout(session)
    assert positions["x2"] == (round(layout["x2"][0], 1), round(layout["x2"][1], 1))
    assert ["position" in session.graph.nodes[n] for n in ("p1", "x1", "x2")] == [False] * 3


def test_settling_stores_the_same_places_quietly_and_once() -> None:
    session = _session()
    before = node_positions(session)
    told: list[Change] = []
    session.listeners.append(told.append)
    assert settle_positions(session) == ["p1", "x1", "x2"]
    assert told == [], "settling is not an edit"
    assert {n: tuple(a["position"]) for n, a in session.graph.nodes(data=True)} == before
    assert node_positions(session) == before
    assert settle_positions(session) == []


def test_a_placed_map_is_not_laid_out_again(monkeypatch: pytest.MonkeyPatch) -> None:
    session = _session()
    settle_positions(session)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the layout ran for a map whose nodes all have a place")

    monkeypatch.setattr(settle_module, "auto_layout", refuse)
    assert node_positions(session)["r1"] == (1234.5, -77.0)
    assert settle_positions(session) == []


def test_an_empty_session_has_nothing_to_settle() -> None:
    assert node_positions(Session()) == {} and settle_positions(Session()) == []
    session = Session()
    session.apply(AddNode("p", NodeKind.PRIORITY, "Speed"))
    assert list(node_positions(session)) == ["p"]

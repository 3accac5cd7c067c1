"""The session's own services: a copy to hand away, one way to find a review, one language check."""

from __future__ import annotations

import pytest

from workshop_app.domain import (
    AddNode,
    InsertAction,
    InsertCase,
    NodeKind,
    Session,
    SetCaseFields,
    SetMeta,
    SetNodeFields,
    SetReview,
    check_language,
)


def _session() -> Session:
    session = Session(meta={"title": "Kick-off"})
    session.apply(AddNode("x1", NodeKind.RESPONSIBILITY, "Refunds", {"position": [0, 0]}))
    session.apply(AddNode("r1", NodeKind.ROLE, "Lead"))
    session.apply(InsertAction(0, {"text": "Name a deputy"}))
    session.apply(SetReview("shared-ownership", ("x1", "r1"), {"status": "accepted"}))
    session.apply(InsertCase(0, {"id": "c1", "title": "120 EUR", "responsibility": "x1"}))
    return session


def test_a_copy_keeps_everything_and_no_edit_of_one_reaches_the_other() -> None:
    session = _session()
    session.listeners.append(lambda change: None)
    twin = session.copy()
    assert twin.listeners == []
    assert (twin.meta, twin.actions, twin.reviews, twin.cases) == (
        session.meta,
        session.actions,
        session.reviews,
        session.cases,
    )
    session.apply(SetNodeFields("x1", {"label": "Credit notes", "position": [5, 5]}))
    session.apply(SetMeta({"title": "Second workshop"}))
    session.apply(SetCaseFields("c1", {"title": "300 EUR"}))
    session.actions[0]["text"] = "changed in place"
    assert twin.label("x1") == "Refunds" and twin.graph.nodes["x1"]["position"] == [0, 0]
    assert twin.meta["title"] == "Kick-off" and twin.case("c1")["title"] == "120 EUR"
    assert twin.actions[0]["text"] == "Name a deputy"


def test_a_review_is_found_the_same_way_one_at_a_time_and_all_at_once() -> None:
    session = _session()
    session.reviews.append({"code": "shared-ownership", "subjects": ["x1", "r1"], "note": "2nd"})
    first = session.reviews[0]
    assert session.review_index("shared-ownership", ["r1", "x1"]) == 0
    assert session.review_for("shared-ownership", ("x1", "r1")) is first
    assert session.reviews_by_key() == {("shared-ownership", ("r1", "x1")): first}
    assert session.review_for("shared-ownership", ["x1"]) is None


def test_one_language_check_for_every_reader() -> None:
    session = _session()
    assert session.language_for(None) == "en" and session.language_for("de") == "de"
    with pytest.raises(ValueError, match="de, en"):
        session.language_for("fr")
    with pytest.raises(ValueError, match="'EN'"):
        check_language("EN")

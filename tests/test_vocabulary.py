"""The vocabulary: one word and one look per kind, complete and distinct."""

from __future__ import annotations

import pytest

from workshop_app import vocabulary
from workshop_app.analysis import Severity
from workshop_app.domain import EdgeKind, NodeKind
from workshop_app.protocol.styles import EDGE_STYLES, NODE_COLOURS, SEVERITY_COLOURS


def test_every_kind_and_severity_has_a_look() -> None:
    assert set(vocabulary.NODES) == set(NodeKind)
    assert set(vocabulary.EDGES) == set(EdgeKind)
    assert set(vocabulary.SEVERITIES) == set(Severity)


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_name_is_one_distinct_term_in_both_languages(language: str) -> None:
    nodes = [vocabulary.node_kind_name(kind, language) for kind in NodeKind]
    edges = [vocabulary.edge_kind_name(kind, language) for kind in EdgeKind]
    severities = [vocabulary.severity_name(severity, language) for severity in Severity]
    for names in (nodes, edges, severities):
        assert len(set(names)) == len(names)


def test_german_terms_are_german() -> None:
    english = {vocabulary.edge_kind_name(kind, "en") for kind in EdgeKind}
    german = {vocabulary.edge_kind_name(kind, "de") for kind in EdgeKind}
    assert not english & german
    assert vocabulary.edge_kind_name(EdgeKind.OUTRANKS, "de") == "Geht vor"
    assert vocabulary.node_kind_name(NodeKind.GUARDRAIL, "de") == "Leitplanke"


def test_raci_relations_carry_their_letter_as_tag_in_both_languages() -> None:
    for kind, letter in zip(
        (EdgeKind.ACCOUNTABLE, EdgeKind.RESPONSIBLE, EdgeKind.CONSULTED, EdgeKind.INFORMED),
        "ARCI",
        strict=True,
    ):
        assert vocabulary.edge_tag(kind, "de") == vocabulary.edge_tag(kind, "en") == letter
        assert f"({letter})" in vocabulary.edge_kind_name(kind, "de")


def test_kinds_differ_in_shape_or_line_not_in_colour_alone() -> None:
    assert len({look.shape for look in vocabulary.NODES.values()}) == len(NodeKind)
    lines = {(look.dash, look.arrow, look.zigzag, look.width) for look in vocabulary.EDGES.values()}
    assert len(lines) == len(EdgeKind)


def test_outlines_grow_all_round_and_keep_their_shape() -> None:
    for shape in vocabulary.Shape:
        small = vocabulary.outline(shape, 180, 64)
        grown = vocabulary.outline(shape, 180, 64, grow=10)
        assert (grown.width, grown.height) == (200, 84)
        assert len(grown.polygon) == len(small.polygon)
        for x, y in grown.polygon:
            assert abs(x) <= 100 and abs(y) <= 42


@pytest.mark.parametrize("kind", list(NodeKind))
def test_the_pdf_fills_and_outlines_nodes_in_the_vocabulary_colours(kind: NodeKind) -> None:
    look = vocabulary.NODES[kind]
    assert _hex(NODE_COLOURS[kind].fill) == look.fill
    assert _hex(NODE_COLOURS[kind].stroke) == look.stroke


@pytest.mark.parametrize("kind", list(EdgeKind))
def test_the_pdf_draws_relations_in_the_vocabulary_line(kind: EdgeKind) -> None:
    look, printed = vocabulary.EDGES[kind], EDGE_STYLES[kind]
    assert _hex(printed.colour) == look.colour
    assert printed.arrow is (look.arrow is not vocabulary.Arrow.NONE)
    assert bool(printed.dash) is bool(look.dash)


def test_the_pdf_marks_findings_in_the_vocabulary_colours() -> None:
    for severity in Severity:
        assert _hex(SEVERITY_COLOURS[severity]) == vocabulary.SEVERITIES[severity].colour


def _hex(colour: object) -> str:
    return "#" + colour.hexval()[2:].upper()

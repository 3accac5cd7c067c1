"""GraphML out and in: yEd, Gephi and networkx read the map; it reads back the same."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from benchmarks.orgs import generate_organisation
from workshop_app.analysis import find_ambiguities
from workshop_app.domain import SetNodeFields
from workshop_app.fileformat import SessionFormatError, dumps_session, load_session
from workshop_app.interchange import ImportRefused, export_for_tools, import_session
from workshop_app.interchange.graphml import dumps_graphml, loads_graphml
from workshop_app.resources import resource_path
from workshop_app.templates import list_templates, session_from_template

SAMPLE = resource_path("samples", "versandhandel.yaml")
G, Y = "{http://graphml.graphdrawing.org/xmlns}", "{http://www.yworks.com/xml/graphml}"


def sessions() -> list[tuple[str, object]]:
    org = generate_organisation(120, seed=7)
    for number, node in enumerate(sorted(org.graph)):
        org.apply(SetNodeFields(node, {"position": [number * 10.5, -number], "notes": "Größe ✓"}))
    return [
        ("sample", load_session(SAMPLE)),
        *((t.name, session_from_template(t.name)) for t in list_templates()),
        ("generated-120", org),
    ]


@pytest.mark.parametrize(
    ("name", "session"), sessions(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_a_round_trip_gives_the_same_session_and_findings(name: str, session) -> None:
    again = loads_graphml(dumps_graphml(session, "de").encode(), f"{name}.graphml")

    assert dumps_session(again) == dumps_session(session)
    assert find_ambiguities(again) == find_ambiguities(session)


def test_networkx_reads_every_node_and_edge_with_kinds(tmp_path: Path) -> None:
    session = load_session(SAMPLE)
    out = tmp_path / "map.graphml"
    export_for_tools(session, out)

    graph = nx.read_graphml(out)

    assert set(graph.nodes) == set(session.graph.nodes)
    assert sorted((s, t, d["kind"]) for s, t, d in graph.edges(data=True)) == sorted(
        session.graph.edges(keys=True)
    )
    assert all(graph.nodes[n]["kind"] == session.kind(n) for n in graph)
    assert all(graph.nodes[n]["label"] == session.label(n) for n in graph)


def test_every_node_carries_a_yed_geometry_shape_and_colour(tmp_path: Path) -> None:
    out = tmp_path / "map.graphml"
    export_for_tools(load_session(SAMPLE), out)
    root = ET.parse(out).getroot()

    nodes = root.iter(f"{G}node")
    for node in nodes:
        shape = node.find(f".//{Y}ShapeNode")
        assert shape is not None, node.get("id")
        geometry = shape.find(f"{Y}Geometry").attrib
        assert float(geometry["width"]) > 0 and float(geometry["height"]) > 0
        assert shape.find(f"{Y}Fill").get("color").startswith("#")
        assert shape.find(f"{Y}Shape").get("type") in {"hexagon", "roundrectangle", "octagon"}
    assert all(e.find(f".//{Y}PolyLineEdge") is not None for e in root.iter(f"{G}edge"))


PLAIN = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="r" for="node" attr.name="rank" attr.type="string"/>
  <key id="c" for="node" attr.name="critical" attr.type="string"/>
  <key id="ek" for="edge" attr.name="kind" attr.type="string"/>
  <graph edgedefault="directed">
  <node id="n0"><data key="k">priority</data><data key="l">FCR</data><data key="r">1</data></node>
    <node id="n1"><data key="k">role</data><data key="l">Servicekraft</data></node>
    <node id="n2"><data key="k">responsibility</data><data key="c">TRUE</data></node>
    <edge source="n1" target="n2"><data key="ek">accountable</data></edge>
    <edge source="n2" target="n0"><data key="ek">serves</data></edge>
  </graph>
</graphml>
"""


def test_plain_graphml_from_another_tool_is_read_with_what_can_be_inferred() -> None:
    session = loads_graphml(PLAIN.encode(), "gephi.graphml", "de")

    assert session.graph.nodes["n0"]["rank"] == 1
    assert session.graph.nodes["n2"]["critical"] is True
    assert session.label("n2") == "n2"  # no label given: the id stands for it
    assert sorted(session.graph.edges(keys=True)) == [
        ("n1", "n2", "accountable"),
        ("n2", "n0", "serves"),
    ]
    assert session.language == "de"


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        (("<data key=\"k\">role</data>", ""), ImportRefused, r"line 10, node n1: has no kind"),
        (("<data key=\"k\">role</data>", '<data key="k">team</data>'), ImportRefused,
         r"line 10, node n1: has the unknown kind 'team'"),
        (("<data key=\"ek\">serves</data>", '<data key="ek">owns</data>'), ImportRefused,
         r"edge \?: has the unknown kind 'owns'"),
        (("<data key=\"ek\">serves</data>", '<data key="ek">deputy_of</data>'), SessionFormatError,
         r"line 13, edges\[1\]"),
        (("<data key=\"r\">1</data>", '<data key="r">high</data>'), SessionFormatError,
         r"line 9, nodes\[0\]\.rank: must be a whole number"),
        (("<graphml", "<!DOCTYPE g [<!ENTITY x 'y'>]><graphml"), ImportRefused,
         "line 2: declares a document type"),
        (("</graphml>", ""), ImportRefused, r"line 16: is not well-formed XML"),
    ],
)  # fmt: skip
def test_what_cannot_be_read_is_refused_naming_the_element(change, error, words) -> None:
    text = PLAIN.replace(*change)
    with pytest.raises(error, match=words):
        loads_graphml(text.encode(), "gephi.graphml")


def test_a_document_type_is_refused_before_it_expands() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE graphml [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><graphml>&b;</graphml>'
    )
    with pytest.raises(ImportRefused, match="line 1: declares a document type"):
        loads_graphml(bomb.encode(), "bomb.graphml")


def test_the_command_imports_graphml_and_refuses_bad_files_with_exit_2(tmp_path: Path) -> None:
    good, bad = tmp_path / "map.graphml", tmp_path / "bad.graphml"
    good.write_text(PLAIN, encoding="utf-8")
    bad.write_text(PLAIN.replace('<data key="k">role</data>', ""), encoding="utf-8")

    def run(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "workshop_app", "import", str(source), "-o", str(out)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    assert run(good, tmp_path / "good.yaml").returncode == 0
    assert load_session(tmp_path / "good.yaml").label("n1") == "Servicekraft"
    refused = run(bad, tmp_path / "bad.yaml")
    assert refused.returncode == 2 and "node n1: has no kind" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "bad.yaml").exists()


def test_import_session_reads_graphml_by_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "map.GraphML"
    path.write_text(PLAIN, encoding="utf-8")
    assert len(import_session(path).graph) == 3


def test_yed_boxes_are_the_core_geometry(tmp_path: Path) -> None:
    from workshop_app.layout import map_geometry

    session = load_session(SAMPLE)
    out = tmp_path / "map.graphml"
    export_for_tools(session, out)
    boxes = map_geometry(session).nodes

    for node in ET.parse(out).getroot().iter(f"{G}node"):
        geometry = node.find(f".//{Y}Geometry").attrib
        box = boxes[node.get("id")]
        assert abs(float(geometry["x"]) - box.left) < 0.1
        assert abs(float(geometry["width"]) - box.width) < 0.1

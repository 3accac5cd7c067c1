"""A session to export, and poppler's tools to read the PDF back as a reader would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from workshop_app.domain import (
    AddEdge,
    AddNode,
    EdgeKind,
    InsertAction,
    NodeKind,
    Session,
    SetMeta,
    SetReview,
)

#: Labels a protocol must print exactly as written: markup, entities, scripts.
HOSTILE_LABELS = {
    "p_markup": '<b>x</b> & <img src="/etc/passwd">',
    "p_link": '<a href="https://example.invalid/">Klick</a> &amp; &lt;',
    "x_greek": "Υπεύθυνος εξυπηρέτησης πελατών",
    "x_cyrillic": "Служба поддержки клиентов",
    "x_german": "Rücksendungen außerhalb der Frist",
    "r_agent": "Servicekraft",
    "r_second": "2nd Level",
    "r_lead": "Teamleitung",
    "g_cap": "Kulanzrahmen <= 200 € & mehr",
}


def _nodes() -> list[AddNode]:
    label = HOSTILE_LABELS
    return [
        AddNode("p_markup", NodeKind.PRIORITY, label["p_markup"], {"rank": 1}),
        AddNode("p_link", NodeKind.PRIORITY, label["p_link"], {"rank": 2}),
        AddNode(
            "x_greek",
            NodeKind.RESPONSIBILITY,
            label["x_greek"],
            {"decision_limit": "50 EUR", "reconfirm": True, "critical": True},
        ),
        AddNode(
            "x_cyrillic",
            NodeKind.RESPONSIBILITY,
            label["x_cyrillic"],
            {"good_enough": "Antwort <i>binnen</i> 48 h", "notes": "Zeile 1\nZeile 2"},
        ),
        AddNode("x_german", NodeKind.RESPONSIBILITY, label["x_german"]),
        AddNode("r_agent", NodeKind.ROLE, label["r_agent"], {"load": 95}),
        AddNode("r_second", NodeKind.ROLE, label["r_second"]),
        AddNode("r_lead", NodeKind.ROLE, label["r_lead"]),
        AddNode("g_cap", NodeKind.GUARDRAIL, label["g_cap"]),
    ]


def _edges() -> list[AddEdge]:
    return [
        AddEdge("r_agent", "x_greek", EdgeKind.ACCOUNTABLE),
        AddEdge("r_agent", "x_greek", EdgeKind.RESPONSIBLE),
        AddEdge("r_second", "x_cyrillic", EdgeKind.ACCOUNTABLE),
        AddEdge("r_lead", "x_cyrillic", EdgeKind.INFORMED),
        AddEdge("r_second", "x_german", EdgeKind.CONSULTED),
        AddEdge("r_lead", "p_markup", EdgeKind.ACCOUNTABLE),
        AddEdge("x_greek", "p_markup", EdgeKind.SERVES),
        AddEdge("x_greek", "g_cap", EdgeKind.BOUNDED_BY),
        AddEdge("p_link", "p_markup", EdgeKind.CONFLICTS_WITH),
        AddEdge("x_greek", "r_second", EdgeKind.ESCALATES_TO, {"trigger": "Betrag > 50 €"}),
        AddEdge("r_second", "r_lead", EdgeKind.ESCALATES_TO, {"trigger": "Kunde droht"}),
        AddEdge("r_lead", "r_second", EdgeKind.DEPUTY_OF),
    ]


def build_session(language: str) -> Session:
    """A small workshop whose texts try every trick on the protocol."""
    session = Session()
    session.apply(
        SetMeta(
            {
                "title": "Verantwortung & <Kundenservice>",
                "client": "Muster <AG>",
                "date": "2026-11-26",
                "facilitator": "A. Beispiel",
                "language": language,
                "participants": [{"name": "B. Muster", "role": "Teamleitung"}, {"name": "C. Gast"}],
            }
        )
    )
    for operation in [*_nodes(), *_edges()]:
        session.apply(operation)
    session.apply(
        InsertAction(
            0,
            {"text": "Kulanzgrenze <b>bestätigen</b>", "owner": "r_lead", "due": "2027-01-15",
             "status": "open"},
        )
    )  # fmt: skip
    session.apply(InsertAction(1, {"text": "Vertretung klären", "owner": "Frau Extern"}))
    session.apply(
        SetReview(
            "formal-decision-space", ("x_greek",), {"status": "accepted", "note": "bis Q2 <ok>"}
        )
    )
    return session


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def pdf_text(path: Path, *pages: int) -> str:
    """The PDF's text in drawing order, whitespace collapsed (wrapped lines join up)."""
    arguments = [_tool("pdftotext"), "-raw", "-enc", "UTF-8"]
    if pages:
        arguments += ["-f", str(pages[0]), "-l", str(pages[-1])]
    result = subprocess.run([*arguments, str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", " ", result.stdout.decode("utf-8"))


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    return pdf_text_raw(path).split("\f")[:-1]


def pdf_text_raw(path: Path) -> str:
    arguments = [_tool("pdftotext"), "-raw", "-enc", "UTF-8", str(path), "-"]
    return subprocess.run(arguments, capture_output=True, check=True).stdout.decode("utf-8")


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """``pdffonts``' table: one dict per font with its name and whether it is embedded."""
    result = subprocess.run(
        [_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True
    )
    rows = result.stdout.splitlines()[2:]
    fonts = []
    for row in rows:
        # name, type words…, encoding, emb, sub, uni, object, id
        fields = row.split()
        fonts.append({"name": fields[0], "emb": fields[-5]})
    return fonts


def pdf_info(path: Path) -> dict[str, str]:
    result = subprocess.run(
        [_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    )
    info = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height of every page, in points."""
    pages = int(pdf_info(path)["Pages"])
    result = subprocess.run(
        [_tool("pdfinfo"), "-f", "1", "-l", str(pages), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", result.stdout)
    return [(float(w), float(h)) for w, h in sizes]

"""Workshops to write protocols of: a customer-service session of 20 nodes, and one of each."""

from __future__ import annotations

import datetime as dt

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

#: The day the tests take as "today": the first action is overdue then.
TODAY = dt.date(2027, 2, 1)

_P, _X, _R, _G = NodeKind.PRIORITY, NodeKind.RESPONSIBILITY, NodeKind.ROLE, NodeKind.GUARDRAIL
_NODES = [
    ("p_fcr", _P, "Erstlösung", {"rank": 1, "notes": "Kunden wollen eine Antwort, nicht drei."}),
    ("p_cost", _P, "Kosten pro Kontakt", {"rank": 2}),
    ("p_csat", _P, "Kundenzufriedenheit", {"rank": 2, "notes": "NPS aus der Quartalsumfrage."}),
    ("p_law", _P, "Rechtssicherheit", {"rank": 1}),
    ("x_goodwill", _X, "Kulanz", {"decision_limit": "50 €", "reconfirm": True,
                                  "notes": "Heute zeichnet die Teamleitung jede Kulanz gegen."}),
    ("x_complaint", _X, "Beschwerdemanagement", {"critical": True,
                                                 "good_enough": "Antwort binnen 48 h"}),
    ("x_returns", _X, "Rücksendungen außerhalb der Frist", {"decision_limit": "3 Monate"}),
    ("x_gdpr", _X, "Auskunft nach DSGVO", {"critical": True, "notes": "Frist: 30 Tage."}),
    ("x_callback", _X, "Rückrufzusage", {"good_enough": "Rückruf am selben Tag"}),
    ("x_special", _X, "Sonderfälle", {}),
    ("x_social", _X, "Antworten in sozialen Medien", {"notes": "Nur mit Freigabe der Presse."}),
    ("x_payment", _X, "Ratenzahlung", {"decision_limit": "500 €", "good_enough": "Plan steht"}),
    ("r_agent", _R, "Servicekraft", {"load": 95, "notes": "Zwölf Leute im Schichtbetrieb."}),
    ("r_second", _R, "2nd Level", {"load": 80}),
    ("r_lead", _R, "Teamleitung", {"load": 70}),
    ("r_head", _R, "Leitung Kundenservice", {"load": 60}),
    ("r_quality", _R, "Qualitätsmanagement", {"notes": "Prüft Stichproben."}),
    ("g_cap", _G, "Kulanzrahmen 200 € pro Kunde", {"notes": "Gilt pro Kalenderjahr."}),
    ("g_tone", _G, "Tonalität", {}),
    ("g_gdpr", _G, "Datenschutz", {}),
]  # fmt: skip

_A, _RE, _C, _I = EdgeKind.ACCOUNTABLE, EdgeKind.RESPONSIBLE, EdgeKind.CONSULTED, EdgeKind.INFORMED
_EDGES = [
    ("r_agent", "x_goodwill", _A, {"notes": "Bis 50 € ohne Rückfrage."}),
    ("r_agent", "x_callback", _A, {}),
    ("r_agent", "x_complaint", _RE, {}),
    ("r_lead", "x_complaint", _A, {}),
    ("r_second", "x_returns", _A, {}),
    ("r_agent", "x_returns", _A, {}),
    ("r_quality", "x_gdpr", _A, {}),
    ("r_second", "x_gdpr", _RE, {"notes": "Vorlage liegt im Wiki."}),
    ("r_head", "x_special", _A, {}),
    ("r_lead", "x_payment", _A, {}),
    ("r_quality", "x_complaint", _C, {}),
    ("r_head", "x_complaint", _I, {}),
    ("r_head", "p_cost", _A, {}),
    ("r_head", "p_csat", _A, {}),
    ("r_quality", "p_fcr", _A, {}),
    ("r_quality", "p_law", _A, {}),
    ("r_head", "g_cap", _A, {}),
    ("x_goodwill", "p_csat", EdgeKind.SERVES, {}),
    ("x_goodwill", "p_cost", EdgeKind.SERVES, {}),
    ("x_complaint", "p_csat", EdgeKind.SERVES, {}),
    ("x_gdpr", "p_law", EdgeKind.SERVES, {}),
    ("x_callback", "p_fcr", EdgeKind.SERVES, {}),
    ("x_payment", "p_cost", EdgeKind.SERVES, {}),
    ("x_goodwill", "g_cap", EdgeKind.BOUNDED_BY, {"notes": "Summe aller Kulanzen."}),
    ("x_gdpr", "g_gdpr", EdgeKind.BOUNDED_BY, {}),
    ("p_fcr", "p_cost", EdgeKind.OUTRANKS, {"notes": "Beschluss vom Vormittag."}),
    ("p_cost", "p_csat", EdgeKind.CONFLICTS_WITH, {"notes": "Kulanz kostet, hält aber Kunden."}),
    ("p_csat", "p_cost", EdgeKind.CONFLICTS_WITH, {"notes": "Beide Richtungen gezeichnet."}),
    ("p_fcr", "p_cost", EdgeKind.CONFLICTS_WITH, {}),
    ("x_goodwill", "r_lead", EdgeKind.ESCALATES_TO, {"trigger": "über 50 €"}),
    ("r_lead", "r_head", EdgeKind.ESCALATES_TO, {"trigger": "Kunde droht mit Anwalt",
                                                 "notes": "Am selben Tag."}),
    ("x_payment", "r_second", EdgeKind.ESCALATES_TO, {}),
    ("r_second", "r_lead", EdgeKind.DEPUTY_OF, {"notes": "Nur für Beschwerden."}),
]  # fmt: skip

ACTIONS = [
    {"id": "a1", "text": "Kulanzgrenze schriftlich bestätigen", "owner": "r_lead",
     "due": "2027-01-15", "status": "open", "notes": "Mit der Geschäftsführung abstimmen."},
    {"id": "a2", "text": "Vertretung für das Qualitätsmanagement benennen", "owner": "r_head",
     "due": "2027-03-01", "status": "in_progress",
     "finding": {"code": "no-deputy", "subjects": ["r_quality", "x_gdpr"]}},
    {"id": "a3", "text": "Leitfaden für soziale Medien", "owner": "Frau Extern",
     "status": "done"},
]  # fmt: skip

REVIEWS = [
    ("formal-decision-space", ("x_goodwill",), {"status": "accepted", "note": "bis Q2 so lassen"}),
    # The map has changed since: "Sonderfälle" now has an owner.
    ("no-owner", ("x_special",), {"status": "open", "note": "Wer entscheidet Sonderfälle?"}),
]

META = {
    "title": "Verantwortung im Kundenservice",
    "client": "Muster Versand GmbH",
    "date": "2026-11-26",
    "facilitator": "A. Beispiel",
    "participants": [
        {"name": "B. Muster", "role": "Teamleitung"},
        {"name": "C. Beispiel", "role": "Servicekraft"},
        {"name": "D. Probe", "role": "2nd Level"},
    ],
}


def customer_service(language: str) -> Session:
    """20 nodes with notes everywhere, an overdue action and a review that is resolved."""
    session = Session()
    session.apply(SetMeta({**META, "language": language}))
    for node_id, kind, label, fields in _NODES:
        session.apply(AddNode(node_id, kind, label, fields))
    for source, target, kind, fields in _EDGES:
        session.apply(AddEdge(source, target, kind, fields))
    for index, action in enumerate(ACTIONS):
        session.apply(InsertAction(index, action))
    for code, subjects, review in REVIEWS:
        session.apply(SetReview(code, subjects, review))
    return session


def one_of_each(language: str) -> Session:
    """Exactly one priority, role, responsibility, guardrail, action and participant."""
    session = Session()
    meta = {"title": "Kleiner Workshop", "language": language, "date": "2026-11-26",
            "participants": [{"name": "B. Muster", "role": "Teamleitung"}]}  # fmt: skip
    session.apply(SetMeta(meta))
    session.apply(AddNode("p", NodeKind.PRIORITY, "Erstlösung", {"rank": 1}))
    session.apply(AddNode("r", NodeKind.ROLE, "Servicekraft", {"load": 50}))
    session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Kulanz", {"decision_limit": "50 EUR"}))
    session.apply(AddNode("g", NodeKind.GUARDRAIL, "Kulanzrahmen"))
    session.apply(AddEdge("r", "x", EdgeKind.ACCOUNTABLE))
    session.apply(AddEdge("x", "p", EdgeKind.SERVES))
    session.apply(AddEdge("x", "g", EdgeKind.BOUNDED_BY))
    session.apply(InsertAction(0, {"text": "Grenze bestätigen", "owner": "r", "due": "2027-01-10"}))
    return session


def every_note(session: Session) -> list[str]:
    """Every note the group wrote: on nodes, edges, actions and reviews."""
    notes = [d["notes"] for _n, d in session.graph.nodes(data=True) if d.get("notes")]
    notes += [d["notes"] for *_e, d in session.graph.edges(keys=True, data=True) if d.get("notes")]
    notes += [a["notes"] for a in session.actions if a.get("notes")]
    notes += [r["note"] for r in session.reviews if r.get("note")]
    return notes

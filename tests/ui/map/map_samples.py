"""Sessions for the map tests and screenshots, built with domain operations."""

from __future__ import annotations

import random

from workshop_app.domain import AddEdge, AddNode, Batch, EdgeKind, NodeKind, Session

P, RO, RE, G = NodeKind.PRIORITY, NodeKind.ROLE, NodeKind.RESPONSIBILITY, NodeKind.GUARDRAIL
E = EdgeKind

_NODES = [
    ("p_fcr", P, "Erstlösung", {"rank": 1}),
    ("p_cost", P, "Kosten pro Kontakt", {"rank": 2}),
    ("p_compliance", P, "Compliance", {"rank": 1}),
    ("p_csat", P, "Kundenzufriedenheit", {"rank": 3}),
    ("r_agent", RO, "Servicekraft", {"load": 95}),
    ("r_2nd", RO, "2nd Level", {"load": 80}),
    ("r_lead", RO, "Teamleitung", {"load": 110}),
    ("r_qm", RO, "Qualitätsmanagement", {"load": 60}),
    ("r_head", RO, "Bereichsleitung Kundenservice", {}),
    ("r_legal", RO, "Rechtsabteilung", {"load": 40}),
    ("x_goodwill", RE, "Kulanz bis 50 EUR", {"decision_limit": "50 EUR", "reconfirm": True}),
    ("x_refund", RE, "Rückerstattung über 50 EUR", {"decision_limit": "500 EUR"}),
    ("x_claims", RE, "Reklamationen", {"good_enough": "Kunde hat Ersatz oder Geld"}),
    ("x_complaints", RE, "Beschwerdemanagement", {"critical": True}),
    ("x_returns", RE, "Retourenabwicklung", {}),
    ("x_privacy", RE, "Datenschutzanfragen (Auskunft, Löschung)", {"critical": True}),
    ("x_guide", RE, "Gesprächsleitfaden prüfen", {}),
    ("x_social", RE, "Eskalationen aus Social Media", {}),
    ("x_delay", RE, "Lieferverzug proaktiv kommunizieren", {}),
    ("x_winback", RE, "Kündigungsrückgewinnung", {"decision_limit": "3 Monate gratis"}),
    ("x_training", RE, "Einarbeitung neuer Servicekräfte", {}),
    ("x_kb", RE, "Wissensdatenbank pflegen", {}),
    ("x_callback", RE, "Rückrufzusagen einhalten", {}),
    ("g_goodwill", G, "Kulanzrahmen 2026", {}),
    ("g_gdpr", G, "DSGVO", {}),
    ("g_duration", G, "Gesprächsdauer max. 8 Minuten", {}),
    ("g_discount", G, "Rabattobergrenze 20 %", {}),
    ("x_orphan", RE, "Sonderfälle Großkunden", {}),
]

_GOODWILL_TRIGGER = "Betrag über 50 EUR oder Wiederholungskunde"
_EDGES = [
    ("r_agent", "x_goodwill", E.ACCOUNTABLE, {}),
    ("r_agent", "x_claims", E.ACCOUNTABLE, {}),
    ("r_agent", "x_returns", E.RESPONSIBLE, {}),
    ("r_2nd", "x_returns", E.ACCOUNTABLE, {}),
    ("r_lead", "x_refund", E.ACCOUNTABLE, {}),
    ("r_lead", "x_complaints", E.ACCOUNTABLE, {}),
    ("r_qm", "x_complaints", E.ACCOUNTABLE, {}),
    ("r_qm", "x_guide", E.ACCOUNTABLE, {}),
    ("r_agent", "x_guide", E.CONSULTED, {}),
    ("r_lead", "x_guide", E.INFORMED, {}),
    ("r_legal", "x_privacy", E.ACCOUNTABLE, {}),
    ("r_2nd", "x_privacy", E.RESPONSIBLE, {}),
    ("r_lead", "x_social", E.ACCOUNTABLE, {}),
    ("r_agent", "x_delay", E.ACCOUNTABLE, {}),
    ("r_lead", "x_winback", E.ACCOUNTABLE, {}),
    ("r_agent", "x_winback", E.RESPONSIBLE, {}),
    ("r_qm", "x_training", E.ACCOUNTABLE, {}),
    ("r_2nd", "x_kb", E.ACCOUNTABLE, {}),
    ("r_agent", "x_kb", E.CONSULTED, {}),
    ("r_agent", "x_callback", E.ACCOUNTABLE, {}),
    ("r_head", "p_fcr", E.ACCOUNTABLE, {}),
    ("r_head", "p_cost", E.ACCOUNTABLE, {}),
    ("r_head", "p_csat", E.ACCOUNTABLE, {}),
    ("r_legal", "p_compliance", E.ACCOUNTABLE, {}),
    ("r_head", "g_goodwill", E.ACCOUNTABLE, {}),
    ("r_legal", "g_gdpr", E.ACCOUNTABLE, {}),
    ("r_lead", "g_duration", E.ACCOUNTABLE, {}),
    (
        "x_goodwill",
        "r_lead",
        E.ESCALATES_TO,
        {"trigger": "Betrag über 50 EUR oder Wiederholungskunde"},
    ),
    ("x_refund", "r_head", E.ESCALATES_TO, {"trigger": "über 500 EUR"}),
    ("r_agent", "r_2nd", E.ESCALATES_TO, {}),
    ("r_2nd", "r_lead", E.ESCALATES_TO, {}),
    ("r_lead", "r_head", E.ESCALATES_TO, {}),
    ("r_2nd", "r_agent", E.DEPUTY_OF, {}),
    ("r_qm", "r_lead", E.DEPUTY_OF, {}),
    ("x_goodwill", "p_csat", E.SERVES, {}),
    ("x_goodwill", "p_fcr", E.SERVES, {}),
    ("x_goodwill", "p_cost", E.SERVES, {}),
    ("x_refund", "p_csat", E.SERVES, {}),
    ("x_claims", "p_fcr", E.SERVES, {}),
    ("x_complaints", "p_csat", E.SERVES, {}),
    ("x_returns", "p_cost", E.SERVES, {}),
    ("x_privacy", "p_compliance", E.SERVES, {}),
    ("x_guide", "p_cost", E.SERVES, {}),
    ("x_social", "p_csat", E.SERVES, {}),
    ("x_delay", "p_csat", E.SERVES, {}),
    ("x_winback", "p_cost", E.SERVES, {}),
    ("x_callback", "p_fcr", E.SERVES, {}),
    ("p_fcr", "p_cost", E.CONFLICTS_WITH, {}),
    ("p_compliance", "p_csat", E.OUTRANKS, {}),
    ("x_goodwill", "g_goodwill", E.BOUNDED_BY, {}),
    ("x_refund", "g_goodwill", E.BOUNDED_BY, {}),
    ("x_privacy", "g_gdpr", E.BOUNDED_BY, {}),
    ("x_claims", "g_duration", E.BOUNDED_BY, {}),
    ("x_winback", "g_discount", E.BOUNDED_BY, {}),
]


def german_session(*, positioned: bool = False) -> Session:
    """A mail-order customer service, about 30 nodes, with findings of every severity.

    ``positioned`` gives every node a position on a simple grid (otherwise
    none has one, as in a session started from a template).
    """
    session = Session(meta={"title": "Verantwortung im Kundenservice", "language": "de"})
    operations = []
    for index, (node_id, kind, label, fields) in enumerate(_NODES):
        fields = dict(fields)
        if positioned:
            fields["position"] = [float(index % 7) * 240, float(index // 7) * 130]
        operations.append(AddNode(node_id, kind, label, fields))
    operations += [AddEdge(s, t, k, f) for s, t, k, f in _EDGES]
    session.apply(Batch(tuple(operations)))
    return session


def generated_session(nodes: int, *, seed: int = 7, positioned: bool = True) -> Session:
    """A synthetic organisation of about ``nodes`` nodes and twice as many edges."""
    rng = random.Random(seed)
    counts = {P: max(2, nodes // 30), G: max(1, nodes // 15), RO: max(2, nodes // 5)}
    counts[RE] = nodes - sum(counts.values())
    ids: dict[NodeKind, list[str]] = {kind: [] for kind in counts}
    operations = []
    columns = max(1, round(nodes**0.5))
    for kind, count in counts.items():
        for number in range(count):
            node_id = f"{kind.value}_{number}"
            index = sum(len(v) for v in ids.values())
            fields: dict = {}
            if positioned:
                fields["position"] = [(index % columns) * 220.0, (index // columns) * 112.0]
            if kind is P:
                fields["rank"] = number + 1
            if kind is RO and rng.random() < 0.3:
                fields["load"] = rng.randint(50, 120)
            if kind is RE and rng.random() < 0.2:
                fields["decision_limit"] = f"{rng.choice([50, 100, 250])} EUR"
            ids[kind].append(node_id)
            operations.append(AddNode(node_id, kind, f"{kind.value.title()} {number}", fields))
    session = Session()
    session.apply(Batch(tuple(operations)))
    edges = set()
    for responsibility in ids[RE]:
        edges.add((rng.choice(ids[RO]), responsibility, E.ACCOUNTABLE))
        edges.add((responsibility, rng.choice(ids[P]), E.SERVES))
        if rng.random() < 0.3:
            edges.add((rng.choice(ids[RO]), responsibility, E.CONSULTED))
        if rng.random() < 0.15:
            edges.add((responsibility, rng.choice(ids[G]), E.BOUNDED_BY))
    for role in ids[RO]:
        if rng.random() < 0.4:
            boss = rng.choice(ids[RO])
            if boss != role:
                edges.add((role, boss, E.ESCALATES_TO))
    session.apply(Batch(tuple(AddEdge(s, t, k) for s, t, k in sorted(edges))))
    return session

"""German terms of the glossary (English source text → German).

One term per kind, used alike on the projector and on paper.
"""

GERMAN: dict[str, str] = {
    # Node kinds
    "Priority": "Priorität",
    "Role": "Rolle",
    "Responsibility": "Verantwortung",
    "Guardrail": "Leitplanke",
    # Relations
    "Accountable (A)": "Verantwortlich (A)",
    "Responsible (R)": "Durchführend (R)",
    "Consulted (C)": "Konsultiert (C)",
    "Informed (I)": "Informiert (I)",
    "Escalates to": "Eskaliert an",
    "escalates": "eskaliert",
    "Serves": "Zahlt ein auf",
    "Comes before": "Geht vor",
    "Conflicts with": "Steht im Konflikt mit",
    "Limited by": "Begrenzt durch",
    "Stands in for": "Vertritt",
    "stands in": "vertritt",
    # Severities of findings, in the client's words
    "To be settled": "Zu klären",
    "Risk": "Risiko",
    "Suggestion": "Anregung",
}

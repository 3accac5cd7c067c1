"""German texts of the workshop protocol (English source text → German)."""

GERMAN: dict[str, str] = {
    # Page set-up and title page
    "Page {page} of {pages}": "Seite {page} von {pages}",
    "Workshop protocol": "Workshop-Protokoll",
    "Workshop protocol for {client}": "Workshop-Protokoll für {client}",
    "Responsibility workshop": "Workshop Verantwortung",
    "Date": "Datum",
    "Facilitator": "Moderation",
    "Client": "Auftraggeber",
    "Participants": "Teilnehmende",
    "Name": "Name",
    "Role": "Rolle",
    "At a glance": "Auf einen Blick",
    "{priorities}, {responsibilities}, {roles}, {guardrails}.": (
        "{priorities}, {responsibilities}, {roles}, {guardrails}."
    ),
    "Open points: {errors}, {warnings}, {infos}; {accepted} accepted by the group.": (
        "Offene Punkte: {errors}, {warnings}, {infos}; {accepted} von der Gruppe akzeptiert."
    ),
    "{actions}.": "{actions}.",
    # Map
    "Map": "Landkarte",
    "Legend": "Legende",
    "Priority": "Priorität",
    "Responsibility": "Verantwortung",
    "Guardrail": "Leitplanke",
    "{nodes}, {edges}.": "{nodes}, {edges}.",
    "The map is empty.": "Die Landkarte ist leer.",
    "Map, part {name} ({number} of {total})": "Landkarte, Ausschnitt {name} ({number} von {total})",
    # Priorities
    "Priorities": "Prioritäten",
    "The same place means the order does not decide between these priorities.": (
        "Gleicher Platz heißt: Die Reihenfolge entscheidet zwischen diesen Prioritäten nicht."
    ),
    "Place": "Platz",
    "Rank": "Rang",
    "Outranks": "Steht über",
    "Accountable": "Verantwortlich",
    "Not yet in the order: {labels}": "Noch nicht eingeordnet: {labels}",
    "No priorities on the map.": "Keine Prioritäten auf der Landkarte.",
    "Conflicts between priorities": "Konflikte zwischen Prioritäten",
    "Pulls against": "Zieht gegen",
    "Status": "Status",
    "settled: {label} comes first": "geklärt: {label} geht vor",
    "open: the order does not decide": "offen: Die Reihenfolge entscheidet nicht",
    # RACI
    "RACI matrix": "RACI-Matrix",
    "A accountable · R responsible · C consulted · I informed": (
        "A verantwortlich · R durchführend · C konsultiert · I informiert"
    ),
    "No roles have RACI entries yet.": "Noch keine Rolle hat RACI-Einträge.",
    "The roles do not fit across one page: the matrix comes in {parts}."
    " Each part lists the responsibilities with an entry for its roles.": (
        "Die Rollen passen nicht nebeneinander auf eine Seite: Die Matrix ist in {parts} geteilt."
        " Jeder Teil zeigt die Verantwortungen mit einem Eintrag für seine Rollen."
    ),
    "Part {number} of {parts}": "Teil {number} von {parts}",
    # Decision spaces and guardrails
    "Decision spaces": "Entscheidungsräume",
    "No responsibilities on the map.": "Keine Verantwortungen auf der Landkarte.",
    "Decision limit": "Entscheidungsgrenze",
    "Re-confirmation": "Gegenbestätigung",
    "Good enough when": "Gut genug, wenn",
    "Critical": "Kritisch",
    "yes": "ja",
    "no": "nein",
    "yes, must be re-confirmed": "ja, muss gegenbestätigt werden",
    "serves: {labels}": "dient: {labels}",
    "bounded by: {labels}": "begrenzt durch: {labels}",
    "Guardrails": "Leitplanken",
    "Bounds": "Begrenzt",
    # Escalation
    "Escalation paths": "Eskalationswege",
    "No escalation paths on the map.": "Keine Eskalationswege auf der Landkarte.",
    "Case": "Fall",
    "Path": "Weg",
    "Triggers": "Auslöser",
    "Between roles": "Zwischen Rollen",
    "(no owner)": "(niemand verantwortlich)",
    "{label} (loop)": "{label} (Schleife)",
    "… further paths from the same start are not shown": (
        "… weitere Wege vom selben Ausgangspunkt sind nicht aufgeführt"
    ),
    # Findings
    "Findings": "Befunde",
    "What the map still leaves unclear, by severity. Accepted findings stay"
    " listed with the group's note.": (
        "Was die Landkarte noch offen lässt, nach Schwere. Akzeptierte Befunde bleiben"
        " mit der Notiz der Gruppe aufgeführt."
    ),
    "The analysis found nothing unclear.": "Die Analyse hat nichts Unklares gefunden.",
    "Errors": "Fehler",
    "Warnings": "Warnungen",
    "Information": "Hinweise",
    "Finding": "Befund",
    "Concerns": "Betrifft",
    "Review": "Bewertung",
    "Accepted": "Akzeptiert",
    # Long texts
    "Notes": "Notizen",
    "continued in the appendix, text {number}": "Fortsetzung im Anhang, Text {number}",
    "Appendix: long texts": "Anhang: lange Texte",
    # Actions
    "Agreed actions": "Vereinbarte Maßnahmen",
    "No actions were agreed.": "Es wurden keine Maßnahmen vereinbart.",
    "Action": "Maßnahme",
    "Owner": "Verantwortlich",
    "Due": "Fällig",
    "open": "offen",
    "in progress": "in Arbeit",
    "done": "erledigt",
    "cancelled": "abgebrochen",
    "dropped": "verworfen",
}

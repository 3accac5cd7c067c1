"""German texts of the workshop protocol (English source text → German)."""

GERMAN: dict[str, str] = {
    # Page set-up, metadata
    "Page {page} of {pages}": "Seite {page} von {pages}",
    "Workshop protocol": "Workshop-Protokoll",
    "Workshop protocol for {client}": "Workshop-Protokoll für {client}",
    "Responsibility workshop": "Workshop Verantwortung",
    # Summary
    "Summary": "Zusammenfassung",
    "Date": "Datum",
    "Client": "Auftraggeber",
    "Facilitator": "Moderation",
    "Participant": "Teilnehmende Person",
    "Participants": "Teilnehmende",
    "Decisions": "Beschlüsse",
    "Agreed order of priorities:": "Vereinbarte Reihenfolge der Prioritäten:",
    "… (the full order under “Priorities”)": "… (die ganze Reihenfolge unter „Prioritäten“)",
    "{first} comes before {second}.": "{first} geht vor {second}.",
    "Accepted as it is:": "So belassen:",
    "… and {more} more under “Priorities” and “Findings”.": (
        "… und {more} weitere unter „Prioritäten“ und „Befunde“."
    ),
    "No decisions were recorded.": "Es wurden keine Beschlüsse festgehalten.",
    "Open points": "Offene Punkte",
    "The map leaves nothing open.": "Die Landkarte lässt nichts offen.",
    "Next steps": "Nächste Schritte",
    "No open actions.": "Keine offenen Maßnahmen.",
    "The other {actions} are listed under “Agreed actions”.": (
        "Die übrigen {actions} stehen unter „Vereinbarte Maßnahmen“."
    ),
    # Agenda and contents
    "Agenda": "Ablauf",
    "Time": "Zeit",
    "Phase": "Phase",
    "Duration": "Dauer",
    "Times from the start of the workshop.": "Zeiten ab Beginn des Workshops.",
    "Contents": "Inhalt",
    # Map
    "Map": "Landkarte",
    "Legend": "Legende",
    "rank of a priority": "Rang einer Priorität",
    "load of a role": "Auslastung einer Rolle",
    "decision limit": "Entscheidungsgrenze",
    "must be re-confirmed by someone else": "muss von jemand anderem bestätigt werden",
    "critical": "kritisch",
    "the role's part in a responsibility": "Anteil der Rolle an einer Verantwortung",
    "on an escalation: when it applies": "an einer Eskalation: wann sie greift",
    "{nodes}, {edges}.": "{nodes}, {edges}.",
    "The map is empty.": "Die Landkarte ist leer.",
    "On paper a map this large shows its structure; the window shows every detail,"
    " and File → Export map as PNG/SVG gives it as an image.": (
        "Auf Papier zeigt eine so große Landkarte ihre Struktur; jedes Detail zeigt das"
        " Programm, und Datei → Karte als PNG/SVG exportieren liefert sie als Bild."
    ),
    "The map is in the PDF protocol; File → Export map as PNG/SVG gives it as an image.": (
        "Die Landkarte steht im PDF-Protokoll; Datei → Karte als PNG/SVG exportieren liefert sie"
        " als Bild."
    ),
    "Map, part {name} ({number} of {total})": "Landkarte, Ausschnitt {name} ({number} von {total})",
    # Priorities
    "Priorities": "Prioritäten",
    "The same place means the order does not decide between these priorities.": (
        "Gleicher Platz heißt: Die Reihenfolge entscheidet zwischen diesen Prioritäten nicht."
    ),
    "Place": "Platz",
    "Priority": "Priorität",
    "Rank": "Rang",
    "Accountable": "Verantwortlich",
    "A dash in the first column: not yet in the order.": (
        "Ein Strich in der ersten Spalte: noch nicht eingeordnet."
    ),
    "No priorities on the map.": "Keine Prioritäten auf der Landkarte.",
    "Conflicts between priorities": "Konflikte zwischen Prioritäten",
    "Pulls against": "Zieht gegen",
    "Status": "Status",
    "settled: {label} comes first": "geklärt: {label} geht vor",
    "open: the order does not decide": "offen: Die Reihenfolge entscheidet nicht",
    # RACI and roles
    "RACI matrix": "RACI-Matrix",
    "A accountable · R responsible · C consulted · I informed": (
        "A verantwortlich · R durchführend · C konsultiert · I informiert"
    ),
    "No roles have RACI entries yet.": "Noch keine Rolle hat RACI-Einträge.",
    "With {roles} the matrix would be pages of nearly empty columns. The roles table"
    " says what each role is accountable for and where it takes part; the window's"
    " RACI view shows the whole matrix.": (
        "Bei {roles} wäre die Matrix seitenweise fast leer. Die Rollentabelle zeigt,"
        " wofür jede Rolle verantwortlich ist und wo sie mitwirkt; die ganze Matrix"
        " zeigt die RACI-Ansicht im Programm."
    ),
    "Part {number} of {parts}": "Teil {number} von {parts}",
    "No RACI entries yet: {labels}": "Noch ohne RACI-Eintrag: {labels}",
    "Roles": "Rollen",
    "No roles on the map.": "Keine Rollen auf der Landkarte.",
    "Role": "Rolle",
    "Load": "Auslastung",
    "no buffer": "kein Puffer",
    "Deputy": "Vertretung",
    "Stands in for": "Vertritt",
    "Accountable for": "Verantwortlich für",
    "Also involved": "Wirkt mit",
    "R responsible · C consulted · I informed. Load: share of capacity in use.": (
        "R durchführend · C konsultiert · I informiert. Auslastung: genutzter Anteil der Kapazität."
    ),
    "The numbers say in how many responsibilities.": (
        "Die Zahlen sagen, bei wie vielen Verantwortungen."
    ),
    "and {more} more": "und {more} weitere",
    # Decision spaces and guardrails
    "Decision spaces": "Entscheidungsräume",
    "No responsibilities on the map.": "Keine Verantwortungen auf der Landkarte.",
    "Responsibility": "Verantwortung",
    "Decision limit": "Entscheidungsgrenze",
    "Re-confirmation": "Rückversicherung",
    "Good enough when": "Gut genug, wenn",
    "Critical": "Kritisch",
    "yes": "ja",
    "no": "nein",
    "serves: {labels}": "zahlt ein auf: {labels}",
    "limited by: {labels}": "begrenzt durch: {labels}",
    "Listed: the responsibilities with a decision limit, a re-confirmation or notes."
    " The other {rest} have none of these.": (
        "Aufgeführt sind die Verantwortungen mit Entscheidungsgrenze, Rückversicherung oder"
        " Notizen. Die übrigen {rest} haben nichts davon."
    ),
    "When a solution is good enough": "Wann eine Lösung gut genug ist",
    "For": "Für",
    "Guardrails": "Leitplanken",
    "Guardrail": "Leitplanke",
    "Limits": "Begrenzt",
    # Escalation
    "Escalation paths": "Eskalationswege",
    "No escalation paths on the map.": "Keine Eskalationswege auf der Landkarte.",
    "Cases": "Fälle",
    "Path": "Weg",
    "Triggers": "Auslöser",
    "Trigger": "Auslöser",
    "after {duration}": "nach {duration}",
    "Cases that take the same path share a row.": "Fälle mit demselben Weg teilen sich eine Zeile.",
    "Between roles": "Zwischen Rollen",
    "(nobody accountable)": "(niemand verantwortlich)",
    "{label} (loop)": "{label} (Schleife)",
    "… further paths from the same start are not shown": (
        "… weitere Wege vom selben Ausgangspunkt sind nicht aufgeführt"
    ),
    "Receives from": "Erhält von",
    "Passes on to": "Gibt weiter an",
    "On a map this large, the paths are summarised by the roles that receive escalations;"
    " “Cases” counts the responsibilities whose path can reach the role.": (
        "Bei einer so großen Landkarte sind die Wege nach den Rollen zusammengefasst, die"
        " Eskalationen erhalten; „Fälle“ zählt die Verantwortungen, deren Weg die Rolle"
        " erreichen kann."
    ),
    # Findings
    "Findings": "Befunde",
    "The analysis found nothing unclear.": "Die Analyse hat nichts Unklares gefunden.",
    "What the map still leaves unclear, most urgent first. Accepted findings stay"
    " listed with the group's note.": (
        "Was die Landkarte noch offen lässt, das Dringendste zuerst. Akzeptierte Befunde"
        " bleiben mit der Notiz der Gruppe aufgeführt."
    ),
    "To be settled": "Zu klären",
    "Risks": "Risiken",
    "Suggestions": "Anregungen",
    "Finding": "Befund",
    "Concerns": "Betrifft",
    "Review": "Bewertung",
    "accepted": "akzeptiert",
    "For example: {message}": "Zum Beispiel: {message}",
    "Open: {names}": "Offen: {names}",
    "Resolved since the review": "Seit der Bewertung erledigt",
    "The group reviewed these points; the map no longer shows them.": (
        "Die Gruppe hat diese Punkte bewertet; die Landkarte zeigt sie nicht mehr."
    ),
    "A finding": "Ein Befund",
    "Nobody is accountable": "Niemand ist verantwortlich",
    "Several roles are accountable for the same thing": (
        "Mehrere Rollen sind für dasselbe verantwortlich"
    ),
    "Priorities share a rank": "Prioritäten teilen sich einen Rang",
    "The order of priorities contradicts itself": (
        "Die Reihenfolge der Prioritäten widerspricht sich"
    ),
    "Priorities pull against each other, and the order does not say": (
        "Prioritäten ziehen gegeneinander, und die Reihenfolge entscheidet nicht"
    ),
    "Serves no priority": "Zahlt auf keine Priorität ein",
    "Escalation goes in a circle": "Die Eskalation läuft im Kreis",
    "A decision limit but no escalation path": "Entscheidungsgrenze ohne Eskalationsweg",
    "Decisions must be re-confirmed by someone else": (
        "Entscheidungen muss jemand anderes bestätigen"
    ),
    "Critical work without a deputy": "Kritische Aufgaben ohne Vertretung",
    "No buffer left for peaks and absences": "Kein Puffer für Spitzen und Ausfälle",
    "Not yet said when a solution is good enough": "Noch offen, wann eine Lösung gut genug ist",
    "Not connected to anything yet": "Noch mit nichts verbunden",
    "Delegated on paper, re-confirmed in practice": (
        "Auf dem Papier delegiert, in der Praxis rückversichert"
    ),
    # Actions
    "Agreed actions": "Vereinbarte Maßnahmen",
    "No actions were agreed.": "Es wurden keine Maßnahmen vereinbart.",
    "Action": "Maßnahme",
    "Owner": "Verantwortlich",
    "Due": "Fällig",
    "overdue": "überfällig",
    "Takes up an open finding.": "Bezieht sich auf einen offenen Befund.",
    "Takes up: {finding}": "Bezieht sich auf: {finding}",
    "The finding it takes up no longer occurs.": (
        "Der Befund, auf den sie sich bezieht, besteht nicht mehr."
    ),
    "open": "offen",
    "in progress": "in Arbeit",
    "done": "erledigt",
    "cancelled": "abgebrochen",
    "dropped": "verworfen",
    # Notes, appendix and glossary
    "Notes": "Notizen",
    "Notes on relations": "Notizen zu Beziehungen",
    "From": "Von",
    "Relation": "Beziehung",
    "To": "Zu",
    "Note": "Notiz",
    "continued in the appendix, text {number}": "Fortsetzung im Anhang, Text {number}",
    "and {more} more (full list in the appendix, list {number})": (
        "und {more} weitere (vollständige Liste im Anhang, Liste {number})"
    ),
    "Full lists": "Vollständige Listen",
    "List {number}": "Liste {number}",
    "Long texts": "Lange Texte",
    "Glossary": "Glossar",
    "The same terms as on the projector: elements, relations, and how urgent a finding is.": (
        "Dieselben Begriffe wie auf der Leinwand: Elemente, Beziehungen und wie dringend"
        " ein Befund ist."
    ),
    "Term": "Begriff",
    "Meaning": "Bedeutung",
    "What the service steers by; rank 1 comes first.": (
        "Woran sich der Service ausrichtet; Rang 1 geht vor."
    ),
    "A task, decision or area that someone must own.": (
        "Eine Aufgabe, Entscheidung oder ein Bereich, für den jemand einstehen muss."
    ),
    "A team, role or person who can own things; load is capacity in use.": (
        "Ein Team, eine Rolle oder Person, die Verantwortung tragen kann; Auslastung ist"
        " der genutzte Anteil der Kapazität."
    ),
    "A boundary that decisions must stay within.": (
        "Eine Grenze, in der Entscheidungen bleiben müssen."
    ),
    "Answers for the outcome; the one who decides in the end.": (
        "Steht für das Ergebnis ein und entscheidet am Ende."
    ),
    "Does the work.": "Erledigt die Arbeit.",
    "Is asked before the decision.": "Wird vor der Entscheidung gefragt.",
    "Is told about the decision.": "Erfährt von der Entscheidung.",
    "Where a case goes once it exceeds the decision space.": (
        "Wohin ein Fall geht, der den Entscheidungsraum übersteigt."
    ),
    "What a responsibility is for.": "Wofür eine Verantwortung da ist.",
    "One priority comes before the other.": "Eine Priorität geht der anderen vor.",
    "Two priorities pull in opposite directions.": (
        "Zwei Prioritäten ziehen in entgegengesetzte Richtungen."
    ),
    "A guardrail limits the responsibility.": "Eine Leitplanke begrenzt die Verantwortung.",
    "Stands in when the other role is absent.": "Springt ein, wenn die andere Rolle fehlt.",
    "Unclear in a way that blocks decisions; to be settled soon.": (
        "So unklar, dass Entscheidungen hängen bleiben; bald zu klären."
    ),
    "Works for now, but will fail under pressure.": "Trägt im Moment, versagt aber unter Druck.",
    "Worth a look when there is time.": "Einen Blick wert, wenn Zeit ist.",
    # Walked cases and the delegation board (protocol/cases.py)
    "Walked cases": "Durchgespielte Fälle",
    "{cases} walked through the map: {decided} decided, {stalled} stalled.": (
        "{cases} durch die Karte geschickt: {decided} entschieden, {stalled} liegen geblieben."
    ),
    "Decided:": "Entschieden:",
    "Stalled:": "Liegen geblieben:",
    "decided": "entschieden",
    "stalled": "liegen geblieben",
    "Case": "Fall",
    "Way": "Weg",
    "Outcome": "Ergebnis",
    "Delegation board": "Delegationsstufen",
    "The seven levels": "Die sieben Stufen",
    "today": "heute",
    "target": "Ziel",
    "{count} with a delegation level; {behind} not yet at their target.": (
        "{count} mit Delegationsstufe; {behind} davon noch nicht am Ziel."
    ),
    "Gap": "Abstand",
    "reached": "erreicht",
    "{today} today · {target} the target · {both} reached.": (
        "{today} heute · {target} Ziel · {both} erreicht."
    ),
    "delegated on paper, re-confirmed in practice": (
        "auf dem Papier delegiert, in der Praxis rückversichert"
    ),
    # Since the last workshop (protocol/since.py)
    "Since the last workshop": "Seit dem letzten Workshop",
    "Compared with the workshop of {date}": "Verglichen mit dem Workshop vom {date}",
    "Compared with the previous workshop": "Verglichen mit dem vorigen Workshop",
    "{resolved} resolved, {new} new": "{resolved} behoben, {new} neu",
    "{resolved} resolved, no new ones": "{resolved} behoben, keine neuen",
    "none resolved, {new} new": "keiner behoben, {new} neu",
    "no finding resolved and none new": "kein Befund behoben und keiner neu",
    "Nothing on the map has changed since then.": (
        "Auf der Landkarte hat sich seither nichts geändert."
    ),
    "Findings resolved": "Behobene Befunde",
    "New findings": "Neue Befunde",
    "Before": "Vorher",
    "Now": "Jetzt",
    "Places in bold changed since the last workshop.": (
        "Fett gesetzte Plätze haben sich seit dem letzten Workshop geändert."
    ),
    "Actions done since": "Seither erledigte Maßnahmen",
    "Actions still open": "Weiterhin offene Maßnahmen",
    "Actions no longer listed": "Nicht mehr aufgeführte Maßnahmen",
    "owner: {owner}": "verantwortlich: {owner}",
    "due {date}": "fällig am {date}",
    "And {more} more (full list in the appendix, list {number}).": (
        "Und {more} weitere (vollständige Liste im Anhang, Liste {number})."
    ),
    "{count} added": "{count} hinzugefügt",
    "{count} removed": "{count} entfernt",
    "{count} changed": "{count} geändert",
    "On the map: {changes}.": "Auf der Landkarte: {changes}.",
    "New:": "Neu:",
    "Removed:": "Entfallen:",
    "Changed:": "Geändert:",
    # --- dot voting ---
    "Dot voting": "Punktabfrage",
    "Vote on the priorities": "Abstimmung über die Prioritäten",
    "Vote on the open findings": "Abstimmung über die offenen Befunde",
    "{people} voted, {dots} each.": "Abgestimmt: {people}, je Person {dots}.",
    "The room voted by a show of hands.": "Der Raum hat per Handzeichen abgestimmt.",
    "The group took the order into the ranks.": (
        "Die Gruppe hat die Reihenfolge als Rangfolge übernommen."
    ),
    "The group did not take the order into the ranks.": (
        "Die Gruppe hat die Reihenfolge nicht als Rangfolge übernommen."
    ),
    "Voted on": "Abgestimmt über",
    "Dots": "Punkte",
    "No dots were given.": "Es wurden keine Punkte vergeben.",
}

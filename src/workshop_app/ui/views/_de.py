"""German texts of this part of the UI (English source text → German)."""

GERMAN: dict[str, str] = {
    "“{text}”": "„{text}“",
    # --- docks and menu ---
    "Guide": "Leitfaden",
    "Priorities": "Prioritäten",
    "RACI matrix": "RACI-Matrix",
    "Actions": "Maßnahmen",
    # --- dot voting ---
    "Dot voting": "Punktabfrage",
    "Open findings": "Offene Befunde",
    "Start a round": "Runde beginnen",
    "Who votes (empty: the room's show of hands)": "Wer stimmt ab? (leer: Handzeichen im Raum)",
    "Count this ballot": "Stimmen zählen",
    "Take this order into the ranks": "Diese Reihenfolge als Rangfolge übernehmen",
    "New round on": "Neue Runde über",
    "dots each": "Punkte je Person",
    "Round {id}: {topic}, {dots} each": "Runde {id}: {topic}, {dots} je Person",
    "Start a round to let the group vote.": "Beginnen Sie eine Runde, damit die Gruppe abstimmt.",
    "{people} voted; {dots} given.": "Abgestimmt: {people}; vergeben: {dots}.",
    "The group took this order into the ranks.": (
        "Die Gruppe hat diese Reihenfolge als Rangfolge übernommen."
    ),
    "{left} of {dots} left": "{left} von {dots} übrig",
    "{given} given, {dots} to give": "{given} vergeben, nur {dots} zu vergeben",
    "Show of hands: {hands} in all": "Handzeichen: {hands} insgesamt",
    "Start a round of dot voting": "Runde der Punktabfrage beginnen",
    "Count a ballot": "Stimmen zählen",
    "Take the voted order into the ranks": "Abgestimmte Reihenfolge als Rangfolge übernehmen",
    "Presentation mode": "Präsentationsmodus",
    "Full screen for the room: the map and the open findings": (
        "Vollbild für den Raum: die Landkarte und die offenen Befunde"
    ),
    # --- guide ---
    "Phase {n} of {count} · {minutes} min": "Phase {n} von {count} · {minutes} min",
    "Agenda · {minutes} min": "Ablauf · {minutes} min",
    "◀ Previous phase": "◀ Vorige Phase",
    "Next phase ▶": "Nächste Phase ▶",
    "Start": "Start",
    "Pause": "Pause",
    "Reset": "Zurücksetzen",
    "+{minutes} min": "+{minutes} min",
    "Give the group more time": "Der Gruppe mehr Zeit geben",
    "Overtime": "Überzogen",
    # --- priorities ---
    "Drag a priority (or Ctrl+Up/Down) to change the order.": (
        "Priorität ziehen (oder Strg+Pfeil hoch/runter), um die Reihenfolge zu ändern."
    ),
    "Compare pairwise…": "Paarweise vergleichen …",
    "Settle ties and unranked priorities: “A or B?”": (
        "Gleichstände und Prioritäten ohne Rang klären: „A oder B?“"
    ),
    "Which matters more here?": "Was ist hier wichtiger?",
    "or": "oder",
    "Pair {n} of {count}": "Paar {n} von {count}",
    "All {pairs} answered": "Alle {pairs} beantwortet",
    "The pair is answered": "Das Paar ist beantwortet",
    "Undo last answer": "Letzte Antwort zurücknehmen",
    "Cancel": "Abbrechen",
    "Ask again": "Noch einmal fragen",
    "Accept as a tie": "Als Gleichstand übernehmen",
    "The answers contradict each other:": "Die Antworten widersprechen sich:",
    "{a} over {b}": "{a} vor {b}",
    "Ask the group to revisit these pairs, or accept them as a tie.": (
        "Die Gruppe diese Paare noch einmal abwägen lassen oder als Gleichstand übernehmen."
    ),
    "Reorder priorities": "Prioritäten umsortieren",
    "Rank priorities by pairwise comparison": "Prioritäten paarweise geordnet",
    "Rank priorities (contradictions kept as a tie)": (
        "Prioritäten geordnet (Widersprüche als Gleichstand)"
    ),
    "Tie: shares rank {rank} with {others}": "Gleichstand: teilt Rang {rank} mit {others}",
    "No rank yet": "Noch kein Rang",
    # --- RACI ---
    "accountable (A)": "verantwortlich (A)",
    "responsible (R)": "durchführend (R)",
    "consulted (C)": "konsultiert (C)",
    "informed (I)": "informiert (I)",
    "{role} → {responsibility}: {kinds}": "{role} → {responsibility}: {kinds}",
    "RACI: {role} / {responsibility}: {letter}": "RACI: {role} / {responsibility}: {letter}",
    "empty": "leer",
    "A accountable (owns it) · R responsible (does it) · C consulted · I informed. "
    "Click or Space: A → R → C → I → empty. {flag}marks an open finding.": (
        "A verantwortlich (trägt es) · R durchführend (tut es) · C konsultiert · I informiert. "
        "Klick oder Leertaste: A → R → C → I → leer. {flag}markiert einen offenen Befund."
    ),
    # --- actions ---
    "Action": "Maßnahme",
    "Owner": "Verantwortlich",
    "Due": "Fällig",
    "Status": "Status",
    "open": "offen",
    "in progress": "in Arbeit",
    "done": "erledigt",
    "New action": "Neue Maßnahme",
    "Add action": "Maßnahme hinzufügen",
    "Remove action": "Maßnahme entfernen",
    "Edit action": "Maßnahme bearbeiten",
    "Create action from finding": "Maßnahme aus Befund anlegen",
    "No open findings": "Keine offenen Befunde",
    "{text} is not a date; type it like {example}": (
        "„{text}“ ist kein Datum; bitte so eingeben: {example}"
    ),
    # --- presentation ---
    "Presentation": "Präsentation",
    "Finding {n} of {count}": "Befund {n} von {count}",
    "Concerns: {labels}": "Betrifft: {labels}",
    "Note for the protocol (optional)": "Notiz für das Protokoll (optional)",
    "Accept": "Akzeptieren",
    "Keep open": "Offen lassen",
    "Create action": "Maßnahme anlegen",
    "Action added: {text}": "Maßnahme angelegt: {text}",
    "Owner: {owner}": "Verantwortlich: {owner}",
    "Owner:": "Verantwortlich:",
    "Owner of the action": "Verantwortlich für die Maßnahme",
    "Accept finding": "Befund akzeptieren",
    "Keep finding open": "Befund offen lassen",
    "Nothing on the map is unclear any more.": "Auf der Landkarte ist nichts mehr unklar.",
    "Question for the group": "Frage an die Gruppe",
    # --- questions for the group, per finding code ---
    "Who answers for this, and who decides when it goes wrong?": (
        "Wer steht dafür ein, und wer entscheidet, wenn es schiefgeht?"
    ),
    "If several own it, who decides when they disagree?": (
        "Wenn mehrere es tragen: Wer entscheidet, wenn sie sich nicht einig sind?"
    ),
    "If both cannot be served today, which one wins?": "Wenn heute nicht beides geht: Was gewinnt?",
    "Which of these really comes first when it counts?": (
        "Was davon geht wirklich vor, wenn es darauf ankommt?"
    ),
    "When these two pull apart, who decides, and by which rule?": (
        "Wenn diese beiden gegeneinander ziehen: Wer entscheidet, nach welcher Regel?"
    ),
    "What is this task for? Which priority does it serve?": (
        "Wofür gibt es diese Aufgabe? Welcher Priorität dient sie?"
    ),
    "Where is the case finally decided?": "Wo wird der Fall am Ende entschieden?",
    "Where does a case go that exceeds the limit, and who takes it?": (
        "Wohin geht ein Fall über der Grenze, und wer nimmt ihn an?"
    ),
    "What would it take to trust this decision without re-confirming it?": (
        "Was müsste geschehen, damit diese Entscheidung ohne Rückversicherung gilt?"
    ),
    "Who decides here when this role is ill or on holiday?": (
        "Wer entscheidet hier, wenn diese Rolle krank oder im Urlaub ist?"
    ),
    "What is left undone at the next peak or absence, and what could go?": (
        "Was bleibt bei der nächsten Spitze oder Abwesenheit liegen, und was könnte entfallen?"
    ),
    "When is a solution good enough here: for the customer, professionally, economically?": (
        "Wann ist eine Lösung hier gut genug: für den Kunden, fachlich, wirtschaftlich?"
    ),
    "How does this connect to the rest: who owns it, what is it for?": (
        "Wie hängt das mit dem Rest zusammen: Wer trägt es, wofür ist es da?"
    ),
    "→ next · ← back · Esc leaves": "→ weiter · ← zurück · Esc beendet",
    "→ / PageDown next · ← / PageUp previous · Esc leaves": (
        "→ / Bild ab weiter · ← / Bild auf zurück · Esc beendet"
    ),
    "Which level of delegation is lived today, and what would it take to drop the "
    "re-confirmation?": (
        "Welche Stufe der Delegation wird heute gelebt, und was bräuchte es, um auf die "
        "Bestätigung zu verzichten?"
    ),
}

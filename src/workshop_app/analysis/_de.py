"""German texts of the analysis (English source text → German)."""

GERMAN: dict[str, str] = {
    "“{label}”": "„{label}“",
    "{first} and {last}": "{first} und {last}",
    "Nobody is accountable for {subject}.": ("Für {subject} ist niemand verantwortlich."),
    "Several roles are accountable for {subject} ({owners}): "
    "when several own a decision, each waits for the others.": (
        "Für {subject} sind mehrere Rollen verantwortlich ({owners}): "
        "Wenn mehrere für eine Entscheidung einstehen, wartet jede auf die anderen."
    ),
    "{priorities} share rank {rank}: when they pull apart, nobody knows which comes first.": (
        "{priorities} teilen sich Rang {rank}: "
        "Wenn sie auseinanderziehen, weiß niemand, was zuerst kommt."
    ),
    "The order of {priorities} contradicts itself: ranks and “outranks” lead in a circle, "
    "so none of them clearly comes first.": (
        "Die Reihenfolge von {priorities} widerspricht sich: Ränge und Vorrang-Angaben "
        "führen im Kreis, keine davon steht klar an erster Stelle."
    ),
    "{first} and {second} pull in opposite directions, "
    "and the order of priorities does not say which one wins.": (
        "{first} und {second} ziehen in entgegengesetzte Richtungen, "
        "und die Reihenfolge der Prioritäten sagt nicht, welche gewinnt."
    ),
    "Whoever handles {responsibilities} has to decide case by case.": (
        "Wer {responsibilities} bearbeitet, muss von Fall zu Fall entscheiden."
    ),
    "{subject} serves no priority: it is unclear what the task is for "
    "and what doing it well means.": (
        "{subject} dient keiner Priorität: Unklar bleibt, wofür die Aufgabe da ist "
        "und woran man gute Arbeit erkennt."
    ),
    "Escalation goes in a circle between {nodes}: a case passed on comes back undecided.": (
        "Die Eskalation läuft im Kreis zwischen {nodes}: "
        "Ein weitergegebener Fall kommt unentschieden zurück."
    ),
    "{subject} has a decision limit ({limit}) but no escalation path: "
    "nobody knows where a case beyond it goes.": (
        "{subject} hat eine Entscheidungsgrenze ({limit}), aber keinen Eskalationsweg: "
        "Niemand weiß, wohin ein Fall darüber hinaus geht."
    ),
    "{subject} must be re-confirmed but has no escalation path: nobody knows who confirms.": (
        "{subject} muss bestätigt werden, hat aber keinen Eskalationsweg: "
        "Niemand weiß, wer bestätigt."
    ),
    "Decisions on {subject} must be re-confirmed by someone else: "
    "the decision right exists on paper only.": (
        "Entscheidungen zu {subject} muss jemand anderes bestätigen: "
        "Der Entscheidungsspielraum besteht nur auf dem Papier."
    ),
    "{role} is accountable for critical work ({responsibilities}) but has no deputy: "
    "if the role is absent, nobody can decide.": (
        "{role} ist für kritische Aufgaben verantwortlich ({responsibilities}), "
        "hat aber keine Vertretung: Fällt die Rolle aus, kann niemand entscheiden."
    ),
    "{role} works at {load} % of capacity: no room for peaks, absences or special cases.": (
        "{role} ist zu {load} % ausgelastet: kein Spielraum für Spitzen, Ausfälle oder Sonderfälle."
    ),
    "For {subject} nobody has said when a solution is good enough: "
    "without that, people play it safe or keep polishing.": (
        "Für {subject} ist nicht geklärt, wann eine Lösung gut genug ist: "
        "Ohne das sichert man sich ab oder feilt endlos."
    ),
    "{subject} is not connected to anything yet.": "{subject} ist noch mit nichts verbunden.",
    "{subject} is largely delegated (level {level} of 7, “{name}”), "
    "yet every decision must be re-confirmed: delegated on paper, re-confirmed in practice.": (
        "{subject} ist weitgehend delegiert (Stufe {level} von 7, „{name}“), "
        "und doch muss jede Entscheidung bestätigt werden: auf dem Papier delegiert, "
        "in der Praxis rückversichert."
    ),
    # --- proposed measures (analysis/measures.py) ---
    "Agree who is accountable for {subject}": "Festlegen, wer für {subject} verantwortlich ist",
    "Decide which one role alone is accountable for {subject}": (
        "Entscheiden, welche eine Rolle allein für {subject} verantwortlich ist"
    ),
    "Settle which comes first: {subject}": "Klären, was Vorrang hat: {subject}",
    "Agree one order for {subject}": "Eine eindeutige Reihenfolge für {subject} vereinbaren",
    "Decide what wins when {subject} pull apart": (
        "Entscheiden, was gilt, wenn {subject} in verschiedene Richtungen ziehen"
    ),
    "Name the priority that {subject} serves": (
        "Festlegen, auf welche Priorität {subject} einzahlt"
    ),
    "Break the escalation loop between {subject}": (
        "Die Eskalationsschleife zwischen {subject} auflösen"
    ),
    "Agree where cases of {subject} go beyond the limit, and when": (
        "Vereinbaren, wohin und wann Fälle von {subject} über die Grenze hinaus eskalieren"
    ),
    "Let {subject} be decided without re-confirmation, within a written limit": (
        "{subject} innerhalb einer schriftlich festgelegten Grenze ohne Rückbestätigung "
        "entscheiden lassen"
    ),
    "Name a deputy for {subject}": "Eine Vertretung für {subject} benennen",
    "Free capacity for {subject} (load below 90 %)": (
        "Kapazität für {subject} freimachen (Auslastung unter 90 %)"
    ),
    "Write down when a solution for {subject} is good enough": (
        "Festhalten, wann eine Lösung für {subject} gut genug ist"
    ),
    "Connect {subject} to the map, or drop it": (
        "{subject} mit der Karte verbinden oder streichen"
    ),
    "Either delegate {subject} for real or write down the level it has in practice": (
        "{subject} entweder wirklich delegieren oder die gelebte Stufe festhalten"
    ),
    "Clarify: {finding}": "Klären: {finding}",
}

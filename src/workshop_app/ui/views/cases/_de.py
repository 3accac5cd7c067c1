"""German texts of the case walk panel, its map overlay and the delegation board."""

GERMAN: dict[str, str] = {
    # The panel
    "Walk a case": "Fall durchspielen",
    "Saved cases": "Gespeicherte Fälle",
    "New case": "Neuer Fall",
    "Save case": "Fall speichern",
    "Delete case": "Fall löschen",
    "Add case": "Fall hinzufügen",
    "Change case": "Fall ändern",
    "Case": "Fall",
    "e.g. Goodwill 120 €, team lead away": "z. B. Kulanz 120 €, Teamleitung im Urlaub",
    "Responsibility": "Verantwortung",
    "Amount": "Betrag",
    "e.g. 120 or 120,50": "z. B. 120 oder 120,50",
    "A number, please: 120 or 120,50 (no thousands mark).": (
        "Bitte eine Zahl: 120 oder 120,50 (ohne Tausenderpunkt)."
    ),
    "Absent": "Abwesend",
    "Play": "Abspielen",
    "One step back": "Einen Schritt zurück",
    "One step on": "Einen Schritt weiter",
    "Pick a responsibility to walk a case through the map.": (
        "Wählen Sie eine Verantwortung, um einen Fall durch die Karte zu schicken."
    ),
    "Decided:": "Entschieden:",
    "Stalled:": "Liegen geblieben:",
    # On the map
    "absent": "abwesend",
    "stands in": "Vertretung",
    "to confirm": "Bestätigung",
    "up to {wait}": "bis zu {wait}",
    "no deadline": "ohne Frist",
    "decides": "entscheidet",
    "stalls here: {reason}": "bleibt hier liegen: {reason}",
    "{title} · {amount}": "{title} · {amount}",
    "several handle it": "mehrere zuständig",
    "nobody handles it": "niemand zuständig",
    "no escalation path": "kein Eskalationsweg",
    "absent, nobody stands in": "abwesend, keine Vertretung",
    "escalation goes in a circle": "Eskalation im Kreis",
    "nobody can confirm": "niemand kann bestätigen",
    # The inspector's fields
    "e.g. 30min, 4h or 2d": "z. B. 30min, 4h oder 2d",
    "“{text}” is no duration: type a number and min, h or d, such as 4h.": (
        "„{text}“ ist keine Dauer: bitte eine Zahl und min, h oder d eingeben, etwa 4h."
    ),
    # The delegation board
    "Delegation board": "Delegationsstufen",
    "Gap": "Abstand",
    "reached": "erreicht",
    "today": "heute",
    "target": "Ziel",
    "Set the delegation level": "Delegationsstufe setzen",
    "Set the delegation target": "Ziel der Delegation setzen",
    "Clear the delegation levels": "Delegationsstufen löschen",
    "● today  ◯ target. Click: today's level · Shift+click or right click: the "
    "target · keys 1 to 7 or ←/→: today · Shift+←/→: the target · Delete: clear.": (
        "● heute  ◯ Ziel. Klick: Stufe heute · Umschalt+Klick oder Rechtsklick: Ziel · "
        "Tasten 1 bis 7 oder ←/→: heute · Umschalt+←/→: Ziel · Entf: löschen."
    ),
}

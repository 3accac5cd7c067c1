"""German texts of the comparison in the window (English source text → German)."""

GERMAN: dict[str, str] = {
    "&Compare with…": "Ver&gleichen mit…",
    "&Back to the normal map": "Zurück zur normalen &Landkarte",
    "Export protocol since the &last workshop (PDF)…": (
        "Protokoll seit dem letzten Workshop e&xportieren (PDF)…"
    ),
    "Stabilit&y over workshops…": "Stabilität über &Workshops…",
    "Actions open across workshops": "Über mehrere Workshops offene Maßnahmen",
    "Added in the other version: {kind} “{label}”": (
        "In der anderen Fassung hinzugefügt: {kind} „{label}“"
    ),
    "Removed since: {kind} “{label}”": "Seitdem entfernt: {kind} „{label}“",
    "Back to the map": "Zurück zur Landkarte",
    "End the comparison: the map without marks": (
        "Vergleich beenden: die Landkarte ohne Markierungen"
    ),
    "Cannot compare": "Vergleich nicht möglich",
    "Changed in workshop {number}": "Geändert in Workshop {number}",
    "Changes": "Änderungen",
    "Earlier sessions of this client": "Frühere Sitzungen dieses Kunden",
    "Findings that keep coming back": "Wiederkehrende Befunde",
    "From {old} to {new}": "Von {old} zu {new}",
    "None": "Keine",
    "Nothing has changed.": "Nichts hat sich geändert.",
    "Stability over {count} workshops": "Stabilität über {count} Workshops",
    "added": "hinzugefügt",
    "changed": "geändert",
    "removed (dashed)": "entfernt (gestrichelt)",
}

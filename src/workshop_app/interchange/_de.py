"""German texts of imports and exports for other tools (English source text → German)."""

GERMAN: dict[str, str] = {
    "{value} is not one of A, R, C, I": "{value} ist keiner der Buchstaben A, R, C, I",
    "cannot be read ({detail})": "kann nicht gelesen werden ({detail})",
    "is too large to be a RACI matrix": "ist zu groß für eine RACI-Matrix",
    "is not a readable Excel workbook ({detail})": "ist keine lesbare Excel-Arbeitsmappe "
    "({detail})",
    "cannot be imported: use {suffixes}": "kann nicht importiert werden: möglich sind {suffixes}",
    "has no worksheet": "enthält kein Tabellenblatt",
    "is not a text file": "ist keine Textdatei",
    "is not a readable CSV file ({detail})": "ist keine lesbare CSV-Datei ({detail})",
    "has more than {count} rows": "hat mehr als {count} Zeilen",
    "has more than {count} columns": "hat mehr als {count} Spalten",
    "holds no roles or responsibilities": "enthält weder Rollen noch Verantwortungen",
    "holds letters, but no role is named at the top of its column": "enthält Buchstaben, "
    "aber über ihrer Spalte steht keine Rolle",
    "holds letters, but no responsibility is named at the start of its row": "enthält "
    "Buchstaben, aber am Anfang ihrer Zeile steht keine Verantwortung",
    "{label} appears twice (also in {other})": "{label} kommt zweimal vor (auch in {other})",
}

"""German texts of the command line (English source text → German)."""

GERMAN: dict[str, str] = {
    "{file}: {nodes}, {edges}; open: {errors}, {warnings}, {infos}; {accepted} accepted": (
        "{file}: {nodes}, {edges}; offen: {errors}, {warnings}, {infos}; {accepted} akzeptiert"
    ),
    " (accepted)": " (akzeptiert)",
    "warning: no bundled font has these characters; they print as gaps: {characters}": (
        "Warnung: Diese Zeichen kann keine mitgelieferte Schrift darstellen; im Protokoll"
        " bleiben sie leer: {characters}"
    ),
}

"""German texts of the command line (English source text → German)."""

GERMAN: dict[str, str] = {
    "{file}: {nodes} nodes, {edges} edges; open: {errors} errors, {warnings} warnings, "
    "{infos} notes; {accepted} accepted": "{file}: {nodes} Knoten, {edges} Kanten; offen: "
    "{errors} Fehler, {warnings} Warnungen, {infos} Hinweise; {accepted} akzeptiert",
    " (accepted)": " (akzeptiert)",
}

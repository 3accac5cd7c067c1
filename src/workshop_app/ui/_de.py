"""German texts of this part of the UI (English source text → German)."""

GERMAN: dict[str, str] = {
    # --- window ---
    "&About Responsibility Map": "Ü&ber Responsibility Map",
    "&Accept…": "A&kzeptieren…",
    "&Arrange map": "Karte &anordnen",
    "&Connect to…": "Ver&binden mit …",
    "&Readable size": "&Lesbare Größe",
    "&Delete": "&Löschen",
    "&Discard changes": "Änderungen &verwerfen",
    "&Discard it": "&Verwerfen",
    "&Edit": "&Bearbeiten",
    "&Export protocol (PDF, Word)…": "Protokoll &exportieren (PDF, Word)…",
    "&File": "&Datei",
    "&Fit map": "Karte ein&passen",
    "&Help": "&Hilfe",
    "&Keyboard shortcuts": "&Tastenkürzel",
    "&Language": "&Sprache",
    "&New": "&Neu",
    "&Open…": "Ö&ffnen…",
    "&Quit": "&Beenden",
    "&Recover": "&Wiederherstellen",
    "&Redo": "&Wiederholen",
    "&Redo: {step}": "&Wiederholen: {step}",
    "&Reopen": "&Wieder öffnen",
    "&Save": "&Speichern",
    "&Settings": "&Einstellungen",
    "&Undo": "&Rückgängig",
    "&Undo: {step}": "&Rückgängig: {step}",
    "&View": "&Ansicht",
    "(menu only)": "(nur über das Menü)",
    ", {accepted} accepted": ", {accepted} akzeptiert",
    "A node needs a label; the previous one is kept.": (
        "Ein Knoten braucht eine Beschriftung; die bisherige bleibt."
    ),
    "About Responsibility Map": "Über Responsibility Map",
    "Accept finding": "Befund akzeptieren",
    "Accepted by the group": "Von der Gruppe akzeptiert",
    "Accepted: {note}": "Akzeptiert: {note}",
    "Add &guardrail": "Lei&tplanke hinzufügen",
    "Add &priority": "&Priorität hinzufügen",
    "Add r&ole": "R&olle hinzufügen",
    "Add re&sponsibility": "&Verantwortung hinzufügen",
    "All files (*)": "Alle Dateien (*)",
    "Ask again &next time": "Beim &nächsten Start fragen",
    "Autosave does not work": "Automatisches Speichern funktioniert nicht",
    "Autosave failed: {reason}": "Automatisches Speichern fehlgeschlagen: {reason}",
    "Autosave works again.": "Automatisches Speichern funktioniert wieder.",
    "Cancel": "Abbrechen",
    "Cannot open the session": "Sitzung kann nicht geöffnet werden",
    "Cannot read {file}: {reason}": "{file} kann nicht gelesen werden: {reason}",
    "Cannot write {file}: {reason}": "{file} kann nicht geschrieben werden: {reason}",
    "Client": "Auftraggeber",
    "Command": "Befehl",
    "Critical": "Kritisch",
    "Date": "Datum",
    "Decision limit": "Entscheidungsgrenze",
    "Edit {field}": "{field} ändern",
    "{severity}: {open} open": "{severity}: {open} offen",
    "Export &map as PNG/SVG…": "&Karte als PNG/SVG exportieren…",
    "Export map": "Karte exportieren",
    "Export protocol": "Protokoll exportieren",
    "Facilitator": "Moderation",
    "Findings": "Befunde",
    "From": "Von",
    "Go to &map": "Zur &Karte",
    "Go to fi&ndings": "Zu den &Befunden",
    "Go to ins&pector": "Zu den &Eigenschaften",
    "Good enough when": "Gut genug, wenn",
    "Id": "Kennung",
    "Inspector": "Eigenschaften",
    "It had not been saved yet.": "Sie war noch nicht gespeichert.",
    "It was last saved as: {file}": "Zuletzt gespeichert als: {file}",
    "Keyboard shortcuts": "Tastenkürzel",
    "Keys": "Tasten",
    "Kind": "Art",
    "Label": "Beschriftung",
    "Le&gend": "Legen&de",
    "Load": "Auslastung",
    "Main toolbar": "Werkzeugleiste",
    "Map exported: {file}": "Karte exportiert: {file}",
    "Map not exported": "Karte nicht exportiert",
    "Must be re-confirmed by someone else": "Muss von jemand anderem bestätigt werden",
    "New from &template…": "Neu aus &Vorlage…",
    "New from template": "Neu aus Vorlage",
    "No recent files": "Keine zuletzt geöffneten Dateien",
    "Not possible: {reason}": "Nicht möglich: {reason}",
    "Not saved": "Nicht gespeichert",
    "Notes": "Notizen",
    "Notes (Ctrl+Enter to apply)": "Notizen (Strg+Eingabe übernimmt)",
    "Open &recent": "&Zuletzt geöffnet",
    "Open workshop session": "Workshop-Sitzung öffnen",
    "PDF documents (*.pdf)": "PDF-Dokumente (*.pdf)",
    "PNG image (*.png)": "PNG-Bild (*.png)",
    "Workshop language": "Sprache des Workshops",
    "Protocol not written": "Protokoll nicht geschrieben",
    "Protocol written: {file}": "Protokoll geschrieben: {file}",
    "Rank": "Rang",
    "Re&name": "&Umbenennen",
    "Recover the unsaved workshop from {time}?": (
        "Den nicht gespeicherten Workshop vom {time} wiederherstellen?"
    ),
    "Recover unsaved workshop": "Nicht gespeicherten Workshop wiederherstellen",
    "Relation": "Beziehung",
    "Reopen finding": "Befund wieder öffnen",
    # The product's name stays as it is, as in the file format's messages.
    "Responsibility Map": "Responsibility Map",
    "Responsibility Map {version}\n\nMap a customer-service team's priorities, "
    "responsibilities, decision spaces and escalation paths, and see what is still "
    "ambiguous.": (
        "Responsibility Map {version}\n\nPrioritäten, Verantwortungen, "
        "Entscheidungsräume und Eskalationswege eines Kundenservice-Teams abbilden "
        "und sehen, was noch unklar ist."
    ),
    "SVG image (*.svg)": "SVG-Bild (*.svg)",
    "Save &as…": "Speichern &unter…",
    "Save workshop session": "Workshop-Sitzung speichern",
    "Select &all": "&Alles auswählen",
    "Session summary": "Übersicht der Sitzung",
    "Something went wrong: {error}": "Etwas ist schiefgegangen: {error}",
    "Take back the group's acceptance": "Die Akzeptanz der Gruppe zurücknehmen",
    "Templates unavailable": "Vorlagen nicht verfügbar",
    "The group accepts this finding as it is (with a note)": (
        "Die Gruppe akzeptiert diesen Befund so, wie er ist (mit einer Notiz)"
    ),
    "The lowest value, “— not set”, removes the field.": (
        "Der kleinste Wert, „— nicht gesetzt“, entfernt das Feld."
    ),
    "The protocol could not be written: {reason}": (
        "Das Protokoll konnte nicht geschrieben werden: {reason}"
    ),
    "Title": "Titel",
    "To": "Nach",
    "Goes up after": "Eskaliert nach",
    "Delegation today": "Delegationsstufe heute",
    "Delegation target": "Delegationsziel",
    "Trigger": "Auslöser",
    "Unexpected error": "Unerwarteter Fehler",
    "Unsaved changes": "Nicht gespeicherte Änderungen",
    "Untitled": "Unbenannt",
    "When does a case go there?": "Wann geht ein Fall dorthin?",
    "Workshop details (shown when nothing is selected)": (
        "Angaben zum Workshop (sichtbar, wenn nichts ausgewählt ist)"
    ),
    "Workshop sessions (*.yaml *.yml)": "Workshop-Sitzungen (*.yaml *.yml)",
    "Workshop template:": "Workshop-Vorlage:",
    "Writing the protocol…": "Das Protokoll wird geschrieben…",
    "Your changes are still here, unsaved.": "Ihre Änderungen sind noch da, ungespeichert.",
    "Your work is not lost, but it is not protected against a crash either. Save it with "
    "“Save as…” to a folder you can write to. Autosave keeps trying.": (
        "Ihre Arbeit ist nicht verloren, aber auch nicht gegen einen Absturz geschützt. "
        "Speichern Sie sie mit „Speichern unter…“ in einen Ordner, in den Sie schreiben "
        "dürfen. Das automatische Speichern versucht es weiter."
    ),
    "Your work is still in the window. To be safe, save it now (Save as… keeps the old "
    "file). The details are in the log.": (
        "Ihre Arbeit ist noch im Fenster. Speichern Sie sie sicherheitshalber jetzt "
        "(Speichern unter… lässt die alte Datei unverändert). Die Einzelheiten stehen in "
        "der Log-Datei."
    ),
    "Zoom &in": "Ver&größern",
    "Zoom &out": "Verklei&nern",
    "workshop": "workshop",
    "{finding}\n\nWhy does the group accept this? (note for the protocol)": (
        "{finding}\n\nWarum akzeptiert die Gruppe das? (Notiz für das Protokoll)"
    ),
    "{nodes} and {edges} selected.": "{nodes} und {edges} ausgewählt.",
    "{nodes} · {edges} · open: {errors}, {warnings}, {notes}": (
        "{nodes} · {edges} · offen: {errors}, {warnings}, {notes}"
    ),
    "— not set": "— nicht gesetzt",
    "“{name}” has changes that are not saved yet. Save them?": (
        "„{name}“ hat Änderungen, die noch nicht gespeichert sind. Speichern?"
    ),
    # --- end window ---
    # --- in the room: guards, dates, languages, dot voting ---
    "Close": "Schließen",
    "Undo": "Rückgängig",
    "{nodes} and {relations}": "{nodes} und {relations}",
    "{what} deleted": "{what} gelöscht",
    "A participant needs a name; the previous one is kept.": (
        "Eine teilnehmende Person braucht einen Namen; der bisherige bleibt."
    ),
    "Add": "Hinzufügen",
    "Add the person typed (Enter)": "Die eingegebene Person hinzufügen (Eingabetaste)",
    "Name": "Name",
    "Participants": "Teilnehmende",
    "Remove": "Entfernen",
    "Role (optional)": "Rolle (optional)",
    "Role in the organisation": "Rolle in der Organisation",
    "Change the workshop's language": "Sprache des Workshops ändern",
    "Workshop language: {language}": "Sprache des Workshops: {language}",
    "The guide, the findings and the protocol are in the workshop's language, "
    "{language}, so that the room and the protocol read the same. The window's "
    "own language is under Settings → Language. Click to change the "
    "workshop's language.": (
        "Leitfaden, Befunde und Protokoll sind in der Sprache des Workshops, {language}, "
        "damit Raum und Protokoll dasselbe lesen. Die Sprache des Fensters selbst steht "
        "unter Einstellungen → Sprache. Klicken, um die Sprache des Workshops zu ändern."
    ),
    # --- end in the room ---
    # --- map ---
    "! critical": "! kritisch",
    "A node needs a label": "Ein Knoten braucht eine Bezeichnung",
    "Add guardrail": "Leitplanke hinzufügen",
    "Add priority": "Priorität hinzufügen",
    "Add responsibility": "Verantwortung hinzufügen",
    "Add role": "Rolle hinzufügen",
    "Arrange map": "Karte anordnen",
    "Cannot write {path}: {reason}": "{path} kann nicht geschrieben werden: {reason}",
    "Choose a file name ending in .png or .svg.": (
        "Bitte einen Dateinamen wählen, der auf .png oder .svg endet."
    ),
    "Connect": "Verbinden",
    "Drawing the map…": "Die Karte wird gezeichnet…",
    "There is not enough memory for a picture of the map.": (
        "Für ein Bild der Karte reicht der Arbeitsspeicher nicht."
    ),
    "Decision limit: {limit}": "Entscheidungsgrenze: {limit}",
    "Delete": "Löschen",
    "Load {load} %": "Auslastung {load} %",
    "Move": "Verschieben",
    "New guardrail": "Neue Leitplanke",
    "New priority": "Neue Priorität",
    "New responsibility": "Neue Verantwortung",
    "New role": "Neue Rolle",
    "Nodes": "Knoten",
    "Open findings": "Offene Befunde",
    "Rank {rank}": "Rang {rank}",
    "Relations": "Beziehungen",
    "Rename": "Umbenennen",
    "Responsibility map": "Verantwortungslandkarte",
    "Trigger: {trigger}": "Auslöser: {trigger}",
    "{load} %": "{load} %",
    "{source} → {target}: {relation}": "{source} → {target}: {relation}",
    "“{source}” → “{target}”": "„{source}“ → „{target}“",
    "↻ must be re-confirmed by someone else": "↻ muss von jemand anderem bestätigt werden",
    "Type to find the target…": "Tippen, um das Ziel zu finden …",
    "Connect to…": "Verbinden mit …",
    "Any relation… (C)": "Beliebige Beziehung … (C)",
    "Rename (F2)": "Umbenennen (F2)",
    "Delete (Del)": "Löschen (Entf)",
    "Connect “{source}” to…": "„{source}“ verbinden mit …",
    "“{source}”: {relation}…": "„{source}“: {relation} …",
    "Delete relation": "Beziehung löschen",
    "Add {kind} here": "{kind} hier hinzufügen",
    "{relation}…": "{relation} …",
    "Map": "Karte",
    "Connect the selected node to…": "Ausgewählten Knoten verbinden mit …",
    "Connect by mouse": "Mit der Maus verbinden",
    "Menu of a node, relation or empty spot": (
        "Menü eines Knotens, einer Beziehung oder einer freien Stelle"
    ),
    "Rename the selected node": "Ausgewählten Knoten umbenennen",
    "Move the selection": "Auswahl verschieben",
    "Pan": "Ansicht verschieben",
    "Show or hide the legend": "Legende ein- oder ausblenden",
    "Cancel connecting, or select nothing": "Verbinden abbrechen oder Auswahl aufheben",
    "C: connect “{label}” to… · F2: rename · Del: delete · right click: more": (
        "C: „{label}“ verbinden mit … · F2: umbenennen · Entf: löschen · Rechtsklick: mehr"
    ),
    "Shift+drag from a node": "Umschalt+Ziehen von einem Knoten",
    "drag its + handle": "Ziehen an seinem +",
    "right click": "Rechtsklick",
    "double click": "Doppelklick",
    "arrow keys": "Pfeiltasten",
    "Shift+arrow keys": "Umschalt+Pfeiltasten",
    "Space+drag": "Leertaste+Ziehen",
    "middle button drag": "Ziehen mit mittlerer Maustaste",
    "Del: delete the relation · right click: more": "Entf: Beziehung löschen · Rechtsklick: mehr",
    "Arrow keys: move · Del: delete": "Pfeiltasten: verschieben · Entf: löschen",
    "Right click: add a node · Shift+drag from a node: connect · F1: all keys": (
        "Rechtsklick: Knoten hinzufügen · Umschalt+Ziehen von einem Knoten: verbinden"
        " · F1: alle Tasten"
    ),
    "Drawing the relations… %p %": "Beziehungen werden gezeichnet … %p %",
    # --- end map ---
    "Protocol written with gaps": "Protokoll mit Lücken geschrieben",
    "No bundled font has these characters; they print as gaps: {characters}": (
        "Diese Zeichen kann keine mitgelieferte Schrift darstellen; im Protokoll bleiben sie"
        " leer: {characters}"
    ),
    "Word documents, editable (*.docx)": "Word-Dokumente, bearbeitbar (*.docx)",
    # --- files: locks and changes on disk ---
    "someone": "jemand",
    "another window of this app": "ein anderes Fenster dieser App",
    "an unknown computer": "einem unbekannten Rechner",
    "{user} on {host}": "{user} auf {host}",
    "{user} on {host} (since {time})": "{user} auf {host} (seit {time})",
    "Session already open": "Sitzung bereits geöffnet",
    "“{name}” is open already: {owner}.": "„{name}“ ist bereits geöffnet: {owner}.",
    "Opened read-only, your changes are saved under another name. "
    "Opened anyway, whoever saves last overwrites the other's work; "
    "the app warns before that.": (
        "Schreibgeschützt geöffnet, speichern Sie Ihre Änderungen unter einem anderen Namen. "
        "Trotzdem geöffnet, überschreibt, wer zuletzt speichert, die Arbeit des anderen; "
        "die App warnt vorher."
    ),
    "Open &read-only": "&Schreibgeschützt öffnen",
    "Open &anyway": "&Trotzdem öffnen",
    "File changed on disk": "Datei auf dem Datenträger geändert",
    "“{name}” was changed on disk since you opened it (another window, a colleague, "
    "a sync service).": (
        "„{name}“ wurde auf dem Datenträger geändert, seit Sie die Datei geöffnet haben "
        "(ein anderes Fenster, eine Kollegin, ein Synchronisierungsdienst)."
    ),
    "Saving now would replace those changes with yours. The file on disk is unchanged.": (
        "Speichern würde diese Änderungen durch Ihre ersetzen. Die Datei auf dem "
        "Datenträger ist unverändert."
    ),
    "Save as a &copy…": "Als &Kopie speichern…",
    "&Compare": "&Vergleichen",
    "&Overwrite": "&Überschreiben",
    "{name} (read-only)": "{name} (schreibgeschützt)",
    "{name} on disk": "{name} auf dem Datenträger",
    "this window": "dieses Fenster",
    "“{name}” is open elsewhere ({owner}); save under another name.": (
        "„{name}“ ist anderswo geöffnet ({owner}); bitte unter einem anderen Namen speichern."
    ),
    # --- end files ---
    # --- interchange (File → Import…, Export for other tools…) ---
    "&Import GraphML or RACI matrix…": "GraphML oder RACI-Matrix &importieren…",
    "Export for other tools (E&xcel, GraphML)…": "Für &andere Werkzeuge exportieren "
    "(Excel, GraphML)…",
    "Import": "Importieren",
    "Maps and RACI matrices (*.graphml *.xlsx *.csv)": "Landkarten und RACI-Matrizen "
    "(*.graphml *.xlsx *.csv)",
    "GraphML (*.graphml)": "GraphML (*.graphml)",
    "RACI matrix (*.xlsx *.csv)": "RACI-Matrix (*.xlsx *.csv)",
    "Export for other tools": "Für andere Werkzeuge exportieren",
    "Cannot import the file": "Die Datei kann nicht importiert werden",
    "Imported {file}": "{file} importiert",
    "Excel tables: RACI, roles, findings, actions (*.xlsx)": "Excel-Tabellen: RACI, Rollen, "
    "Befunde, Maßnahmen (*.xlsx)",
    "GraphML for yEd, Gephi (*.graphml)": "GraphML für yEd, Gephi (*.graphml)",
    "Export failed": "Export fehlgeschlagen",
    "Exported: {file}": "Exportiert: {file}",
}

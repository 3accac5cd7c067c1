"""German catalogue of the file format's messages (English source text → German)."""

GERMAN: dict[str, str] = {
    # The place and the save failure
    "line {line}": "Zeile {line}",
    "Could not save {path}: {reason}. The file on disk is unchanged.": (
        "{path} konnte nicht gespeichert werden: {reason}. Die Datei auf dem Datenträger "
        "ist unverändert."
    ),
    "the disk is full": "der Datenträger ist voll",
    "the disk quota is used up": "das Speicherkontingent ist ausgeschöpft",
    "the folder is read-only": "der Ordner ist schreibgeschützt",
    "the folder is read-only or you may not write there": (
        "der Ordner ist schreibgeschützt, oder Sie dürfen dort nicht schreiben"
    ),
    "the folder does not exist": "der Ordner existiert nicht",
    "the file is read-only or you may not change it": (
        "die Datei ist schreibgeschützt, oder Sie dürfen sie nicht ändern"
    ),
    "a folder has that name": "ein Ordner trägt diesen Namen",
    "is too far out ({value}); a position may be at most {limit} from the centre": (
        "liegt zu weit draußen ({value}); eine Position darf höchstens {limit} vom "
        "Mittelpunkt entfernt sein"
    ),
    "that name is not a file": "unter diesem Namen steht keine gewöhnliche Datei",
    "the file name is too long": "der Dateiname ist zu lang",
    "the session would take {size} MiB, more than the {limit} MiB a session file may have": (
        "die Sitzung bräuchte {size} MiB, mehr als die {limit} MiB, die eine Sitzungsdatei "
        "haben darf"
    ),
    # Reading the file
    "is not a file": "ist keine Datei",
    "cannot be read ({detail})": "kann nicht gelesen werden ({detail})",
    "is too large ({size} MiB); a session file may have at most {limit} MiB": (
        "ist zu groß ({size} MiB); eine Sitzungsdatei darf höchstens {limit} MiB haben"
    ),
    "is not UTF-8 text (byte 0x{byte:02x} cannot be read); save it as UTF-8": (
        "ist kein UTF-8-Text (Byte 0x{byte:02x} ist nicht lesbar); bitte als UTF-8 speichern"
    ),
    "contains a character that is not allowed in a session file (U+{code:04X})": (
        "enthält ein Zeichen, das in einer Sitzungsdatei nicht erlaubt ist (U+{code:04X})"
    ),
    "is not valid YAML ({detail})": "ist kein gültiges YAML ({detail})",
    "contains more than one YAML document": "enthält mehr als ein YAML-Dokument",
    "uses an anchor (&{name}); anchors and aliases are not allowed in a session file": (
        "verwendet einen Anker (&{name}); Anker und Aliase sind in einer Sitzungsdatei "
        "nicht erlaubt"
    ),
    "uses an alias (*{name}); anchors and aliases are not allowed in a session file": (
        "verwendet einen Alias (*{name}); Anker und Aliase sind in einer Sitzungsdatei "
        "nicht erlaubt"
    ),
    "uses the YAML tag {tag}; tags are not allowed in a session file": (
        "verwendet das YAML-Tag {tag}; Tags sind in einer Sitzungsdatei nicht erlaubt"
    ),
    "is nested more than {limit} levels deep": "ist tiefer als {limit} Ebenen verschachtelt",
    "uses a list or mapping as a field name; field names must be text": (
        "verwendet eine Liste oder Zuordnung als Feldnamen; Feldnamen müssen Text sein"
    ),
    "a field name must be text, not {value}": "ein Feldname muss Text sein, nicht {value}",
    "is given twice; a field may appear only once": (
        "kommt zweimal vor; ein Feld darf nur einmal vorkommen"
    ),
    "has a number with too many digits": "enthält eine Zahl mit zu vielen Stellen",
    # The document
    "is empty; a session file starts with 'format: {format}'": (
        "ist leer; eine Sitzungsdatei beginnt mit 'format: {format}'"
    ),
    "is not a session file; it must start with 'format: {format}'": (
        "ist keine Sitzungsdatei; sie muss mit 'format: {format}' beginnen"
    ),
    "is missing; a session file starts with 'format: {format}'": (
        "fehlt; eine Sitzungsdatei beginnt mit 'format: {format}'"
    ),
    "must be {format}, not {value}; this is not a session file": (
        "muss {format} sein, nicht {value}; dies ist keine Sitzungsdatei"
    ),
    "is missing; this app reads version {version}": ("fehlt; diese App liest Version {version}"),
    "must be a whole number, not {value}": "muss eine ganze Zahl sein, nicht {value}",
    "is {value}: the file was made by a newer version of Responsibility Map; "
    "this app reads version {version}, please update it": (
        "ist {value}: die Datei wurde mit einer neueren Version von Responsibility Map "
        "erstellt; diese App liest Version {version}, bitte aktualisieren Sie sie"
    ),
    "must be {version}, not {value}; there is no older version": (
        "muss {version} sein, nicht {value}; eine ältere Version gibt es nicht"
    ),
    # Fields
    "is missing": "fehlt",
    "must not be empty": "darf nicht leer sein",
    "must be text, not {value}": "muss Text sein, nicht {value}",
    "must be text, not {value} (put it in quotes to keep it as text)": (
        "muss Text sein, nicht {value} (in Anführungszeichen setzen, damit es Text bleibt)"
    ),
    "must be true or false, not {value}": "muss true oder false sein, nicht {value}",
    "must be a pair of numbers [x, y], not {value}": (
        "muss ein Zahlenpaar [x, y] sein, nicht {value}"
    ),
    "must be a whole number from {minimum} to {maximum}, not {value}": (
        "muss eine ganze Zahl von {minimum} bis {maximum} sein, nicht {value}"
    ),
    "must be a whole number of at least {minimum}, not {value}": (
        "muss eine ganze Zahl ab {minimum} sein, nicht {value}"
    ),
    "must be an id made of letters, digits, '_', '.' or '-', not {value}": (
        "muss eine Kennung aus Buchstaben, Ziffern, '_', '.' oder '-' sein, nicht {value}"
    ),
    "must be a mapping of fields like {{name: value}}, not {value}": (
        "muss eine Zuordnung von Feldern wie {{name: wert}} sein, nicht {value}"
    ),
    "must be a list, not {value}": "muss eine Liste sein, nicht {value}",
    "must be one of {kinds}, not {value}": "muss eines von {kinds} sein, nicht {value}",
    "must be de or en, not {value}": "muss de oder en sein, nicht {value}",
    "must be a list of node ids, not {value}": (
        "muss eine Liste von Knoten-Kennungen sein, nicht {value}"
    ),
    "must be accepted or open, not {value}": "muss accepted oder open sein, nicht {value}",
    # Nodes and edges
    "{value} is already the id of nodes[{other}]": (
        "{value} ist bereits die Kennung von nodes[{other}]"
    ),
    "there is no node with the id {value}": "es gibt keinen Knoten mit der Kennung {value}",
    "connects {value} to itself; an edge needs two different nodes": (
        "verbindet {value} mit sich selbst; eine Kante braucht zwei verschiedene Knoten"
    ),
    "{kind} cannot go from a {start} to a {end}": ("{kind} kann nicht von {start} zu {end} führen"),
    "repeats edges[{other}]: the same {kind} edge from {start} to {end}": (
        "wiederholt edges[{other}]: dieselbe {kind}-Kante von {start} zu {end}"
    ),
    # Decision spaces and cases
    "must be a duration: a whole number and min, h or d, such as 30min, 4h or 2d, not {value}": (
        "muss eine Dauer sein: eine ganze Zahl und min, h oder d, etwa 30min, 4h oder 2d, "
        "nicht {value}"
    ),
    "belongs to a {own}, not to a {kind}": "gehört zu {own}, nicht zu {kind}",
    "belongs to edges of kind {own}, not {kind}": ("gehört zu Kanten vom Typ {own}, nicht {kind}"),
    "{value} is already the id of cases[{other}]": (
        "{value} ist bereits die Kennung von cases[{other}]"
    ),
    "{value} is a {kind}; a case is about a responsibility": (
        "{value} ist vom Typ {kind}; ein Fall gehört zu einer Verantwortung (responsibility)"
    ),
    "must be a number such as 120 or 120.50, without a currency, not {value}": (
        "muss eine Zahl wie 120 oder 120.50 sein, ohne Währung, nicht {value}"
    ),
    "must be a list of role ids, not {value}": (
        "muss eine Liste von Rollen-Kennungen sein, nicht {value}"
    ),
    "there is no role with the id {value}": "es gibt keine Rolle mit der Kennung {value}",
    "{value} is a {kind}; only a role can be absent": (
        "{value} ist vom Typ {kind}; abwesend sein kann nur eine Rolle"
    ),
    # --- dot voting (fileformat/votes.py) ---
    "{value} is already the id of votes[{other}]": (
        "{value} ist schon die Kennung von votes[{other}]"
    ),
    "must be priorities or findings, not {value}": (
        "muss priorities oder findings sein, nicht {value}"
    ),
    "{value} voted already in this round (ballots[{other}])": (
        "{value} hat in dieser Runde schon abgestimmt (ballots[{other}])"
    ),
    "is not the id of a priority": "ist nicht die Kennung einer Priorität",
    "is not a finding written as its code and subjects ('no-owner x_goodwill')": (
        "ist kein Befund, geschrieben als Regel und Betroffene ('no-owner x_goodwill')"
    ),
    "gives more dots in all ({given}) than each participant has ({dots})": (
        "vergibt insgesamt mehr Punkte ({given}), als jede Person hat ({dots})"
    ),
}

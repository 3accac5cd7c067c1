"""German texts of the case walk and the delegation levels (English source text → German)."""

#: The delegation board's levels: their names and who decides (also used by the analysis).
LEVELS_GERMAN: dict[str, str] = {
    "Tell": "Verkünden",
    "Sell": "Verkaufen",
    "Consult": "Befragen",
    "Agree": "Einigen",
    "Advise": "Beraten",
    "Inquire": "Erkundigen",
    "Delegate": "Delegieren",
    "The lead decides and announces it.": "Die Führung entscheidet und verkündet es.",
    "The lead decides and explains why.": "Die Führung entscheidet und erklärt, warum.",
    "The lead asks the team first, then decides.": (
        "Die Führung fragt erst das Team und entscheidet dann."
    ),
    "Lead and team decide together.": "Führung und Team entscheiden gemeinsam.",
    "The team decides; the lead advises.": "Das Team entscheidet, die Führung berät.",
    "The team decides and tells the lead afterwards.": (
        "Das Team entscheidet und informiert die Führung danach."
    ),
    "The team decides on its own.": "Das Team entscheidet allein.",
}

GERMAN: dict[str, str] = {
    **LEVELS_GERMAN,
    "“{label}”": "„{label}“",
    "{first} and {last}": "{first} und {last}",
    "no time": "keine Zeit",
    "absent": "abwesend",
    "stands in": "vertritt",
    "confirms": "bestätigt",
    "is to confirm": "soll bestätigen",
    "escalation, deadline {wait}": "Eskalation, Frist {wait}",
    "escalation without deadline": "Eskalation ohne Frist",
    "limit {limit}": "Grenze {limit}",
    "must be re-confirmed": "muss bestätigt werden",
    "nobody": "niemand",
    "amount {amount}": "Betrag {amount}",
    "absent: {roles}": "abwesend: {roles}",
    "Several roles handle it ({roles}): nobody knows who takes the case.": (
        "Mehrere Rollen sind zuständig ({roles}): Niemand weiß, wer den Fall übernimmt."
    ),
    "Nobody is responsible or accountable for it: the case has nowhere to go.": (
        "Niemand ist dafür zuständig oder verantwortlich: Der Fall findet keinen Weg."
    ),
    "{amount} is above the limit of {limit}, and no escalation path leads on: "
    "the case stays with {role}.": (
        "{amount} liegt über der Grenze von {limit}, und kein Eskalationsweg führt weiter: "
        "Der Fall bleibt bei {role} liegen."
    ),
    "{role} is absent and nobody stands in: the case waits until they are back.": (
        "{role} ist abwesend, und niemand springt ein: Der Fall wartet auf die Rückkehr."
    ),
    "The case comes back to {role}: the escalation goes in a circle.": (
        "Der Fall kommt zu {role} zurück: Die Eskalation läuft im Kreis."
    ),
    "{role} has to confirm the decision but is absent, and nobody else stands in.": (
        "{role} muss die Entscheidung bestätigen, ist aber abwesend, und niemand springt ein."
    ),
    "The decision must be re-confirmed, but nobody other than {role} could confirm it.": (
        "Die Entscheidung muss bestätigt werden, aber außer {role} könnte das niemand."
    ),
    "{role} decides at once.": "{role} entscheidet sofort.",
    "{role} confirms after {handoffs}; only then does the decision stand.": (
        "{role} bestätigt nach {handoffs}; erst dann gilt die Entscheidung."
    ),
    "{role} decides after {handoffs}; how long it waits is open: "
    "an escalation on the way has no deadline.": (
        "{role} entscheidet nach {handoffs}; wie lange der Fall wartet, ist offen: "
        "Eine Eskalation auf dem Weg hat keine Frist."
    ),
    "{role} decides after {handoffs}, without waiting.": (
        "{role} entscheidet nach {handoffs}, ohne Wartezeit."
    ),
    "{role} decides after {handoffs}; the case may wait up to {wait} on the way.": (
        "{role} entscheidet nach {handoffs}; unterwegs darf der Fall bis zu {wait} warten."
    ),
    "{file}: no cases to walk yet.": "{file}: noch keine Fälle zum Durchspielen.",
    "{file}: {cases}; decided: {decided}, stalled: {stalled}": (
        "{file}: {cases}; entschieden: {decided}, liegen geblieben: {stalled}"
    ),
    "Decided:": "Entschieden:",
    "Stalled:": "Liegen geblieben:",
    "Way: {path}": "Weg: {path}",
    "{role} takes the case.": "{role} übernimmt den Fall.",
    "{role} stands in for {absent}.": "{role} vertritt {absent}.",
    "{role} has to confirm the decision.": "{role} muss die Entscheidung bestätigen.",
    "Nobody stands in:": "Niemand vertritt:",
    "{amount} is above the limit of {limit}:": "{amount} liegt über der Grenze von {limit}:",
    "{role} is absent.": "{role} ist abwesend.",
    "it goes up to {role}, with no deadline.": "Der Fall geht an {role}, ohne Frist.",
    "it goes up to {role} after at most {wait}.": "Der Fall geht spätestens nach {wait} an {role}.",
}

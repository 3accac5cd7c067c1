"""Large, distinct workshop sessions for the fault-injection trials.

The same ``size`` and ``seed`` always give the same session, so a child
process and the test can build it independently and compare what is on disk.
"""

from __future__ import annotations

from benchmarks.orgs import generate_organisation
from workshop_app.domain import InsertAction, Session, SetMeta, SetNodeFields, SetReview

#: Text in several scripts, with YAML and markup look-alikes, for the notes.
NOTE = (
    "Kulanz über 50 € nur nach Rücksprache: <b>Teamleitung</b> & Vertretung; "
    "Ελληνικά, Кириллица, 'quotes', \"double\", #hash, key: value, - dash. "
)


def large_session(size: int, seed: int, note_chars: int = 1500) -> Session:
    """About ``size`` nodes of a generated organisation, every node with long notes.

    The notes make the file large (roughly ``size * note_chars`` bytes) so that
    writing it takes a measurable share of a save, not only serialising it.
    """
    session = generate_organisation(size, seed=seed)
    session.apply(SetMeta({"title": f"Workshop {seed}", "client": "Muster AG", "language": "de"}))
    text = NOTE * (note_chars // len(NOTE) + 1)
    for number, node in enumerate(sorted(session.graph)):
        session.apply(SetNodeFields(node, {"notes": f"{seed}/{number}: {text[:note_chars]}"}))
    for number in range(20):
        action = {"text": f"Maßnahme {number} ({seed})", "owner": "Teamleitung", "status": "open"}
        session.apply(InsertAction(number, action))
    first = sorted(session.graph)[0]
    session.apply(SetReview("isolated", (first,), {"status": "accepted", "note": f"seed {seed}"}))
    return session

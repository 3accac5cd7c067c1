"""The seven levels of a delegation board, in words for the group.

The levels come from the delegation board (delegation poker) of Management
3.0: how far a decision is handed to the people who do the work. Each has
a short name and a sentence that says who decides; both are English source
text, translated with :data:`workshop_app.cases._de.LEVELS_GERMAN` (the
analysis merges that catalogue into its own, so a level has one German name).

Examples
--------
>>> level_name(7, "de"), level_name(1, "en")
('Delegieren', 'Tell')
"""

from __future__ import annotations

from workshop_app.cases._de import LEVELS_GERMAN
from workshop_app.i18n import translator

__all__ = ["LEVEL_MEANINGS", "LEVEL_NAMES", "level_meaning", "level_name"]

#: The name of each level, 1 to 7 (index 0 is level 1).
LEVEL_NAMES = ("Tell", "Sell", "Consult", "Agree", "Advise", "Inquire", "Delegate")
#: Who decides at each level, in a sentence.
LEVEL_MEANINGS = (
    "The lead decides and announces it.",
    "The lead decides and explains why.",
    "The lead asks the team first, then decides.",
    "Lead and team decide together.",
    "The team decides; the lead advises.",
    "The team decides and tells the lead afterwards.",
    "The team decides on its own.",
)


def level_name(level: int, language: str) -> str:
    """The short name of delegation ``level`` (1 to 7) in ``language``."""
    return translator(LEVELS_GERMAN, language)(LEVEL_NAMES[level - 1])


def level_meaning(level: int, language: str) -> str:
    """Who decides at delegation ``level`` (1 to 7), in a sentence in ``language``."""
    return translator(LEVELS_GERMAN, language)(LEVEL_MEANINGS[level - 1])

"""Walking a case through the map, and the seven levels of delegation (pure Python).

:func:`walk_case` answers the workshop's question about one sample case:
who decides, after how many hand-offs and how long — or where it stalls,
and why. :mod:`.words` tells the answer in German or English; :mod:`.levels`
names the levels of a delegation board.
"""

from workshop_app.cases.levels import LEVEL_MEANINGS, LEVEL_NAMES, level_meaning, level_name
from workshop_app.cases.walk import (
    STALL_REASONS,
    CaseError,
    CaseWalk,
    Step,
    decision_limit,
    walk_case,
)

__all__ = [
    "LEVEL_MEANINGS",
    "LEVEL_NAMES",
    "STALL_REASONS",
    "CaseError",
    "CaseWalk",
    "Step",
    "decision_limit",
    "level_meaning",
    "level_name",
    "walk_case",
]

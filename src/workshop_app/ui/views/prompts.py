"""A question for the group about each kind of finding, for the presentation walk.

The analysis says *what* is unclear; in the room the facilitator needs the
question that makes the group decide. Each follows the rule's reason in
DESIGN ("Why it exists"): clear priorities, real decision spaces, buffer,
deputies, and knowing when a solution is good enough.
"""

from __future__ import annotations

from workshop_app.ui.i18n import tr

__all__ = ["group_question"]


def group_question(code: str) -> str | None:
    """The question to put to the group about a finding ``code`` (None if unknown)."""
    questions = {
        "no-owner": tr("Who answers for this, and who decides when it goes wrong?"),
        "shared-ownership": tr("If several own it, who decides when they disagree?"),
        "priority-tie": tr("If both cannot be served today, which one wins?"),
        "priority-cycle": tr("Which of these really comes first when it counts?"),
        "priority-conflict": tr("When these two pull apart, who decides, and by which rule?"),
        "no-priority": tr("What is this task for? Which priority does it serve?"),
        "escalation-cycle": tr("Where is the case finally decided?"),
        "escalation-missing": tr("Where does a case go that exceeds the limit, and who takes it?"),
        "formal-decision-space": tr(
            "What would it take to trust this decision without re-confirming it?"
        ),
        "no-deputy": tr("Who decides here when this role is ill or on holiday?"),
        "no-buffer": tr("What is left undone at the next peak or absence, and what could go?"),
        "no-good-enough": tr(
            "When is a solution good enough here: for the customer, professionally, economically?"
        ),
        "isolated": tr("How does this connect to the rest: who owns it, what is it for?"),
        "delegation-mismatch": tr(
            "Which level of delegation is lived today, and what would it take to drop the "
            "re-confirmation?"
        ),
    }
    return questions.get(code)

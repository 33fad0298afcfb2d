"""The life of a transfer application as an explicit transition table: illegal moves raise.

draft -> submitted -> under review -> interagency clearance -> decision -> licence issued | denied;
withdrawn from any open state; a denied or withdrawn case may be reopened on appeal (back to review).
"""

from __future__ import annotations

from enum import StrEnum

from mtcr.errors import MtcrError


class CaseStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under review"
    INTERAGENCY_CLEARANCE = "interagency clearance"
    DECISION = "decision"
    LICENCE_ISSUED = "licence issued"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"


class CaseAction(StrEnum):
    SUBMIT = "submit"
    START_REVIEW = "start review"
    REFER_FOR_CLEARANCE = "refer for clearance"
    RETURN_TO_REVIEW = "return to review"  # a reviewing agency asks for more information
    CLEAR = "clear"  # every required agency has cleared: ready for the decision
    ISSUE_LICENCE = "issue licence"
    DENY = "deny"
    WITHDRAW = "withdraw"
    REOPEN_ON_APPEAL = "reopen on appeal"


S, A = CaseStatus, CaseAction
OPEN = (S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW, S.INTERAGENCY_CLEARANCE, S.DECISION)

TRANSITIONS: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (S.DRAFT, A.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, A.START_REVIEW): S.UNDER_REVIEW,
    (S.UNDER_REVIEW, A.REFER_FOR_CLEARANCE): S.INTERAGENCY_CLEARANCE,
    (S.INTERAGENCY_CLEARANCE, A.RETURN_TO_REVIEW): S.UNDER_REVIEW,
    (S.INTERAGENCY_CLEARANCE, A.CLEAR): S.DECISION,
    (S.DECISION, A.ISSUE_LICENCE): S.LICENCE_ISSUED,
    (S.DECISION, A.DENY): S.DENIED,
    (S.DECISION, A.RETURN_TO_REVIEW): S.UNDER_REVIEW,
    **{(state, A.WITHDRAW): S.WITHDRAWN for state in OPEN},
    (S.DENIED, A.REOPEN_ON_APPEAL): S.UNDER_REVIEW,
    (S.WITHDRAWN, A.REOPEN_ON_APPEAL): S.UNDER_REVIEW,
}
TERMINAL = frozenset({S.LICENCE_ISSUED})  # a licence is amended or revoked by a new case, never reopened


class IllegalTransitionError(MtcrError):
    """An action that the transition table does not allow from the case's status."""

    def __init__(self, status: CaseStatus, action: CaseAction) -> None:
        self.status = status
        self.action = action
        allowed = ", ".join(a.value for a in allowed_actions(status)) or "none"
        super().__init__(f"cannot {action.value} a case that is {status.value} (allowed: {allowed})")


def allowed_actions(status: CaseStatus) -> tuple[CaseAction, ...]:
    return tuple(action for (state, action) in TRANSITIONS if state is status)


def next_status(status: CaseStatus, action: CaseAction) -> CaseStatus:
    """The status after ``action``, or :class:`IllegalTransitionError`."""
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise IllegalTransitionError(status, action) from None

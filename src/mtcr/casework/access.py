"""Who may read which record and who may do what: pure functions, so the policy is testable as a table.

Exporters read only their own organisation's records and those released to them by name.

Reading needs both a clearance at or above the record's level and a right to the caption: the record
carries no caption, or the reader's organisation owns it, is named in REL TO (directly or as a partner
government under the partners group), or is the licensing authority, which reads every national record
including national-only ones. Acting is a role × action table; organisations do not widen it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from mtcr.casework import markings
from mtcr.casework.identity import OrgKind, Role, User
from mtcr.casework.markings import Marking
from mtcr.casework.workflow import CaseAction
from mtcr.errors import MtcrError

T = TypeVar("T")


class Action(StrEnum):
    CREATE_CASE = "create case"
    SUBMIT_CASE = "submit case"
    REVIEW_CASE = "review case"
    GIVE_ADVICE = "give advice"
    COUNTERSIGN = "countersign"
    DECIDE = "decide"
    NOTIFY_DENIAL = "notify denial"
    RECORD_CONSULTATION = "record consultation"
    MANAGE_USERS = "manage users"
    READ_AUDIT = "read audit"


A = Action
# Separation of duties: exporters apply, reviewers advise, supervisors countersign, admins run the system only.
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.LICENSING_OFFICER: frozenset(
        {A.CREATE_CASE, A.SUBMIT_CASE, A.REVIEW_CASE, A.GIVE_ADVICE, A.DECIDE, A.NOTIFY_DENIAL, A.RECORD_CONSULTATION}
    ),
    Role.REVIEWER: frozenset({A.REVIEW_CASE, A.GIVE_ADVICE}),
    Role.SUPERVISOR: frozenset({A.REVIEW_CASE, A.GIVE_ADVICE, A.COUNTERSIGN, A.DECIDE, A.READ_AUDIT}),
    Role.EXPORTER_USER: frozenset({A.CREATE_CASE, A.SUBMIT_CASE}),
    Role.PARTNER_LIAISON: frozenset({A.NOTIFY_DENIAL, A.RECORD_CONSULTATION}),
    Role.ADMIN: frozenset({A.MANAGE_USERS, A.READ_AUDIT}),
}


class AccessDeniedError(MtcrError):
    """The principal may not read the record or take the action; the message says why."""


@dataclass(frozen=True, slots=True)
class Principal:
    """The acting user as the policy sees them; ``clearance`` is a level name of the marking scheme."""

    user_id: int
    org_code: str
    org_kind: OrgKind
    role: Role
    clearance: str

    def __post_init__(self) -> None:
        markings.check_level(self.clearance, "clearance")

    @classmethod
    def of(cls, user: User) -> Principal:
        return cls(user.id, user.organisation_code, user.organisation_kind, user.role, user.clearance)


def read_refusal(principal: Principal, marking: Marking, owner_org: str) -> str | None:
    """Why ``principal`` may not read a record with ``marking`` owned by ``owner_org``; None if they may."""
    scheme = markings.default_scheme()
    if scheme.rank(principal.clearance, "clearance") < marking.rank:
        return f"clearance {principal.clearance} is below {marking.level}"
    if _caption_allows(principal, marking, owner_org, scheme.partners):
        return None
    return f"{marking.banner} is not releasable to {principal.org_code}"


def _caption_allows(principal: Principal, marking: Marking, owner_org: str, partners: str) -> bool:
    released = marking.releasable_to
    if principal.org_code == owner_org:
        return True
    if principal.org_kind is OrgKind.EXPORTER:
        # an exporter reads its own organisation's records, and those released to it by name: never
        # another company's or the government's internal records because they happen to carry no caption
        return released is not None and principal.org_code in released
    if released is None:
        # Classified material without a caption is national: a foreign government reads it only when
        # it is released to them (REL TO); unclassified material is open to every cleared reader.
        lowest = markings.default_scheme().levels[0]
        return not (principal.org_kind is OrgKind.PARTNER_GOVERNMENT and marking.level != lowest)
    if principal.org_kind is OrgKind.LICENSING_AUTHORITY:
        return True
    partner = principal.org_kind is OrgKind.PARTNER_GOVERNMENT and partners in released
    return principal.org_code in released or partner


def require_case_write(principal: Principal, owner_org: str) -> None:
    """Exporters change only their own organisation's cases; government users act on the cases they may read."""
    if principal.org_kind is OrgKind.EXPORTER and principal.org_code != owner_org:
        raise AccessDeniedError(f"{principal.org_code} may change only its own cases (this one is {owner_org}'s)")


# The role action each workflow move needs. Withdrawing is the applicant's or the licensing officer's;
# issuing and denying are recorded only through a decision (service.decide).
WORKFLOW_RIGHTS: dict[CaseAction, Action] = {
    CaseAction.SUBMIT: Action.SUBMIT_CASE,
    CaseAction.START_REVIEW: Action.REVIEW_CASE,
    CaseAction.REFER_FOR_CLEARANCE: Action.REVIEW_CASE,
    CaseAction.RETURN_TO_REVIEW: Action.REVIEW_CASE,
    CaseAction.CLEAR: Action.REVIEW_CASE,
    CaseAction.ISSUE_LICENCE: Action.DECIDE,
    CaseAction.DENY: Action.DECIDE,
    CaseAction.WITHDRAW: Action.SUBMIT_CASE,
    CaseAction.REOPEN_ON_APPEAL: Action.DECIDE,
}


def can_read(principal: Principal, marking: Marking, owner_org: str) -> bool:
    return read_refusal(principal, marking, owner_org) is None


def can_act(principal: Principal, action: Action) -> bool:
    return action in PERMISSIONS[principal.role]


def require_read(principal: Principal, marking: Marking, owner_org: str) -> None:
    """Raise AccessDeniedError (saying why) unless ``principal`` may read the record."""
    refusal = read_refusal(principal, marking, owner_org)
    if refusal is not None:
        raise AccessDeniedError(f"cannot read this record: {refusal}")


def require_action(principal: Principal, action: Action) -> None:
    """Raise AccessDeniedError unless ``principal``'s role allows ``action``."""
    if not can_act(principal, action):
        raise AccessDeniedError(f"a {principal.role.value} may not {action.value}")


def filter_readable(principal: Principal, records: Iterable[T], key: Callable[[T], tuple[Marking, str]]) -> list[T]:
    """The records ``principal`` may read, in their order; ``key`` gives each record's marking and owner."""
    return [record for record in records if can_read(principal, *key(record))]

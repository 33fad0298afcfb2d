"""The access policy against tables written out by hand: every role × action, and readers × markings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mtcr.casework.access import (
    AccessDeniedError,
    Action,
    Principal,
    can_act,
    can_read,
    filter_readable,
    read_refusal,
    require_action,
    require_read,
)
from mtcr.casework.identity import OrgKind, Role, User
from mtcr.casework.markings import Marking, parse_banner
from mtcr.errors import InputError

# --- who may do what: X allowed, . refused (columns in the order of ACTIONS) ---

ACTIONS = (
    Action.CREATE_CASE,
    Action.SUBMIT_CASE,
    Action.REVIEW_CASE,
    Action.GIVE_ADVICE,
    Action.COUNTERSIGN,
    Action.DECIDE,
    Action.NOTIFY_DENIAL,
    Action.RECORD_CONSULTATION,
    Action.MANAGE_USERS,
    Action.READ_AUDIT,
)
ACTION_TABLE = {
    #                     create submit review advice countersign decide notify consult users audit
    Role.LICENSING_OFFICER: "X      X      X      X      .           X      X      X       .     .",
    Role.REVIEWER: "        .      .      X      X      .           .      .      .       .     .",
    Role.SUPERVISOR: "      .      .      X      X      X           X      .      .       .     X",
    Role.EXPORTER_USER: "   X      X      .      .      .           .      .      .       .     .",
    Role.PARTNER_LIAISON: " .      .      .      .      .           .      X      X       .     .",
    Role.ADMIN: "           .      .      .      .      .           .      .      .       X     X",
}
ORG_FOR_ROLE = {
    Role.LICENSING_OFFICER: ("MOD-LIC", OrgKind.LICENSING_AUTHORITY),
    Role.REVIEWER: ("MOD-REV", OrgKind.REVIEWING_AGENCY),
    Role.SUPERVISOR: ("MOD-LIC", OrgKind.LICENSING_AUTHORITY),
    Role.EXPORTER_USER: ("EXP-1", OrgKind.EXPORTER),
    Role.PARTNER_LIAISON: ("FR-GOV", OrgKind.PARTNER_GOVERNMENT),
    Role.ADMIN: ("MOD-LIC", OrgKind.LICENSING_AUTHORITY),
}


def _action_cases() -> list[tuple[Role, Action, bool]]:
    cases: list[tuple[Role, Action, bool]] = []
    for role, row in ACTION_TABLE.items():
        marks = row.split()
        assert len(marks) == len(ACTIONS), role
        cases.extend((role, action, mark == "X") for action, mark in zip(ACTIONS, marks, strict=True))
    return cases


def test_the_tables_cover_every_role_and_action() -> None:
    assert set(ACTION_TABLE) == set(Role) and set(ACTIONS) == set(Action) and len(ACTIONS) == len(Action)


@pytest.mark.parametrize(("role", "action", "allowed"), _action_cases())
def test_role_action_matrix(role: Role, action: Action, allowed: bool) -> None:
    org_code, org_kind = ORG_FOR_ROLE[role]
    principal = Principal(1, org_code, org_kind, role, "SECRET")
    assert can_act(principal, action) is allowed
    if allowed:
        require_action(principal, action)
    else:
        with pytest.raises(AccessDeniedError, match=f"a {role.value} may not {action.value}"):
            require_action(principal, action)


# --- who may read what: Y readable, . refused (columns in the order of RECORDS) ---

RECORDS = (
    ("UNCLASSIFIED", "EXP-1"),
    ("CONFIDENTIAL//NOFORN", "EXP-1"),
    ("SECRET//NOFORN", "MOD-LIC"),
    ("SECRET//REL TO MOD-REV", "MOD-LIC"),
    ("CONFIDENTIAL//REL TO PARTNERS", "MOD-LIC"),
    ("SECRET//REL TO FR-GOV", "MOD-LIC"),
    ("CONFIDENTIAL//REL TO EXP-2", "EXP-1"),
    ("SECRET", "MOD-LIC"),
    ("UNCLASSIFIED//NOFORN", "MOD-REV"),
)
READERS = {
    "officer, secret": Principal(1, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET"),
    "officer, confidential": Principal(
        2, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "CONFIDENTIAL"
    ),
    "reviewer, secret": Principal(3, "MOD-REV", OrgKind.REVIEWING_AGENCY, Role.REVIEWER, "SECRET"),
    "exporter 1, confidential": Principal(4, "EXP-1", OrgKind.EXPORTER, Role.EXPORTER_USER, "CONFIDENTIAL"),
    "exporter 2, secret": Principal(5, "EXP-2", OrgKind.EXPORTER, Role.EXPORTER_USER, "SECRET"),
    "partner FR, secret": Principal(6, "FR-GOV", OrgKind.PARTNER_GOVERNMENT, Role.PARTNER_LIAISON, "SECRET"),
    "partner US, confidential": Principal(
        7, "US-GOV", OrgKind.PARTNER_GOVERNMENT, Role.PARTNER_LIAISON, "CONFIDENTIAL"
    ),
    "partner US, unclassified": Principal(
        8, "US-GOV", OrgKind.PARTNER_GOVERNMENT, Role.PARTNER_LIAISON, "UNCLASSIFIED"
    ),
}
READ_TABLE = {
    #                            U/EXP1  C/NF/EXP1  S/NF  S/REV  C/PARTNERS  S/FR  C/EXP2@EXP1  S  U/NF/REV
    "officer, secret": "          Y       Y          Y     Y      Y           Y     Y            Y  Y",
    "officer, confidential": "    Y       Y          .     .      Y           .     Y            .  Y",
    "reviewer, secret": "         Y       .          .     Y      .           .     .            Y  Y",
    "exporter 1, confidential": " Y       Y          .     .      .           .     Y            .  .",
    "exporter 2, secret": "       .       .          .     .      .           .     Y            .  .",
    "partner FR, secret": "       Y       .          .     .      Y           Y     .            .  .",
    "partner US, confidential": " Y       .          .     .      Y           .     .            .  .",
    "partner US, unclassified": " Y       .          .     .      .           .     .            .  .",
}


def _read_cases() -> list[tuple[str, str, str, bool]]:
    cases: list[tuple[str, str, str, bool]] = []
    for reader, row in READ_TABLE.items():
        marks = row.split()
        assert len(marks) == len(RECORDS), reader
        cases.extend((reader, banner, owner, mark == "Y") for (banner, owner), mark in zip(RECORDS, marks, strict=True))
    return cases


def test_the_read_table_covers_every_reader() -> None:
    assert set(READ_TABLE) == set(READERS)


@pytest.mark.parametrize(("reader", "banner", "owner", "readable"), _read_cases())
def test_read_matrix(reader: str, banner: str, owner: str, readable: bool) -> None:
    principal, marking = READERS[reader], parse_banner(banner)
    assert can_read(principal, marking, owner) is readable
    assert (read_refusal(principal, marking, owner) is None) is readable
    if readable:
        require_read(principal, marking, owner)
    else:
        with pytest.raises(AccessDeniedError, match="cannot read this record"):
            require_read(principal, marking, owner)


@pytest.mark.parametrize(
    ("reader", "banner", "owner", "reason"),
    [
        ("officer, confidential", "SECRET//NOFORN", "MOD-LIC", "clearance CONFIDENTIAL is below SECRET"),
        ("reviewer, secret", "SECRET//NOFORN", "MOD-LIC", "SECRET//NOFORN is not releasable to MOD-REV"),
        (
            "partner US, confidential",
            "CONFIDENTIAL//REL TO EXP-2",
            "EXP-1",
            "CONFIDENTIAL//REL TO EXP-2 is not releasable to US-GOV",
        ),
    ],
)
def test_refusals_say_why(reader: str, banner: str, owner: str, reason: str) -> None:
    assert read_refusal(READERS[reader], parse_banner(banner), owner) == reason


def test_filter_readable_keeps_order_and_only_what_may_be_read() -> None:
    records = [(f"doc-{n}", parse_banner(banner), owner) for n, (banner, owner) in enumerate(RECORDS)]
    readable = filter_readable(READERS["partner FR, secret"], records, key=lambda record: (record[1], record[2]))
    assert [name for name, _, _ in readable] == ["doc-0", "doc-4", "doc-5"]
    assert filter_readable(READERS["officer, secret"], [], key=lambda record: (Marking("SECRET"), "X")) == []


def test_a_principal_comes_from_a_user_and_needs_a_known_clearance() -> None:
    user = User(
        9,
        "rev.one",
        "Rev One",
        "MOD-REV",
        OrgKind.REVIEWING_AGENCY,
        Role.REVIEWER,
        "CONFIDENTIAL",
        True,
        datetime.now(UTC),
    )
    assert Principal.of(user) == Principal(9, "MOD-REV", OrgKind.REVIEWING_AGENCY, Role.REVIEWER, "CONFIDENTIAL")
    with pytest.raises(InputError) as caught:
        Principal(1, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.ADMIN, "COSMIC")
    assert caught.value.field == "clearance"

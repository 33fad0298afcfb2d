"""The case workflow: every move is in the table, no sequence of actions reaches an illegal state."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcr.casework.workflow import (
    TERMINAL,
    TRANSITIONS,
    CaseAction,
    CaseStatus,
    IllegalTransitionError,
    allowed_actions,
    next_status,
)

HAPPY_PATH = [
    (CaseAction.SUBMIT, CaseStatus.SUBMITTED),
    (CaseAction.START_REVIEW, CaseStatus.UNDER_REVIEW),
    (CaseAction.REFER_FOR_CLEARANCE, CaseStatus.INTERAGENCY_CLEARANCE),
    (CaseAction.CLEAR, CaseStatus.DECISION),
    (CaseAction.ISSUE_LICENCE, CaseStatus.LICENCE_ISSUED),
]


def test_the_licence_path() -> None:
    status = CaseStatus.DRAFT
    for action, expected in HAPPY_PATH:
        status = next_status(status, action)
        assert status is expected


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (CaseStatus.DRAFT, CaseAction.ISSUE_LICENCE),
        (CaseStatus.SUBMITTED, CaseAction.CLEAR),
        (CaseStatus.UNDER_REVIEW, CaseAction.DENY),
        (CaseStatus.LICENCE_ISSUED, CaseAction.REOPEN_ON_APPEAL),
        (CaseStatus.LICENCE_ISSUED, CaseAction.WITHDRAW),
        (CaseStatus.DENIED, CaseAction.ISSUE_LICENCE),
    ],
)
def test_illegal_moves_raise_and_say_what_is_allowed(status: CaseStatus, action: CaseAction) -> None:
    with pytest.raises(IllegalTransitionError, match=f"cannot {action.value}"):
        next_status(status, action)


def test_denied_cases_can_be_reopened_on_appeal() -> None:
    assert next_status(CaseStatus.DENIED, CaseAction.REOPEN_ON_APPEAL) is CaseStatus.UNDER_REVIEW


@given(st.lists(st.sampled_from(list(CaseAction)), max_size=40))
def test_no_sequence_of_actions_reaches_an_illegal_state(actions: list[CaseAction]) -> None:
    status = CaseStatus.DRAFT
    decided = False
    for action in actions:
        if action not in allowed_actions(status):
            with pytest.raises(IllegalTransitionError):
                next_status(status, action)
            continue
        before = status
        status = next_status(status, action)
        assert (before, action) in TRANSITIONS
        assert before not in TERMINAL
        if status in (CaseStatus.LICENCE_ISSUED, CaseStatus.DENIED):
            assert before is CaseStatus.DECISION  # only a decision step decides
            decided = True
    if status is CaseStatus.LICENCE_ISSUED:
        assert decided


def test_every_status_is_reachable_from_draft() -> None:
    seen, frontier = {CaseStatus.DRAFT}, [CaseStatus.DRAFT]
    while frontier:
        status = frontier.pop()
        for action in allowed_actions(status):
            target = next_status(status, action)
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    assert seen == set(CaseStatus)

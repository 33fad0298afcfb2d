"""The demonstration data: five cases from the 1988 record, each with the recommendation the record expects."""

from __future__ import annotations

from sqlalchemy import Engine

from mtcr import policy
from mtcr.casework import audit, recommend, service
from mtcr.casework.access import Principal
from mtcr.casework.demo import load_demo
from mtcr.casework.identity import OrgKind, Role
from mtcr.db.engine import session_scope

OFFICER = Principal(1, "MOD-LIC", OrgKind.LICENSING_AUTHORITY, Role.LICENSING_OFFICER, "SECRET")


def test_demo_cases_and_their_recommendations(engine: Engine) -> None:
    with session_scope(engine) as session:
        loaded = load_demo(session)
        assert loaded.created and len(loaded.case_references) == 5
        assert {u for u, _ in loaded.passwords} >= {"officer", "supervisor", "mfa-reviewer", "exporter"}
        assert all(len(p) >= 12 for _, p in loaded.passwords)
    with session_scope(engine) as session:
        assert not load_demo(session).created  # loading twice changes nothing
        cases = {c.title: c for c in service.list_cases(session, OFFICER)}
        expected = {
            "M-11 short-range ballistic missiles": ("Category I", policy.Recommendation.DENY),
            "HY-2 Silkworm anti-ship cruise missiles": ("not controlled", policy.Recommendation.REFER_CASE_BY_CASE),
            "Solid rocket motor for a satellite launcher": ("Category I", policy.Recommendation.DENY),
            "Inertial guidance sets for manned aircraft": ("Category II", policy.Recommendation.REFER_CASE_BY_CASE),
            "Filament-winding machine for composite pressure vessels": (
                "Category II",
                policy.Recommendation.REFER_CASE_BY_CASE,
            ),
        }
        for title, (category, recommendation) in expected.items():
            case = cases[title]
            assert case.items[0].category == category, title
            result = recommend.recommend(session, case.id, OFFICER)
            assert result.recommendation is recommendation, (title, result.summary)
        m11 = cases["M-11 short-range ballistic missiles"]
        assert m11.items[0].assessment and m11.items[0].assessment["category"] == "Category I"
        assert len(m11.advice) == 1 and m11.parties[0].screening_id is not None
        assert audit.verify(session).ok

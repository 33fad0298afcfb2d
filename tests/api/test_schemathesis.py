"""Property-based tests from the OpenAPI schema (in-process ASGI): no input, however odd, is a server error.

Requests carry a licensing officer's token, so they get past authentication into the routes; valid
requests are aimed at seeded records (a case in interagency clearance with an item, advice and a
consultation on a partner's notification), so they reach the services rather than stop at a 404.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.schemas import BaseSchema

from mtcr.api import create_app
from mtcr.casework import service
from mtcr.casework.service import AdviceRecommendation
from mtcr.casework.workflow import CaseAction
from mtcr.db.engine import make_engine, session_scope
from tests.api.conftest import World


@pytest.fixture
def known_ids(world: World) -> dict[str, int]:
    """Records to aim valid requests at (ids drawn at random would almost always be 404)."""
    with session_scope(world.engine) as session:
        notice = service.receive_notification(
            session,
            government="France",
            reference="FR-1",
            item_description="Rocket motors",
            annex_entry="2.A.1",
            parties=(),
            destination="PK",
            reason="Category I",
            marking="UNCLASSIFIED",
            actor="liaison",
        )
        case = service.create_case(
            session,
            title="Case 1",
            exporter="Acme",
            destination="PK",
            end_use="Research",
            end_use_location="",
            marking="UNCLASSIFIED",
            owner_org="MOD-LIC",
            actor="officer",
        )
        service.add_item(session, case.id, description="Gyro", quantity=1, value=1, currency="USD", actor="officer")
        for action in (CaseAction.SUBMIT, CaseAction.START_REVIEW, CaseAction.REFER_FOR_CLEARANCE):
            service.act(session, case.id, action, "officer")
        advice = service.give_advice(
            session, case.id, agency="MFA", author="reviewer", recommendation=AdviceRecommendation.APPROVE, reasons="ok"
        )
        consultation = service.request_consultation(session, case.id, notice.id, "Any objection?", "officer")
    return {"case_id": case.id, "advice_id": advice.id, "consultation_id": consultation}


@pytest.fixture
def api_schema(world: World) -> BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(world.engine))


def _operations() -> list[tuple[str, str]]:
    """(method, path) of every operation, read from the schema of an app that never touches its database."""
    paths = create_app(make_engine("sqlite://")).openapi()["paths"]
    return sorted((method.upper(), path) for path, operations in paths.items() for method in operations)


# Operations without any input (GET /health) have no invalid form: they get positive data only.
NO_INPUT = {("GET", "/health")}
CASES = [
    (method, path, mode)
    for method, path in _operations()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if not (mode is GenerationMode.NEGATIVE and (method, path) in NO_INPUT)
]


# Both positive (valid by the schema: 20 examples) and negative (deliberately invalid: 10) data.
# Driven by hand rather than by schemathesis' pytest plugin, whose fixture support breaks on pytest 9.
@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=[f"{m}-{p}-{g}" for m, p, g in CASES])
def test_no_server_errors(
    api_schema: BaseSchema, known_ids: dict[str, int], world: World, method: str, path: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]
    officer = world.headers("officer")
    # valid requests go to the seeded records; invalid ones keep whatever ids they are given
    aimed = {name: value for name, value in known_ids.items() if "{" + name + "}" in path}
    strategy = operation.as_strategy(
        generation_mode=mode, path_parameters=aimed if mode is GenerationMode.POSITIVE and aimed else None
    )

    @given(case=strategy)
    @settings(
        max_examples=20 if mode is GenerationMode.POSITIVE else 10,
        deadline=None,
        derandomize=True,  # the same examples on every run: a failure here is reproducible
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:  # a schemathesis.Case
        case.call_and_validate(headers=officer, checks=[not_a_server_error])

    check()

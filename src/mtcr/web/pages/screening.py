"""Screening in the browser: one party against the current list, hits with every feature's reason; the
screening is stored on record like any other."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from sqlalchemy import Engine

from mtcr.casework.access import AccessDeniedError, Action, Principal, can_act
from mtcr.db import screening as store
from mtcr.db.engine import session_scope
from mtcr.errors import InputError
from mtcr.screening.index import CandidateIndex
from mtcr.screening.matcher import DEFAULT_THRESHOLD
from mtcr.screening.model import Party
from mtcr.screening.parties import parse_parties, party_type
from mtcr.web.deps import FormUserDep, SessionDep, UserDep
from mtcr.web.jobs import Progress
from mtcr.web.pages.jobs import job_view, runner
from mtcr.web.rendering import render

router = APIRouter()


def _may_screen(principal: Principal) -> None:
    """Applicants and officers screen parties (as the API's POST /screen)."""
    if not (can_act(principal, Action.CREATE_CASE) or can_act(principal, Action.REVIEW_CASE)):
        raise AccessDeniedError(f"a {principal.role.value} may not screen parties")


@router.get("/screening")
def screening_page(request: Request, session: SessionDep, user: UserDep) -> Response:
    _may_screen(Principal.of(user))
    snapshot = store.latest_snapshot(session, store.BUNDLED_LIST_NAME, required=False)
    return render(
        request, "screening.html", {"title": "Screening", "snapshot": snapshot, "threshold": DEFAULT_THRESHOLD}
    )


@router.post("/screening")
def screen_party(
    request: Request,
    session: SessionDep,
    user: FormUserDep,
    name: Annotated[str, Form(min_length=1, max_length=500)],
    country: Annotated[str, Form(max_length=2)] = "",
    kind: Annotated[str, Form(alias="type", max_length=20)] = "",
    threshold: Annotated[float, Form(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
) -> Response:
    _may_screen(Principal.of(user))
    if not name.strip():
        raise InputError("name", "give the party's name")
    code = country.strip().upper() or None
    if code is not None and (len(code) != 2 or not code.isalpha()):
        raise InputError("country", f"expected a two-letter ISO 3166 code such as CN, got {country!r}")
    party = Party(name=name.strip(), country=code, entity_type=party_type(kind))
    snapshot = store.ensure_bundled_list(session)
    hits = CandidateIndex(store.snapshot_entities(session, snapshot.id)).screen(party, threshold)
    screening_id = store.record_screening(session, party, snapshot, hits, threshold, user.username)
    return render(request, "_screening_result.html", {"screening": store.get_screening(session, screening_id)})


MAX_UPLOAD_BYTES = 5_000_000
MAX_BATCH_PARTIES = 20_000


def _screen_batch(
    engine: Engine, parties: list[Party], threshold: float, username: str, progress: Progress
) -> dict[str, Any]:
    """Screen every party against the current list in one transaction (all recorded, or none)."""
    rows = []
    with session_scope(engine) as session:
        snapshot = store.ensure_bundled_list(session)
        index = CandidateIndex(store.snapshot_entities(session, snapshot.id))
        for party in parties:
            hits = index.screen(party, threshold)
            screening_id = store.record_screening(session, party, snapshot, hits, threshold, username)
            rows.append((party, hits, screening_id))
            progress(1)
    return {"rows": rows, "snapshot": snapshot, "flagged": sum(1 for _, hits, _ in rows if hits)}


@router.post("/screening/batch")
async def screen_file(
    request: Request,
    user: FormUserDep,
    parties: Annotated[UploadFile, File(description="CSV with a header: name, country, address, id, dates")],
    threshold: Annotated[float, Form(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
) -> Response:
    _may_screen(Principal.of(user))
    data = await parties.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError("parties", f"the file is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB: use mtcr screen-file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("parties", "not a UTF-8 text file") from None
    # parsing a few megabytes takes a moment: off the event loop, so other pages stay responsive
    rows = await run_in_threadpool(parse_parties, text, parties.filename or "upload")
    if len(rows) > MAX_BATCH_PARTIES:
        raise InputError(
            "parties", f"{len(rows)} parties: the page screens up to {MAX_BATCH_PARTIES}; use mtcr screen-file"
        )
    engine = request.app.state.engine
    job = runner(request).start(
        user.id,
        f"Screening {len(rows)} parties",
        len(rows),
        "_batch_result.html",
        lambda progress: _screen_batch(engine, rows, threshold, user.username, progress),
    )
    return job_view(request, job)

"""A case's documents: the decision memorandum (HTML and PDF) and the range map with the cities in range."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from mtcr.casework.access import Principal
from mtcr.casework.guarded import readable_case
from mtcr.errors import InputError
from mtcr.reports.memorandum import render_memorandum_html, render_memorandum_pdf
from mtcr.reports.rangemap import MapFormat, cities_within
from mtcr.web.deps import SessionDep, UserDep
from mtcr.web.memo import launch_point, memorandum, range_map, ranged_items, reach_m
from mtcr.web.pages.cases import case_view
from mtcr.web.rendering import render

router = APIRouter()
CaseId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Latitude = Annotated[float | None, Query(ge=-90, le=90)]
Longitude = Annotated[float | None, Query(ge=-180, le=180)]


@router.get("/cases/{case_id}/memorandum")
def memorandum_html(session: SessionDep, user: UserDep, case_id: CaseId) -> HTMLResponse:
    memo = memorandum(case_view(session, case_id, user), user)
    return HTMLResponse(render_memorandum_html(memo))


@router.get("/cases/{case_id}/memorandum.pdf")
def memorandum_pdf(session: SessionDep, user: UserDep, case_id: CaseId) -> Response:
    view = case_view(session, case_id, user)
    pdf = render_memorandum_pdf(memorandum(view, user))
    filename = f"{view.case.reference}-memorandum.pdf"
    return Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{filename}"'}
    )


@router.get("/cases/{case_id}/map")
def map_page(
    request: Request, session: SessionDep, user: UserDep, case_id: CaseId, lat: Latitude = None, lon: Longitude = None
) -> Response:
    # the map shows the case's own facts only: no need for the whole case page's view
    case = readable_case(session, case_id, Principal.of(user))
    launch = launch_point(case, lat, lon)
    items = ranged_items(case)
    reach = reach_m(items)
    return render(
        request,
        "map.html",
        {
            "title": f"{case.reference}: range map",
            "case": case,
            "launch": launch,
            "items": items,
            "in_range": cities_within(launch[0], launch[1], reach) if launch is not None else [],
            "reach_km": reach / 1e3,
        },
        banners=[case.marking],
    )


@router.get("/cases/{case_id}/map.svg")
def map_svg(
    session: SessionDep, user: UserDep, case_id: CaseId, lat: Latitude = None, lon: Longitude = None
) -> Response:
    case = readable_case(session, case_id, Principal.of(user))
    launch = launch_point(case, lat, lon)
    if launch is None:
        raise InputError("lat", "the end-use location is not a known city: give the launch area's lat and lon")
    svg = range_map(case, *launch, MapFormat.SVG)
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, no-store"})

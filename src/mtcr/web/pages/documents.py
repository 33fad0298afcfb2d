"""A case's documents: the decision memorandum (HTML and PDF) and the range map with the cities in range."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from mtcr.errors import InputError
from mtcr.reports.memorandum import render_memorandum_html, render_memorandum_pdf
from mtcr.reports.rangemap import MapFormat, cities_within
from mtcr.web.deps import SessionDep, UserDep
from mtcr.web.memo import THRESHOLD_RANGE_M, launch_city, memorandum, range_map, ranged_items
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
    view = case_view(session, case_id, user)
    city = launch_city(view)
    if lat is None or lon is None:
        lat, lon = (city.lat, city.lon) if city else (None, None)
    place = f"{city.name}, {city.country_code}" if city and (lat, lon) == (city.lat, city.lon) else "launch area"
    items = ranged_items(view)
    reach = max((item.range_at_threshold_m or 0 for item in items), default=0) or THRESHOLD_RANGE_M
    in_range = cities_within(lat, lon, reach) if lat is not None and lon is not None else []
    return render(
        request,
        "map.html",
        {
            "title": f"{view.case.reference}: range map",
            "view": view,
            "lat": lat,
            "lon": lon,
            "place": place,
            "items": items,
            "in_range": in_range,
            "reach_km": reach / 1e3,
        },
        banners=[view.case.marking],
    )


@router.get("/cases/{case_id}/map.svg")
def map_svg(
    session: SessionDep, user: UserDep, case_id: CaseId, lat: Latitude = None, lon: Longitude = None
) -> Response:
    view = case_view(session, case_id, user)
    city = launch_city(view)
    if lat is None or lon is None:
        if city is None:
            raise InputError("lat", "the end-use location is not a known city: give the launch area's lat and lon")
        lat, lon = city.lat, city.lon
    place = f"{city.name}, {city.country_code}" if city and (lat, lon) == (city.lat, city.lon) else "launch area"
    svg = range_map(view, lat, lon, place, MapFormat.SVG)
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private, no-store"})

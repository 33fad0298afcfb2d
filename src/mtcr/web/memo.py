"""A case's decision memorandum and range map, built from what the reader may see of the case.

The memorandum follows the 1988 record's form: banners, TO/FROM/SUBJECT, objectives, background, the
analysis (range-payload figure and map included), the recommendation, the declassification line, the
"Drafted:" line and the "Cleared:" block with every agency whose current advice is on file.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # rendering on a server: no display
from matplotlib.figure import Figure

from mtcr.casework.access import AccessDeniedError
from mtcr.casework.identity import User
from mtcr.casework.service import AdviceRecommendation, CaseRecord
from mtcr.reports.geodata import City, load_cities
from mtcr.reports.memorandum import ClearanceStatus, ClearedOffice, FigureFormat, MemoFigure, Memorandum
from mtcr.reports.rangemap import MapFormat, cities_within, range_rings, render_range_map
from mtcr.web.pages.cases import CaseView
from mtcr.web.rendering import page_marking

THRESHOLD_RANGE_M = 300e3


@dataclass(frozen=True, slots=True)
class RangeItem:
    """An item whose assessment gives a range to draw: the system and its ranges."""

    system: str
    range_at_threshold_m: float | None
    range_any_payload_m: float | None


def ranged_items(case: CaseRecord) -> list[RangeItem]:
    found = []
    for item in case.items:
        if not item.assessment:
            continue
        curve = [point for point in item.assessment.get("curve", []) if point[1] is not None]
        longest = max((point[1] for point in curve), default=None)
        found.append(
            RangeItem(
                item.assessment.get("system", item.description),
                item.assessment.get("range_at_threshold_payload_m"),
                longest,
            )
        )
    return found


def launch_city(case: CaseRecord) -> City | None:
    """The end-use location as a city of the destination, if the bundled GeoNames list has it (else the
    destination's capital)."""
    wanted = case.end_use_location.strip().casefold()
    country = case.destination.upper()
    cities = [city for city in load_cities() if city.country_code == country]
    for city in cities:
        if wanted and city.name.casefold() == wanted:
            return city
    capitals = [city for city in cities if city.capital]
    return capitals[0] if capitals else None


def launch_point(case: CaseRecord, lat: float | None, lon: float | None) -> tuple[float, float, str] | None:
    """Where the rings are drawn from: the coordinates given, else the end-use city; with its name."""
    city = launch_city(case)
    if lat is not None and lon is not None:
        named = city is not None and (lat, lon) == (city.lat, city.lon)
        return lat, lon, f"{city.name}, {city.country_code}" if city is not None and named else "launch area"
    return None if city is None else (city.lat, city.lon, f"{city.name}, {city.country_code}")


def reach_m(items: list[RangeItem]) -> float:
    """The longest range with the threshold payload; the MTCR range threshold when nothing is assessed."""
    return max((item.range_at_threshold_m or 0.0 for item in items), default=0.0) or THRESHOLD_RANGE_M


def range_map(case: CaseRecord, lat: float, lon: float, place: str, fmt: MapFormat) -> bytes:
    items = ranged_items(case)
    ranges: list[float] = []
    labels: list[str] = []
    for item in items:
        if item.range_at_threshold_m:
            ranges.append(item.range_at_threshold_m)
            labels.append(f"{item.system} with 500 kg: {item.range_at_threshold_m / 1e3:,.0f} km")
        if item.range_any_payload_m and item.range_any_payload_m != item.range_at_threshold_m:
            ranges.append(item.range_any_payload_m)
            labels.append(f"{item.system}, lightest payload: {item.range_any_payload_m / 1e3:,.0f} km")
    if not ranges:  # nothing assessed: show the MTCR range threshold itself
        ranges, labels = [THRESHOLD_RANGE_M], ["MTCR threshold: 300 km"]
    rings = range_rings(lat, lon, ranges, labels, launch_label=place)
    return render_range_map(rings, fmt=fmt, title=f"{case.reference}: ranges from {place}")


def _curve_png(system: str, payloads: list[float], ranges_km: list[float]) -> bytes:
    figure = Figure(figsize=(6.0, 3.6), dpi=120)
    axes = figure.add_subplot()
    axes.plot(payloads, ranges_km, marker="o", linewidth=2, label=system)
    axes.axhline(300, color="#c8102e", linestyle="--", linewidth=1)
    axes.axvline(500, color="#c8102e", linestyle="--", linewidth=1)
    axes.set_xlabel("Payload (kg)")
    axes.set_ylabel("Range (km)")
    axes.set_xlim(left=0)
    axes.set_ylim(bottom=0)
    axes.set_title(f"{system}\nrange against payload (dashed lines: 500 kg and 300 km)", fontsize=10)
    axes.grid(alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _clearance(recommendation: AdviceRecommendation) -> ClearanceStatus:
    return ClearanceStatus.NONCONCUR if recommendation is AdviceRecommendation.DENY else ClearanceStatus.CLEARED


def memorandum(view: CaseView, drafter: User, today: datetime.date | None = None) -> Memorandum:
    case = view.case
    rec = view.recommendation
    if rec is None or not view.government:
        raise AccessDeniedError("decision memoranda are written and read within government")
    today = today or datetime.date.today()
    # the memorandum carries what it quotes: the case and the partners' notifications it names
    marking = page_marking([case.marking, *view.partner_markings])
    classified = marking.rank > 0
    items = "; ".join(f"{item.description} ({', '.join([item.category, *item.annex_entries])})" for item in case.items)
    parties = "; ".join(
        f"{pv.party.role.value} {pv.party.name}"
        + (f" ({len(pv.screening.hits)} screening hit(s))" if pv.screening and pv.screening.hits else "")
        for pv in view.parties
    )
    analysis: list[str | MemoFigure] = []
    for item in case.items:
        data = view.plots.get(item.id)
        if item.assessment and data:
            analysis.append(
                f"{item.assessment.get('system', item.description)}: {item.assessment.get('category', '')}. "
                f"Range with 500 kg {((item.assessment.get('range_at_threshold_payload_m') or 0) / 1e3):,.0f} km; "
                f"model {item.assessment.get('model_version', '')}. The range/payload trade-off is applied, as the "
                "Guidelines require."
            )
            analysis.append(
                MemoFigure(
                    _curve_png(data["system"], data["payload_kg"], data["range_km"]),
                    FigureFormat.PNG,
                    f"Range against payload, {data['system']}",
                )
            )
    launch, ranged = launch_point(case, None, None), ranged_items(case)
    if launch is not None and ranged:
        lat, lon, place = launch
        in_range = cities_within(lat, lon, reach_m(ranged))
        names = ", ".join(f"{hit.city.name} ({hit.distance_km:,.0f} km)" for hit in in_range[:12])
        analysis.append(
            f"Regional stability: from {place}, cities within range with 500 kg include {names or 'none listed'}."
        )
        analysis.append(
            MemoFigure(
                range_map(case, lat, lon, place, MapFormat.PNG),
                FigureFormat.PNG,
                f"Range rings from {place} (Natural Earth; GeoNames)",
            )
        )
    analysis.extend(f"{rule.rule_id} ({rule.source}): {rule.reason}" for rule in rec.fired)
    for advice in (a for a in case.advice if a.valid):
        analysis.append(f"{advice.agency} advises {advice.recommendation.value}: {advice.reasons}")
    for match in view.matches:
        analysis.append(
            f"Partner denial {match.notification.government} {match.notification.reference}: consultation "
            f"{'complete' if match.consultation_complete else 'required before any approval'}."
        )
    cleared = [
        ClearedOffice(advice.agency, advice.author, advice.created_at.date(), _clearance(advice.recommendation))
        for advice in case.advice
        if advice.valid
    ]
    return Memorandum(
        marking=marking.banner,
        date=today,
        to="The Head of the Licensing Authority",
        from_=f"{drafter.display_name}, {drafter.organisation_code}",
        subject=f"{case.reference}: {case.title} for {case.end_use} ({case.destination})",
        objectives=[
            f"Decide the application to transfer {case.title} to {case.destination}.",
            "Keep the decision consistent with the MTCR Guidelines, our national policy and partners' denials.",
        ],
        background=[
            f"{case.exporter} applies to export: {items or 'no items recorded'}.",
            f"End use: {case.end_use}{', ' + case.end_use_location if case.end_use_location else ''}. "
            f"Parties: {parties or 'none recorded'}.",
        ],
        analysis=analysis or ["No technical analysis is on file."],
        recommendation=f"{rec.recommendation.value}. {rec.summary}",
        # "Originating agency's determination required", the 1988 record's declassification line
        declassify_on="DECL: OADR" if classified else "UNCLASSIFIED",
        drafted=f"Drafted: {drafter.organisation_code}: {drafter.display_name}, {today:%m/%d/%Y}",
        cleared=cleared,
    )

"""Range-ring maps: which places a missile could reach from a launch point.

Geometry is spherical: great circles on a sphere of radius ``R_EARTH`` (6,371 km, the mean Earth
radius), the same Earth as the trajectory model, so a ring drawn for a computed range is the range the
model computed. Against the WGS 84 ellipsoid the error is at most about 0.5 % of the distance, far
below the uncertainty of any range estimate. Maps use an azimuthal equidistant projection centred on
the launch point, in which every range ring is a true circle and every distance from the launch point
is to scale.

Example::

    rings = range_rings(24.71, 46.68, [290e3, 1_000e3], labels=["M-11 at 500 kg: 290 km", "1,000 km"])
    for hit in cities_within(24.71, 46.68, 1_000e3, min_population=1_000_000):
        print(hit.name, hit.country, round(hit.distance_km), round(hit.bearing_deg))
    svg = render_range_map(rings, fmt=MapFormat.SVG)
"""

from __future__ import annotations

import io
import itertools
import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.transforms import Bbox
from numpy.typing import NDArray

from mtcr.errors import InputError
from mtcr.physics.core.constants import R_EARTH
from mtcr.reports.geodata import SHORT_ATTRIBUTION, City, Polygon, Ring, load_cities, load_countries

EARTH_RADIUS_M = R_EARTH
HALF_CIRCUMFERENCE_M = math.pi * EARTH_RADIUS_M  # no two points on the sphere are further apart
METHOD = (
    f"great circles on a sphere of radius {EARTH_RADIUS_M / 1e3:,.0f} km (mean Earth radius); "
    "map in azimuthal equidistant projection centred on the launch point"
)
DEFAULT_MIN_POPULATION = 500_000
RING_POINTS = 360
DENSIFY_DEG = 1.0  # longest straight lon/lat edge before it is subdivided, so it bends properly
# Two projected vertices further apart than this straddle the antipode, where the projection tears.
TEAR_M = HALF_CIRCUMFERENCE_M / 4
_RENDER_LOCK = threading.Lock()
RING_COLOURS = ("#b2182b", "#ef8a62", "#2166ac", "#67a9cf", "#1b7837", "#762a83")

FloatArray = NDArray[np.float64]


class MapFormat(StrEnum):
    SVG = "svg"
    PNG = "png"


class Pole(StrEnum):
    NORTH = "north"
    SOUTH = "south"


@dataclass(frozen=True, slots=True)
class RangeRing:
    """The points at one great-circle distance from the launch point, clockwise from due north."""

    range_m: float
    label: str
    points: tuple[tuple[float, float], ...]  # (lat, lon) in degrees, lon in [-180, 180], first point repeated last
    crosses_antimeridian: bool
    encloses_pole: Pole | None

    @property
    def range_km(self) -> float:
        return self.range_m / 1e3

    def segments(self) -> tuple[tuple[tuple[float, float], ...], ...]:
        """The ring as (lat, lon) polylines split where it crosses the antimeridian, for lon/lat maps.

        A ring that crosses it twice gives two pieces, one on each side; one around a pole gives a
        single piece running from one edge of the map to the other.
        """
        ring = self.points[:-1]
        crossings = [i for i in range(len(ring)) if abs(ring[i][1] - ring[i - 1][1]) > 180]
        if not crossings:
            return (self.points,)
        # Start just after a crossing, so that no piece is cut in two by the ring's start.
        first = crossings[0]
        walk = (*ring[first:], *ring[:first])
        pieces: list[list[tuple[float, float]]] = [[walk[0]]]
        for before, after in itertools.pairwise(walk):
            if abs(after[1] - before[1]) > 180:
                pieces.append([])
            pieces[-1].append(after)
        return tuple(tuple(piece) for piece in pieces if len(piece) > 1)


@dataclass(frozen=True, slots=True)
class RangeRings:
    """Range rings around one launch point, with the Earth model they were computed on."""

    launch_lat: float
    launch_lon: float
    launch_label: str
    rings: tuple[RangeRing, ...]
    earth_radius_m: float = EARTH_RADIUS_M
    method: str = METHOD

    @property
    def max_range_m(self) -> float:
        return max(ring.range_m for ring in self.rings)

    def as_geojson(self) -> dict[str, Any]:
        """A GeoJSON FeatureCollection: the launch point and each ring, split at the antimeridian."""
        features: list[dict[str, Any]] = [
            {
                "type": "Feature",
                "properties": {"kind": "launch", "label": self.launch_label},
                "geometry": {"type": "Point", "coordinates": [self.launch_lon, self.launch_lat]},
            }
        ]
        for ring in self.rings:
            lines = [[[lon, lat] for lat, lon in piece] for piece in ring.segments()]
            features.append(
                {
                    "type": "Feature",
                    "properties": {"kind": "range ring", "label": ring.label, "range_m": ring.range_m},
                    "geometry": {"type": "MultiLineString", "coordinates": lines},
                }
            )
        return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True, slots=True)
class CityInRange:
    """A city within range: how far (great circle) and in which direction from the launch point."""

    city: City
    distance_km: float
    bearing_deg: float  # initial great-circle bearing, clockwise from true north, in [0, 360)

    @property
    def name(self) -> str:
        return self.city.name

    @property
    def country(self) -> str:
        return self.city.country


# --- validation ---------------------------------------------------------------------------------


def _check_lat(value: float, field: str) -> float:
    if not (isinstance(value, int | float) and math.isfinite(value) and -90 <= value <= 90):
        raise InputError(field, f"{value!r} is not a latitude: give degrees from -90 (south) to 90 (north)")
    return float(value)


def _check_lon(value: float, field: str) -> float:
    if not (isinstance(value, int | float) and math.isfinite(value) and -180 <= value <= 180):
        raise InputError(field, f"{value!r} is not a longitude: give degrees from -180 (west) to 180 (east)")
    return float(value)


def _check_range(value: float, field: str) -> float:
    if not (isinstance(value, int | float) and math.isfinite(value)) or value <= 0:
        raise InputError(field, f"{value!r} is not a range: give a positive distance in metres")
    if value > HALF_CIRCUMFERENCE_M:
        limit = HALF_CIRCUMFERENCE_M / 1e3
        raise InputError(field, f"{value / 1e3:,.0f} km exceeds {limit:,.0f} km, half the Earth's circumference")
    return float(value)


# --- spherical geometry (closed-form; vectorised with numpy) ------------------------------------


def _central_angle(lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Central angle (radians) between points given in radians.

    The atan2 form of the spherical Vincenty formula: well conditioned for tiny and near-antipodal
    separations alike, where the haversine and the law of cosines each lose precision.
    """
    dlon = lon2 - lon1
    across = np.hypot(
        np.cos(lat2) * np.sin(dlon), np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(dlon)
    )
    along = np.sin(lat1) * np.sin(lat2) + np.cos(lat1) * np.cos(lat2) * np.cos(dlon)
    return np.asarray(np.arctan2(across, along), dtype=np.float64)


def _azimuth(lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray) -> FloatArray:
    """Initial great-circle bearing (radians, clockwise from north) from point 1 to point 2."""
    dlon = lon2 - lon1
    y = np.sin(dlon) * np.cos(lat2)
    x = np.cos(lat1) * np.sin(lat2) - np.sin(lat1) * np.cos(lat2) * np.cos(dlon)
    return np.asarray(np.arctan2(y, x), dtype=np.float64)


def _radians(*values: float | FloatArray) -> list[FloatArray]:
    return [np.radians(np.asarray(value, dtype=np.float64)) for value in values]


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (m) between two points given in degrees, on the ``EARTH_RADIUS_M`` sphere."""
    for value, field in ((lat1, "lat1"), (lat2, "lat2")):
        _check_lat(value, field)
    for value, field in ((lon1, "lon1"), (lon2, "lon2")):
        _check_lon(value, field)
    return float(_central_angle(*_radians(lat1, lon1, lat2, lon2))) * EARTH_RADIUS_M


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial great-circle bearing (degrees clockwise from true north, [0, 360)) from point 1 to point 2."""
    for value, field in ((lat1, "lat1"), (lat2, "lat2")):
        _check_lat(value, field)
    for value, field in ((lon1, "lon1"), (lon2, "lon2")):
        _check_lon(value, field)
    return float(np.degrees(_azimuth(*_radians(lat1, lon1, lat2, lon2)))) % 360.0


def _destinations(lat: float, lon: float, bearings: FloatArray, distance: float) -> tuple[FloatArray, FloatArray]:
    """(lat, lon) in degrees reached by going ``distance`` metres along each bearing (radians).

    Done with unit vectors (start point, local north and east) and atan2, not the usual arcsin
    formula: that one loses half its digits near the poles and for very short distances.
    """
    phi, lam = math.radians(lat), math.radians(lon)
    delta = distance / EARTH_RADIUS_M
    start = np.array([math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)])
    north = np.array([-math.sin(phi) * math.cos(lam), -math.sin(phi) * math.sin(lam), math.cos(phi)])
    east = np.array([-math.sin(lam), math.cos(lam), 0.0])
    heading = np.outer(np.cos(bearings), north) + np.outer(np.sin(bearings), east)
    points = math.cos(delta) * start + math.sin(delta) * heading
    lat2 = np.degrees(np.arctan2(points[:, 2], np.hypot(points[:, 0], points[:, 1])))
    lon2 = np.degrees(np.arctan2(points[:, 1], points[:, 0]))
    return lat2, lon2


def destination(lat: float, lon: float, bearing: float, distance: float) -> tuple[float, float]:
    """(lat, lon) in degrees reached from (lat, lon) along initial ``bearing`` (degrees) after ``distance`` m."""
    _check_lat(lat, "lat")
    _check_lon(lon, "lon")
    if not math.isfinite(distance) or distance < 0:
        raise InputError("distance", f"{distance!r} is not a distance: give metres, zero or more")
    lats, lons = _destinations(lat, lon, np.array([math.radians(bearing)]), distance)
    return float(lats[0]), float(lons[0])


def _pole_within(lat: float, range_m: float) -> Pole | None:
    if math.radians(90.0 - lat) * EARTH_RADIUS_M < range_m:
        return Pole.NORTH
    if math.radians(90.0 + lat) * EARTH_RADIUS_M < range_m:
        return Pole.SOUTH
    return None


def range_rings(
    launch_lat: float,
    launch_lon: float,
    ranges_m: Sequence[float],
    labels: Sequence[str] | None = None,
    launch_label: str = "Launch point",
    points: int = RING_POINTS,
) -> RangeRings:
    """Great-circle range rings around a launch point.

    ``ranges_m`` are ground ranges in metres (each > 0 and at most half the circumference); ``labels``
    (one per range) default to "<range> km". Each ring has ``points`` vertices at equal bearing steps,
    longitudes wrapped into [-180, 180]; use :meth:`RangeRing.segments` to draw it on a lon/lat map.
    """
    lat = _check_lat(launch_lat, "launch_lat")
    lon = _check_lon(launch_lon, "launch_lon")
    if not ranges_m:
        raise InputError("ranges_m", "give at least one range")
    checked = [_check_range(value, f"ranges_m[{index}]") for index, value in enumerate(ranges_m)]
    if labels is None:
        labels = [f"{value / 1e3:,.0f} km" for value in checked]
    elif len(labels) != len(checked):
        raise InputError("labels", f"{len(labels)} labels for {len(checked)} ranges: give one label per range")
    if points < 8:
        raise InputError("points", f"{points} points cannot draw a ring: give at least 8")
    bearings = np.linspace(0.0, 2 * math.pi, points + 1)  # the last repeats the first: a closed ring
    rings = []
    for value, label in zip(checked, labels, strict=True):
        lats, lons = _destinations(lat, lon, bearings, value)
        ring_points = tuple((float(a), float(b)) for a, b in zip(lats, lons, strict=True))
        ring_points = (*ring_points[:-1], ring_points[0])  # exactly closed despite rounding
        crosses = bool(np.any(np.abs(np.diff(lons)) > 180.0))
        rings.append(RangeRing(value, label, ring_points, crosses, _pole_within(lat, value)))
    return RangeRings(lat, lon, launch_label, tuple(rings))


def cities_within(
    launch_lat: float,
    launch_lon: float,
    range_m: float,
    min_population: int = DEFAULT_MIN_POPULATION,
    cities: Iterable[City] | None = None,
) -> list[CityInRange]:
    """Cities at most ``range_m`` (great circle, inclusive) from the launch point, nearest first.

    ``cities`` defaults to the bundled GeoNames cities (population >= 100,000 or a national capital);
    only those with at least ``min_population`` inhabitants are considered.
    """
    lat = _check_lat(launch_lat, "launch_lat")
    lon = _check_lon(launch_lon, "launch_lon")
    limit = _check_range(range_m, "range_m")
    if isinstance(min_population, bool) or not isinstance(min_population, int) or min_population < 0:
        raise InputError("min_population", f"{min_population!r} is not a population: give a whole number >= 0")
    pool = [city for city in (load_cities() if cities is None else cities) if city.population >= min_population]
    if not pool:
        return []
    origin = _radians(lat, lon)
    targets = _radians(np.array([c.lat for c in pool]), np.array([c.lon for c in pool]))
    distances = _central_angle(origin[0], origin[1], targets[0], targets[1]) * EARTH_RADIUS_M
    bearings = np.degrees(_azimuth(origin[0], origin[1], targets[0], targets[1])) % 360.0
    found = [
        CityInRange(city, float(d) / 1e3, float(b))
        for city, d, b in zip(pool, distances, bearings, strict=True)
        if d <= limit
    ]
    found.sort(key=lambda hit: (hit.distance_km, hit.city.name))
    return found


# --- azimuthal equidistant projection -------------------------------------------------------------


def project(launch_lat: float, launch_lon: float, lats: FloatArray, lons: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Azimuthal equidistant (x east, y north, metres) about the launch point, for points in degrees.

    Written out rather than taken from pyproj: it is two spherical formulas (distance and bearing from
    the centre), and PROJ would be a large native dependency for them.
    """
    phi0, lam0 = _radians(launch_lat, launch_lon)
    phi, lam = _radians(lats, lons)
    rho = _central_angle(phi0, lam0, phi, lam) * EARTH_RADIUS_M
    theta = _azimuth(phi0, lam0, phi, lam)
    return rho * np.sin(theta), rho * np.cos(theta)


def _densify(ring: Ring) -> tuple[FloatArray, FloatArray, NDArray[np.bool_]]:
    """(lons, lats, keep) with long edges subdivided; ``keep[i]`` is False for the edge ending at vertex i
    when it is an artefact of the source's cut at the antimeridian or along a pole, not a real border."""
    lons: list[float] = [ring[0][0]]
    lats: list[float] = [ring[0][1]]
    keep: list[bool] = [True]
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(ring):
        steps = max(1, math.ceil(max(abs(lon2 - lon1), abs(lat2 - lat1)) / DENSIFY_DEG))
        seam = (abs(lon1) == 180 and lon1 == lon2) or (abs(lat1) == 90 and lat1 == lat2)
        for step in range(1, steps + 1):
            lons.append(lon1 + (lon2 - lon1) * step / steps)
            lats.append(lat1 + (lat2 - lat1) * step / steps)
            keep.append(not seam)
    return np.array(lons), np.array(lats), np.array(keep, dtype=bool)


@dataclass(frozen=True, slots=True)
class _ProjectedRing:
    xy: FloatArray  # (n, 2) metres
    keep: NDArray[np.bool_]  # per vertex: is the edge ending here drawn as a border?
    torn: bool  # straddles the antipode: outline only, no fill


def _project_ring(ring: Ring, lat0: float, lon0: float) -> _ProjectedRing:
    lons, lats, keep = _densify(ring)
    x, y = project(lat0, lon0, lats, lons)
    xy = np.column_stack([x, y])
    jumps = np.hypot(np.diff(x), np.diff(y)) > TEAR_M
    keep[1:] &= ~jumps
    return _ProjectedRing(xy, keep, bool(jumps.any()))


def _signed_area(xy: FloatArray) -> float:
    x, y = xy[:, 0], xy[:, 1]
    return float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2


def _ring_path_parts(xy: FloatArray, counter_clockwise: bool) -> tuple[FloatArray, list[np.uint8]]:
    # Matplotlib fills with the non-zero rule, so holes must wind against their exterior.
    if (_signed_area(xy) > 0) != counter_clockwise:
        xy = xy[::-1]
    codes = [Path.MOVETO] + [Path.LINETO] * (len(xy) - 2) + [Path.CLOSEPOLY]
    return xy, codes


def _runs(xy: FloatArray, keep: NDArray[np.bool_], half_width: float) -> list[FloatArray]:
    """The parts of a polyline worth drawing: broken before each vertex whose incoming edge is not kept,
    and trimmed to the map (a margin keeps the cut ends out of sight), which keeps SVG files small."""
    margin = 1.05 * half_width
    inside = np.all(np.abs(xy) <= margin, axis=1)
    # An edge is drawn if kept and at least one of its ends is on the map.
    drawn = keep[1:] & (inside[:-1] | inside[1:])
    runs: list[FloatArray] = []
    start: int | None = None
    for index, flag in enumerate(drawn):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append(xy[start : index + 1])
            start = None
    if start is not None:
        runs.append(xy[start:])
    return runs


def _visible(xy: FloatArray, half_width: float) -> bool:
    return bool(
        xy[:, 0].max() >= -half_width
        and xy[:, 0].min() <= half_width
        and xy[:, 1].max() >= -half_width
        and xy[:, 1].min() <= half_width
    )


def _draw_polygon(axes: Any, polygon: Polygon, lat0: float, lon0: float, half_width: float) -> None:
    exterior = _project_ring(polygon.exterior, lat0, lon0)
    if not _visible(exterior.xy, half_width):
        return
    holes = [_project_ring(hole, lat0, lon0) for hole in polygon.holes]
    if not exterior.torn:
        vertices, codes = _ring_path_parts(exterior.xy, counter_clockwise=True)
        parts, all_codes = [vertices], list(codes)
        for hole in holes:
            if not hole.torn:
                hole_vertices, hole_codes = _ring_path_parts(hole.xy, counter_clockwise=False)
                parts.append(hole_vertices)
                all_codes.extend(hole_codes)
        margin = 1.05 * half_width
        path = Path(np.concatenate(parts), all_codes).clip_to_bbox(Bbox([[-margin, -margin], [margin, margin]]))
        if np.asarray(path.vertices).size:
            axes.add_patch(PathPatch(path, facecolor="#f2efe6", edgecolor="none", zorder=1))
    for ring in (exterior, *holes):
        for run in _runs(ring.xy, ring.keep, half_width):
            axes.plot(run[:, 0], run[:, 1], color="#8c8c8c", linewidth=0.5, zorder=2)


def _graticule(axes: Any, lat0: float, lon0: float, half_width: float) -> None:
    step = 30 if half_width > 6_000e3 else 10 if half_width > 1_500e3 else 5
    lines: list[tuple[FloatArray, FloatArray]] = []
    fine = np.arange(-180.0, 180.5, 0.5)
    for lat in range(-90 + step, 90, step):
        lines.append((np.full_like(fine, float(lat)), fine))
    polar = np.arange(-90.0, 90.25, 0.25)
    for lon in range(-180, 180, step):
        lines.append((polar, np.full_like(polar, float(lon))))
    for lats, lons in lines:
        x, y = project(lat0, lon0, lats, lons)
        keep = np.concatenate([[True], np.hypot(np.diff(x), np.diff(y)) <= TEAR_M])
        for run in _runs(np.column_stack([x, y]), keep, half_width):
            axes.plot(run[:, 0], run[:, 1], color="#d9e3ea", linewidth=0.4, zorder=0.5)


# A translucent box, not a stroked halo: path effects turn SVG text into glyph outlines (ten times larger).
_BACKDROP = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}


def render_range_map(
    rings: RangeRings,
    *,
    cities: Sequence[CityInRange] | None = None,
    min_population: int = DEFAULT_MIN_POPULATION,
    max_city_labels: int = 20,
    title: str | None = None,
    extent_m: float | None = None,
    fmt: MapFormat = MapFormat.SVG,
    size_in: float = 8.0,
    dpi: int = 150,
) -> bytes:
    """Draw the rings on a map, with borders, the launch point and the cities in range; SVG or PNG bytes.

    ``cities`` default to :func:`cities_within` the largest ring at ``min_population``; all are marked
    and the ``max_city_labels`` most populous are named. ``extent_m`` is the half-width of the square map
    (default 1.2 times the largest range). SVG keeps its text as text, so it can be searched and styled.
    """
    fmt = MapFormat(fmt)
    if extent_m is None:
        extent = min(max(1.2 * rings.max_range_m, 100e3), 1.05 * HALF_CIRCUMFERENCE_M)
    else:
        extent = _check_range(extent_m, "extent_m")
    if max_city_labels < 0:
        raise InputError("max_city_labels", f"{max_city_labels} is negative: give 0 or more")
    if not (1.0 <= size_in <= 40.0):
        raise InputError("size_in", f"{size_in} inches: give a size from 1 to 40")
    if not (30 <= dpi <= 600):
        raise InputError("dpi", f"{dpi}: give a resolution from 30 to 600 dots per inch")
    if cities is None:
        cities = cities_within(rings.launch_lat, rings.launch_lon, rings.max_range_m, min_population)
    lat0, lon0 = rings.launch_lat, rings.launch_lon

    # A bare Figure, not pyplot, and one render at a time: rc_context sets process-wide rcParams and
    # matplotlib is not thread-safe, while a web server renders from several threads.
    with _RENDER_LOCK, rc_context({"svg.fonttype": "none", "svg.hashsalt": "mtcr-rangemap", "font.size": 8}):
        figure = Figure(figsize=(size_in, size_in), dpi=dpi, layout="constrained")
        axes = figure.add_subplot()
        axes.set_facecolor("#eef4f8")
        axes.set_aspect("equal")
        axes.set_xlim(-extent, extent)
        axes.set_ylim(-extent, extent)
        axes.set_xticks([])
        axes.set_yticks([])
        _graticule(axes, lat0, lon0, extent)
        for country in load_countries():
            for polygon in country.polygons:
                _draw_polygon(axes, polygon, lat0, lon0, extent)

        angles = np.linspace(0.0, 2 * math.pi, 721)
        ordered = sorted(rings.rings, key=lambda ring: ring.range_m)
        for index, ring in enumerate(ordered):
            colour = RING_COLOURS[index % len(RING_COLOURS)]
            # In this projection a ring is exactly the circle of radius range (see project()).
            axes.plot(
                ring.range_m * np.sin(angles),
                ring.range_m * np.cos(angles),
                color=colour,
                linewidth=1.6,
                zorder=4,
                label=ring.label,
            )
            # Stagger the labels around the circle so that close rings do not print over each other.
            angle = math.radians(-35.0 + 25.0 * index)
            axes.text(
                ring.range_m * math.sin(angle),
                ring.range_m * math.cos(angle),
                ring.label,
                color=colour,
                fontsize=8,
                fontweight="bold",
                ha="center",
                va="bottom",
                rotation=-math.degrees(angle),
                rotation_mode="anchor",
                zorder=7,  # above city names: the ring is what the map is about
                bbox=_BACKDROP,
                clip_on=True,
            )

        positions = [_city_xy(hit) for hit in cities]
        labelled = _labelled(cities, positions, max_city_labels, extent)
        for index, (hit, (x, y)) in enumerate(zip(cities, positions, strict=True)):
            marker = "s" if hit.city.capital else "o"
            axes.plot(x, y, marker, color="#333333", markersize=3.5 if hit.city.capital else 2.5, zorder=5)
            if index in labelled:
                axes.annotate(
                    f"{hit.name} ({hit.distance_km:,.0f} km)",
                    (x, y),
                    xytext=(3, 3),
                    textcoords="offset points",
                    fontsize=7,
                    zorder=6,
                    bbox=_BACKDROP,
                    annotation_clip=True,
                    clip_on=True,  # a name near the edge is cut at the frame, not drawn over the margin
                )

        axes.plot(0, 0, "*", color="black", markersize=12, zorder=7)
        axes.annotate(
            rings.launch_label,
            (0, 0),
            xytext=(6, -10),
            textcoords="offset points",
            fontsize=8,
            fontweight="bold",
            zorder=7,
            bbox=_BACKDROP,
        )
        axes.legend(loc="lower left", fontsize=7, framealpha=0.9)
        axes.set_title(
            title or f"Range from {rings.launch_label} ({_format_lat_lon(lat0, lon0)})", fontsize=10, loc="left"
        )
        axes.text(
            0.99,
            0.01,
            f"{SHORT_ATTRIBUTION}. Azimuthal equidistant, {EARTH_RADIUS_M / 1e3:,.0f} km sphere",
            transform=axes.transAxes,
            ha="right",
            va="bottom",
            fontsize=6,
            color="#555555",
            zorder=8,
            bbox=_BACKDROP,
        )

        buffer = io.BytesIO()
        # No creation date or software version in the file: the same map gives the same bytes.
        metadata: dict[str, str | None] = {"Date": None} if fmt is MapFormat.SVG else {"Software": None}
        figure.savefig(buffer, format=fmt.value, metadata=metadata)
    return buffer.getvalue()


def _city_xy(hit: CityInRange) -> tuple[float, float]:
    # In an azimuthal equidistant projection a point's polar coordinates are its distance and bearing.
    distance, bearing = hit.distance_km * 1e3, math.radians(hit.bearing_deg)
    return distance * math.sin(bearing), distance * math.cos(bearing)


def _labelled(
    cities: Sequence[CityInRange], positions: Sequence[tuple[float, float]], limit: int, half_width: float
) -> set[int]:
    """Indices of the cities to name: the most populous first, skipping any whose label would sit on
    one already placed (a label is about a fifth of the map wide and a fortieth high)."""
    chosen: list[int] = []
    for index in sorted(range(len(cities)), key=lambda i: -cities[i].city.population):
        if len(chosen) >= limit:
            break
        x, y = positions[index]
        if abs(x) > half_width or abs(y) > half_width:
            continue
        if all(
            abs(x - positions[other][0]) > 0.2 * half_width or abs(y - positions[other][1]) > 0.05 * half_width
            for other in chosen
        ):
            chosen.append(index)
    return set(chosen)


def _format_lat_lon(lat: float, lon: float) -> str:
    return f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.2f}°{'E' if lon >= 0 else 'W'}"

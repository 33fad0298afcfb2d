"""Range rings and cities in range: spherical geometry, boundaries, antimeridian and poles, rendering."""

from __future__ import annotations

import io
import itertools
import math
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from mtcr.errors import InputError
from mtcr.reports.geodata import City, load_cities, load_countries
from mtcr.reports.rangemap import (
    EARTH_RADIUS_M,
    HALF_CIRCUMFERENCE_M,
    MapFormat,
    Pole,
    bearing_deg,
    cities_within,
    destination,
    distance_m,
    project,
    range_rings,
    render_range_map,
)

LONDON = (51.5074, -0.1278)
PARIS = (48.8566, 2.3522)
RIYADH = (24.6877, 46.7219)  # the bundled GeoNames coordinates
TEHRAN = (35.6944, 51.4215)
SUVA = (-18.1368, 178.4253)

lats = st.floats(min_value=-90, max_value=90)
lons = st.floats(min_value=-180, max_value=180)


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The textbook closed form, written independently of the module under test."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def city(name: str, lat: float, lon: float, population: int = 1_000_000, capital: bool = False) -> City:
    return City(name, "XX", "Testland", lat, lon, population, capital)


# --- distances and bearings ---


@pytest.mark.parametrize(
    ("a", "b", "km", "tolerance_km"),
    [
        (LONDON, PARIS, 344, 2),
        (RIYADH, TEHRAN, 1_304, 5),
        ((40.6413, -73.7781), (51.4700, -0.4543), 5_555, 15),  # JFK-Heathrow, a published great circle
        ((0.0, 0.0), (0.0, 180.0), math.pi * EARTH_RADIUS_M / 1e3, 1e-6),  # antipodes
        ((90.0, 0.0), (-90.0, 0.0), math.pi * EARTH_RADIUS_M / 1e3, 1e-6),
    ],
)
def test_great_circle_distances_of_known_pairs(
    a: tuple[float, float], b: tuple[float, float], km: float, tolerance_km: float
) -> None:
    assert distance_m(*a, *b) / 1e3 == pytest.approx(km, abs=tolerance_km)
    assert distance_m(*b, *a) == pytest.approx(distance_m(*a, *b), rel=1e-12)


@settings(max_examples=200, deadline=None)
@given(lats, lons, lats, lons)
def test_distance_agrees_with_the_closed_form_haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> None:
    # haversine loses precision near antipodes, so compare to a metre there rather than relatively
    assert distance_m(lat1, lon1, lat2, lon2) == pytest.approx(haversine_m(lat1, lon1, lat2, lon2), rel=1e-9, abs=1.0)


def test_bearings_and_destinations_agree() -> None:
    assert bearing_deg(*LONDON, *PARIS) == pytest.approx(148.1, abs=0.5)
    assert bearing_deg(0, 0, 10, 0) == pytest.approx(0.0)
    assert bearing_deg(0, 0, 0, -10) == pytest.approx(270.0)
    lat, lon = destination(*LONDON, bearing_deg(*LONDON, *PARIS), distance_m(*LONDON, *PARIS))
    assert (lat, lon) == pytest.approx(PARIS, abs=1e-9)


# --- rings ---


@pytest.mark.parametrize(
    "centre",
    [RIYADH, SUVA, (0.0, 180.0), (0.0, -180.0), (89.5, 20.0), (-89.9, -45.0), (90.0, 0.0), (-90.0, 0.0)],
)
@pytest.mark.parametrize("range_m", [1.0, 290e3, 2_500e3, 12_000e3, HALF_CIRCUMFERENCE_M - 1.0])
def test_every_ring_point_is_at_the_range(centre: tuple[float, float], range_m: float) -> None:
    rings = range_rings(*centre, [range_m])
    (ring,) = rings.rings
    assert len(ring.points) == 361 and ring.points[0] == ring.points[-1]
    for lat, lon in ring.points:
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert distance_m(*centre, lat, lon) == pytest.approx(range_m, rel=1e-6)


def test_rings_keep_their_labels_and_default_to_kilometres() -> None:
    rings = range_rings(*RIYADH, [290e3, 1_000e3], labels=["M-11 range at 500 kg: 290 km", "1,000 km"])
    assert [ring.label for ring in rings.rings] == ["M-11 range at 500 kg: 290 km", "1,000 km"]
    assert [ring.label for ring in range_rings(*RIYADH, [2_500e3]).rings] == ["2,500 km"]
    assert rings.max_range_m == 1_000e3
    assert "6,371 km" in rings.method


def test_a_ring_across_the_antimeridian_is_split_for_lon_lat_maps() -> None:
    (ring,) = range_rings(*SUVA, [1_000e3]).rings
    assert ring.crosses_antimeridian and ring.encloses_pole is None
    pieces = ring.segments()
    assert len(pieces) == 2
    for piece in pieces:  # no piece jumps across the map
        assert all(abs(b[1] - a[1]) < 180 for a, b in itertools.pairwise(piece))
    assert sum(len(piece) for piece in pieces) == len(ring.points) - 1  # every point once
    (polar,) = range_rings(85.0, 10.0, [1_000e3]).rings
    (piece,) = polar.segments()  # around the pole: one piece from one edge to the other
    assert len(piece) == 360
    (far,) = range_rings(*RIYADH, [1_000e3]).rings
    assert not far.crosses_antimeridian and len(far.segments()) == 1


@pytest.mark.parametrize(
    ("centre", "range_m", "pole"),
    [((85.0, 10.0), 1_000e3, Pole.NORTH), ((-80.0, 10.0), 1_200e3, Pole.SOUTH), ((85.0, 10.0), 500e3, None)],
)
def test_rings_around_a_pole_say_so(centre: tuple[float, float], range_m: float, pole: Pole | None) -> None:
    (ring,) = range_rings(*centre, [range_m]).rings
    assert ring.encloses_pole is pole
    if pole is not None:  # it circles the pole, so it meets every meridian
        assert ring.crosses_antimeridian


def test_geojson_carries_the_launch_point_and_the_split_rings() -> None:
    collection = range_rings(*SUVA, [1_000e3], launch_label="Suva").as_geojson()
    launch, ring = collection["features"]
    assert launch["geometry"] == {"type": "Point", "coordinates": [SUVA[1], SUVA[0]]}
    assert ring["geometry"]["type"] == "MultiLineString" and len(ring["geometry"]["coordinates"]) == 2


# --- cities in range ---


def test_tehran_is_in_range_of_riyadh_exactly_at_the_boundary() -> None:
    boundary = distance_m(*RIYADH, *TEHRAN)
    names = [hit.name for hit in cities_within(*RIYADH, boundary, min_population=1_000_000)]
    assert "Tehran" in names and "Riyadh" in names
    assert "Tehran" not in [hit.name for hit in cities_within(*RIYADH, boundary - 1.0, min_population=1_000_000)]
    (tehran,) = [hit for hit in cities_within(*RIYADH, 1_400e3) if hit.name == "Tehran"]
    assert tehran.country == "Iran" and tehran.city.capital
    assert tehran.distance_km == pytest.approx(1_304, abs=5)
    assert tehran.bearing_deg == pytest.approx(bearing_deg(*RIYADH, *TEHRAN))


def test_cities_are_sorted_nearest_first_and_filtered_by_population() -> None:
    hits = cities_within(*RIYADH, 1_500e3, min_population=500_000)
    assert hits[0].name == "Riyadh" and hits[0].distance_km < 1
    assert [hit.distance_km for hit in hits] == sorted(hit.distance_km for hit in hits)
    assert all(hit.city.population >= 500_000 and hit.distance_km <= 1_500 for hit in hits)
    assert len(cities_within(*RIYADH, 1_500e3, min_population=100_000)) > len(hits)


def test_cities_within_works_across_the_antimeridian() -> None:
    pool = [city("East", 0.0, 179.9), city("West", 0.0, -179.9), city("Far", 0.0, 170.0)]
    hits = cities_within(0.0, 179.95, 20e3, cities=pool)
    assert [hit.name for hit in hits] == ["East", "West"]
    assert hits[1].distance_km == pytest.approx(math.radians(0.15) * EARTH_RADIUS_M / 1e3, rel=1e-9)
    assert hits[1].bearing_deg == pytest.approx(90.0)
    assert [hit.name for hit in cities_within(0.0, 179.95, 20e3, min_population=2_000_000, cities=pool)] == []


def test_bundled_data_has_countries_and_cities() -> None:
    countries = {country.iso_a3: country for country in load_countries()}
    assert len(countries) > 150 and {"SAU", "IRN", "FJI", "ATA"} <= set(countries)
    cities = load_cities()
    assert len(cities) > 4_000
    assert all(c.population >= 100_000 or c.capital for c in cities)


# --- bad input names the field ---


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: range_rings(91.0, 0.0, [100e3]), "launch_lat"),
        (lambda: range_rings(float("nan"), 0.0, [100e3]), "launch_lat"),
        (lambda: range_rings(0.0, 180.5, [100e3]), "launch_lon"),
        (lambda: range_rings(0.0, 0.0, [100e3, -5.0]), "ranges_m[1]"),
        (lambda: range_rings(0.0, 0.0, [0.0]), "ranges_m[0]"),
        (lambda: range_rings(0.0, 0.0, [float("inf")]), "ranges_m[0]"),
        (lambda: range_rings(0.0, 0.0, [25_000e3]), "ranges_m[0]"),
        (lambda: range_rings(0.0, 0.0, []), "ranges_m"),
        (lambda: range_rings(0.0, 0.0, [100e3], labels=["a", "b"]), "labels"),
        (lambda: cities_within(-90.5, 0.0, 100e3), "launch_lat"),
        (lambda: cities_within(0.0, 0.0, -1.0), "range_m"),
        (lambda: cities_within(0.0, 0.0, 100e3, min_population=-1), "min_population"),
        (lambda: distance_m(0.0, 0.0, 95.0, 0.0), "lat2"),
        (lambda: destination(0.0, 0.0, 90.0, -1.0), "distance"),
        (lambda: render_range_map(range_rings(0.0, 0.0, [100e3]), extent_m=-1.0), "extent_m"),
    ],
)
def test_bad_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(InputError) as caught:
        call()  # type: ignore[operator]
    assert caught.value.field == field


# --- projection and rendering ---


def test_the_projection_keeps_distance_and_bearing_from_the_centre() -> None:
    x, y = project(*RIYADH, np.array([TEHRAN[0]]), np.array([TEHRAN[1]]))
    assert math.hypot(x[0], y[0]) == pytest.approx(distance_m(*RIYADH, *TEHRAN), rel=1e-12)
    assert math.degrees(math.atan2(x[0], y[0])) % 360 == pytest.approx(bearing_deg(*RIYADH, *TEHRAN), rel=1e-12)


def test_svg_map_is_valid_and_labels_the_rings_and_cities() -> None:
    rings = range_rings(*RIYADH, [290e3, 1_400e3], labels=["M-11 range at 500 kg: 290 km", "1,400 km"])
    svg = render_range_map(rings, fmt=MapFormat.SVG)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    text = svg.decode("utf-8")
    for label in ("M-11 range at 500 kg: 290 km", "1,400 km", "Tehran", "Natural Earth; GeoNames"):
        assert label in text
    assert render_range_map(rings) == svg  # no timestamps: the same map gives the same bytes


@pytest.mark.parametrize("centre", [SUVA, (89.0, 0.0), (-45.0, 170.0)])
def test_png_maps_render_across_the_antimeridian_and_near_poles(centre: tuple[float, float]) -> None:
    rings = range_rings(*centre, [1_500e3, 9_000e3], launch_label="Site")
    png = render_range_map(rings, fmt=MapFormat.PNG, size_in=4, dpi=50)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (200, 200)
        colours = np.unique(np.asarray(image.convert("RGB")).reshape(-1, 3), axis=0)
        assert len(colours) > 10  # something was drawn

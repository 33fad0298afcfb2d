"""Offline geodata for range maps: Natural Earth country outlines and GeoNames cities.

Both files live in ``mtcr/data/geo/`` and are built by ``scripts/build_geodata.py``; their sources,
versions and licences are in that folder's README. Nothing here touches the network.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from mtcr.errors import DataFileError

GEO_DIR = Path(str(resources.files("mtcr.data") / "geo"))
COUNTRIES_FILE = GEO_DIR / "countries-110m.geojson"
CITIES_FILE = GEO_DIR / "cities.csv"
ATTRIBUTION = "Borders: Natural Earth (public domain); cities: GeoNames (CC BY 4.0)"
SHORT_ATTRIBUTION = "Natural Earth; GeoNames"

Ring = tuple[tuple[float, float], ...]
"""A closed ring of (lon, lat) vertices in degrees, first vertex repeated last."""


@dataclass(frozen=True, slots=True)
class Polygon:
    """An outer ring and its holes (lakes, enclaves such as Lesotho in South Africa)."""

    exterior: Ring
    holes: tuple[Ring, ...] = ()


@dataclass(frozen=True, slots=True)
class Country:
    """One Natural Earth 1:110m admin-0 country."""

    name: str
    iso_a3: str
    continent: str
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True, slots=True)
class City:
    """One GeoNames populated place."""

    name: str
    country_code: str  # ISO 3166-1 alpha-2, as GeoNames gives it
    country: str
    lat: float
    lon: float
    population: int
    capital: bool


def _ring(raw: Any, where: str) -> Ring:
    if not isinstance(raw, list) or len(raw) < 4:
        raise DataFileError(str(COUNTRIES_FILE), "a ring needs at least four [lon, lat] vertices", where)
    try:
        return tuple((float(lon), float(lat)) for lon, lat in raw)
    except (TypeError, ValueError) as exc:
        raise DataFileError(str(COUNTRIES_FILE), f"bad vertex: {exc}", where) from exc


def _country(feature: Any, index: int) -> Country:
    where = f"features[{index}]"
    try:
        properties = feature["properties"]
        geometry = feature["geometry"]
        kind = geometry["type"]
        coordinates = geometry["coordinates"]
        name, iso_a3, continent = str(properties["name"]), str(properties["iso_a3"]), str(properties["continent"])
    except (KeyError, TypeError) as exc:
        raise DataFileError(str(COUNTRIES_FILE), f"missing {exc}", where) from exc
    if kind == "Polygon":
        coordinates = [coordinates]
    elif kind != "MultiPolygon":
        raise DataFileError(str(COUNTRIES_FILE), f"geometry type {kind!r} is not a (Multi)Polygon", name)
    polygons = tuple(
        Polygon(_ring(rings[0], name), tuple(_ring(hole, name) for hole in rings[1:])) for rings in coordinates
    )
    return Country(name, iso_a3, continent, polygons)


@cache
def load_countries() -> tuple[Country, ...]:
    """Every country of the bundled Natural Earth 1:110m layer, read once."""
    try:
        raw = json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))
        features = raw["features"]
    except OSError as exc:
        raise DataFileError(str(COUNTRIES_FILE), f"cannot read: {exc.strerror or exc}") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(str(COUNTRIES_FILE), f"not a GeoJSON FeatureCollection: {exc}") from exc
    return tuple(_country(feature, index) for index, feature in enumerate(features))


@cache
def load_cities() -> tuple[City, ...]:
    """Every bundled city (population >= 100,000, or a national capital), most populous first."""
    try:
        with CITIES_FILE.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise DataFileError(str(CITIES_FILE), f"cannot read: {exc.strerror or exc}") from exc
    cities = []
    for line, row in enumerate(rows, start=2):
        try:
            cities.append(
                City(
                    name=row["name"],
                    country_code=row["country_code"],
                    country=row["country"],
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    population=int(row["population"]),
                    capital=row["capital"] == "1",
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(str(CITIES_FILE), f"line {line}: {exc}") from exc
    return tuple(cities)

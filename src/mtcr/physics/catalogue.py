"""The bundled catalogue of missile systems (``mtcr/data/systems/*.yaml``), found by name or alias."""

from __future__ import annotations

import difflib
import re
from functools import cache
from pathlib import Path

from mtcr.errors import NotFoundError
from mtcr.physics.vehicle import Vehicle, load_vehicle

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "data" / "systems"


def _key(name: str) -> str:
    """Names compare without case, spaces, hyphens or slashes: "M-11", "m11" and "m 11" are one name."""
    return re.sub(r"[\s\-_/.]+", "", name.casefold())


@cache
def catalogue() -> tuple[Vehicle, ...]:
    """Every catalogue vehicle, in file-name order."""
    return tuple(load_vehicle(path) for path in sorted(CATALOGUE_DIR.glob("*.yaml")))


def names_of(vehicle: Vehicle) -> list[str]:
    aliases = list(vehicle.catalogue.aliases) if vehicle.catalogue else []
    return [Path(vehicle.path).stem, vehicle.name, *aliases]


def find_system(name: str) -> Vehicle:
    """The catalogue vehicle called ``name`` (file name, name or alias); NotFoundError with suggestions."""
    wanted = _key(name)
    for vehicle in catalogue():
        if any(_key(candidate) == wanted for candidate in names_of(vehicle)):
            return vehicle
    known = [Path(v.path).stem for v in catalogue()]
    close = difflib.get_close_matches(name.casefold(), known, n=3, cutoff=0.5)
    hint = (f"did you mean {', '.join(close)}? " if close else "") + "mtcr systems lists the catalogue"
    raise NotFoundError("system", name, hint)


def resolve_vehicle(target: str) -> Vehicle:
    """A vehicle file (by its .yaml/.yml/.json name), else a catalogue name, else any other existing file."""
    path = Path(target)
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        return load_vehicle(path)
    try:
        return find_system(target)
    except NotFoundError:
        if path.is_file():
            return load_vehicle(path)
        raise

"""Security markings: an ordered set of classification levels and releasability captions.

The levels and caption words are data (``mtcr/data/markings.yaml``) so a national scheme can be used
without code changes. A :class:`Marking` is a level plus who it may be released to:

- ``releasable_to=None``: no caption; anyone cleared to the level may read it;
- ``releasable_to=frozenset()``: national only (``SECRET//NOFORN``);
- ``releasable_to={"GBR-MOD", "PARTNERS"}``: those organisation codes, ``PARTNERS`` meaning every
  partner government (``SECRET//REL TO GBR-MOD, PARTNERS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from mtcr.errors import DataFileError, InputError

BUNDLED_SCHEME = Path(str(resources.files("mtcr.data") / "markings.yaml"))
LEVEL_PATTERN = re.compile(r"^[A-Z](?:[A-Z0-9 ]*[A-Z0-9])?$")
ORG_CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$")
ORG_CODE_MAX = 32
SEPARATOR = "//"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _CaptionsFile(_Strict):
    national_only: Annotated[str, Field(pattern=ORG_CODE_PATTERN.pattern)]
    release_to: Annotated[str, Field(pattern=LEVEL_PATTERN.pattern)]
    partners: Annotated[str, Field(pattern=ORG_CODE_PATTERN.pattern)]


class _SchemeFile(_Strict):
    levels: Annotated[list[Annotated[str, Field(pattern=LEVEL_PATTERN.pattern)]], Field(min_length=1)]
    captions: _CaptionsFile

    @field_validator("levels")
    @classmethod
    def _unique(cls, levels: list[str]) -> list[str]:
        repeated = sorted({level for level in levels if levels.count(level) > 1})
        if repeated:
            raise ValueError(f"levels repeated: {', '.join(repeated)}")
        return levels

    @model_validator(mode="after")
    def _distinct_words(self) -> _SchemeFile:
        words = [self.captions.national_only, self.captions.partners]
        clashes = [word for word in words if word in self.levels]
        if clashes or words[0] == words[1]:
            raise ValueError("caption words must differ from each other and from every level")
        return self


@dataclass(frozen=True, slots=True)
class MarkingScheme:
    """The levels (lowest first) and the caption words of one national marking scheme."""

    levels: tuple[str, ...]
    national_only: str
    release_to: str
    partners: str
    source: str

    def rank(self, level: str, field: str = "level") -> int:
        """Position of ``level`` (higher is more sensitive); InputError naming ``field`` if unknown."""
        try:
            return self.levels.index(level)
        except ValueError:
            known = ", ".join(self.levels)
            raise InputError(field, f"unknown classification level {level!r} (known: {known})") from None


def load_scheme(path: Path) -> MarkingScheme:
    """Read and validate a marking scheme file; DataFileError names the file and field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"not valid YAML: {exc}") from exc
    try:
        data = _SchemeFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        raise DataFileError(str(path), first["msg"], field=field) from exc
    captions = data.captions
    return MarkingScheme(tuple(data.levels), captions.national_only, captions.release_to, captions.partners, str(path))


@cache
def default_scheme() -> MarkingScheme:
    """The bundled scheme, read once (a settings override can replace the path later)."""
    return load_scheme(BUNDLED_SCHEME)


def check_level(level: str, field: str = "level") -> str:
    """``level`` if it is a level of the default scheme, else InputError naming ``field``."""
    default_scheme().rank(level, field)
    return level


def check_org_code(code: str, field: str = "releasable_to") -> str:
    """``code`` if it is a well-formed organisation code (upper case, digits, hyphens), else InputError."""
    if len(code) > ORG_CODE_MAX or not ORG_CODE_PATTERN.match(code):
        raise InputError(field, f"{code!r} is not an organisation code (like 'MOD-LIC', at most {ORG_CODE_MAX})")
    return code


@dataclass(frozen=True, slots=True)
class Marking:
    """A classification level and its releasability; ordered by level only (see module docstring)."""

    level: str
    releasable_to: frozenset[str] | None = None

    def __post_init__(self) -> None:
        check_level(self.level)
        if self.releasable_to is not None:
            if not isinstance(self.releasable_to, frozenset):
                raise InputError("releasable_to", "give a frozenset of organisation codes, or None")
            for code in self.releasable_to:
                check_org_code(code)

    @property
    def rank(self) -> int:
        return default_scheme().rank(self.level)

    @property
    def national_only(self) -> bool:
        return self.releasable_to is not None and not self.releasable_to

    @property
    def banner(self) -> str:
        """The canonical banner: codes sorted, so equal markings print the same."""
        scheme = default_scheme()
        if self.releasable_to is None:
            return self.level
        if not self.releasable_to:
            return f"{self.level}{SEPARATOR}{scheme.national_only}"
        return f"{self.level}{SEPARATOR}{scheme.release_to} {', '.join(sorted(self.releasable_to))}"

    def __str__(self) -> str:
        return self.banner

    @classmethod
    def parse(cls, banner: str) -> Marking:
        return parse_banner(banner)

    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Marking) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Marking) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Marking) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Marking) else NotImplemented


def _squash(text: str) -> str:
    return " ".join(text.upper().split())


def parse_banner(banner: str) -> Marking:
    """A marking from ``LEVEL``, ``LEVEL//NOFORN`` or ``LEVEL//REL TO A, B`` (case and spacing forgiven)."""
    parts = banner.split(SEPARATOR)
    if len(parts) > 2:  # a level and at most one caption
        raise InputError("banner", f"{banner!r} has more than one caption; give LEVEL or LEVEL//CAPTION")
    level = _squash(parts[0])
    if not level:
        raise InputError("level", f"{banner!r} names no classification level")
    releasable = _parse_caption(_squash(parts[1])) if len(parts) == 2 else None
    return Marking(level, releasable)


def _parse_caption(caption: str) -> frozenset[str]:
    scheme = default_scheme()
    if caption == scheme.national_only:
        return frozenset()
    prefix = f"{scheme.release_to} "
    if not caption.startswith(prefix):
        raise InputError(
            "releasable_to", f"unknown caption {caption!r}: expected {scheme.national_only} or {prefix}CODE, CODE"
        )
    codes = [code.strip() for code in caption.removeprefix(prefix).split(",")]
    if not all(codes):
        raise InputError("releasable_to", f"{caption!r} has an empty organisation code")
    return frozenset(codes)

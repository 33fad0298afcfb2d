"""Templates and the page's marking: every page carries the highest marking of what it shows, as a banner
at top and bottom, the way classified documents do."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from mtcr import __version__
from mtcr.casework.markings import Marking, default_scheme

TEMPLATES = Jinja2Templates(directory=str(resources.files("mtcr.web") / "templates"))


def _datetime(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value.strftime("%Y-%m-%d %H:%M UTC")


def _km(metres: float | None) -> str:
    return "—" if metres is None else f"{metres / 1000:,.0f} km"


TEMPLATES.env.filters["when"] = _datetime
TEMPLATES.env.filters["km"] = _km
TEMPLATES.env.globals["version"] = __version__


def page_marking(banners: Iterable[str]) -> Marking:
    """The marking of a page showing records with ``banners``: the highest level; then the releasability
    all of them allow. A classified record without a caption is national (casework.access), so with any
    caption beside it, or any national-only record, the page is national-only; release lists intersect
    (national-only when they share no code). UNCLASSIFIED when the page shows no record."""
    markings = [Marking.parse(banner) for banner in banners]
    if not markings:
        return Marking(default_scheme().levels[0])
    top = max(markings, key=lambda marking: marking.rank)
    captions = [m.releasable_to for m in markings if m.releasable_to is not None]
    national = any(m.releasable_to is None and m.rank > 0 for m in markings)
    if not captions:
        return Marking(top.level)  # uncaptioned, like the records themselves
    allowed = frozenset.intersection(*captions)
    if national or not allowed:
        return Marking(top.level, frozenset())
    return Marking(top.level, allowed)


def marking_class(marking: Marking) -> str:
    """A CSS class per level, for the banner colours (the conventional green, blue, red)."""
    return "marking-" + marking.level.lower().replace(" ", "-")


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    banners: Iterable[str] = (),
    status_code: int = 200,
) -> HTMLResponse:
    marking = page_marking(banners)
    full = {
        "user": getattr(request.state, "user", None),
        "csrf": getattr(request.state, "csrf", ""),
        "marking": marking.banner,
        "marking_class": marking_class(marking),
        **context,
    }
    return TEMPLATES.TemplateResponse(request, template, full, status_code=status_code)

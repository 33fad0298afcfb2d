"""Decision memoranda in the form of the 1988 State Department memoranda on missile-technology controls.

A memorandum carries its classification banner at the top and bottom of every page, a TO/FROM/SUBJECT
header, Objectives, Background, Analysis (or Discussion), the Recommendation with Approve/Disapprove
lines, then the declassification line, the "Drafted:" line and the "Cleared:" block naming every
office that cleared it. It renders to self-contained HTML (Jinja2, autoescaped, inline CSS) and to PDF
(WeasyPrint, with the banner in the page margin boxes so that it repeats on every page).

The banner is taken as text: this layer does not depend on mtcr.casework, so the caller passes
``Marking.banner`` (for example ``"SECRET//REL TO USA, GBR"``).

Example::

    memo = Memorandum(
        marking="SECRET",
        date=datetime.date(2026, 11, 27),
        to="The Secretary",
        from_="OES - John Smith, Acting",
        subject="Proposed export of rocket motor test equipment to Country X",
        objectives=("Decide whether to approve licence application L-2026-0042.",),
        background=("On 3 November the applicant asked ...",),
        analysis=("The equipment is Category II item 15.B.1 ...", MemoFigure(png, FigureFormat.PNG, "Range")),
        recommendation="That you approve the licence with the end-use conditions at Tab A.",
        declassify_on="DECL: OADR",
        drafted="Drafted: OES/SAT: J. Doe, 11/27/2026, x1234",
        cleared=(ClearedOffice("PM/RSA", "R. Roe", datetime.date(2026, 11, 26), ClearanceStatus.CLEARED),),
    )
    html = render_memorandum_html(memo)
    pdf = render_memorandum_pdf(memo)
"""

from __future__ import annotations

import base64
import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from mtcr.errors import InputError, MtcrError

BANNER_MAX = 200
TAB_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class FigureFormat(StrEnum):
    PNG = "image/png"
    SVG = "image/svg+xml"


class AnalysisHeading(StrEnum):
    ANALYSIS = "Analysis"
    DISCUSSION = "Discussion"


class MemoKind(StrEnum):
    DECISION = "DECISION MEMORANDUM"
    ACTION = "ACTION MEMORANDUM"
    INFORMATION = "INFORMATION MEMORANDUM"


class ClearanceStatus(StrEnum):
    """How an office cleared, as the 1988 memoranda note it after the clearing officer's name."""

    CLEARED = "cleared"
    IN_DRAFT = "in draft"
    IN_SUBSTANCE = "in substance"
    BY_PHONE = "by phone"
    INFO = "info"
    NONCONCUR = "nonconcur"


@dataclass(frozen=True, slots=True)
class MemoFigure:
    """A figure in the analysis: image bytes (PNG or SVG, e.g. a range map) and a caption."""

    data: bytes
    format: FigureFormat
    caption: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "format", FigureFormat(self.format))
        signature = {FigureFormat.PNG: b"\x89PNG\r\n\x1a\n", FigureFormat.SVG: b"<"}[self.format]
        if not self.data.lstrip()[: len(signature)] == signature:
            raise InputError("figure.data", f"the bytes are not a {self.format.name} image")

    @property
    def data_uri(self) -> str:
        # Inline, so the HTML is one self-contained file and the PDF renderer never fetches anything.
        return f"data:{self.format.value};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True, slots=True)
class ClearedOffice:
    """One office on the "Cleared:" block: office symbol, clearing officer, date and how it cleared."""

    office: str
    name: str
    date: datetime.date | None = None
    status: ClearanceStatus = ClearanceStatus.CLEARED

    def __post_init__(self) -> None:
        _require(self.office, "cleared.office")
        _require(self.name, "cleared.name")
        object.__setattr__(self, "status", ClearanceStatus(self.status))

    @property
    def note(self) -> str:
        """The parenthesised note after the name ("in draft", "info"); empty when simply cleared."""
        return "" if self.status is ClearanceStatus.CLEARED else self.status.value


@dataclass(frozen=True, slots=True)
class Memorandum:
    """A decision memorandum. Sequences given as lists are stored as tuples."""

    marking: str
    date: datetime.date
    to: str
    from_: str
    subject: str
    objectives: Sequence[str]
    background: Sequence[str]
    analysis: Sequence[str | MemoFigure]
    recommendation: str
    declassify_on: str
    drafted: str
    cleared: Sequence[ClearedOffice]
    options: Sequence[str] = ("Approve", "Disapprove")
    kind: MemoKind = MemoKind.DECISION
    analysis_heading: AnalysisHeading = AnalysisHeading.ANALYSIS
    agency: str = ""
    tabs: Sequence[str] = field(default=())  # attachments, listed as "Tab A - ...", "Tab B - ..."

    def __post_init__(self) -> None:
        _check_banner(self.marking)
        for name in ("to", "from_", "subject", "recommendation", "declassify_on", "drafted"):
            _require(getattr(self, name), name)
        if not isinstance(self.date, datetime.date):
            raise InputError("date", f"{self.date!r} is not a date")
        for name in ("objectives", "background", "analysis", "cleared", "options", "tabs"):
            value = getattr(self, name)
            if isinstance(value, str | bytes):  # a lone string would otherwise become one item per letter
                raise InputError(name, "give a list, not a single string")
            object.__setattr__(self, name, tuple(value))
        for index, item in enumerate(self.objectives):
            _require(item, f"objectives[{index}]")
        for index, item in enumerate(self.background):
            _require(item, f"background[{index}]")
        for index, part in enumerate(self.analysis):
            if not isinstance(part, MemoFigure):
                _require(part, f"analysis[{index}]")
        for index, item in enumerate(self.options):
            _require(item, f"options[{index}]")
        for index, item in enumerate(self.tabs):
            _require(item, f"tabs[{index}]")
        if len(self.tabs) > len(TAB_LETTERS):
            raise InputError("tabs", f"{len(self.tabs)} attachments: at most {len(TAB_LETTERS)} (Tab A to Tab Z)")
        for index, office in enumerate(self.cleared):
            if not isinstance(office, ClearedOffice):
                raise InputError(f"cleared[{index}]", "give a ClearedOffice")
        object.__setattr__(self, "kind", MemoKind(self.kind))
        object.__setattr__(self, "analysis_heading", AnalysisHeading(self.analysis_heading))

    @property
    def date_text(self) -> str:
        return f"{self.date:%B} {self.date.day}, {self.date.year}"


def _require(value: object, name: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(name, "must not be empty")


def _check_banner(banner: object) -> None:
    if not isinstance(banner, str) or not banner.strip():
        raise InputError("marking", "give the classification banner, e.g. 'SECRET' or 'UNCLASSIFIED'")
    if len(banner) > BANNER_MAX or any(not char.isprintable() for char in banner):
        raise InputError("marking", f"a banner is one line of at most {BANNER_MAX} printable characters")


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string, every character outside a safe set hex-escaped.

    The result contains no quote, backslash, '<' or '&' of its own, so user text placed in a <style>
    block can neither end the string nor the element.
    """
    safe = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,./-_:()")
    escaped = "".join(char if char in safe else f"\\{ord(char):06x}" for char in text)
    return Markup(f'"{escaped}"')


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("mtcr.reports", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["css_string"] = css_string
    environment.tests["instance_of_figure"] = lambda value: isinstance(value, MemoFigure)
    return environment


def render_memorandum_html(memo: Memorandum) -> str:
    """The memorandum as one self-contained HTML document (inline CSS, figures as data URIs).

    On screen the banner stands at the top and bottom of the document; printed (by a browser or by
    :func:`render_memorandum_pdf`), it stands in the top and bottom margin of every page.
    """
    template = _environment().get_template("memorandum.html")
    return template.render(memo=memo, tab_letters=TAB_LETTERS)


class RenderError(MtcrError):
    """The PDF renderer failed (a missing system library such as Pango, or a rendering bug)."""


def render_memorandum_pdf(memo: Memorandum) -> bytes:
    """The memorandum as PDF (US Letter), banners at the top and bottom of every page."""
    try:
        # Imported here: it loads Pango through cffi, which callers of the HTML renderer do not need.
        import weasyprint  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:
        raise RenderError(f"PDF output needs WeasyPrint and Pango: {exc}") from exc
    from weasyprint.urls import FatalURLFetchingError, URLFetcher  # type: ignore[import-untyped]

    # Figures are inline data URIs; every other scheme is refused so that no text in a memo can make
    # the renderer read a local file or reach the network, and a figure that fails to load is an error.
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    try:
        pdf = weasyprint.HTML(string=render_memorandum_html(memo), url_fetcher=fetcher).write_pdf()
    except FatalURLFetchingError as exc:  # a BaseException in WeasyPrint, so named here
        raise RenderError(f"a figure could not be rendered: {exc}") from exc
    if not isinstance(pdf, bytes):
        raise RenderError("WeasyPrint returned no PDF")
    return pdf

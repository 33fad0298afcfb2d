"""Decision memoranda: banners top and bottom of every page, header, cleared offices, escaping, PDF text."""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from mtcr.errors import InputError
from mtcr.reports.memorandum import (
    AnalysisHeading,
    ClearanceStatus,
    ClearedOffice,
    FigureFormat,
    MemoFigure,
    Memorandum,
    css_string,
    render_memorandum_html,
    render_memorandum_pdf,
)
from mtcr.reports.rangemap import MapFormat, range_rings, render_range_map

BANNER = "SECRET//REL TO USA, GBR"
SUBJECT = "Proposed export of rocket motor test equipment to Country X"
OFFICES = (
    ClearedOffice("PM/RSA", "R. Roe", datetime.date(2026, 11, 26)),
    ClearedOffice("T", "W. Schneider", None, ClearanceStatus.IN_DRAFT),
    ClearedOffice("S/P", "H. Holmes", datetime.date(2026, 11, 25), ClearanceStatus.IN_SUBSTANCE),
    ClearedOffice("NSC", "J. Green", None, ClearanceStatus.INFO),
)
FILLER = "The Annex controls complete rocket systems able to deliver at least 500 kg to at least 300 km. "


def memo(**changes: object) -> Memorandum:
    base = Memorandum(
        marking=BANNER,
        date=datetime.date(2026, 11, 27),
        to="The Secretary",
        from_="OES - John Smith, Acting",
        subject=SUBJECT,
        objectives=("Decide whether to approve licence application L-2026-0042.", "Keep partners informed."),
        background=("The applicant asked on 3 November.", "The end user is a research institute."),
        analysis=("The equipment is Category II item 15.B.1.",),
        recommendation="That you approve the licence with the end-use conditions at Tab A.",
        declassify_on="DECL: OADR",
        drafted="Drafted: OES/SAT: J. Doe, 11/27/2026, x1234",
        cleared=OFFICES,
        tabs=("End-use conditions",),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def long_memo() -> Memorandum:
    rings = range_rings(24.69, 46.72, [290e3], labels=["M-11 range at 500 kg: 290 km"])
    figure = MemoFigure(render_range_map(rings, fmt=MapFormat.PNG, size_in=4, dpi=60), FigureFormat.PNG, "Range")
    return memo(
        background=tuple(f"{index}. " + FILLER * 8 for index in range(12)),
        analysis=("Figure 1 shows the range.", figure, FILLER * 4),
    )


@pytest.fixture(scope="module")
def pdf_pages(long_memo: Memorandum) -> list[str]:
    pdf = render_memorandum_pdf(long_memo)
    assert pdf.startswith(b"%PDF")
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


# --- HTML ---


def test_html_has_the_banner_at_top_and_bottom_and_in_the_page_margins() -> None:
    html = render_memorandum_html(memo())
    body = html[html.index("<body>") :]
    banners = re.findall(r'<div class="banner banner-(top|bottom)"[^>]*>([^<]*)</div>', body)
    assert banners == [("top", BANNER), ("bottom", BANNER)]
    assert body.index("banner-top") < body.index(SUBJECT) < body.index("Cleared:") < body.index("banner-bottom")
    assert html.count("@top-center") == 1 and html.count("@bottom-center") == 1
    assert str(css_string(BANNER)) in html


def test_html_follows_the_1988_layout() -> None:
    html = render_memorandum_html(memo(analysis_heading=AnalysisHeading.DISCUSSION))
    order = [
        "DECISION MEMORANDUM",
        "TO:",
        "FROM:",
        "SUBJECT:",
        "Objectives",
        "Background",
        "Discussion",
        "Recommendation",
        "Approve",
        "Disapprove",
        "Tab A –",
        "DECL: OADR",
        "Drafted: OES/SAT",
        "Cleared:",
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "November 27, 2026" in html


def test_html_lists_every_cleared_office_with_its_note() -> None:
    html = render_memorandum_html(memo())
    rows = re.findall(r'<tr class="cleared-office">(.*?)</tr>', html, flags=re.S)
    assert len(rows) == len(OFFICES)
    for office, row in zip(OFFICES, rows, strict=True):
        assert office.office in row and office.name in row
    assert "W. Schneider (in draft)" in html and "J. Green (info)" in html and "R. Roe (" not in html
    assert "11/26/2026" in html


def test_html_escapes_user_text() -> None:
    hostile = memo(
        subject="<script>alert('x')</script> & more",
        to='"><img src=x onerror=alert(1)>',
        marking="SECRET</style><script>alert(2)</script>",
        cleared=(ClearedOffice("<b>PM</b>", "R. Roe"),),
    )
    html = render_memorandum_html(hostile)
    assert "<script>" not in html and "<img src=x" not in html and "<b>PM</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in html
    assert "&lt;b&gt;PM&lt;/b&gt;" in html
    style = html[html.index("<style>") + len("<style>") : html.index("</style>")]
    assert "<" not in style  # the banner in the CSS cannot close the style element


def test_css_string_escapes_everything_that_could_end_it() -> None:
    assert str(css_string("SECRET//REL TO USA, GBR")) == '"SECRET//REL TO USA, GBR"'
    assert str(css_string('a"b\\c<d')) == '"a\\000022b\\00005cc\\00003cd"'


def test_figures_are_inline_data_uris() -> None:
    svg = render_range_map(range_rings(0.0, 0.0, [100e3]), size_in=3)
    html = render_memorandum_html(memo(analysis=("Text.", MemoFigure(svg, FigureFormat.SVG, "A <b>map</b>"))))
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<figcaption>A &lt;b&gt;map&lt;/b&gt;</figcaption>" in html


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"subject": "  "}, "subject"),
        ({"marking": ""}, "marking"),
        ({"marking": "SECRET\nNOFORN"}, "marking"),
        ({"drafted": ""}, "drafted"),
        ({"objectives": "one string"}, "objectives"),
        ({"background": ("ok", "")}, "background[1]"),
        ({"date": "2026-11-27"}, "date"),
        ({"cleared": ("PM/RSA",)}, "cleared[0]"),
    ],
)
def test_bad_memoranda_name_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        memo(**changes)
    assert caught.value.field == field


def test_bad_parts_name_the_field() -> None:
    with pytest.raises(InputError) as caught:
        MemoFigure(b"not an image", FigureFormat.PNG, "x")
    assert caught.value.field == "figure.data"
    with pytest.raises(InputError) as caught:
        ClearedOffice("", "R. Roe")
    assert caught.value.field == "cleared.office"


def test_lists_are_stored_as_tuples() -> None:
    m = memo(objectives=["a", "b"], cleared=list(OFFICES))
    assert m.objectives == ("a", "b") and isinstance(m.cleared, tuple)


# --- PDF ---


def test_pdf_spans_pages_with_the_banner_top_and_bottom_of_each(pdf_pages: list[str]) -> None:
    assert len(pdf_pages) >= 2
    for number, text in enumerate(pdf_pages, start=1):
        assert text.count(BANNER) == 2, f"page {number}"
        assert f"{number} of {len(pdf_pages)}" in text


def test_pdf_carries_the_header_drafted_line_and_every_cleared_office(pdf_pages: list[str]) -> None:
    text = "\n".join(pdf_pages)
    assert SUBJECT in text
    assert "Drafted: OES/SAT: J. Doe, 11/27/2026, x1234" in text
    assert "DECL: OADR" in text
    cleared = text[text.index("Cleared:") :]
    for office in OFFICES:
        assert office.office in cleared and office.name in cleared


def test_pdf_renderer_fetches_nothing_a_figure_points_at(tmp_path: Path) -> None:
    # A local image a hostile SVG points at: were it fetched, the PDF would embed it.
    secret = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), "red").save(secret)
    sneaky = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        b'<image xlink:href="' + secret.as_uri().encode() + b'" width="10" height="10"/></svg>'
    )
    pdf = render_memorandum_pdf(memo(analysis=(MemoFigure(sneaky, FigureFormat.SVG, "x"),)))
    assert all(not page.images for page in PdfReader(io.BytesIO(pdf)).pages)

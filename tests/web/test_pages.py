"""The pages over HTTP (no browser): sign-in, sessions, form tokens, markings and roles on every page,
form errors that name the field, and documents."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import Engine, select

from mtcr.casework import identity
from mtcr.casework.demo import load_demo, reset_demo_passwords
from mtcr.db.engine import make_engine, session_scope, upgrade
from mtcr.server import create_app
from mtcr.web.deps import SESSION_COOKIE, csrf_token


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, dict[str, str]]]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('pages') / 'mtcr.db'}")
    upgrade(engine)
    with session_scope(engine) as session:
        passwords = dict(load_demo(session).passwords)
    yield engine, passwords
    engine.dispose()


def _client(site: tuple[Engine, dict[str, str]], username: str | None = None) -> TestClient:
    engine, passwords = site
    client = TestClient(create_app(engine), follow_redirects=False)
    if username is not None:
        response = client.post("/login", data={"username": username, "password": passwords[username], "next": "/"})
        assert response.status_code == 303, response.text
    return client


def _csrf(client: TestClient) -> str:
    return csrf_token(client.cookies[SESSION_COOKIE])


def _banners(html: str) -> list[str]:
    return re.findall(r'<div class="banner (?:top|bottom)[^"]*"[^>]*>([^<]+)</div>', html)


def test_pages_need_a_session(site: tuple[Engine, dict[str, str]]) -> None:
    client = _client(site)
    for path in ("/", "/cases/1", "/annex", "/assess", "/screening", "/notifications", "/cases/1/memorandum"):
        response = client.get(path)
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next="), path
    assert client.post("/cases/1/advice", data={"recommendation": "deny", "reasons": "x"}).status_code == 303
    assert client.get("/api/cases").status_code == 401  # the API keeps its bearer tokens


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(site: tuple[Engine, dict[str, str]]) -> None:
    client = _client(site)
    response = client.post("/login", data={"username": "officer", "password": "not it"})
    assert response.status_code == 401 and "Unknown username or wrong password" in response.text
    assert SESSION_COOKIE not in client.cookies


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x"])
def test_sign_in_never_redirects_off_the_site(site: tuple[Engine, dict[str, str]], target: str) -> None:
    engine, passwords = site
    client = TestClient(create_app(engine), follow_redirects=False)
    response = client.post("/login", data={"username": "officer", "password": passwords["officer"], "next": target})
    assert response.headers["location"] == "/"


def test_session_cookie_is_http_only_and_strict(site: tuple[Engine, dict[str, str]]) -> None:
    engine, passwords = site
    client = TestClient(create_app(engine), follow_redirects=False)
    response = client.post("/login", data={"username": "officer", "password": passwords["officer"]})
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_sign_out_ends_the_session_on_the_server(site: tuple[Engine, dict[str, str]]) -> None:
    client = _client(site, "officer")
    token = client.cookies[SESSION_COOKIE]
    assert client.post("/logout", data={"csrf": _csrf(client)}).status_code == 303
    replay = _client(site)
    replay.cookies.set(SESSION_COOKIE, token)
    assert replay.get("/").status_code == 303  # the stolen cookie is worthless now


def test_forms_without_the_session_token_are_refused(site: tuple[Engine, dict[str, str]]) -> None:
    client = _client(site, "mfa-reviewer")
    data = {"recommendation": "deny", "reasons": "forged"}
    assert client.post("/cases/1/advice", data=data).status_code == 403
    assert client.post("/cases/1/advice", data={**data, "csrf": "0" * 64}).status_code == 403
    case = client.get("/cases/1").text
    assert "forged" not in case


def test_every_page_carries_its_highest_marking_at_top_and_bottom(site: tuple[Engine, dict[str, str]]) -> None:
    officer = _client(site, "officer")
    assert _banners(officer.get("/").text) == ["SECRET", "SECRET"]  # the queue lists a SECRET case
    assert _banners(officer.get("/cases/1").text) == ["SECRET", "SECRET"]
    assert _banners(officer.get("/annex").text) == ["UNCLASSIFIED", "UNCLASSIFIED"]
    exporter = _client(site, "exporter")
    queue = exporter.get("/").text
    assert _banners(queue) == ["UNCLASSIFIED", "UNCLASSIFIED"]
    assert "M-11" not in queue


@pytest.mark.parametrize(
    "path",
    ["/cases/1", "/cases/1/memorandum", "/cases/1/memorandum.pdf", "/cases/1/map", "/cases/1/map.svg", "/cases/99"],
)
def test_unreadable_cases_are_not_found_for_an_uncleared_user(site: tuple[Engine, dict[str, str]], path: str) -> None:
    response = _client(site, "exporter").get(path)
    assert response.status_code == 404
    assert "M-11" not in response.text and "SECRET" not in response.text


def test_roles_are_enforced_on_the_pages(site: tuple[Engine, dict[str, str]]) -> None:
    reviewer = _client(site, "mfa-reviewer")
    case = reviewer.get("/cases/1").text
    assert 'action="/cases/1/decision"' not in case  # no decision form for a reviewer
    response = reviewer.post("/cases/1/decision", data={"outcome": "denial", "reasons": "x", "csrf": _csrf(reviewer)})
    assert response.status_code == 403 and "may not decide" in response.text
    liaison = _client(site, "liaison")
    assert liaison.get("/screening").status_code == 403
    assert reviewer.get("/notifications").status_code == 403
    assert liaison.get("/notifications").status_code == 200


def test_form_errors_name_the_field_and_change_nothing(site: tuple[Engine, dict[str, str]]) -> None:
    officer = _client(site, "officer")
    before = officer.get("/cases/1").text.count('<tr class="current"')
    response = officer.post(
        "/cases/1/advice",
        data={"recommendation": "maybe", "reasons": "x", "csrf": _csrf(officer)},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == "#alerts" and "recommendation" in response.text
    assert officer.get("/cases/1").text.count('<tr class="current"') == before
    bad_vehicle = officer.post("/assess", data={"vehicle": "format: mtcr-vehicle/1\nname: X\n", "csrf": _csrf(officer)})
    assert (bad_vehicle.status_code == 422 and "stages" in bad_vehicle.text) or "required" in bad_vehicle.text
    not_yaml = officer.post("/assess", data={"vehicle": "a: [1,", "csrf": _csrf(officer)})
    assert not_yaml.status_code == 422 and "line" in not_yaml.text
    bad_country = officer.post("/screening", data={"name": "X", "country": "C1", "csrf": _csrf(officer)})
    assert bad_country.status_code == 422 and "country" in bad_country.text


def test_user_text_is_escaped(site: tuple[Engine, dict[str, str]]) -> None:
    officer = _client(site, "officer")
    script = "<script>alert(1)</script>"
    response = officer.post("/cases/2/notes", data={"text": script, "marking": "SECRET", "csrf": _csrf(officer)})
    assert response.status_code == 303
    page = officer.get("/cases/2").text
    assert script not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    scud = Path("src/mtcr/data/systems/scud-b.yaml").read_text(encoding="utf-8")
    vehicle = re.sub(r"(?m)^name: .*$", f"name: '</script>{script}'", scud, count=1)
    result = officer.post("/assess", data={"vehicle": vehicle, "csrf": _csrf(officer), "curve_points": "4"})
    assert result.status_code == 200 and "</script><script>" not in result.text


def test_the_memorandum_lists_every_office_that_cleared_and_renders_to_pdf(
    site: tuple[Engine, dict[str, str]],
) -> None:
    officer = _client(site, "officer")
    html = officer.get("/cases/1/memorandum").text
    assert _banners_in_memo(html) >= 2
    for words in ("DECISION MEMORANDUM", "Drafted:", "Cleared:", "MFA", "DECL: OADR", "M-11"):
        assert words in html, words
    pdf = officer.get("/cases/1/memorandum.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    reader = PdfReader(__import__("io").BytesIO(pdf.content))
    for page in reader.pages:
        assert page.extract_text().count("SECRET") >= 2  # banner at top and bottom of every page
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Cleared:" in text and "MFA" in text


def _banners_in_memo(html: str) -> int:
    return len(re.findall(r'class="banner banner-(?:top|bottom)"', html))


def test_the_range_map_lists_cities_in_range_of_the_end_use_location(site: tuple[Engine, dict[str, str]]) -> None:
    officer = _client(site, "officer")
    page = officer.get("/cases/1/map").text
    assert "Sargodha" in page and "Lahore" in page  # about 150 km from Sargodha
    assert "Karachi" not in page  # about 1,000 km: beyond the M-11's range with 500 kg
    svg = officer.get("/cases/1/map.svg?lat=32.08&lon=72.67")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert officer.get("/cases/1/map.svg?lat=91&lon=0").status_code == 422


def test_demo_passwords_can_be_reset_for_a_fresh_start(site: tuple[Engine, dict[str, str]]) -> None:
    engine, passwords = site
    with session_scope(engine) as session:
        fresh = dict(reset_demo_passwords(session))
    assert fresh.keys() == passwords.keys() and all(fresh[u] != passwords[u] for u in fresh)
    with session_scope(engine) as session:
        assert identity.authenticate(session, "officer", fresh["officer"]).username == "officer"
        with pytest.raises(identity.AuthenticationError):
            identity.authenticate(session, "officer", passwords["officer"])
    passwords.update(fresh)  # the module's other tests sign in with the new ones


def test_a_reviewer_records_a_disposition_of_a_partys_hit_on_record(site: tuple[Engine, dict[str, str]]) -> None:
    reviewer = _client(site, "mfa-reviewer")
    page = reviewer.get("/cases/1").text
    hit_ids = re.findall(r'action="/cases/1/hits/(\d+)/disposition"', page)
    assert hit_ids, "the M-11 end user is a listed entity: its hit needs a disposition form"
    data = {"decision": "true match", "reason": "same entity as the 1991 determination", "csrf": _csrf(reviewer)}
    assert reviewer.post(f"/cases/1/hits/{hit_ids[0]}/disposition", data=data).status_code == 303
    assert "true match by mfa-reviewer: same entity as the 1991 determination" in reviewer.get("/cases/1").text
    # a hit of another case's party is not this case's to dispose of
    other = re.findall(r'action="/cases/\d+/hits/(\d+)/disposition"', reviewer.get("/cases/2").text)
    if other:
        assert reviewer.post(f"/cases/1/hits/{other[0]}/disposition", data=data).status_code == 404
    assert reviewer.post("/cases/1/hits/999999/disposition", data=data).status_code == 404
    exporter = _client(site, "exporter")
    refused = exporter.post(f"/cases/1/hits/{hit_ids[0]}/disposition", data={**data, "csrf": _csrf(exporter)})
    assert refused.status_code == 403


def _finish(client: TestClient, html: str) -> str:
    """Poll a job's progress fragment as the page does, until its result replaces it."""
    for _ in range(200):
        found = re.search(r'hx-get="/jobs/([\w-]+)"', html)
        if found is None:
            return html
        time.sleep(0.05)
        html = client.get(f"/jobs/{found.group(1)}").text
    raise AssertionError("the job did not finish")


def test_batch_screening_of_an_uploaded_file_shows_progress_then_every_party(
    site: tuple[Engine, dict[str, str]],
) -> None:
    officer = _client(site, "officer")
    csv_text = "name,country\nChina Precision Machinery Import Export Corporation,CN\nAcme Garden Tools,GB\n"
    response = officer.post(
        "/screening/batch",
        data={"csrf": _csrf(officer)},
        files={"parties": ("parties.csv", csv_text.encode(), "text/csv")},
    )
    assert response.status_code == 200
    result = _finish(officer, response.text)
    assert "2 parties screened: 1 with hits" in result
    assert "Acme Garden Tools" in result
    # a job is its owner's only
    job = re.search(r'hx-get="/jobs/([\w-]+)"', response.text)
    if job is not None:
        assert _client(site, "mfa-reviewer").get(f"/jobs/{job.group(1)}").status_code == 404
    bad = officer.post(
        "/screening/batch",
        data={"csrf": _csrf(officer)},
        files={"parties": ("p.csv", b"name,country\nX,C1\n", "text/csv")},
    )
    assert bad.status_code == 422 and "line 2, column country" in bad.text


def test_yaml_aliases_and_deep_nesting_in_the_vehicle_editor_are_refused_quickly(
    site: tuple[Engine, dict[str, str]],
) -> None:
    officer = _client(site, "officer")
    levels = ['  - &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    bomb = "format:\n" + "\n".join(levels) + "\n"
    started = time.monotonic()
    response = officer.post("/assess", data={"vehicle": bomb, "csrf": _csrf(officer)})
    assert response.status_code == 422 and "aliases are not accepted" in response.text
    assert len(response.content) < 50_000 and time.monotonic() - started < 5
    deep = officer.post("/assess", data={"vehicle": "[" * 20_000, "csrf": _csrf(officer)})
    assert deep.status_code == 422


def test_only_applicants_and_reviewers_write_notes_and_only_government_sees_the_memorandum(
    site: tuple[Engine, dict[str, str]],
) -> None:
    for username in ("admin", "liaison"):
        client = _client(site, username)
        readable = re.findall(r'href="/cases/(\d+)"', client.get("/").text)
        assert readable, f"{username} reads at least one demo case"
        case = client.get(f"/cases/{readable[0]}").text
        assert 'action="/cases/' + readable[0] + '/notes"' not in case
        assert "Policy recommendation" not in case and "Decision memorandum" not in case
        note = client.post(
            f"/cases/{readable[0]}/notes", data={"text": "x", "marking": "UNCLASSIFIED", "csrf": _csrf(client)}
        )
        assert note.status_code == 403
        assert client.get(f"/cases/{readable[0]}/memorandum").status_code == 403


def test_pages_are_never_cached_nor_framed_and_load_nothing_from_elsewhere(site: tuple[Engine, dict[str, str]]) -> None:
    officer = _client(site, "officer")
    for path in ("/cases/1", "/cases/1/memorandum", "/cases/1/memorandum.pdf"):
        headers = officer.get(path).headers
        assert headers["cache-control"] == "no-store", path
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_a_web_session_expires_after_twelve_hours(site: tuple[Engine, dict[str, str]]) -> None:
    officer = _client(site, "officer")
    assert officer.get("/").status_code == 200
    engine, _ = site
    with session_scope(engine) as session:
        row = session.scalar(
            select(identity.ApiTokenRow)
            .order_by(identity.ApiTokenRow.id.desc())
            .where(identity.ApiTokenRow.name == "web sign-in")
        )
        assert row is not None
        row.created_at = row.created_at - timedelta(hours=13)
    assert officer.get("/").status_code == 303


def test_countersigning_goes_through_the_advice_own_case(site: tuple[Engine, dict[str, str]]) -> None:
    supervisor = _client(site, "supervisor")
    advice = re.findall(r'action="/cases/1/advice/(\d+)/countersign"', supervisor.get("/cases/1").text)
    assert advice, "the M-11 case has MFA advice the supervisor may countersign"
    wrong = supervisor.post(f"/cases/2/advice/{advice[0]}/countersign", data={"csrf": _csrf(supervisor)})
    assert wrong.status_code == 404


def test_a_vehicle_with_distributions_gets_a_monte_carlo_with_progress_and_the_probability_of_category_i(
    site: tuple[Engine, dict[str, str]],
) -> None:
    officer = _client(site, "officer")
    example = officer.get("/assess/vehicle", params={"system": "example:scud-b-uncertain"})
    assert example.status_code == 200 and "distribution:" in example.text
    vehicle = Path("src/mtcr/data/examples/scud-b-uncertain.yaml").read_text(encoding="utf-8")
    response = officer.post("/assess", data={"vehicle": vehicle, "samples": "20", "seed": "7", "csrf": _csrf(officer)})
    assert response.status_code == 200
    result = _finish(officer, response.text)
    found = re.search(r'id="p-category-i">([\d.]+) %', result)
    assert found is not None, result[:2000]
    assert 0.0 <= float(found.group(1)) <= 100.0
    assert "20 samples, seed 7" in result and "mc-tornado" in result and "isp_s" in result
    # the same seed gives the same answer
    again = _finish(
        officer,
        officer.post("/assess", data={"vehicle": vehicle, "samples": "20", "seed": "7", "csrf": _csrf(officer)}).text,
    )
    assert re.search(r'id="p-category-i">([\d.]+) %', again).group(1) == found.group(1)  # type: ignore[union-attr]
    bad = vehicle.replace("distribution: uniform, low: 70, high: 80", "distribution: uniform, low: 80, high: 70")
    refused = officer.post("/assess", data={"vehicle": bad, "samples": "20", "csrf": _csrf(officer)})
    assert refused.status_code == 422 and "burn_time_s" in refused.text
    assert officer.get("/assess/vehicle", params={"system": "example:../../etc/passwd"}).status_code == 404


def test_repeated_wrong_passwords_lock_the_username_for_a_while(site: tuple[Engine, dict[str, str]]) -> None:
    engine, passwords = site
    client = TestClient(create_app(engine), follow_redirects=False)  # a fresh app: its own throttle
    for _ in range(5):
        assert client.post("/login", data={"username": "supervisor", "password": "guess"}).status_code == 401
    locked = client.post("/login", data={"username": "supervisor", "password": passwords["supervisor"]})
    assert locked.status_code == 429 and "Too many failed attempts" in locked.text
    assert SESSION_COOKIE not in client.cookies
    other = client.post("/login", data={"username": "officer", "password": passwords["officer"]})
    assert other.status_code == 303  # other users are not affected


def test_the_api_reference_loads_nothing_from_a_cdn(site: tuple[Engine, dict[str, str]]) -> None:
    client = _client(site)
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
    assert assets and all(url.startswith("/api/") for url in assets), assets
    assert all(client.get(url).status_code == 200 for url in assets)

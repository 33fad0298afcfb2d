"""The web application in a real browser: an officer's day on the M-11 case from the 1988 record."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web.conftest import DemoSite

pytestmark = pytest.mark.browser


def _sign_in(page: Any, site: DemoSite, username: str, target: str = "/") -> None:
    page.goto(site.url + target)
    page.wait_for_url("**/login**")
    page.fill("#username", username)
    page.fill("#password", site.passwords[username])
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def _case_id(page: Any, title: str) -> str:
    link = page.locator("tr", has_text=title).locator("a").first
    return str(link.get_attribute("href")).rsplit("/", 1)[-1]


def test_officer_reviewer_and_supervisor_take_the_m11_case_to_a_decision(
    demo_site: DemoSite, browser: Any, screenshot_dir: Path
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()

    # a reviewer signs in, opens the M-11 case from the queue, sees the Category I verdict and its plot
    _sign_in(page, demo_site, "mod-reviewer")
    assert page.locator(".banner.top").inner_text() == "SECRET"
    assert page.locator(".banner.bottom").inner_text() == "SECRET"
    case_id = _case_id(page, "M-11 short-range ballistic missiles")
    page.screenshot(path=str(screenshot_dir / "work-queue.png"), full_page=False)
    page.click(f"a[href='/cases/{case_id}']")
    page.wait_for_selector("#chart-1 .main-svg")  # Plotly drew the range-payload curve
    assert "Category I" in page.locator(".assessment .verdict").inner_text()
    assert page.locator("#chart-1 .scatterlayer .trace").count() >= 1
    assert page.locator(".banner.top").inner_text() == "SECRET"
    page.screenshot(path=str(screenshot_dir / "case-m11.png"), full_page=False)

    # the reviewer adds the Ministry of Defence's advice
    page.select_option("#advice-recommendation", "deny")
    page.fill("#advice-reasons", "Category I: 500 kg to well beyond 300 km; strong presumption of denial")
    page.click("form[action$='/advice'] button[type=submit]")
    page.wait_for_selector("#advice-rows tr:has-text('MOD-REV')")
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/login")

    # the officer clears the case and denies it
    _sign_in(page, demo_site, "officer", f"/cases/{case_id}")
    page.click("button[value='clear']")
    expect(page.locator("#case-status")).to_have_text("decision")
    page.select_option("#decision-outcome", "denial")
    page.fill("#decision-reasons", "Category I transfer: strong presumption of denial not rebutted")
    page.click("form[action$='/decision'] button[type=submit]")
    expect(page.locator("#case-status")).to_have_text("denied")
    assert "denial" in page.locator("#decision .decided").inner_text()

    # the decision memorandum: banners, subject, the Cleared block with both agencies
    page.click("a:has-text('Decision memorandum')")
    page.wait_for_load_state("networkidle")
    text = page.locator("body").inner_text()
    for expected in (
        "SECRET",
        "DECISION MEMORANDUM",
        "SUBJECT",
        "Drafted:",
        "Cleared:",
        "MFA",
        "MOD-REV",
        "DECL: OADR",
    ):
        assert expected in text, expected
    page.screenshot(path=str(screenshot_dir / "memorandum.png"), full_page=False)
    pdf = context.request.get(f"{demo_site.url}/cases/{case_id}/memorandum.pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # the range map lists cities in range of the launch area
    page.goto(f"{demo_site.url}/cases/{case_id}/map")
    page.wait_for_selector("figure.map img")
    assert page.locator("figure.map img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator("table tbody tr").count() > 1
    page.screenshot(path=str(screenshot_dir / "range-map.png"), full_page=False)
    context.close()
    assert demo_site.errors.responses == [] and demo_site.errors.records == []


def test_a_user_without_clearance_cannot_reach_a_secret_case_by_url(demo_site: DemoSite, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    _sign_in(page, demo_site, "exporter")
    assert "M-11" not in page.locator("main").inner_text()  # not in the queue
    response = page.goto(f"{demo_site.url}/cases/1")
    assert response is not None and response.status == 404
    assert "SECRET" not in page.locator("body").inner_text()
    assert "M-11" not in page.locator("body").inner_text()
    for path in ("/cases/1/memorandum", "/cases/1/memorandum.pdf", "/cases/1/map", "/cases/1/map.svg"):
        assert context.request.get(demo_site.url + path).status == 404, path
    context.close()
    assert demo_site.errors.responses == [] and demo_site.errors.records == []


def test_analyst_assesses_a_catalogue_system_and_screens_a_party(
    demo_site: DemoSite, browser: Any, screenshot_dir: Path
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    _sign_in(page, demo_site, "officer", "/assess")
    page.select_option("#system", "m-11")
    expect(page.locator("#vehicle")).to_have_value(re.compile("M-11"))
    page.click("form[action='/assess'] button[type=submit]")
    page.wait_for_selector("#curve-chart .main-svg", timeout=60_000)
    assert page.locator("#verdict").inner_text() == "Category I"
    page.screenshot(path=str(screenshot_dir / "assessment.png"), full_page=False)

    # a vehicle with distributions: Monte Carlo with a progress bar, then the probability and the charts
    page.select_option("#system", "example:scud-b-uncertain")
    expect(page.locator("#vehicle")).to_have_value(re.compile("distribution"))
    page.fill("#samples", "60")
    page.click("form[action='/assess'] button[type=submit]")
    page.wait_for_selector("#mc-tornado .main-svg", timeout=120_000)
    assert "%" in page.locator("#p-category-i").inner_text()
    assert page.locator("#mc-histogram .main-svg").count() >= 1
    page.locator("#result").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "monte-carlo.png"), full_page=False)

    # a broken vehicle file: the message names the field, the page stays
    page.fill("#vehicle", "format: mtcr-vehicle/1\nname: X\n")
    page.click("form[action='/assess'] button[type=submit]")
    page.wait_for_selector("#alerts .alert")
    assert "stages" in page.locator("#alerts").inner_text() or "required" in page.locator("#alerts").inner_text()

    page.goto(f"{demo_site.url}/screening")
    page.fill("#party-name", "China Precision Machinery Import Export Corp")
    page.fill("#party-country", "CN")
    page.click("form[action='/screening'] button[type=submit]")
    page.wait_for_selector("#screening-result .match")
    assert "name" in page.locator("#screening-result").inner_text()
    page.screenshot(path=str(screenshot_dir / "screening.png"), full_page=False)

    page.goto(f"{demo_site.url}/annex?q=heat+shield")
    page.wait_for_selector("#search-results article")
    page.screenshot(path=str(screenshot_dir / "annex.png"), full_page=False)
    # keyboard: the skip link is the first stop and moves focus to the content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    context.close()
    assert demo_site.errors.responses == [] and demo_site.errors.records == []

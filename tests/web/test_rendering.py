"""The page's marking: the highest level and the releasability every record on the page allows."""

from __future__ import annotations

import pytest

from mtcr.web.rendering import page_marking


@pytest.mark.parametrize(
    ("banners", "expected"),
    [
        ([], "UNCLASSIFIED"),
        (["UNCLASSIFIED"], "UNCLASSIFIED"),
        (["CONFIDENTIAL", "SECRET"], "SECRET"),
        (["SECRET//REL TO PARTNER-A"], "SECRET//REL TO PARTNER-A"),
        # an uncaptioned classified record is national: the page may not look releasable
        (["SECRET//REL TO PARTNER-A", "SECRET"], "SECRET//NOFORN"),
        (["SECRET//REL TO PARTNER-A", "CONFIDENTIAL//NOFORN"], "SECRET//NOFORN"),
        (["SECRET//REL TO PARTNER-A", "SECRET//REL TO PARTNER-B"], "SECRET//NOFORN"),
        (["SECRET//REL TO PARTNER-A, PARTNER-B", "CONFIDENTIAL//REL TO PARTNER-B"], "SECRET//REL TO PARTNER-B"),
        (["UNCLASSIFIED", "CONFIDENTIAL//REL TO PARTNERS"], "CONFIDENTIAL//REL TO PARTNERS"),
    ],
)
def test_page_marking(banners: list[str], expected: str) -> None:
    assert page_marking(banners).banner == expected

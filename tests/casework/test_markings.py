"""Markings: the bundled scheme, banner parsing and printing, ordering, and errors that name the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcr.casework.markings import Marking, default_scheme, load_scheme, parse_banner
from mtcr.errors import DataFileError, InputError

NOFORN: frozenset[str] = frozenset()


def test_the_bundled_scheme_orders_three_levels() -> None:
    scheme = default_scheme()
    assert scheme.levels == ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")
    assert (scheme.national_only, scheme.release_to, scheme.partners) == ("NOFORN", "REL TO", "PARTNERS")


@pytest.mark.parametrize(
    ("banner", "level", "releasable_to", "canonical"),
    [
        ("SECRET", "SECRET", None, "SECRET"),
        ("unclassified", "UNCLASSIFIED", None, "UNCLASSIFIED"),
        ("CONFIDENTIAL//NOFORN", "CONFIDENTIAL", NOFORN, "CONFIDENTIAL//NOFORN"),
        (" secret // noforn ", "SECRET", NOFORN, "SECRET//NOFORN"),
        ("SECRET//REL TO GBR, FRA", "SECRET", frozenset({"GBR", "FRA"}), "SECRET//REL TO FRA, GBR"),
        ("SECRET//REL TO FRA,GBR,FRA", "SECRET", frozenset({"GBR", "FRA"}), "SECRET//REL TO FRA, GBR"),
        ("secret//rel  to mod-lic", "SECRET", frozenset({"MOD-LIC"}), "SECRET//REL TO MOD-LIC"),
        ("CONFIDENTIAL//REL TO PARTNERS", "CONFIDENTIAL", frozenset({"PARTNERS"}), "CONFIDENTIAL//REL TO PARTNERS"),
        ("UNCLASSIFIED//REL TO PARTNERS, EXP-1", "UNCLASSIFIED", frozenset({"PARTNERS", "EXP-1"}), None),
    ],
)
def test_banners_parse_and_print_canonically(
    banner: str, level: str, releasable_to: frozenset[str] | None, canonical: str | None
) -> None:
    marking = parse_banner(banner)
    assert marking == Marking(level, releasable_to)
    assert marking == Marking.parse(banner)
    if canonical is not None:
        assert marking.banner == str(marking) == canonical
    assert parse_banner(marking.banner) == marking  # printing and parsing round-trip


@pytest.mark.parametrize(
    ("banner", "field", "message"),
    [
        ("TOP SECRET", "level", "unknown classification level 'TOP SECRET'"),
        ("", "level", "names no classification level"),
        ("//NOFORN", "level", "names no classification level"),
        ("SECRET//NOFORN//REL TO GBR", "banner", "more than one caption"),
        ("SECRET//ORCON", "releasable_to", "unknown caption 'ORCON'"),
        ("SECRET//REL TO", "releasable_to", "unknown caption"),
        ("SECRET//REL TO GBR,", "releasable_to", "empty organisation code"),
        ("SECRET//REL TO GB R", "releasable_to", "'GB R' is not an organisation code"),
        ("SECRET//REL TO -GBR", "releasable_to", "not an organisation code"),
    ],
)
def test_bad_banners_name_the_field(banner: str, field: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_banner(banner)
    assert caught.value.field == field


def test_constructing_a_bad_marking_names_the_field() -> None:
    with pytest.raises(InputError) as caught:
        Marking("secret")  # constructors do not normalise; parse does
    assert caught.value.field == "level"
    with pytest.raises(InputError) as caught:
        Marking("SECRET", frozenset({"gbr"}))
    assert caught.value.field == "releasable_to"
    with pytest.raises(InputError, match="frozenset") as caught:
        Marking("SECRET", {"GBR"})  # type: ignore[arg-type]
    assert caught.value.field == "releasable_to"


def test_markings_compare_by_level_only() -> None:
    unclassified, confidential = Marking("UNCLASSIFIED"), Marking("CONFIDENTIAL", frozenset({"GBR"}))
    secret, secret_noforn = Marking("SECRET"), Marking("SECRET", NOFORN)
    assert unclassified < confidential < secret
    assert secret > confidential >= unclassified
    assert secret <= secret_noforn and secret >= secret_noforn and secret != secret_noforn
    assert sorted([secret, unclassified, confidential]) == [unclassified, confidential, secret]
    assert max([confidential, secret_noforn, unclassified]) == secret_noforn
    assert (secret.rank, confidential.rank, unclassified.rank) == (2, 1, 0)
    assert secret_noforn.national_only and not secret.national_only and not confidential.national_only


def test_markings_are_frozen_and_hashable() -> None:
    marking = parse_banner("SECRET//REL TO GBR")
    assert len({marking, parse_banner("secret//rel to gbr")}) == 1
    with pytest.raises(AttributeError):
        marking.level = "UNCLASSIFIED"  # type: ignore[misc]


def test_a_custom_scheme_loads(tmp_path: Path) -> None:
    path = tmp_path / "scheme.yaml"
    path.write_text(
        "levels: [OFFICIAL, OFFICIAL SENSITIVE, SECRET, TOP SECRET]\n"
        "captions: {national_only: UK EYES ONLY, release_to: REL TO, partners: ALLIES}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="national_only"):  # spaces are not allowed in a caption word
        load_scheme(path)
    path.write_text(path.read_text(encoding="utf-8").replace("UK EYES ONLY", "UKEO"), encoding="utf-8")
    scheme = load_scheme(path)
    assert scheme.levels[-1] == "TOP SECRET" and scheme.rank("OFFICIAL SENSITIVE") == 1


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        ("levels: []\ncaptions: {national_only: NOFORN, release_to: REL TO, partners: PARTNERS}\n", "levels", "least"),
        ("levels: [A, B, A]\ncaptions: {national_only: NOFORN, release_to: REL TO, partners: P}\n", "levels", "A"),
        ("levels: [secret]\ncaptions: {national_only: NOFORN, release_to: REL TO, partners: P}\n", "levels.0", "match"),
        ("levels: [S]\ncaptions: {national_only: X, release_to: REL TO, partners: X}\n", None, "differ"),
        ("levels: [S]\ncaptions: {national_only: S, release_to: REL TO, partners: P}\n", None, "differ"),
        ("levels: [S]\ncaptions: {national_only: N, release_to: REL TO}\n", "captions.partners", "required"),
        (
            "levels: [S]\nlevel: [T]\ncaptions: {national_only: N, release_to: REL TO, partners: P}\n",
            "level",
            "Extra inputs",
        ),
        ("levels: [S\n", None, "not valid YAML"),
    ],
)
def test_bad_scheme_files_name_the_field(tmp_path: Path, text: str, field: str | None, problem: str) -> None:
    path = tmp_path / "scheme.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as caught:
        load_scheme(path)
    assert caught.value.field == field
    assert caught.value.path == str(path)


def test_a_missing_scheme_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_scheme(tmp_path / "absent.yaml")

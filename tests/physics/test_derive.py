"""mtcr.physics.derive: typical-value derivation of missing stage inputs, checked against hand arithmetic."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from mtcr.errors import InputError
from mtcr.physics.derive import (
    TYPICAL,
    Derivation,
    Propulsion,
    PublicData,
    StageSpec,
    derive,
    stage_fields,
)
from mtcr.physics.vehicle import parse_vehicle

G0 = 9.80665
SYSTEMS = Path(__file__).resolve().parents[2] / "src" / "mtcr" / "data" / "systems"


def single(
    propulsion: Propulsion, launch: float, payload: float, diameter: float = 0.8, **overrides: float
) -> Derivation:
    return derive(PublicData(launch, payload, (StageSpec(propulsion, diameter, **overrides),)))


def test_early_solid_single_stage_by_hand() -> None:
    # stage = 3800 - 800 = 3000 kg; propellant = 0.82 * 3000 = 2460; dry = 540
    # burn = 2460 * 240 / (2.5 * 3800) = 590400 / 9500 = 62.147368... s; thrust = 2.5 * 3800 * g0 = 93163.175 N
    stage = single(Propulsion.EARLY_SOLID, 3800, 800).stages[0]
    assert stage.propellant_kg == pytest.approx(2460.0)
    assert stage.dry_kg == pytest.approx(540.0)
    assert stage.isp_s == 240.0
    assert stage.burn_time_s == pytest.approx(62.147368421, rel=1e-9)
    assert stage.thrust_n == pytest.approx(93163.175)
    assert stage.diameter_m == 0.8


def test_storable_liquid_scud_sized_by_hand() -> None:
    # Forden's Scud-B launch mass (5897 kg with 1000 kg payload): stage 4897 kg
    # propellant 0.78 * 4897 = 3819.66; dry 1077.34; burn = 3819.66 * 230 / (2.0 * 5897) = 74.48888 s
    stage = single(Propulsion.STORABLE_LIQUID, 5897, 1000, 0.84).stages[0]
    assert stage.propellant_kg == pytest.approx(3819.66)
    assert stage.dry_kg == pytest.approx(1077.34)
    assert stage.isp_s == 230.0
    assert stage.burn_time_s == pytest.approx(74.48888, rel=1e-6)


def test_burn_time_reproduces_thrust_to_weight() -> None:
    stage = single(Propulsion.ALCOHOL_LOX, 12_900, 1000, 1.65).stages[0]
    thrust = stage.propellant_kg * stage.isp_s * G0 / stage.burn_time_s
    assert thrust / (12_900 * G0) == pytest.approx(TYPICAL[Propulsion.ALCOHOL_LOX].thrust_to_weight.typical)
    assert thrust == pytest.approx(stage.thrust_n)


def test_two_stage_modern_solid_by_hand() -> None:
    # 10000 kg launch, 500 kg payload, shares 0.7 / 0.3 of 9500 kg: stages 6650 and 2850 kg
    # stage 1: propellant 0.88 * 6650 = 5852, dry 798, burn = 5852 * 265 / (2.6 * 10000) = 59.645385 s
    # stage 2: propellant 0.88 * 2850 = 2508, dry 342, ignition mass 2850 + 500 = 3350,
    #          burn = 2508 * 265 / (2.6 * 3350) = 76.305396 s
    public = PublicData(
        10_000,
        500,
        (StageSpec(Propulsion.MODERN_SOLID, 1.2, 0.7), StageSpec(Propulsion.MODERN_SOLID, 1.0, 0.3)),
    )
    first, second = derive(public).stages
    assert first.propellant_kg == pytest.approx(5852.0)
    assert first.dry_kg == pytest.approx(798.0)
    assert first.burn_time_s == pytest.approx(59.645385, rel=1e-6)
    assert second.propellant_kg == pytest.approx(2508.0)
    assert second.dry_kg == pytest.approx(342.0)
    assert second.burn_time_s == pytest.approx(76.305396, rel=1e-6)
    assert second.diameter_m == 1.0


def test_override_within_band_is_used_and_said() -> None:
    # fraction 0.80: propellant 2400, dry 600, burn = 2400 * 240 / 9500 = 60.631579 s
    result = single(Propulsion.EARLY_SOLID, 3800, 800, propellant_fraction=0.80)
    assert result.stages[0].propellant_kg == pytest.approx(2400.0)
    assert result.stages[0].dry_kg == pytest.approx(600.0)
    assert result.stages[0].burn_time_s == pytest.approx(60.631579, rel=1e-6)
    assert "set by the caller" in result.notes[0]
    assert "typical" in result.notes[2]  # Isp was not overridden


def test_masses_add_up() -> None:
    public = PublicData(
        20_000,
        750,
        (StageSpec(Propulsion.STORABLE_LIQUID, 1.3, 0.75), StageSpec(Propulsion.MODERN_SOLID, 1.0, 0.25)),
    )
    stages = derive(public).stages
    assert sum(s.propellant_kg + s.dry_kg for s in stages) + 750 == pytest.approx(20_000)


def test_stage_fields_load_as_a_vehicle() -> None:
    fields, notes = stage_fields(PublicData(3800, 800, (StageSpec(Propulsion.EARLY_SOLID, 0.8),)))
    assert fields == [
        {
            "propellant_kg": pytest.approx(2460.0),
            "dry_kg": pytest.approx(540.0),
            "burn_time_s": pytest.approx(62.147368421),
            "isp_s": 240.0,
            "isp_reference": "vacuum",
            "diameter_m": 0.8,
        }
    ]
    assert len(notes) == 4  # propellant, dry, Isp, burn time
    assert [note.split(":")[0] for note in notes] == [
        "stages[0].propellant_kg",
        "stages[0].dry_kg",
        "stages[0].isp_s",
        "stages[0].burn_time_s",
    ]
    vehicle = parse_vehicle({"format": "mtcr-vehicle/1", "name": "derived", "payload_kg": 800, "stages": fields})
    assert vehicle.launch_mass_kg == pytest.approx(3800.0)
    assert vehicle.stages[0].mass_flow_kg_s == pytest.approx(2460.0 / 62.147368421)


def test_every_type_has_consistent_typical_values() -> None:
    assert set(TYPICAL) == set(Propulsion)
    for values in TYPICAL.values():
        for band in (values.propellant_fraction, values.isp_s, values.thrust_to_weight):
            assert band.contains(band.typical)
        assert 0 < values.propellant_fraction.high < 1
        assert values.thrust_to_weight.low > 1  # the vehicle must lift off
        assert values.source


def test_values_are_frozen() -> None:
    spec = StageSpec(Propulsion.EARLY_SOLID, 0.8)
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.mass_share = 0.5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("launch", "payload", "field"),
    [
        (3800, 3800, "payload_kg"),
        (3800, 5000, "payload_kg"),
        (3800, -1, "payload_kg"),
        (3800, math.nan, "payload_kg"),
        (0, 0, "launch_mass_kg"),
        (-100, 0, "launch_mass_kg"),
        (math.inf, 0, "launch_mass_kg"),
    ],
)
def test_bad_masses_name_the_field(launch: float, payload: float, field: str) -> None:
    with pytest.raises(InputError) as caught:
        single(Propulsion.EARLY_SOLID, launch, payload)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        (StageSpec(Propulsion.EARLY_SOLID, 0.0), "stages[0].diameter_m"),
        (StageSpec(Propulsion.EARLY_SOLID, -0.8), "stages[0].diameter_m"),
        (StageSpec(Propulsion.EARLY_SOLID, 0.8, propellant_fraction=0.95), "stages[0].propellant_fraction"),
        (StageSpec(Propulsion.EARLY_SOLID, 0.8, propellant_fraction=-0.8), "stages[0].propellant_fraction"),
        (StageSpec(Propulsion.STORABLE_LIQUID, 0.8, isp_s=300), "stages[0].isp_s"),
        (StageSpec(Propulsion.STORABLE_LIQUID, 0.8, thrust_to_weight=0.9), "stages[0].thrust_to_weight"),
        (StageSpec(Propulsion.EARLY_SOLID, 0.8, mass_share=0.0), "stages[0].mass_share"),
        (StageSpec("solid", 0.8), "stages[0].propulsion"),  # type: ignore[arg-type]
    ],
)
def test_bad_stage_names_the_field(spec: StageSpec, field: str) -> None:
    with pytest.raises(InputError) as caught:
        derive(PublicData(3800, 800, (spec,)))
    assert caught.value.field == field


def test_out_of_band_message_gives_the_band() -> None:
    with pytest.raises(InputError, match=r"outside the typical band 0\.8-0\.85"):
        single(Propulsion.EARLY_SOLID, 3800, 800, propellant_fraction=0.9)


def test_shares_must_sum_to_one() -> None:
    stages = (StageSpec(Propulsion.MODERN_SOLID, 1.0, 0.6), StageSpec(Propulsion.MODERN_SOLID, 1.0, 0.3))
    with pytest.raises(InputError) as caught:
        derive(PublicData(10_000, 500, stages))
    assert caught.value.field == "stages"


def test_no_stages() -> None:
    with pytest.raises(InputError) as caught:
        derive(PublicData(10_000, 500, ()))
    assert caught.value.field == "stages"


def test_second_stage_error_names_its_index() -> None:
    stages = (StageSpec(Propulsion.MODERN_SOLID, 1.0, 0.7), StageSpec(Propulsion.MODERN_SOLID, 1.0, 0.3, isp_s=200))
    with pytest.raises(InputError) as caught:
        derive(PublicData(10_000, 500, stages))
    assert caught.value.field == "stages[1].isp_s"


# --- the bundled catalogue ------------------------------------------------------------------------------


CATALOGUE = sorted(SYSTEMS.glob("*.yaml"))


@pytest.mark.parametrize("path", CATALOGUE, ids=lambda p: p.stem)
def test_catalogue_entry_loads_with_its_block(path: Path) -> None:
    from mtcr.physics.vehicle import Confidence, load_vehicle

    vehicle = load_vehicle(path)
    info = vehicle.catalogue
    assert info is not None
    assert path.stem in info.aliases
    assert all(alias == alias.lower() for alias in info.aliases)
    assert vehicle.sources
    if info.confidence is Confidence.HIGH:
        assert not info.derived
    else:
        assert info.derived


def test_catalogue_has_the_nine_systems() -> None:
    stems = {path.stem for path in CATALOGUE}
    assert stems >= {
        "m-11",
        "m-9",
        "css-2",
        "scud-b",
        "al-hussein",
        "no-dong",
        "ghauri",
        "prithvi",
        "agni-i",
    }

"""Distributions in vehicle files, and the Monte Carlo assessment (statistics, reproducibility, engines)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import yaml

from mtcr.annex import Annex
from mtcr.errors import DataFileError
from mtcr.physics.assessment import Category, assess, rocket_thresholds
from mtcr.physics.core import batch
from mtcr.physics.scaleout import Engine, EngineSettings
from mtcr.physics.uncertainty import (
    Distribution,
    DistributionKind,
    Evaluation,
    PointMethod,
    Targets,
    assess_batched,
    load_uncertain_vehicle,
    monte_carlo,
    parse_path,
    probability,
    resolve_nominal_vehicle,
    set_at,
    uncertain_vehicle,
)
from mtcr.physics.vehicle import load_vehicle, parse_vehicle
from tests.physics.conftest import VALIDATION_DIR, scud_data


def _stage(**changes: object) -> dict[str, object]:
    stage: dict[str, object] = {
        "propellant_kg": 3699,
        "dry_kg": 1198,
        "burn_time_s": 75,
        "isp_s": 230,
        "diameter_m": 0.84,
    }
    stage.update(changes)
    return stage


def _uncertain(**changes: object) -> dict[str, object]:
    return scud_data(stages=[_stage(**changes)])


# --- distributions -------------------------------------------------------------------------------------


def test_distributions_are_found_with_their_paths_and_units() -> None:
    vehicle = uncertain_vehicle(
        _uncertain(
            propellant_kg={"distribution": "triangular", "low": "8000 lb", "mode": "8155 lb", "high": "8300 lb"},
            isp_s={"distribution": "uniform", "low": 225, "high": 235},
            dry_kg={"distribution": "normal", "mean": 1198, "sd": 40, "low": 1100},
        )
    )
    assert vehicle.paths == ("stages[0].propellant_kg", "stages[0].dry_kg", "stages[0].isp_s")  # document order
    propellant = vehicle.inputs[0].distribution
    assert propellant.unit == "kg" and propellant.mode == pytest.approx(8155 * 0.45359237)
    # nominal: the triangular's mode, the uniform's midpoint, the normal's mean
    np.testing.assert_allclose(vehicle.nominal_values(), [8155 * 0.45359237, 1198.0, 230.0])
    nominal = vehicle.nominal_vehicle()
    assert nominal.stages[0].propellant_kg == pytest.approx(3699.05, abs=0.01)


def test_a_file_without_distributions_behaves_exactly_as_before(tmp_path: Path) -> None:
    path = VALIDATION_DIR / "forden-scud-b.yaml"
    assert load_uncertain_vehicle(str(path)).inputs == ()
    assert resolve_nominal_vehicle(str(path)) == load_vehicle(path)
    assert resolve_nominal_vehicle("scud-b").name.startswith("Scud-B")


def test_a_file_with_distributions_assesses_as_its_nominal_vehicle(tmp_path: Path) -> None:
    file = tmp_path / "uncertain.yaml"
    file.write_text(yaml.safe_dump(_uncertain(isp_s={"distribution": "uniform", "low": 220, "high": 240})))
    assert resolve_nominal_vehicle(str(file)) == parse_vehicle(scud_data(), source=str(file))


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"distribution": "lognormal", "mean": 1, "sd": 1}, "unknown distribution 'lognormal'"),
        ({"distribution": "uniform", "low": 220}, "needs high, low"),
        ({"distribution": "uniform", "low": 240, "high": 220}, "low (240) is above high (220)"),
        ({"distribution": "uniform", "low": 220, "hi": 240}, "unknown key 'hi'"),
        ({"distribution": "uniform", "low": "220 m", "high": 240}, "isp_s.low"),
        ({"distribution": "triangular", "low": 220, "mode": 250, "high": 240}, "mode (250) must lie between"),
        ({"distribution": "normal", "mean": 230, "sd": -1}, "sd must be >= 0"),
        ({"distribution": "normal", "mean": 230, "sd": True}, "expected a number"),
        ({"distribution": "normal", "mean": 230, "sd": 50}, "reaches -70 s at its low end"),
    ],
)
def test_bad_distribution_specs_name_the_field(spec: dict[str, object], message: str) -> None:
    with pytest.raises(DataFileError) as raised:
        uncertain_vehicle(_uncertain(isp_s=spec), source="missile.yaml")
    assert raised.value.field is not None and raised.value.field.startswith("stages[0].isp_s")
    assert message in str(raised.value)


def test_a_truncated_normal_passes_where_the_plain_one_is_refused() -> None:
    vehicle = uncertain_vehicle(
        _uncertain(isp_s={"distribution": "normal", "mean": 230, "sd": 50, "low": 150, "high": 300})
    )
    draws = vehicle.draw(2000, seed=5)[:, 0]
    assert draws.min() >= 150 and draws.max() <= 300


def test_quantiles_match_the_distributions() -> None:
    u = np.random.default_rng(1).random(200_000)
    triangular = Distribution(DistributionKind.TRIANGULAR, "s", low=1.0, mode=2.0, high=6.0)
    assert triangular.quantile(u).mean() == pytest.approx(3.0, abs=0.02)  # (low + mode + high) / 3
    normal = Distribution(DistributionKind.NORMAL, "kg", mean=10.0, sd=2.0, low=8.0)
    # mean of a normal truncated below at -1 sd: mu + sd * phi(-1) / (1 - Phi(-1))
    assert normal.quantile(u).mean() == pytest.approx(10.0 + 2.0 * 0.24197072 / 0.84134475, abs=0.02)
    uniform = Distribution(DistributionKind.UNIFORM, "", low=-1.0, high=1.0)
    assert uniform.quantile(np.array([0.0, 0.25, 0.5])).tolist() == [-1.0, -0.5, 0.0]


def test_field_paths() -> None:
    assert parse_path("stages[1].isp_s") == ("stages", 1, "isp_s")
    assert parse_path("drag_table.cd[3]") == ("drag_table", "cd", 3)
    for bad in ("", "stages[x]", "[0].isp_s", "stages..isp_s", "stages.", "stages[0]isp_s"):
        with pytest.raises(Exception, match="field path"):
            parse_path(bad)
    document = scud_data()
    set_at(document, "stages[0].isp_s", 231.0)
    assert document["stages"][0]["isp_s"] == 231.0  # type: ignore[index]
    with pytest.raises(Exception, match=r"has no stages\[3\]"):
        set_at(document, "stages[3].isp_s", 1.0)


def test_wilson_interval() -> None:
    p = probability(0, 60)
    assert p.estimate == 0.0 and p.low == 0.0 and p.high == pytest.approx(0.0602, abs=1e-4)
    p = probability(30, 100)
    assert (p.low, p.high) == pytest.approx((0.2189, 0.3958), abs=1e-4)


# --- Monte Carlo ---------------------------------------------------------------------------------------


def test_zero_width_distributions_give_the_deterministic_answer(annex: Annex) -> None:
    vehicle = uncertain_vehicle(
        _uncertain(
            isp_s={"distribution": "uniform", "low": 230, "high": 230},
            dry_kg={"distribution": "normal", "mean": 1198, "sd": 0},
            propellant_kg={"distribution": "triangular", "low": 3699, "mode": 3699, "high": 3699},
        )
    )
    deterministic = assess(parse_vehicle(scud_data()), annex)
    result = monte_carlo(vehicle, annex, samples=6, seed=11)
    assert set(result.table.range_at_threshold_payload_m) == {result.nominal.range_at_threshold_payload_m}
    assert set(result.table.payload_to_threshold_range_kg) == {result.nominal.payload_to_threshold_range_kg}
    assert result.nominal.category is deterministic.category is Category.CATEGORY_I
    assert result.probability_category_i.estimate == 1.0
    assert result.nominal.range_at_threshold_payload_m == pytest.approx(
        deterministic.at_threshold_payload.range_m, rel=1e-6
    )
    assert result.nominal.payload_to_threshold_range_kg == pytest.approx(
        deterministic.payload_to_threshold_range_kg, abs=0.5
    )
    assert all(s.swing_m == 0.0 and not s.moves_verdict for s in result.sensitivity)
    # the scalar evaluation is assess() itself: exactly the deterministic numbers
    scalar = monte_carlo(vehicle, annex, samples=2, seed=11, evaluation=Evaluation.SCALAR, sensitivity=False)
    assert scalar.nominal.method is PointMethod.SCALAR
    assert scalar.nominal.range_at_threshold_payload_m == deterministic.at_threshold_payload.range_m
    assert scalar.nominal.payload_to_threshold_range_kg == deterministic.payload_to_threshold_range_kg


FLIP_ISP = (185.0, 215.0)  # the Isp range of the convergence test; Category I from somewhere inside


def _flip_isp(annex: Annex) -> float:
    """The Isp (s) at which the range with 500 kg crosses 300 km, from a fine grid of batched assessments
    (range is smooth and increasing in Isp: linear interpolation between grid points is exact enough)."""
    grid = np.linspace(*FLIP_ISP, 31)
    vehicles = [parse_vehicle(scud_data(stages=[_stage(isp_s=float(isp))])) for isp in grid]
    results = assess_batched(vehicles, Targets.of(rocket_thresholds(annex), annex.id, payload_search=False))
    ranges = results[:, batch.A_RANGE_AT_THRESHOLD_M]
    assert np.all(np.diff(ranges) > 0) and ranges[0] < 300e3 < ranges[-1]
    return float(np.interp(300e3, ranges, grid))


def test_probability_of_category_i_converges_to_the_analytic_value(annex: Annex) -> None:
    """Isp uniform on [185, 215] s: P(Category I) = P(Isp > Isp*) = (215 - Isp*) / 30 exactly."""
    flip = _flip_isp(annex)
    expected = (FLIP_ISP[1] - flip) / (FLIP_ISP[1] - FLIP_ISP[0])
    vehicle = uncertain_vehicle(_uncertain(isp_s={"distribution": "uniform", "low": FLIP_ISP[0], "high": FLIP_ISP[1]}))
    samples = 300
    result = monte_carlo(vehicle, annex, samples=samples, seed=2024, payload_search=False, sensitivity=False)
    p = result.probability_category_i
    standard_error = math.sqrt(expected * (1 - expected) / samples)
    assert abs(p.estimate - expected) < 4 * standard_error, (flip, expected, p)
    assert p.low <= expected <= p.high or abs(p.estimate - expected) < 4 * standard_error
    # every sample's verdict is the threshold rule on its own Isp (up to the interpolation of Isp*)
    isp = np.array(result.table.inputs["stages[0].isp_s"])
    category_i = np.array([c is Category.CATEGORY_I for c in result.table.category])
    clear = np.abs(isp - flip) > 0.05
    assert np.array_equal(category_i[clear], isp[clear] > flip)


def test_monte_carlo_reports_spread_and_ranks_sensitivities(annex: Annex) -> None:
    vehicle = uncertain_vehicle(
        _uncertain(
            isp_s={"distribution": "uniform", "low": 175, "high": 235},
            dry_kg={"distribution": "triangular", "low": 1180, "mode": 1198, "high": 1210},
        )
    )
    result = monte_carlo(vehicle, annex, samples=24, seed=7, payload_search=False)
    spread = result.range_at_threshold_payload_m
    assert spread.p5 is not None and spread.p50 is not None and spread.p95 is not None
    assert spread.p5 < spread.p50 < spread.p95
    assert [s.path for s in result.sensitivity] == ["stages[0].isp_s", "stages[0].dry_kg"]
    isp = result.sensitivity[0]
    assert isp.rank == 1 and isp.moves_verdict and isp.rank_correlation is not None and isp.rank_correlation > 0.9
    assert isp.at_low.category is not Category.CATEGORY_I and isp.at_high.category is Category.CATEGORY_I
    total = result.probability_category_i.successes + result.probability_category_ii.successes
    assert total + result.probability_below.successes == 24
    assert result.payload_to_threshold_range_kg is None and result.seed == 7 and result.samples == 24


def test_same_seed_same_result_on_every_engine(annex: Annex) -> None:
    vehicle = uncertain_vehicle(
        _uncertain(
            isp_s={"distribution": "normal", "mean": 195, "sd": 10, "low": 170, "high": 230},
            propellant_kg={"distribution": "uniform", "low": 3500, "high": 3800},
        )
    )
    runs = {
        "local": EngineSettings(),
        "dask, 1 worker": EngineSettings(Engine.DASK, workers=1, processes=False),
        "dask, 2 workers": EngineSettings(Engine.DASK, workers=2, processes=False),
    }
    results = {name: monte_carlo(vehicle, annex, samples=60, seed=99, engine=engine) for name, engine in runs.items()}
    local = results["local"]
    assert local.samples == 60  # with the 5 nominal and sensitivity rows: two chunks of 64 design points
    for name, result in results.items():
        assert result.table == local.table, name
        assert result.probability_category_i == local.probability_category_i, name
        assert result.sensitivity == local.sensitivity, name
        assert result.payload_to_threshold_range_kg == local.payload_to_threshold_range_kg, name
    other = monte_carlo(vehicle, annex, samples=60, seed=100, sensitivity=False, payload_search=False)
    assert other.table.inputs != local.table.inputs


def test_a_cruise_vehicle_falls_back_to_the_scalar_assessment(annex: Annex) -> None:
    """No batched path for kind: cruise: each sample is assessed by assess(), whatever it dispatches to."""
    path = Path(__file__).resolve().parents[2] / "src" / "mtcr" / "data" / "systems" / "tomahawk.yaml"
    if not path.is_file():
        pytest.skip("no cruise vehicle in the catalogue")
    document = yaml.safe_load(path.read_text())
    document["cruise"]["lift_to_drag"] = {"distribution": "uniform", "low": 4, "high": 7}
    vehicle = uncertain_vehicle(document, source=str(path))
    result = monte_carlo(vehicle, annex, samples=4, seed=1, sensitivity=False)
    nominal = load_vehicle(path)
    assert result.nominal.method is PointMethod.SCALAR and set(result.table.method) == {PointMethod.SCALAR}
    assert result.thresholds.regime == "mtcr-2024"
    for lift_to_drag, range_m in zip(
        result.table.inputs["cruise.lift_to_drag"], result.table.range_at_threshold_payload_m, strict=True
    ):
        document["cruise"]["lift_to_drag"] = lift_to_drag
        expected = assess(parse_vehicle(document, source=nominal.path), annex).at_threshold_payload.range_m
        assert range_m == expected

"""Regressions from the independent review of the uncertainty and sweep code (issue 4)."""

from __future__ import annotations

import math

import numpy as np

from mtcr.annex import Annex
from mtcr.physics.catalogue import find_system
from mtcr.physics.cruise import CRUISE_MODEL_VERSION
from mtcr.physics.sweep import parse_sweep, run_sweep
from mtcr.physics.uncertainty import (
    Distribution,
    DistributionKind,
    monte_carlo,
    percentiles,
    read_document,
    uncertain_vehicle,
)
from mtcr.physics.vehicle import parse_vehicle


def _tomahawk() -> dict[str, object]:
    return read_document(find_system("tomahawk").path)


def test_tsfc_and_psfc_distributions_take_the_fields_own_units() -> None:
    document = _tomahawk()
    document["cruise"]["tsfc_mg_n_s"] = {  # type: ignore[index]
        "distribution": "uniform",
        "low": "0.7 lb/(lbf*h)",
        "high": "0.9 lb/(lbf*h)",
    }
    uncertain = uncertain_vehicle(document)
    (item,) = uncertain.inputs
    assert item.distribution.unit == "mg/(N*s)"
    # 1 lb/(lbf h) = 28.325 mg/(N s): the nominal is 0.8 lb/(lbf h)
    assert math.isclose(item.distribution.nominal, 0.8 * 28.3254, rel_tol=1e-4)
    plain = _tomahawk()
    plain["cruise"]["tsfc_mg_n_s"] = "0.8 lb/(lbf*h)"  # type: ignore[index]
    assert uncertain.nominal_vehicle() == parse_vehicle(plain)  # exactly what the loader makes of it


def test_a_normal_cut_far_above_its_mean_samples_finite_values_above_the_cut() -> None:
    cut = Distribution(DistributionKind.NORMAL, "kg", low=380.0, mean=363.0, sd=1.0)
    values = cut.quantile(np.linspace(0.0, 0.999, 200))
    assert np.all(np.isfinite(values)) and np.all(values >= 380.0) and values.max() < 390.0
    low, high = cut.reach
    assert low == 380.0 and high >= low


def test_percentiles_of_partly_orbital_ranges_are_not_interpolated_towards_a_cap() -> None:
    values = np.array([8e6] * 90 + [np.inf] * 10)
    result = percentiles(values)
    assert result.p50 == 8e6 and result.p95 is None


def test_a_cruise_monte_carlo_records_the_cruise_model(annex: Annex) -> None:
    document = _tomahawk()
    document["cruise"]["lift_to_drag"] = {"distribution": "uniform", "low": 6.0, "high": 8.0}  # type: ignore[index]
    result = monte_carlo(uncertain_vehicle(document), annex, samples=12, seed=1, sensitivity=False)
    assert result.model_version == CRUISE_MODEL_VERSION


def test_sweeping_a_cruise_payload_keeps_the_take_off_mass_limit_of_the_base_file(annex: Annex) -> None:
    spec = parse_sweep({"format": "mtcr-sweep/1", "vehicle": "tomahawk", "grid": {"payload_kg": [300, 454]}})
    result = run_sweep(spec, annex)
    ranges = result.results.range_at_threshold_m
    # the range with 500 kg is a property of the airframe, not of the payload the file happens to declare
    assert ranges[0] == ranges[1] > 0

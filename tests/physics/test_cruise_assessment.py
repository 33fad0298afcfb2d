"""assess() on cruise vehicles: the same Assessment record, judged against the UAV entries."""

from __future__ import annotations

import json
import math

import pytest

from mtcr.annex import Annex
from mtcr.annex.loader import load
from mtcr.physics.assessment import (
    UAV_KIND,
    Category,
    annex_kind,
    assess,
    classify_assessment,
    rocket_thresholds,
    uav_thresholds,
)
from mtcr.physics.cruise import CRUISE_MODEL_VERSION
from mtcr.physics.trajectory import FlightStatus
from mtcr.physics.vehicle import parse_vehicle
from mtcr.serialize import dumps
from tests.physics.test_cruise import K_JET, cruise_data


@pytest.fixture(scope="module")
def annex() -> Annex:
    return load(None)


def test_uav_thresholds_come_from_1a2_and_19a2(annex: Annex) -> None:
    t = uav_thresholds(annex)
    assert (t.category_i_entry, t.category_ii_entry) == ("1.A.2", "19.A.2")
    assert (t.range_m, t.payload_kg, t.category_ii_range_m) == (300e3, 500.0, 300e3)
    assert rocket_thresholds(annex).category_i_entry == "1.A.1"
    strict = uav_thresholds(load("strict-bilateral"))
    assert (strict.range_m, strict.payload_kg) == (150e3, 300.0)


def test_category_i_cruise_missile(annex: Annex) -> None:
    # MTOW 1300 kg: with 500 kg it carries min(300, 100) kg of fuel
    vehicle = parse_vehicle(cruise_data(450, max_takeoff_kg=1300))
    result = assess(vehicle, annex, curve_points=5)
    assert result.category is Category.CATEGORY_I and not result.borderline
    assert result.model_version == CRUISE_MODEL_VERSION
    assert result.at_threshold_payload.range_m == pytest.approx(K_JET * math.log(1300 / 1200), rel=1e-12)
    # payload to 300 km, take-off-mass limited: 1300 exp(-R/K) - 700
    assert result.payload_to_threshold_range_kg == pytest.approx(1300 * math.exp(-300e3 / K_JET) - 700, abs=0.5)
    assert result.range_margin_m == pytest.approx(K_JET * math.log(1300 / 1200) - 300e3)
    assert "1.A.2" in result.reasons[-1] and result.reasons[0].startswith("Fuel:")
    assert result.assumptions.range_definition.startswith("MTCR Annex, Definitions 'Range', technical note 4")
    assert result.cruise is not None and result.cruise.at_threshold_payload.fuel_kg == pytest.approx(100)
    classification = classify_assessment(annex, result)
    assert classification.summary.endswith("Category I (1.A.2)")
    record = json.loads(dumps(result))
    assert record["vehicle"]["cruise"]["engine"] == "turbojet" and record["nominal"]["trajectory"]["samples"]


def test_category_ii_when_500_kg_cannot_be_lifted(annex: Annex) -> None:
    vehicle = parse_vehicle(cruise_data(100, empty_kg=300, fuel_capacity_kg=100))
    result = assess(vehicle, annex, curve_points=4)
    assert result.at_threshold_payload.status is FlightStatus.NO_LIFTOFF
    assert result.category is Category.CATEGORY_II
    assert classify_assessment(annex, result).summary.endswith("Category II (19.A.2)")
    assert annex_kind(vehicle) == UAV_KIND


def test_below_the_thresholds_and_borderline(annex: Annex) -> None:
    # a rocket-sustained cruise missile: short range
    short = cruise_data(400, engine="rocket", isp_s=200, lift_to_drag=3, speed_m_s=300)
    del short["cruise"]["tsfc_mg_n_s"]  # type: ignore[index]
    result = assess(parse_vehicle(short), annex, curve_points=3)
    assert result.category is Category.BELOW and result.payload_to_threshold_range_kg is None
    # lightest range just over 300 km (within 15 %): Category II, borderline
    factor = 300e3 * 1.1 / math.log(1000 / 700)
    data = cruise_data(0, speed_m_s=250 * factor / K_JET, max_takeoff_kg=1000)
    result = assess(parse_vehicle(data), annex, curve_points=3)
    assert result.category is Category.CATEGORY_II and result.borderline
    assert "within 15%" in result.reasons[-1]

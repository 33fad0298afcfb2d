"""Classification case table: thresholds from the Annex text, tested just above, at and just below,
in the Annex's units and in another unit system; items that must match nothing; incorporation,
downgrades, exclusions, conditions and the range/payload trade-off.

The threshold values and conversion factors below are typed from the Annex text (see
shared/reference/mtcr-regime.md, section 2) and from exact unit definitions, independently of the
data files, so a wrong threshold in the data fails here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from mtcr.annex import Annex, Category, Component, MatchStatus, RangePayloadPoint, Verdict, classify, describe, load
from mtcr.annex.classifier import Classification, EntryMatch

LBF = 4.4482216152605  # N, exact by definition of the pound-force
LB = 0.45359237  # kg, exact
FOOT = 0.3048  # m, exact
PSI = LBF / (0.0254**2)  # Pa
US_GALLON = 3.785411784  # L, exact
ELECTRONVOLT = 1.602176634e-19  # J, exact (SI 2019)
G0 = 9.80665  # m/s^2, exact


@dataclass(frozen=True)
class Threshold:
    """One Annex threshold: ``parameter op value unit`` in entry ``entry`` (criterion ``criterion``)."""

    entry: str
    kind: str
    parameter: str
    op: str
    value: float
    unit: str
    other_unit: str
    per_unit: float  # 1 `unit` = per_unit `other_unit`
    base: dict[str, object] = field(default_factory=dict)  # other parameters that meet the rest
    criterion: str = ""
    offset: float = 0.0  # other = value * per_unit + offset (temperatures)

    @property
    def criterion_id(self) -> str:
        return self.criterion or self.parameter


THRESHOLDS = [
    Threshold("2.A.1.c.1", "solid_rocket_motor", "total_impulse", ">=", 1.1e6, "N*s", "lbf*s", 1 / LBF),
    Threshold("2.A.1.c.1", "hybrid_rocket_motor", "total_impulse", ">=", 1.1e6, "N*s", "lbf*s", 1 / LBF),
    Threshold("2.A.1.c.2", "liquid_rocket_engine", "system_total_impulse", ">=", 1.1e6, "N*s", "lbf*s", 1 / LBF),
    Threshold(
        "20.A.1.b.1",
        "solid_rocket_motor",
        "total_impulse",
        ">=",
        8.41e5,
        "N*s",
        "lbf*s",
        1 / LBF,
        criterion="impulse_min",
    ),
    Threshold(
        "20.A.1.b.1",
        "solid_rocket_motor",
        "total_impulse",
        "<",
        1.1e6,
        "N*s",
        "lbf*s",
        1 / LBF,
        criterion="impulse_max",
    ),
    Threshold(
        "20.A.1.b.2",
        "liquid_rocket_engine",
        "system_total_impulse",
        ">=",
        8.41e5,
        "N*s",
        "lbf*s",
        1 / LBF,
        criterion="impulse_min",
    ),
    Threshold("2.A.1.d", "guidance_set", "guidance_accuracy_ratio", "<=", 3.33, "percent", "ppm", 1e4),
    Threshold(
        "3.A.1.a",
        "turbojet_turbofan_engine",
        "max_thrust_value",
        ">",
        400,
        "N",
        "lbf",
        1 / LBF,
        base={
            "specific_fuel_consumption": "0.1 kg/(N*h)",
            "engine_dry_weight": "500 kg",
            "first_stage_rotor_diameter": "0.5 m",
        },
    ),
    Threshold(
        "3.A.1.a",
        "turbojet_turbofan_engine",
        "specific_fuel_consumption",
        "<=",
        0.15,
        "kg/(N*h)",
        "lb/(lbf*h)",
        LBF / LB,
        base={"max_thrust_value": "2 kN", "engine_dry_weight": "500 kg", "first_stage_rotor_diameter": "0.5 m"},
    ),
    Threshold(
        "3.A.1.a",
        "turbojet_turbofan_engine",
        "engine_dry_weight",
        "<",
        750,
        "kg",
        "lb",
        1 / LB,
        base={
            "max_thrust_value": "2 kN",
            "specific_fuel_consumption": "0.1 kg/(N*h)",
            "first_stage_rotor_diameter": "0.5 m",
        },
    ),
    Threshold(
        "3.A.7",
        "radial_ball_bearing",
        "bearing_bore_diameter",
        ">=",
        12,
        "mm",
        "inch",
        1 / 25.4,
        criterion="bore_min",
        base={
            "bearing_tolerance_class": "iso_492_class_2",
            "bearing_outside_diameter": "50 mm",
            "bearing_width": "15 mm",
        },
    ),
    Threshold(
        "4.C.2.c",
        "metal_powder",
        "max_particle_size",
        "<",
        200,
        "um",
        "thou",
        1 / 25.4,
        base={
            "powder_metal": "aluminium",
            "particle_shape": "spherical",
            "element_content": "99 percent",
            "fraction_below_63_um": "20 percent",
        },
    ),
    Threshold(
        "6.B.3",
        "isostatic_press",
        "press_max_working_pressure",
        ">=",
        69,
        "MPa",
        "psi",
        1e6 / PSI,
        base={"chamber_max_temperature": "700 degC", "chamber_inside_diameter": "300 mm"},
    ),
    Threshold(
        "6.B.3",
        "isostatic_press",
        "chamber_inside_diameter",
        ">=",
        254,
        "mm",
        "inch",
        1 / 25.4,
        base={"chamber_max_temperature": "700 degC", "press_max_working_pressure": "100 MPa"},
    ),
    Threshold(
        "6.B.3",
        "isostatic_press",
        "chamber_max_temperature",
        ">=",
        600,
        "degC",
        "K",
        1.0,
        offset=273.15,
        base={"chamber_inside_diameter": "300 mm", "press_max_working_pressure": "100 MPa"},
    ),
    Threshold(
        "6.C.3",
        "graphite",
        "bulk_density",
        ">=",
        1.72,
        "g/cm**3",
        "lb/ft**3",
        1000 / LB * FOOT**3,
        base={"grain_size": "50 um", "machinable_cylinder_diameter": "150 mm", "machinable_cylinder_length": "60 mm"},
    ),
    Threshold(
        "9.A.3",
        "accelerometer",
        "accelerometer_bias_repeatability",
        "<",
        1250,
        "micro_g",
        "m/s**2",
        1e-6 * G0,
        base={"accelerometer_scale_factor_repeatability": "100 ppm"},
    ),
    Threshold("9.A.4", "gyro", "gyro_drift_rate_stability", "<", 0.5, "deg/hour", "arcsecond/s", 1.0),
    Threshold("9.A.7", "integrated_navigation_system", "navigation_accuracy_cep", "<=", 200, "m", "ft", 1 / FOOT),
    Threshold(
        "9.B.2.e",
        "centrifuge",
        "centrifuge_acceleration",
        ">",
        100,
        "gee",
        "m/s**2",
        G0,
        base={"slip_ring_capable": "yes"},
    ),
    Threshold(
        "11.A.3.b",
        "gnss_receiver",
        "gnss_navigation_speed",
        ">",
        600,
        "m/s",
        "km/h",
        3.6,
        base={"airborne_application": "yes", "gnss_secure_signal_decryption": "no", "gnss_anti_jam": "no"},
    ),
    Threshold(
        "12.A.3.a",
        "gravity_meter",
        "gravimeter_accuracy",
        "<=",
        0.7,
        "mGal",
        "m/s**2",
        1e-5,
        base={"gravimeter_platform": "airborne", "time_to_steady_state": "1 min"},
    ),
    Threshold(
        "15.B.3",
        "rocket_test_stand",
        "test_stand_thrust_capacity",
        ">",
        68,
        "kN",
        "lbf",
        1000 / LBF,
        base={"three_axis_thrust_measurement": "no"},
    ),
    Threshold("15.B.5", "electron_accelerator", "electron_energy", ">=", 2, "MeV", "J", 1e6 * ELECTRONVOLT),
    Threshold("18.A.1", "microcircuit", "total_dose_rating", ">=", 5e5, "rad_Si", "Gy", 0.01),
    Threshold(
        "19.A.1", "complete_rocket_system", "max_range", ">=", 300, "km", "nmi", 1 / 1.852, criterion="range_payload"
    ),
    Threshold(
        "19.A.3",
        "complete_uav_system",
        "aerosol_dispensing_capacity",
        ">",
        20,
        "L",
        "gallon",
        1 / US_GALLON,
        base={"autonomous_flight_control": "yes", "beyond_visual_range_control": "no"},
    ),
]

# Which side of the threshold meets the criterion, for each comparator: (above, at, below).
EXPECTED = {">=": (True, True, False), ">": (True, False, False), "<=": (False, True, True), "<": (False, False, True)}
POSITIONS = (("above", 1.01), ("at", 1.0), ("below", 0.99))


def _cases() -> list[object]:
    cases = []
    for threshold in THRESHOLDS:
        for index, (position, factor) in enumerate(POSITIONS):
            for system in ("annex unit", "other unit"):
                expected = EXPECTED[threshold.op][index]
                name = f"{threshold.entry}-{threshold.criterion_id}-{threshold.kind}-{position}-{system}"
                cases.append(pytest.param(threshold, factor, system, expected, id=name))
    return cases


def _value_text(threshold: Threshold, factor: float, system: str) -> str:
    # Move 1 % of the threshold's magnitude, so negative and offset scales move the right way.
    value = threshold.value + (factor - 1.0) * abs(threshold.value)
    if system == "annex unit":
        return f"{value!r} {threshold.unit}"
    return f"{value * threshold.per_unit + threshold.offset!r} {threshold.other_unit}"


def _judged(result: Classification, entry_id: str) -> EntryMatch:
    return next(m for m in (*result.matches, *result.rejected) if m.entry_id == entry_id)


@pytest.mark.parametrize(("threshold", "factor", "system", "expected"), _cases())
def test_threshold(annex: Annex, threshold: Threshold, factor: float, system: str, expected: bool) -> None:
    parameters = {**threshold.base, threshold.parameter: _value_text(threshold, factor, system)}
    item = describe(annex, threshold.kind, parameters, confirmed=["usable_in", "designed_or_modified_for"])  # type: ignore[arg-type]
    match = _judged(classify(annex, item), threshold.entry)
    criterion = next(c for c in match.criteria if c.criterion_id == threshold.criterion_id)
    assert criterion.verdict is (Verdict.MET if expected else Verdict.NOT_MET), criterion.reason
    if expected:
        assert match.status is not MatchStatus.NOT_CONTROLLED, match.reason
    else:
        assert match.status is MatchStatus.NOT_CONTROLLED, match.reason


def test_case_table_is_large_enough() -> None:
    assert len(_cases()) >= 60


# --- items that must match nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "parameters"),
    [
        ("solid_rocket_motor", {"total_impulse": "0.5 MN*s"}),
        ("hybrid_rocket_motor", {"total_impulse": "100000 lbf*s"}),
        ("liquid_rocket_engine", {"system_total_impulse": "200 kN*s"}),
        ("complete_rocket_system", {"range": "100 km", "payload": "200 kg"}),
        ("gyro", {"gyro_drift_rate_stability": "5 deg/hour", "rated_acceleration_level": "20 gee"}),
        (
            "accelerometer",
            {
                "accelerometer_bias_repeatability": "5000 micro_g",
                "accelerometer_scale_factor_repeatability": "5000 ppm",
                "rated_acceleration_level": "50 gee",
            },
        ),
        (
            "isostatic_press",
            {
                "press_max_working_pressure": "50 MPa",
                "chamber_max_temperature": "1000 degC",
                "chamber_inside_diameter": "500 mm",
            },
        ),
        ("electron_accelerator", {"electron_energy": "1 MeV"}),
        ("rocket_test_stand", {"test_stand_thrust_capacity": "20 kN", "three_axis_thrust_measurement": "no"}),
        (
            "turbojet_turbofan_engine",
            {
                "max_thrust_value": "300 N",
                "specific_fuel_consumption": "0.1 kg/(N*h)",
                "engine_dry_weight": "20 kg",
                "first_stage_rotor_diameter": "0.2 m",
            },
        ),
    ],
)
def test_items_below_every_threshold_match_nothing(annex: Annex, kind: str, parameters: dict[str, str]) -> None:
    # The analyst has ruled out missile-specific design, so only the thresholds decide.
    ruled_out = ["usable_in", "specially_designed_for", "designed_or_modified_for"]
    result = classify(annex, describe(annex, kind, parameters, denied=ruled_out))
    assert result.status is MatchStatus.NOT_CONTROLLED, [(m.entry_id, m.reason) for m in result.matches]
    assert result.category is None and not result.matches and result.rejected
    # Entries with thresholds must fail on the thresholds themselves, not only on the ruled-out conditions.
    assert all(m.logic is Verdict.NOT_MET for m in result.rejected if m.criteria), [
        (m.entry_id, m.logic) for m in result.rejected
    ]


# --- complete systems and the range/payload trade-off ---------------------------------------------


def _system(annex: Annex, **parameters: str) -> Classification:
    return classify(annex, describe(annex, "complete_rocket_system", parameters))


def _status(result: Classification, entry_id: str) -> MatchStatus:
    return _judged(result, entry_id).status


@pytest.mark.parametrize(
    ("range_", "payload", "category_one", "category_two"),
    [
        ("300 km", "500 kg", MatchStatus.CONTROLLED, MatchStatus.CONTROLLED),
        ("186.411358 mi", "1102.31131 lb", MatchStatus.CONTROLLED, MatchStatus.CONTROLLED),  # 300 km, 500 kg
        ("297 km", "500 kg", MatchStatus.NOT_CONTROLLED, MatchStatus.NOT_CONTROLLED),
        ("1000 km", "1000 kg", MatchStatus.CONTROLLED, MatchStatus.CONTROLLED),
        ("280 km", "800 kg", MatchStatus.NEEDS_CONFIRMATION, MatchStatus.NOT_CONTROLLED),  # the trade-off case
        ("400 km", "495 kg", MatchStatus.NEEDS_CONFIRMATION, MatchStatus.CONTROLLED),
        ("150 km", "300 kg", MatchStatus.NOT_CONTROLLED, MatchStatus.NOT_CONTROLLED),
    ],
)
def test_complete_rocket_systems(
    annex: Annex, range_: str, payload: str, category_one: MatchStatus, category_two: MatchStatus
) -> None:
    result = _system(annex, range=range_, payload=payload)
    assert _status(result, "1.A.1") is category_one
    assert _status(result, "19.A.1") is category_two


def test_trade_off_is_explained(annex: Annex) -> None:
    result = _system(annex, range="280 km", payload="800 kg")
    reason = _judged(result, "1.A.1").criteria[0].reason
    assert "trade-off" in reason and "500 kg" in reason
    assert result.status is MatchStatus.NEEDS_CONFIRMATION


def test_range_payload_curve_decides_the_trade_off(annex: Annex) -> None:
    curve = [RangePayloadPoint(300, 360e3), RangePayloadPoint(800, 280e3)]  # 328 km at 500 kg (linear)
    item = describe(
        annex, "complete_rocket_system", {"range": "280 km", "payload": "800 kg"}, range_payload_curve=curve
    )
    result = classify(annex, item)
    assert result.status is MatchStatus.CONTROLLED and result.category is Category.I
    assert "328 km" in _judged(result, "1.A.1").criteria[0].value


def test_curve_below_threshold_gives_category_two(annex: Annex) -> None:
    curve = [RangePayloadPoint(100, 350e3), RangePayloadPoint(500, 290e3)]
    item = describe(annex, "complete_rocket_system", {}, range_payload_curve=curve)
    result = classify(annex, item)
    assert _status(result, "1.A.1") is MatchStatus.NOT_CONTROLLED
    assert _status(result, "19.A.1") is MatchStatus.CONTROLLED
    assert result.category is Category.II


def test_curve_short_of_the_payload_gives_only_an_upper_bound(annex: Annex) -> None:
    far = describe(annex, "complete_rocket_system", {}, range_payload_curve=[RangePayloadPoint(200, 900e3)])
    assert _status(classify(annex, far), "1.A.1") is MatchStatus.NEEDS_CONFIRMATION
    near = describe(annex, "complete_rocket_system", {}, range_payload_curve=[RangePayloadPoint(200, 250e3)])
    assert _status(classify(annex, near), "1.A.1") is MatchStatus.NOT_CONTROLLED


def test_curve_lighter_than_every_point_gives_only_a_lower_bound(annex: Annex) -> None:
    curve = [RangePayloadPoint(600, 295e3), RangePayloadPoint(1000, 200e3)]
    short = classify(annex, describe(annex, "complete_rocket_system", {}, range_payload_curve=curve))
    assert _status(short, "1.A.1") is MatchStatus.NEEDS_CONFIRMATION  # with only 500 kg it may fly further
    curve = [RangePayloadPoint(600, 310e3), RangePayloadPoint(1000, 200e3)]
    long = classify(annex, describe(annex, "complete_rocket_system", {}, range_payload_curve=curve))
    assert _status(long, "1.A.1") is MatchStatus.CONTROLLED


def test_declared_point_beyond_the_curve_is_used(annex: Annex) -> None:
    item = describe(
        annex,
        "complete_rocket_system",
        {"range": "400 km", "payload": "600 kg"},
        range_payload_curve=[RangePayloadPoint(100, 700e3), RangePayloadPoint(400, 450e3)],
    )
    assert _status(classify(annex, item), "1.A.1") is MatchStatus.CONTROLLED


def test_maximum_range_below_threshold_settles_category_one(annex: Annex) -> None:
    result = classify(annex, describe(annex, "complete_rocket_system", {"max_range": "100 km"}))
    assert _status(result, "1.A.1") is MatchStatus.NOT_CONTROLLED
    assert _status(result, "19.A.1") is MatchStatus.NOT_CONTROLLED


def test_uav_systems_follow_the_same_rules(annex: Annex) -> None:
    result = classify(annex, describe(annex, "complete_uav_system", {"range": "2500 km", "payload": "450 kg"}))
    assert _status(result, "1.A.2") is MatchStatus.NEEDS_CONFIRMATION
    assert _status(result, "19.A.2") is MatchStatus.CONTROLLED


def test_stricter_regime_makes_the_280_km_missile_category_one() -> None:
    strict = load("strict-bilateral")
    result = classify(strict, describe(strict, "complete_rocket_system", {"range": "280 km", "payload": "800 kg"}))
    assert result.status is MatchStatus.CONTROLLED and result.category is Category.I
    assert "150 km" in _judged(result, "1.A.1").criteria[0].description


# --- incorporation ------------------------------------------------------------------------------


def _drone(annex: Annex, impulse: str, inseparable: bool = False) -> Classification:
    motor = describe(annex, "solid_rocket_motor", {"total_impulse": impulse}, name="booster", confirmed=["usable_in"])
    drone = describe(
        annex,
        "complete_uav_system",
        {"range": "120 km", "payload": "50 kg", "aerosol_dispensing_capacity": "0 L"},
        components=[Component(motor, inseparable=inseparable)],
    )
    return classify(annex, drone)


def test_system_incorporating_a_category_one_item_is_category_one(annex: Annex) -> None:
    result = _drone(annex, "1.3 MN*s")
    assert result.status is MatchStatus.CONTROLLED and result.category is Category.I
    assert result.incorporations[0].applies and result.incorporations[0].entry_id == "2.A.1.c.1"


def test_inseparable_category_one_item_does_not_propagate(annex: Annex) -> None:
    result = _drone(annex, "1.3 MN*s", inseparable=True)
    assert not result.incorporations[0].applies
    assert result.category is not Category.I


def test_category_two_component_does_not_make_category_one(annex: Annex) -> None:
    result = _drone(annex, "0.9 MN*s")
    assert not result.incorporations
    assert result.components[0].category is Category.II


# --- downgrades -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "parameters", "entry", "category"),
    [
        (
            "guidance_set",
            {"guidance_accuracy_ratio": "1 percent", "end_system_range": "250 km"},
            "2.A.1.d",
            Category.II,
        ),
        (
            "guidance_set",
            {
                "guidance_accuracy_ratio": "1 percent",
                "end_system_kind": "manned_aircraft",
                "end_system_range": "1500 km",
            },
            "2.A.1.d",
            Category.II,
        ),
        (
            "guidance_set",
            {
                "guidance_accuracy_ratio": "1 percent",
                "end_system_range": "1000 km",
                "end_system_kind": "ballistic_missile",
            },
            "2.A.1.d",
            Category.I,
        ),
        (
            "liquid_rocket_engine",
            {"system_total_impulse": "2 MN*s", "vacuum_thrust": "400 N", "end_system_kind": "satellite"},
            "2.A.1.c.2",
            Category.II,
        ),
        (
            "liquid_rocket_engine",
            {"system_total_impulse": "2 MN*s", "vacuum_thrust": "2 kN", "end_system_kind": "satellite"},
            "2.A.1.c.2",
            Category.I,
        ),
        (
            "liquid_rocket_engine",
            {"system_total_impulse": "2 MN*s", "vacuum_thrust": "224.8 lbf", "end_system_kind": "satellite"},
            "2.A.1.c.2",
            Category.II,
        ),  # 999.97 N
        (
            "heat_shield",
            {"heat_shield_material": "ablative", "payload_purpose": "non_weapon"},
            "2.A.1.b.1",
            Category.II,
        ),
        ("heat_shield", {"heat_shield_material": "ablative", "payload_purpose": "weapon"}, "2.A.1.b.1", Category.I),
    ],
)
def test_downgrades(annex: Annex, kind: str, parameters: dict[str, str], entry: str, category: Category) -> None:
    result = classify(annex, describe(annex, kind, parameters, confirmed=["usable_in"]))
    match = _judged(result, entry)
    assert match.listed_category is Category.I
    assert match.category is category
    assert result.category is category


def test_downgrade_requirements_are_reported(annex: Annex) -> None:
    item = describe(
        annex,
        "liquid_rocket_engine",
        {"system_total_impulse": "2 MN*s", "vacuum_thrust": "400 N", "end_system_kind": "satellite"},
    )
    note = _judged(classify(annex, item), "2.A.1.c.2").downgrades[0]
    assert note.verdict is Verdict.MET and any("end-use" in r for r in note.requires)


# --- conditions and exclusions --------------------------------------------------------------------


def test_usable_in_needs_confirmation_unless_decided(annex: Annex) -> None:
    plain = classify(annex, describe(annex, "solid_rocket_motor", {"total_impulse": "1.2 MN*s"}))
    assert plain.status is MatchStatus.NEEDS_CONFIRMATION
    assert "analyst" in plain.matches[0].conditions[0].reason
    confirmed = classify(
        annex, describe(annex, "solid_rocket_motor", {"total_impulse": "1.2 MN*s"}, confirmed=["usable_in"])
    )
    assert confirmed.status is MatchStatus.CONTROLLED and confirmed.category is Category.I
    denied = classify(annex, describe(annex, "solid_rocket_motor", {"total_impulse": "1.2 MN*s"}, denied=["usable_in"]))
    assert denied.status is MatchStatus.NOT_CONTROLLED


def test_declared_end_system_is_evidence_not_a_decision(annex: Annex) -> None:
    item = describe(annex, "solid_rocket_motor", {"total_impulse": "1.2 MN*s"}, for_entries=["1.A.1"])
    condition = classify(annex, item).matches[0].conditions[0]
    assert condition.status.value == "needs analyst confirmation" and "1.A.1" in condition.reason


def test_missing_parameter_is_unknown_not_cleared(annex: Annex) -> None:
    result = classify(annex, describe(annex, "solid_rocket_motor", {}))
    assert result.status is MatchStatus.NEEDS_CONFIRMATION
    assert all(c.verdict is Verdict.UNKNOWN for m in result.matches for c in m.criteria)


def test_civil_certified_engine_exclusion(annex: Annex) -> None:
    engine = {
        "max_thrust_value": "20 kN",
        "specific_fuel_consumption": "0.1 kg/(N*h)",
        "engine_dry_weight": "600 kg",
        "first_stage_rotor_diameter": "0.9 m",
    }
    unknown = classify(annex, describe(annex, "turbojet_turbofan_engine", engine))
    assert _status(unknown, "3.A.1.a") is MatchStatus.NEEDS_CONFIRMATION
    certified = classify(annex, describe(annex, "turbojet_turbofan_engine", {**engine, "civil_certified": "yes"}))
    assert _status(certified, "3.A.1.a") is MatchStatus.NOT_CONTROLLED
    assert "excluded" in _judged(certified, "3.A.1.a").reason
    military = classify(annex, describe(annex, "turbojet_turbofan_engine", {**engine, "civil_certified": "no"}))
    assert _status(military, "3.A.1.a") is MatchStatus.CONTROLLED and military.category is Category.II


def test_software_is_matched_through_the_items_it_serves(annex: Annex) -> None:
    result = classify(annex, describe(annex, "software", {}, for_entries=["2.A.1.c.1"]))
    matched = {m.entry_id for m in result.matches}
    assert "2.D.2" in matched  # software for the use of 2.A.1.c motors
    assert not matched & {"1.D.1", "2.D.3", "3.D.2", "9.D.1"}  # software for other items is ruled out
    assert result.status is MatchStatus.NEEDS_CONFIRMATION  # what the software does is not yet known


def test_software_function_decides_between_use_and_modelling(annex: Annex) -> None:
    facts = {"software_function": "use", "public_domain": "no"}
    use = classify(annex, describe(annex, "software", facts, for_entries=["2.A.1.c.1"]))
    assert {m.entry_id for m in use.matches} == {"2.D.2"}
    assert use.status is MatchStatus.CONTROLLED and use.category is Category.I
    facts = {"software_function": "modelling_simulation", "public_domain": "no"}
    modelling = classify(annex, describe(annex, "software", facts, for_entries=["2.A.1.c.1"]))
    assert {m.entry_id for m in modelling.matches} == {"16.D.1"}
    assert modelling.category is Category.II


def test_general_software_and_technology_notes(annex: Annex) -> None:
    public = describe(annex, "software", {"software_function": "use", "public_domain": "yes"}, for_entries=["2.A.1.c"])
    assert classify(annex, public).status is MatchStatus.NOT_CONTROLLED
    research = describe(annex, "technology", {"basic_scientific_research": "yes"}, for_entries=["9.A.4"])
    assert classify(annex, research).status is MatchStatus.NOT_CONTROLLED
    facts = {"technology_function": "development", "public_domain": "no", "basic_scientific_research": "no"}
    result = classify(annex, describe(annex, "technology", facts, for_entries=["9.A.4"]))
    assert result.status is MatchStatus.CONTROLLED and result.category is Category.II
    assert [m.entry_id for m in result.matches if m.status is MatchStatus.CONTROLLED] == ["9.E.1"]


def test_chemicals_are_matched_by_cas_number(annex: Annex) -> None:
    result = classify(annex, describe(annex, "propellant_chemical", {"cas_number": "86147-04-8"}))
    assert "4.C.2.g" in {m.entry_id for m in result.matches if m.status is MatchStatus.CONTROLLED}


def test_a_failed_threshold_beats_a_missing_one(annex: Annex) -> None:
    result = classify(annex, describe(annex, "turbojet_turbofan_engine", {"max_thrust_value": "300 N"}))
    match = _judged(result, "3.A.1.a")
    assert match.logic is Verdict.NOT_MET and match.status is MatchStatus.NOT_CONTROLLED


def test_a_missing_threshold_with_the_rest_met_is_unknown(annex: Annex) -> None:
    result = classify(annex, describe(annex, "turbojet_turbofan_engine", {"max_thrust_value": "3 kN"}))
    assert _judged(result, "3.A.1.a").logic is Verdict.UNKNOWN


def test_incorporation_of_an_unconfirmed_category_one_item_needs_confirmation(annex: Annex) -> None:
    motor = describe(annex, "solid_rocket_motor", {"total_impulse": "1.3 MN*s"}, name="booster")
    drone = describe(
        annex, "complete_uav_system", {"range": "120 km", "payload": "50 kg"}, components=[Component(motor)]
    )
    result = classify(annex, drone)
    assert result.status is MatchStatus.NEEDS_CONFIRMATION and result.category is Category.I


def test_incorporation_reaches_through_nested_components(annex: Annex) -> None:
    motor = describe(annex, "solid_rocket_motor", {"total_impulse": "1.3 MN*s"}, confirmed=["usable_in"])
    module = describe(
        annex, "rocket_stage", {}, name="propulsion module", denied=["usable_in"], components=[Component(motor)]
    )
    drone = describe(
        annex, "complete_uav_system", {"range": "120 km", "payload": "50 kg"}, components=[Component(module)]
    )
    result = classify(annex, drone)
    assert result.status is MatchStatus.CONTROLLED and result.category is Category.I
    assert "by incorporation" in result.summary


def test_summary_names_a_pending_category_one_entry(annex: Annex) -> None:
    result = classify(annex, describe(annex, "complete_uav_system", {"range": "2500 km", "payload": "450 kg"}))
    assert result.category is Category.II
    assert "Category I if confirmed (1.A.2)" in result.summary


def test_ruling_out_for_items_wins_over_the_declaration(annex: Annex) -> None:
    facts = {"software_function": "use", "public_domain": "no"}
    item = describe(annex, "software", facts, for_entries=["2.A.1.c.1"], denied=["for_items"])
    assert classify(annex, item).status is MatchStatus.NOT_CONTROLLED


def test_a_broad_declaration_needs_confirmation(annex: Annex) -> None:
    facts = {"software_function": "use", "public_domain": "no"}
    result = classify(annex, describe(annex, "software", facts, for_entries=["2"]))
    assert result.status is MatchStatus.NEEDS_CONFIRMATION
    assert all(m.status is MatchStatus.NEEDS_CONFIRMATION for m in result.matches)


def test_strict_regime_moves_the_guidance_downgrade() -> None:
    strict = load("strict-bilateral")
    facts = {
        "guidance_accuracy_ratio": "1 percent",
        "end_system_range": "200 km",
        "end_system_kind": "ballistic_missile",
    }
    result = classify(strict, describe(strict, "guidance_set", facts, confirmed=["usable_in"]))
    assert result.category is Category.I

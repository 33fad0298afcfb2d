"""Case table: facts of a transfer -> expected recommendation, decisive effect and fired rules.

The first cases are the 1988-record demonstrations (M-11 to Pakistan, HY-2 "Silkworm" to Iran, a
1.2 MN*s motor for a space programme, a guidance set for manned aircraft, a filament-winding machine
for a partner's civil programme). Expected sets name every rule that fires, so a rule that starts or
stops firing shows up here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import pytest

from mtcr.policy import (
    Analysis,
    Assurance,
    DenialNotificationMatch,
    Effect,
    FactorAnswer,
    ItemCategory,
    PartyRole,
    PolicyDocument,
    Recommendation,
    RuleStatus,
    ScreeningStatus,
    SystemRole,
    TransferFacts,
    TransferItem,
    TransferParty,
    WmdEndUse,
    evaluate,
)

ONE, TWO, NC = ItemCategory.I, ItemCategory.II, ItemCategory.NOT_CONTROLLED
YES, NO = FactorAnswer.YES, FactorAnswer.NO

# The Guidelines' factors answered with no concern.
CLEAR_FACTORS: dict[str, FactorAnswer] = {
    "a-wmd-concerns": NO,
    "b-programmes": NO,
    "c-significance": NO,
    "d-end-use": YES,
    "e-agreements": NO,
    "f-terrorism": NO,
}
STANDARD = frozenset({Assurance.END_USER_UNDERTAKING, Assurance.NO_RETRANSFER_WITHOUT_CONSENT})
ALL_ASSURANCES = frozenset(Assurance)

CAT_I = {"MTCR-G-2", "MTCR-G-4", "MTCR-G-7", "MTCR-G-8", "MTCR-G-14"}  # any Category I item
CAT_II = {"MTCR-G-2", "MTCR-G-8", "MTCR-G-14"}  # any Category II item
FACILITY = {"MTCR-G-2", "MTCR-G-6", "MTCR-G-8", "MTCR-G-14"}  # a Category I production facility

M11 = TransferItem("M-11 missile", 34, ONE, ("1.A.1",), system_role=SystemRole.SHORT_RANGE_BALLISTIC)
HY2 = TransferItem("HY-2 Silkworm anti-ship missile", 30, NC, system_role=SystemRole.ANTI_SHIP)
MOTOR = TransferItem("solid rocket motor, total impulse 1.2 MN*s", 2, ONE, ("2.A.1.c.1",))
GUIDANCE = TransferItem("inertial guidance set for manned aircraft", 4, TWO, ("2.A.1.d",), listed_category=ONE)
WINDER = TransferItem("filament-winding machine", 1, TWO, ("6.B.1",))
FACILITY_ITEM = TransferItem("solid rocket motor production facility", 1, ONE, ("2.B.1",), is_production_facility=True)
SCREWS = TransferItem("stainless machine screws", 5000, NC)
SRBM = TransferItem(
    "short-range ballistic missile, 300 km with 450 kg",
    6,
    TWO,
    ("19.A.1",),
    system_role=SystemRole.SHORT_RANGE_BALLISTIC,
)
UAV = TransferItem("reconnaissance UAV, 350 km", 2, TWO, ("19.A.2",), system_role=SystemRole.UAV)
APOGEE = TransferItem("apogee engine, 0.4 kN vacuum thrust", 2, TWO, ("2.A.1.c.2",), listed_category=ONE)


def facts(
    destination: str,
    *items: TransferItem,
    assurances: frozenset[Assurance] = STANDARD,
    checklist: Mapping[str, FactorAnswer] | None = None,
    end_use: str = "civil research",
    end_use_location: str = "Tsukuba",
    parties: tuple[TransferParty, ...] = (),
    wmd: WmdEndUse = WmdEndUse.NONE,
    denials: tuple[DenialNotificationMatch, ...] = (),
    technical: bool = False,
    stability: bool = False,
) -> TransferFacts:
    return TransferFacts(
        destination=destination,
        items=items,
        end_use=end_use,
        end_use_location=end_use_location,
        parties=parties,
        wmd_end_use=wmd,
        assurances=assurances,
        checklist=CLEAR_FACTORS if checklist is None else checklist,
        denial_matches=denials,
        technical_assessment_done=technical,
        regional_stability_analysis_done=stability,
    )


def with_factors(**answers: FactorAnswer) -> dict[str, FactorAnswer]:
    return {**CLEAR_FACTORS, **{key.replace("_", "-"): value for key, value in answers.items()}}


def party(screening: ScreeningStatus) -> tuple[TransferParty, ...]:
    return (TransferParty("Example Trading Co.", PartyRole.END_USER, screening),)


PENDING = DenialNotificationMatch("GB", "GB-DN-1988-014", 0.92)
CONSULTED = DenialNotificationMatch("GB", "GB-DN-1988-014", 0.92, consultation_completed=True)


@dataclass(frozen=True)
class Case:
    facts: TransferFacts
    recommendation: Recommendation
    decisive: Effect | None
    fired: set[str]


DENY, REFER = Recommendation.DENY, Recommendation.REFER_CASE_BY_CASE
APPROVE, FREE = Recommendation.APPROVE_WITH_PROVISOS, Recommendation.NO_LICENCE_REQUIRED

DEMO_M11 = facts(
    "PK", M11, assurances=frozenset(), checklist={}, end_use="army missile force", end_use_location="Sargodha"
)
DEMO_HY2 = facts(
    "IR", HY2, assurances=frozenset(), checklist={}, end_use="coastal defence", end_use_location="Strait of Hormuz"
)

CASES = [
    # --- the 1988-record demonstrations ---
    pytest.param(
        Case(
            DEMO_M11,
            DENY,
            Effect.DENY_PRESUMPTION,
            CAT_I | {"NAT-EX-3", "NAT-EX-4", "NAT-EX-6"},
        ),
        id="demo-m11-to-pakistan-category-i-presumption-of-denial",
    ),
    pytest.param(
        Case(
            DEMO_HY2,
            REFER,
            Effect.REFER,
            {"NAT-EX-2", "NAT-EX-4", "NAT-EX-6"},
        ),
        id="demo-hy2-silkworm-to-iran-case-by-case-regional-stability",
    ),
    pytest.param(
        Case(
            facts(
                "IR",
                HY2,
                checklist={"nat-regional-balance": NO},
                technical=True,
                stability=True,
                end_use="coastal defence",
                end_use_location="Strait of Hormuz",
            ),
            REFER,
            Effect.REFER,
            {"NAT-EX-2", "NAT-EX-4", "NAT-EX-6"},
        ),
        id="demo-hy2-to-iran-analyses-done-still-referred-for-region",
    ),
    pytest.param(
        Case(
            facts("BR", MOTOR, end_use="national space launch vehicle programme", end_use_location="Alcantara"),
            DENY,
            Effect.DENY_PRESUMPTION,
            CAT_I,
        ),
        id="demo-1.2MNs-motor-for-space-programme-category-i-component",
    ),
    pytest.param(
        Case(facts("MY", GUIDANCE, checklist={}), REFER, Effect.REQUIRE_CHECKLIST, CAT_II | {"MTCR-G-3", "NAT-EX-5"}),
        id="demo-guidance-set-for-manned-aircraft-downgraded-case-by-case-checklist",
    ),
    pytest.param(
        Case(facts("JP", WINDER), APPROVE, Effect.LICENCE_REQUIRED, CAT_II),
        id="demo-filament-winder-to-partner-civil-programme-approve-with-provisos",
    ),
    # --- Category II: what blocks an approval ---
    pytest.param(
        Case(facts("JP", WINDER, assurances=frozenset()), REFER, Effect.REQUIRE_ASSURANCE, CAT_II),
        id="filament-winder-without-assurances",
    ),
    pytest.param(
        Case(
            facts("JP", WINDER, checklist={"a-wmd-concerns": NO, "b-programmes": NO}),
            REFER,
            Effect.REQUIRE_CHECKLIST,
            CAT_II,
        ),
        id="filament-winder-checklist-incomplete",
    ),
    pytest.param(
        Case(facts("JP", WINDER, end_use=""), REFER, Effect.REFER, CAT_II | {"MTCR-G-14a"}),
        id="end-use-not-stated",
    ),
    pytest.param(
        Case(
            facts("JP", WINDER, checklist=with_factors(a_wmd_concerns=YES)), REFER, Effect.REFER, CAT_II | {"MTCR-G-8a"}
        ),
        id="factor-a-wmd-concern-refers",
    ),
    pytest.param(
        Case(facts("JP", WINDER, checklist=with_factors(d_end_use=NO)), REFER, Effect.REFER, CAT_II | {"MTCR-G-8a"}),
        id="factor-d-end-use-unsatisfactory-refers",
    ),
    pytest.param(
        Case(facts("JP", WINDER, checklist=with_factors(f_terrorism=YES)), REFER, Effect.REFER, CAT_II | {"MTCR-G-8a"}),
        id="factor-f-terrorism-risk-refers",
    ),
    pytest.param(
        Case(
            facts("JP", WINDER, checklist=with_factors(c_significance=YES)),
            REFER,
            Effect.REQUIRE_ASSURANCE,
            CAT_II | {"MTCR-G-10"},
        ),
        id="factor-c-significant-needs-government-assurances",
    ),
    pytest.param(
        Case(
            facts(
                "JP",
                WINDER,
                checklist=with_factors(c_significance=YES),
                assurances=STANDARD | {Assurance.GOVERNMENT_TO_GOVERNMENT},
            ),
            APPROVE,
            Effect.LICENCE_REQUIRED,
            CAT_II | {"MTCR-G-10"},
        ),
        id="factor-c-significant-with-government-assurances-approvable",
    ),
    pytest.param(
        Case(facts("FR", APOGEE), APPROVE, Effect.LICENCE_REQUIRED, CAT_II | {"MTCR-G-3"}),
        id="apogee-engine-downgrade-to-partner",
    ),
    # --- Category I ---
    pytest.param(
        Case(facts("JP", MOTOR, assurances=ALL_ASSURANCES), DENY, Effect.DENY_PRESUMPTION, CAT_I),
        id="category-i-with-every-assurance-still-presumed-denied",
    ),
    pytest.param(
        Case(facts("JP", FACILITY_ITEM, assurances=ALL_ASSURANCES), DENY, Effect.NOT_TRANSFERRED, FACILITY),
        id="category-i-production-facility-not-transferred",
    ),
    pytest.param(
        Case(facts("JP", WINDER, FACILITY_ITEM), DENY, Effect.NOT_TRANSFERRED, FACILITY),
        id="facility-with-category-ii-item-not-transferred",
    ),
    pytest.param(
        Case(facts("JP", MOTOR, wmd=WmdEndUse.KNOWN), DENY, Effect.DENY, CAT_I | {"MTCR-G-5", "MTCR-G-12"}),
        id="category-i-known-wmd-end-use-denied",
    ),
    # --- catch-all ---
    pytest.param(Case(facts("JP", SCREWS), FREE, None, set()), id="uncontrolled-no-licence-required"),
    pytest.param(
        Case(facts("JP", SCREWS, wmd=WmdEndUse.SUSPECTED), REFER, Effect.REFER, {"MTCR-G-8", "MTCR-G-12"}),
        id="uncontrolled-suspected-wmd-catch-all-refers",
    ),
    pytest.param(
        Case(facts("JP", SCREWS, wmd=WmdEndUse.KNOWN), DENY, Effect.DENY, {"MTCR-G-5", "MTCR-G-8", "MTCR-G-12"}),
        id="uncontrolled-known-wmd-catch-all-denied",
    ),
    pytest.param(
        Case(facts("JP", WINDER, wmd=WmdEndUse.KNOWN), DENY, Effect.DENY, CAT_II | {"MTCR-G-5", "MTCR-G-12"}),
        id="category-ii-known-wmd-denied",
    ),
    pytest.param(
        Case(facts("JP", WINDER, wmd=WmdEndUse.SUSPECTED), REFER, Effect.REFER, CAT_II | {"MTCR-G-10", "MTCR-G-12"}),
        id="category-ii-suspected-wmd-refers",
    ),
    # --- screening ---
    pytest.param(
        Case(
            facts("JP", WINDER, parties=party(ScreeningStatus.POSSIBLE_MATCH)),
            REFER,
            Effect.REFER,
            CAT_II | {"MTCR-G-SCREEN-1"},
        ),
        id="category-ii-possible-screening-match-refers",
    ),
    pytest.param(
        Case(
            facts("JP", WINDER, parties=party(ScreeningStatus.CONFIRMED_MATCH)),
            DENY,
            Effect.DENY_PRESUMPTION,
            CAT_II | {"MTCR-G-SCREEN-2"},
        ),
        id="category-ii-confirmed-screening-match-presumed-denied",
    ),
    pytest.param(
        Case(
            facts("JP", SCREWS, parties=party(ScreeningStatus.POSSIBLE_MATCH)), REFER, Effect.REFER, {"MTCR-G-SCREEN-1"}
        ),
        id="uncontrolled-possible-screening-match-refers",
    ),
    pytest.param(
        Case(
            facts("JP", SCREWS, parties=party(ScreeningStatus.CONFIRMED_MATCH)),
            DENY,
            Effect.DENY_PRESUMPTION,
            {"MTCR-G-SCREEN-2"},
        ),
        id="uncontrolled-confirmed-screening-match-presumed-denied",
    ),
    pytest.param(
        Case(
            facts("JP", WINDER, parties=(TransferParty("Clear Co.", PartyRole.CONSIGNEE),)),
            APPROVE,
            Effect.LICENCE_REQUIRED,
            CAT_II,
        ),
        id="clear-party-does-not-fire",
    ),
    # --- no undercut ---
    pytest.param(
        Case(facts("JP", WINDER, denials=(PENDING,)), REFER, Effect.REQUIRE_CONSULTATION, CAT_II | {"MTCR-G-16"}),
        id="denial-match-consultation-pending-blocks-approval",
    ),
    pytest.param(
        Case(facts("JP", WINDER, denials=(CONSULTED,)), APPROVE, Effect.LICENCE_REQUIRED, CAT_II),
        id="denial-match-consultation-completed",
    ),
    # --- national policy ---
    pytest.param(
        Case(facts("KP", WINDER), DENY, Effect.DENY, CAT_II | {"NAT-EX-1", "NAT-EX-5"}),
        id="category-ii-to-embargoed-destination-denied",
    ),
    pytest.param(
        Case(facts("KP", SCREWS), DENY, Effect.DENY, {"NAT-EX-1"}),
        id="uncontrolled-to-embargoed-destination-denied",
    ),
    pytest.param(
        Case(facts("IN", WINDER), REFER, Effect.REFER, CAT_II | {"NAT-EX-3"}),
        id="arms-race-pair-partner-india-refers",
    ),
    pytest.param(
        Case(facts("PK", WINDER), REFER, Effect.REFER, CAT_II | {"NAT-EX-3", "NAT-EX-5"}),
        id="arms-race-pair-pakistan-refers-and-needs-verification",
    ),
    pytest.param(
        Case(facts("SA", WINDER), REFER, Effect.REFER, CAT_II | {"NAT-EX-2", "NAT-EX-5"}),
        id="gulf-region-category-ii-refers",
    ),
    pytest.param(
        Case(facts("MY", WINDER), REFER, Effect.REQUIRE_ASSURANCE, CAT_II | {"NAT-EX-5"}),
        id="non-partner-category-ii-needs-end-use-verification",
    ),
    pytest.param(
        Case(
            facts("MY", WINDER, assurances=STANDARD | {Assurance.END_USE_VERIFICATION}),
            APPROVE,
            Effect.LICENCE_REQUIRED,
            CAT_II | {"NAT-EX-5"},
        ),
        id="non-partner-category-ii-with-verification-approvable",
    ),
    pytest.param(
        Case(
            facts("JP", SRBM, checklist=with_factors(nat_regional_balance=NO), technical=True, stability=True),
            APPROVE,
            Effect.LICENCE_REQUIRED,
            CAT_II | {"NAT-EX-4", "NAT-EX-6"},
        ),
        id="category-ii-srbm-to-partner-with-analyses-approvable",
    ),
    pytest.param(
        Case(
            facts("JP", SRBM, checklist=with_factors(nat_regional_balance=NO), technical=True),
            REFER,
            Effect.REQUIRE_ANALYSIS,
            CAT_II | {"NAT-EX-4", "NAT-EX-6"},
        ),
        id="category-ii-srbm-without-regional-stability-analysis",
    ),
    pytest.param(
        Case(
            facts("JP", UAV, checklist=with_factors(nat_regional_balance=YES)),
            REFER,
            Effect.REFER,
            CAT_II | {"NAT-EX-6", "NAT-EX-7"},
        ),
        id="complete-uav-upsetting-regional-balance-refers",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_case(case: Case, guidelines: PolicyDocument, national: PolicyDocument) -> None:
    result = evaluate(case.facts, guidelines, national)
    assert result.fired_rule_ids == case.fired, result.summary
    assert result.recommendation is case.recommendation, result.summary
    assert result.decisive_effect is case.decisive, result.summary
    for rule in result.fired:
        assert rule.reason, rule.rule_id
    assert "officer decides" in result.summary


def test_enough_cases() -> None:
    assert len(CASES) >= 30


def test_m11_result_explains_and_records_versions(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    result = evaluate(DEMO_M11, guidelines, national)
    presumption = result.rule("MTCR-G-4")
    assert presumption is not None
    assert "M-11 missile" in presumption.reason and "Category I" in presumption.reason
    assert "Guidelines para 2" in presumption.source
    arms_race = result.rule("NAT-EX-3")
    assert arms_race is not None and "PK" in arms_race.reason
    assert result.guidelines.policy_id == "mtcr-guidelines" and result.guidelines.version == guidelines.version
    assert result.national.policy_id == "national-example" and result.national.version == national.version
    assert result.engine_version
    assert result.decisive_rule_ids == ("MTCR-G-4",)
    assert set(result.missing_assurances) == set(Assurance)
    assert set(result.missing_analyses) == {Analysis.TECHNICAL_ASSESSMENT, Analysis.REGIONAL_STABILITY}


def test_hy2_needs_both_analyses(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    result = evaluate(DEMO_HY2, guidelines, national)
    assert result.missing_analyses == (Analysis.TECHNICAL_ASSESSMENT, Analysis.REGIONAL_STABILITY)
    analysis = result.rule("NAT-EX-4")
    assert analysis is not None and analysis.status is RuleStatus.OUTSTANDING
    assert "ANTI_SHIP" in analysis.reason
    region = result.rule("NAT-EX-2")
    assert region is not None and "IR" in region.reason and "complete system" in region.reason


def test_guidance_set_lists_unanswered_questions(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    result = evaluate(facts("MY", GUIDANCE, checklist={"a-wmd-concerns": NO}), guidelines, national)
    assert [q.factor_id for q in result.unanswered_questions] == [
        "b-programmes",
        "c-significance",
        "d-end-use",
        "e-agreements",
        "f-terrorism",
    ]
    assert "quantity limited to what the excepted end use needs" in result.provisos
    assert result.missing_assurances == (Assurance.END_USE_VERIFICATION,)


def test_approval_lists_its_provisos(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    result = evaluate(facts("JP", WINDER), guidelines, national)
    assert result.recommendation is Recommendation.APPROVE_WITH_PROVISOS
    assert set(result.required_assurances) == STANDARD
    assert result.missing_assurances == ()
    assert result.unanswered_questions == () and result.consultations_required == ()
    assert {f"assurance {a}" for a in STANDARD} <= set(result.provisos)
    assert all(rule.status is not RuleStatus.OUTSTANDING for rule in result.fired)


def test_pending_consultation_is_listed(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    result = evaluate(facts("JP", WINDER, denials=(PENDING, CONSULTED)), guidelines, national)
    assert [(c.notifying_government, c.notification_id, c.rule_id) for c in result.consultations_required] == [
        ("GB", "GB-DN-1988-014", "MTCR-G-16")
    ]
    rule = result.rule("MTCR-G-16")
    assert rule is not None and "pending" in rule.reason and "GB-DN-1988-014" in rule.reason


def test_concerns_are_reported(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    result = evaluate(facts("JP", WINDER, checklist=with_factors(d_end_use=NO)), guidelines, national)
    assert [q.factor_id for q in result.concerns] == ["d-end-use"]


def test_facts_are_kept_on_the_result(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    given = facts("JP", WINDER)
    result = evaluate(given, guidelines, national)
    assert result.facts is given
    assert evaluate(replace(given), guidelines, national) == result

"""Precedence of effects, input validation, and facts built from classifier and matcher records."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from mtcr.annex import Annex, classify, describe
from mtcr.errors import DataFileError, InputError
from mtcr.policy import (
    DenialNotificationMatch,
    Effect,
    FactorAnswer,
    FiredRule,
    ItemCategory,
    PolicyDocument,
    PolicyVersion,
    Recommendation,
    RuleStatus,
    ScreeningStatus,
    TransferFacts,
    TransferItem,
    TransferParty,
    combine,
    evaluate,
    load_policy,
    rank,
)
from mtcr.policy.model import REQUIREMENT_EFFECTS, PartyRole
from mtcr.screening.matcher import MATCHER_VERSION
from mtcr.screening.model import Match

VERSION = PolicyVersion("test", "0", "test")


def fired(effect: Effect, status: RuleStatus | None = None, rule_id: str | None = None) -> FiredRule:
    if status is None:
        status = RuleStatus.OUTSTANDING if effect in REQUIREMENT_EFFECTS else RuleStatus.APPLIES
    return FiredRule(rule_id or f"T-{effect}-{status}", "t", "s", VERSION, effect, status, "because")


MET, OUT = RuleStatus.MET, RuleStatus.OUTSTANDING

PRECEDENCE = [
    pytest.param([], Recommendation.NO_LICENCE_REQUIRED, None, id="nothing-fired"),
    pytest.param(
        [fired(Effect.LICENCE_REQUIRED), fired(Effect.DENY_PRESUMPTION), fired(Effect.REFER), fired(Effect.DENY),
         fired(Effect.NOT_TRANSFERRED)],
        Recommendation.DENY, Effect.NOT_TRANSFERRED, id="not-transferred-beats-all",
    ),
    pytest.param([fired(Effect.DENY_PRESUMPTION), fired(Effect.DENY)], Recommendation.DENY, Effect.DENY,
                 id="catch-all-deny-beats-presumption"),
    pytest.param([fired(Effect.REFER), fired(Effect.DENY_PRESUMPTION)], Recommendation.DENY, Effect.DENY_PRESUMPTION,
                 id="presumption-beats-refer"),
    pytest.param([fired(Effect.DENY_PRESUMPTION), fired(Effect.REQUIRE_CONSULTATION, OUT)], Recommendation.DENY,
                 Effect.DENY_PRESUMPTION, id="presumption-beats-outstanding-consultation"),
    pytest.param([fired(Effect.LICENCE_REQUIRED), fired(Effect.REFER)], Recommendation.REFER_CASE_BY_CASE,
                 Effect.REFER, id="refer-beats-licence"),
    pytest.param([fired(Effect.REQUIRE_ASSURANCE, OUT), fired(Effect.REFER)], Recommendation.REFER_CASE_BY_CASE,
                 Effect.REFER, id="refer-named-before-requirements"),
    pytest.param([fired(Effect.LICENCE_REQUIRED), fired(Effect.REQUIRE_ASSURANCE, OUT)],
                 Recommendation.REFER_CASE_BY_CASE, Effect.REQUIRE_ASSURANCE, id="outstanding-assurance-refers"),
    pytest.param([fired(Effect.LICENCE_REQUIRED), fired(Effect.REQUIRE_CONSULTATION, OUT),
                  fired(Effect.REQUIRE_ASSURANCE, OUT)],
                 Recommendation.REFER_CASE_BY_CASE, Effect.REQUIRE_CONSULTATION, id="consultation-named-first"),
    pytest.param([fired(Effect.LICENCE_REQUIRED), fired(Effect.REQUIRE_ASSURANCE, MET)],
                 Recommendation.APPROVE_WITH_PROVISOS, Effect.LICENCE_REQUIRED, id="met-requirements-are-provisos"),
    pytest.param([fired(Effect.REQUIRE_ANALYSIS, MET)], Recommendation.APPROVE_WITH_PROVISOS,
                 Effect.REQUIRE_ANALYSIS, id="met-requirement-alone"),
    pytest.param([fired(Effect.REQUIRE_CHECKLIST, OUT)], Recommendation.REFER_CASE_BY_CASE,
                 Effect.REQUIRE_CHECKLIST, id="outstanding-checklist-alone"),
]  # fmt: skip


@pytest.mark.parametrize(("rules", "recommendation", "effect"), PRECEDENCE)
def test_precedence(rules: list[FiredRule], recommendation: Recommendation, effect: Effect | None) -> None:
    got, decisive_effect, decisive_ids = combine(tuple(rules))
    assert (got, decisive_effect) == (recommendation, effect)
    assert all(rank(rule) == max(rank(r) for r in rules) for rule in rules if rule.rule_id in decisive_ids)


_PERMISSIVENESS = {
    Recommendation.DENY: 0,
    Recommendation.REFER_CASE_BY_CASE: 1,
    Recommendation.APPROVE_WITH_PROVISOS: 2,
    Recommendation.NO_LICENCE_REQUIRED: 3,
}
_ALL = [fired(e) for e in Effect] + [fired(e, MET) for e in REQUIREMENT_EFFECTS]


def test_adding_a_rule_never_makes_the_recommendation_more_permissive() -> None:
    for size in range(3):
        for rules in itertools.combinations(_ALL, size):
            before = _PERMISSIVENESS[combine(rules)[0]]
            for extra in _ALL:
                assert _PERMISSIVENESS[combine((*rules, extra))[0]] <= before, (rules, extra)


# --- input validation ---


WINDER = TransferItem("filament-winding machine", 1, ItemCategory.II, ("6.B.1",))


@pytest.mark.parametrize(
    ("build", "field"),
    [
        pytest.param(lambda: TransferFacts("pk", (WINDER,)), "destination", id="lower-case-destination"),
        pytest.param(lambda: TransferFacts("PAK", (WINDER,)), "destination", id="alpha-3-destination"),
        pytest.param(lambda: TransferFacts("JP", ()), "items", id="no-items"),
        pytest.param(lambda: TransferItem("x", 0, ItemCategory.II), "items.quantity", id="zero-quantity"),
        pytest.param(lambda: TransferItem(" ", 1, ItemCategory.II), "items.description", id="empty-description"),
        pytest.param(
            lambda: TransferItem("x", 1, ItemCategory.II, is_production_facility=True),
            "items.is_production_facility",
            id="category-ii-production-facility",
        ),
        pytest.param(
            lambda: DenialNotificationMatch("GB", "N-1", 1.5), "denial_matches.similarity", id="similarity-above-one"
        ),
        pytest.param(
            lambda: TransferParty("X", PartyRole.END_USER, country="Iran"), "parties.country", id="party-country"
        ),
    ],
)
def test_bad_facts_name_the_field(build: object, field: str) -> None:
    with pytest.raises(InputError) as caught:
        build()  # type: ignore[operator]
    assert caught.value.field == field


def test_answer_must_be_a_factor_answer() -> None:
    with pytest.raises(InputError) as caught:
        TransferFacts("JP", (WINDER,), checklist={"a-wmd-concerns": "YES"})  # type: ignore[dict-item]
    assert caught.value.field == "checklist.a-wmd-concerns"


def test_answer_to_unknown_factor(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    facts = TransferFacts("JP", (WINDER,), checklist={"z-made-up": FactorAnswer.YES})
    with pytest.raises(InputError) as caught:
        evaluate(facts, guidelines, national)
    assert caught.value.field == "checklist.z-made-up"


def test_evaluate_refuses_swapped_documents(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    with pytest.raises(DataFileError, match="expected GUIDELINES"):
        evaluate(TransferFacts("JP", (WINDER,)), national, national)


def test_facts_are_immutable() -> None:
    answers = {"a-wmd-concerns": FactorAnswer.NO}
    facts = TransferFacts("JP", (WINDER,), checklist=answers)
    answers.clear()
    assert "a-wmd-concerns" in facts.checklist
    with pytest.raises(TypeError):
        facts.checklist["b-programmes"] = "YES"  # type: ignore[index]


# --- facts from the classifier and the matcher ---


def test_item_from_classification_category_i(annex: Annex) -> None:
    motor = describe(annex, "solid_rocket_motor", {"total_impulse": "1.2 MN*s"}, for_entries=("1.A.1",),
                     confirmed=("usable_in",))  # fmt: skip
    item = TransferItem.from_classification(classify(annex, motor), "solid motor", 2)
    assert item.category is ItemCategory.I
    assert "2.A.1.c.1" in item.entry_ids
    assert item.listed_category is None


def test_item_from_classification_downgraded_guidance_set(annex: Annex) -> None:
    guidance = describe(
        annex,
        "guidance_set",
        {"guidance_accuracy_ratio": "2 percent", "end_system_range": "250 km", "end_system_kind": "ballistic_missile"},
        confirmed=("usable_in",),
    )
    classification = classify(annex, guidance)
    item = TransferItem.from_classification(classification, "guidance set", 4)
    assert (item.category, item.listed_category, item.entry_ids) == (ItemCategory.II, ItemCategory.I, ("2.A.1.d",))


def test_item_from_classification_not_controlled(annex: Annex) -> None:
    motor = describe(annex, "solid_rocket_motor", {"total_impulse": "1000 N*s"})
    item = TransferItem.from_classification(classify(annex, motor), "model rocket motor", 10)
    assert item.category is ItemCategory.NOT_CONTROLLED and item.entry_ids == ()


def test_screening_status_from_matches() -> None:
    weak = Match("e1", "Example Corp", "Example Corp", 0.4, (), MATCHER_VERSION)
    strong = Match("e2", "China Great Wall Industry Corporation", "Great Wall Industry", 0.93, (), MATCHER_VERSION)
    assert ScreeningStatus.from_matches([]) is ScreeningStatus.CLEAR
    assert ScreeningStatus.from_matches([weak]) is ScreeningStatus.CLEAR
    assert ScreeningStatus.from_matches([weak, strong]) is ScreeningStatus.POSSIBLE_MATCH


def test_rules_from_a_user_file(tmp_path: Path, guidelines: PolicyDocument) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(
        """
format: mtcr-policy/1
id: tiny
kind: NATIONAL
title: Tiny
version: "0.1"
source: test
rules:
  - id: TINY-1
    title: Anything to a listed intermediary is referred
    source: test
    effect: REFER
    when:
      party: {role: [INTERMEDIARY], screening: [CLEAR, POSSIBLE_MATCH, CONFIRMED_MATCH]}
""",
        encoding="utf-8",
    )
    tiny = load_policy(path)
    facts = TransferFacts(
        "JP", (TransferItem("screws", 1, ItemCategory.NOT_CONTROLLED),),
        parties=(TransferParty("Broker Ltd", PartyRole.INTERMEDIARY),),
    )  # fmt: skip
    result = evaluate(facts, guidelines, tiny)
    assert result.fired_rule_ids == {"TINY-1"}
    assert result.recommendation is Recommendation.REFER_CASE_BY_CASE
    assert result.national.policy_id == "tiny" and "Broker Ltd" in result.fired[0].reason

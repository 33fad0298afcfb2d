"""Evaluate the Guidelines and a national policy against the facts of a transfer.

Every rule of both documents is tested; each rule whose condition holds *fires* and reports why,
naming the facts. The recommendation follows from the fired rules by this precedence (highest first):

====  ==========================================================  =========================
rank  fired rule                                                  recommendation
====  ==========================================================  =========================
6     NOT_TRANSFERRED (e.g. Category I production facilities)      DENY
5     DENY (e.g. known WMD-delivery end use, embargo)              DENY
4     DENY_PRESUMPTION (Category I, confirmed screening match)     DENY
3     REFER, or a REQUIRE_* rule whose requirement is outstanding  REFER_CASE_BY_CASE
2     LICENCE_REQUIRED, or a REQUIRE_* rule whose requirement      APPROVE_WITH_PROVISOS
      is met (it becomes a proviso of the approval)
1     no rule fired                                                NO_LICENCE_REQUIRED
====  ==========================================================  =========================

So a denial-notification match without completed consultation (REQUIRE_CONSULTATION outstanding)
never lets an approval be recommended, and a possible screening match refers the case at least.

The result is a **recommendation only**: the licensing officer decides.
"""

from __future__ import annotations

from collections.abc import Mapping

from mtcr.errors import InputError
from mtcr.policy.loader import check_compatible
from mtcr.policy.model import (
    POLICY_ENGINE_VERSION,
    REQUIREMENT_EFFECTS,
    Analysis,
    Assurance,
    ChecklistQuestion,
    Effect,
    FactorAnswer,
    FiredRule,
    ItemCategory,
    PolicyResult,
    Recommendation,
    RequiredConsultation,
    RuleStatus,
    SystemRole,
    TransferFacts,
    TransferItem,
    unique,
)
from mtcr.policy.rules import (
    AllOf,
    AnyOf,
    Condition,
    DenialMatchExists,
    DestinationIn,
    EndUseStated,
    FactorIs,
    ItemIs,
    Not,
    PartyIs,
    PolicyDocument,
    Rule,
    WmdEndUseIs,
)

_DECISION_RANK = {
    Effect.NOT_TRANSFERRED: 6,
    Effect.DENY: 5,
    Effect.DENY_PRESUMPTION: 4,
    Effect.REFER: 3,
    Effect.LICENCE_REQUIRED: 2,
}
OUTSTANDING_RANK = 3
MET_RANK = 2
_RECOMMENDATION_BY_RANK = {
    6: Recommendation.DENY,
    5: Recommendation.DENY,
    4: Recommendation.DENY,
    3: Recommendation.REFER_CASE_BY_CASE,
    2: Recommendation.APPROVE_WITH_PROVISOS,
}


def rank(rule: FiredRule) -> int:
    """The precedence rank of a fired rule (see the module docstring)."""
    if rule.effect in REQUIREMENT_EFFECTS:
        return OUTSTANDING_RANK if rule.status is RuleStatus.OUTSTANDING else MET_RANK
    return _DECISION_RANK[rule.effect]


def combine(fired: tuple[FiredRule, ...]) -> tuple[Recommendation, Effect | None, tuple[str, ...]]:
    """The recommendation, the decisive effect and the decisive rule ids for a set of fired rules."""
    if not fired:
        return Recommendation.NO_LICENCE_REQUIRED, None, ()
    top = max(rank(rule) for rule in fired)
    decisive = [rule for rule in fired if rank(rule) == top]
    order = list(Effect)
    effect = min((rule.effect for rule in decisive), key=order.index)
    return _RECOMMENDATION_BY_RANK[top], effect, unique(rule.rule_id for rule in decisive)


def evaluate(facts: TransferFacts, guidelines: PolicyDocument, national: PolicyDocument) -> PolicyResult:
    """Apply the Guidelines and the national policy to ``facts``: a recommendation with its reasons.

    The result is a recommendation only; the licensing officer decides.
    Raises :class:`~mtcr.errors.InputError` for checklist answers to factors neither document asks, and
    :class:`~mtcr.errors.DataFileError` when the two documents do not fit together.
    """
    check_compatible(guidelines, national)
    questions = {q.factor_id: q for q in (*guidelines.checklist, *national.checklist)}
    for factor_id in facts.checklist:
        if factor_id not in questions:
            raise InputError(f"checklist.{factor_id}", f"unknown factor; known: {', '.join(questions)}")
    fired: list[FiredRule] = []
    for document in (guidelines, national):
        for rule in document.rules:
            holds, reason = _test(rule.when, facts)
            if holds:
                fired.append(_fire(rule, document, reason, facts, questions))
    fired_rules = tuple(fired)
    recommendation, effect, decisive = combine(fired_rules)

    required_assurances = unique(a for rule in fired_rules for a in _rule_of(rule, guidelines, national).assurances)
    missing_assurances = tuple(Assurance(a) for a in required_assurances if Assurance(a) not in facts.assurances)
    done = facts.analyses_done()
    missing_analyses = tuple(
        Analysis(a)
        for a in unique(a for rule in fired_rules for a in _rule_of(rule, guidelines, national).analyses)
        if Analysis(a) not in done
    )
    unanswered_ids = unique(
        factor_id
        for rule in fired_rules
        if rule.effect is Effect.REQUIRE_CHECKLIST
        for factor_id in (_rule_of(rule, guidelines, national).checklist or tuple(questions))
        if facts.answer(factor_id) is FactorAnswer.UNANSWERED
    )
    concerns = tuple(q for q in questions.values() if facts.answer(q.factor_id) is q.concern_answer)
    consultations = tuple(
        RequiredConsultation(m.notifying_government, m.notification_id, m.similarity, rule.rule_id)
        for rule in fired_rules
        if rule.effect is Effect.REQUIRE_CONSULTATION
        for m in facts.denial_matches
        if not m.consultation_completed
    )
    provisos = unique(p for rule in fired_rules for p in rule.provisos)
    summary = _summary(
        recommendation,
        effect,
        decisive,
        fired_rules,
        len(missing_assurances) + len(missing_analyses) + len(unanswered_ids) + len(consultations),
    )
    return PolicyResult(
        facts=facts,
        recommendation=recommendation,
        decisive_effect=effect,
        decisive_rule_ids=decisive,
        fired=fired_rules,
        provisos=provisos,
        required_assurances=tuple(Assurance(a) for a in required_assurances),
        missing_assurances=missing_assurances,
        missing_analyses=missing_analyses,
        unanswered_questions=tuple(questions[f] for f in unanswered_ids),
        concerns=concerns,
        consultations_required=consultations,
        guidelines=guidelines.policy_version,
        national=national.policy_version,
        engine_version=POLICY_ENGINE_VERSION,
        summary=summary,
    )


def _rule_of(fired: FiredRule, guidelines: PolicyDocument, national: PolicyDocument) -> Rule:
    document = guidelines if fired.policy == guidelines.policy_version else national
    rule = document.rule(fired.rule_id)
    if rule is None:  # pragma: no cover - fired rules come from these documents
        raise LookupError(fired.rule_id)
    return rule


def _fire(
    rule: Rule,
    document: PolicyDocument,
    reason: str,
    facts: TransferFacts,
    questions: Mapping[str, ChecklistQuestion],
) -> FiredRule:
    outstanding: tuple[str, ...] = ()
    provisos = list(rule.provisos)
    if rule.effect is Effect.REQUIRE_ASSURANCE:
        outstanding = tuple(f"obtain assurance {a}" for a in rule.assurances if a not in facts.assurances)
        provisos += [f"assurance {a}" for a in rule.assurances]
    elif rule.effect is Effect.REQUIRE_ANALYSIS:
        done = facts.analyses_done()
        outstanding = tuple(f"complete the {a} analysis" for a in rule.analyses if a not in done)
    elif rule.effect is Effect.REQUIRE_CHECKLIST:
        factors = rule.checklist or tuple(questions)
        outstanding = tuple(
            f"answer factor {f}: {questions[f].question}" for f in factors if facts.answer(f) is FactorAnswer.UNANSWERED
        )
    elif rule.effect is Effect.REQUIRE_CONSULTATION:
        outstanding = tuple(
            f"consult {m.notifying_government} on denial notification {m.notification_id}"
            for m in facts.denial_matches
            if not m.consultation_completed
        )
    if rule.effect in REQUIREMENT_EFFECTS:
        status = RuleStatus.OUTSTANDING if outstanding else RuleStatus.MET
    else:
        status = RuleStatus.APPLIES
    return FiredRule(
        rule_id=rule.rule_id,
        title=rule.title,
        source=rule.source,
        policy=document.policy_version,
        effect=rule.effect,
        status=status,
        reason=reason,
        outstanding=outstanding,
        provisos=unique(provisos),
    )


def _summary(
    recommendation: Recommendation,
    effect: Effect | None,
    decisive: tuple[str, ...],
    fired: tuple[FiredRule, ...],
    open_count: int,
) -> str:
    note = "A recommendation only: the licensing officer decides."
    if effect is None:
        return f"{recommendation}: no rule of the Guidelines or the national policy applies. {note}"
    deciding = [rule for rule in fired if rule.rule_id in decisive]
    first = next(rule for rule in deciding if rule.effect is effect)
    named = ", ".join(
        f"{rule.rule_id} {rule.effect}" + (" outstanding" if rule.status is RuleStatus.OUTSTANDING else "")
        for rule in deciding
    )
    text = f"{recommendation} (decisive: {named}). {first.rule_id}, {first.title}: {first.reason}."
    if open_count and recommendation is not Recommendation.DENY:
        text += f" {open_count} requirement(s) outstanding before an approval can be recommended."
    return f"{text} {note}"


# --- conditions ---------------------------------------------------------------------------------------


def _test(condition: Condition, facts: TransferFacts) -> tuple[bool, str]:
    """Whether ``condition`` holds for ``facts``, and a reason naming the facts either way."""
    if isinstance(condition, AllOf):
        results = [_test(child, facts) for child in condition.conditions]
        failed = [reason for holds, reason in results if not holds]
        if failed:
            return False, failed[0]
        return True, "; ".join(reason for _, reason in results)
    if isinstance(condition, AnyOf):
        results = [_test(child, facts) for child in condition.conditions]
        held = [reason for holds, reason in results if holds]
        if held:
            return True, "; ".join(held)
        return False, "; ".join(reason for _, reason in results)
    if isinstance(condition, Not):
        holds, reason = _test(condition.condition, facts)
        return not holds, reason
    if isinstance(condition, ItemIs):
        return _test_items(condition, facts.items)
    if isinstance(condition, DestinationIn):
        groups = [g for g in condition.groups if facts.destination in g.countries]
        if groups:
            named = ", ".join(f"{g.group_id} ({g.title})" for g in groups)
            return True, f"destination {facts.destination} is in {named}"
        named = ", ".join(g.group_id for g in condition.groups)
        return False, f"destination {facts.destination} is in none of {named}"
    if isinstance(condition, WmdEndUseIs):
        holds = facts.wmd_end_use in condition.levels
        return holds, f"WMD-delivery end use is {facts.wmd_end_use}"
    if isinstance(condition, PartyIs):
        parties = [
            p
            for p in facts.parties
            if p.screening in condition.statuses and (condition.roles is None or p.role in condition.roles)
        ]
        if parties:
            return True, "; ".join(f"party {p.name!r} ({p.role}) screened {p.screening}" for p in parties)
        wanted = " or ".join(sorted(condition.statuses))
        return False, f"no party screened {wanted}"
    if isinstance(condition, DenialMatchExists):
        matches = [
            m
            for m in facts.denial_matches
            if condition.consultation_completed is None or m.consultation_completed == condition.consultation_completed
        ]
        if matches:
            return True, "; ".join(
                f"denial notification {m.notification_id} of {m.notifying_government} matches "
                f"(similarity {m.similarity:.2f}, consultation {_consultation_state(m.consultation_completed)})"
                for m in matches
            )
        state = "" if condition.consultation_completed is None else " in that consultation state"
        return False, f"no matching denial notification{state}"
    if isinstance(condition, EndUseStated):
        if facts.end_use_stated:
            reason = f"end use {facts.end_use!r} at {facts.end_use_location!r} is stated"
        else:
            stated = (("end use", facts.end_use), ("end-use location", facts.end_use_location))
            missing = [name for name, text in stated if not text.strip()]
            reason = f"{' and '.join(missing)} not stated"
        return facts.end_use_stated == condition.stated, reason
    return _test_factor(condition, facts)


def _consultation_state(completed: bool) -> str:
    return "completed" if completed else "pending"


def _test_factor(condition: FactorIs, facts: TransferFacts) -> tuple[bool, str]:
    answer = facts.answer(condition.factor_id)
    return answer in condition.answers, f"checklist factor {condition.factor_id} answered {answer}"


_CATEGORY_TEXT = {
    ItemCategory.I: "Category I",
    ItemCategory.II: "Category II",
    ItemCategory.NOT_CONTROLLED: "not Annex-controlled",
}


def _roles(roles: frozenset[SystemRole]) -> str:
    return " or ".join(role for role in SystemRole if role in roles)


def _item_test_text(test: ItemIs) -> str:
    """What an item must be, for the reason when no item meets the test."""
    parts: list[str] = []
    if test.categories is not None:
        parts.append(" or ".join(_CATEGORY_TEXT[c] for c in ItemCategory if c in test.categories))
    if test.listed_categories is not None:
        parts.append("listed as " + " or ".join(_CATEGORY_TEXT[c] for c in ItemCategory if c in test.listed_categories))
    if test.production_facility is not None:
        parts.append("a production facility" if test.production_facility else "not a production facility")
    if test.complete_system is not None:
        parts.append("a complete system" if test.complete_system else "not a complete system")
    if test.system_roles is not None:
        parts.append("has role " + _roles(test.system_roles))
    if test.entry_prefixes is not None:
        parts.append("under Annex entry " + " or ".join(test.entry_prefixes))
    return ", ".join(parts)


def _item_facts(test: ItemIs, item: TransferItem) -> str:
    """What a matching item is, in the terms the test asked about."""
    parts: list[str] = []
    if test.categories is not None:
        parts.append(_CATEGORY_TEXT[item.category])
    if test.listed_categories is not None:
        parts.append("listed as " + _CATEGORY_TEXT[item.effective_listed_category])
    if test.production_facility is not None:
        parts.append("a production facility" if item.is_production_facility else "not a production facility")
    if test.complete_system is not None:
        parts.append(f"a complete system ({item.system_role})" if item.is_complete_system else "not a complete system")
    if test.system_roles is not None and test.complete_system is None:
        parts.append(f"has role {item.system_role}")
    if test.entry_prefixes is not None:
        parts.append("under Annex entry " + " or ".join(test.entry_prefixes))
    return ", ".join(parts)


def _item_meets(test: ItemIs, item: TransferItem) -> bool:
    return (
        (test.categories is None or item.category in test.categories)
        and (test.listed_categories is None or item.effective_listed_category in test.listed_categories)
        and (test.production_facility is None or item.is_production_facility == test.production_facility)
        and (test.complete_system is None or item.is_complete_system == test.complete_system)
        and (test.system_roles is None or item.system_role in test.system_roles)
        and (
            test.entry_prefixes is None
            or any(
                entry == prefix or entry.startswith(prefix + ".")
                for entry in item.entry_ids
                for prefix in test.entry_prefixes
            )
        )
    )


def _test_items(test: ItemIs, items: tuple[TransferItem, ...]) -> tuple[bool, str]:
    text = _item_test_text(test)
    meeting = [item for item in items if _item_meets(test, item)]
    if meeting:
        return True, "; ".join(f"{item.label()} is {_item_facts(test, item)}" for item in meeting)
    return False, f"no item meets: {text}"

"""The MTCR Guidelines and a national policy as versioned, testable rules.

Example::

    from mtcr import policy

    guidelines = policy.load_guidelines()
    national = policy.load_national()
    facts = policy.TransferFacts(
        destination="PK",
        items=(policy.TransferItem("M-11 missile", 34, policy.ItemCategory.I, ("1.A.1",),
                                   system_role=policy.SystemRole.SHORT_RANGE_BALLISTIC),),
        end_use="army missile force",
        end_use_location="Sargodha",
    )
    result = policy.evaluate(facts, guidelines, national)
    print(result.recommendation, result.summary)
    for rule in result.fired:
        print(rule.rule_id, rule.effect, rule.reason)

The result is a recommendation only: the licensing officer decides.
"""

from mtcr.policy.engine import combine, evaluate, rank
from mtcr.policy.loader import (
    BUNDLED_GUIDELINES,
    BUNDLED_NATIONAL_EXAMPLE,
    check_compatible,
    load_guidelines,
    load_national,
    load_policy,
)
from mtcr.policy.model import (
    POLICY_ENGINE_VERSION,
    Analysis,
    Assurance,
    ChecklistQuestion,
    DenialNotificationMatch,
    Effect,
    FactorAnswer,
    FiredRule,
    ItemCategory,
    PartyRole,
    PolicyResult,
    PolicyVersion,
    Recommendation,
    RequiredConsultation,
    RuleStatus,
    ScreeningStatus,
    SystemRole,
    TransferFacts,
    TransferItem,
    TransferParty,
    WmdEndUse,
)
from mtcr.policy.rules import PolicyDocument, Rule
from mtcr.policy.schema import GroupConcern, PolicyKind

__all__ = [
    "BUNDLED_GUIDELINES",
    "BUNDLED_NATIONAL_EXAMPLE",
    "POLICY_ENGINE_VERSION",
    "Analysis",
    "Assurance",
    "ChecklistQuestion",
    "DenialNotificationMatch",
    "Effect",
    "FactorAnswer",
    "FiredRule",
    "GroupConcern",
    "ItemCategory",
    "PartyRole",
    "PolicyDocument",
    "PolicyKind",
    "PolicyResult",
    "PolicyVersion",
    "Recommendation",
    "RequiredConsultation",
    "Rule",
    "RuleStatus",
    "ScreeningStatus",
    "SystemRole",
    "TransferFacts",
    "TransferItem",
    "TransferParty",
    "WmdEndUse",
    "check_compatible",
    "combine",
    "evaluate",
    "load_guidelines",
    "load_national",
    "load_policy",
    "rank",
]

"""The policy loader: bundled files validate; every broken file names its file, rule id and field."""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mtcr.errors import DataFileError
from mtcr.policy import (
    BUNDLED_GUIDELINES,
    BUNDLED_NATIONAL_EXAMPLE,
    Effect,
    PolicyDocument,
    PolicyKind,
    check_compatible,
    load_guidelines,
    load_national,
    load_policy,
)
from mtcr.policy.rules import AllOf, DestinationIn, Not

Raw = dict[str, Any]
NATIONAL_RAW: Raw = yaml.safe_load(BUNDLED_NATIONAL_EXAMPLE.read_text(encoding="utf-8"))
GUIDELINES_RAW: Raw = yaml.safe_load(BUNDLED_GUIDELINES.read_text(encoding="utf-8"))


def write(tmp_path: Path, raw: Raw, name: str = "policy.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


def test_bundled_files_load(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    assert guidelines.kind is PolicyKind.GUIDELINES and national.kind is PolicyKind.NATIONAL
    assert guidelines.policy_id == "mtcr-guidelines" and national.policy_id == "national-example"
    assert all(rule.rule_id.startswith("MTCR-G-") for rule in guidelines.rules)
    assert {rule.effect for rule in guidelines.rules} >= {
        Effect.NOT_TRANSFERRED,
        Effect.DENY,
        Effect.DENY_PRESUMPTION,
        Effect.REFER,
        Effect.REQUIRE_ASSURANCE,
        Effect.REQUIRE_CONSULTATION,
        Effect.REQUIRE_CHECKLIST,
    }
    assert len(guidelines.checklist) == 6
    groups = {group.group_id: group for group in national.destination_groups}
    assert groups["south-asia"].countries == frozenset({"IN", "PK"})
    assert "NO" in groups["partners"].countries  # Norway survives YAML 1.1
    check_compatible(guidelines, national)


def test_conditions_become_values(national: PolicyDocument) -> None:
    rule = national.rule("NAT-EX-5")
    assert rule is not None and isinstance(rule.when, AllOf)
    negated = rule.when.conditions[1]
    assert isinstance(negated, Not) and isinstance(negated.condition, DestinationIn)
    assert negated.condition.groups[0].group_id == "partners"


def _rule(raw: Raw, rule_id: str) -> dict[str, Any]:
    return next(rule for rule in raw["rules"] if rule["id"] == rule_id)


def _index(raw: Raw, rule_id: str) -> int:
    return next(i for i, rule in enumerate(raw["rules"]) if rule["id"] == rule_id)


Mutation = Callable[[Raw], None]


def _set(rule_id: str, key: str, value: object) -> Mutation:
    def mutate(raw: Raw) -> None:
        _rule(raw, rule_id)[key] = value

    return mutate


def _delete(rule_id: str, key: str) -> Mutation:
    def mutate(raw: Raw) -> None:
        del _rule(raw, rule_id)[key]

    return mutate


def _group(index: int, key: str, value: object) -> Mutation:
    def mutate(raw: Raw) -> None:
        raw["destination_groups"][index][key] = value

    return mutate


def _duplicate_rule(raw: Raw) -> None:
    raw["rules"].append(copy.deepcopy(raw["rules"][0]))


def _top(key: str, value: object) -> Mutation:
    def mutate(raw: Raw) -> None:
        raw[key] = value

    return mutate


N1 = _index(NATIONAL_RAW, "NAT-EX-1")
N4 = _index(NATIONAL_RAW, "NAT-EX-4")
N5 = _index(NATIONAL_RAW, "NAT-EX-5")

NATIONAL_ERRORS = [
    pytest.param(_set("NAT-EX-1", "effect", "BLOCK"), "NAT-EX-1", f"rules.{N1}.effect", "DENY", id="unknown-effect"),
    pytest.param(_delete("NAT-EX-4", "title"), "NAT-EX-4", f"rules.{N4}.title", "Field required", id="missing-title"),
    pytest.param(
        _set("NAT-EX-1", "when", {"destinaton_in": ["embargoed"]}),
        "NAT-EX-1",
        f"rules.{N1}.when",
        "exactly one key",
        id="unknown-condition-key",
    ),
    pytest.param(
        _set("NAT-EX-1", "when", {"destination_in": ["embargoed"], "wmd_end_use": ["KNOWN"]}),
        "NAT-EX-1",
        f"rules.{N1}.when",
        "exactly one key",
        id="two-keys-in-one-condition",
    ),
    pytest.param(
        _set("NAT-EX-1", "when", {"item": {"categroy": ["I"]}}),
        "NAT-EX-1",
        f"rules.{N1}.when.item.categroy",
        "Extra inputs",
        id="unknown-item-field",
    ),
    pytest.param(
        _set("NAT-EX-1", "when", {"item": {}}),
        "NAT-EX-1",
        f"rules.{N1}.when.item",
        "at least one field",
        id="empty-item-condition",
    ),
    pytest.param(
        _set("NAT-EX-1", "when", {"item": {"category": ["III"]}}),
        "NAT-EX-1",
        f"rules.{N1}.when.item.category.0",
        "NOT_CONTROLLED",
        id="unknown-category",
    ),
    pytest.param(
        _set("NAT-EX-5", "when", {"all": [{"item": {"category": ["II"]}}, {"not": {"destination_in": ["allies"]}}]}),
        "NAT-EX-5",
        f"rules.{N5}.when.all.1.not.destination_in.0",
        "unknown destination group 'allies'",
        id="unknown-destination-group",
    ),
    pytest.param(
        _set("NAT-EX-1", "when", "destination is embargoed"),
        "NAT-EX-1",
        f"rules.{N1}.when",
        "exactly one key",
        id="condition-as-free-text-refused",
    ),
    pytest.param(_delete("NAT-EX-4", "analyses"), "NAT-EX-4", f"rules.{N4}.analyses", "at least one", id="no-analyses"),
    pytest.param(
        _set("NAT-EX-1", "assurances", ["END_USER_UNDERTAKING"]),
        "NAT-EX-1",
        f"rules.{N1}.assurances",
        "only to REQUIRE_ASSURANCE",
        id="assurances-on-a-deny-rule",
    ),
    pytest.param(
        _set("NAT-EX-4", "assurances", ["PINKY_SWEAR"]),
        "NAT-EX-4",
        f"rules.{N4}.assurances.0",
        "GOVERNMENT_TO_GOVERNMENT",
        id="unknown-assurance",
    ),
    pytest.param(_set("NAT-EX-1", "id", "nat 1"), "nat 1", f"rules.{N1}.id", "rule id", id="bad-rule-id"),
    pytest.param(
        _duplicate_rule, "NAT-EX-1", f"rules.{len(NATIONAL_RAW['rules'])}.id", "used twice", id="duplicate-id"
    ),
    pytest.param(
        _group(2, "countries", ["IN", "PK", "CN"]),
        "south-asia",
        "destination_groups.2",
        "exactly two",
        id="arms-race-pair-of-three",
    ),
    pytest.param(
        _group(0, "countries", ["KP", "Syria"]),
        "embargoed",
        "destination_groups.0.countries",
        "ISO 3166-1",
        id="bad-country-code",
    ),
    pytest.param(_top("format", "mtcr-policy/9"), None, "format", "mtcr-policy/1", id="wrong-format"),
    pytest.param(_top("version", 1.0), None, "version", "string", id="unquoted-version"),
    pytest.param(_top("kind", "REGIONAL"), None, "kind", "NATIONAL", id="unknown-kind"),
]


@pytest.mark.parametrize(("mutate", "entry_id", "field", "words"), NATIONAL_ERRORS)
def test_national_file_errors_name_file_rule_and_field(
    tmp_path: Path, mutate: Mutation, entry_id: str | None, field: str, words: str
) -> None:
    raw = copy.deepcopy(NATIONAL_RAW)
    mutate(raw)
    path = write(tmp_path, raw)
    with pytest.raises(DataFileError) as caught:
        load_policy(path)
    error = caught.value
    assert error.path == str(path.resolve())
    assert error.entry_id == entry_id
    assert error.field == field
    assert words in error.problem
    assert str(path.resolve()) in str(error) and field in str(error)


def test_guidelines_rule_with_unknown_factor(tmp_path: Path) -> None:
    raw = copy.deepcopy(GUIDELINES_RAW)
    index = _index(raw, "MTCR-G-8")
    raw["rules"][index]["checklist"] = ["a-wmd-concerns", "z-unknown"]
    with pytest.raises(DataFileError) as caught:
        load_policy(write(tmp_path, raw))
    assert (caught.value.entry_id, caught.value.field) == ("MTCR-G-8", f"rules.{index}.checklist")
    assert "z-unknown" in caught.value.problem


def test_guidelines_factor_condition_with_unknown_factor(tmp_path: Path) -> None:
    raw = copy.deepcopy(GUIDELINES_RAW)
    index = _index(raw, "MTCR-G-8a")
    raw["rules"][index]["when"] = {"factor": {"id": "q-nowhere", "answer": ["YES"]}}
    with pytest.raises(DataFileError) as caught:
        load_policy(write(tmp_path, raw))
    assert (caught.value.entry_id, caught.value.field) == ("MTCR-G-8a", f"rules.{index}.when")


def test_checklist_concern_answer_must_be_yes_or_no(tmp_path: Path) -> None:
    raw = copy.deepcopy(GUIDELINES_RAW)
    raw["checklist"][2]["concern_answer"] = "MAYBE"
    with pytest.raises(DataFileError) as caught:
        load_policy(write(tmp_path, raw))
    assert (caught.value.entry_id, caught.value.field) == ("c-significance", "checklist.2.concern_answer")


def test_national_rule_with_factor_unknown_to_both(tmp_path: Path, guidelines: PolicyDocument) -> None:
    raw = copy.deepcopy(NATIONAL_RAW)
    index = _index(raw, "NAT-EX-7")
    raw["rules"][index]["when"] = {"factor": {"id": "x-missing", "answer": ["YES"]}}
    path = write(tmp_path, raw)
    load_policy(path)  # a national file alone cannot know the Guidelines' factors
    with pytest.raises(DataFileError) as caught:
        load_national(path, guidelines=guidelines)
    assert (caught.value.entry_id, caught.value.field) == ("NAT-EX-7", f"rules.{index}.when")


def test_national_may_use_guidelines_factors(tmp_path: Path, guidelines: PolicyDocument) -> None:
    raw = copy.deepcopy(NATIONAL_RAW)
    _rule(raw, "NAT-EX-7")["when"] = {"factor": {"id": "b-programmes", "answer": ["YES"]}}
    load_national(write(tmp_path, raw), guidelines=guidelines)


def test_national_rule_id_clashing_with_guidelines(tmp_path: Path, guidelines: PolicyDocument) -> None:
    raw = copy.deepcopy(NATIONAL_RAW)
    raw["rules"][0]["id"] = "MTCR-G-4"
    with pytest.raises(DataFileError) as caught:
        load_national(write(tmp_path, raw), guidelines=guidelines)
    assert (caught.value.entry_id, caught.value.field) == ("MTCR-G-4", "rules.0.id")


def test_kinds_are_checked(guidelines: PolicyDocument, national: PolicyDocument) -> None:
    with pytest.raises(DataFileError, match="expected GUIDELINES"):
        load_guidelines(BUNDLED_NATIONAL_EXAMPLE)
    with pytest.raises(DataFileError, match="expected NATIONAL"):
        load_national(BUNDLED_GUIDELINES)
    with pytest.raises(DataFileError, match="expected GUIDELINES"):
        check_compatible(national, national)


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="file not found"):
        load_policy(tmp_path / "absent.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_policy(broken)


def test_edited_file_is_reloaded(tmp_path: Path) -> None:
    raw = copy.deepcopy(NATIONAL_RAW)
    path = write(tmp_path, raw)
    assert load_policy(path).version == "1.0"
    raw["version"] = "1.1"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_policy(path).version == "1.1"

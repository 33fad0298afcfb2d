"""Romanisation variants of personal names: known pairs across Korean, Chinese and Arabic/Persian names,
surnames that look alike but are different names, and the loader's checks on a malformed table."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from mtcr.screening import name_variants
from mtcr.screening.name_variants import FORMAT, MIN_LENGTH, PATH, load_name_variants, same_name_variant
from mtcr.screening.normalise import phonetic_key

VARIANTS = [
    # Korean: Revised, McCune-Reischauer, North Korean and passport spellings
    ("park", "pak"),
    ("park", "bahk"),
    ("lee", "rhee"),
    ("choi", "choe"),
    ("lim", "rim"),
    ("yoo", "ryu"),
    ("baek", "paik"),
    ("seo", "suh"),
    ("son", "sohn"),
    ("heo", "huh"),
    ("noh", "roh"),
    ("hwangbo", "whangbo"),
    # Chinese: pinyin, Wade-Giles, Cantonese, Hokkien/Teochew, Hakka
    ("zhang", "cheung"),
    ("zhang", "teo"),
    ("zhou", "chow"),
    ("chen", "chan"),
    ("chen", "tan"),
    ("huang", "wong"),
    ("huang", "ooi"),
    ("wang", "wong"),
    ("wang", "ong"),
    ("lin", "lim"),
    ("liu", "lau"),
    ("xie", "hsieh"),
    ("cai", "tsai"),
    ("hsu", "tsui"),  # 徐
    ("hsu", "hui"),  # 許
    ("qiu", "khoo"),
    ("guo", "quek"),
    ("ouyang", "auyeung"),
    # given names
    ("muhammad", "mohammed"),
    ("muhammad", "mehmet"),
    ("mohamed", "mohd"),
    ("ahmad", "ahmet"),
    ("hussein", "hussain"),
    ("yusuf", "youssef"),
    ("reza", "ridha"),
    ("jamal", "gamal"),
    ("sayyid", "seyed"),
]

NOT_VARIANTS = [
    ("park", "paek"),  # 박 and 백
    ("pak", "baek"),
    ("kim", "kin"),
    ("lee", "liu"),  # 李 and 劉
    ("lee", "lau"),
    ("zhang", "zhong"),  # 張 and 鍾, though both are Chong in Hakka
    ("chen", "cheng"),  # 陳 and 鄭/程
    ("chan", "cheng"),
    ("zhou", "zou"),  # 周 and 鄒, though both are Chow in Cantonese
    ("huang", "wang"),  # both Wong in Cantonese: a shared spelling does not make them one name
    ("tsui", "hui"),  # 徐 (Hsu, Tsui) and 許 (Hsu, Hui) share Hsu only
    ("jeong", "jang"),  # 정 and 장
    ("liang", "yang"),
    ("kim", "jin"),  # 金 read in two languages: left out on purpose
    ("muhammad", "mahmoud"),
    ("hussein", "hassan"),
    ("jamal", "kamal"),
    ("sayyid", "said"),
]


@pytest.mark.parametrize(("a", "b"), VARIANTS)
def test_known_variants(a: str, b: str) -> None:
    assert same_name_variant(a, b)
    assert same_name_variant(b, a)


@pytest.mark.parametrize(("a", "b"), NOT_VARIANTS)
def test_different_names_are_not_variants(a: str, b: str) -> None:
    assert not same_name_variant(a, b)
    assert not same_name_variant(b, a)


def test_a_spelling_is_not_its_own_variant() -> None:
    assert not same_name_variant("park", "park")
    assert not same_name_variant("smith", "smith")


def test_unknown_tokens_are_not_variants() -> None:
    assert not same_name_variant("smith", "smyth")
    assert not same_name_variant("park", "smith")


def _table() -> dict[str, list[list[str]]]:
    data = yaml.safe_load(PATH.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    groups: dict[str, list[list[str]]] = data["groups"]
    return groups


def test_the_table_has_the_three_kinds() -> None:
    assert set(_table()) == {"korean_surnames", "chinese_surnames", "given_names"}


def test_no_spelling_shorter_than_three_letters() -> None:
    short = [spelling for groups in _table().values() for group in groups for spelling in group if len(spelling) < 3]
    assert short == []
    assert "li" not in name_variants._GROUPS
    assert all(len(spelling) >= MIN_LENGTH for spelling in name_variants._GROUPS)


def test_given_name_groups_add_what_phonetic_key_does_not_fold() -> None:
    # given names are listed only where the phonetic key leaves some spellings apart
    for group in _table()["given_names"]:
        keys = {phonetic_key(spelling) for spelling in group}
        assert len(keys) > 1, group


def test_the_bundled_table_loads() -> None:
    loaded = load_name_variants(PATH)
    assert loaded == name_variants._GROUPS
    assert len(loaded["wong"]) == 2  # Huang and Wang


def _write(tmp_path: Path, groups: object, fmt: str = FORMAT) -> Path:
    path = tmp_path / "name_variants.yaml"
    path.write_text(yaml.safe_dump({"format": fmt, "groups": groups}), encoding="utf-8")
    return path


def test_loader_reads_a_small_table(tmp_path: Path) -> None:
    path = _write(
        tmp_path, {"korean_surnames": [["park", "pak"]], "chinese_surnames": [["wang", "wong"], ["huang", "wong"]]}
    )
    loaded = load_name_variants(path)
    assert loaded["park"] == loaded["pak"]
    assert loaded["wong"] == loaded["wang"] | loaded["huang"]
    assert loaded["wang"].isdisjoint(loaded["huang"])


def test_a_patched_table_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, {"given_names": [["abc", "abd"]]})
    monkeypatch.setattr(name_variants, "_GROUPS", load_name_variants(path))
    assert same_name_variant("abc", "abd")
    assert not same_name_variant("park", "pak")


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ({"korean_surnames": [["park", "Pak"]]}, r"korean_surnames\[0\].*'Pak'"),
        ({"korean_surnames": [["park", "pa"]]}, r"korean_surnames\[0\].*'pa'"),
        ({"chinese_surnames": [["wang"], ["zhang", "chang"]]}, r"chinese_surnames\[0\].*wang"),
        ({"chinese_surnames": [["zhang", "chang"], ["chen", "chen"]]}, r"chinese_surnames\[1\].*'chen'"),
        ({"given_names": [["muhammad", "moḥammad"]]}, r"given_names\[0\].*'moḥammad'"),
        ({"given_names": [["abd-allah", "abdullah"]]}, r"given_names\[0\].*'abd-allah'"),
        ({"given_names": [["abdullah", True]]}, r"given_names\[0\].*True"),
        ({"given_names": [["abdullah", 123]]}, r"given_names\[0\].*123"),
        ({"given_names": ["abdullah"]}, r"given_names\[0\].*'abdullah'"),
        ({"given_names": "abdullah"}, r"given_names"),
        ({}, r"groups"),
    ],
)
def test_loader_rejects_bad_tables(tmp_path: Path, groups: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_name_variants(_write(tmp_path, groups))


def test_loader_rejects_another_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        load_name_variants(_write(tmp_path, {"given_names": [["abc", "abd"]]}, fmt="mtcr-name-variants/2"))


def test_yaml_booleans_are_caught(tmp_path: Path) -> None:
    path = tmp_path / "name_variants.yaml"
    path.write_text(f"format: {FORMAT}\ngroups:\n  given_names:\n    - [abc, yes]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"given_names\[0\].*True"):
        load_name_variants(path)


def test_groups_hold_distinct_spellings() -> None:
    for kind, groups in _table().items():
        for group in groups:
            assert len(group) >= 2, (kind, group)
            assert all(a != b for a, b in itertools.combinations(group, 2)), (kind, group)

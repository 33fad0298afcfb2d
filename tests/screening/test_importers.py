"""List importers: each format to ListEntity values, the bundled list, and every malformed file named by line.

The fixtures under fixtures/ are written for these tests: the parties in them are fictional ("EXAMPLE ..."), laid
out as the US Consolidated Screening List, OpenSanctions FollowTheMoney and mtcr's simple CSV lay them out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcr.errors import DataFileError
from mtcr.screening.importers import bundled_list_path, parse_list
from mtcr.screening.model import EntityType, ListEntity, ListFormat

FIXTURES = Path(__file__).parent / "fixtures"
OFAC_LIST = "https://sanctionslistservice.ofac.treas.gov/"
SDN = "Specially Designated Nationals (SDN) - Treasury Department"


def parse(name: str, list_format: ListFormat) -> dict[str, ListEntity]:
    return {entity.entity_id: entity for entity in parse_list(FIXTURES / name, list_format)}


# --- each format parses to the expected entities ------------------------------------------------------------------


def test_csl_csv_sample() -> None:
    entities = parse("csl-sample.csv", ListFormat.CSL_CSV)
    assert list(entities) == [
        "36001",
        "36002",
        "a3f5c9e2d1b0478e9f6a2c4b8d7e1f0a3b5c7d9e",
        "e5a9eff64cec4a74ed5e9e93c2d851dc2d9132d2",
        "7b2e4d6f8a0c1e3f5a7b9d1f3e5a7c9b1d3f5e7a",
        "36003",
    ]
    company = entities["36001"]
    assert company.entity_type is EntityType.ORGANIZATION
    assert company.names == ("NOVIN ROCKET PROPULSION COMPANY", "NRPC", "NOVIN PROPULSION INDUSTRIES")
    assert company.addresses == ("No. 12 Azadi Street, Tehran, IR", "Unit 5, Jebel Ali Free Zone, Dubai, AE")
    assert company.countries == ("IR", "AE")
    assert company.identifiers == ("10320012345",)  # the Website entry is not an identifier
    assert company.dates == ("2001-03-12",)  # Organization Established Date
    assert company.programs == ("NPWMD", "IFSR", SDN)
    assert company.sources[0] == OFAC_LIST
    assert company.remarks == "(Linked To: EXAMPLE AEROSPACE INDUSTRIES ORGANIZATION)"


@pytest.mark.parametrize(
    ("entity_id", "entity_type", "names", "countries", "identifiers", "dates"),
    [
        (
            "36002",
            EntityType.PERSON,
            ("ZHANG, Wei", "ZHANG Wei", "David ZHANG", "张伟"),
            ("CN",),
            ("G12345678",),
            ("1965-04-18",),
        ),
        (
            "a3f5c9e2d1b0478e9f6a2c4b8d7e1f0a3b5c7d9e",
            EntityType.OTHER,
            ("SHENZHEN EXAMPLE PRECISION OPTICS CO., LTD.", "SEPO", "SHENZHEN EXAMPLE OPTICS"),
            ("CN", "HK"),
            (),
            (),
        ),
        (
            "e5a9eff64cec4a74ed5e9e93c2d851dc2d9132d2",
            EntityType.OTHER,
            ("ROBERT A. SAMPLE",),
            (),  # the address ends "AZ, 85251": a state and a ZIP code, no country
            (),
            (),
        ),
        (
            "7b2e4d6f8a0c1e3f5a7b9d1f3e5a7c9b1d3f5e7a",
            EntityType.OTHER,
            ("EXAMPLE MISSILE INDUSTRIES GROUP", "EMIG", "示例导弹工业集团"),
            (),
            (),
            (),
        ),
        ("36003", EntityType.OTHER, ("OCEAN EXAMPLE", "OCEAN SAMPLE"), (), ("IMO 9123456", "HMYX7"), ()),
    ],
)
def test_csl_csv_rows(
    entity_id: str,
    entity_type: EntityType,
    names: tuple[str, ...],
    countries: tuple[str, ...],
    identifiers: tuple[str, ...],
    dates: tuple[str, ...],
) -> None:
    entity = parse("csl-sample.csv", ListFormat.CSL_CSV)[entity_id]
    assert (entity.entity_type, entity.names, entity.countries) == (entity_type, names, countries)
    assert (entity.identifiers, entity.dates) == (identifiers, dates)


def test_csl_csv_entity_list_row_cites_the_notice() -> None:
    entity = parse("csl-sample.csv", ListFormat.CSL_CSV)["a3f5c9e2d1b0478e9f6a2c4b8d7e1f0a3b5c7d9e"]
    assert entity.addresses == (
        "12 Nanshan Road, Shenzhen, Guangdong, 518000, CN",
        "Unit 4, 8/F, Kwai Chung Plaza, Kwai Chung, HK",
    )
    assert entity.programs == ("Entity List (EL) - Bureau of Industry and Security",)
    assert "85 FR 44159" in entity.sources


def test_csl_json_sample() -> None:
    entities = parse("csl-sample.json", ListFormat.CSL_JSON)
    assert list(entities) == ["36101", "36102", "b81c3e5a7d9f1b3d5f7a9c1e3b5d7f9a1c3e5b7d", "36103"]
    company = entities["36101"]
    assert company.names == (
        "EXAMPLE MINING DEVELOPMENT TRADING CORPORATION",
        "EMIDCO",
        "EXAMPLE GENERAL TRADING CORPORATION",
    )
    assert company.addresses == ("Central District, Pyongyang, KP", "Sanaee Street, Kish Island, IR")
    assert company.countries == ("KP", "IR")
    assert company.identifiers == ("EXMPKPPY",)  # "Secondary sanctions risk:" is not an identifier
    assert company.programs == ("NPWMD", "DPRK2", SDN)


@pytest.mark.parametrize(
    ("entity_id", "entity_type", "names", "countries", "identifiers", "dates"),
    [
        (
            "36102",
            EntityType.PERSON,
            ("KIM Chol Example", "KIM Chol-ho", "김철호"),
            ("KP",),
            ("745110001",),
            ("1962-06-13", "1960"),
        ),
        (
            "b81c3e5a7d9f1b3d5f7a9c1e3b5d7f9a1c3e5b7d",
            EntityType.OTHER,
            ("EXAMPLE AERO-ENGINE RESEARCH INSTITUTE",),
            ("CN",),
            (),
            (),
        ),
        ("36103", EntityType.OTHER, ("EP-EXA",), (), ("999", "EP-EXA"), ()),
    ],
)
def test_csl_json_records(
    entity_id: str,
    entity_type: EntityType,
    names: tuple[str, ...],
    countries: tuple[str, ...],
    identifiers: tuple[str, ...],
    dates: tuple[str, ...],
) -> None:
    entity = parse("csl-sample.json", ListFormat.CSL_JSON)[entity_id]
    assert (entity.entity_type, entity.names, entity.countries) == (entity_type, names, countries)
    assert (entity.identifiers, entity.dates) == (identifiers, dates)


def test_csl_json_accepts_a_bare_list(tmp_path: Path) -> None:
    path = tmp_path / "bare.json"
    path.write_text('[{"id": "9", "name": "EXAMPLE BARE CO", "alt_names": ["EBC"], "country": "ru"}]', encoding="utf-8")
    [entity] = parse_list(path, ListFormat.CSL_JSON)
    assert (entity.entity_id, entity.names, entity.countries) == ("9", ("EXAMPLE BARE CO", "EBC"), ("RU",))


def test_ftm_sample_keeps_parties_and_skips_other_schemas() -> None:
    entities = parse("ftm-sample.jsonl", ListFormat.FTM)
    assert list(entities) == [
        "NK-4xExamplePerson",
        "NK-5yExampleCompany",
        "NK-6zExampleOrg",
        "NK-7vExampleVessel",
        "NK-8wExampleLegacy",
    ]  # the Sanction and the Address are not listed parties


@pytest.mark.parametrize(
    ("entity_id", "entity_type", "names", "countries", "identifiers", "dates"),
    [
        (
            "NK-4xExamplePerson",
            EntityType.PERSON,
            ("Ivan Petrovich Examplov", "Иван Петрович Экзамплов", "EXAMPLOV, Ivan", "Vanya"),
            ("RU",),
            ("4509 123456", "770100012345"),
            ("1961-02-14",),
        ),
        (
            "NK-5yExampleCompany",
            EntityType.ORGANIZATION,
            (
                "Example Precision Machinery Import & Export Corporation",
                "示例精密机械进出口公司",
                "EPMIEC",
                "Example Machinery Import Company",
            ),
            ("CN",),
            ("91110000100001234X", "110108100001234"),
            ("1980",),
        ),
        (
            "NK-6zExampleOrg",
            EntityType.ORGANIZATION,
            ("Example Aerospace Industries Organization", "EAIO", "سازمان صنایع هوافضای نمونه"),
            ("IR",),
            (),
            (),
        ),
        ("NK-7vExampleVessel", EntityType.OTHER, ("SEA EXAMPLE", "MORE EXAMPLE"), ("KP",), ("IMO9123457",), ()),
        (
            "NK-8wExampleLegacy",
            EntityType.ORGANIZATION,
            ("Example Glavkosmos Trading",),
            ("GE",),  # ge-ab is in Georgia; suhh (Soviet Union) has no alpha-2 code
            (),
            ("1985-04",),
        ),
    ],
)
def test_ftm_entities(
    entity_id: str,
    entity_type: EntityType,
    names: tuple[str, ...],
    countries: tuple[str, ...],
    identifiers: tuple[str, ...],
    dates: tuple[str, ...],
) -> None:
    entity = parse("ftm-sample.jsonl", ListFormat.FTM)[entity_id]
    assert (entity.entity_type, entity.names, entity.countries) == (entity_type, names, countries)
    assert (entity.identifiers, entity.dates) == (identifiers, dates)


def test_ftm_company_addresses_programs_sources() -> None:
    company = parse("ftm-sample.jsonl", ListFormat.FTM)["NK-5yExampleCompany"]
    assert company.addresses == (
        "Room 1, No. 30 Example Road, Haidian District, Beijing, China",
        "Unit 2, 18/F, Example Tower, Wan Chai, Hong Kong",
    )
    assert company.programs == ("NPWMD", "Missile Sanctions laws")
    assert company.sources == ("https://www.federalregister.gov/d/2023-00001",)
    person = parse("ftm-sample.jsonl", ListFormat.FTM)["NK-4xExamplePerson"]
    assert person.remarks == "Director general of Example Missile Design Bureau."


def test_simple_csv_sample() -> None:
    entities = parse("simple-sample.csv", ListFormat.CSV)
    bureau, person = entities["EX-1"], entities["EX-2"]
    assert bureau.entity_type is EntityType.ORGANIZATION
    assert bureau.names == ("EXAMPLE MISSILE DESIGN BUREAU", "EMDB", "EXAMPLE DESIGN BUREAU", "示例导弹设计局")
    assert bureau.countries == ("CN",)
    assert bureau.addresses == ("1 Example Road, Beijing, China", "2 Example Street, Hong Kong")
    assert bureau.programs == (
        "US State Department: AECA s.73 / EAA s.11B missile sanctions (listed 1993-08-25, lifted 1994-11-01)",
        "US Treasury OFAC: E.O. 13382 (NPWMD) (listed 2005-06-28)",
    )
    assert bureau.sources == ("https://www.federalregister.gov/d/1993-00001", "OFAC SDN ent_num 99999")
    assert bureau.remarks == "missile-specific designation: yes"
    assert (person.entity_type, person.names, person.countries) == (
        EntityType.PERSON,
        ("PARK, Example", "Pak Ex-Am"),
        ("KP",),
    )


def test_simple_csv_minimal_columns() -> None:
    entities = parse("simple-minimal.csv", ListFormat.CSV)
    assert entities["EX-2"] == ListEntity("EX-2", EntityType.OTHER, ("EXAMPLE TRADING CO., LTD.",))


def test_simple_csv_tolerates_bom_crlf_column_order_and_unknown_columns(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("\ufeffNote,Name,ID,Country\r\nignored,EXAMPLE WORKS,EX-9,ir\r\n".encode())
    assert parse_list(path, ListFormat.CSV) == [ListEntity("EX-9", EntityType.OTHER, ("EXAMPLE WORKS",), ("IR",))]


def test_csl_csv_tolerates_column_order(tmp_path: Path) -> None:
    path = tmp_path / "csl.csv"
    path.write_text('name,alt_names,_id,extra\nEXAMPLE OPTICS,"EO; OPTICS EXAMPLE",77,x\n', encoding="utf-8")
    [entity] = parse_list(path, ListFormat.CSL_CSV)
    assert (entity.entity_id, entity.names) == ("77", ("EXAMPLE OPTICS", "EO", "OPTICS EXAMPLE"))


# --- the bundled list ---------------------------------------------------------------------------------------------


def test_bundled_list() -> None:
    entities = parse_list(bundled_list_path(), ListFormat.CSV)
    assert len(entities) == 149
    komid = entities[0]
    assert komid.entity_id == "MTS-0001"
    assert komid.name == "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    assert "KOMID" in komid.names[1:]
    assert komid.countries == ("KP",)
    assert sum(entity.entity_type is EntityType.PERSON for entity in entities) == 16
    assert all(entity.sources and entity.programs and len(entity.countries) == 1 for entity in entities)


# --- malformed files ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "list_format", "field", "problem"),
    [
        ("csl-bad-missing-name.csv", ListFormat.CSL_CSV, "line 3, column name", "empty name"),
        ("csl-bad-header.csv", ListFormat.CSL_CSV, "line 1", "required column 'name'"),
        ("csl-duplicate-id.csv", ListFormat.CSL_CSV, "line 3, column _id", "duplicate entity id '36001'"),
        ("csl-bad-missing-name.json", ListFormat.CSL_JSON, "results[1].name", "empty name"),
        ("csl-bad-country.json", ListFormat.CSL_JSON, "[0].addresses[1].country", "unknown country 'Atlantis'"),
        ("csl-bad-syntax.json", ListFormat.CSL_JSON, "line 3, column 1", "invalid JSON"),
        ("ftm-bad-json.jsonl", ListFormat.FTM, "line 3", "invalid JSON"),
        ("ftm-bad-missing-name.jsonl", ListFormat.FTM, "line 2, properties.name", "empty name"),
        ("ftm-bad-country.jsonl", ListFormat.FTM, "line 1, properties.country", "unknown country 'xx'"),
        ("ftm-duplicate-id.jsonl", ListFormat.FTM, "line 3, id", "duplicate entity id 'NK-6zExampleOrg'"),
        ("simple-bad-country.csv", ListFormat.CSV, "line 3, column country", "unknown country 'XX'"),
        ("simple-duplicate-id.csv", ListFormat.CSV, "line 4, column id", "'EX-1' (first at line 2)"),
        ("simple-bad-header.csv", ListFormat.CSV, "line 1", "required column 'id'"),
        ("simple-bad-slots.csv", ListFormat.CSV, "line 2, column listed_on", "but authority has 1"),
        ("simple-bad-date.csv", ListFormat.CSV, "line 3, column listed_on", "'24/04/2009' is not an ISO date"),
        ("simple-too-many-fields.csv", ListFormat.CSV, "line 2", "4 fields but the header has 3 columns"),
        ("simple-bad-encoding.csv", ListFormat.CSV, "line 3", "not UTF-8"),
        ("simple-empty.csv", ListFormat.CSV, None, "the file is empty"),
        ("simple-empty.csv", ListFormat.FTM, None, "the file is empty"),
        ("simple-header-only.csv", ListFormat.CSV, None, "no listed parties"),
        # the other CSV layout: its own columns would be lost without a word
        ("simple-bad-country.csv", ListFormat.CSL_CSV, "line 1", "those of mtcr's simple CSV (--format csv)"),
        ("csl-sample.csv", ListFormat.CSV, "line 1", "Consolidated Screening List's CSV (--format csl-csv)"),
    ],
)
def test_malformed_file_names_line_and_column(
    name: str, list_format: ListFormat, field: str | None, problem: str
) -> None:
    path = FIXTURES / name
    with pytest.raises(DataFileError) as caught:
        parse_list(path, list_format)
    assert caught.value.path == str(path)
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "field", "problem"),
    [
        ("id,name,type\nEX-1,EXAMPLE,vessel\n", "line 2, column type", "unknown type 'vessel'"),
        ("id,name,missile_specific\nEX-1,EXAMPLE,maybe\n", "line 2, column missile_specific", "not yes or no"),
        ("id,name\n,EXAMPLE\n", "line 2, column id", "empty id"),
        ("id,name\nEX-1,EXAMPLE\n\nEX-2,\n", "line 4, column name", "empty name"),
        ('id,name,address\nEX-1,EXAMPLE,"1 Road\nCity"\nEX-2,\n', "line 4, column name", "empty name"),
        ("id,name,dates\nEX-1,EXAMPLE,1961-02-30\n", "line 2, column dates", "not an ISO date"),
        ("id,name,name\nEX-1,A,B\n", "line 1", "repeats column 'name'"),
    ],
)
def test_simple_csv_cell_errors(tmp_path: Path, text: str, field: str, problem: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        parse_list(path, ListFormat.CSV)
    assert (caught.value.field, problem in caught.value.problem) == (field, True)


@pytest.mark.parametrize("list_format", list(ListFormat))
def test_every_format_rejects_a_missing_file(tmp_path: Path, list_format: ListFormat) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        parse_list(tmp_path / "absent", list_format)


def test_ftm_regions_and_placeholders_are_no_country(tmp_path: Path) -> None:
    # OpenSanctions writes "zz" (global) and "eu" (the European Union): no country to hold against a party
    path = tmp_path / "regions.jsonl"
    path.write_text(
        '{"id":"g1","schema":"Company","properties":{"name":["Zenith Propulsion"],"country":["zz"]}}\n'
        '{"id":"g2","schema":"Company","properties":{"name":["Apex Rocketry"],"country":["eu","ir"]}}\n',
        encoding="utf-8",
    )
    entities = {entity.entity_id: entity for entity in parse_list(path, ListFormat.FTM)}
    assert entities["g1"].countries == ()
    assert entities["g2"].countries == ("IR",)

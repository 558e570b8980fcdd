"""The Phoenix actor dictionary converter: exact rows for a small inline sample, the committed CSV files,
and what the converted actors give the entity stage (codes of the document's date, curated rows winning)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from newsevents import config
from newsevents.convert import phoenix_actors
from newsevents.entities import default_resolver

COUNTRIES_SAMPLE = """\
# A sample in the format of Phoenix.Countries.actors.txt
RWANDA_  [RWA]
+RWANDESE_REPUBLIC_

RWANDA_DEFENCE_FORCE_(RDF)_
\t[RWAMIL]
PAUL_KAGAME_  # CountryInfo.txt
+PAUL_KAGA_ME_
+KAGAME
\t[RWAELI 750101-000101]
\t[RWAGOV >000324]
\t[RWAELI]
ABDUL_QADIR_  # CountryInfo.txt
\t[AFGGOV 780427-780430]
ODD_DATES_  # CountryInfo.txt
\t[ARMUNR 9008223-911221]
\t[ARMGOV 20121204-20140101]
"""
INTERNATIONAL_SAMPLE = """\
UNITED_NATIONS_\t[IGOUNO]# NGO_Actors
ABDUL_QADIR_\t[IGOUNO]
"""
NON_STATE_SAMPLE = """\
AL-SHABAAB_ [SOMREB] #  kkl 21 Mar 13
+HARAKAT_AL-SHABAAB_AL-MUJAHIDEEN+_MUJAHIDEEN_YOUTH_MOVEMENT_
"""


def csv_rows(content: str) -> list[dict[str, str]]:
    return list(csv.DictReader(line for line in io.StringIO(content) if not line.startswith("#")))


@pytest.fixture(scope="module")
def converted() -> tuple[dict[str, str], phoenix_actors.Conversion]:
    return phoenix_actors.convert_sources(
        {
            "Phoenix.Countries.actors.txt": COUNTRIES_SAMPLE,
            "Phoenix.International.actors.txt": INTERNATIONAL_SAMPLE,
            "Phoenix.MilNonState.actors.txt": NON_STATE_SAMPLE,
        }
    )


def test_actors_rows(converted):
    files, _ = converted
    actors = {row["entity_id"]: row for row in csv_rows(files[phoenix_actors.ACTORS_FILE])}
    # The country record is left to ISO 3166; the others become actors of their kind and codes.
    assert set(actors) == {
        "org:rwanda-defence-force", "person:paul-kagame", "person:abdul-qadir", "person:odd-dates",
        "org:united-nations", "org:abdul-qadir", "org:al-shabaab",
    }
    assert actors["person:paul-kagame"] == {
        "entity_id": "person:paul-kagame", "canonical_name": "Paul Kagame", "entity_type": "PERSON",
        "actor_code": "RWAELI", "country_code": "RWA", "role_code": "ELI", "wikidata_qid": "", "feature_type": "",
    }
    assert actors["org:rwanda-defence-force"]["canonical_name"] == "Rwanda Defence Force"
    assert (actors["org:al-shabaab"]["actor_code"], actors["org:al-shabaab"]["country_code"]) == ("SOMREB", "SOM")
    assert (actors["org:united-nations"]["country_code"], actors["org:united-nations"]["role_code"]) == ("", "IGO")
    # Two actors of one name are told apart by their codes; a person with only dated codes keeps their country.
    assert actors["person:abdul-qadir"]["canonical_name"] == "Abdul Qadir (AFG)"
    assert actors["org:abdul-qadir"]["canonical_name"] == "Abdul Qadir (IGOUNO)"
    assert actors["person:abdul-qadir"]["actor_code"] == "AFG"


def test_dated_codes_rows(converted):
    files, conversion = converted
    codes = [(r["entity_id"], r["actor_code"], r["valid_from"], r["valid_to"]) for r in csv_rows(files[phoenix_actors.CODES_FILE])]
    assert codes == [
        ("person:paul-kagame", "RWAELI", "1975-01-01", "2000-01-01"),
        ("person:paul-kagame", "RWAGOV", "2000-03-24", ""),
        ("person:abdul-qadir", "AFGGOV", "1978-04-27", "1978-04-30"),
        ("person:odd-dates", "ARMGOV", "2012-12-04", "2014-01-01"),
    ]
    assert [(s.line_number, s.reason.split(":")[0]) for s in conversion.skipped] == [(16, "code dropped")]


def test_alias_rows(converted):
    files, _ = converted
    aliases = [(r["entity_id"], r["alias"]) for r in csv_rows(files[phoenix_actors.ALIASES_FILE])]
    assert ("person:paul-kagame", "Paul Kagame") in aliases
    assert ("person:paul-kagame", "Kagame") in aliases
    # An organisation's single word is written both ways; a `+` inside a synonym starts another synonym.
    assert ("org:al-shabaab", "Al-Shabaab") in aliases and ("org:al-shabaab", "AL-SHABAAB") in aliases
    assert ("org:al-shabaab", "Mujaheddin Youth Movement") not in aliases
    assert ("org:al-shabaab", "Mujahideen Youth Movement") in aliases
    # A name of actors of two countries says neither; a parenthesised acronym is not part of the name.
    assert not [a for a in aliases if a[1].startswith("Abdul Qadir")]
    assert ("org:rwanda-defence-force", "Rwanda Defence Force") in aliases


def test_two_digit_years_and_malformed_dates():
    assert phoenix_actors.parse_date("991231") == date(1999, 12, 31)
    assert phoenix_actors.parse_date("080507") == date(2008, 5, 7)
    assert phoenix_actors.parse_date("19270101") == date(1927, 1, 1)
    with pytest.raises(ValueError, match="9008223"):
        phoenix_actors.parse_date("9008223")


def test_committed_files_are_the_converters_output():
    source = phoenix_actors.DEFAULT_SOURCE_DIR
    if not all((source / name).is_file() for name in phoenix_actors.SOURCE_FILES):
        pytest.skip(f"the Phoenix dictionaries are not at {source}")
    texts = {name: (source / name).read_text(encoding="utf-8", errors="replace") for name in phoenix_actors.SOURCE_FILES}
    files, _ = phoenix_actors.convert_sources(texts)
    for name, content in files.items():
        assert (config.REFERENCE_DIR / name).read_bytes() == content.encode("utf-8"), name


def test_committed_files_hold_the_fields_actors():
    actors = {r["entity_id"]: r for r in csv_rows((config.REFERENCE_DIR / phoenix_actors.ACTORS_FILE).read_text(encoding="utf-8"))}
    assert len(actors) > 18_000
    assert actors["person:paul-kagame"]["country_code"] == "RWA"
    assert actors["org:hamas"]["actor_code"].startswith("PSE")


def test_a_converted_person_has_the_code_of_the_documents_date():
    resolver = default_resolver(Path(config.REFERENCE_DIR))
    in_office, _ = resolver.lookup("paul kagame", date(2024, 3, 5), "PERSON")
    before, _ = resolver.lookup("paul kagame", date(1990, 6, 1), "PERSON")
    assert (in_office.actor_code, in_office.country_code, in_office.role_code) == ("RWAGOV", "RWA", "GOV")
    assert before.actor_code == "RWAELI"


def test_curated_names_win_over_converted_ones():
    resolver = default_resolver(Path(config.REFERENCE_DIR))
    # Phoenix has its own Putin record (RUSELI before 1999); the curated actor is the one found.
    putin, alias = resolver.lookup("putin", date(2024, 3, 5), "PERSON")
    assert putin.entity_id == "person:vladimir-putin" and alias.curated

"""The office holders since 2016 (`office_holders.csv`): a well-formed file, one holder per office on any
date, and holders resolved by name and by title to the code of the office on the document's date."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations

import pytest

from newsevents import config
from newsevents.entities import ActorResolver, default_resolver, resolve_entities
from newsevents.reference import (
    OFFICE_HOLDERS_FILE,
    OFFICES,
    OfficeTerm,
    actor_code_parts,
    actor_reference,
    gaps_after_terms,
    iso_alpha_3_codes,
    load_office_terms,
    normalise_name,
    office_title_aliases,
    read_reference_csv,
)

INTERNATIONAL_OFFICES = {"IGOUNO", "IGOWSTNAT", "IGOEEC", "IGOAFU"}
# Every country of the brief: the G20, the permanent members of the Security Council, the countries of the
# armed conflicts of 2022-2025 with 1,000 deaths or more in a year.
COVERED_COUNTRIES = {
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF",
    "TUR", "GBR", "USA", "UKR", "ISR", "PSE", "LBN", "IRN", "SDN", "SSD", "ETH", "SOM", "COD", "RWA", "NGA", "BFA",
    "MLI", "NER", "CMR", "MOZ", "MMR", "AFG", "PAK", "SYR", "YEM", "IRQ", "COL", "HTI", "ARM", "AZE",
}


@pytest.fixture(scope="module")
def terms() -> list[OfficeTerm]:
    return load_office_terms()


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return default_resolver()


def test_the_file_cites_its_sources_and_says_what_an_empty_end_means():
    header = [line for line in (config.reference_dir() / OFFICE_HOLDERS_FILE).read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = " ".join(header)
    assert "Sources:" in text and "wikipedia.org" not in text  # the URLs are per row
    assert "Compiled 2026-12-03" in text
    assert "empty valid_to means still in office" in text
    for office in OFFICES:
        assert office in text, f"the header does not document the office {office}"


def test_every_row_is_well_formed(terms):
    rows = list(read_reference_csv(config.reference_dir() / OFFICE_HOLDERS_FILE))
    assert len(terms) == len(rows) >= 500
    for term in terms:
        assert term.source.startswith("https://en.wikipedia.org/wiki/"), term
        assert term.office in OFFICES, term
        assert term.titles, term
        assert term.entity_id.startswith("person:") and term.canonical_name, term
        assert term.valid_to is None or term.valid_from <= term.valid_to, term
        assert term.valid_to is None or term.valid_to >= date(2016, 1, 1), f"{term} ended before 2016"
        if term.office_country in INTERNATIONAL_OFFICES:
            assert term.actor_code == term.office_country, term
        else:
            assert term.office_country in iso_alpha_3_codes(), term
            role = "MIL" if term.office == "army_chief" else "GOV"
            assert term.actor_code == f"{term.office_country}{role}", term
            assert actor_code_parts(term.actor_code) == (term.office_country, role)


def test_no_office_has_two_holders_on_one_date(terms):
    by_office: dict[tuple[str, str], list[OfficeTerm]] = defaultdict(list)
    for term in terms:
        by_office[(term.office_country, term.office)].append(term)
    for office, held in by_office.items():
        for a, b in combinations(held, 2):
            a_end, b_end = a.valid_to or date.max, b.valid_to or date.max
            assert a_end < b.valid_from or b_end < a.valid_from, f"{office}: {a.canonical_name} and {b.canonical_name} overlap"


def test_the_brief_s_countries_and_organisations_are_covered(terms):
    offices = {(term.office_country, term.office) for term in terms}
    assert COVERED_COUNTRIES | INTERNATIONAL_OFFICES <= {country for country, _ in offices}
    assert {("IGOUNO", "secretary_general"), ("IGOWSTNAT", "secretary_general"), ("IGOEEC", "commission_chair"),
            ("IGOEEC", "council_president"), ("IGOEEC", "high_representative"), ("IGOAFU", "commission_chair")} <= offices
    for country in COVERED_COUNTRIES - {"AUS", "CAN"}:  # the King of Australia and Canada is the British one
        assert (country, "head_of_state") in offices, country
    # Every office listed is held on the day the file begins, or its first holder is named.
    by_office: dict[tuple[str, str], list[OfficeTerm]] = defaultdict(list)
    for term in terms:
        by_office[(term.office_country, term.office)].append(term)
    assert sum(any(t.valid_on(date(2016, 1, 1)) for t in held) for held in by_office.values()) >= 100


def test_a_holder_is_one_actor_whose_id_the_other_dictionaries_share():
    actors, _ = actor_reference()
    ruto = actors["person:william-samoei-ruto"]  # the converted Phoenix id, renamed as the file names him
    assert (ruto.canonical_name, ruto.actor_code) == ("William Ruto", "KENELI")
    assert actors["person:vladimir-putin"].actor_code == "RUSGOV"  # a curated row wins
    names = {normalise_name(a.canonical_name) for a in actors.values() if a.entity_type == "PERSON"}
    assert "william samoei ruto" not in names


def test_a_holder_has_the_office_s_code_during_the_term_and_is_elite_after_it(resolver):
    ruto, _ = resolver.resolve_text("William Ruto", date(2024, 6, 25), "PERSON")
    assert (ruto.entity_id, ruto.actor_code, ruto.country_code, ruto.role_code) == ("person:william-samoei-ruto", "KENGOV", "KEN", "GOV")
    kenyatta, _ = resolver.resolve_text("Uhuru Kenyatta", date(2020, 3, 1), "PERSON")
    assert kenyatta.actor_code == "KENGOV"
    # Phoenix left his KENGOV of 2008 open; out of office he is Kenya's elite, as Phoenix codes former holders.
    kenyatta, _ = resolver.resolve_text("Uhuru Kenyatta", date(2024, 6, 25), "PERSON")
    assert kenyatta.actor_code == "KENELI"
    faki, _ = resolver.resolve_text("Moussa Faki Mahamat", date(2020, 1, 1), "PERSON")
    assert faki.actor_code == "IGOAFU"
    faki, _ = resolver.resolve_text("Moussa Faki Mahamat", date(2025, 6, 1), "PERSON")
    assert faki.actor_code == "TCDELI"  # his country, from the converted dictionaries


def test_titles_resolve_to_the_holder_on_the_date(resolver):
    def holder(title: str, day: date) -> str | None:
        found = resolver.resolve_text(title, day, "PERSON")
        return found[0].entity_id if found else None

    assert holder("Kenyan President", date(2024, 6, 25)) == "person:william-samoei-ruto"
    assert holder("Kenyan President", date(2020, 3, 1)) == "person:uhuru-kenyatta"
    assert holder("President of Kenya", date(2020, 3, 1)) == "person:uhuru-kenyatta"
    assert holder("Kenya's president", date(2023, 1, 1)) == "person:william-samoei-ruto"
    assert holder("Pakistan's army chief", date(2020, 1, 1)) == "person:qamar-javed-bajwa"
    assert holder("Pakistani army chief", date(2023, 1, 1)) == "person:asim-munir"
    assert holder("AU Commission chairperson", date(2020, 1, 1)) == "person:moussa-faki-mahamat"
    assert holder("Kenyan President", date(2012, 1, 1)) is None


def test_a_foreign_minister_and_an_army_chief_hold_their_code_only_in_their_term(resolver):
    zarif, _ = resolver.resolve_text("Mohammad Javad Zarif", date(2019, 6, 1), "PERSON")
    assert (zarif.entity_id, zarif.actor_code) == ("person:mohammad-zarif-khonsari", "IRNGOV")
    assert resolver.resolve_text("Iranian foreign minister", date(2019, 6, 1), "PERSON")[0].entity_id == zarif.entity_id
    zarif, _ = resolver.resolve_text("Mohammad Javad Zarif", date(2023, 1, 1), "PERSON")
    assert zarif.actor_code == "IRNELI"
    assert resolver.resolve_text("Iranian foreign minister", date(2023, 1, 1), "PERSON")[0].entity_id != zarif.entity_id

    bajwa, _ = resolver.resolve_text("Qamar Javed Bajwa", date(2020, 5, 1), "PERSON")
    assert (bajwa.actor_code, bajwa.role_code) == ("PAKMIL", "MIL")
    bajwa, _ = resolver.resolve_text("Qamar Javed Bajwa", date(2023, 5, 1), "PERSON")
    assert bajwa.actor_code == "PAKELI"
    assert resolver.resolve_text("Pakistan's army chief", date(2023, 5, 1), "PERSON")[0].entity_id == "person:asim-munir"


def test_a_title_and_name_in_a_sentence_are_the_holder(nlp):
    doc = nlp("Kenyan President William Ruto met Pakistan's army chief in Nairobi on Tuesday.")
    found = {(m.surface_text, m.entity.entity_id, m.entity.actor_code) for m in resolve_entities(doc, date(2024, 6, 25))}
    assert ("Kenyan President William Ruto", "person:william-samoei-ruto", "KENGOV") in found
    assert ("Pakistan's army chief", "person:asim-munir", "PAKMIL") in found


def test_no_title_names_two_people_on_one_date():
    """Generated and curated titles together: on any date a title names one holder at most."""
    _, aliases = actor_reference()
    by_key: dict[str, list] = defaultdict(list)
    for alias in aliases:
        if alias.alias_type == "title":
            by_key[normalise_name(alias.alias)].append(alias)
    clashes = []
    for key, titled in by_key.items():
        for a, b in combinations(titled, 2):
            if a.entity_id == b.entity_id:
                continue
            a_from, b_from = a.valid_from or date.min, b.valid_from or date.min
            a_to, b_to = a.valid_to or date.max, b.valid_to or date.max
            if a_from <= b_to and b_from <= a_to:
                clashes.append((key, a.entity_id, b.entity_id, max(a_from, b_from)))
    assert clashes == []


def test_titles_are_composed_from_the_country_s_names_and_demonyms():
    term = OfficeTerm(
        "person:x", "X", "KEN", "head_of_state", ("President",), "KENGOV", date(2022, 9, 13), None, "https://en.wikipedia.org/wiki/X"
    )
    phrases = {a.alias for a in office_title_aliases(term, ("Kenya",), ("Kenyan",))}
    assert phrases == {"Kenyan President", "Kenya President", "Kenya's President", "President of Kenya"}
    term = OfficeTerm("person:y", "Y", "USA", "foreign_minister", ("Secretary of State",), "USAGOV", date(2021, 1, 26), None, "")
    phrases = {a.alias for a in office_title_aliases(term, ("the United States",), ())}
    assert {"United States' Secretary of State", "Secretary of State of the United States"} <= phrases


def test_gaps_after_terms_are_the_days_out_of_office():
    def term(start: date, end: date | None) -> OfficeTerm:
        return OfficeTerm("person:x", "X", "ISR", "head_of_government", ("Prime Minister",), "ISRGOV", start, end, "")

    day = date(2021, 6, 13)
    held = [term(date(2009, 3, 31), day - timedelta(days=1)), term(date(2022, 12, 29), None)]
    assert gaps_after_terms(held) == [(day, date(2022, 12, 28))]
    assert gaps_after_terms([term(date(2016, 1, 1), date(2018, 1, 1))]) == [(date(2018, 1, 2), None)]

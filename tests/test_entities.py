"""Entity resolution: aliases, office titles valid on the date, short forms, places with coordinates."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.entities import ActorResolver, default_resolver, resolve_entities
from newsevents.reference import load_actors, normalise_name


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return default_resolver()


def resolved(nlp, text, day=date(2022, 4, 26)):
    return [(m.surface_text, m.entity.entity_id, m.resolution_method) for m in resolve_entities(nlp(text), day)]


def test_name_variants_normalise_alike():
    assert normalise_name("António Guterres") == normalise_name("antonio guterres")
    assert normalise_name("U.N.") == normalise_name("UN") == "un"
    assert normalise_name("the Kremlin's") == "kremlin"


def test_office_titles_resolve_to_the_holder_on_the_date(resolver):
    actor, _ = resolver.resolve_text("UN chief", date(2022, 4, 26), "PERSON")
    assert actor.entity_id == "person:antonio-guterres"
    assert resolver.resolve_text("UN chief", date(2012, 1, 1), "PERSON") is None


def test_titles_before_names_are_stripped(resolver):
    actor, _ = resolver.resolve_text("Russian President Vladimir Putin", None, "PERSON")
    assert (actor.entity_id, actor.actor_code, actor.country_code) == ("person:vladimir-putin", "RUSGOV", "RUS")


def test_countries_come_from_iso_3166():
    actors = load_actors()
    assert actors["country:FRA"].canonical_name == "France"
    assert actors["country:RUS"].canonical_name == "Russia"  # curated short name over 'Russian Federation'
    assert sum(1 for a in actors.values() if a.feature_type == "country") >= 249


def test_lower_case_transcript_names_resolve(nlp):
    found = resolved(nlp, "antonio guterres took part in talks with president putin in moscow")
    ids = {entity_id for _, entity_id, _ in found}
    assert {"person:antonio-guterres", "person:vladimir-putin", "city:moscow"} <= ids


def test_pronoun_us_is_not_the_united_states(nlp):
    ids = {entity_id for _, entity_id, _ in resolved(nlp, "Let us hope the US and the U.S. Army agree.")}
    assert "country:USA" in ids
    assert [s for s, e, _ in resolved(nlp, "Let us hope they agree.") if e == "country:USA"] == []


def test_short_form_resolves_to_person_named_earlier(nlp):
    found = resolved(nlp, "Ben Wallace met Sergei Shoigu in Moscow. Mr Wallace said the talks were frank.", date(2022, 2, 11))
    assert ("Wallace", "person:ben-wallace", "document") in found


def test_unknown_names_become_stable_unresolved_entities(nlp):
    found = resolved(nlp, "Olena Petrenko, a teacher, spoke to reporters in Kharkiv.")
    assert ("Olena Petrenko", "unresolved:person:olena-petrenko", "unresolved") in found


def test_places_carry_coordinates_in_the_right_country(nlp):
    mentions = resolve_entities(nlp("The talks took place in Moscow and later in Kiev."), date(2022, 4, 26))
    places = {m.entity.entity_id: m.entity for m in mentions}
    moscow, kyiv = places["city:moscow"], places["city:kyiv"]
    assert moscow.country_code == "RUS" and 55 < moscow.latitude < 56.5 and 37 < moscow.longitude < 38.5
    assert kyiv.canonical_name == "Kyiv" and kyiv.geonames_id == 703448


def test_putin_forms_resolve_to_one_actor(nlp):
    text = "President Putin spoke. Vladimir Putin left. Putin returned. later putin said nothing."
    found = resolve_entities(nlp(text), date(2022, 4, 26))
    assert len(found) == 4
    assert {m.entity.entity_id for m in found} == {"person:vladimir-putin"}
    assert {(m.entity.actor_code, m.entity.country_code) for m in found} == {("RUSGOV", "RUS")}

"""Issue 4's bar on the sample: canonical-entity precision and recall against hand-annotated gold, one
dim_entity row per real-world actor, no noise, and coordinates for every city and country."""

from __future__ import annotations

import pytest

from newsevents.evaluate import GOLD_DIR, predicted_entities, read_gold_entities, score_by_type
from tests.conftest import rows

FLOOR = 0.9
KNOWN_VARIANTS = {
    "person:vladimir-putin": ["Putin", "Vladimir Putin"],
    "person:antonio-guterres": ["Guterres", "António Guterres", "Antonio Guterres", "UN chief", "UN secretary-general"],
    "org:united-nations": ["UN", "U.N.", "United Nations", "U.N"],
    "org:nato": ["NATO", "Nato"],
    "city:kyiv": ["Kyiv", "Kiev"],
    "person:volodymyr-zelensky": ["Zelensky", "Volodymyr Zelensky", "Volodymyr Zelenskyy"],
    "person:lloyd-austin": ["Lloyd Austin", "Austin"],
    "person:ben-wallace": ["Ben Wallace", "Wallace"],
    "person:mark-milley": ["Mark Milley", "Milley"],
    "country:USA": ["US", "U.S.", "United States"],
}
NOISE = ["KELLY", "MAYNES", "Sergei Chirikov", "AFP", "Getty", "• Guterres", "U.S has", "Red Cross involvement", "BBC News"]


@pytest.fixture(scope="module")
def scores(warehouse):
    mentions = warehouse.execute("select * from staging.entity_mentions").df()
    file_names = dict(warehouse.execute("select document_id, file_name from staging.raw_documents").fetchall())
    gold = read_gold_entities(GOLD_DIR / "entities.csv")
    return score_by_type(gold, predicted_entities(mentions, file_names))


@pytest.mark.parametrize("entity_type", ["PERSON", "ORG", "GPE"])
def test_canonical_entity_precision_and_recall(scores, entity_type):
    score = scores[entity_type]
    assert score.precision >= FLOOR, f"{entity_type} precision {score.precision:.3f}"
    assert score.recall >= FLOOR, f"{entity_type} recall {score.recall:.3f}"


@pytest.mark.parametrize("entity_id", sorted(KNOWN_VARIANTS))
def test_known_variants_are_one_entity(warehouse, entity_id):
    found = rows(warehouse, """
        select distinct mention.surface_text, entity.entity_id
        from main.fact_entity_mention as mention
        join main.dim_entity as entity on entity.entity_key = mention.entity_key
        where mention.surface_text in (select unnest(?))
    """, [KNOWN_VARIANTS[entity_id]])
    assert {f["surface_text"] for f in found} >= set(KNOWN_VARIANTS[entity_id][:2])
    # A capital standing for its government (`giving Kyiv weapons`) is that government, not a second Kyiv.
    assert {f["entity_id"] for f in found if "/" not in f["entity_id"]} == {entity_id}


def test_no_two_rows_share_a_canonical_name(warehouse):
    duplicated = rows(warehouse, """
        select lower(canonical_name) as name, count(*) as n from main.dim_entity group by 1 having count(*) > 1
    """)
    assert duplicated == []


def test_noise_is_not_an_entity(warehouse):
    names = {r["canonical_name"] for r in rows(warehouse, "select canonical_name from main.dim_entity")}
    surfaces = {r["surface_text"] for r in rows(warehouse, "select distinct surface_text from main.fact_entity_mention")}
    assert not (set(NOISE) & (names | surfaces))


def test_every_city_and_country_has_coordinates(warehouse):
    places = rows(warehouse, """
        select name, feature_type, country_code, latitude, longitude, geonames_id from main.dim_location
        where feature_type in ('city', 'country')
    """)
    assert len(places) > 25
    assert [p["name"] for p in places if p["latitude"] is None or p["longitude"] is None] == []
    moscow = next(p for p in places if p["name"] == "Moscow")
    assert moscow["country_code"] == "RUS" and 55 < moscow["latitude"] < 56.5 and moscow["geonames_id"] == 524901

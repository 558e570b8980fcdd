"""End to end: every asset on the sample into a temporary warehouse, through Dagster, asserted on content."""

from __future__ import annotations

import pytest

from schemas import TABLE_MODELS
from tests.conftest import rows


def test_every_asset_and_check_succeeded(sample_run):
    result, _ = sample_run
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert {e.check_name for e in evaluations} == {f"{t.split('.')[1]}_matches_schema" for t in TABLE_MODELS}
    assert all(e.passed for e in evaluations), [e.check_name for e in evaluations if not e.passed]


@pytest.mark.parametrize("table", sorted(TABLE_MODELS))
def test_table_has_declared_columns_and_rows(warehouse, table):
    schema_name, table_name = table.split(".")
    columns = [r["column_name"] for r in rows(
        warehouse,
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position",
        [schema_name, table_name],
    )]
    assert columns == list(TABLE_MODELS[table].to_schema().columns)
    row_count = warehouse.execute(f'select count(*) from {schema_name}."{table_name}"').fetchone()[0]
    if table in ("staging.duplicate_inputs", "staging.quarantined_inputs"):
        assert row_count == 0  # the sample has five distinct, readable English texts
    else:
        assert row_count > 0


def test_guterres_putin_meeting_in_moscow_is_one_event_from_three_sources(warehouse):
    meetings = rows(warehouse, """
        select event.event_key, event.event_code, day.date, location.name as location, location.country_code,
               event.num_sources, event.num_articles
        from main.fact_event as event
        join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
        join main.dim_entity as actor2 on actor2.entity_key = event.actor2_entity_key
        join main.dim_location as location on location.location_key = event.location_key
        join main.dim_date as day on day.date_key = event.date_key
        where event.event_code like '04%'
          and list_sort([actor1.canonical_name, actor2.canonical_name]) = ['António Guterres', 'Vladimir Putin']
    """)
    assert len(meetings) == 1
    meeting = meetings[0]
    assert str(meeting["date"]) == "2022-04-26"
    assert (meeting["location"], meeting["country_code"]) == ("Moscow", "RUS")
    assert meeting["num_sources"] == 3
    sources = {r["source_name"] for r in rows(warehouse, """
        select distinct source.source_name
        from main.fact_event_mention as mention
        join main.dim_source as source on source.source_key = mention.source_key
        where mention.event_key = ?
    """, [meeting["event_key"]])}
    assert sources == {"BBC News", "Axios", "NPR"}


def test_putin_variants_are_one_entity(warehouse):
    # The raw spelling, read back through the raw offsets: the BBC transcript's lower-case `putin` was
    # recased before NER, and must land on the same actor as the other spellings.
    entities = rows(warehouse, """
        select distinct substr(raw.raw_text, mention.raw_start_char + 1, mention.raw_end_char - mention.raw_start_char) as raw_surface,
               entity.entity_key, entity.actor_code, entity.country_code
        from staging.entity_mentions as mention
        join staging.raw_documents as raw on raw.document_id = mention.document_id
        join main.dim_entity as entity on entity.entity_id = mention.entity_id
        where lower(mention.surface_text) like '%putin%'
    """)
    surfaces = {e["raw_surface"] for e in entities}
    assert {"putin", "vladimir putin", "Putin", "Vladimir Putin"} <= surfaces
    assert len({e["entity_key"] for e in entities}) == 1
    assert {(e["actor_code"], e["country_code"]) for e in entities} == {("RUSGOV", "RUS")}
    assert warehouse.execute("select count(*) from main.dim_entity where canonical_name like '%Putin%'").fetchone()[0] == 1


def test_united_nations_variants_are_one_entity(warehouse):
    entities = rows(warehouse, """
        select distinct mention.surface_text, entity.entity_key, entity.actor_code
        from main.fact_entity_mention as mention
        join main.dim_entity as entity on entity.entity_key = mention.entity_key
        where mention.surface_text in ('UN', 'U.N.', 'United Nations', 'u.n')
    """)
    assert {"UN", "U.N.", "United Nations"} <= {e["surface_text"] for e in entities}
    assert {(e["entity_key"], e["actor_code"]) for e in entities} == {(entities[0]["entity_key"], "IGOUNO")}


def test_publication_dates_and_their_origins(warehouse):
    documents = {r["file_name"]: r for r in rows(warehouse, "select file_name, published_date, published_date_origin from main.dim_document")}
    assert str(documents["001_abdff39c0beee926.txt"]["published_date"])[:10] == "2023-02-15"
    assert documents["001_abdff39c0beee926.txt"]["published_date_origin"] == "text"
    assert str(documents["002_f569dc27f7bb1771.txt"]["published_date"])[:10] == "2022-04-26"
    assert documents["002_f569dc27f7bb1771.txt"]["published_date_origin"] == "text"
    assert documents["003_46898ae6534dde6d.txt"]["published_date_origin"] == "manifest"


def test_negated_invasion_is_not_a_fact(warehouse):
    # The invasion is negated; Putin insisting on it is his denial (016), which did happen.
    invasion = "sentence_text like '%not planning to invade%' and event_code like '19%'"
    negated = rows(warehouse, f"select mode, event_code from staging.event_mentions where {invasion}")
    assert negated and {r["mode"] for r in negated} == {"negated"}
    assert warehouse.execute(f"select count(*) from main.fact_event_mention where {invasion}").fetchone()[0] == 0


def test_event_types_keep_leading_zeros_and_quad_classes(warehouse):
    types = {r["event_code"]: r for r in rows(warehouse, "select * from main.dim_event_type")}
    assert types["040"]["quad_class"] == 1 and types["040"]["root_description"] == "Consult"
    assert types["072"]["quad_class_name"] == "Material Cooperation"
    assert types["112"]["quad_class"] == 3
    assert types["194"]["quad_class"] == 4 and types["194"]["goldstein_scale"] < 0


FOREIGN_KEYS = [
    ("fact_event", "actor1_entity_key", "dim_entity", "entity_key"),
    ("fact_event", "actor2_entity_key", "dim_entity", "entity_key"),
    ("fact_event", "location_key", "dim_location", "location_key"),
    ("fact_event", "date_key", "dim_date", "date_key"),
    ("fact_event", "event_code", "dim_event_type", "event_code"),
    ("fact_event_mention", "event_key", "fact_event", "event_key"),
    ("fact_event_mention", "document_key", "dim_document", "document_key"),
    ("fact_event_mention", "source_key", "dim_source", "source_key"),
    ("fact_event_mention", "date_key", "dim_date", "date_key"),
    ("fact_event_mention", "event_code", "dim_event_type", "event_code"),
    ("fact_event_mention", "reported_by_entity_key", "dim_entity", "entity_key"),
    ("fact_entity_mention", "entity_key", "dim_entity", "entity_key"),
    ("fact_entity_mention", "document_key", "dim_document", "document_key"),
    ("fact_entity_mention", "date_key", "dim_date", "date_key"),
    ("dim_document", "source_key", "dim_source", "source_key"),
    ("dim_document", "date_key", "dim_date", "date_key"),
]


@pytest.mark.parametrize(("table", "column", "dimension", "key"), FOREIGN_KEYS)
def test_foreign_keys_resolve(warehouse, table, column, dimension, key):
    orphans = warehouse.execute(
        f"select count(*) from main.{table} where {column} is not null and {column} not in (select {key} from main.{dimension})"
    ).fetchone()[0]
    assert orphans == 0


def test_event_mention_offsets_point_at_the_text(warehouse):
    mismatches = rows(warehouse, """
        select mention.mention_id
        from staging.event_mentions as mention
        join staging.cleaned_documents as doc on doc.document_id = mention.document_id
        where substr(doc.clean_text, mention.actor1_start_char + 1, mention.actor1_end_char - mention.actor1_start_char) <> mention.actor1_text
           or substr(doc.clean_text, mention.action_start_char + 1, mention.action_end_char - mention.action_start_char) <> mention.action_text
           or (mention.actor2_text is not null and
               substr(doc.clean_text, mention.actor2_start_char + 1, mention.actor2_end_char - mention.actor2_start_char) <> mention.actor2_text)
    """)
    assert mismatches == []
    assert warehouse.execute("select count(*) from staging.event_mentions where actor2_text is not null").fetchone()[0] > 10


def test_entity_mention_offsets_point_at_the_text(warehouse):
    mismatches = warehouse.execute("""
        select count(*) from staging.entity_mentions as mention
        join staging.cleaned_documents as doc on doc.document_id = mention.document_id
        where substr(doc.clean_text, mention.start_char + 1, mention.end_char - mention.start_char) <> mention.surface_text
    """).fetchone()[0]
    assert mismatches == 0


def test_entity_mentions_point_into_the_raw_text(warehouse):
    mentions = rows(warehouse, """
        select mention.surface_text,
               substr(raw.raw_text, mention.raw_start_char + 1, mention.raw_end_char - mention.raw_start_char) as raw_surface
        from staging.entity_mentions as mention
        join staging.raw_documents as raw on raw.document_id = mention.document_id
    """)
    assert len(mentions) > 400
    mismatched = [m for m in mentions if " ".join(m["raw_surface"].replace("’", "'").split()).lower() != m["surface_text"].lower()]
    assert mismatched == []


def test_parse_keeps_the_cleaning_sentences(warehouse):
    counts = rows(warehouse, """
        select parsed.sentence_count, json_array_length(cleaned.sentence_offsets) as cleaned_sentences
        from staging.parsed_documents as parsed
        join staging.cleaned_documents as cleaned on cleaned.document_id = parsed.document_id
    """)
    assert all(c["sentence_count"] == c["cleaned_sentences"] for c in counts)


def test_bbc_transcript_was_recased(warehouse):
    recased = rows(warehouse, """
        select cleaned.recased, cleaned.clean_text from staging.cleaned_documents as cleaned
        join staging.raw_documents as raw on raw.document_id = cleaned.document_id
        where raw.file_name = '000_2c221bff82a2ffa3.txt'
    """)[0]
    assert recased["recased"]
    assert "Antonio Guterres took part in talks with President Putin" in recased["clean_text"]


@pytest.mark.parametrize(
    ("actor1", "code", "actor2", "day", "place"),
    [
        ("country:DEU", "072", "country:UKR", "2022-04-26", None),  # Germany authorises tanks for Ukraine
        ("country:RUS", "163", "country:BGR", "2022-04-26", None),  # Russia stops gas supplies to Bulgaria...
        ("country:RUS", "163", "country:POL", "2022-04-26", None),  # ...and to Poland
        ("country:NLD/MIL", "150", "country:RUS/MIL", "2023-02-15", "Poland"),  # Dutch F-35s intercept Russian aircraft
    ],
)
def test_named_happenings_are_coded(warehouse, actor1, code, actor2, day, place):
    found = rows(warehouse, """
        select day.date, location.name as place
        from main.fact_event as event
        join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
        join main.dim_entity as actor2 on actor2.entity_key = event.actor2_entity_key
        join main.dim_date as day on day.date_key = event.date_key
        join main.dim_location as location on location.location_key = event.location_key
        where actor1.entity_id = ? and event.event_code = ? and actor2.entity_id = ?
    """, [actor1, code, actor2])
    assert len(found) == 1
    assert str(found[0]["date"]) == day
    if place:
        assert found[0]["place"] == place


def test_the_interception_reports_are_one_event(warehouse):
    # The headline, the report of the interception, and the escort that follows (`escorted the formation`)
    reports = warehouse.execute("""
        select event.num_mentions from main.fact_event as event
        join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
        where actor1.entity_id = 'country:NLD/MIL' and event.event_code = '150' and event.location_key <> surrogate_key('unknown')
    """).fetchall()
    assert reports == [(3,)]


def test_events_carry_their_plover_type_and_mode(warehouse):
    """Issue 16: each event's code has its PLOVER event type and mode in dim_event_type (PLOVER drops
    CAMEO's statements and appeals, 01 and 02)."""
    types = {
        row["event_code"]: (row["plover_event_type"], row["plover_mode"])
        for row in rows(warehouse, "select event_code, plover_event_type, plover_mode from main.dim_event_type")
    }
    assert types["0332"] == ("AGREE", None)
    assert types["042"] == ("CONSULT", "visit")
    assert types["190"][0] == "ASSAULT" and types["1411"][0] == "PROTEST" and types["163"][0] == "COERCE"
    assert types["010"] == (None, None)
    assert all(plover for code, (plover, _) in types.items() if code[:2] not in ("01", "02"))
    coded = rows(warehouse, """
        select count(*) as events, count(type.plover_event_type) as typed
        from main.fact_event as event join main.dim_event_type as type using (event_code)
        where type.event_root_code not in ('01', '02')
    """)[0]
    assert coded["events"] > 0 and coded["typed"] == coded["events"]

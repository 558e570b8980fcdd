-- events_wide: grain = one row per event of fact_event, with everything a reader asks of it (who did
-- what to whom, where and when, how often reported, and the first report's source, URL and sentence),
-- so no join is needed. Columns keep GDELT 2.0's names (in lower snake case) where the meaning is the
-- same: sql_date, actor1_code, event_root_code, quad_class, goldstein_scale, num_mentions, avg_tone,
-- action_geo_lat, source_url...
select
    event.event_key,
    event.event_id,
    cast(event_date.date as date) as event_date,
    event_date.date_key as sql_date,
    event.date_precision,
    actor1.canonical_name as actor1_name,
    actor1.actor_code as actor1_code,
    actor1.country_code as actor1_country_code,
    actor1.role_code as actor1_type_code,
    actor1.entity_id as actor1_entity_id,
    actor2.canonical_name as actor2_name,
    actor2.actor_code as actor2_code,
    actor2.country_code as actor2_country_code,
    actor2.role_code as actor2_type_code,
    actor2.entity_id as actor2_entity_id,
    event.event_code,
    event_type.event_base_code,
    event_type.event_root_code,
    event_type.description as event_description,
    event_type.root_description as event_root_description,
    event.quad_class,
    event_type.quad_class_name,
    event.goldstein_scale,
    event_type.plover_event_type,
    event.is_root_event,
    place.name as action_geo_full_name,
    place.country_code as action_geo_country_code,
    place.precision as action_geo_precision,
    place.latitude as action_geo_lat,
    place.longitude as action_geo_long,
    place.geonames_id as action_geo_feature_id,
    event.num_mentions,
    event.num_sources,
    event.num_articles,
    event.avg_tone,
    event.max_confidence,
    first_report.report.source_name,
    first_report.report.source_url,
    cast(first_report.report.published_date as date) as first_reported_on,
    first_report.report.sentence_text as evidence_sentence
from main.fact_event as event
left join main.dim_date as event_date on event_date.date_key = event.date_key and event.date_key > 0
inner join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
-- The unknown members (no second actor, no place) become nulls.
left join main.dim_entity as actor2 on actor2.entity_key = event.actor2_entity_key and actor2.entity_id <> 'unknown'
inner join main.dim_event_type as event_type on event_type.event_code = event.event_code
left join main.dim_location as place on place.location_key = event.location_key and place.entity_id <> 'unknown'
left join (
    -- The first report of each event: the earliest published, then the most confident, then the shortest
    -- sentence. arg_min keeps one row per event as it aggregates, with no sort of every report.
    select
        report.event_key,
        arg_min(
            {
                'source_name': source.source_name,
                'source_url': document.url,
                'published_date': document.published_date,
                'sentence_text': report.sentence_text
            },
            (coalesce(document.published_date, '9999-12-31'::timestamp), -report.confidence, length(report.sentence_text), report.mention_key)
        ) as report
    from main.fact_event_mention as report
    inner join main.dim_document as document on document.document_key = report.document_key
    inner join main.dim_source as source on source.source_key = report.source_key
    group by report.event_key
) as first_report on first_report.event_key = event.event_key

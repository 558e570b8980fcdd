-- fact_event: grain = one real-world event that happened (mode 'asserted'), however many sentences,
-- articles and sources report it. The counts and tone are computed from fact_event_mention, so they
-- stay true when later loads add or remove reports.
with reports as (
    select
        event_key,
        count(*) as num_mentions,
        count(distinct source_key) as num_sources,
        count(distinct document_key) as num_articles,
        avg(tone) as avg_tone,
        max(confidence) as max_confidence
    from main.fact_event_mention
    group by event_key
)
select
    md5(event.event_id) as event_key,
    event.event_id,
    coalesce(cast(strftime(event.event_date, '%Y%m%d') as integer), -1) as date_key,
    event.date_precision,
    md5(event.actor1_entity_id) as actor1_entity_key,
    md5(coalesce(event.actor2_entity_id, 'unknown')) as actor2_entity_key,
    event.event_code,
    md5(coalesce(event.location_entity_id, 'unknown')) as location_key,
    event.is_root_event,
    event_type.goldstein_scale,
    event_type.quad_class,
    reports.num_mentions,
    reports.num_sources,
    reports.num_articles,
    reports.avg_tone,
    reports.max_confidence
from staging.events as event
inner join reports on reports.event_key = md5(event.event_id)
inner join main.dim_event_type as event_type on event_type.event_code = event.event_code
where event.mode = 'asserted'

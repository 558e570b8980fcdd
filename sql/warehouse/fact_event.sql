-- fact_event: grain = one real-world event that happened (mode 'asserted'), however many sentences,
-- articles and sources report it. The counts and tone are computed from fact_event_mention, so they
-- stay true when later loads add or remove reports.
-- event_key is taken from fact_event_mention and the distinct counts are lengths of distinct lists
-- (DuckDB plans count(distinct) apart from the grouping): both let a load's filter on event_key reach
-- the scan of fact_event_mention, so updating a few events does not aggregate every report. The tone
-- is averaged as a decimal: its sum is exact, so the average does not depend on the order of the rows.
select
    report.event_key,
    event.event_id,
    coalesce(cast(strftime(event.event_date, '%Y%m%d') as integer), -1) as date_key,
    event.date_precision,
    surrogate_key(event.actor1_entity_id) as actor1_entity_key,
    surrogate_key(coalesce(event.actor2_entity_id, 'unknown')) as actor2_entity_key,
    event.event_code,
    surrogate_key(coalesce(event.location_entity_id, 'unknown')) as location_key,
    event.is_root_event,
    event_type.goldstein_scale,
    event_type.quad_class,
    count(*) as num_mentions,
    length(list_distinct(list(report.source_key))) as num_sources,
    length(list_distinct(list(report.document_key))) as num_articles,
    avg(cast(report.tone as decimal(18, 6))) as avg_tone,
    max(report.confidence) as max_confidence
from staging.events as event
inner join main.fact_event_mention as report on report.event_key = surrogate_key(event.event_id)
inner join main.dim_event_type as event_type on event_type.event_code = event.event_code
where event.mode = 'asserted'
group by all

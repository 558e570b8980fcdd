-- The events reported by the most sources, then the most sentences: what `make run` prints.
-- The top events are chosen first, then joined to their dimensions: a join of ten rows, not of every event.
with top as (
    select *
    from main.fact_event
    order by num_sources desc, num_mentions desc, max_confidence desc, event_key
    limit ?
)
select
    coalesce(cast(day.date as varchar), 'unknown') as date,
    actor1.canonical_name as actor1,
    event_type.event_code,
    event_type.description as event,
    actor2.canonical_name as actor2,
    location.name as location,
    event.num_sources,
    event.num_articles,
    event.num_mentions
from top as event
inner join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
inner join main.dim_entity as actor2 on actor2.entity_key = event.actor2_entity_key
inner join main.dim_event_type as event_type on event_type.event_code = event.event_code
inner join main.dim_location as location on location.location_key = event.location_key
inner join main.dim_date as day on day.date_key = event.date_key
order by event.num_sources desc, event.num_mentions desc, event.max_confidence desc, event.event_key

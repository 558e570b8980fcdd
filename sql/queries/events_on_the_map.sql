-- Events with a known place, ready for a map: where, what, who, and how widely reported.
select
    location.name as place,
    location.country_code,
    round(location.latitude, 2) as latitude,
    round(location.longitude, 2) as longitude,
    event_type.description as event,
    actor1.canonical_name as actor1,
    event.num_sources
from main.fact_event as event
inner join main.dim_location as location on location.location_key = event.location_key
inner join main.dim_event_type as event_type on event_type.event_code = event.event_code
inner join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
where location.entity_id <> 'unknown'
order by event.num_sources desc, place

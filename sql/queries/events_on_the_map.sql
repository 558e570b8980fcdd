-- Places of events, ready for a map: one row per place with how many events happened there and how
-- many of them were conflict (quad classes 3 and 4), so a map draws one sized point per place, however
-- many events the warehouse holds.
select
    location.name as place,
    location.country_code,
    location.precision,
    round(location.latitude, 2) as latitude,
    round(location.longitude, 2) as longitude,
    count(*) as events,
    count(*) filter (where event.quad_class >= 3) as conflict_events,
    sum(event.num_mentions) as reports
from main.fact_event as event
inner join main.dim_location as location on location.location_key = event.location_key
where location.entity_id <> 'unknown' and location.latitude is not null
group by all
order by events desc, place

-- Located events per place, month, country and event root: the map draws one bubble per place, sized by
-- its count, never one point per event. `country`: '%' counts every event, a code the events involving
-- that country (see event_counts.sql).
with events as (
    select
        date_trunc('month', event_date)::date as month,
        event_root_code,
        action_geo_full_name as place,
        action_geo_country_code as place_country,
        action_geo_lat as lat,
        action_geo_long as long,
        list_distinct([actor1_country_code, actor2_country_code, action_geo_country_code]) as countries
    from main.events_wide
    where event_date is not null and action_geo_lat is not null and action_geo_long is not null
),
by_country as (
    select *, '%' as country from events
    union all
    select *, unnest(countries) as country from events
)
select month, country, event_root_code, place, place_country, lat, long, count(*) as events
from by_country
group by all
order by month, country, event_root_code, place

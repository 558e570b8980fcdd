-- Events per pair of actors (actor 1 -> actor 2), month, country and event root: the top-pairs chart.
-- `country`: '%' counts every event, a code the events involving that country (see event_counts.sql).
with events as (
    select
        date_trunc('month', event_date)::date as month,
        event_root_code,
        actor1_name,
        actor2_name,
        list_distinct([actor1_country_code, actor2_country_code, action_geo_country_code]) as countries
    from main.events_wide
    where event_date is not null and actor1_name is not null and actor2_name is not null
),
by_country as (
    select *, '%' as country from events
    union all
    select *, unnest(countries) as country from events
)
select month, country, event_root_code, actor1_name, actor2_name, count(*) as events
from by_country
group by all
order by month, country, event_root_code, actor1_name, actor2_name

-- Events per actor (as actor 1 or actor 2), month, country and event root: the top-actors chart.
-- `country`: '%' counts every event, a code the events involving that country (see event_counts.sql).
with events as (
    select
        date_trunc('month', event_date)::date as month,
        event_root_code,
        actor1_name,
        actor2_name,
        list_distinct([actor1_country_code, actor2_country_code, action_geo_country_code]) as countries
    from main.events_wide
    where event_date is not null
),
by_country as (
    select *, '%' as country from events
    union all
    select *, unnest(countries) as country from events
),
actors as (
    select month, country, event_root_code, actor1_name as actor from by_country where actor1_name is not null
    union all
    select month, country, event_root_code, actor2_name as actor from by_country where actor2_name is not null
)
select month, country, event_root_code, actor, count(*) as events
from actors
group by all
order by month, country, event_root_code, actor

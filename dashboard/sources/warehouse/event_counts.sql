-- Events per month, country and event root (for the chart over time, the totals and the filters' options).
-- Every source of the dashboard is aggregated here, in the warehouse, to what its chart needs, and keeps
-- the three filters as columns: `month`, `country` and `event_root_code`. `country` is '%' on the rows
-- that count every event once (the filter's "All countries"), and a country code on the rows that count
-- the events involving that country: as either actor's country or as the country of the place.
with events as (
    select
        date_trunc('month', event_date)::date as month,
        event_date,
        event_root_code,
        event_root_description,
        quad_class,
        quad_class_name,
        action_geo_lat,
        -- list_distinct drops the NULLs too
        list_distinct([actor1_country_code, actor2_country_code, action_geo_country_code]) as countries
    from main.events_wide
    where event_date is not null
),
by_country as (
    select *, '%' as country from events
    union all
    select *, unnest(countries) as country from events
)
select
    month,
    country,
    event_root_code,
    event_root_description,
    quad_class,
    quad_class_name,
    count(*) as events,
    count(action_geo_lat) as located_events,
    min(event_date) as first_event_date,
    max(event_date) as last_event_date
from by_country
group by all
order by month, country, event_root_code, quad_class

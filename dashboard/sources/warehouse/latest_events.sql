-- The latest events with the sentence that reports each: for every choice of the country and event-root
-- filters ('%' is "all"), its 20 latest events, so the table is right for any choice of those two; a
-- date range then narrows those 20.
with events as (
    select
        event_date,
        first_reported_on,
        event_root_code,
        actor1_name,
        event_description,
        actor2_name,
        action_geo_full_name,
        evidence_sentence,
        source_name,
        source_url,
        list_distinct([actor1_country_code, actor2_country_code, action_geo_country_code]) as countries
    from main.events_wide
    where event_date is not null
),
by_country as (
    select *, '%' as country from events
    union all
    select *, unnest(countries) as country from events
),
by_country_and_root as (
    select *, '%' as event_root from by_country
    union all
    select *, event_root_code as event_root from by_country where event_root_code is not null
)
select
    country,
    event_root,
    event_date,
    actor1_name,
    event_description,
    actor2_name,
    action_geo_full_name,
    evidence_sentence,
    source_name,
    source_url
from by_country_and_root
qualify row_number() over (
    partition by country, event_root
    order by event_date desc, first_reported_on desc nulls last, actor1_name, event_description, actor2_name
) <= 20
order by country, event_root, event_date desc

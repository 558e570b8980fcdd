-- event_counts_by_country: grain = one row per day, country and quad class: the events whose first
-- actor is of that country (actor1_country_code, 'unknown' where none), for time series. Events with an
-- unknown date are left out.
select
    cast(event_date.date as date) as event_date,
    coalesce(actor1.country_code, 'unknown') as actor1_country_code,
    event.quad_class,
    event_type.quad_class_name,
    count(*) as num_events,
    sum(event.num_mentions) as num_mentions,
    sum(event.num_articles) as num_articles,
    avg(event.goldstein_scale) as avg_goldstein_scale,
    avg(event.avg_tone) as avg_tone
from main.fact_event as event
inner join main.dim_date as event_date on event_date.date_key = event.date_key and event.date_key > 0
inner join main.dim_entity as actor1 on actor1.entity_key = event.actor1_entity_key
inner join main.dim_event_type as event_type on event_type.event_code = event.event_code
group by all

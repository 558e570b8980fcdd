-- dim_date: one row per calendar day from the earliest to the latest date in the data, plus the
-- unknown-date member (date_key -1) that facts without a date point at.
with bounds as (
    select min(day) as first_day, max(day) as last_day
    from (
        select published_date as day from staging.cleaned_documents
        union all
        select event_date as day from staging.events
    ) as dated
    where day is not null
),
days as (
    select unnest(generate_series(first_day, last_day, interval 1 day)) as day
    from bounds
    where first_day is not null
)
select
    cast(strftime(day, '%Y%m%d') as integer) as date_key,
    cast(day as date) as date,
    year(day) as year,
    quarter(day) as quarter,
    month(day) as month,
    monthname(day) as month_name,
    dayname(day) as day_of_week,
    weekofyear(day) as iso_week,
    isodow(day) in (6, 7) as is_weekend
from days
union all
select -1, null, null, null, null, 'Unknown', 'Unknown', null, null
order by date_key

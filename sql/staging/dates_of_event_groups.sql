-- The dates of the groups of reports to merge again ($groups), from $since on: for each group and date,
-- whether a report has it now, whether an assigned report had it at the last merge, and whether it
-- opened a date window then. Dates only, and only the narrow columns: the events of a group are merged
-- again only in the date windows a load changed (newsevents.merging.dates_to_merge_again, with the dates
-- of reports_changed_since_merge.sql), and no window before $since can have changed (it is at most the
-- date tolerance before the earliest change: newsevents.merging.first_date_to_compare). A bound on the
-- date, not a list of dates per group, so DuckDB skips the older parts of the tables as it scans them.
with dated as (
    select group_key, event_date, true as is_now, false as was_before, false as opened_window
    from staging.event_mentions
    where group_key in (select unnest($groups)) and event_date >= $since
    union all
    select group_key, event_date, false, true, event_date = window_start
    from staging.event_assignments
    where group_key in (select unnest($groups)) and event_date >= $since
)
select
    group_key,
    cast(event_date as date) as event_date,
    bool_or(is_now) as is_now,
    bool_or(was_before) as was_before,
    bool_or(opened_window) as opened_window
from dated
group by group_key, cast(event_date as date)
order by group_key, event_date

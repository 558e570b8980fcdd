-- The dates of the groups of reports to merge again ($groups): for each group and date, whether a
-- report has it now and whether an assigned report had it at the last merge. Dates only, and only the
-- group and date columns: the events of a group are merged again only in the date windows a load
-- changed (newsevents.events.dates_to_merge_again, with the dates of reports_changed_since_merge.sql).
with dated as (
    select group_key, event_date, true as is_now, false as was_before
    from staging.event_mentions
    where group_key in (select unnest($groups))
    union all
    select group_key, event_date, false, true
    from staging.event_assignments
    where group_key in (select unnest($groups))
)
select group_key, cast(event_date as date) as event_date, bool_or(is_now) as is_now, bool_or(was_before) as was_before
from dated
where event_date is not null
group by group_key, cast(event_date as date)
order by group_key, event_date

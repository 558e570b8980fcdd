-- The dates of the groups of reports to merge again ($groups): for each group and date, whether a
-- report has it now, whether an assigned report had it at the last merge, and whether a report of it
-- was added or removed since. Dates only: the events of a group are merged again only in the date
-- windows a load changed (newsevents.events.dates_to_merge_again).
with now as (
    select report.group_key, cast(report.event_date as date) as event_date, assignment.mention_id is null as is_added
    from staging.event_mentions as report
    left join staging.event_assignments as assignment on assignment.mention_id = report.mention_id
    where report.group_key in (select unnest($groups))
),
before as (
    select assignment.group_key, cast(assignment.event_date as date) as event_date, report.mention_id is null as is_removed
    from staging.event_assignments as assignment
    left join staging.event_mentions as report on report.mention_id = assignment.mention_id
    where assignment.group_key in (select unnest($groups))
)
select group_key, event_date, bool_or(is_now) as is_now, bool_or(was_before) as was_before, bool_or(is_changed) as is_changed
from (
    select group_key, event_date, true as is_now, false as was_before, is_added as is_changed from now
    union all
    select group_key, event_date, false, true, is_removed from before
) as dated
where event_date is not null
group by group_key, event_date
order by group_key, event_date

-- The dates of the groups of reports to merge again ($groups): for each group and date, whether a
-- report has it now, whether an assigned report had it at the last merge, and whether a report of it
-- was added or removed since. Dates only: the events of a group are merged again only in the date
-- windows a load changed (newsevents.events.dates_to_merge_again). Reports are added and removed only
-- in the documents queued for merging (see event_groups_to_merge.sql), so only theirs are compared;
-- of the groups' other reports and assignments only the group and date columns are read.
with queued_report as (
    select mention_id, group_key, event_date
    from staging.event_mentions
    where document_id in (select document_id from staging.documents_to_merge)
),
queued_assignment as (
    select mention_id, group_key, event_date
    from staging.event_assignments
    where document_id in (select document_id from staging.documents_to_merge)
),
changed as (
    select report.group_key, report.event_date
    from queued_report as report
    anti join queued_assignment as assignment on assignment.mention_id = report.mention_id
    union all
    select assignment.group_key, assignment.event_date
    from queued_assignment as assignment
    anti join queued_report as report on report.mention_id = assignment.mention_id
),
dated as (
    select group_key, event_date, true as is_now, false as was_before, false as is_changed
    from staging.event_mentions
    where group_key in (select unnest($groups))
    union all
    select group_key, event_date, false, true, false
    from staging.event_assignments
    where group_key in (select unnest($groups))
    union all
    select group_key, event_date, false, false, true
    from changed
)
select group_key, cast(event_date as date) as event_date, bool_or(is_now) as is_now, bool_or(was_before) as was_before, bool_or(is_changed) as is_changed
from dated
where event_date is not null
group by group_key, cast(event_date as date)
order by group_key, event_date

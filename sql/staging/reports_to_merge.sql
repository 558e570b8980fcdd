-- The reports to merge again: every report of a group on a date to merge again (the relation
-- dates_to_merge, group_key and event_date, registered by the caller), and the undated reports of the
-- documents that have an undated report not merged yet ($groups: the groups to merge again; undated
-- reports merge only within their own document).
select report.*
from staging.event_mentions as report
semi join dates_to_merge as scope
    on scope.group_key = report.group_key and scope.event_date = cast(report.event_date as date)
union all
select report.*
from staging.event_mentions as report
semi join (
    select undated.group_key, undated.document_id
    from staging.event_mentions as undated
    anti join staging.event_assignments as assignment on assignment.mention_id = undated.mention_id
    where undated.event_date is null and undated.group_key in (select unnest($groups))
) as fresh on fresh.group_key = report.group_key and fresh.document_id = report.document_id
where report.event_date is null

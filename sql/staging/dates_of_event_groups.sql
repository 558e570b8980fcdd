-- The dates of the groups of reports to merge again ($groups): for each group and date, whether a
-- report has it now, whether an assigned report had it at the last merge, and whether a report of it
-- was added or removed since. Dates only: the events of a group are merged again only in the date
-- windows a load changed (newsevents.events.dates_to_merge_again). Reports are added and removed only
-- in the documents queued for merging (see event_groups_to_merge.sql), so only theirs are compared.
with queued_report as (
    select mention_id
    from staging.event_mentions
    where document_id in (select document_id from staging.documents_to_merge)
),
queued_assignment as (
    select mention_id
    from staging.event_assignments
    where document_id in (select document_id from staging.documents_to_merge)
),
added as (
    select mention_id from queued_report
    except
    select mention_id from queued_assignment
),
removed as (
    select mention_id from queued_assignment
    except
    select mention_id from queued_report
),
now as (
    select group_key, cast(event_date as date) as event_date, mention_id in (select mention_id from added) as is_added
    from staging.event_mentions
    where group_key in (select unnest($groups))
),
before as (
    select group_key, cast(event_date as date) as event_date, mention_id in (select mention_id from removed) as is_removed
    from staging.event_assignments
    where group_key in (select unnest($groups))
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

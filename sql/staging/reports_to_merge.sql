-- The reports to merge again: every report of a group on a date to merge again (the relation
-- dates_to_merge, group_key and event_date, registered by the caller), and the undated reports of the
-- documents that have an undated report not merged yet ($groups: the groups to merge again; undated
-- reports merge only within their own document, and only a document queued for merging can have a
-- report not merged yet). The row ids come first, from the narrow columns that find them, then the
-- whole rows by row id: a filter through a join would read every column of each vector it lets through.
select *
from staging.event_mentions
where rowid in (
    select report.rowid
    from staging.event_mentions as report
    semi join dates_to_merge as scope
        on scope.group_key = report.group_key and scope.event_date = cast(report.event_date as date)
    union all
    select report.rowid
    from staging.event_mentions as report
    semi join (
        select undated.group_key, undated.document_id
        from staging.event_mentions as undated
        anti join (
            select mention_id
            from staging.event_assignments
            where document_id in (select document_id from staging.documents_to_merge)
        ) as assignment on assignment.mention_id = undated.mention_id
        where undated.event_date is null
            and undated.group_key in (select unnest($groups))
            and undated.document_id in (select document_id from staging.documents_to_merge)
    ) as fresh on fresh.group_key = report.group_key and fresh.document_id = report.document_id
    where report.event_date is null
)

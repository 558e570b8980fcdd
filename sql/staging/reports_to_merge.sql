-- The reports to merge again: every report of a group on a date to merge again (the relation
-- dates_to_merge, group_key and event_date, registered by the caller), and the undated reports of the
-- documents with an undated report added since the last merge ($undated_groups and $undated_documents,
-- pairwise; undated reports merge only within their own document). The row ids come first, from the
-- narrow columns that find them, then the whole rows by row id: a filter through a join would read
-- every column of each vector it lets through.
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
    semi join (select unnest($undated_groups) as group_key, unnest($undated_documents) as document_id) as fresh
        on fresh.group_key = report.group_key and fresh.document_id = report.document_id
    where report.event_date is null
)

-- The rows of fact_event_mention that a load can have changed, by document_key: the changed documents,
-- and the documents of the reports a merge assigned differently (to another event, or counted or no
-- longer counted). A report gone from the stage tables is one of a changed document.
-- Each part filters a stage table on a plain column, so DuckDB reads only the rows in scope.
select surrogate_key(document_id) as document_key
from staging.changed_documents
union
select surrogate_key(report.document_id)
from staging.event_mentions as report
where report.mention_id in (select mention_id from staging.changed_reports)

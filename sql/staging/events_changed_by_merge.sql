-- The events that a merge of reports changed, old and new ids: those of the reassigned reports (the
-- temporary table reassigned_reports), and those whose row differs between the events it replaced (the
-- temporary table replaced_events) and those it wrote (the temporary table merged_events).
with before as (
    select * exclude (stored_rowid)
    from replaced_events
)
select event_id from reassigned_reports
union
select event_id from ((select * from before except select * from merged_events) union all (select * from merged_events except select * from before))

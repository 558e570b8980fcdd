-- The events that a merge of reports changed, old and new ids: those of the reassigned reports (the
-- temporary table reassigned_reports), and those whose row differs between the events it replaced (the
-- temporary table replaced_events) and those it wrote ($events).
with after as (
    select *
    from staging.events
    where event_id in (select unnest($events))
)
select event_id from reassigned_reports
union
select event_id from ((select * from replaced_events except select * from after) union all (select * from after except select * from replaced_events))

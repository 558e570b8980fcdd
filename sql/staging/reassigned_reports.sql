-- The assignments that a merge of reports changed, before and after: the assignments it replaced
-- (the temporary table replaced_assignments) against those it wrote (the temporary table
-- merged_assignments). A report whose event and counting are the same, as most are when a few reports
-- join an event, is not in it.
with after as (
    select mention_id, event_id, is_counted
    from merged_assignments
),
before as (
    select mention_id, event_id, is_counted
    from replaced_assignments
)
(select * from before except select * from after)
union all
(select * from after except select * from before)

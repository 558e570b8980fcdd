-- Brings a warehouse table up to date with its definition (a select in sql/warehouse) by writing only
-- the rows that differ: new rows are inserted, changed rows updated, rows no longer defined deleted.
-- Unchanged rows are not rewritten. The placeholders are filled with the table name, its
-- key column and the select.
merge into main.{table} as target
using ({source}) as source
on target.{key} = source.{key}
when matched and target is distinct from source then update
when not matched then insert
when not matched by source then delete
returning merge_action, *

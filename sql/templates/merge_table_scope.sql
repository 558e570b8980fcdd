-- Brings the rows of a warehouse table whose keys are in a scope (the temporary table {scope}, from
-- sql/warehouse/scope) up to date with its definition, as merge_table.sql does for the whole table:
-- a load that changed ten documents reads and writes the rows of those ten documents, not the table.
-- The placeholders are filled with the table name, its key column, the select and the scope table.
merge into main.{table} as target
using (select * from ({source}) where {key} in (select {key} from {scope})) as source
on target.{key} = source.{key}
when matched and target is distinct from source then update
when not matched then insert
when not matched by source and target.{key} in (select {key} from {scope}) then delete
returning merge_action, *

-- The last statement of a scoped update (see select_rows_in_scope.sql): inserts the rows in scope that
-- are new and updates those that changed. Unchanged rows are not rewritten.
-- The placeholders are filled with the table name, its key column and the rows table.
merge into main.{table} as target
using {rows} as source
on target.{key} = source.{key}
when matched and target is distinct from source then update
when not matched then insert
returning merge_action, *

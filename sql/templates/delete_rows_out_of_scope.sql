-- The second statement of a scoped update (see select_rows_in_scope.sql): deletes the rows of the table
-- in scope that its definition no longer gives. A merge's `when not matched by source` clause would do
-- it in the merge, but reads every row of the table to find them; this reads the rows in scope.
-- The placeholders are filled with the table name, its key column, the scope column, the scope table
-- and the rows table.
delete from main.{table}
where {scope_column} in (select {scope_column} from {scope})
    and {key} not in (select {key} from {rows})
returning 'DELETE' as merge_action, {key}

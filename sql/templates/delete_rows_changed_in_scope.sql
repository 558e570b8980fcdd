-- The third statement of a scoped update (see select_rows_in_scope.sql): deletes the stored rows in
-- scope that the definition no longer gives as they are, those gone and those changed (the next
-- statement inserts them as they are now). Unchanged rows stay where they are.
-- The placeholders are filled with the table name, its key column, the scope column, the scope table,
-- the rows table and the stored rows table.
delete from main.{table}
where {scope_column} in (select {scope_column} from {scope})
    and {key} in (select {key} from (select * from {stored} except select * from {rows}))
returning 'DELETE' as merge_action, {key}

-- The third statement of a scoped update (see select_rows_in_scope.sql): deletes the stored rows in
-- scope that the definition no longer gives as they are, those gone and those changed (the next
-- statement inserts them as they are now). Unchanged rows stay where they are. The rows are deleted by
-- the row ids the previous statement kept, so the table's columns are not read again.
-- The placeholders are filled with the table name, its key column, the rows table and the stored rows
-- table.
delete from main.{table}
where rowid in (
    select stored_rowid
    from {stored}
    where {key} in (select {key} from (select * exclude (stored_rowid) from {stored} except select * from {rows}))
)
returning 'DELETE' as merge_action, {key}

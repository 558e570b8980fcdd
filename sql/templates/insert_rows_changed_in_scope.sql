-- The last statement of a scoped update (see select_rows_in_scope.sql): inserts the rows in scope that
-- the table did not hold as they are, those new and those changed. A key both deleted and inserted by
-- an update is a changed row, an UPDATE in the merge actions the update returns.
-- The placeholders are filled with the table name, the rows table and the stored rows table.
insert into main.{table}
select * from {rows} except select * exclude (stored_rowid) from {stored}
returning 'INSERT' as merge_action, *

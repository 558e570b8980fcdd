-- The second statement of a scoped update (see select_rows_in_scope.sql): the rows the table holds in
-- scope, with their row ids (stored_rowid), into the temporary table {stored}. They are found by the scope
-- column, which DuckDB reads cheaply (a document's or event's rows share its value); a merge on the key
-- would read the key column of every row of the table. The row ids come first: DuckDB reads every column
-- of each vector of 2,048 rows that a filter through a join lets through, false positives included, but
-- only the vectors that hold the rows when it filters on row ids.
-- The placeholders are filled with the table name, the scope column, the scope table and the stored
-- rows table.
create or replace temporary table {stored} as
select rowid as stored_rowid, *
from main.{table}
where rowid in (select rowid from main.{table} where {scope_column} in (select {scope_column} from {scope}))

-- The first of the four statements that bring the rows of a warehouse table that are in a scope up to
-- date with its definition, as merge_table.sql does for the whole table: a load that changed ten
-- documents reads and writes the rows of those ten documents, not the table.
-- The scope is a set of values of one column of the table (the temporary table {scope}, from
-- sql/warehouse/scope): every row with one of those values is recomputed. The scope holds, for each row
-- a load can have changed, its value before and its value after the load. This statement computes the
-- rows the definition now gives in scope, once, into the temporary table {rows}.
-- The scope's values come as list parameters, one per column of the scope ({scope_filters}: a
-- list_contains($column, column) per column), not as a subquery: DuckDB then pushes each filter down into
-- the scan of the table the column comes from, and plans its joins knowing how few rows pass. A scope
-- may name a row twice, by its key and by a column a stage table holds as it is (fact_event: event_key,
-- md5 of event_id, and event_id), so that the scans of both sides of a join on an expression are filtered.
-- The placeholders are filled with the select, the scope filters and the rows table.
create or replace temporary table {rows} as
select * from ({source}) where {scope_filters}

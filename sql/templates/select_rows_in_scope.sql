-- The first of the four statements that bring the rows of a warehouse table that are in a scope up to
-- date with its definition, as merge_table.sql does for the whole table: a load that changed ten
-- documents reads and writes the rows of those ten documents, not the table.
-- The scope is a set of values of one column of the table (the temporary table {scope}, from
-- sql/warehouse/scope): every row with one of those values is recomputed. The scope holds, for each row
-- a load can have changed, its value before and its value after the load. This statement computes the
-- rows the definition now gives in scope, once, into the temporary table {rows}.
-- The placeholders are filled with the select, the scope column, the scope table and the rows table.
create or replace temporary table {rows} as
select * from ({source}) where {scope_column} in (select {scope_column} from {scope})

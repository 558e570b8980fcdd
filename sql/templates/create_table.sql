-- Creates a warehouse table, empty, with the columns and types of its definition (a select in
-- sql/warehouse). The placeholders are filled with the table name and that select.
create table if not exists main.{table} as select * from ({source}) with no data

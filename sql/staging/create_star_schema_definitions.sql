-- staging.star_schema_definitions: for each star-schema table, the hash of the definition (its select
-- in sql/warehouse) it was last brought up to date with. A table whose definition changed since (a new
-- release) is brought up to date in full, not only for the changed documents and events.
create table if not exists staging.star_schema_definitions (table_name varchar primary key, definition_md5 varchar)

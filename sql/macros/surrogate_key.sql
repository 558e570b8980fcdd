-- The star schema's surrogate keys: a 64-bit integer derived from a natural id (entity_id, event_id,
-- document_id...), the same on every rebuild and in every DuckDB version (the low 64 bits of its md5,
-- halved so it fits a signed BIGINT that every BI tool reads). Kept in the warehouse, so analysts can
-- find a key from an id: `select * from dim_entity where entity_key = surrogate_key('country:RUS')`.
-- Two ids share a key with probability about n^2 / 2^64 (1e-7 for a million ids); the primary keys
-- would refuse such a load.
create or replace macro main.surrogate_key(natural_id) as cast(md5_number_lower(natural_id) >> 1 as bigint)

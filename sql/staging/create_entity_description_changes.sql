-- entity_description_changes (temporary): how a write of entity mentions changes the count of each
-- description it touches, positive for the mentions it writes and negative for those it deletes
-- (sql/templates/count_entity_descriptions.sql), until the write recounts them
-- (sql/staging/recount_entity_descriptions.sql).
create or replace temporary table entity_description_changes as
select *
from staging.entity_descriptions
limit 0

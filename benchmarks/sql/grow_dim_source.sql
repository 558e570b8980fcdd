-- Copies 1 .. $copies - 1 of every publisher.
insert into main.dim_source
select original.* replace (copied_key(source_key, copy) as source_key, source_name || ' ' || copy as source_name)
from main.dim_source as original, range(1, $copies) as copies(copy)

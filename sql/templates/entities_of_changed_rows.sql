-- The entities whose rows a replacement of a whole table (the actor dictionary) changed: those of the
-- rows it no longer holds as they were, and of the rows it holds anew. The placeholders are filled with
-- the table and the temporary copy of its rows before the replacement.
select entity_id
from (select * from {before} except select * from {table})
union
select entity_id
from (select * from {table} except select * from {before})

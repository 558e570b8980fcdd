-- Adds to entity_description_changes how many of some entity mentions give each description, times
-- $sign: 1 for mentions a write inserted, -1 for those it is about to delete.
-- The placeholders are filled with the columns of a description (those of staging.entity_descriptions
-- but its count) and the select of the mentions.
insert into entity_description_changes
select {columns}, $sign * count(*)
from ({mentions})
group by all

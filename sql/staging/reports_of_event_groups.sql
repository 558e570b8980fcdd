-- Every report of the given groups ($groups, a list of group keys), whatever load brought it.
select *
from staging.event_mentions
where group_key in (select unnest($groups))

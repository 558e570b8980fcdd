-- The key of a row's copy number `copy` in a grown warehouse: copy 0 is the original row, every other
-- copy a new key derived as the warehouse derives its own; the unknown members stay themselves, so
-- copies point at them as the originals do.
create or replace temporary macro copied_key(key, copy) as
    case
        when key is null or copy = 0 or key = surrogate_key('unknown') then key
        else surrogate_key(key::varchar || '/' || copy)
    end

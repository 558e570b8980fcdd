-- dim_event_type: one row per CAMEO event code (codes are strings with their leading zeros), with
-- its root's name, GDELT quad class, Goldstein value, and PLOVER event type and mode.
select
    code.event_code,
    code.event_base_code,
    code.event_root_code,
    code.description,
    root.description as root_description,
    code.quad_class,
    case code.quad_class
        when 1 then 'Verbal Cooperation'
        when 2 then 'Material Cooperation'
        when 3 then 'Verbal Conflict'
        when 4 then 'Material Conflict'
    end as quad_class_name,
    code.goldstein_scale,
    code.plover_event_type,
    code.plover_mode
from staging.cameo_event_codes as code
inner join staging.cameo_event_codes as root on root.event_code = code.event_root_code
order by code.event_code

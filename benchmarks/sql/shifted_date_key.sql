-- A copy's date: the original's moved back by up to five years, so a grown warehouse's events spread
-- over time as a real one's do (every day is in dim_date, which spans the sample's dates since 1991).
create or replace temporary macro shifted_date_key(date_key, copy) as
    case
        when date_key < 0 then date_key
        else greatest(
            cast(strftime(strptime(date_key::varchar, '%Y%m%d') - to_days(cast(copy % 1800 as integer)), '%Y%m%d') as integer),
            19910101
        )
    end

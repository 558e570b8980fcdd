-- staging.changed_events: the events (old and new ids) of the groups of reports merged again since
-- the star schema was last brought up to date. A queue like staging.changed_documents.
create table if not exists staging.changed_events (event_id varchar primary key)

-- staging.changed_events: the events (old and new ids) that a merge of reports changed since the star
-- schema was last brought up to date: whose reports or whose row (code, date, place...) differ. A
-- queue like staging.changed_documents.
create table if not exists staging.changed_events (event_id varchar primary key)

-- staging.changed_reports: the reports whose assignment a merge changed since the star schema was last
-- brought up to date (added, removed, moved to another event, counted or no longer counted for their
-- sentence). A queue like staging.changed_documents.
create table if not exists staging.changed_reports (mention_id varchar primary key)

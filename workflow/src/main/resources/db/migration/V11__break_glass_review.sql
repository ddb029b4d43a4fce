-- The post-incident review every break-glass writ owes once its access is revoked: when it is due, and who
-- reviewed it, when, with what findings (io.writ.domain.writ.Writ).
alter table writ add column post_incident_review_due timestamp with time zone;
alter table writ add column post_incident_reviewed_by varchar(200);
alter table writ add column post_incident_reviewed_at timestamp with time zone;
alter table writ add column post_incident_findings varchar(2000);

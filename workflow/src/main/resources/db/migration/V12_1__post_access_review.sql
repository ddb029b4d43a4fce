-- The post-access review every writ asks once its access is revoked (io.writ.domain.writ.Writ).
alter table writ add column post_access_review_asked_at timestamp with time zone;
alter table writ add column post_access_used_as_intended boolean;
alter table writ add column post_access_comment varchar(2000);
alter table writ add column post_access_answered_by varchar(200);
alter table writ add column post_access_answered_at timestamp with time zone;

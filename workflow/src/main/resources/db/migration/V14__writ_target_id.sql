-- The directory's key for a writ's target (Keycloak's user id), kept at submission: a grant and its revocation reach
-- that identity even if it is renamed, and never a later account that took its name. Null for writs from before.
alter table writ add column target_id varchar(64);

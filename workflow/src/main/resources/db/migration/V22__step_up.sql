-- Step-up (issue 22): an entitlement may ask for a recent sign-in with a second factor to be asked for and decided
-- on. Each writ keeps what its entitlement asked when it was submitted, and how its requester had signed in; each
-- decision (and an extension's) keeps how its approver had signed in (the token's acr and auth_time; null when unknown).
alter table entitlement add column step_up_minutes integer;
alter table writ add column step_up_minutes integer;
alter table writ add column requester_acr varchar(100);
alter table writ add column requester_signed_in_at timestamp with time zone;
alter table writ_approval add column acr varchar(100);
alter table writ_approval add column signed_in_at timestamp with time zone;
alter table writ add column extension_decider_acr varchar(100);
alter table writ add column extension_decider_signed_in_at timestamp with time zone;

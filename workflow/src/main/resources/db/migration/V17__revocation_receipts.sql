-- Revocation receipts (io.writ.domain.writ.Grant, io.writ.domain.receipt.Corroboration).
-- A grant's and a revocation's times are measured step by step from now on; those recorded before say so (null).
alter table writ add column grant_measured boolean;
alter table writ add column revocation_measured boolean;
alter table writ add column sessions_logged_out integer;
alter table writ add column tokens_rejected_from timestamp with time zone;
alter table writ add column token_residue_until timestamp with time zone;
create index writ_target_id_entitlement on writ (target_id, entitlement);

-- Keycloak's own record of each grant and revocation, once per writ and step.
create table receipt_corroboration (
    id              varchar(36)   not null primary key,
    writ_id         varchar(36)   not null references writ (id),
    step            varchar(20)   not null,
    verdict         varchar(20)   not null,
    event_id        varchar(64),
    event_at        timestamp with time zone,
    acting_account  varchar(300),
    detail          varchar(1000) not null,
    checked_at      timestamp with time zone not null,
    constraint receipt_corroboration_once unique (writ_id, step)
);

-- An alert raised from Keycloak's records (an entitlement put back behind Writ's back) has no session.
alter table alert alter column session_id drop not null;
insert into shared_lock (name) values ('keycloak-witness');
create index alert_event on alert (event_id);
create index receipt_corroboration_event on receipt_corroboration (event_id);

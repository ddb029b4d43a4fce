-- Writ's own record of the non-human identities (io.writ.workflow.persistence.KeptNhi): kept from Keycloak by a
-- reconciliation of the whole realm and by its admin events, so that reading the inventory asks Keycloak nothing.
-- Roles are kept as one text of names between commas (",a,b,"; "" for none), so a filter on one is a LIKE.
create table nhi_inventory (
    client_id        varchar(255)  not null primary key,
    keycloak_id      varchar(64)   not null,
    identity         varchar(255)  not null,
    identity_id      varchar(64)   not null,
    enabled          boolean       not null,
    owner            varchar(255),
    owner_id         varchar(64),
    owner_enabled    boolean       not null,
    secret_made_at   timestamp with time zone,
    privileged_roles varchar(2000) not null,
    standing_roles   varchar(2000) not null,
    last_used_at     timestamp with time zone,
    unowned_since    timestamp with time zone,
    kept_at          timestamp with time zone not null
);

create index nhi_inventory_keycloak_id on nhi_inventory (keycloak_id);
create index nhi_inventory_identity_id on nhi_inventory (identity_id);
create index nhi_inventory_identity on nhi_inventory (identity);
create index nhi_inventory_owner on nhi_inventory (owner);
create index nhi_inventory_owner_id on nhi_inventory (owner_id);
create index nhi_inventory_secret_made_at on nhi_inventory (secret_made_at);
create index nhi_inventory_last_used_at on nhi_inventory (last_used_at);
create index nhi_inventory_unowned_since on nhi_inventory (unowned_since);

insert into shared_lock (name) values ('nhi-inventory-reconciliation');
insert into shared_lock (name) values ('nhi-inventory-changes');
insert into shared_lock (name) values ('nhi-inventory-writes');

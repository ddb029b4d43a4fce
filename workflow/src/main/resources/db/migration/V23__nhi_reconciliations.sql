-- A reconciliation of the NHI inventory asked for through the API (issue 20): at 50,000 NHIs it reads Keycloak for
-- minutes, longer than a caller (or a proxy between) may wait for one answer; the request is taken at once and its
-- run kept here, for any node to answer how it stands.
create table nhi_reconciliation (
    id varchar(36) primary key,
    asked_by varchar(200) not null,
    asked_at timestamp with time zone not null,
    finished_at timestamp with time zone,
    state varchar(20) not null,
    read_count integer,
    added integer,
    corrected integer,
    removed integer,
    keycloak_read_ms bigint,
    summary varchar(4000),
    failure varchar(2000)
);
create index nhi_reconciliation_state on nhi_reconciliation (state, asked_at);

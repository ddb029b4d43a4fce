-- Privileged sessions linked to the writ that covered them, the receipt of every reported event (by its id, so a
-- second report is a duplicate; contents only under FULL coverage), and the alerts the detection rules raised.
-- Column names are those of io.writ.domain.session.PrivilegedSession/SessionEvent and io.writ.domain.alert.Alert.
create table privileged_session (
    id                  varchar(36)  not null primary key,
    source              varchar(20)  not null,
    source_session_id   varchar(200) not null,
    identity            varchar(200) not null,
    writ_id             varchar(36)  references writ (id),
    link                varchar(10)  not null,
    coverage            varchar(10)  not null,
    started_at          timestamp with time zone not null,
    ended_at            timestamp with time zone,
    last_event_at       timestamp with time zone not null,
    event_count         bigint       not null,
    command_count       bigint       not null,
    transfer_count      bigint       not null,
    out_of_scope_count  bigint       not null,
    digest              varchar(64)  not null,
    raised_rules        varchar(500) not null,
    version             bigint       not null,
    constraint privileged_session_source_unique unique (source, source_session_id)
);
create index privileged_session_writ on privileged_session (writ_id);
create index privileged_session_link on privileged_session (link, started_at);

create table session_event (
    event_id      varchar(200)  not null primary key,
    session_id    varchar(36)   not null references privileged_session (id),
    type          varchar(20)   not null,
    at            timestamp with time zone not null,
    target        varchar(1000),
    detail        varchar(4000),
    in_scope      boolean,
    content_kept  boolean       not null
);
create index session_event_session on session_event (session_id, at);

create table alert (
    id              varchar(36)   not null primary key,
    rule            varchar(40)   not null,
    state           varchar(20)   not null,
    identity        varchar(200)  not null,
    writ_id         varchar(36)   references writ (id),
    risk_tier       varchar(10),
    session_id      varchar(36)   not null references privileged_session (id),
    event_id        varchar(200)  not null,
    raised_at       timestamp with time zone not null,
    evidence        varchar(4000) not null,
    containment     varchar(2000),
    contained_at    timestamp with time zone,
    triaged_by      varchar(200),
    triage_comment  varchar(2000),
    triaged_at      timestamp with time zone,
    version         bigint        not null
);
create index alert_state on alert (state, raised_at);
create index alert_writ on alert (writ_id);

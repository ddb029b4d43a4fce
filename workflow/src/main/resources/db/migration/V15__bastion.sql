-- Bastions: the logins a bastion refused because no writ opened them (io.writ.domain.bastion.LoginRefusal), and
-- the moment a bastion cut a live session off because its writ ended (PrivilegedSession.terminatedAt), and the
-- working directory of a reported command (SessionEvent.directory).
create table bastion_login_refusal (
    id            varchar(36)   not null primary key,
    bastion       varchar(200)  not null,
    identity      varchar(200)  not null,
    account       varchar(200)  not null,
    from_address  varchar(200),
    at            timestamp with time zone not null,
    reason        varchar(2000) not null
);
create index bastion_login_refusal_at on bastion_login_refusal (at);

alter table privileged_session add column terminated_at timestamp with time zone;
alter table session_event add column directory varchar(1000);

-- A session's terminal recording (io.writ.domain.session.SessionRecording), kept once, its SHA-256 and size on the
-- session.
create table session_recording (
    session_id  varchar(36)  not null primary key references privileged_session (id),
    format      varchar(30)  not null,
    content     bytea        not null
);
alter table privileged_session add column recording_sha256 varchar(64);
alter table privileged_session add column recording_bytes bigint;
alter table privileged_session add column recording_kept_at timestamp with time zone;

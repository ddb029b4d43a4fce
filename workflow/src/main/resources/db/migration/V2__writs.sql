-- Writs: ticket-backed, approved, time-bound elevations, with the approval policy applied, the decisions,
-- the grant in the identity provider and its read-back evidence. Column names are those of the JPA mapping
-- (io.writ.domain.writ.Writ and Approval). Plain SQL that H2 and PostgreSQL both accept.
create table writ (
    id                        varchar(36)   not null primary key,
    requester                 varchar(200)  not null,
    target                    varchar(200)  not null,
    target_owner              varchar(200),
    entitlement               varchar(200)  not null,
    risk_tier                 varchar(10)   not null,
    ticket                    varchar(100),
    justification             varchar(2000) not null,
    -- declared scope: each list is one column, patterns joined by line breaks
    scope_targets             varchar(4000),
    scope_commands            varchar(4000),
    scope_file_destinations   varchar(4000),
    requested_minutes         integer       not null check (requested_minutes >= 1),
    break_glass               boolean       not null,
    third_party               boolean       not null,
    state                     varchar(30)   not null,
    -- the approval policy applied (null until then)
    policy_approvals_required integer,
    policy_approver_group     varchar(200),
    policy_max_minutes        integer,
    policy_auto_approve       boolean,
    policy_sponsor_required   boolean,
    policy_sponsor_group      varchar(200),
    -- the grant and its evidence (null until granted)
    granted_at                timestamp with time zone,
    expires_at                timestamp with time zone,
    confirmed_present_at      timestamp with time zone,
    end_requested_at          timestamp with time zone,
    revocation_reason         varchar(30),
    revoked_at                timestamp with time zone,
    confirmed_absent_at       timestamp with time zone,
    sessions_logged_out_at    timestamp with time zone,
    -- the latest request for more time
    extension_minutes         integer,
    extension_requested_at    timestamp with time zone,
    extension_state           varchar(20),
    extension_decided_by      varchar(200),
    extension_decided_at      timestamp with time zone,
    extension_comment         varchar(2000),
    process_instance_id       varchar(64),
    submitted_at              timestamp with time zone not null,
    decided_at                timestamp with time zone,
    ended_at                  timestamp with time zone,
    ended_by                  varchar(200),
    version                   bigint        not null default 0,
    constraint writ_ticket_unless_break_glass check (break_glass or ticket is not null)
);

create index writ_requester_idx on writ (requester);
create index writ_state_idx on writ (state);
create index writ_ticket_idx on writ (ticket);
create index writ_target_idx on writ (target);

-- One row per decision on a writ, in the order made.
create table writ_approval (
    id                    varchar(36)   not null primary key,
    writ_id               varchar(36)   not null,
    seq_no                integer       not null,
    approver              varchar(200)  not null,
    decision              varchar(10)   not null,
    comment               varchar(2000),
    decided_at            timestamp with time zone not null,
    approver_group_member boolean       not null,
    sponsor_group_member  boolean       not null,
    constraint writ_approval_writ_fk foreign key (writ_id) references writ (id),
    -- the database backs the rule that one person decides once on a writ, even under concurrent decisions
    constraint writ_approval_once_per_person unique (writ_id, approver),
    constraint writ_approval_order unique (writ_id, seq_no)
);

-- Notices: what the people of a writ are told. Recorded in the transaction of the change they are about and kept
-- until delivered (an outbox); delivered ones stay as the record of who was told what. Column names are those of
-- the JPA mapping (io.writ.domain.notice). Plain SQL that H2 and PostgreSQL both accept.
create table notice (
    id                varchar(36)   not null primary key,
    kind              varchar(30)   not null,
    writ_id           varchar(36)   not null,
    -- the audience: names joined by line breaks
    to_users          varchar(2000),
    to_groups         varchar(1000),
    except_users      varchar(2000),
    subject           varchar(300)  not null,
    body              varchar(4000) not null,
    -- a notice that must exist once (the expiry warning of one window end)
    once_key          varchar(200),
    created_at        timestamp with time zone not null,
    addressed_at      timestamp with time zone,
    webhook_posted_at timestamp with time zone,
    delivered_at      timestamp with time zone,
    attempts          integer       not null default 0,
    next_attempt_at   timestamp with time zone not null,
    last_problem      varchar(1000),
    version           bigint        not null default 0,
    constraint notice_writ_fk foreign key (writ_id) references writ (id),
    constraint notice_once unique (once_key)
);

create index notice_due_idx on notice (delivered_at, next_attempt_at);
create index notice_writ_idx on notice (writ_id);

-- The people a notice was delivered to, and whether their mail went out (a retry mails only the others).
create table notice_recipient (
    id         varchar(36)  not null primary key,
    notice_id  varchar(36)  not null,
    username   varchar(200) not null,
    email      varchar(320),
    mail_state varchar(10)  not null,
    mailed_at  timestamp with time zone,
    constraint notice_recipient_notice_fk foreign key (notice_id) references notice (id),
    constraint notice_recipient_once unique (notice_id, username)
);

-- In-app messages: a notice as one person reads it in the portal.
create table in_app_message (
    id         varchar(36)   not null primary key,
    recipient  varchar(200)  not null,
    notice_id  varchar(36)   not null,
    writ_id    varchar(36)   not null,
    kind       varchar(30)   not null,
    subject    varchar(300)  not null,
    body       varchar(4000) not null,
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone,
    version    bigint        not null default 0,
    constraint in_app_message_notice_fk foreign key (notice_id) references notice (id),
    constraint in_app_message_once unique (notice_id, recipient)
);

create index in_app_message_recipient_idx on in_app_message (recipient, created_at);

-- The audit trail becomes a hash chain: each record's place, the previous record's hash and its own
-- (io.writ.domain.audit.AuditChain). Records written before this are chained by the next migration (V7_1, Java).
alter table audit_record add column seq bigint;
alter table audit_record add column prev_hash varchar(64);
alter table audit_record add column hash varchar(64);

-- The one row at the end of the chain, locked by every append: one total order across transactions and nodes.
create table audit_chain_head (
    id                  int          not null primary key,
    seq                 bigint       not null,
    hash                varchar(64)  not null,
    last_checkpoint_seq bigint       not null,
    last_checkpoint_at  timestamp with time zone
);

-- Signed statements that the chain ended with the record at seq, whose hash was this (Ed25519, base64).
create table audit_checkpoint (
    seq       bigint        not null primary key,
    hash      varchar(64)   not null,
    at        timestamp with time zone not null,
    signature varchar(200)  not null
);

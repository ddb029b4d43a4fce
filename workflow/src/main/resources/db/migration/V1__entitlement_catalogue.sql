-- The catalogue of privileged entitlements and the policy each carries.
create table entitlement (
    name                varchar(200) not null primary key,
    kind                varchar(20)  not null,
    client_id           varchar(200),
    risk_tier           varchar(10)  not null,
    max_minutes         integer      not null check (max_minutes >= 1),
    approvals_required  integer      not null check (approvals_required >= 1),
    approver_group      varchar(200) not null,
    review_cadence_days integer      not null check (review_cadence_days >= 1),
    owner               varchar(200) not null,
    version             bigint       not null default 0
);

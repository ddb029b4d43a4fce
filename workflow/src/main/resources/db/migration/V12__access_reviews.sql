-- Access review campaigns (io.writ.domain.review): what a missed review does per entitlement, the campaigns and
-- their items with the usage evidence and the decision taken on each.
alter table entitlement add column review_failure_mode varchar(20) default 'FAIL_OPEN' not null;
update entitlement set review_failure_mode = 'FAIL_CLOSED' where risk_tier in ('HIGH', 'CRITICAL');

create table review_campaign (
    id                  varchar(36)  not null primary key,
    state               varchar(20)  not null,
    scope               varchar(2000),
    covered             varchar(4000) not null,
    started_by          varchar(200) not null,
    started_at          timestamp with time zone not null,
    deadline            timestamp with time zone not null,
    closed_at           timestamp with time zone,
    version             bigint       not null default 0
);

create table review_item (
    id                  varchar(36)  not null primary key,
    campaign_id         varchar(36)  not null references review_campaign (id),
    kind                varchar(20)  not null,
    identity            varchar(200) not null,
    entitlement         varchar(200) not null,
    reviewer            varchar(200) not null,
    failure_mode        varchar(20)  not null,
    state               varchar(30)  not null,
    period_start        timestamp with time zone not null,
    sessions            integer      not null,
    last_used_at        timestamp with time zone,
    alerts              integer      not null,
    break_glass_uses    integer      not null,
    post_access_reviews varchar(2000) not null,
    decision            varchar(20),
    reason              varchar(2000),
    decided_by          varchar(200),
    decided_at          timestamp with time zone,
    version             bigint       not null default 0
);
create index review_item_reviewer on review_item (reviewer, state);
create index review_item_campaign on review_item (campaign_id);

-- Notices and in-app messages about a campaign rather than a writ (review needed, reminders, overdue escalation).
alter table notice alter column writ_id drop not null;
alter table notice add column campaign_id varchar(36);
alter table in_app_message alter column writ_id drop not null;

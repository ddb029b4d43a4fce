-- What each review campaign looked at (entitlement names and NHI client ids, items or not), one row each: the
-- review cadence asks when each was last covered. A campaign over thousands of NHIs did not fit the text column it
-- was kept in (varchar(4000)); migration 20.1 moves what that column holds here and drops it.
create table review_coverage (
    campaign_id varchar(36)  not null references review_campaign (id),
    name        varchar(255) not null,
    primary key (campaign_id, name)
);

create index review_coverage_name on review_coverage (name);

-- A campaign over the NHIs of an owner who left names them all as its scope (thousands, for some owners).
alter table review_campaign alter column scope set data type varchar(1000000);

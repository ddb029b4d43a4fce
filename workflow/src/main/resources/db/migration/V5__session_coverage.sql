-- How much of a privileged session is kept as evidence: per entitlement, and decided per writ with its policy.
alter table entitlement add column coverage varchar(10);
update entitlement set coverage = case when risk_tier in ('HIGH', 'CRITICAL') then 'FULL' else 'LIGHT' end;
alter table entitlement alter column coverage set not null;
alter table writ add column session_coverage varchar(10);

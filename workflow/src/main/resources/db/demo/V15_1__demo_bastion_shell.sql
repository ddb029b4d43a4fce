-- The demo bastion's entitlement (CONTRACT.md, "Bastion connector"): a shell on bastion-1, MEDIUM, one approval,
-- recorded in full (its commands, file transfers and the terminal itself are kept as evidence).
insert into entitlement (name, kind, risk_tier, max_minutes, approvals_required, approver_group, review_cadence_days,
                         owner, coverage)
values ('bastion-shell', 'REALM_ROLE', 'MEDIUM', 120, 1, 'approver', 90, 'dave', 'FULL');

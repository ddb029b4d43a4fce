-- The demo catalogue (CONTRACT.md): realm roles of the demo realm `writ`. Off with writ.demo-data=false.
insert into entitlement (name, kind, risk_tier, max_minutes, approvals_required, approver_group, review_cadence_days, owner)
values ('billing-read',      'REALM_ROLE', 'LOW',      480, 1, 'approver', 180, 'bob'),
       ('payments-operator', 'REALM_ROLE', 'MEDIUM',   120, 1, 'approver',  90, 'bob'),
       ('prod-db-admin',     'REALM_ROLE', 'HIGH',     240, 2, 'approver',  90, 'carol'),
       ('k8s-cluster-admin', 'REALM_ROLE', 'CRITICAL',  60, 2, 'approver',  30, 'carol');

-- The demo catalogue's CRITICAL entitlement asks for step-up (CONTRACT.md, "Step-up"): a second factor at most 15 minutes old.
update entitlement set step_up_minutes = 15 where name = 'k8s-cluster-admin';

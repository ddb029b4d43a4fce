-- Escalation hands a writ to a backup group whose members may then decide too.
alter table writ add column policy_backup_group varchar(200);

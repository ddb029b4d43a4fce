-- When the portal took each session event in, by its own clock, beside the source's time of the event: how late
-- evidence arrives (a bastion's journal that waited for the portal shows here). Events kept before: not measured.
alter table session_event add column received_at timestamp with time zone;

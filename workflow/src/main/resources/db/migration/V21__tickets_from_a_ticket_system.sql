-- Tickets pushed by a ticket system (the signed webhook) carry what the checks at submission need: the state in the
-- system's own words, the owner, the people on the ticket and a change's planned window.
alter table ticket add column system_state varchar(50);
alter table ticket add column owner varchar(200);
alter table ticket add column planned_from timestamp with time zone;
alter table ticket add column planned_to timestamp with time zone;
alter table ticket add column pushed_at timestamp with time zone;

create table ticket_person (
    ticket_ref varchar(100) not null references ticket (ref) on delete cascade,
    username   varchar(200) not null,
    primary key (ticket_ref, username)
);

-- Each comment Writ writes back to a writ's ticket (its link, approvals, end) goes out with the notice it is part of.
alter table notice add column ticket_commented_at timestamp with time zone;

-- Rows that portal nodes sharing one database lock, so that work which must happen once happens on one node:
-- building the process engine's schema at start, and each scheduled round (io.writ.workflow.persistence.SharedLocks).
create table shared_lock (
    name        varchar(60) not null primary key,
    last_run_at timestamp with time zone
);

insert into shared_lock (name) values ('process-engine-start');
insert into shared_lock (name) values ('access-review-cadence');
insert into shared_lock (name) values ('nhi-rotation-schedule');

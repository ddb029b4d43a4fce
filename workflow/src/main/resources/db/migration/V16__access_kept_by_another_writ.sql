-- A writ that ended while another ACTIVE writ of the same identity covered the same entitlement keeps no
-- revocation of its own: the entitlement stays, and the writ records which writ kept it, until when, and when this
-- was decided (io.writ.domain.writ.Grant). The last writ to end removes the entitlement.
alter table writ add column kept_by_writ varchar(36);
alter table writ add column kept_until timestamp with time zone;
alter table writ add column kept_at timestamp with time zone;

-- The mapping of the portal's controls to framework controls, one row per version (never updated) and its entries.
-- Column names are those of io.writ.domain.compliance.MappingVersion and MappingEntry.
create table compliance_mapping_version (
    version_no      integer       not null primary key,
    created_at      timestamp with time zone not null,
    created_by      varchar(200)  not null,
    change_summary  varchar(1000) not null
);

create table compliance_mapping_entry (
    version_no      integer       not null references compliance_mapping_version (version_no),
    portal_control  varchar(40)   not null,
    framework       varchar(40)   not null,
    control_id      varchar(40)   not null,
    relationship    varchar(20)   not null,
    rationale       varchar(1000) not null,
    note            varchar(1000)
);
create index compliance_mapping_entry_version on compliance_mapping_entry (version_no);

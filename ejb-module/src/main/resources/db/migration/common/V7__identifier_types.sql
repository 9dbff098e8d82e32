-- Identifier types are configuration (administrators add and retire them), no longer a fixed list in code.
create table identifier_type (
    code          varchar(30)  not null primary key,
    label         varchar(60)  not null,
    fhir_system   varchar(200) not null,
    v2_code       varchar(10),
    value_pattern varchar(200) not null,
    rule_text     varchar(200) not null,
    active        boolean      not null,
    sort_order    integer      not null,
    version       bigint       not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100) not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(100) not null,
    constraint identifier_type_system_uk unique (fhir_system)
);
insert into identifier_type values ('NATIONAL_ID', 'National ID', 'urn:asclepius:id:national-id', 'NI',
    '[A-Z0-9][A-Z0-9-]{4,19}', '5 to 20 letters, digits or dashes', true, 10, 0,
    current_timestamp, 'migration', current_timestamp, 'migration');
insert into identifier_type values ('PASSPORT', 'Passport', 'urn:asclepius:id:passport', 'PPN',
    '[A-Z0-9]{6,12}', '6 to 12 letters or digits', true, 20, 0,
    current_timestamp, 'migration', current_timestamp, 'migration');
insert into identifier_type values ('INSURANCE_MEMBER_ID', 'Insurance member ID', 'urn:asclepius:id:insurance-member',
    'MB', '[A-Z0-9][A-Z0-9-]{2,29}', '3 to 30 letters, digits or dashes', true, 30, 0,
    current_timestamp, 'migration', current_timestamp, 'migration');
insert into identifier_type values ('DRIVERS_LICENSE', 'Driver''s licence', 'urn:asclepius:id:drivers-license', 'DL',
    '[A-Z0-9][A-Z0-9-]{3,19}', '4 to 20 letters, digits or dashes', true, 40, 0,
    current_timestamp, 'migration', current_timestamp, 'migration');
alter table patient_identifier add constraint patient_identifier_type_fk
    foreign key (id_type) references identifier_type (code);

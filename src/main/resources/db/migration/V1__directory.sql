-- Agencies on the referral pathway and the services they offer.
create table agency (
    id                              uuid primary key,
    code                            varchar(40)  not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    name                            varchar(200) not null,
    type                            varchar(30)  not null check (type in ('CASE_MANAGEMENT', 'HEALTH', 'POLICE', 'LEGAL_AID',
                                        'SHELTER', 'PSYCHOSOCIAL', 'LIVELIHOODS', 'CHILD_PROTECTION', 'EDUCATION', 'OTHER')),
    state                           varchar(60)  not null,
    contact_email                   varchar(200),
    contact_phone                   varchar(40),
    referral_response_deadline_days integer      not null default 3 check (referral_response_deadline_days between 1 and 60),
    version                         bigint       not null default 0
);
create index agency_state_idx on agency (state);

create table agency_service (
    id                  uuid primary key,
    agency_id           uuid          not null references agency (id),
    type                varchar(30)   not null check (type in ('HEALTH', 'PSYCHOSOCIAL', 'LEGAL', 'SAFETY_SECURITY', 'SHELTER',
                            'LIVELIHOODS', 'EDUCATION', 'CHILD_PROTECTION', 'OTHER')),
    name                varchar(200)  not null check (length(trim(name)) > 0),
    description         varchar(2000),
    eligibility         varchar(1000),
    languages           varchar(50)[] not null default '{}',
    area_served         varchar(300),
    hours               varchar(200),
    accepting_referrals boolean       not null default true,
    retired_at          timestamptz,
    version             bigint        not null default 0
);
create index agency_service_agency_idx on agency_service (agency_id);
create index agency_service_type_idx on agency_service (type) where retired_at is null;

-- Retry-safe creates: one record per (caller, operation, key).
create table idempotency_key (
    subject         varchar(100) not null,
    operation       varchar(60)  not null,
    idempotency_key varchar(100) not null,
    result_id       uuid         not null,
    created_at      timestamptz  not null default now(),
    primary key (subject, operation, idempotency_key)
);

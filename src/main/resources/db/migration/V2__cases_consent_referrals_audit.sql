-- Survivor cases. IDENTITY is one AES-GCM ciphertext with the id of the key that sealed it, so keys can rotate.
create table survivor_case (
    id                 uuid primary key,
    case_number        varchar(40)  not null unique,
    lead_agency_id     uuid         not null references agency (id),
    caseworker_subject varchar(100) not null,
    caseworker_name    varchar(200) not null,
    status             varchar(20)  not null default 'OPEN' check (status in ('OPEN', 'CLOSURE_REQUESTED', 'CLOSED')),
    identity_key_id    varchar(40)  not null,
    identity_sealed    bytea        not null,
    needs              varchar(30)[] not null default '{}',
    service_requested  varchar(500),
    risk_level         varchar(10)  check (risk_level in ('LOW', 'MEDIUM', 'HIGH')),
    age_band           varchar(12)  check (age_band in ('AGE_0_5', 'AGE_6_11', 'AGE_12_17', 'AGE_18_24', 'AGE_25_59', 'AGE_60_PLUS')),
    sex                varchar(10)  check (sex in ('FEMALE', 'MALE', 'OTHER')),
    safety_plan        text,
    incident           text,
    health_notes       text,
    reporting_consent  boolean      not null default false,
    opened_at          timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null default 0
);
create sequence case_number_seq;
create index survivor_case_lead_idx on survivor_case (lead_agency_id, opened_at);

-- Consent records live apart from the case file (they are not part of a closed file).
create table consent (
    id                  uuid primary key,
    case_id             uuid          not null references survivor_case (id),
    recipient_agency_id uuid          not null references agency (id),
    categories          varchar(20)[] not null check (cardinality(categories) > 0),
    purpose             varchar(20)   not null check (purpose in ('REFERRAL', 'CASE_CONFERENCE', 'COORDINATION')),
    given_by            varchar(20)   not null check (given_by in ('SURVIVOR', 'CAREGIVER')),
    obtained_how        varchar(20)   not null check (obtained_how in ('WRITTEN', 'VERBAL', 'THUMBPRINT')),
    valid_from          timestamptz   not null,
    valid_until         timestamptz,
    recorded_by_subject varchar(100)  not null,
    recorded_at         timestamptz   not null,
    revoked_at          timestamptz,
    revoked_by_subject  varchar(100),
    revocation_note     varchar(1000),
    check (valid_until is null or valid_until > valid_from)
);
create index consent_grant_idx on consent (recipient_agency_id, case_id) where revoked_at is null;
create index consent_case_idx on consent (case_id);

-- A supervisor's decision to share without consent: a mandatory report or an override, with its reason.
create table sharing_decision (
    id                         uuid primary key,
    case_id                    uuid           not null references survivor_case (id),
    recipient_agency_id        uuid           not null references agency (id),
    kind                       varchar(20)    not null check (kind in ('MANDATORY_REPORT', 'OVERRIDE')),
    categories                 varchar(20)[]  not null check (cardinality(categories) > 0),
    reason                     varchar(2000)  not null,
    authority                  varchar(300),
    information_shared         varchar(2000),
    survivor_informed_beforehand boolean,
    next_steps_explained       varchar(2000),
    supervisor_subject         varchar(100)   not null,
    supervisor_name            varchar(200)   not null,
    decided_at                 timestamptz    not null
);
create index sharing_decision_grant_idx on sharing_decision (recipient_agency_id, case_id);

create table referral (
    id                     uuid primary key,
    case_id                uuid          not null references survivor_case (id),
    from_agency_id         uuid          not null references agency (id),
    to_agency_id           uuid          not null references agency (id),
    service_id             uuid          not null references agency_service (id),
    status                 varchar(20)   not null check (status in ('REQUESTED', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS',
                               'COMPLETED', 'FAILED', 'ON_HOLD', 'CANCELLED', 'EXPIRED')),
    urgency                varchar(10)   not null check (urgency in ('ROUTINE', 'URGENT', 'EMERGENCY')),
    note                   varchar(2000),
    sharing_decision_id    uuid references sharing_decision (id),
    requested_by_subject   varchar(100)  not null,
    requested_at           timestamptz   not null,
    response_due_at        timestamptz   not null,
    accepted_at            timestamptz,
    completed_at           timestamptz,
    reason                 varchar(2000),
    outcome_service_provided boolean,
    outcome_note           varchar(2000),
    updated_at             timestamptz   not null,
    version                integer       not null default 0
);
create index referral_to_idx on referral (to_agency_id, updated_at desc, id);
create index referral_from_idx on referral (from_agency_id, updated_at desc, id);
create index referral_case_idx on referral (case_id);
create index referral_due_idx on referral (response_due_at) where status = 'REQUESTED';

create table referral_event (
    id            bigserial primary key,
    referral_id   uuid         not null references referral (id),
    from_status   varchar(20),
    to_status     varchar(20)  not null,
    actor_subject varchar(100) not null,
    actor_name    varchar(200) not null,
    actor_agency  varchar(40),
    note          varchar(2000),
    at            timestamptz  not null
);
create index referral_event_referral_idx on referral_event (referral_id, id);

-- Who saw or changed what. Append-only: enforced here, whoever connects.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz   not null default now(),
    actor_subject varchar(100)  not null,
    actor_name    varchar(200),
    actor_agency  varchar(40),
    actor_role    varchar(30),
    action        varchar(60)   not null,
    target_type   varchar(40),
    target_id     uuid,
    case_id       uuid,
    categories    varchar(20)[] not null default '{}',
    allowed       boolean       not null,
    detail        varchar(500)
);
create index audit_entry_case_idx on audit_entry (case_id, at);
create index audit_entry_at_idx on audit_entry (at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Webhooks for partner systems (README "Webhooks for partner systems"): endpoints an agency's admin registers, an
-- outbox of id-only events written in the transaction of the change, one delivery per event and endpoint, and the
-- attempts of each delivery.

create table webhook_endpoint (
    id                     uuid primary key,
    agency_id              uuid          not null references agency (id),
    url                    varchar(2000) not null,
    description            varchar(500),
    event_types            varchar(40)[] not null check (cardinality(event_types) > 0),
    -- the signing secret, sealed with AES-256-GCM bound to the endpoint's id (webhook/SecretSeal)
    secret_key_id          varchar(40)   not null,
    secret_sealed          bytea         not null,
    -- during a rotation the previous secret also signs, until previous_secret_until
    previous_key_id        varchar(40),
    previous_secret_sealed bytea,
    previous_secret_until  timestamptz,
    status                 varchar(10)   not null check (status in ('ACTIVE', 'PAUSED')),
    paused_at              timestamptz,
    paused_reason          varchar(500),
    consecutive_failures   integer       not null default 0,
    -- one sender at a time works an endpoint (per-endpoint order across replicas): it holds this lease
    lease_until            timestamptz,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    version                integer       not null default 0
);
create index webhook_endpoint_agency_idx on webhook_endpoint (agency_id);

create table webhook_event (
    id         uuid primary key,
    type       varchar(40)  not null,
    -- the global ID of the object the event is about (the payload's data.id), for the delivery log's filter
    object_id  varchar(200) not null,
    payload    text         not null,
    created_at timestamptz not null
);

create table webhook_delivery (
    id               uuid primary key,
    -- outbox order: taken when the change's transaction writes the event
    seq              bigint generated always as identity,
    event_id         uuid        not null references webhook_event (id) on delete cascade,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    status           varchar(10) not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    first_attempt_at timestamptz,
    last_status_code integer,
    last_error       varchar(40),
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    unique (event_id, endpoint_id)
);
create index webhook_delivery_due_idx on webhook_delivery (endpoint_id, seq) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc, id desc);

create table webhook_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  integer,
    latency_ms   integer     not null,
    error        varchar(40),
    message      varchar(500)
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempted_at);
create index webhook_attempt_at_idx on webhook_attempt (attempted_at);

-- Notices due by time (a consent that expired, a concluded referral's route that closed) are written once each.
create table webhook_time_notice (
    kind      varchar(20) not null,
    object_id uuid        not null,
    noticed_at timestamptz not null,
    primary key (kind, object_id)
);

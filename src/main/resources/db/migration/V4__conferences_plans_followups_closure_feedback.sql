-- Steps 4 to 6 of survivor-centred case management (training module 14): case conferences, the action plan,
-- follow-up, case closure and the client feedback survey.

-- The last time the caseworker reached the survivor, kept by the system: the case's opening, then every
-- follow-up at which contact was made. The UNREACHABLE closure reason is checked against it.
alter table survivor_case add column last_contact_at timestamptz;
update survivor_case set last_contact_at = opened_at;
alter table survivor_case alter column last_contact_at set not null;

-- Case conferences: called by the caseworker; each invited agency on a consent or a supervisor's decision.
create table conference (
    id                  uuid primary key,
    case_id             uuid          not null references survivor_case (id),
    called_by_subject   varchar(100)  not null,
    called_by_name      varchar(200)  not null,
    scheduled_at        timestamptz   not null,
    place               varchar(300),
    link                varchar(500),
    purpose             varchar(2000) not null,
    survivor_invited    boolean       not null,
    supports_invited    varchar(500),
    status              varchar(20)   not null check (status in ('SCHEDULED', 'HELD')),
    survivor_attended   boolean,
    progress_reviewed   text,
    barriers_reviewed   text,
    decisions           text,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             integer       not null default 0,
    check (place is not null or link is not null)
);
create index conference_case_idx on conference (case_id, scheduled_at);

create table conference_invitation (
    id                  uuid primary key,
    conference_id       uuid         not null references conference (id),
    agency_id           uuid         not null references agency (id),
    sharing_decision_id uuid         references sharing_decision (id),
    attended            boolean,
    attendees           varchar(500),
    unique (conference_id, agency_id)
);
create index conference_invitation_agency_idx on conference_invitation (agency_id);

create table action_item (
    id                  uuid primary key,
    conference_id       uuid          not null references conference (id),
    assigned_agency_id  uuid          not null references agency (id),
    description         varchar(2000) not null,
    due_on              date          not null,
    status              varchar(20)   not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    completion_note     varchar(2000),
    updated_at          timestamptz   not null,
    version             integer       not null default 0
);
create index action_item_conference_idx on action_item (conference_id);
create index action_item_agency_idx on action_item (assigned_agency_id, due_on);

-- The action plan: goals per need area. The goal row is the current state; every revision is kept.
create table action_plan_goal (
    id                    uuid primary key,
    case_id               uuid          not null references survivor_case (id),
    need_area             varchar(30)   not null,
    goal                  varchar(2000) not null,
    actions               varchar(4000) not null,
    responsible_agency_id uuid          not null references agency (id),
    status                varchar(20)   not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'NOT_ACHIEVED', 'DISCONTINUED')),
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    version               integer       not null default 0
);
create index action_plan_goal_case_idx on action_plan_goal (case_id, created_at);

create table action_plan_revision (
    goal_id               uuid          not null references action_plan_goal (id),
    revision              integer       not null,
    need_area             varchar(30)   not null,
    goal                  varchar(2000) not null,
    actions               varchar(4000) not null,
    responsible_agency_id uuid          not null references agency (id),
    status                varchar(20)   not null,
    note                  varchar(2000),
    revised_by_subject    varchar(100)  not null,
    revised_by_name       varchar(200)  not null,
    revised_at            timestamptz   not null,
    primary key (goal_id, revision)
);

-- Follow-ups: scheduled, then recorded. Attempts that did not reach the survivor are kept apart.
create table follow_up (
    id                    uuid primary key,
    case_id               uuid          not null references survivor_case (id),
    scheduled_at          timestamptz   not null,
    place                 varchar(300),
    mode                  varchar(20)   not null check (mode in ('IN_PERSON', 'HOME_VISIT', 'PHONE', 'VIDEO')),
    status                varchar(20)   not null check (status in ('SCHEDULED', 'COMPLETED')),
    scheduled_by_subject  varchar(100)  not null,
    contact_at            timestamptz,
    safety_reassessed     boolean,
    safety_plan_updated   boolean,
    safety_notes          text,
    psychosocial_state    text,
    services_accessed     text,
    referral_outcomes     text,
    challenges            text,
    new_needs             text,
    plan_revisions        text,
    recorded_by_subject   varchar(100),
    recorded_by_name      varchar(200),
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    version               integer       not null default 0
);
create index follow_up_case_idx on follow_up (case_id, scheduled_at);
create index follow_up_due_idx on follow_up (scheduled_at) where status = 'SCHEDULED';

create table contact_attempt (
    id                   bigserial primary key,
    follow_up_id         uuid          not null references follow_up (id),
    attempted_at         timestamptz   not null,
    mode                 varchar(20)   not null,
    note                 varchar(1000),
    recorded_by_subject  varchar(100)  not null,
    recorded_by_name     varchar(200)  not null
);
create index contact_attempt_follow_up_idx on contact_attempt (follow_up_id, id);

-- Closure: requested with reason and checklist, decided by a supervisor; a reopening is recorded on it.
create table case_closure (
    id                       uuid primary key,
    case_id                  uuid          not null references survivor_case (id),
    reason                   varchar(20)   not null check (reason in ('NEEDS_MET', 'SURVIVOR_REQUEST', 'RELOCATED', 'UNREACHABLE')),
    safety_plan_reviewed     boolean       not null,
    action_plan_reviewed     boolean       not null,
    survivor_told_can_return boolean       not null,
    file_complete            boolean       not null,
    note                     varchar(2000),
    last_contact_at          timestamptz   not null,
    status                   varchar(20)   not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    requested_by_subject     varchar(100)  not null,
    requested_by_name        varchar(200)  not null,
    requested_at             timestamptz   not null,
    decided_by_subject       varchar(100),
    decided_by_name          varchar(200),
    decided_at               timestamptz,
    decision_comment         varchar(2000),
    reopened_at              timestamptz,
    reopened_by_subject      varchar(100),
    reopened_by_name         varchar(200),
    reopen_reason            varchar(2000)
);
create index case_closure_case_idx on case_closure (case_id, requested_at);
create unique index case_closure_one_pending_idx on case_closure (case_id) where status = 'REQUESTED';

create table case_closure_carried_referral (
    closure_id   uuid          not null references case_closure (id),
    referral_id  uuid          not null references referral (id),
    note         varchar(2000) not null,
    primary key (closure_id, referral_id)
);

-- Client feedback survey: a versioned template with the four sections of the training module.
create table feedback_template (
    id            uuid primary key,
    version       integer       not null unique,
    title         varchar(200)  not null,
    consent_script text         not null,
    published_at  timestamptz   not null
);

create table feedback_question (
    id           uuid primary key,
    template_id  uuid          not null references feedback_template (id),
    section      varchar(30)   not null check (section in ('SERVICE_DELIVERY', 'CONFIDENTIALITY', 'STAFF', 'WELLBEING')),
    position     integer       not null,
    text         varchar(500)  not null,
    unique (template_id, position)
);

-- Who administered a survey for which closed case, with the survivor's informed consent. The link token is
-- stored only as its hash.
create table feedback_administration (
    id                              uuid primary key,
    case_id                         uuid          not null references survivor_case (id),
    agency_id                       uuid          not null references agency (id),
    template_id                     uuid          not null references feedback_template (id),
    mode                            varchar(20)   not null check (mode in ('INTERVIEW', 'SELF_COMPLETION')),
    administered_by_subject         varchar(100)  not null,
    administered_by_name            varchar(200)  not null,
    purpose_explained               boolean       not null check (purpose_explained),
    voluntary_explained             boolean       not null check (voluntary_explained),
    confidentiality_explained       boolean       not null check (confidentiality_explained),
    no_effect_on_services_explained boolean       not null check (no_effect_on_services_explained),
    consent_given                   boolean       not null check (consent_given),
    started_at                      timestamptz   not null,
    link_token_hash                 bytea         unique,
    link_expires_at                 timestamptz,
    completed_at                    timestamptz,
    check ((mode = 'SELF_COMPLETION') = (link_token_hash is not null))
);
create index feedback_administration_case_idx on feedback_administration (case_id);

-- Answers, apart from any case or administration: no column ties a response to a survivor, and the period is
-- the month only.
create table feedback_response (
    id           uuid primary key,
    template_id  uuid          not null references feedback_template (id),
    agency_id    uuid          not null references agency (id),
    mode         varchar(20)   not null,
    period       date          not null check (extract(day from period) = 1)
);
create index feedback_response_agency_idx on feedback_response (agency_id, period);

create table feedback_answer (
    response_id  uuid          not null references feedback_response (id),
    question_id  uuid          not null references feedback_question (id),
    answer       varchar(20)   not null check (answer in ('YES', 'PARTLY', 'NO', 'NO_ANSWER')),
    primary key (response_id, question_id)
);

insert into feedback_template (id, version, title, consent_script, published_at) values
  ('f1000000-0000-4000-8000-000000000001', 1, 'Client feedback survey',
   'We would like to ask you some questions about the services you received. The purpose of this survey is to help us '
   || 'improve our services. It is completely voluntary: you may stop at any time or skip any question. All your answers '
   || 'will be kept confidential: they are stored without your name and are only ever counted together with the answers '
   || 'of many others. Whether you answer or not will not affect the services you receive, now or if you return.',
   '2026-01-01T00:00:00Z');

insert into feedback_question (id, template_id, section, position, text) values
  ('f1100000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001', 'SERVICE_DELIVERY', 1, 'Did you feel welcomed when you first came for help?'),
  ('f1100000-0000-4000-8000-000000000002', 'f1000000-0000-4000-8000-000000000001', 'SERVICE_DELIVERY', 2, 'Were you able to make your own decisions about your case and the services you received?'),
  ('f1100000-0000-4000-8000-000000000003', 'f1000000-0000-4000-8000-000000000001', 'SERVICE_DELIVERY', 3, 'Were the services you were referred to explained to you before you agreed to them?'),
  ('f1100000-0000-4000-8000-000000000004', 'f1000000-0000-4000-8000-000000000001', 'SERVICE_DELIVERY', 4, 'Did you receive the help you needed in a timely manner?'),
  ('f1100000-0000-4000-8000-000000000005', 'f1000000-0000-4000-8000-000000000001', 'CONFIDENTIALITY', 5, 'Were you told how your information would be kept and who it would be shared with?'),
  ('f1100000-0000-4000-8000-000000000006', 'f1000000-0000-4000-8000-000000000001', 'CONFIDENTIALITY', 6, 'Were you asked for your permission before your information was shared with another service?'),
  ('f1100000-0000-4000-8000-000000000007', 'f1000000-0000-4000-8000-000000000001', 'CONFIDENTIALITY', 7, 'Did you feel your meetings took place somewhere private and safe?'),
  ('f1100000-0000-4000-8000-000000000008', 'f1000000-0000-4000-8000-000000000001', 'STAFF', 8, 'Did the staff listen to you without judging or blaming you?'),
  ('f1100000-0000-4000-8000-000000000009', 'f1000000-0000-4000-8000-000000000001', 'STAFF', 9, 'Did the staff treat you with respect and kindness?'),
  ('f1100000-0000-4000-8000-000000000010', 'f1000000-0000-4000-8000-000000000001', 'STAFF', 10, 'Did the staff keep the appointments and promises they made to you?'),
  ('f1100000-0000-4000-8000-000000000011', 'f1000000-0000-4000-8000-000000000001', 'WELLBEING', 11, 'Do you feel safer now than when you first came for help?'),
  ('f1100000-0000-4000-8000-000000000012', 'f1000000-0000-4000-8000-000000000001', 'WELLBEING', 12, 'Do you feel better able to cope with daily life now?'),
  ('f1100000-0000-4000-8000-000000000013', 'f1000000-0000-4000-8000-000000000001', 'WELLBEING', 13, 'Would you come back, or recommend this service to someone in need?');

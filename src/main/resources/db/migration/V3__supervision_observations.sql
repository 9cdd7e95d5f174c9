-- Supervision: the child-protection case-management observation tool (seed 002), kept as versioned data.
create table observation_template (
    id          uuid primary key,
    agency_id   uuid references agency (id),
    name        varchar(200) not null,
    version     integer      not null,
    created_at  timestamptz  not null default now(),
    unique (agency_id, name, version)
);

create table observation_area (
    id          uuid primary key,
    template_id uuid         not null references observation_template (id),
    position    integer      not null,
    code        varchar(30)  not null,
    title       varchar(100) not null,
    purpose     varchar(500) not null,
    unique (template_id, code)
);

create table observation_example (
    id       uuid primary key,
    area_id  uuid          not null references observation_area (id),
    position integer       not null,
    text     varchar(1000) not null
);

-- The caseworkers a supervisor observes, with their experience (new: every two weeks; experienced: monthly).
create table caseworker_profile (
    id               uuid primary key,
    agency_id        uuid         not null references agency (id),
    username         varchar(100) not null unique,
    display_name     varchar(200) not null,
    experience_level varchar(20)  not null check (experience_level in ('NEW', 'EXPERIENCED')),
    started_on       date         not null,
    version          integer      not null default 0
);

create table observation (
    id                     uuid primary key,
    agency_id              uuid          not null references agency (id),
    template_id            uuid          not null references observation_template (id),
    caseworker_id          uuid          not null references caseworker_profile (id),
    supervisor_subject     varchar(100)  not null,
    supervisor_name        varchar(200)  not null,
    observed_on            date          not null,
    case_id                uuid references survivor_case (id),
    stage                  varchar(30)   not null check (stage in ('INTRODUCTION_AND_ENGAGEMENT', 'ASSESSMENT',
                               'CASE_ACTION_PLANNING', 'IMPLEMENTATION', 'FOLLOW_UP', 'CASE_CLOSURE')),
    child_consent          boolean       not null check (child_consent),
    caregiver_consent      boolean       not null check (caregiver_consent),
    status                 varchar(20)   not null check (status in ('DRAFT', 'COMPLETED', 'FEEDBACK_GIVEN')),
    supervisor_actions     varchar(4000),
    caseworker_actions     varchar(4000),
    feedback_session_on    date,
    caseworker_reflections varchar(4000),
    caseworker_questions   varchar(4000),
    completed_at           timestamptz,
    acknowledged_at        timestamptz,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    version                integer       not null default 0
);
create index observation_caseworker_idx on observation (caseworker_id, observed_on desc);
create index observation_agency_idx on observation (agency_id, observed_on desc);

create table observation_rating (
    observation_id    uuid          not null references observation (id),
    area_id           uuid          not null references observation_area (id),
    rating            varchar(20)   check (rating in ('NEEDS_IMPROVEMENT', 'MEETS', 'STRONG')),
    examples_observed varchar(4000),
    primary key (observation_id, area_id)
);

create table observation_check (
    observation_id uuid        not null references observation (id),
    example_id     uuid        not null references observation_example (id),
    mark           varchar(20) not null check (mark in ('OBSERVED', 'NOT_OBSERVED', 'NOT_APPLICABLE')),
    primary key (observation_id, example_id)
);

insert into observation_template (id, agency_id, name, version) values
  ('0b5e0000-0000-4000-8000-000000000001', null, 'Case Management Session Observation', 1);

insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000001', '0b5e0000-0000-4000-8000-000000000001', 1, 'PREPARATION', 'Preparation', 'Demonstrate proper planning and organization for the session');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000100000001', '0b5e0000-0000-4000-8001-000000000001', 1, 'Ensure the available background information was gathered and adjustments/considerations were made prior to the session'),
  ('0b5e0000-0000-4000-8002-000100000002', '0b5e0000-0000-4000-8001-000000000001', 2, 'Select a quiet, private, safe and child-friendly location for the interview'),
  ('0b5e0000-0000-4000-8002-000100000003', '0b5e0000-0000-4000-8001-000000000001', 3, 'Have a clear objective/goal for the session');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000002', '0b5e0000-0000-4000-8000-000000000001', 2, 'INTRODUCTION', 'Introduction', 'Introduce the session appropriately to the child (and caregiver)');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000200000001', '0b5e0000-0000-4000-8001-000000000002', 1, 'Introduce himself/herself by name, role and organization in a way that the child and caregiver could understand'),
  ('0b5e0000-0000-4000-8002-000200000002', '0b5e0000-0000-4000-8001-000000000002', 2, 'Explain to the child and caregiver the purpose of the interaction in a simple and clear way'),
  ('0b5e0000-0000-4000-8002-000200000003', '0b5e0000-0000-4000-8001-000000000002', 3, 'Provide the child with a choice to have someone else present');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000003', '0b5e0000-0000-4000-8000-000000000001', 3, 'CONFIDENTIALITY', 'Confidentiality', 'Protect the child''s and/or caregiver''s confidentiality with their consent');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000300000001', '0b5e0000-0000-4000-8001-000000000003', 1, '(If completing an intake or referring the case) Obtain the child and caregiver''s informed consent/assent and explain the limits of confidentiality and mandatory reporting policies to the child and caregiver'),
  ('0b5e0000-0000-4000-8002-000300000002', '0b5e0000-0000-4000-8001-000000000003', 2, 'Keep all documents secure'),
  ('0b5e0000-0000-4000-8002-000300000003', '0b5e0000-0000-4000-8001-000000000003', 3, 'Take notes and document the case only upon having obtained informed consent');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000004', '0b5e0000-0000-4000-8000-000000000001', 4, 'COMMUNICATION', 'Communication', 'Engage using child-friendly communication techniques that are age/developmentally appropriate.');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000400000001', '0b5e0000-0000-4000-8001-000000000004', 1, 'Sit at the child''s level'),
  ('0b5e0000-0000-4000-8002-000400000002', '0b5e0000-0000-4000-8001-000000000004', 2, 'Utilize creative interview techniques (drawing, puppets, dolls, etc.)'),
  ('0b5e0000-0000-4000-8002-000400000003', '0b5e0000-0000-4000-8001-000000000004', 3, 'Use simple language and words that the child used'),
  ('0b5e0000-0000-4000-8002-000400000004', '0b5e0000-0000-4000-8001-000000000004', 4, 'Stay calm and comforting throughout the interaction with the child'),
  ('0b5e0000-0000-4000-8002-000400000005', '0b5e0000-0000-4000-8001-000000000004', 5, 'Ask open-ended questions'),
  ('0b5e0000-0000-4000-8002-000400000006', '0b5e0000-0000-4000-8001-000000000004', 6, 'Use reframing and summarizing'),
  ('0b5e0000-0000-4000-8002-000400000007', '0b5e0000-0000-4000-8001-000000000004', 7, 'Reflect on what the child has shared'),
  ('0b5e0000-0000-4000-8002-000400000008', '0b5e0000-0000-4000-8001-000000000004', 8, 'Check-in regularly with the child to ensure that s/he is understanding the child accurately');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000005', '0b5e0000-0000-4000-8000-000000000001', 5, 'TRUST', 'Trust', 'Seek to establish/maintain trust');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000500000001', '0b5e0000-0000-4000-8001-000000000005', 1, 'Greet the child warmly'),
  ('0b5e0000-0000-4000-8002-000500000002', '0b5e0000-0000-4000-8001-000000000005', 2, 'Give full attention'),
  ('0b5e0000-0000-4000-8002-000500000003', '0b5e0000-0000-4000-8001-000000000005', 3, 'Avoid interrupting the child or caregiver'),
  ('0b5e0000-0000-4000-8002-000500000004', '0b5e0000-0000-4000-8001-000000000005', 4, 'Listen before asking questions'),
  ('0b5e0000-0000-4000-8002-000500000005', '0b5e0000-0000-4000-8001-000000000005', 5, 'Provides relevant and accurate information'),
  ('0b5e0000-0000-4000-8002-000500000006', '0b5e0000-0000-4000-8001-000000000005', 6, 'Avoid making promises that cannot be fulfilled');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000006', '0b5e0000-0000-4000-8000-000000000001', 6, 'SUPPORT_SKILLS', 'Support skills', 'Reassure the child (and caregiver as needed) and create a nurturing and supportive relationship');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000600000001', '0b5e0000-0000-4000-8001-000000000006', 1, 'Use statements such as: Thank you for sharing your story with me'),
  ('0b5e0000-0000-4000-8002-000600000002', '0b5e0000-0000-4000-8001-000000000006', 2, 'Use statements such as: You can take your time'),
  ('0b5e0000-0000-4000-8002-000600000003', '0b5e0000-0000-4000-8001-000000000006', 3, 'Use statements such as: This is not your fault'),
  ('0b5e0000-0000-4000-8002-000600000004', '0b5e0000-0000-4000-8001-000000000006', 4, 'Use statements such as: I am sorry to hear this happened to you'),
  ('0b5e0000-0000-4000-8002-000600000005', '0b5e0000-0000-4000-8001-000000000006', 5, 'Use statements such as: These are difficult things you are telling me, many feel upset after a thing like that happens'),
  ('0b5e0000-0000-4000-8002-000600000006', '0b5e0000-0000-4000-8001-000000000006', 6, 'Use statements such as: You are strong and brave'),
  ('0b5e0000-0000-4000-8002-000600000007', '0b5e0000-0000-4000-8001-000000000006', 7, 'Use statements such as: I understand you are feeling (frustrated, angry, sad, etc.); it is a very normal reaction for someone in your situation'),
  ('0b5e0000-0000-4000-8002-000600000008', '0b5e0000-0000-4000-8001-000000000006', 8, 'Use statements such as: I will try my best to help you');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000007', '0b5e0000-0000-4000-8000-000000000001', 7, 'PARTICIPATION', 'Participation', 'Promote the child''s participation (and caregiver''s as needed), and seek to understand the wishes of the child in the session');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000700000001', '0b5e0000-0000-4000-8001-000000000007', 1, 'Invite the child to express her/his own opinions and feelings throughout the session'),
  ('0b5e0000-0000-4000-8002-000700000002', '0b5e0000-0000-4000-8001-000000000007', 2, 'Communicate with the child using simple, clear, non-blaming language'),
  ('0b5e0000-0000-4000-8002-000700000003', '0b5e0000-0000-4000-8001-000000000007', 3, 'Respect the child''s wishes (i.e., if the child doesn''t want to answer or says "I don''t know")'),
  ('0b5e0000-0000-4000-8002-000700000004', '0b5e0000-0000-4000-8001-000000000007', 4, 'Avoid asking too many questions or force the child to answer'),
  ('0b5e0000-0000-4000-8002-000700000005', '0b5e0000-0000-4000-8001-000000000007', 5, 'Give the child time to make decisions'),
  ('0b5e0000-0000-4000-8002-000700000006', '0b5e0000-0000-4000-8001-000000000007', 6, 'Inform the child that s/he can stop the session at any time');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000008', '0b5e0000-0000-4000-8000-000000000001', 8, 'SAFETY', 'Safety', 'Assess the child''s safety and other urgent needs');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000800000001', '0b5e0000-0000-4000-8001-000000000008', 1, 'Assess the child''s sense of personal safety in the home and community'),
  ('0b5e0000-0000-4000-8002-000800000002', '0b5e0000-0000-4000-8001-000000000008', 2, 'Review the safety plan (if applicable) with the child');
insert into observation_area (id, template_id, position, code, title, purpose) values ('0b5e0000-0000-4000-8001-000000000009', '0b5e0000-0000-4000-8000-000000000001', 9, 'CLOSING', 'Closing', 'Close the session appropriately');
insert into observation_example (id, area_id, position, text) values
  ('0b5e0000-0000-4000-8002-000900000001', '0b5e0000-0000-4000-8001-000000000009', 1, 'Summarize what happened during the session with the child and thank her/him for her/his participation'),
  ('0b5e0000-0000-4000-8002-000900000002', '0b5e0000-0000-4000-8001-000000000009', 2, 'Ask if the child or caregiver have any questions'),
  ('0b5e0000-0000-4000-8002-000900000003', '0b5e0000-0000-4000-8001-000000000009', 3, 'Agree with the child (and caregiver) in simple and clear manner what will happen next and when'),
  ('0b5e0000-0000-4000-8002-000900000004', '0b5e0000-0000-4000-8001-000000000009', 4, 'Ensure that the child/caregiver are aware of how to contact the caseworker, if necessary');

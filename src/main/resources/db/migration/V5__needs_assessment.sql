-- Needs assessment: discussion guides, focus-group sessions and what was said in them (seeds 000, 001, 003).

create table discussion_guide (
    id                   uuid primary key,
    title                varchar(200)  not null,
    audience             varchar(20)   not null check (audience in ('CAREGIVERS', 'YOUNG_PEOPLE', 'PRACTITIONERS', 'STATE_OFFICIALS')),
    purpose              varchar(4000) not null,
    expected_minutes     integer       check (expected_minutes between 10 and 480),
    before_instructions  text,
    during_instructions  text,
    after_instructions   text,
    created_by_subject   varchar(100)  not null,
    created_by_name      varchar(200)  not null,
    created_at           timestamptz   not null
);

create table guide_question (
    id         uuid primary key,
    guide_id   uuid           not null references discussion_guide (id),
    position   integer        not null,
    text       varchar(2000)  not null,
    probes     varchar(1000)[] not null default '{}',
    unique (guide_id, position)
);

-- Several sessions may belong to one event (e.g. three cohort groups on the first day of a meeting).
create table assessment_event (
    id          uuid primary key,
    name        varchar(300) not null,
    location    varchar(300),
    starts_on   date         not null,
    ends_on     date         not null,
    created_by_subject varchar(100) not null,
    check (ends_on >= starts_on)
);

create table fg_session (
    id                      uuid primary key,
    guide_id                uuid          not null references discussion_guide (id),
    event_id                uuid          references assessment_event (id),
    audience                varchar(20)   not null check (audience in ('CAREGIVERS', 'YOUNG_PEOPLE', 'PRACTITIONERS', 'STATE_OFFICIALS')),
    format                  varchar(30)   not null check (format in ('GROUP_DISCUSSION', 'INDIVIDUAL_INTERVIEWS')),
    state                   varchar(100)  not null,
    held_on                 date          not null,
    starts_at               time          not null,
    ends_at                 time          not null,
    location                varchar(300)  not null,
    facilitator_subject     varchar(100)  not null,
    facilitator_username    varchar(200)  not null,
    note_taker_username     varchar(200)  not null,
    composition             varchar(20)   not null check (composition in ('FEMALE_ONLY', 'MALE_ONLY', 'MIXED')),
    status                  varchar(20)   not null check (status in ('PLANNED', 'CONSENTED', 'FINAL')),
    participant_count       integer       check (participant_count between 1 and 100),
    female_count            integer       check (female_count >= 0),
    male_count              integer       check (male_count >= 0),
    other_gender_count      integer       check (other_gender_count >= 0),
    assent_count            integer       check (assent_count >= 0),
    parental_consent_count  integer       check (parental_consent_count >= 0),
    report_requested_count  integer       check (report_requested_count >= 0),
    consent_confirmed_at    timestamptz,
    group_dynamics          text,
    facilitator_agreed_at   timestamptz,
    note_taker_agreed_at    timestamptz,
    finalised_at            timestamptz,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 integer       not null default 0,
    check (ends_at > starts_at),
    check (facilitator_username <> note_taker_username),
    check (status = 'PLANNED' or participant_count = female_count + male_count + other_gender_count)
);
create index fg_session_state_idx on fg_session (state, held_on) where status = 'FINAL';
create index fg_session_facilitator_idx on fg_session (facilitator_username);
create index fg_session_note_taker_idx on fg_session (note_taker_username);

-- The professional sign-in sheet (grantee protocol): only for practitioners and state officials, seen only by the
-- session's facilitator and note-taker, never counted.
create table fg_sign_in (
    id          uuid primary key,
    session_id  uuid          not null references fg_session (id),
    full_name   varchar(200)  not null,
    job_title   varchar(200),
    agency      varchar(200),
    city        varchar(100),
    state       varchar(100)
);
create index fg_sign_in_session_idx on fg_sign_in (session_id);

create table fg_response (
    session_id   uuid          not null references fg_session (id),
    question_id  uuid          not null references guide_question (id),
    summary      text          not null,
    primary key (session_id, question_id)
);

create table fg_quote (
    id            uuid primary key,
    session_id    uuid          not null references fg_session (id),
    question_id   uuid          references guide_question (id),
    speaker_type  varchar(20)   not null check (speaker_type in ('CAREGIVER', 'YOUNG_PERSON', 'PRACTITIONER', 'STATE_OFFICIAL')),
    text          varchar(2000) not null,
    themes        varchar(60)[] not null default '{}'
);
create index fg_quote_session_idx on fg_quote (session_id);

create table fg_need (
    id                  uuid primary key,
    session_id          uuid          not null references fg_session (id),
    theme               varchar(60)   not null,
    professional_level  varchar(20)   not null check (professional_level in ('MANAGER', 'SUPERVISOR', 'CASEWORKER')),
    urgency             varchar(20)   not null check (urgency in ('IMMEDIATE', 'HIGH', 'MEDIUM', 'LOW')),
    time_frame          varchar(200),
    description         varchar(2000)
);
create index fg_need_session_idx on fg_need (session_id);

create table fg_follow_up_request (
    id          uuid primary key,
    session_id  uuid          not null references fg_session (id),
    theme       varchar(60)   not null,
    request     varchar(2000) not null
);
create index fg_follow_up_request_session_idx on fg_follow_up_request (session_id);

create table fg_safeguarding_concern (
    id           uuid primary key,
    session_id   uuid          not null references fg_session (id),
    description  varchar(2000) not null,
    raised_at    timestamptz   not null,
    reported_at  timestamptz,
    reported_to  varchar(300),
    check ((reported_at is null) = (reported_to is null))
);
create index fg_safeguarding_concern_session_idx on fg_safeguarding_concern (session_id);

-- The two guides of the seed documents, in their own words.
insert into discussion_guide (id, title, audience, purpose, expected_minutes, before_instructions, during_instructions,
                              after_instructions, created_by_subject, created_by_name, created_at) values
  ('a1000000-0000-4000-8000-000000000001', 'Caregivers FGD', 'CAREGIVERS',
   'For use with parents / caregivers who have had contact and are / were involved with the case management system. '
   || 'The focus group should have between 8 -12 participants ideally. Two workers should be present – one to facilitate '
   || 'discussion and one to make notes. It may be more appropriate, depending on circumstances, to run the FGD as '
   || 'individual interviews, following the same questions. It MUST be made clear to all participants that participation '
   || 'is voluntary, and that they can choose not to answer a question or withdraw at any time, and that this will not '
   || 'affect the services they or their families would receive.',
   90,
   'Introduce the FGD and its purpose – to seek the views of those who have had contact with the case management system '
   || 'to identify how the system is working, how services are provided, and how these can be improved.' || chr(10)
   || 'Explain that the FGD should take approximately 90 minutes.' || chr(10)
   || 'Clarify confidentiality. Notes will be made during FGD, these will be used for the production of a report and will '
   || 'not contain identifiable information.' || chr(10)
   || 'Advise participants that individual feedback will not be given, but that the report on the assessment could be '
   || 'shared with those interested.' || chr(10)
   || 'Confirm that participation is voluntary; they can withdraw at any time or decide not to answer a question without '
   || 'any repercussions on current or future services.' || chr(10)
   || 'Confirm whether participants agree to proceed, and if so make a note of the number and gender.',
   'Try to encourage discussion between participants and the active participation of all involved.' || chr(10)
   || 'Prompt if necessary but be wary of giving answers.' || chr(10)
   || 'When documenting, make sure not only to record what is said but also to take note of the dynamics – e.g. does one '
   || 'person dominate, is there disagreement etc.?' || chr(10)
   || 'When documenting responses, try to record the exact words in parenthesis.',
   'Thank participants for their time.' || chr(10)
   || 'Confirm next steps in relation to the assessment.' || chr(10)
   || 'Write up notes as soon as possible and agree accuracy of notes between note taker and facilitator.' || chr(10)
   || 'If any child protection concern is raised, indicating that a child may be at risk or is at risk from any kind of '
   || 'abuse, make sure to report concerns in accordance with agency procedures.',
   'seed', 'Casebridge', '2026-01-01T00:00:00Z'),
  ('a1000000-0000-4000-8000-000000000002', 'State grantee focus group discussion guide', 'STATE_OFFICIALS',
   'To learn more about the needs that have emerged for child welfare professionals in States and territories as a '
   || 'result of participating in the meetings. How the information will be used: to inform and improve the services '
   || '(products, training opportunities, technical assistance) provided. Each focus group will include 10-15 '
   || 'participants and run for approximately 1 hour.',
   60,
   'Have a participant sign in sheet that includes First and Last Name, Job title, Agency Name, City and State. Let '
   || 'participants complete this after they enter the room.' || chr(10)
   || 'Your participation in the focus group is voluntary and confidential. Any input gathered will not be attributed to '
   || 'you individually, but will be combined with others'' comments for a fuller picture of the issues and to inform '
   || 'support for your state.',
   'There are no wrong answers—this is an opportunity to share and learn. The only limitation is to help us to stay on '
   || 'time in order to cover all of the questions.',
   'We greatly value your input and suggestions. As a reminder, your input is confidential and the information will not '
   || 'be attributed to you individually in reporting, but will be combined with others'' comments for a fuller picture '
   || 'of the issues.',
   'seed', 'Casebridge', '2026-01-01T00:00:00Z');

insert into guide_question (id, guide_id, position, text, probes) values
  ('a1100000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 1,
   'How did you / your family first come into contact with the caseworker?', '{}'),
  ('a1100000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000001', 2,
   'Did the caseworker explain their role and case management to you?', '{"What did they say?"}'),
  ('a1100000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000001', 3,
   'What did the caseworker say to you about confidentiality? Did you feel you had the option to participate, or not?', '{}'),
  ('a1100000-0000-4000-8000-000000000004', 'a1000000-0000-4000-8000-000000000001', 4,
   'What type of support were you expecting? And to what extent were these expectations met?',
   '{"How did the caseworker go about their work and what steps were taken?","How were you involved in the process?"}'),
  ('a1100000-0000-4000-8000-000000000005', 'a1000000-0000-4000-8000-000000000001', 5,
   'Do you think that the caseworker took your views and opinions into account, and made sure that you were included in decisions about your child and your family?',
   '{"If so how? (e.g. presenting different options / services and their pros and cons)","If not, what could they have done better?"}'),
  ('a1100000-0000-4000-8000-000000000006', 'a1000000-0000-4000-8000-000000000001', 6,
   'How did the caseworker go about sharing your information with others (e.g. service providers) and for what reasons?', '{}'),
  ('a1100000-0000-4000-8000-000000000007', 'a1000000-0000-4000-8000-000000000001', 7,
   'How much contact did you have with the caseworker?',
   '{"How did they follow-up?","Did the caseworker do the things s/he said s/he would do?","Would you like to have had more contact with them?","If you needed to contact the caseworker, did you know how?"}'),
  ('a1100000-0000-4000-8000-000000000008', 'a1000000-0000-4000-8000-000000000001', 8,
   'What were some of the negative and positive changes that have happened due to the caseworker''s work?', '{}'),
  ('a1100000-0000-4000-8000-000000000009', 'a1000000-0000-4000-8000-000000000001', 9,
   'How was the decision to stop the case management services taken?', '{}'),
  ('a1100000-0000-4000-8000-000000000010', 'a1000000-0000-4000-8000-000000000001', 10,
   'What would you suggest for improvement in the overall process?', '{}'),
  ('a1100000-0000-4000-8000-000000000011', 'a1000000-0000-4000-8000-000000000001', 11,
   'Is there anything else you would like to share?', '{}'),
  ('a1200000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002', 1,
   'You heard preliminary CFSR Round 3 findings during the plenary session. How do these findings inform your state''s current and future work?',
   '{"Can you provide examples?"}'),
  ('a1200000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000002', 2,
   'How is your state using partnerships to support its improvement/change efforts?',
   '{"In which areas does your state have the greatest needs for additional support?","What types of technical assistance or support would be really helpful?","What role do technical assistance providers currently play?"}'),
  ('a1200000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000002', 3,
   'Let''s talk about the discussions you had in your state working sessions. What successes, barriers and challenges, and action plans did your breakout group identify?',
   '{"What types of services and resources would be most useful to your agency in its efforts to build on the successes and address barriers, challenges and action plans?","Do the types of services and resources needed differ by professional level in the agency? (E.g., manager, supervisor, caseworker)","How urgently are these services and resources needed? Is there a particular time frame during which these opportunities or resources would be most helpful?","Where can/do you go to find these types of services and resources?"}'),
  ('a1200000-0000-4000-8000-000000000004', 'a1000000-0000-4000-8000-000000000002', 4,
   'Now let''s talk about the discussions you had in your professional cohort breakout session #1. What successes, barriers and challenges, and strategies did your breakout group identify?',
   '{"What types of services and resources would be most useful to your agency in its efforts to build on the successes and address the barriers, challenges and strategies?","Do the types of services and resources needed differ by professional level in the agency? (E.g., manager, supervisor, caseworker)","How urgently are these services and resources needed? Is there a particular time frame during which these opportunities or resources would be most helpful?","Where can/do you go to find these types of services and resources?"}'),
  ('a1200000-0000-4000-8000-000000000005', 'a1000000-0000-4000-8000-000000000002', 5,
   'How familiar are you with the services and resources offered by the Center for States?', '{}'),
  ('a1200000-0000-4000-8000-000000000006', 'a1000000-0000-4000-8000-000000000002', 6,
   'Do you have any noteworthy experiences, positive and negative, with the Center''s services and resources to share? What are they? When did this occur?', '{}'),
  ('a1200000-0000-4000-8000-000000000007', 'a1000000-0000-4000-8000-000000000002', 7,
   'Do you have any questions about the types of services and resources that the Center can offer you?', '{}'),
  ('a1200000-0000-4000-8000-000000000008', 'a1000000-0000-4000-8000-000000000002', 8,
   'Is there anything else that we haven''t discussed today that you would like to share?', '{}'),
  ('a1200000-0000-4000-8000-000000000009', 'a1000000-0000-4000-8000-000000000002', 9,
   'Would you like our Center staff to follow up with you on any supports identified for your state during this focus group?', '{}'),
  ('a1200000-0000-4000-8000-000000000010', 'a1000000-0000-4000-8000-000000000002', 10,
   'Do you have any questions for us before we end?', '{}');

-- Case management as training module 14 (seed 004) describes it: the intake notice of step 1, mandatory reports as
-- their own records, the work between referrals (step 4), and a closure checklist that records why an item was not
-- done instead of a false "true" (step 6), with the closing conversation.

-- Step 1: "Always inform the survivor of your obligation to report". One notice per case, recorded with openCase;
-- cases opened before this migration have none (nothing is invented for them).
create table case_intake_notice (
    case_id                          uuid primary key references survivor_case (id),
    confidentiality_limits_explained boolean      not null check (confidentiality_limits_explained),
    mandatory_reporting_explained    boolean      not null check (mandatory_reporting_explained),
    told_how                         varchar(20)  not null check (told_how in ('VERBAL', 'WRITTEN', 'VERBAL_AND_WRITTEN')),
    language                         varchar(100),
    interpreter_used                 boolean      not null,
    consent_given_by                 varchar(20)  not null check (consent_given_by in ('SURVIVOR', 'CAREGIVER')),
    consent_to_case_management       boolean      not null check (consent_to_case_management),
    consent_obtained_how             varchar(20)  not null check (consent_obtained_how in ('WRITTEN', 'VERBAL', 'THUMBPRINT')),
    note                             varchar(2000),
    recorded_by_subject              varchar(100) not null,
    recorded_by_name                 varchar(200) not null,
    recorded_at                      timestamptz  not null
);

-- A report to an authority the law requires (police, child protection...), which need not be in the directory. It is
-- the lead agency's record of what it did: it opens no route and grants no one anything.
create table mandatory_report (
    id                             uuid primary key,
    case_id                        uuid          not null references survivor_case (id),
    authority_kind                 varchar(30)   not null check (authority_kind in ('POLICE', 'CHILD_PROTECTION_AUTHORITY',
                                                     'SOCIAL_WELFARE', 'HEALTH_AUTHORITY', 'COURT', 'OTHER')),
    authority_name                 varchar(300)  not null,
    reported_at                    timestamptz   not null,
    reported_how                   varchar(20)   not null check (reported_how in ('IN_PERSON', 'PHONE', 'WRITTEN', 'ONLINE')),
    information_shared             varchar(4000) not null,
    categories_shared              varchar(20)[] not null,
    survivor_told_beforehand       boolean       not null,
    survivor_told_what             varchar(4000),
    not_told_beforehand_because    varchar(2000),
    likely_next_steps              varchar(4000) not null,
    protection_needs_discussed     varchar(4000) not null,
    supervisor_consulted_name      varchar(200),
    supervisor_consulted_at        timestamptz,
    supervisor_not_consulted_because varchar(2000),
    authority_reference            varchar(200),
    recorded_by_subject            varchar(100)  not null,
    recorded_by_name               varchar(200)  not null,
    recorded_at                    timestamptz   not null,
    check (survivor_told_beforehand = (survivor_told_what is not null)),
    check (survivor_told_beforehand = (not_told_beforehand_because is null)),
    check ((supervisor_consulted_name is null) = (supervisor_consulted_at is null)),
    check ((supervisor_consulted_name is null) = (supervisor_not_consulted_because is not null)),
    check (supervisor_consulted_at is null or supervisor_consulted_at <= reported_at)
);
create index mandatory_report_case_idx on mandatory_report (case_id, reported_at);

-- Step 4 between referrals: accompaniment, advocacy, direct services, psychosocial support.
create table case_activity (
    id                  uuid primary key,
    case_id             uuid          not null references survivor_case (id),
    kind                varchar(40)   not null check (kind in ('ACCOMPANIMENT', 'ADVOCACY_POLICE_PROTECTION',
                            'ADVOCACY_MEDICAL_CARE', 'ADVOCACY_SURVIVOR_VIEWS', 'INFORMING_PROVIDERS', 'DIRECT_SERVICE',
                            'EMOTIONAL_SUPPORT', 'INFORMATION_ABOUT_GBV', 'RECONNECTION_WITH_SUPPORTS',
                            'REFERRAL_TO_GROUP_OR_LIVELIHOODS')),
    took_place_at       timestamptz   not null,
    survivor_present    boolean       not null,
    with_whom           varchar(500),
    description         varchar(4000) not null,
    referral_id         uuid          references referral (id),
    goal_id             uuid          references action_plan_goal (id),
    outcome             varchar(4000),
    performed_by_subject varchar(100) not null,
    performed_by_name   varchar(200)  not null,
    recorded_at         timestamptz   not null
);
create index case_activity_case_idx on case_activity (case_id, took_place_at);

-- Step 6: an item of the checklist that was not done says why (never a false "true"), and the closing conversation
-- for the reasons where she is present. Rows before this migration had every item true and keep it.
alter table case_closure
    add column safety_plan_not_reviewed_because  varchar(2000),
    add column action_plan_not_reviewed_because  varchar(2000),
    add column not_told_can_return_because       varchar(2000),
    add column closing_contact_at                timestamptz,
    add column closing_contact_mode              varchar(20) check (closing_contact_mode in ('IN_PERSON', 'HOME_VISIT', 'PHONE', 'VIDEO')),
    add column progress_and_changes_reviewed     varchar(4000),
    add column future_aspirations                varchar(4000),
    add constraint case_closure_safety_plan_why check (safety_plan_reviewed = (safety_plan_not_reviewed_because is null)),
    add constraint case_closure_action_plan_why check (action_plan_reviewed = (action_plan_not_reviewed_because is null)),
    add constraint case_closure_told_can_return_why check (survivor_told_can_return = (not_told_can_return_because is null)),
    add constraint case_closure_file_complete check (file_complete),
    add constraint case_closure_conversation check ((closing_contact_at is null) = (closing_contact_mode is null));

-- Where a case stands among the module's six steps, derived from what was recorded (never typed by hand): the
-- furthest step with work on record. Reopening a case takes it back to the step its records show.
create view case_step as
select c.id as case_id,
       case
           when c.status in ('CLOSURE_REQUESTED', 'CLOSED') then 'CLOSURE'
           when exists (select 1 from follow_up f where f.case_id = c.id and f.status = 'COMPLETED') then 'FOLLOW_UP'
           when exists (select 1 from referral r where r.case_id = c.id)
               or exists (select 1 from case_activity a where a.case_id = c.id)
               or exists (select 1 from conference k where k.case_id = c.id) then 'IMPLEMENTATION'
           when exists (select 1 from action_plan_goal g where g.case_id = c.id) then 'ACTION_PLANNING'
           when cardinality(c.needs) > 0 or c.risk_level is not null then 'ASSESSMENT'
           else 'INTRODUCTION_AND_ENGAGEMENT'
       end as step
from survivor_case c;

-- Step 5, "Assess safety during every visit · Ask specific questions about safety". The module names no questions;
-- these are Casebridge's, written for that line (README "Follow-ups"); an agency's own set is a new version.
create table safety_question (
    id        uuid primary key,
    version   integer      not null,
    position  integer      not null,
    text      varchar(500) not null,
    unique (version, position)
);
insert into safety_question (id, version, position, text) values
  ('5a000000-0000-4000-8000-000000000001', 1, 1, 'Do you feel safe where you are staying now?'),
  ('5a000000-0000-4000-8000-000000000002', 1, 2, 'Since we last spoke, has anyone hurt you, threatened you or made you feel unsafe?'),
  ('5a000000-0000-4000-8000-000000000003', 1, 3, 'Has the person who hurt you tried to contact, follow or find you?'),
  ('5a000000-0000-4000-8000-000000000004', 1, 4, 'Is your safety plan still working for you, or does something in it need to change?'),
  ('5a000000-0000-4000-8000-000000000005', 1, 5, 'Is it still safe for us to contact you this way, at this time and place?');

create table follow_up_safety_answer (
    follow_up_id uuid         not null references follow_up (id),
    question_id  uuid         not null references safety_question (id),
    answer       varchar(20)  not null check (answer in ('YES', 'NO', 'UNSURE', 'DECLINED', 'NOT_SAFE_TO_ASK')),
    note         varchar(2000),
    primary key (follow_up_id, question_id)
);

-- "The status of the survivor in terms of their safety, health, family, social life (friends, school, work),
-- feelings, and services."
create table follow_up_domain_status (
    follow_up_id uuid         not null references follow_up (id),
    domain       varchar(20)  not null check (domain in ('SAFETY', 'HEALTH', 'FAMILY', 'SOCIAL_LIFE', 'FEELINGS', 'SERVICES')),
    status       varchar(20)  not null check (status in ('GOOD', 'SOME_CONCERNS', 'SERIOUS_CONCERNS', 'NOT_DISCUSSED')),
    note         varchar(2000),
    primary key (follow_up_id, domain)
);

-- "Document outcomes of referrals": against the referral rows themselves.
create table follow_up_referral_outcome (
    follow_up_id uuid         not null references follow_up (id),
    referral_id  uuid         not null references referral (id),
    outcome      varchar(20)  not null check (outcome in ('RECEIVED', 'PARTLY_RECEIVED', 'NOT_RECEIVED', 'WAITING', 'DECLINED_BY_HER')),
    note         varchar(2000),
    primary key (follow_up_id, referral_id)
);

-- "Schedule another follow-up visit": ending follow-up without a next one says why.
alter table follow_up add column no_next_follow_up_because varchar(2000);

-- Conferences: why it was called ("Often scheduled when survivor's needs aren't being met"), the ongoing issues
-- identified, and goal revisions naming the conference whose decisions made them.
alter table conference
    add column called_because      varchar(30) check (called_because in ('NEEDS_NOT_MET', 'REVIEW_PROGRESS', 'NEW_RISK',
                                       'COORDINATE_ROLES', 'RESOLVE_CONFLICT', 'OTHER')),
    add column called_because_note varchar(2000),
    add column ongoing_issues      text;
alter table action_plan_revision add column conference_id uuid references conference (id);

-- The feedback survey's questions are not from the seed (it gives the administration and consent points only): say
-- where a version's questions come from. A later version citing a published instrument says so here.
alter table feedback_template add column provenance text;
update feedback_template set provenance =
    'Written for Casebridge, not taken from a validated instrument. Training module 14 (seed 004) gives the survey''s '
    || 'administration and its consent points (purpose, voluntary, confidential, no effect on services) but no questions; '
    || 'these thirteen follow the module''s principles: the survivor in control of which services are involved, information '
    || 'shared with her permission, a comfortable, safe and confidential place, nonjudgmental and respectful staff.'
where version = 1 and provenance is null;

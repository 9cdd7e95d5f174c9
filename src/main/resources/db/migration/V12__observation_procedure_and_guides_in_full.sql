-- The observation tool (seed 002) and the focus-group guides (seeds 000, 001) as the field documents describe them:
-- the procedure around the forms, and the guides' full text (issue 19).

-- 1. Consent to an observation: the child's informed consent or assent (when, by whom), the caregiver's consent
--    "when needed" (and why it was not), and that the purpose and confidentiality were explained. A planned
--    observation has none of it yet; it is given before the session takes place.
alter table observation drop constraint observation_child_consent_check;
alter table observation drop constraint observation_caregiver_consent_check;
alter table observation drop constraint observation_status_check;
alter table observation
    add column child_agreement varchar(10) check (child_agreement in ('CONSENT', 'ASSENT')),
    add column child_agreement_on date,
    add column child_agreement_by varchar(200),
    add column caregiver_consent_needed boolean not null default true,
    add column caregiver_consent_not_needed_reason varchar(2000),
    add column purpose_and_confidentiality_explained boolean,
    add constraint observation_status_check check (status in ('PLANNED', 'DRAFT', 'COMPLETED', 'FEEDBACK_GIVEN')),
    add constraint observation_child_consent_check check (status = 'PLANNED' or child_consent),
    add constraint observation_caregiver_consent_when_needed check (status = 'PLANNED' or caregiver_consent
        or (not caregiver_consent_needed and caregiver_consent_not_needed_reason is not null));

-- 2. The procedure: planned in advance with the case chosen together and its grounds; whether the supervisor
--    intervened and why; feedback as strengths and areas to improve, its session due shortly after.
alter table observation
    add column planned_at timestamptz,
    add column case_chosen_together boolean,
    add column case_selection_grounds varchar(30)[] not null default '{}',
    add column case_selection_note varchar(2000),
    add column supervisor_intervened boolean,
    add column intervention_reason varchar(20) check (intervention_reason in ('RISK_OF_HARM', 'CASEWORKER_ASKED')),
    add column intervention_note varchar(2000),
    add column feedback_strengths varchar(4000),
    add column feedback_areas_to_improve varchar(4000),
    add column feedback_due_on date,
    add constraint observation_grounds_check check (case_selection_grounds <@ array['VULNERABILITY', 'SAFETY', 'WELL_BEING',
        'DO_NO_HARM', 'BEST_INTEREST_OF_THE_CHILD']::varchar(30)[]),
    add constraint observation_intervention_check check (supervisor_intervened is not true or intervention_reason is not null);
-- Observations completed before: their feedback session was due a week after the session (the default).
update observation set feedback_due_on = observed_on + 7 where status in ('COMPLETED', 'FEEDBACK_GIVEN');
create index observation_planned_idx on observation (agency_id, observed_on) where status = 'PLANNED';
create index observation_feedback_due_idx on observation (agency_id, feedback_due_on) where status = 'COMPLETED';

-- The tool's own guidance (definition, purpose, frequency, guidance, consent) and the before / during / after duties
-- of supervisor and caseworker, in the tool's words, stored with the tool version they belong to.
create table observation_guidance (
    template_id uuid          not null references observation_template (id),
    position    integer       not null,
    heading     varchar(100),
    body        varchar(4000) not null,
    primary key (template_id, position)
);

create table observation_duty (
    id          uuid primary key,
    template_id uuid          not null references observation_template (id),
    phase       varchar(10)   not null check (phase in ('BEFORE', 'DURING', 'AFTER')),
    duty_of     varchar(20)   not null check (duty_of in ('SUPERVISOR', 'CASEWORKER')),
    position    integer       not null,
    text        varchar(1000) not null,
    unique (template_id, phase, duty_of, position)
);

create table observation_duty_check (
    observation_id uuid          not null references observation (id),
    duty_id        uuid          not null references observation_duty (id),
    done           boolean       not null,
    note           varchar(2000),
    checked_at     timestamptz   not null,
    primary key (observation_id, duty_id),
    check (done or note is not null)
);

-- ACTIONS TO BE TAKEN, for the supervisor and the caseworker, each with a status the next observation reviews.
create table observation_action (
    id             uuid primary key,
    observation_id uuid          not null references observation (id),
    position       integer       not null,
    action_of      varchar(20)   not null check (action_of in ('SUPERVISOR', 'CASEWORKER')),
    text           varchar(2000) not null,
    status         varchar(20)   not null default 'OPEN' check (status in ('OPEN', 'DONE', 'NOT_DONE')),
    reviewed_in    uuid          references observation (id),
    review_note    varchar(2000),
    reviewed_at    timestamptz,
    unique (observation_id, position),
    check ((reviewed_in is null) = (reviewed_at is null)),
    check (status = 'OPEN' or reviewed_in is not null)
);
create index observation_action_open_idx on observation_action (observation_id) where reviewed_in is null;

insert into observation_guidance (template_id, position, heading, body) values
  ('0b5e0000-0000-4000-8000-000000000001', 1, $t$Definition$t$, $t$A case management observation is a supervision practice used to assess a caseworker’s application of case management competencies during a face-to-face interaction with a child (and/or caregiver). During the observation, a caseworker conducts an interview/meeting with a child as though the supervisor is not present. The supervisor is a neutral observer during this contact unless it is essential to intervene, because a case management principle is significantly violated (there is a risk of causing harm) or the caseworker explicitly asks for support or feedback. The goal of the exercise is for a supervisor to observe child/caseworker interactions to support the caseworker’s development in applying case management and child protection best practices.$t$),
  ('0b5e0000-0000-4000-8000-000000000001', 2, $t$Purpose of the Tool$t$, $t$The Case Management Observation Tool should be used as a guide to the observation of case management provision by supervisors. This tool is part of the regular coaching and feedback should be provided in individual supervision sessions.$t$),
  ('0b5e0000-0000-4000-8000-000000000001', 3, $t$Frequency/Duration$t$, $t$It is suggested that observations occur more regularly (i.e,. once every two weeks) with new caseworkers as they are building their skills, but should continue monthly with more experienced caseworkers (i.e., once every two months).$t$),
  ('0b5e0000-0000-4000-8000-000000000001', 4, $t$Guidance$t$, $t$This tool can be used for the observation of sessions at all stages of the case management process. It is suggested that the caseworker and supervisor determine together which cases should be observed according to the child’s vulnerability, safety and well-being according to the “do no harm” and “best interest of the child” principles.$t$),
  ('0b5e0000-0000-4000-8000-000000000001', 5, null, $t$Observation of case management provision can only happen with the consent of the child and her/his caregiver prior to the session. It should be explained to children and their caregivers in advance that observing case management sessions provides the caseworker with an occasion to receive support to ultimately improve the quality of service s/he provides and that all information disclosed during this session will remain confidential.$t$);
insert into observation_duty (id, template_id, phase, duty_of, position, text) values
  ('0b5e0000-0000-4000-8003-000000000101', '0b5e0000-0000-4000-8000-000000000001', 'BEFORE', 'SUPERVISOR', 1, $t$Discuss the process with the caseworker so that they feel reassured about the exercise, allowing the caseworker to ask any questions and raise any concerns they have in advance of the scheduled observation exercise.$t$),
  ('0b5e0000-0000-4000-8003-000000000102', '0b5e0000-0000-4000-8000-000000000001', 'BEFORE', 'SUPERVISOR', 2, $t$Schedule an observation with an appropriate case in advance with the caseworker.$t$),
  ('0b5e0000-0000-4000-8003-000000000103', '0b5e0000-0000-4000-8000-000000000001', 'BEFORE', 'SUPERVISOR', 3, $t$Be familiar with the child’s case file ahead of joining a meeting and any issues that may arise.$t$),
  ('0b5e0000-0000-4000-8003-000000000104', '0b5e0000-0000-4000-8000-000000000001', 'BEFORE', 'SUPERVISOR', 4, $t$Ensure that consent has been obtained for the visit.$t$),
  ('0b5e0000-0000-4000-8003-000000000201', '0b5e0000-0000-4000-8000-000000000001', 'BEFORE', 'CASEWORKER', 1, $t$Schedule the interviews or meetings with a child and family with an appropriate case. The caseworker should obtain the child’s informed consent/assent and the consent of the caregiver when needed.$t$),
  ('0b5e0000-0000-4000-8003-000000000202', '0b5e0000-0000-4000-8000-000000000001', 'BEFORE', 'CASEWORKER', 2, $t$Eventual risks or concerns associated with the observation should be discussed with the child and caregiver. If no concern is underlined and the child/survivor provides consent, then the observation can take place.$t$),
  ('0b5e0000-0000-4000-8003-000000000301', '0b5e0000-0000-4000-8000-000000000001', 'DURING', 'SUPERVISOR', 1, $t$Allow the caseworker to take the lead.$t$),
  ('0b5e0000-0000-4000-8003-000000000302', '0b5e0000-0000-4000-8000-000000000001', 'DURING', 'SUPERVISOR', 2, $t$Not interrupt the caseworker unless it is necessary.$t$),
  ('0b5e0000-0000-4000-8003-000000000303', '0b5e0000-0000-4000-8000-000000000001', 'DURING', 'SUPERVISOR', 3, $t$Explain that you will be taking notes about the caseworker's practice and let the child/caregiver/other see the notes if they are interested.$t$),
  ('0b5e0000-0000-4000-8003-000000000304', '0b5e0000-0000-4000-8000-000000000001', 'DURING', 'SUPERVISOR', 4, $t$Take notes referencing the observation tool, highlighting specific examples for areas of improved or good practice that can be praised afterwards.$t$),
  ('0b5e0000-0000-4000-8003-000000000305', '0b5e0000-0000-4000-8000-000000000001', 'DURING', 'SUPERVISOR', 5, $t$During the sessions, the supervisors should fill the Observation Tool, making sure that concrete examples are noted.$t$),
  ('0b5e0000-0000-4000-8003-000000000401', '0b5e0000-0000-4000-8000-000000000001', 'DURING', 'CASEWORKER', 1, $t$Introduce the child and caregiver to the supervisor and remind them why the supervisor is joining the visit.$t$),
  ('0b5e0000-0000-4000-8003-000000000402', '0b5e0000-0000-4000-8000-000000000001', 'DURING', 'CASEWORKER', 2, $t$Lead the session with the child and/or caregiver as though the supervisor is not present.$t$),
  ('0b5e0000-0000-4000-8003-000000000501', '0b5e0000-0000-4000-8000-000000000001', 'AFTER', 'SUPERVISOR', 1, $t$Complete the Observation Tool, including constructive and positive feedback.$t$),
  ('0b5e0000-0000-4000-8003-000000000502', '0b5e0000-0000-4000-8000-000000000001', 'AFTER', 'SUPERVISOR', 2, $t$Shortly after the session, have an individual supervision session with the caseworker to provide feedback from the observation.$t$),
  ('0b5e0000-0000-4000-8003-000000000601', '0b5e0000-0000-4000-8000-000000000001', 'AFTER', 'CASEWORKER', 1, $t$Participate in an individual supervision session with the supervisor and share reflections/feelings about the observation.$t$),
  ('0b5e0000-0000-4000-8003-000000000602', '0b5e0000-0000-4000-8000-000000000001', 'AFTER', 'CASEWORKER', 2, $t$Ask any questions that may exist from this specific session or technical areas that the supervisor can provide more guidance on.$t$);

-- 3. Needs and follow-up requests count for the state the participants named (a grantee meeting gathers many
--    states: "inform support for your state"), from the sign-in sheet or chosen for each need; until now, for the
--    state the session was held in. A professional level only where the audience has one.
alter table fg_need add column state varchar(100);
alter table fg_follow_up_request add column state varchar(100);
update fg_need n set state = s.state from fg_session s where s.id = n.session_id;
update fg_follow_up_request f set state = s.state from fg_session s where s.id = f.session_id;
alter table fg_need alter column state set not null;
alter table fg_follow_up_request alter column state set not null;
alter table fg_need alter column professional_level drop not null;
-- The API always says which state; a row written straight into the database without one counts for the session's.
create function credit_to_session_state() returns trigger language plpgsql as $$
begin
    if new.state is null then
        new.state := (select state from fg_session where id = new.session_id);
    end if;
    return new;
end $$;
create trigger fg_need_state before insert on fg_need for each row execute function credit_to_session_state();
create trigger fg_follow_up_request_state before insert on fg_follow_up_request
    for each row execute function credit_to_session_state();
-- A follow-up request (seed 001, question 9) is tied to the participant's line of the sign-in sheet, so that it can be
-- followed up, and has a status.
alter table fg_follow_up_request
    add column sign_in_id uuid references fg_sign_in (id),
    add column agency varchar(200),
    add column status varchar(20) not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'DECLINED'));
create index fg_need_state_idx on fg_need (state);
create index fg_follow_up_request_state_idx on fg_follow_up_request (state);

-- 4. Guides are versioned: a new version of a guide keeps its identity, and the text of the version it replaces is
--    kept here, so a session stays on the version it used (fg_session.guide_version). Before and after the
--    questions, a guide holds its sections in the field's own words (headings, timings).
create table discussion_guide_version (
    guide_id             uuid          not null references discussion_guide (id),
    version              integer       not null,
    title                varchar(200)  not null,
    purpose              varchar(4000) not null,
    expected_minutes     integer,
    before_instructions  text,
    during_instructions  text,
    after_instructions   text,
    replaced_at          timestamptz   not null,
    primary key (guide_id, version)
);

alter table discussion_guide add column version integer not null default 1;
-- The guide's group size ("between 8 -12 participants ideally", "10-15 participants") and its cohorts (three groups of
-- the grantee meeting, one per professional cohort); a session states its cohort where its guide has cohorts.
alter table discussion_guide
    add column min_participants integer check (min_participants between 1 and 100),
    add column max_participants integer check (max_participants between 1 and 100),
    add column cohorts varchar(300)[] not null default '{}',
    add constraint discussion_guide_group_size_check check (max_participants >= min_participants);
alter table discussion_guide_version
    add column min_participants integer,
    add column max_participants integer,
    add column cohorts varchar(300)[] not null default '{}';
alter table fg_session add column cohort varchar(300);
alter table guide_question add column version integer not null default 1;
alter table guide_question drop constraint guide_question_guide_id_position_key;
alter table guide_question add constraint guide_question_version_position_key unique (guide_id, version, position);
alter table fg_session add column guide_version integer not null default 1;

create table guide_section (
    guide_id   uuid         not null references discussion_guide (id),
    version    integer      not null,
    position   integer      not null,
    placement  varchar(20)  not null check (placement in ('BEFORE_QUESTIONS', 'AFTER_QUESTIONS')),
    heading    varchar(300),
    body       text         not null,
    minutes    integer      check (minutes between 1 and 480),
    primary key (guide_id, version, position)
);

-- Every version of every guide, as one relation.
create view discussion_guide_text as
    select id as guide_id, version, title, audience, purpose, expected_minutes, before_instructions, during_instructions,
           after_instructions, min_participants, max_participants, cohorts, created_by_name, created_at, true as current
    from discussion_guide
    union all
    select v.guide_id, v.version, v.title, g.audience, v.purpose, v.expected_minutes, v.before_instructions,
           v.during_instructions, v.after_instructions, v.min_participants, v.max_participants, v.cohorts, g.created_by_name,
           g.created_at, false
    from discussion_guide_version v join discussion_guide g on g.id = v.guide_id;

-- The two seed guides' version 1 (V5, which dropped sentences) is kept for the sessions that used it; version 2 is
-- the seeds' text, whole.
insert into discussion_guide_version (guide_id, version, title, purpose, expected_minutes, before_instructions,
                                      during_instructions, after_instructions, replaced_at)
select id, 1, title, purpose, expected_minutes, before_instructions, during_instructions, after_instructions, now()
from discussion_guide where id in ('a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002');

update discussion_guide set version = 2, min_participants = 8, max_participants = 12,
    purpose = $t$To seek the views of those who have had contact with the case management system to identify how the system is working, how services are provided, and how these can be improved.$t$,
    before_instructions = null, during_instructions = null, after_instructions = null
where id = 'a1000000-0000-4000-8000-000000000001';
update discussion_guide set version = 2, min_participants = 10, max_participants = 15,
    cohorts = array[$t$State Child Welfare Directors$t$, $t$State Adoption Managers & Foster Care Managers$t$,
                    $t$State Liaison Officers, Children’s Justice Act Managers, In-Home Services Managers, & Promoting Safe and Stable Families (PSSF) State Leads$t$]::varchar(300)[],
    purpose = $t$To learn more about the needs that have emerged for child welfare professionals in States and territories as a result of participating in the meetings.$t$,
    before_instructions = null, during_instructions = null, after_instructions = null
where id = 'a1000000-0000-4000-8000-000000000002';

insert into guide_section (guide_id, version, position, placement, heading, body, minutes) values
  ('a1000000-0000-4000-8000-000000000001', 2, 1, 'BEFORE_QUESTIONS', null, $t$This FGD is for use with parents / caregivers who have had contact and are / were involved with the case management system. The focus group should have between 8 -12 participants ideally. Consideration will need to be given as to whether to hold male only / female only or mixed groups depending on context, this may depend on the cultural norms in-context.
The FGD must be facilitated by someone who has suitable experience and expertise in facilitating community discussions. Two workers should be present – one to facilitate discussion and one to make notes.
In addition, careful consideration must be given to the ethics of conducting FGDs – including but not limited to safeguarding and confidentiality (although the focus of the FGD should always remain on the process of case management rather than individual case histories) and dealing with disclosures. It may be more appropriate, depending on circumstances, to run the FGD as individual interviews, following the same questions.
It MUST be made clear to all participants that participation is voluntary, and that they can choose not to answer a question or withdraw at any time, and that this will not affect the services they or their families would receive.
Approximately 90 minutes are needed for the FGD.$t$, null),
  ('a1000000-0000-4000-8000-000000000001', 2, 2, 'BEFORE_QUESTIONS', $t$Before beginning:$t$, $t$Introduce the FGD and its purpose – to seek the views of those who have had contact with the case management system to identify how the system is working, how services are provided, and how these can be improved.
Explain that the FGD should take approximately 90 minutes.
Clarify confidentiality. Notes will be made during FGD, these will be used for the production of a report and will not contain identifiable information.
Advise participants that individual feedback will not be given, but that the report on the assessment could be shared with those interested.
Confirm that participation is voluntary; they can withdraw at any time or decide not to answer a question without any repercussions on current or future services.
Confirm whether participants agree to proceed, and if so make a note of the number and gender.$t$, null),
  ('a1000000-0000-4000-8000-000000000001', 2, 3, 'BEFORE_QUESTIONS', $t$During the FGD:$t$, $t$Try to encourage discussion between participants and the active participation of all involved.
Prompt if necessary but be wary of giving answers.
When documenting, make sure not only to record what is said but also to take note of the dynamics – e.g. does one person dominate, is there disagreement etc.?
When documenting responses, try to record the exact words in parenthesis (‘’…..’’)$t$, null),
  ('a1000000-0000-4000-8000-000000000001', 2, 4, 'BEFORE_QUESTIONS', $t$Areas for discussion:$t$, $t$$t$, null),
  ('a1000000-0000-4000-8000-000000000001', 2, 5, 'AFTER_QUESTIONS', $t$At the end / after the interview:$t$, $t$Thank participants for their time.
Confirm next steps in relation to the assessment.
Write up notes as soon as possible and agree accuracy of notes between note taker and facilitator.
If any child protection concern is raised, indicating that a child may be at risk or is at risk from any kind of abuse, make sure to report concerns in accordance with agency procedures.$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 1, 'BEFORE_QUESTIONS', $t$Background$t$, $t$Focus groups are an effective methodology for gathering the experiences of many people at once, i.e., it can be more efficient for increasing sample size. The group process can bring ideas or experiences to light which would otherwise have been hard to access. The process of sharing in a group can reduce feelings of isolation.
Three focus groups will be held on the first day of the Coordinated State Child Welfare Program Grantee Meetings. One focus group will include the State Child Welfare Directors. The second focus group will include the State Adoption Managers & Foster Care Managers. The third focus group will include the State Liaison Officers, Children’s Justice Act Managers, In-Home Services Managers, & Promoting Safe and Stable Families (PSSF) State Leads. Each focus group will include 10-15 participants and run for approximately 1 hour.$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 2, 'BEFORE_QUESTIONS', $t$Focus Group Objective$t$, $t$The objective is to learn from various meeting attendees about their agencies’ needs that are identified during the grantee meetings and which can be supported in the future by the Center for States’ services. This is a mechanism for the Center to collect timely Needs Assessment data.$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 3, 'BEFORE_QUESTIONS', $t$Focus Group Staffing$t$, $t$The focus groups will be facilitated by senior Center for States staff and supported by note takers who are knowledgeable about the field and the stakeholders. The Needs Assessment Lead will provide an one hour training for the facilitators and note takers that includes a review of the objectives of the focus groups and effective focus group strategies. The facilitators will attend the meetings so will have the context for leading the focus groups.$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 4, 'BEFORE_QUESTIONS', $t$Focus Group Logistics$t$, $t$ICF meeting planner will identify the 3 rooms at the Marriot to hold the focus groups
An invite will be sent earlier to all attendees to sign up for the focus groups
An announcement will be made in the morning and at the end of the last session to remind participants about the focus groups
An information sheet about the focus group, the locations and times will be provided at the registration table$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 5, 'BEFORE_QUESTIONS', $t$Instructions for the Facilitators:$t$, $t$The seating arrangement should either be conference or U shaped.
Have a participant sign in sheet that includes First and Last Name, Job title, Agency Name, City and State. Let participants complete this after they enter the room.$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 6, 'BEFORE_QUESTIONS', $t$Overview for the Facilitator$t$, $t$Purpose of Focus Group: To learn more about the needs that have emerged for child welfare professionals in States and territories as a result of participating in the meetings.
How the information will be used: To inform and improve the services (products, training opportunities, technical assistance) provided by the Capacity Building Collaborative.
Participants: State Child Welfare Directors, State Adoption Managers, Foster Care Managers, In-Home Services Managers, Promoting Safe and Stable Families (PSSF) State Leads, State Liaison Officers, & Children’s Justice Act Managers.$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 7, 'BEFORE_QUESTIONS', $t$Table below to be completed by the Facilitator$t$, $t$Event: Coordinated State Child Welfare Program Grantee Meetings
Location: The Crystal Gateway Marriot, Arlington, Virginia
Meeting Dates: August 10–11, 2017
FG Date: August 10, 2017
FG Start and End Times:
FG Facilitator Name:
FG Notetaker Name:$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 8, 'BEFORE_QUESTIONS', $t$FOCUS GROUP OVERVIEW AND INTRODUCTIONS: (5 minutes)$t$, $t$My name is <insert name>. I will be facilitating this focus group. I am the <insert role within the center> at the Center for States Thank you for agreeing to join us today. This focus group will last for approximately 1 hour. This is an opportunity to gather information about your resource and support needs, especially those identified during today’s meeting discussions, and which can inform the development of products, peer networks, and learning experiences offered across the Collaborative and within the Center. I will ask the group a few questions. There are no wrong answers—this is an opportunity to share and learn. The only limitation is to help us to stay on time in order to cover all of the questions.
Your participation in the focus group is voluntary and confidential. Any input gathered will not be attributed to you individually, but will be combined with others’ comments for a fuller picture of the issues and to inform support for your state. We will use this information to guide and improve our services, not disseminate our findings to the public. Please let me know if there are any concerns about this process.
Before we get started, let’s see who’s participating in this focus group. We would like everyone to briefly introduce themselves and tell us what agency or organization you work for, and State you work in.$t$, 5),
  ('a1000000-0000-4000-8000-000000000002', 2, 9, 'BEFORE_QUESTIONS', $t$Focus Group Discussion Guide$t$, $t$Questions:$t$, null),
  ('a1000000-0000-4000-8000-000000000002', 2, 10, 'AFTER_QUESTIONS', null, $t$Facilitator: We greatly value your input and suggestions. As a reminder, your input is confidential and the information will not be attributed to you individually in reporting, but will be combined with others’ comments for a fuller picture of the issues. We look forward to using the information to improve our services across the Collaborative and within our Center.$t$, null);
insert into guide_question (id, guide_id, version, position, text, probes) values
  ('a1100000-0000-4000-8002-000000000001', 'a1000000-0000-4000-8000-000000000001', 2, 1,
   $t$How did you / your family first come into contact with the caseworker?$t$,
   '{}'),
  ('a1100000-0000-4000-8002-000000000002', 'a1000000-0000-4000-8000-000000000001', 2, 2,
   $t$Did the caseworker explain their role and case management to you?$t$,
   array[$t$What did they say?$t$]::varchar(1000)[]),
  ('a1100000-0000-4000-8002-000000000003', 'a1000000-0000-4000-8000-000000000001', 2, 3,
   $t$What did the caseworker say to you about confidentiality? Did you feel you had the option to participate, or not?$t$,
   '{}'),
  ('a1100000-0000-4000-8002-000000000004', 'a1000000-0000-4000-8000-000000000001', 2, 4,
   $t$What type of support were you expecting? And to what extent were these expectations met?$t$,
   array[$t$How did the caseworker go about their work and what steps were taken?$t$, $t$How were you involved in the process?$t$]::varchar(1000)[]),
  ('a1100000-0000-4000-8002-000000000005', 'a1000000-0000-4000-8000-000000000001', 2, 5,
   $t$Do you think that the caseworker took your views and opinions into account, and made sure that you were included in decisions about your child and your family?$t$,
   array[$t$If so how? (e.g. presenting different options / services and their pros and cons)$t$, $t$If not, what could they have done better?$t$]::varchar(1000)[]),
  ('a1100000-0000-4000-8002-000000000006', 'a1000000-0000-4000-8000-000000000001', 2, 6,
   $t$How did the caseworker go about sharing your information with others (e.g. service providers) and for what reasons?$t$,
   '{}'),
  ('a1100000-0000-4000-8002-000000000007', 'a1000000-0000-4000-8000-000000000001', 2, 7,
   $t$How much contact did you have with the caseworker?$t$,
   array[$t$How did they follow-up?$t$, $t$Did the caseworker do the things s/he said s/he would do?$t$, $t$Would you like to have had more contact with them?$t$, $t$If you needed to contact the caseworker, did you know how?$t$]::varchar(1000)[]),
  ('a1100000-0000-4000-8002-000000000008', 'a1000000-0000-4000-8000-000000000001', 2, 8,
   $t$What were some of the negative and positive changes that have happened due to the caseworker’s work?$t$,
   '{}'),
  ('a1100000-0000-4000-8002-000000000009', 'a1000000-0000-4000-8000-000000000001', 2, 9,
   $t$How was the decision to stop the case management services taken?$t$,
   '{}'),
  ('a1100000-0000-4000-8002-000000000010', 'a1000000-0000-4000-8000-000000000001', 2, 10,
   $t$What would you suggest for improvement in the overall process?$t$,
   '{}'),
  ('a1100000-0000-4000-8002-000000000011', 'a1000000-0000-4000-8000-000000000001', 2, 11,
   $t$Is there anything else you would like to share?$t$,
   '{}'),
  ('a1200000-0000-4000-8002-000000000001', 'a1000000-0000-4000-8000-000000000002', 2, 1,
   $t$You heard preliminary CFSR Round 3 findings from Dr. Milner during the plenary session. How do these findings inform your state’s current and future work?$t$,
   array[$t$Can you provide examples?$t$]::varchar(1000)[]),
  ('a1200000-0000-4000-8002-000000000002', 'a1000000-0000-4000-8000-000000000002', 2, 2,
   $t$How is your state using partnerships to support its improvement/change efforts?$t$,
   array[$t$In which areas does your state have the greatest needs for additional support?$t$, $t$What types of technical assistance or support would be really helpful?$t$, $t$What role do technical assistance providers currently play?$t$]::varchar(1000)[]),
  ('a1200000-0000-4000-8002-000000000003', 'a1000000-0000-4000-8000-000000000002', 2, 3,
   $t$Let’s talk about the discussions you had in your state working sessions. What successes, barriers and challenges, and action plans did your breakout group identify?$t$,
   array[$t$What types of services and resources would be most useful to your agency in its efforts to build on the successes and address barriers, challenges and action plans?$t$, $t$Do the types of services and resources needed differ by professional level in the agency? (E.g., manager, supervisor, caseworker)$t$, $t$How urgently are these services and resources needed? Is there a particular time frame during which these opportunities or resources would be most helpful?$t$, $t$Where can/do you go to find these types of services and resources?$t$]::varchar(1000)[]),
  ('a1200000-0000-4000-8002-000000000004', 'a1000000-0000-4000-8000-000000000002', 2, 4,
   $t$Now let’s talk about the discussions you had in your professional cohort breakout session #1. What successes, barriers and challenges, and strategies did your breakout group identify?$t$,
   array[$t$What types of services and resources would be most useful to your agency in its efforts to build on the successes and address the barriers, challenges and strategies?$t$, $t$Do the types of services and resources needed differ by professional level in the agency? (E.g., manager, supervisor, caseworker)$t$, $t$How urgently are these services and resources needed? Is there a particular time frame during which these opportunities or resources would be most helpful?$t$, $t$Where can/do you go to find these types of services and resources?$t$]::varchar(1000)[]),
  ('a1200000-0000-4000-8002-000000000005', 'a1000000-0000-4000-8000-000000000002', 2, 5,
   $t$How familiar are you with the services and resources offered by the Center for States?$t$,
   '{}'),
  ('a1200000-0000-4000-8002-000000000006', 'a1000000-0000-4000-8000-000000000002', 2, 6,
   $t$Do you have any noteworthy experiences, positive and negative, with the Center’s services and resources to share? What are they? When did this occur?$t$,
   '{}'),
  ('a1200000-0000-4000-8002-000000000007', 'a1000000-0000-4000-8000-000000000002', 2, 7,
   $t$Do you have any questions about the types of services and resources that the Center can offer you?$t$,
   '{}'),
  ('a1200000-0000-4000-8002-000000000008', 'a1000000-0000-4000-8000-000000000002', 2, 8,
   $t$Is there anything else that we haven’t discussed today that you would like to share?$t$,
   '{}'),
  ('a1200000-0000-4000-8002-000000000009', 'a1000000-0000-4000-8000-000000000002', 2, 9,
   $t$Would you like our Center staff to follow up with you on any supports identified for your state during this focus group?$t$,
   '{}'),
  ('a1200000-0000-4000-8002-000000000010', 'a1000000-0000-4000-8000-000000000002', 2, 10,
   $t$Do you have any questions for us before we end?$t$,
   '{}');

-- The before / during / after instructions of version 2 are its sections' text, for readers of those fields (the
-- caregivers' "During the FGD:" section is its during-instructions).
update discussion_guide g set
    before_instructions = (select string_agg(coalesce(s.heading || chr(10), '') || s.body, chr(10) || chr(10) order by s.position)
                           from guide_section s where s.guide_id = g.id and s.version = 2 and s.placement = 'BEFORE_QUESTIONS'
                             and s.heading is distinct from 'During the FGD:'),
    during_instructions = (select s.body from guide_section s where s.guide_id = g.id and s.version = 2 and s.heading = 'During the FGD:'),
    after_instructions = (select string_agg(coalesce(s.heading || chr(10), '') || s.body, chr(10) || chr(10) order by s.position)
                          from guide_section s where s.guide_id = g.id and s.version = 2 and s.placement = 'AFTER_QUESTIONS')
where g.id in ('a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002');

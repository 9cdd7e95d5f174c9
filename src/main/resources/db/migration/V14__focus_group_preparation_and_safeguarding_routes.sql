-- Focus groups as seeds 000, 001 and 003 describe the people and steps around them (issue 19): the session's
-- preparation (the facilitator's suitability and training, the ethics and support plan, the information sheet and
-- consent form it used), what an event is part of and its steering group, withdrawals during the session, the
-- safeguarding concern's risk level, supervisor and route (and the case a lead agency opened from it), the report
-- back to those who asked for it, and structured tags beside each question's summary.
-- Every "not applicable" is a reason, never a blank: nothing makes a worker record something false.
-- Sessions and concerns recorded before this migration keep nulls for what was not asked then.

-- 1. What an event is part of ("as part of a Contextual Safeguarding audit or a contextual assessment", seed 003)
--    and the steering group that agreed who is spoken with.
alter table assessment_event
    add column part_of varchar(40) check (part_of in ('NEEDS_ASSESSMENT', 'CONTEXTUAL_SAFEGUARDING_AUDIT', 'CONTEXTUAL_ASSESSMENT')),
    add column steering_group varchar(2000);

-- 2. The session's preparation, before consent is asked.
alter table fg_session
    add column facilitator_suitability varchar(2000),
    add column training_attended_on date,
    add column training_given_by varchar(300),
    add column training_minutes integer check (training_minutes between 1 and 1440),
    add column training_not_applicable_reason varchar(1000),
    add column information_sheet_title varchar(300),
    add column information_sheet_version varchar(50),
    add column information_sheet_not_applicable_reason varchar(1000),
    add column consent_form_title varchar(300),
    add column consent_form_version varchar(50),
    add column consent_form_not_applicable_reason varchar(1000),
    add column prepared_at timestamptz,
    add constraint fg_session_training_or_reason check (training_attended_on is null or training_not_applicable_reason is null),
    add constraint fg_session_information_sheet_or_reason check (information_sheet_title is null or information_sheet_not_applicable_reason is null),
    add constraint fg_session_consent_form_or_reason check (consent_form_title is null or consent_form_not_applicable_reason is null),
    add constraint fg_session_prepared check (prepared_at is null or (facilitator_suitability is not null
        and (training_attended_on is not null or training_not_applicable_reason is not null)
        and (information_sheet_title is not null or information_sheet_not_applicable_reason is not null)
        and (consent_form_title is not null or consent_form_not_applicable_reason is not null)));

-- The ethics and support plan: each item planned, or not applicable and why ("upsetting or triggering",
-- "dealing with disclosures").
create table fg_ethics_plan_item (
    session_id            uuid          not null references fg_session (id),
    item                  varchar(40)   not null check (item in ('SAFEGUARDING', 'CONFIDENTIALITY', 'DEALING_WITH_DISCLOSURES',
                                                                  'UPSETTING_OR_TRIGGERING_TOPICS', 'WHO_IS_BROUGHT_TOGETHER',
                                                                  'IMPACT_ON_PARTICIPANTS', 'GROUP_DYNAMICS', 'SUPPORT_AFTERWARDS')),
    plan                  varchar(2000),
    not_applicable_reason varchar(1000),
    primary key (session_id, item),
    check ((plan is null) <> (not_applicable_reason is null))
);

-- 3. Withdrawals during the session ("withdraw at any time"), as a count; the report back to those who asked.
alter table fg_session
    add column withdrawn_count integer not null default 0 check (withdrawn_count >= 0),
    add column report_sent_on date,
    add column report_sent_count integer check (report_sent_count >= 0),
    add constraint fg_session_withdrawn_of_participants check (withdrawn_count = 0 or withdrawn_count <= participant_count),
    add constraint fg_session_report_sent check ((report_sent_on is null) = (report_sent_count is null));

-- 4. The safeguarding concern's risk level, the supervisor consulted (or why none was), the route it took, and the
--    lead agency it was reported to, which can open a child-protection case from it.
alter table fg_safeguarding_concern
    add column risk_level varchar(40) check (risk_level in ('CHILD_IS_AT_RISK', 'CHILD_MAY_BE_AT_RISK', 'NOT_A_CHILD_PROTECTION_CONCERN')),
    add column supervisor_consulted varchar(300),
    add column supervisor_not_consulted_reason varchar(1000),
    add column route varchar(30) check (route in ('AGENCY_PROCEDURES', 'LEAD_AGENCY', 'AUTHORITY')),
    add column lead_agency_id uuid references agency (id),
    add column case_id uuid references survivor_case (id),
    add column case_opened_at timestamptz,
    add constraint fg_concern_supervisor_or_reason check (supervisor_consulted is null or supervisor_not_consulted_reason is null),
    add constraint fg_concern_lead_agency_route check ((route = 'LEAD_AGENCY') = (lead_agency_id is not null)),
    add constraint fg_concern_case_from_lead_agency check (case_id is null or lead_agency_id is not null);
create unique index fg_concern_case_idx on fg_safeguarding_concern (case_id) where case_id is not null;
create index fg_concern_lead_agency_idx on fg_safeguarding_concern (lead_agency_id) where lead_agency_id is not null;

-- 5. Structured tags beside each question's summary: successes, barriers and challenges, action plans and
--    strategies (seed 001 Q3, Q4) by theme of the controlled list; where help is found (Q3, Q4 probes); places and
--    contexts (seed 003).
alter table fg_response
    add column successes text[] not null default '{}',
    add column barriers_and_challenges text[] not null default '{}',
    add column action_plans text[] not null default '{}',
    add column strategies text[] not null default '{}',
    add column sources_of_help varchar(40)[] not null default '{}',
    add column places_and_contexts varchar(40)[] not null default '{}',
    add constraint fg_response_sources_of_help check (sources_of_help <@ array['CENTER_FOR_STATES', 'CAPACITY_BUILDING_COLLABORATIVE',
        'TECHNICAL_ASSISTANCE_PROVIDERS', 'PARTNERSHIPS', 'PEER_NETWORKS', 'OTHER']::varchar(40)[]),
    add constraint fg_response_places_and_contexts check (places_and_contexts <@ array['SCHOOL', 'YOUTH_CLUB', 'STREETS', 'ONLINE', 'OTHER']::varchar(40)[]);

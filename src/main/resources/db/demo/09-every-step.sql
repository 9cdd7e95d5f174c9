-- A demo case at each of the six steps (fictional people). 01-08 leave cases at implementation, follow-up and closure;
-- these three are at introduction and engagement, assessment and case action planning. Idempotent.
insert into survivor_case (id, case_number, lead_agency_id, caseworker_subject, caseworker_name, status, identity_key_id,
                           identity_sealed, needs, service_requested, risk_level, age_band, sex, safety_plan, incident,
                           health_notes, reporting_consent, opened_at, updated_at, last_contact_at) values
  -- Step 1: opened this morning with her intake notice; nothing assessed yet.
  ('c0000000-0000-4000-8000-000000000007', 'AMANI-2026-000007', 'a0000000-0000-4000-8000-000000000001',
   'e9b94777-c449-5a14-8344-25d7ba9e8539', 'cw2.amani', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Zainab Ali","dateOfBirth":"2001-04-18","phone":"+234 800 111 0007","address":"Bolori, Maiduguri"}', 'UTF8'),
   '{}', null, null, 'AGE_18_24', 'FEMALE', null, null, null, false,
   now() - interval '3 hours', now() - interval '3 hours', now() - interval '3 hours'),
  -- Step 2: her needs and the risk are assessed; no plan yet.
  ('c0000000-0000-4000-8000-000000000008', 'KINDRED-2026-000008', 'a0000000-0000-4000-8000-000000000004',
   'cfd514a8-f702-52e3-bbd8-0d0a1cea591e', 'cw.kindred', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Ladi Musa","dateOfBirth":"2010-09-30","phone":null,"address":"Doubeli, Yola"}', 'UTF8'),
   '{PSYCHOSOCIAL,EDUCATION}', 'Counselling; help to go back to school', 'MEDIUM', 'AGE_12_17', 'FEMALE',
   'Stays with her grandmother; the neighbour knows the code word.', 'Beaten by a stepfather.', null, false,
   now() - interval '2 days', now() - interval '1 day', now() - interval '1 day'),
  -- Step 3: assessed, with a goal of her action plan; nothing implemented yet.
  ('c0000000-0000-4000-8000-000000000009', 'AMANI-2026-000009', 'a0000000-0000-4000-8000-000000000001',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Aisha Goni","dateOfBirth":"1993-12-05","phone":"+234 800 111 0009","address":"Jiddari Polo, Maiduguri"}', 'UTF8'),
   '{LIVELIHOODS,PSYCHOSOCIAL}', 'A way to earn her own money', 'LOW', 'AGE_25_59', 'FEMALE',
   'Her brother collects her after the market.', 'Her husband took her earnings and hit her.', null, false,
   now() - interval '4 days', now() - interval '2 days', now() - interval '2 days')
on conflict (id) do nothing;

insert into case_intake_notice (case_id, confidentiality_limits_explained, mandatory_reporting_explained, told_how, language,
                                interpreter_used, consent_given_by, consent_to_case_management, consent_obtained_how, note,
                                recorded_by_subject, recorded_by_name, recorded_at)
select c.id, true, true, 'VERBAL', case when c.id = 'c0000000-0000-4000-8000-000000000008' then 'Hausa' else 'Kanuri' end,
       c.id = 'c0000000-0000-4000-8000-000000000007',
       case when c.id = 'c0000000-0000-4000-8000-000000000008' then 'CAREGIVER' else 'SURVIVOR' end, true, 'VERBAL',
       case when c.id = 'c0000000-0000-4000-8000-000000000008' then 'Told with her grandmother, who consented for her; Ladi agreed too.' end,
       c.caseworker_subject, c.caseworker_name, c.opened_at
from survivor_case c
where c.id in ('c0000000-0000-4000-8000-000000000007', 'c0000000-0000-4000-8000-000000000008', 'c0000000-0000-4000-8000-000000000009')
on conflict (case_id) do nothing;

insert into action_plan_goal (id, case_id, need_area, goal, actions, responsible_agency_id, status, created_at, updated_at, version) values
  ('c1300000-0000-4000-8000-000000000009', 'c0000000-0000-4000-8000-000000000009', 'LIVELIHOODS', 'Earn and keep her own income',
   'Join the AMANI tailoring cohort; open a savings account in her own name', 'a0000000-0000-4000-8000-000000000001', 'NOT_STARTED',
   now() - interval '2 days', now() - interval '2 days', 0)
on conflict (id) do nothing;
insert into action_plan_revision (goal_id, revision, need_area, goal, actions, responsible_agency_id, status, note,
                                  revised_by_subject, revised_by_name, revised_at)
select 'c1300000-0000-4000-8000-000000000009', 1, 'LIVELIHOODS', 'Earn and keep her own income',
       'Join the AMANI tailoring cohort; open a savings account in her own name', 'a0000000-0000-4000-8000-000000000001', 'NOT_STARTED',
       'Goal added', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '2 days'
where not exists (select 1 from action_plan_revision where goal_id = 'c1300000-0000-4000-8000-000000000009');

-- The demo supervisors, as if each had used Casebridge once (README Decisions, "The supervisor consulted").
insert into agency_supervisor (agency_code, subject, username) values
  ('AMANI', '0746d904-ae9f-5db7-8c2f-626f25c46c0b', 'sup.amani'),
  ('KINDRED', '2b390fb7-4c11-53ff-955e-5ab2598dfa0d', 'sup.kindred')
on conflict do nothing;
update mandatory_report set supervisor_consulted_subject = '0746d904-ae9f-5db7-8c2f-626f25c46c0b'
where id = 'c1700000-0000-4000-8000-000000000001' and supervisor_consulted_subject is null;

-- Every outcome stated for a demo activity is kept; Falmata's information session's outcome came a day later.
update case_activity set outcome = 'She asked for the group sessions on Thursdays; she no longer blames herself, she said.',
       version = 1
where id = 'c1600000-0000-4000-8000-000000000005' and outcome is null;
insert into case_activity_outcome (activity_id, revision, outcome, recorded_by_subject, recorded_by_name, recorded_at)
select a.id, 1, a.outcome, a.performed_by_subject, a.performed_by_name,
       case when a.id = 'c1600000-0000-4000-8000-000000000005' then a.recorded_at + interval '1 day' else a.recorded_at end
from case_activity a
where a.id::text like 'c1600000-%' and a.outcome is not null
  and not exists (select 1 from case_activity_outcome o where o.activity_id = a.id);

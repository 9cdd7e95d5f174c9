-- Module 14 at each demo case's step (fictional): intake notices, activities between referrals, a mandatory report,
-- a follow-up's safety answers and domains, a conference that revised the plan, and closures that say what was not
-- done and why. Runs after 04-case-work.sql; idempotent.

-- Step 1: every demo case was opened with its intake notice (the children's with their caregiver's consent).
insert into case_intake_notice (case_id, confidentiality_limits_explained, mandatory_reporting_explained, told_how, language,
                                interpreter_used, consent_given_by, consent_to_case_management, consent_obtained_how, note,
                                recorded_by_subject, recorded_by_name, recorded_at)
select c.id, true, true, 'VERBAL_AND_WRITTEN', case when c.lead_agency_id = 'a0000000-0000-4000-8000-000000000004' then 'Fulfulde' else 'Hausa' end,
       c.id = 'c0000000-0000-4000-8000-000000000002',
       case when c.age_band in ('AGE_0_5', 'AGE_6_11', 'AGE_12_17') then 'CAREGIVER' else 'SURVIVOR' end, true,
       case when c.id = 'c0000000-0000-4000-8000-000000000003' then 'THUMBPRINT' else 'WRITTEN' end,
       case when c.id = 'c0000000-0000-4000-8000-000000000002' then 'Told with her aunt present; the interpreter is a woman from the camp.' end,
       c.caseworker_subject, c.caseworker_name, c.opened_at
from survivor_case c
where c.id in ('c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003',
               'c0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000006')
on conflict (case_id) do nothing;

-- Step 4: the work between referrals.
insert into case_activity (id, case_id, kind, took_place_at, survivor_present, with_whom, description, referral_id, goal_id, outcome,
                           performed_by_subject, performed_by_name, recorded_at) values
  ('c1600000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'ACCOMPANIMENT', now() - interval '20 days' + interval '3 hours',
   true, 'Nurse in charge, St Luke''s', 'Went with her to St Luke''s for post-rape care and stayed with her during the wait.',
   'e0000000-0000-4000-8000-000000000001', 'c1300000-0000-4000-8000-000000000001', 'Seen within the hour; PEP started.',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '20 days' + interval '5 hours'),
  ('c1600000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', 'INFORMING_PROVIDERS', now() - interval '19 days',
   false, 'Legal officer, Borno Legal Aid Centre', 'Briefed the legal officer on what happened, with her permission, so she does not have to tell it again.',
   'e0000000-0000-4000-8000-000000000002', 'c1300000-0000-4000-8000-000000000002', 'The officer will see her with her sister on Monday.',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '19 days'),
  ('c1600000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', 'ADVOCACY_POLICE_PROTECTION', now() - interval '14 days',
   false, 'Divisional police officer, Gwange', 'Asked for patrols near her sister''s house after the threats.', null,
   'c1300000-0000-4000-8000-000000000002', 'Patrols agreed for two weeks.', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '14 days'),
  ('c1600000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000001', 'EMOTIONAL_SUPPORT', now() - interval '12 days' + interval '1 hour',
   true, null, 'Listened without judging; told her what happened was not her fault.', null, null, 'She said she felt lighter.',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '12 days' + interval '2 hours'),
  ('c1600000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000003', 'INFORMATION_ABOUT_GBV', now() - interval '5 days',
   true, null, 'Explained the cycle of violence and that the violence is not caused by her.', null, null, null,
   'e9b94777-c449-5a14-8344-25d7ba9e8539', 'cw2.amani', now() - interval '5 days'),
  ('c1600000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-000000000005', 'REFERRAL_TO_GROUP_OR_LIVELIHOODS', now() - interval '60 days',
   true, 'AMANI livelihoods officer', 'Enrolled her in the tailoring cohort.', null, 'c1300000-0000-4000-8000-000000000003',
   'Completed the course; bought her own machine.', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '60 days')
on conflict (id) do nothing;

-- Yagana (case 2) is a child: the forced-marriage attempt had to be reported to the child protection authority.
insert into mandatory_report (id, case_id, authority_kind, authority_name, reported_at, reported_how, information_shared,
                              categories_shared, survivor_told_beforehand, survivor_told_what, not_told_beforehand_because,
                              likely_next_steps, protection_needs_discussed, supervisor_consulted_name, supervisor_consulted_at,
                              supervisor_not_consulted_because, authority_reference, recorded_by_subject, recorded_by_name, recorded_at) values
  ('c1700000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002', 'CHILD_PROTECTION_AUTHORITY',
   'State Ministry of Women Affairs, child protection desk, Maiduguri', now() - interval '11 days', 'IN_PERSON',
   'Her age, the camp block, and that a marriage was being arranged against her will', '{CASE_SUMMARY,INCIDENT}', true,
   'With her aunt: what must be shared, with the child protection desk, and that a social worker would visit the family',
   null, 'A social worker visits the family within a week and may call a family meeting',
   'She stays in the women''s block with her aunt; the uncle is not told where she sleeps', 'sup.amani', now() - interval '11 days' - interval '2 hours',
   null, 'CP/MDG/0412', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '11 days')
on conflict (id) do nothing;

-- Case 5 closed as NEEDS_MET after the closing conversation; case 6's UNREACHABLE closure says what could not be done.
update case_closure set closing_contact_at = now() - interval '15 days', closing_contact_mode = 'IN_PERSON',
       progress_and_changes_reviewed = 'Counselling completed; she sleeps well and runs a tailoring business from home.',
       future_aspirations = 'To rent a small shop near the market and train two apprentices.'
where id = 'c1500000-0000-4000-8000-000000000001' and closing_contact_at is null;
update case_closure set safety_plan_reviewed = false, safety_plan_not_reviewed_because = 'Unreachable since she moved: no answer by phone or at home',
       action_plan_reviewed = false, action_plan_not_reviewed_because = 'Unreachable since she moved: no answer by phone or at home',
       survivor_told_can_return = false, not_told_can_return_because = 'A note that she can always return was left with her neighbour'
where id = 'c1500000-0000-4000-8000-000000000002' and survivor_told_can_return;

-- An activity with her present is contact, as the API keeps it.
update survivor_case c set last_contact_at = a.latest
from (select case_id, max(took_place_at) latest from case_activity where survivor_present group by case_id) a
where a.case_id = c.id and c.last_contact_at < a.latest and c.status = 'OPEN';

-- Step 5: Hadiza's follow-up assessed safety by the safety questions and her status in each domain.
insert into follow_up_safety_answer (follow_up_id, question_id, answer, note)
select 'c1400000-0000-4000-8000-000000000001', q.id, a.answer, a.note
from safety_question q
join (values (1, 'YES', 'With her sister in Bulumkutu'), (2, 'NO', null), (3, 'YES', 'He asked her cousin where she stays'),
             (4, 'YES', 'Code word still agreed with the neighbour'), (5, 'YES', null)) a(position, answer, note) on a.position = q.position
where q.version = 1
on conflict do nothing;
insert into follow_up_domain_status (follow_up_id, domain, status, note) values
  ('c1400000-0000-4000-8000-000000000001', 'SAFETY', 'SOME_CONCERNS', 'He is asking where she stays'),
  ('c1400000-0000-4000-8000-000000000001', 'HEALTH', 'GOOD', 'PEP course completed'),
  ('c1400000-0000-4000-8000-000000000001', 'FAMILY', 'GOOD', 'Her sister supports her'),
  ('c1400000-0000-4000-8000-000000000001', 'SOCIAL_LIFE', 'SOME_CONCERNS', 'Has not gone back to the farm'),
  ('c1400000-0000-4000-8000-000000000001', 'FEELINGS', 'SOME_CONCERNS', 'Anxious when travelling'),
  ('c1400000-0000-4000-8000-000000000001', 'SERVICES', 'GOOD', 'Clinic and counselling as planned')
on conflict do nothing;
insert into follow_up_referral_outcome (follow_up_id, referral_id, outcome, note) values
  ('c1400000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000001', 'RECEIVED', 'PEP and emergency contraception given'),
  ('c1400000-0000-4000-8000-000000000001', 'e0000000-0000-4000-8000-000000000002', 'WAITING', 'First meeting with the legal officer on Monday')
on conflict do nothing;

-- The conference was called because her needs were not being met (transport to court, the clinic's distance).
update conference set called_because = 'NEEDS_NOT_MET',
       called_because_note = 'She missed two clinic visits: the clinic is far and the court route is unsafe',
       ongoing_issues = 'Safe transport to court hearings; who accompanies her to the clinic when her sister cannot'
where id = 'c1000000-0000-4000-8000-000000000001' and called_because is null;

-- The conference's decision revised the protection goal; the revision names the conference.
insert into action_plan_revision (goal_id, revision, need_area, goal, actions, responsible_agency_id, status, note,
                                  revised_by_subject, revised_by_name, revised_at, conference_id)
select id, 2, need_area, goal, 'Protection order through the legal aid centre; safe transport to court with the AMANI driver',
       responsible_agency_id, status, 'Decided at the case conference', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani',
       now() - interval '5 days', 'c1000000-0000-4000-8000-000000000001'
from action_plan_goal where id = 'c1300000-0000-4000-8000-000000000002' and version = 0
on conflict do nothing;
update action_plan_goal set actions = 'Protection order through the legal aid centre; safe transport to court with the AMANI driver',
       version = 1, updated_at = now() - interval '5 days'
where id = 'c1300000-0000-4000-8000-000000000002' and version = 0;

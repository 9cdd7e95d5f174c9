-- Demo conferences with action items, action plans, follow-ups (some overdue), a closed case, a reopened case and
-- completed feedback surveys (fictional). Runs after 02-cases.sql.
insert into survivor_case (id, case_number, lead_agency_id, caseworker_subject, caseworker_name, status, identity_key_id,
                           identity_sealed, needs, service_requested, risk_level, age_band, sex, safety_plan, incident,
                           health_notes, reporting_consent, opened_at, updated_at, last_contact_at) values
  ('c0000000-0000-4000-8000-000000000005', 'AMANI-2026-000005', 'a0000000-0000-4000-8000-000000000001',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', 'CLOSED', 'unsealed',
   convert_to('{"fullName":"Aisha Kolo","dateOfBirth":"1993-02-11","phone":"+234 800 111 0005","address":"Pompomari, Maiduguri"}', 'UTF8'),
   '{PSYCHOSOCIAL,LIVELIHOODS}', 'Counselling; livelihood support', 'LOW', 'AGE_25_59', 'FEMALE',
   'Lives with her mother; no contact with the perpetrator.', 'Verbal and economic abuse.', 'Completed eight counselling sessions.',
   true, now() - interval '120 days', now() - interval '10 days', now() - interval '15 days'),
  ('c0000000-0000-4000-8000-000000000006', 'AMANI-2026-000006', 'a0000000-0000-4000-8000-000000000001',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Zara Ibrahim","dateOfBirth":"2000-09-30","phone":"+234 800 111 0006","address":"Custom area, Maiduguri"}', 'UTF8'),
   '{HEALTH,SAFETY_SECURITY}', 'Health care; safety planning', 'HIGH', 'AGE_18_24', 'FEMALE',
   'Moved to her aunt after the threats; phone number changed.', 'Threatened again by her former husband.', null,
   true, now() - interval '150 days', now() - interval '3 days', now() - interval '3 days')
on conflict (id) do nothing;

-- Hadiza (case 1) agreed that the clinic and the legal aid centre join a conference.
insert into consent (id, case_id, recipient_agency_id, categories, purpose, given_by, obtained_how, valid_from, valid_until,
                     recorded_by_subject, recorded_at) values
  ('d0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002',
   '{CASE_SUMMARY,CASE_PLAN,CONFERENCE}', 'CASE_CONFERENCE', 'SURVIVOR', 'WRITTEN', now() - interval '10 days', null,
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '10 days'),
  ('d0000000-0000-4000-8000-000000000007', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003',
   '{CASE_SUMMARY,CONFERENCE}', 'CASE_CONFERENCE', 'SURVIVOR', 'WRITTEN', now() - interval '10 days', null,
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '10 days')
on conflict (id) do nothing;

insert into conference (id, case_id, called_by_subject, called_by_name, scheduled_at, place, link, purpose, survivor_invited,
                        supports_invited, status, survivor_attended, progress_reviewed, barriers_reviewed, decisions,
                        created_at, updated_at) values
  ('c1000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'cac122a0-cddc-5143-961f-266b2cb5003d',
   'cw.amani', now() - interval '5 days', 'AMANI office, meeting room 2', null,
   'Coordinate medical follow-up and the legal case; review safety after the hearing date was set', true, 'Her sister',
   'HELD', true, 'PEP course completed; first counselling sessions attended.',
   'Transport to the court is unsafe; the clinic is far from her sister''s house.',
   'Legal aid to request a protection order; the clinic to schedule follow-up visits on Tuesdays when her sister can accompany her.',
   now() - interval '8 days', now() - interval '5 days'),
  ('c1000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', 'cac122a0-cddc-5143-961f-266b2cb5003d',
   'cw.amani', now() + interval '9 days', null, 'https://meet.example.org/amani-review',
   'Review progress of the protection order', false, null, 'SCHEDULED', null, null, null, null,
   now() - interval '1 day', now() - interval '1 day')
on conflict (id) do nothing;

insert into conference_invitation (id, conference_id, agency_id, attended, attendees) values
  ('c1100000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', true, 'Nurse in charge'),
  ('c1100000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', true, 'Legal officer'),
  ('c1100000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003', null, null)
on conflict (id) do nothing;

insert into action_item (id, conference_id, assigned_agency_id, description, due_on, status, completion_note, updated_at) values
  ('c1200000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003',
   'File for a protection order', current_date + 7, 'IN_PROGRESS', null, now() - interval '2 days'),
  ('c1200000-0000-4000-8000-000000000002', 'c1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002',
   'Book Tuesday follow-up visits', current_date - 1, 'OPEN', null, now() - interval '5 days'),
  ('c1200000-0000-4000-8000-000000000003', 'c1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
   'Arrange safe transport to the court', current_date + 3, 'DONE', 'Transport with the AMANI driver agreed', now() - interval '1 day')
on conflict (id) do nothing;

insert into action_plan_goal (id, case_id, need_area, goal, actions, responsible_agency_id, status, created_at, updated_at, version) values
  ('c1300000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'HEALTH', 'Complete post-rape care',
   'PEP course; follow-up visits at St Luke', 'a0000000-0000-4000-8000-000000000002', 'ACHIEVED', now() - interval '19 days', now() - interval '5 days', 1),
  ('c1300000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', 'LEGAL', 'Protection from the perpetrator',
   'Protection order through the legal aid centre', 'a0000000-0000-4000-8000-000000000003', 'IN_PROGRESS', now() - interval '19 days', now() - interval '19 days', 0),
  ('c1300000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000005', 'PSYCHOSOCIAL', 'Feel able to cope day to day',
   'Weekly counselling', 'a0000000-0000-4000-8000-000000000001', 'ACHIEVED', now() - interval '110 days', now() - interval '12 days', 1)
on conflict (id) do nothing;

insert into action_plan_revision (goal_id, revision, need_area, goal, actions, responsible_agency_id, status, note,
                                  revised_by_subject, revised_by_name, revised_at) values
  ('c1300000-0000-4000-8000-000000000001', 1, 'HEALTH', 'Complete post-rape care', 'PEP course; follow-up visits at St Luke',
   'a0000000-0000-4000-8000-000000000002', 'IN_PROGRESS', 'Goal added', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '19 days'),
  ('c1300000-0000-4000-8000-000000000001', 2, 'HEALTH', 'Complete post-rape care', 'PEP course; follow-up visits at St Luke',
   'a0000000-0000-4000-8000-000000000002', 'ACHIEVED', 'PEP course completed', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '5 days'),
  ('c1300000-0000-4000-8000-000000000002', 1, 'LEGAL', 'Protection from the perpetrator', 'Protection order through the legal aid centre',
   'a0000000-0000-4000-8000-000000000003', 'IN_PROGRESS', 'Goal added', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '19 days'),
  ('c1300000-0000-4000-8000-000000000003', 1, 'PSYCHOSOCIAL', 'Feel able to cope day to day', 'Weekly counselling',
   'a0000000-0000-4000-8000-000000000001', 'IN_PROGRESS', 'Goal added', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '110 days'),
  ('c1300000-0000-4000-8000-000000000003', 2, 'PSYCHOSOCIAL', 'Feel able to cope day to day', 'Weekly counselling',
   'a0000000-0000-4000-8000-000000000001', 'ACHIEVED', 'Reviewed with the survivor for the closure of her case',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '12 days')
on conflict do nothing;

-- Follow-ups: one done, one overdue (case 1), one overdue for cw2.amani's case 3, one failed attempt, one upcoming.
insert into follow_up (id, case_id, scheduled_at, place, mode, status, scheduled_by_subject, contact_at, safety_reassessed,
                       safety_plan_updated, safety_notes, psychosocial_state, services_accessed, referral_outcomes, challenges,
                       new_needs, plan_revisions, recorded_by_subject, recorded_by_name, created_at, updated_at) values
  ('c1400000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', now() - interval '12 days', 'AMANI office', 'IN_PERSON',
   'COMPLETED', 'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '12 days', true, false, 'No new threats; code word still agreed.',
   'Sleeping better; still anxious when travelling.', 'Clinic visit; two counselling sessions', 'Clinic referral completed: PEP given',
   'Transport costs', 'Legal advice about a protection order', 'Legal goal added', 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani',
   now() - interval '19 days', now() - interval '12 days'),
  ('c1400000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', now() - interval '2 days', 'Her sister''s house', 'HOME_VISIT',
   'SCHEDULED', 'cac122a0-cddc-5143-961f-266b2cb5003d', null, null, null, null, null, null, null, null, null, null, null, null,
   now() - interval '12 days', now() - interval '2 days'),
  ('c1400000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000003', now() - interval '1 day', null, 'PHONE',
   'SCHEDULED', 'e9b94777-c449-5a14-8344-25d7ba9e8539', null, null, null, null, null, null, null, null, null, null, null, null,
   now() - interval '6 days', now() - interval '6 days'),
  ('c1400000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000006', now() + interval '4 days', 'AMANI office', 'IN_PERSON',
   'SCHEDULED', 'cac122a0-cddc-5143-961f-266b2cb5003d', null, null, null, null, null, null, null, null, null, null, null, null,
   now() - interval '3 days', now() - interval '3 days')
on conflict (id) do nothing;

insert into contact_attempt (follow_up_id, attempted_at, mode, note, recorded_by_subject, recorded_by_name)
select 'c1400000-0000-4000-8000-000000000002', now() - interval '2 days', 'HOME_VISIT', 'Not at home; sister did not know when she would be back',
       'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani'
where not exists (select 1 from contact_attempt where follow_up_id = 'c1400000-0000-4000-8000-000000000002');

-- Case 5 closed (needs met), case 6 closed as unreachable and reopened when she came back.
insert into case_closure (id, case_id, reason, safety_plan_reviewed, action_plan_reviewed, survivor_told_can_return, file_complete,
                          note, last_contact_at, status, requested_by_subject, requested_by_name, requested_at, decided_by_subject,
                          decided_by_name, decided_at, decision_comment, reopened_at, reopened_by_subject, reopened_by_name, reopen_reason) values
  ('c1500000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000005', 'NEEDS_MET', true, true, true, true,
   'Counselling completed; she has started a tailoring business.', now() - interval '15 days', 'APPROVED',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '12 days', '0746d904-ae9f-5db7-8c2f-626f25c46c0b',
   'sup.amani', now() - interval '10 days', 'File complete; well documented.', null, null, null, null),
  ('c1500000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000006', 'UNREACHABLE', true, true, true, true,
   'No answer by phone or at home since she moved.', now() - interval '75 days', 'APPROVED',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', now() - interval '40 days', '0746d904-ae9f-5db7-8c2f-626f25c46c0b',
   'sup.amani', now() - interval '39 days', 'Attempts documented.', now() - interval '3 days', 'cac122a0-cddc-5143-961f-266b2cb5003d',
   'cw.amani', 'She came back to the office after new threats.')
on conflict (id) do nothing;

-- Case 5's feedback survey was taken as an interview by the supervisor; answers of twelve surveys this month.
insert into feedback_administration (id, case_id, agency_id, template_id, mode, administered_by_subject, administered_by_name,
                                     purpose_explained, voluntary_explained, confidentiality_explained,
                                     no_effect_on_services_explained, consent_given, started_at, completed_at) values
  ('c1600000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000001',
   'f1000000-0000-4000-8000-000000000001', 'INTERVIEW', '0746d904-ae9f-5db7-8c2f-626f25c46c0b', 'sup.amani',
   true, true, true, true, true, now() - interval '8 days', now() - interval '8 days')
on conflict (id) do nothing;

insert into feedback_response (id, template_id, agency_id, mode, period)
select ('c1700000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'f1000000-0000-4000-8000-000000000001',
       'a0000000-0000-4000-8000-000000000001', case when n % 3 = 0 then 'SELF_COMPLETION' else 'INTERVIEW' end,
       date_trunc('month', now())::date
from generate_series(1, 12) as n
on conflict (id) do nothing;

insert into feedback_answer (response_id, question_id, answer)
select r.id, q.id, case when (q.position + r.n) % 7 = 0 then 'PARTLY' when (q.position * r.n) % 11 = 0 then 'NO' else 'YES' end
from (select ('c1700000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid as id, n from generate_series(1, 12) as n) r
cross join feedback_question q where q.template_id = 'f1000000-0000-4000-8000-000000000001'
on conflict do nothing;

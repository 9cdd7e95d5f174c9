-- Demo survivor cases, consents and referrals (fictional people). Identities are inserted unsealed and sealed
-- with the configured key by DemoData right after this script (identity_key_id = 'unsealed').
insert into survivor_case (id, case_number, lead_agency_id, caseworker_subject, caseworker_name, status, identity_key_id,
                           identity_sealed, needs, service_requested, risk_level, age_band, sex, safety_plan, incident,
                           health_notes, reporting_consent, opened_at, updated_at, last_contact_at) values
  ('c0000000-0000-4000-8000-000000000001', 'AMANI-2026-000001', 'a0000000-0000-4000-8000-000000000001',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Hadiza Abubakar","dateOfBirth":"1998-03-14","phone":"+234 800 111 0001","address":"Gwange ward, Maiduguri"}', 'UTF8'),
   '{HEALTH,PSYCHOSOCIAL,LEGAL}', 'Medical care and legal advice', 'HIGH', 'AGE_25_59', 'FEMALE',
   'Stays with her sister in Bulumkutu; code word with neighbour; avoids the market route.',
   'Assaulted by a known man on the way back from the farm.', 'Seen at 48 hours; PEP started.', true,
   now() - interval '20 days', now() - interval '20 days', now() - interval '20 days'),
  ('c0000000-0000-4000-8000-000000000002', 'AMANI-2026-000002', 'a0000000-0000-4000-8000-000000000001',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Yagana Modu","dateOfBirth":"2009-07-02","phone":null,"address":"Muna camp, block C"}', 'UTF8'),
   '{HEALTH,CHILD_PROTECTION}', 'Health check; child protection follow-up', 'MEDIUM', 'AGE_12_17', 'FEMALE',
   'Caregiver (aunt) informed; stays in the women''s block.', 'Forced marriage attempt.', 'Counselling sessions started.', false,
   now() - interval '12 days', now() - interval '12 days', now() - interval '12 days'),
  ('c0000000-0000-4000-8000-000000000003', 'AMANI-2026-000003', 'a0000000-0000-4000-8000-000000000001',
   'e9b94777-c449-5a14-8344-25d7ba9e8539', 'cw2.amani', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Falmata Bukar","dateOfBirth":"1990-11-20","phone":"+234 800 111 0003","address":"Old Maiduguri"}', 'UTF8'),
   '{SHELTER,LIVELIHOODS}', 'Safe shelter', 'HIGH', 'AGE_25_59', 'FEMALE', 'Needs to leave the house this week.',
   'Repeated violence by husband.', null, true, now() - interval '6 days', now() - interval '6 days', now() - interval '6 days'),
  ('c0000000-0000-4000-8000-000000000004', 'KINDRED-2026-000004', 'a0000000-0000-4000-8000-000000000004',
   'cfd514a8-f702-52e3-bbd8-0d0a1cea591e', 'cw.kindred', 'OPEN', 'unsealed',
   convert_to('{"fullName":"Rahila Yohanna","dateOfBirth":"2011-01-09","phone":null,"address":"Jimeta, Yola North"}', 'UTF8'),
   '{SHELTER,EDUCATION}', 'Shelter for child and mother', 'MEDIUM', 'AGE_12_17', 'FEMALE', 'Mother and child to stay together.',
   'Physical abuse at home.', null, true, now() - interval '9 days', now() - interval '9 days', now() - interval '9 days')
on conflict (id) do nothing;

insert into consent (id, case_id, recipient_agency_id, categories, purpose, given_by, obtained_how, valid_from, valid_until,
                     recorded_by_subject, recorded_at, revoked_at, revoked_by_subject, revocation_note) values
  -- partial: the clinic sees the summary and health notes, not her name or the incident
  ('d0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002',
   '{CASE_SUMMARY,HEALTH}', 'REFERRAL', 'SURVIVOR', 'WRITTEN', now() - interval '20 days', null,
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '20 days', null, null, null),
  ('d0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003',
   '{IDENTITY,CASE_SUMMARY,INCIDENT}', 'COORDINATION', 'SURVIVOR', 'WRITTEN', now() - interval '20 days', null,
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '20 days', null, null, null),
  -- given by the caregiver for a child, then revoked
  ('d0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002',
   '{CASE_SUMMARY,HEALTH}', 'REFERRAL', 'CAREGIVER', 'VERBAL', now() - interval '12 days', null,
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '12 days', now() - interval '2 days',
   'cac122a0-cddc-5143-961f-266b2cb5003d', 'Caregiver withdrew consent after the first visit'),
  ('d0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000005',
   '{IDENTITY,CASE_SUMMARY,SAFETY_PLAN}', 'REFERRAL', 'SURVIVOR', 'THUMBPRINT', now() - interval '6 days', now() + interval '60 days',
   'e9b94777-c449-5a14-8344-25d7ba9e8539', now() - interval '6 days', null, null, null),
  ('d0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000005',
   '{IDENTITY,CASE_SUMMARY,SAFETY_PLAN}', 'COORDINATION', 'CAREGIVER', 'WRITTEN', now() - interval '9 days', null,
   'cfd514a8-f702-52e3-bbd8-0d0a1cea591e', now() - interval '9 days', null, null, null)
on conflict (id) do nothing;

-- Referrals in every status. r1..r9
insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, note, requested_by_subject,
                      requested_at, response_due_at, accepted_at, completed_at, reason, outcome_service_provided, outcome_note, updated_at) values
  ('e0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001', 'COMPLETED', 'EMERGENCY', 'Post-rape care within 72 hours',
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '20 days', now() - interval '18 days', now() - interval '20 days' + interval '2 hours',
   now() - interval '19 days', null, true, 'PEP and emergency contraception given', now() - interval '19 days'),
  ('e0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000003', 'IN_PROGRESS', 'ROUTINE', 'Wants to know her options',
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '15 days', now() - interval '10 days', now() - interval '14 days', null, null, null, null, now() - interval '10 days'),
  ('e0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', 'REQUESTED', 'ROUTINE', 'Counselling',
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '1 day', now() + interval '1 day', null, null, null, null, null, now() - interval '1 day'),
  ('e0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', 'ON_HOLD', 'URGENT', 'Counselling for an adolescent',
   'cac122a0-cddc-5143-961f-266b2cb5003d', now() - interval '11 days', now() - interval '9 days', now() - interval '10 days', null, null, null, null, now() - interval '5 days'),
  ('e0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000004', 'ACCEPTED', 'EMERGENCY', 'Shelter tonight',
   'e9b94777-c449-5a14-8344-25d7ba9e8539', now() - interval '6 days', now() - interval '5 days', now() - interval '6 days' + interval '3 hours', null, null, null, null, now() - interval '6 days'),
  ('e0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000004', 'REJECTED', 'URGENT', 'Shelter',
   'e9b94777-c449-5a14-8344-25d7ba9e8539', now() - interval '8 days', now() - interval '7 days', null, null, 'No bed free that week', null, null, now() - interval '7 days'),
  ('e0000000-0000-4000-8000-000000000007', 'c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000004',
   'a0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000004', 'FAILED', 'URGENT', 'Shelter for mother and child',
   'cfd514a8-f702-52e3-bbd8-0d0a1cea591e', now() - interval '9 days', now() - interval '8 days', now() - interval '9 days', null, 'Family left the area before intake', null, null, now() - interval '4 days'),
  ('e0000000-0000-4000-8000-000000000008', 'c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000004',
   'a0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000004', 'CANCELLED', 'ROUTINE', 'Shelter',
   'cfd514a8-f702-52e3-bbd8-0d0a1cea591e', now() - interval '3 days', now() - interval '2 days', null, null, null, null, null, now() - interval '3 days'),
  ('e0000000-0000-4000-8000-000000000009', 'c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001',
   'a0000000-0000-4000-8000-000000000005', 'b0000000-0000-4000-8000-000000000004', 'EXPIRED', 'ROUTINE', 'Shelter waiting list',
   'e9b94777-c449-5a14-8344-25d7ba9e8539', now() - interval '5 days', now() - interval '4 days', null, null, null, null, null, now() - interval '4 days')
on conflict (id) do nothing;

insert into referral_event (referral_id, from_status, to_status, actor_subject, actor_name, actor_agency, note, at)
select r.id, null, 'REQUESTED', r.requested_by_subject, 'demo', (select code from agency where id = r.from_agency_id), 'Referral requested', r.requested_at
from referral r where r.id::text like 'e0000000-%' and not exists (select 1 from referral_event e where e.referral_id = r.id)
union all
select r.id, 'REQUESTED', r.status, 'demo', 'demo', (select code from agency where id = r.to_agency_id), r.reason, r.updated_at
from referral r where r.id::text like 'e0000000-%' and r.status <> 'REQUESTED'
  and not exists (select 1 from referral_event e where e.referral_id = r.id);

select setval('case_number_seq', greatest((select last_value from case_number_seq), 100));

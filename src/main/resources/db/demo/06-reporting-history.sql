-- Demo history for the released aggregates (fictional): in each of the three months before the current one (closed
-- months, so their figures are released), Borno has enough of everything for some cells to publish — 15 final focus
-- groups of 12 women caregivers with a need and a quote on caseworker training each, 15 accepted health referrals,
-- 12 follow-ups recorded on time, 12 approved closures (needs met), 12 completed observations rated MEETS, and 20
-- feedback surveys. The rows keep the ids of their first load, so a restart adds nothing.
insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                        facilitator_username, note_taker_username, composition, status, participant_count, female_count,
                        male_count, other_gender_count, report_requested_count, consent_confirmed_at, group_dynamics,
                        facilitator_agreed_at, note_taker_agreed_at, finalised_at, created_at, updated_at)
select ('a1400000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, 'a1000000-0000-4000-8000-000000000001',
       'CAREGIVERS', 'GROUP_DISCUSSION', 'Borno', (t + make_interval(days => n - 1))::date, '10:00', '11:30', 'Community hall, Maiduguri',
       'b38312b5-b159-526b-aa56-0e8e957f96b0', 'fac.borno', 'fac2.borno', 'FEMALE_ONLY', 'FINAL', 12, 12, 0, 0, 2,
       t + make_interval(days => n - 1, hours => 10), 'Everyone spoke; the group agreed on most points.',
       t + make_interval(days => n, hours => 9), t + make_interval(days => n, hours => 10), t + make_interval(days => n, hours => 10),
       t + make_interval(days => n - 2), t + make_interval(days => n, hours => 10)
from generate_series(1, 3) as m
cross join lateral (select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - make_interval(months => m) as t) month
cross join generate_series(1, 15) as n
on conflict (id) do nothing;

insert into fg_need (id, session_id, theme, professional_level, urgency, time_frame, description)
select ('a1500000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid,
       ('a1400000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid,
       'caseworker training', null, 'HIGH', 'Within three months', null
from generate_series(1, 3) as m cross join generate_series(1, 15) as n
on conflict (id) do nothing;

insert into fg_quote (id, session_id, question_id, speaker_type, text, themes)
select ('a1600000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid,
       ('a1400000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, null, 'CAREGIVER',
       (array['The caseworker knew what to do and explained every step to us.',
              'Our caseworker was new and did not know where to send us at first.',
              'They should train the caseworkers to talk with children, not only with us.'])[1 + n % 3],
       '{caseworker training}'
from generate_series(1, 3) as m cross join generate_series(1, 15) as n
on conflict (id) do nothing;

-- referrals of case 5 (reporting consent), requested and accepted within the month
insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, note, requested_by_subject,
                      requested_at, response_due_at, accepted_at, completed_at, answered_at, answer, outcome_service_provided,
                      outcome_note, updated_at)
select ('e0000001-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, 'c0000000-0000-4000-8000-000000000005',
       'a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001',
       'COMPLETED', 'ROUTINE', 'Health check', 'cac122a0-cddc-5143-961f-266b2cb5003d',
       t + make_interval(days => n, hours => 8), t + make_interval(days => n + 2, hours => 8),
       t + make_interval(days => n, hours => 8, mins => 20 + 5 * n), t + make_interval(days => n + 1, hours => 9),
       t + make_interval(days => n, hours => 8, mins => 20 + 5 * n), 'ACCEPTED', true, 'Seen by the nurse',
       t + make_interval(days => n + 1, hours => 9)
from generate_series(1, 3) as m
cross join lateral (select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - make_interval(months => m) as t) month
cross join generate_series(1, 15) as n
on conflict (id) do nothing;

insert into follow_up (id, case_id, scheduled_at, place, mode, status, scheduled_by_subject, contact_at, safety_reassessed,
                       safety_plan_updated, recorded_by_subject, recorded_by_name, recorded_at, created_at, updated_at)
select ('c1400000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, 'c0000000-0000-4000-8000-000000000005',
       t + make_interval(days => n, hours => 10), 'AMANI office', 'IN_PERSON', 'COMPLETED', 'cac122a0-cddc-5143-961f-266b2cb5003d',
       t + make_interval(days => n, hours => 10, mins => 15), true, false, 'cac122a0-cddc-5143-961f-266b2cb5003d', 'cw.amani',
       t + make_interval(days => n, hours => 16), t + make_interval(days => n - 1), t + make_interval(days => n, hours => 16)
from generate_series(1, 3) as m
cross join lateral (select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - make_interval(months => m) as t) month
cross join generate_series(1, 12) as n
on conflict (id) do nothing;

insert into case_closure (id, case_id, reason, safety_plan_reviewed, action_plan_reviewed, survivor_told_can_return, file_complete,
                          note, last_contact_at, status, requested_by_subject, requested_by_name, requested_at, decided_by_subject,
                          decided_by_name, decided_at, decision_comment)
select ('c1500000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, 'c0000000-0000-4000-8000-000000000005', 'NEEDS_MET',
       true, true, true, true, 'Demo history', t + make_interval(days => n - 1), 'APPROVED', 'cac122a0-cddc-5143-961f-266b2cb5003d',
       'cw.amani', t + make_interval(days => n, hours => 9), '0746d904-ae9f-5db7-8c2f-626f25c46c0b', 'sup.amani',
       t + make_interval(days => n, hours => 15), 'Demo history'
from generate_series(1, 3) as m
cross join lateral (select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - make_interval(months => m) as t) month
cross join generate_series(1, 12) as n
on conflict (id) do nothing;

insert into observation (id, agency_id, template_id, caseworker_id, supervisor_subject, supervisor_name, observed_on, stage,
                         child_consent, caregiver_consent, status, completed_at, created_at, updated_at)
select ('f1000000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, 'a0000000-0000-4000-8000-000000000001',
       '0b5e0000-0000-4000-8000-000000000001', 'f0000000-0000-4000-8000-000000000002', '0746d904-ae9f-5db7-8c2f-626f25c46c0b',
       'sup.amani', (t + make_interval(days => n - 1))::date, 'FOLLOW_UP', true, true, 'COMPLETED',
       t + make_interval(days => n - 1, hours => 15), t + make_interval(days => n - 1), t + make_interval(days => n - 1, hours => 15)
from generate_series(1, 3) as m
cross join lateral (select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' - make_interval(months => m) as t) month
cross join generate_series(1, 12) as n
on conflict (id) do nothing;

insert into observation_rating (observation_id, area_id, rating, examples_observed)
select ('f1000000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, a.id, 'MEETS', 'Observed during the session'
from generate_series(1, 3) as m cross join generate_series(1, 12) as n
cross join observation_area a where a.template_id = '0b5e0000-0000-4000-8000-000000000001'
on conflict do nothing;

insert into feedback_response (id, template_id, agency_id, mode, period)
select ('c1700000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, 'f1000000-0000-4000-8000-000000000001',
       'a0000000-0000-4000-8000-000000000001', case when n % 4 = 0 then 'SELF_COMPLETION' else 'INTERVIEW' end,
       (date_trunc('month', now() at time zone 'UTC') - make_interval(months => m))::date
from generate_series(1, 3) as m cross join generate_series(1, 20) as n
on conflict (id) do nothing;

insert into feedback_answer (response_id, question_id, answer)
select ('c1700000-0000-4000-8001-' || lpad((m * 100 + n)::text, 12, '0'))::uuid, q.id,
       case when (q.position + n) % 9 = 0 then 'PARTLY' when (q.position * n) % 13 = 0 then 'NO' else 'YES' end
from generate_series(1, 3) as m cross join generate_series(1, 20) as n
cross join feedback_question q where q.template_id = 'f1000000-0000-4000-8000-000000000001'
on conflict do nothing;

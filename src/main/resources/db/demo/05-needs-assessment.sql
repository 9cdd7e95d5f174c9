-- Demo focus groups in Borno (fictional): 24 final sessions of the two seed guides with needs, quotes and follow-up
-- requests, one session awaiting the note-taker's agreement with a safeguarding concern still to report, one planned.
insert into assessment_event (id, name, location, starts_on, ends_on, created_by_subject) values
  ('a1300000-0000-4000-8000-000000000001', 'Borno case-management review', 'Maiduguri', current_date - 40, current_date - 38,
   'b38312b5-b159-526b-aa56-0e8e957f96b0')
on conflict (id) do nothing;

insert into fg_session (id, guide_id, event_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                        facilitator_username, note_taker_username, composition, status, participant_count, female_count,
                        male_count, other_gender_count, report_requested_count, consent_confirmed_at, group_dynamics,
                        facilitator_agreed_at, note_taker_agreed_at, finalised_at, created_at, updated_at)
select ('a1400000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       case when n % 3 = 0 then 'a1000000-0000-4000-8000-000000000002'::uuid else 'a1000000-0000-4000-8000-000000000001'::uuid end,
       case when n <= 3 then 'a1300000-0000-4000-8000-000000000001'::uuid end,
       case when n % 3 = 0 then 'STATE_OFFICIALS' else 'CAREGIVERS' end, 'GROUP_DISCUSSION', 'Borno',
       current_date - 40 + n, '10:00', '11:30', 'Community hall, Maiduguri', 'b38312b5-b159-526b-aa56-0e8e957f96b0',
       'fac.borno', 'fac2.borno', case when n % 2 = 0 then 'FEMALE_ONLY' else 'MIXED' end, 'FINAL',
       8 + n % 5, 8 + n % 5 - case when n % 2 = 0 then 0 else 3 end, case when n % 2 = 0 then 0 else 3 end, 0, n % 4,
       now() - make_interval(days => 40 - n), 'Lively; one participant dominated at first, then others joined in.',
       now() - make_interval(days => 39 - n), now() - make_interval(days => 39 - n), now() - make_interval(days => 39 - n),
       now() - make_interval(days => 41 - n), now() - make_interval(days => 39 - n)
from generate_series(1, 24) as n
on conflict (id) do nothing;

insert into fg_need (id, session_id, theme, professional_level, urgency, time_frame, description)
select ('a1500000-0000-4000-8000-' || lpad((n * 10 + k)::text, 12, '0'))::uuid,
       ('a1400000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       (array['caseworker training', 'transport to services', 'safe spaces for girls', 'information sharing'])[1 + (n + k) % 4],
       case when n % 3 = 0 then (array['CASEWORKER', 'SUPERVISOR', 'MANAGER'])[1 + k % 3] end,
       (array['IMMEDIATE', 'HIGH', 'MEDIUM'])[1 + (n * k) % 3], 'Within three months', null
from generate_series(1, 24) as n cross join generate_series(1, 3) as k
on conflict (id) do nothing;

insert into fg_quote (id, session_id, question_id, speaker_type, text, themes)
select ('a1600000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       ('a1400000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, null,
       case when n % 3 = 0 then 'STATE_OFFICIAL' else 'CAREGIVER' end,
       (array['The caseworker came back every week, even when it rained, and told us what would happen next.',
              'We did not know how to reach the clinic; the bus is too expensive for us.',
              'There is nowhere the girls can go that is safe after school.',
              'They asked me before they told the hospital anything. That mattered to me.'])[1 + n % 4],
       array[(array['caseworker training', 'transport to services', 'safe spaces for girls', 'information sharing'])[1 + n % 4]]
from generate_series(1, 24) as n
on conflict (id) do nothing;

insert into fg_follow_up_request (id, session_id, theme, request)
select ('a1700000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       ('a1400000-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid,
       (array['caseworker training', 'transport to services'])[1 + n % 2], 'Share the report and the training plan'
from generate_series(1, 24) as n
on conflict (id) do nothing;

insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                        facilitator_username, note_taker_username, composition, status, participant_count, female_count,
                        male_count, other_gender_count, consent_confirmed_at, facilitator_agreed_at, created_at, updated_at) values
  ('a1400000-0000-4000-8000-000000000090', 'a1000000-0000-4000-8000-000000000001', 'CAREGIVERS', 'GROUP_DISCUSSION', 'Borno',
   current_date - 2, '14:00', '15:30', 'AMANI office', 'b38312b5-b159-526b-aa56-0e8e957f96b0', 'fac.borno', 'fac2.borno',
   'FEMALE_ONLY', 'CONSENTED', 9, 9, 0, 0, now() - interval '2 days', null, now() - interval '3 days', now() - interval '2 days')
on conflict (id) do nothing;
insert into fg_safeguarding_concern (id, session_id, description, raised_at) values
  ('a1800000-0000-4000-8000-000000000001', 'a1400000-0000-4000-8000-000000000090',
   'A participant said a neighbour''s child is kept home and beaten; to report under the agency''s child-protection procedure.',
   now() - interval '2 days')
on conflict (id) do nothing;
insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject,
                        facilitator_username, note_taker_username, composition, status, created_at, updated_at) values
  ('a1400000-0000-4000-8000-000000000091', 'a1000000-0000-4000-8000-000000000002', 'STATE_OFFICIALS', 'GROUP_DISCUSSION', 'Borno',
   current_date + 5, '09:00', '10:00', 'State secretariat, Maiduguri', 'b38312b5-b159-526b-aa56-0e8e957f96b0', 'fac.borno',
   'fac2.borno', 'MIXED', 'PLANNED', now(), now())
on conflict (id) do nothing;

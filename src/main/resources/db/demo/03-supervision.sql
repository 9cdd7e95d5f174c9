-- Demo caseworker profiles and observations (supervision).
insert into caseworker_profile (id, agency_id, username, display_name, experience_level, started_on) values
  ('f0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'cw.amani', 'Aisha Bello', 'NEW', current_date - 60),
  ('f0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'cw2.amani', 'Hauwa Musa', 'EXPERIENCED', current_date - 800),
  ('f0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000004', 'cw.kindred', 'Blessing Adamu', 'NEW', current_date - 30)
on conflict (id) do nothing;

insert into observation (id, agency_id, template_id, caseworker_id, supervisor_subject, supervisor_name, observed_on, case_id, stage,
                         child_consent, caregiver_consent, status, supervisor_actions, caseworker_actions, feedback_session_on,
                         caseworker_reflections, completed_at, acknowledged_at, created_at, updated_at) values
  ('f1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', '0b5e0000-0000-4000-8000-000000000001',
   'f0000000-0000-4000-8000-000000000002', '0746d904-ae9f-5db7-8c2f-626f25c46c0b', 'sup.amani', current_date - 10,
   'c0000000-0000-4000-8000-000000000002', 'FOLLOW_UP', true, true, 'FEEDBACK_GIVEN',
   'Share child-friendly safety-planning materials', 'Practise open-ended questions; review the safety plan with the child',
   current_date - 8, 'I rushed the closing; next time I will agree next steps more clearly.', now() - interval '10 days', now() - interval '8 days', now() - interval '10 days', now() - interval '8 days'),
  ('f1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', '0b5e0000-0000-4000-8000-000000000001',
   'f0000000-0000-4000-8000-000000000001', '0746d904-ae9f-5db7-8c2f-626f25c46c0b', 'sup.amani', current_date - 20,
   null, 'ASSESSMENT', true, true, 'COMPLETED', 'Pair with an experienced caseworker for two visits', 'Sit at the child''s level',
   current_date - 18, null, now() - interval '20 days', null, now() - interval '20 days', now() - interval '20 days')
on conflict (id) do nothing;

insert into observation_rating (observation_id, area_id, rating, examples_observed)
select o.id, a.id, case when a.position in (4, 9) then 'NEEDS_IMPROVEMENT' when a.position in (1, 5) then 'STRONG' else 'MEETS' end,
       'Observed during the session'
from observation o cross join observation_area a
where o.id in ('f1000000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000002')
  and a.template_id = '0b5e0000-0000-4000-8000-000000000001'
on conflict do nothing;

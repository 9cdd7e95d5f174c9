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

-- The procedure of the tool (V12): the consent as the tool asks for it, feedback and its due day, and one observation
-- planned for next week with the case chosen together.
update observation set child_agreement = 'ASSENT', child_agreement_on = observed_on - 2, child_agreement_by = 'Hauwa Musa, caseworker',
                       purpose_and_confidentiality_explained = true, supervisor_intervened = false,
                       feedback_strengths = 'Warm greeting; the child chose where to sit',
                       feedback_areas_to_improve = 'Ask open-ended questions; review the safety plan with the child',
                       feedback_due_on = observed_on + 7
where id = 'f1000000-0000-4000-8000-000000000001' and child_agreement is null;
update observation set child_agreement = 'CONSENT', child_agreement_on = observed_on - 1, child_agreement_by = 'Aisha Bello, caseworker',
                       caregiver_consent_needed = false, caregiver_consent = false,
                       caregiver_consent_not_needed_reason = 'The young person is 17 and lives apart from her caregiver, who is not to know of the case',
                       purpose_and_confidentiality_explained = true, supervisor_intervened = false,
                       feedback_strengths = 'Clear objective for the session', feedback_areas_to_improve = 'Sit at the child''s level',
                       feedback_due_on = observed_on + 7
where id = 'f1000000-0000-4000-8000-000000000002' and child_agreement is null;
insert into observation_action (id, observation_id, position, action_of, text) values
  ('f1100000-0000-4000-8000-000000000001', 'f1000000-0000-4000-8000-000000000001', 1, 'SUPERVISOR', 'Share child-friendly safety-planning materials'),
  ('f1100000-0000-4000-8000-000000000002', 'f1000000-0000-4000-8000-000000000001', 2, 'CASEWORKER', 'Practise open-ended questions; review the safety plan with the child')
on conflict (id) do nothing;
insert into observation (id, agency_id, template_id, caseworker_id, supervisor_subject, supervisor_name, observed_on, case_id, stage,
                         child_consent, caregiver_consent, status, planned_at, case_chosen_together, case_selection_grounds,
                         case_selection_note, created_at, updated_at) values
  ('f1000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', '0b5e0000-0000-4000-8000-000000000001',
   'f0000000-0000-4000-8000-000000000002', '0746d904-ae9f-5db7-8c2f-626f25c46c0b', 'sup.amani', current_date + 7,
   'c0000000-0000-4000-8000-000000000002', 'FOLLOW_UP', false, false, 'PLANNED', now(), true, '{SAFETY,BEST_INTEREST_OF_THE_CHILD}',
   'A settled placement: an observation will not unsettle her', now(), now())
on conflict (id) do nothing;
insert into observation_duty_check (observation_id, duty_id, done, checked_at) values
  ('f1000000-0000-4000-8000-000000000003', '0b5e0000-0000-4000-8003-000000000101', true, now()),
  ('f1000000-0000-4000-8000-000000000003', '0b5e0000-0000-4000-8003-000000000102', true, now())
on conflict do nothing;

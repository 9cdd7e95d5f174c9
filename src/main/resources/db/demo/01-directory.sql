-- Demo agencies and services for local runs and tests. Agency codes match the demo Keycloak realm.
insert into agency (id, code, name, type, state, contact_email, contact_phone, referral_response_deadline_days) values
  ('a0000000-0000-4000-8000-000000000001', 'AMANI',     'Amani Women''s Centre',          'CASE_MANAGEMENT',  'Borno',   'intake@amani.demo.invalid',     '+234 800 000 0001', 3),
  ('a0000000-0000-4000-8000-000000000002', 'STLUKE',    'St Luke''s Clinic',              'HEALTH',           'Borno',   'referrals@stluke.demo.invalid', '+234 800 000 0002', 2),
  ('a0000000-0000-4000-8000-000000000003', 'LAWCENTRE', 'Borno Legal Aid Centre',         'LEGAL_AID',        'Borno',   'cases@lawcentre.demo.invalid',  '+234 800 000 0003', 5),
  ('a0000000-0000-4000-8000-000000000004', 'KINDRED',   'Kindred Child Protection',       'CHILD_PROTECTION', 'Adamawa', 'intake@kindred.demo.invalid',   '+234 800 000 0004', 3),
  ('a0000000-0000-4000-8000-000000000005', 'SAFEHAVEN', 'Safe Haven Shelter',             'SHELTER',          'Adamawa', 'beds@safehaven.demo.invalid',   '+234 800 000 0005', 1)
on conflict (id) do nothing;

insert into agency_service (id, agency_id, type, name, description, eligibility, languages, area_served, hours, accepting_referrals) values
  ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'HEALTH', 'Clinical management of rape',
   'Post-rape care within 72 hours: emergency contraception, PEP, STI treatment, medical certificate.', 'Any survivor; children with a caregiver or case worker',
   '{English,Hausa,Kanuri}', 'Maiduguri and Jere', '24 hours', true),
  ('b0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', 'PSYCHOSOCIAL', 'Counselling',
   'Individual counselling by trained counsellors.', 'Adults and adolescents 12+', '{English,Hausa}', 'Maiduguri', 'Mon-Fri 08:00-16:00', true),
  ('b0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000003', 'LEGAL', 'Legal counselling and representation',
   'Advice on options, accompaniment to police and court, representation.', 'Survivors of GBV', '{English,Hausa,Kanuri}', 'Borno State', 'Mon-Fri 09:00-17:00', true),
  ('b0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000005', 'SHELTER', 'Emergency safe shelter',
   'Short-stay shelter for women and their children at imminent risk.', 'Women and their children; no male adolescents over 14', '{English,Hausa,Fulfulde}', 'Yola', '24 hours', true),
  ('b0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000005', 'LIVELIHOODS', 'Skills and start-up kits',
   'Vocational training with start-up kits after shelter stay.', 'Shelter residents and referred survivors', '{English,Hausa}', 'Yola', 'Mon-Thu 09:00-15:00', false),
  ('b0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000004', 'CHILD_PROTECTION', 'Child case management',
   'Best-interest assessment and case management for children at risk.', 'Children under 18', '{English,Hausa,Fulfulde}', 'Adamawa State', 'Mon-Fri 08:00-16:00', true)
on conflict (id) do nothing;

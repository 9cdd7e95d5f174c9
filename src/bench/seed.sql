-- Benchmark volume (issue 8), on top of the demo directory (01-directory.sql): 200 more agencies with services,
-- 100,000 cases, 500,000 referrals with their history and consents, 100,000 follow-ups, 10,000 closures,
-- 5,000 feedback surveys, 1,000,000 audit entries, 2,000 final focus-group sessions. Identities of the bulk cases
-- stay unsealed placeholders; the cases the benchmark reads are sealed by the benchmark itself.
insert into agency (id, code, name, type, state)
select gen_random_uuid(), 'BENCH-' || n, 'Bench agency ' || n,
       (array['CASE_MANAGEMENT', 'HEALTH', 'LEGAL_AID', 'SHELTER', 'PSYCHOSOCIAL'])[1 + n % 5], (array['Borno', 'Adamawa', 'Yobe'])[1 + n % 3]
from generate_series(1, 200) n;

insert into agency_service (id, agency_id, type, name)
select gen_random_uuid(), a.id, (array['HEALTH', 'PSYCHOSOCIAL', 'LEGAL', 'SAFETY_SECURITY', 'SHELTER', 'LIVELIHOODS', 'EDUCATION',
       'CHILD_PROTECTION', 'OTHER'])[1 + ((hashtext(a.code) & 2147483647) % 9 + k) % 9], 'Service ' || k || ' of ' || a.code
from agency a cross join generate_series(1, 2) k where a.code like 'BENCH-%';

-- cases: 2,000 of AMANI's caseworker (cw.amani), the rest spread over the case-management agencies
insert into survivor_case (id, case_number, lead_agency_id, caseworker_subject, caseworker_name, status, identity_key_id, identity_sealed,
                           needs, service_requested, risk_level, age_band, sex, safety_plan, incident, health_notes, reporting_consent,
                           opened_at, updated_at, last_contact_at)
select gen_random_uuid(), 'BENCH-' || n, case when n <= 2000 then 'a0000000-0000-4000-8000-000000000001'::uuid else l.ids[1 + n % l.cnt] end,
       case when n <= 2000 then 'cac122a0-cddc-5143-961f-266b2cb5003d' else 'bench-caseworker' end,
       case when n <= 2000 then 'cw.amani' else 'bench' end, 'OPEN', 'unsealed', convert_to('{"fullName":"Bench ' || n || '"}', 'UTF8'),
       '{HEALTH,LEGAL}', 'Medical care', (array['LOW', 'MEDIUM', 'HIGH'])[1 + n % 3], 'AGE_25_59', 'FEMALE', 'Safety plan ' || n,
       'Incident ' || n, 'Health notes ' || n, n % 4 <> 0, now() - make_interval(days => n % 700), now(), now() - make_interval(days => n % 60)
from generate_series(1, 100000) n,
     (select array_agg(id order by code) ids, count(*) cnt from agency where type = 'CASE_MANAGEMENT') l;

-- every case opened with its intake notice (step 1), as openCase requires
insert into case_intake_notice (case_id, confidentiality_limits_explained, mandatory_reporting_explained, told_how, interpreter_used,
                                consent_given_by, consent_to_case_management, consent_obtained_how, recorded_by_subject,
                                recorded_by_name, recorded_at)
select id, true, true, 'VERBAL', false, 'SURVIVOR', true, 'WRITTEN', caseworker_subject, caseworker_name, opened_at
from survivor_case where case_number like 'BENCH-%';

-- referrals: from the case's lead agency to a service of another agency; every status; consent to the receiver
insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, note, requested_by_subject, requested_at,
                      response_due_at, accepted_at, completed_at, outcome_service_provided, updated_at)
select gen_random_uuid(), c.ids[1 + n % c.cnt], c.leads[1 + n % c.cnt], s.agencies[1 + (n::bigint * 7919) % s.cnt], s.ids[1 + (n::bigint * 7919) % s.cnt],
       case when n % 7 = 0 and n > 4000 then 'EXPIRED'  -- unanswered past the 3-day deadline: expired, as the job would have
            else (array['REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'ON_HOLD', 'EXPIRED'])[1 + n % 7] end,
       'ROUTINE', 'Needs care',
       'bench', now() - make_interval(mins => n), now() - make_interval(mins => n) + interval '3 days',
       case when n % 7 in (1, 2, 3, 5) then now() - make_interval(mins => n) + make_interval(mins => 30 + n % 600) end,
       case when n % 7 = 3 then now() - make_interval(mins => n) + interval '2 days' end, case when n % 7 = 3 then true end,
       now() - make_interval(mins => n)
from generate_series(1, 500000) n,
     (select array_agg(id order by id) ids, array_agg(lead_agency_id order by id) leads, count(*) cnt from survivor_case) c,
     (select array_agg(id order by id) ids, array_agg(agency_id order by id) agencies, count(*) cnt from agency_service) s;

-- Referrals that are no longer the receiving agency's route to the case (rejected, cancelled, expired, or ended more
-- than 30 days ago) answer its survivor fields with CONSENT_REQUIRED; they are moved behind the open ones, so that
-- operation (a)'s first page measures a page whose every field is shown, as before routes closed.
update referral set updated_at = updated_at - interval '5 years'
where status in ('REJECTED', 'CANCELLED', 'EXPIRED')
   or status in ('COMPLETED', 'FAILED') and coalesce(completed_at, updated_at) < now() - interval '30 days';
-- and the API's expiry job would expire every overdue request at start, bringing them all to the top of that page
update referral set response_due_at = now() + interval '30 days' where status = 'REQUESTED' and response_due_at <= now();
insert into referral_event (referral_id, from_status, to_status, actor_subject, actor_name, at)
select id, null, 'REQUESTED', 'bench', 'bench', requested_at from referral where requested_by_subject = 'bench'
union all
select id, 'REQUESTED', status, 'bench', 'bench', updated_at from referral where requested_by_subject = 'bench' and status <> 'REQUESTED';

insert into consent (id, case_id, recipient_agency_id, categories, purpose, given_by, obtained_how, valid_from, recorded_by_subject, recorded_at)
select gen_random_uuid(), case_id, to_agency_id, '{CASE_SUMMARY,HEALTH}', 'REFERRAL', 'SURVIVOR', 'WRITTEN', now() - interval '800 days', 'bench', now()
from (select distinct case_id, to_agency_id from referral where requested_by_subject = 'bench') pairs;

insert into follow_up (id, case_id, scheduled_at, place, mode, status, scheduled_by_subject, contact_at, created_at, updated_at)
select gen_random_uuid(), id, opened_at + interval '14 days', 'Office', 'IN_PERSON',
       case when reporting_consent then 'COMPLETED' else 'SCHEDULED' end, 'bench',
       case when reporting_consent then opened_at + interval '14 days' + make_interval(hours => (hashtext(case_number) & 2147483647) % 72) end, now(), now()
from survivor_case where case_number like 'BENCH-%';

-- closures as the checklist by reason has them: with a relocated or unreachable survivor nothing was reviewed with her
insert into case_closure (id, case_id, reason, safety_plan_reviewed, safety_plan_not_reviewed_because, action_plan_reviewed,
                          action_plan_not_reviewed_because, survivor_told_can_return, not_told_can_return_because, file_complete,
                          closing_contact_at, closing_contact_mode, progress_and_changes_reviewed, future_aspirations,
                          last_contact_at, status, requested_by_subject, requested_by_name, requested_at, decided_by_subject, decided_by_name,
                          decided_at, decision_comment)
select gen_random_uuid(), id, reason, present, case when not present then 'She could not be reached' end,
       present, case when not present then 'She could not be reached' end, present, case when not present then 'She could not be reached' end,
       true, case when present then last_contact_at end, case when present then 'IN_PERSON' end,
       case when present then 'Progress reviewed' end, case when present then 'Her plans' end,
       last_contact_at, 'APPROVED', 'bench', 'bench', now() - interval '20 days', 'bench-sup', 'bench', now() - interval '19 days', 'ok'
from (select id, last_contact_at, r.reason, r.reason in ('NEEDS_MET', 'SURVIVOR_REQUEST') present
      from survivor_case,
           lateral (select (array['NEEDS_MET', 'SURVIVOR_REQUEST', 'RELOCATED', 'UNREACHABLE'])[1 + (hashtext(case_number) & 2147483647) % 4] reason) r
      where case_number like 'BENCH-%' and (hashtext(case_number) & 2147483647) % 10 = 0) k;

insert into feedback_response (id, template_id, agency_id, mode, period)
select gen_random_uuid(), 'f1000000-0000-4000-8000-000000000001', l.ids[1 + n % l.cnt], 'INTERVIEW', date_trunc('month', now() - make_interval(days => n % 365))::date
from generate_series(1, 5000) n, (select array_agg(id order by code) ids, count(*) cnt from agency where type = 'CASE_MANAGEMENT') l;
insert into feedback_answer (response_id, question_id, answer)
select r.id, q.id, (array['YES', 'YES', 'PARTLY', 'NO'])[1 + (hashtext(r.id::text || q.id::text) & 2147483647) % 4]
from feedback_response r cross join feedback_question q;

insert into audit_entry (at, actor_subject, actor_name, actor_agency, actor_role, action, target_type, target_id, case_id, categories, allowed)
select now() - make_interval(secs => n), 'bench', 'bench', 'AMANI', 'caseworker', 'case.read', 'Case', null, null, '{IDENTITY}', true
from generate_series(1, 1000000) n;

insert into fg_session (id, guide_id, audience, format, state, held_on, starts_at, ends_at, location, facilitator_subject, facilitator_username,
                        note_taker_username, composition, status, participant_count, female_count, male_count, other_gender_count,
                        consent_confirmed_at, facilitator_agreed_at, note_taker_agreed_at, finalised_at, created_at, updated_at)
select gen_random_uuid(), case when n % 3 = 0 then 'a1000000-0000-4000-8000-000000000002'::uuid else 'a1000000-0000-4000-8000-000000000001'::uuid end,
       case when n % 3 = 0 then 'STATE_OFFICIALS' else 'CAREGIVERS' end, 'GROUP_DISCUSSION', (array['Borno', 'Adamawa', 'Yobe'])[1 + n % 3],
       current_date - (n % 700), '10:00', '11:30', 'Hall', 'bench', 'fac.bench', 'fac2.bench', 'MIXED', 'FINAL', 10 + n % 5,
       5 + n % 5, 5, 0, now(), now(), now(), now(), now(), now()
from generate_series(1, 2000) n;
insert into fg_need (id, session_id, theme, professional_level, urgency, time_frame)
select gen_random_uuid(), s.id, (array['caseworker training', 'transport to services', 'safe spaces for girls', 'information sharing',
       'multi-agency coordination', 'referral pathways'])[1 + ((hashtext(s.id::text) & 2147483647) % 6 + k) % 6], (array['MANAGER', 'SUPERVISOR', 'CASEWORKER'])[1 + k % 3],
       (array['IMMEDIATE', 'HIGH', 'MEDIUM', 'LOW'])[1 + ((hashtext(s.id::text) & 2147483647) % 4 + k) % 4], 'Within six months'
from fg_session s cross join generate_series(1, 3) k where s.facilitator_username = 'fac.bench';
insert into fg_quote (id, session_id, speaker_type, text, themes)
select gen_random_uuid(), s.id, 'CAREGIVER', 'The caseworker came back every week and explained what would happen next.',
       array[(array['caseworker training', 'transport to services', 'safe spaces for girls'])[1 + (hashtext(s.id::text) & 2147483647) % 3]]
from fg_session s where s.facilitator_username = 'fac.bench';
insert into fg_follow_up_request (id, session_id, theme, request)
select gen_random_uuid(), s.id, 'caseworker training', 'Share the report' from fg_session s where s.facilitator_username = 'fac.bench';

-- the benchmark then runs VACUUM ANALYZE, as autovacuum would have by now

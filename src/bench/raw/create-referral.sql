begin;
select c.*, a.code from survivor_case c join agency a on a.id = c.lead_agency_id where c.id = '${CASE}';
select s.*, a.* from agency_service s join agency a on a.id = s.agency_id where s.id = '${SERVICE}';
select case_id, unnest(categories) from consent where recipient_agency_id = '${STLUKE}' and case_id = '${CASE}'
  and purpose in ('REFERRAL', 'COORDINATION') and revoked_at is null and valid_from <= now() and (valid_until is null or valid_until > now());
with r as (
  insert into referral (id, case_id, from_agency_id, to_agency_id, service_id, status, urgency, note, requested_by_subject, requested_at,
                        response_due_at, updated_at)
  values (gen_random_uuid(), '${CASE}', '${AMANI}', '${STLUKE}', '${SERVICE}', 'REQUESTED', 'URGENT', 'Needs care', 'raw', now(),
          now() + interval '3 days', now()) returning id, requested_at)
insert into referral_event (referral_id, to_status, actor_subject, actor_name, at) select id, 'REQUESTED', 'raw', 'raw', requested_at from r;
insert into audit_entry (actor_subject, actor_name, actor_agency, actor_role, action, target_type, case_id, allowed)
values ('raw', 'raw', 'AMANI', 'caseworker', 'referral.create', 'Referral', '${CASE}', true);
select pg_notify('casebridge_bench_raw', 'raw');
commit;

select c.*, a.* from survivor_case c join agency a on a.id = c.lead_agency_id where c.id = '${READ_CASE}';
select r.*, s.*, f.code, t.code from referral r join agency f on f.id = r.from_agency_id join agency t on t.id = r.to_agency_id
join agency_service s on s.id = r.service_id where r.case_id = '${READ_CASE}' order by r.requested_at;
select * from follow_up where case_id = '${READ_CASE}' order by scheduled_at, id;
insert into audit_entry (actor_subject, actor_name, actor_agency, actor_role, action, target_type, target_id, case_id, categories, allowed)
values ('raw', 'raw', 'AMANI', 'caseworker', 'case.read', 'Case', '${READ_CASE}', '${READ_CASE}', '{IDENTITY}', true);

select r.id, r.status, r.urgency, r.note, r.updated_at, r.version, c.id, c.case_number, c.needs, c.risk_level, c.age_band, c.sex,
       l.code, f.code, f.name, t.code, t.name, s.id, s.name, s.type
from referral r join survivor_case c on c.id = r.case_id join agency l on l.id = c.lead_agency_id join agency f on f.id = r.from_agency_id
join agency t on t.id = r.to_agency_id join agency_service s on s.id = r.service_id join agency sa on sa.id = s.agency_id
where r.to_agency_id = '${STLUKE}' order by r.updated_at desc, r.id desc limit 21;
select count(*) from referral r where r.to_agency_id = '${STLUKE}';
with page as (select r.id, r.case_id, r.sharing_decision_id from referral r where r.to_agency_id = '${STLUKE}' order by r.updated_at desc, r.id desc limit 21)
select 'CONSENT', case_id, purpose, unnest(categories) from consent where recipient_agency_id = '${STLUKE}' and case_id in (select case_id from page)
  and revoked_at is null and valid_from <= now() and (valid_until is null or valid_until > now())
union all select 'DECISION', id, purpose, unnest(categories) from sharing_decision where recipient_agency_id = '${STLUKE}'
  and id in (select sharing_decision_id from page) and withdrawn_at is null and decided_at <= now() and valid_until > now();
with page as (select r.id from referral r where r.to_agency_id = '${STLUKE}' order by r.updated_at desc, r.id desc limit 20)
select * from referral_event where referral_id in (select id from page) order by id;

select n.theme || ' / ' || n.professional_level, n.urgency, count(*) from fg_need n join fg_session s on s.id = n.session_id
where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}' group by 1, 2;
select s.audience, s.composition, count(*) from fg_session s
where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}' group by 1, 2;
select s.audience, g.gender, sum(g.n) from fg_session s
cross join lateral (values ('FEMALE', s.female_count), ('MALE', s.male_count), ('OTHER', s.other_gender_count)) g(gender, n)
where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}' group by 1, 2;
select f.theme, 'REQUESTS', count(*) from fg_follow_up_request f join fg_session s on s.id = f.session_id
where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}' group by 1, 2;
with mention as (
  select n.theme from fg_need n join fg_session s on s.id = n.session_id where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}'
  union all select t.theme from fg_quote q join fg_session s on s.id = q.session_id cross join unnest(q.themes) as t(theme)
  where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}'
  union all select f.theme from fg_follow_up_request f join fg_session s on s.id = f.session_id where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}')
select theme, count(*) from mention group by theme order by count(*) desc, theme limit 5;
select theme, speaker_type, text from (
  select t.theme, q.speaker_type, q.text, row_number() over (partition by t.theme order by length(q.text), q.id) as n
  from fg_quote q join fg_session s on s.id = q.session_id cross join unnest(q.themes) as t(theme)
  where s.status = 'FINAL' and s.state = 'Borno' and s.held_on between '${FROM}' and '${TO}' and s.participant_count >= 11
    and t.theme = any(array['caseworker training', 'transport to services', 'safe spaces for girls'])) ranked where n <= 3;
select service_type, outcome, sum(referrals) from report_referral where state = 'Borno' and day between '${FROM}' and '${TO}' group by 1, 2;
select service_type, percentile_cont(0.5) within group (order by minutes), count(*) from report_acceptance
where state = 'Borno' and day between '${FROM}' and '${TO}' group by 1;
select lead_agency, timeliness, sum(follow_ups) from report_follow_up where state = 'Borno' and day between '${FROM}' and '${TO}' group by 1, 2;
select lead_agency, reason, sum(closures) from report_closure where state = 'Borno' and day between '${FROM}' and '${TO}' group by 1, 2;
select section, answer, sum(answers) from report_feedback
where state = 'Borno' and period between date_trunc('month', '${FROM}'::date) and '${TO}' group by 1, 2;
select a.code, r.rating, count(*) from observation o join agency g on g.id = o.agency_id and g.state = 'Borno'
join observation_rating r on r.observation_id = o.id and r.rating is not null join observation_area a on a.id = r.area_id
where o.status <> 'DRAFT' and o.observed_on between '${FROM}' and '${TO}' group by a.code, r.rating;

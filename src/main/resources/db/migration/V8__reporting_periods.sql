-- Reporting periods (README "Aggregates and disclosure control"): figures are released for closed calendar months,
-- quarters and years only, each record counting in the month in which it became countable, and every release is
-- stored and served as stored ever after.

-- 1. When a record became countable, where the record did not say so yet.
--    A referral counts when it is requested (requested_at) and again when it is answered: answered_at and the answer
--    it got then (ACCEPTED, REJECTED, EXPIRED, CANCELLED), kept even when it moves on later.
alter table referral add column answered_at timestamptz;
alter table referral add column answer varchar(20) check (answer in ('ACCEPTED', 'REJECTED', 'EXPIRED', 'CANCELLED'));
--    A follow-up counts when its contact is recorded (recorded_at) or, without one, when a day past its schedule ends.
alter table follow_up add column recorded_at timestamptz;

-- The first answer of existing referrals, from their history (the first change away from REQUESTED).
update referral r set answered_at = coalesce(e.at, r.accepted_at, r.updated_at),
                      answer = case when coalesce(e.to_status, r.status) in ('REJECTED', 'EXPIRED', 'CANCELLED')
                                    then coalesce(e.to_status, r.status) else 'ACCEPTED' end
from (select r2.id, (select e2.at from referral_event e2 where e2.referral_id = r2.id and e2.from_status = 'REQUESTED'
                     order by e2.id limit 1) as at,
             (select e2.to_status from referral_event e2 where e2.referral_id = r2.id and e2.from_status = 'REQUESTED'
              order by e2.id limit 1) as to_status
      from referral r2) e
where e.id = r.id and r.status <> 'REQUESTED';
update follow_up set recorded_at = updated_at where status = 'COMPLETED';

-- Kept by the database, so every path that changes a referral or a follow-up (the API, a job, a correction in SQL)
-- stamps the moment itself. A row inserted already answered or recorded takes its own time stamps.
create function stamp_referral_answer() returns trigger language plpgsql as $$
begin
    if new.status <> 'REQUESTED' and new.answered_at is null
       and (tg_op = 'INSERT' or old.status = 'REQUESTED') then
        new.answered_at := case when tg_op = 'INSERT' then coalesce(new.accepted_at, new.updated_at, now()) else now() end;
    end if;
    if new.answered_at is not null and new.answer is null then
        new.answer := case when new.status in ('REJECTED', 'EXPIRED', 'CANCELLED') then new.status else 'ACCEPTED' end;
    end if;
    return new;
end $$;
create trigger referral_answer_stamp before insert or update on referral
    for each row execute function stamp_referral_answer();

create function stamp_follow_up_recorded() returns trigger language plpgsql as $$
begin
    if new.status = 'COMPLETED' and new.recorded_at is null then
        new.recorded_at := case when tg_op = 'INSERT' then coalesce(new.updated_at, now()) else now() end;
    end if;
    return new;
end $$;
create trigger follow_up_recorded_stamp before insert or update on follow_up
    for each row execute function stamp_follow_up_recorded();

create index referral_answered_idx on referral (answered_at);
create index referral_requested_idx on referral (requested_at);
create index follow_up_recorded_idx on follow_up (recorded_at);
create index case_closure_decided_idx on case_closure (decided_at) where status = 'APPROVED';
create index fg_session_finalised_idx on fg_session (state, finalised_at) where status = 'FINAL';
create index observation_completed_idx on observation (completed_at);

-- 2. Released figures: one row per family (NEEDS, CASE_MANAGEMENT, SUPERVISION, FEEDBACK), scope (the state) and
--    period ('2026-10', '2026-Q4', '2026'), written once. Its cells hold every count with its margins (row or column
--    'TOTAL') and whether it is published; quotes and medians are released with it.
create table report_release (
    family       varchar(30)  not null,
    scope        varchar(100) not null,
    period       varchar(7)   not null,
    computed_at  timestamptz  not null,
    primary key (family, scope, period)
);

create table report_release_cell (
    family      varchar(30)  not null,
    scope       varchar(100) not null,
    period      varchar(7)   not null,
    tbl         varchar(60)  not null,
    row_key     varchar(200) not null,
    col_key     varchar(60)  not null,
    value       bigint       not null,
    hidden      boolean      not null,
    primary key (family, scope, period, tbl, row_key, col_key),
    foreign key (family, scope, period) references report_release (family, scope, period)
);

create table report_release_quote (
    family        varchar(30)   not null,
    scope         varchar(100)  not null,
    period        varchar(7)    not null,
    theme         varchar(60)   not null,
    position      integer       not null,
    speaker_type  varchar(20)   not null,
    text          varchar(2000) not null,
    primary key (family, scope, period, theme, position),
    foreign key (family, scope, period) references report_release (family, scope, period)
);

-- Released figures are never changed or removed: enforced here, whoever connects.
create function report_release_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'released figures are final';
end $$;
create trigger report_release_final before update or delete on report_release
    for each row execute function report_release_is_final();
create trigger report_release_cell_final before update or delete on report_release_cell
    for each row execute function report_release_is_final();
create trigger report_release_quote_final before update or delete on report_release_quote
    for each row execute function report_release_is_final();

-- 3. The controlled theme list: facilitators tag needs, quotes and follow-up requests with these themes only, and
--    every theme is a row of the needs-assessment tables, so a row's presence says nothing about a session.
--    Seeded from the field documents (seeds 000, 001, 003, 004) and the demo's themes; agency admins add more.
create table need_theme (
    name              varchar(60)  primary key check (name = lower(name) and name = btrim(name) and name <> ''),
    description       varchar(500),
    added_by_subject  varchar(100) not null,
    added_at          timestamptz  not null
);

insert into need_theme (name, description, added_by_subject, added_at) values
  ('caseworker training', 'Skills and training of caseworkers and their supervisors (seeds 000, 001)', 'seed', '2026-01-01T00:00:00Z'),
  ('caseworker contact and follow-up', 'How often and how the caseworker kept in touch and followed up (seed 000, question 7)', 'seed', '2026-01-01T00:00:00Z'),
  ('explaining the role and the process', 'Whether the caseworker explained their role and case management (seed 000, question 2)', 'seed', '2026-01-01T00:00:00Z'),
  ('confidentiality', 'What was said about confidentiality and the choice to take part (seed 000, question 3)', 'seed', '2026-01-01T00:00:00Z'),
  ('information sharing', 'How information was shared with other services and why (seeds 000 question 6, 003 MASE)', 'seed', '2026-01-01T00:00:00Z'),
  ('participation in decisions', 'Views taken into account; included in decisions about the child and family (seed 000, question 5)', 'seed', '2026-01-01T00:00:00Z'),
  ('expectations of support', 'The support expected and how far it was met (seed 000, question 4)', 'seed', '2026-01-01T00:00:00Z'),
  ('case closure', 'How the decision to stop case management was taken (seed 000 question 9, seed 004 step 6)', 'seed', '2026-01-01T00:00:00Z'),
  ('transport to services', 'Reaching services: distance, cost and safety of travel (demo data)', 'seed', '2026-01-01T00:00:00Z'),
  ('safe spaces for girls', 'Places where girls and young people are safe (demo data; seed 003 safety in schools, youth clubs)', 'seed', '2026-01-01T00:00:00Z'),
  ('safety in schools', 'Young people''s safety at school (seed 003)', 'seed', '2026-01-01T00:00:00Z'),
  ('youth clubs and activities', 'Open youth clubs and things to do (seed 003)', 'seed', '2026-01-01T00:00:00Z'),
  ('responses beyond parenting', 'Children''s social care responses where parenting is not the issue: gangs, exploitation (seed 003)', 'seed', '2026-01-01T00:00:00Z'),
  ('multi-agency coordination', 'Partnerships, case conferences and systems that talk to each other (seeds 001 question 2, 003, 004)', 'seed', '2026-01-01T00:00:00Z'),
  ('technical assistance', 'Technical assistance and support for agencies (seed 001)', 'seed', '2026-01-01T00:00:00Z'),
  ('products and resources', 'Services, products and resources for agencies (seed 001 questions 3-7)', 'seed', '2026-01-01T00:00:00Z'),
  ('peer networks and learning', 'Peer networks and learning experiences (seed 001)', 'seed', '2026-01-01T00:00:00Z'),
  ('referral pathways', 'Knowing which services exist and referring to them (seed 004 step 4)', 'seed', '2026-01-01T00:00:00Z'),
  ('psychosocial support', 'Emotional support and psychosocial interventions (seed 004)', 'seed', '2026-01-01T00:00:00Z'),
  ('safety planning', 'Safety plans and reassessing safety (seed 004 step 5)', 'seed', '2026-01-01T00:00:00Z');

-- Themes already recorded as free text map onto the list: exact names stay, anything else becomes the closest
-- listed theme by its words, or 'expectations of support' when nothing matches.
create function map_need_theme(t text) returns varchar(60) language sql stable as $$
    select case
        when lower(btrim(t)) in (select name from need_theme) then lower(btrim(t))
        when t ~* 'train' then 'caseworker training'
        when t ~* 'transport|travel|bus' then 'transport to services'
        when t ~* 'girl|safe space' then 'safe spaces for girls'
        when t ~* 'school' then 'safety in schools'
        when t ~* 'youth|club' then 'youth clubs and activities'
        when t ~* 'confiden|privacy' then 'confidentiality'
        when t ~* 'shar|information' then 'information sharing'
        when t ~* 'listen|decision|views|opinion' then 'participation in decisions'
        when t ~* 'contact|follow' then 'caseworker contact and follow-up'
        when t ~* 'clos' then 'case closure'
        when t ~* 'refer' then 'referral pathways'
        when t ~* 'partner|coordinat|agenc' then 'multi-agency coordination'
        when t ~* 'technical|assist' then 'technical assistance'
        when t ~* 'resource|product' then 'products and resources'
        when t ~* 'peer|network|learn' then 'peer networks and learning'
        when t ~* 'psycho|emotion|counsel' then 'psychosocial support'
        when t ~* 'safety|plan' then 'safety planning'
        else 'expectations of support' end
$$;
update fg_need set theme = map_need_theme(theme) where theme not in (select name from need_theme);
update fg_follow_up_request set theme = map_need_theme(theme) where theme not in (select name from need_theme);
update fg_quote set themes = (select coalesce(array_agg(distinct map_need_theme(x)), '{}') from unnest(themes) x)
where not themes <@ (select array_agg(name)::varchar(60)[] from need_theme);
alter table fg_need add foreign key (theme) references need_theme (name);
alter table fg_follow_up_request add foreign key (theme) references need_theme (name);

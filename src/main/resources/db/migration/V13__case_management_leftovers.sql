-- Issue 18, what was left (README "The six steps of case management").

-- A follow-up with contact accounts for every open referral: its outcome, or that it was not discussed and why.
alter table follow_up_referral_outcome drop constraint follow_up_referral_outcome_outcome_check;
alter table follow_up_referral_outcome add constraint follow_up_referral_outcome_outcome_check
    check (outcome in ('RECEIVED', 'PARTLY_RECEIVED', 'NOT_RECEIVED', 'WAITING', 'DECLINED_BY_HER', 'NOT_DISCUSSED'));
alter table follow_up_referral_outcome add constraint follow_up_referral_outcome_not_discussed_says_why
    check (outcome <> 'NOT_DISCUSSED' or note is not null);

-- An activity's outcome is often known later than the activity: it is recorded then, with a version, and every
-- outcome stated is kept (the first one of an activity recorded before V13 included).
alter table case_activity add column version integer not null default 0;
create table case_activity_outcome (
    activity_id         uuid          not null references case_activity (id),
    revision            integer       not null,
    outcome             varchar(4000) not null,
    recorded_by_subject varchar(100)  not null,
    recorded_by_name    varchar(200)  not null,
    recorded_at         timestamptz   not null,
    primary key (activity_id, revision)
);
insert into case_activity_outcome (activity_id, revision, outcome, recorded_by_subject, recorded_by_name, recorded_at)
select id, 1, outcome, performed_by_subject, performed_by_name, recorded_at from case_activity where outcome is not null;

-- The supervisors Casebridge knows for each agency: people who acted in Casebridge with a supervisor's token of it
-- (README Decisions, "The supervisor consulted"). A mandatory report names one of them, bound to their subject.
create table agency_supervisor (
    agency_code   varchar(40)  not null,
    subject       varchar(100) not null,
    username      varchar(200) not null,
    first_seen_at timestamptz  not null default now(),
    last_seen_at  timestamptz  not null default now(),
    primary key (agency_code, subject)
);
create index agency_supervisor_username_idx on agency_supervisor (agency_code, lower(username));
alter table mandatory_report add column supervisor_consulted_subject varchar(100);

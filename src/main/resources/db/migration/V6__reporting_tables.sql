-- Reporting tables behind the case-management indicators (README "Aggregates"): per state and day, only cases whose
-- survivor gave reporting consent, rebuilt as a whole by insight/ReportingTables every few minutes. A state lead's
-- query then sums a few thousand narrow rows instead of joining every referral of the state to its case.
create table report_referral (
    state         varchar(60) not null,
    day           date        not null,
    service_type  varchar(30) not null,
    outcome       varchar(20) not null,
    referrals     integer     not null
);
create index report_referral_idx on report_referral (state, day);

-- one row per accepted referral: a median cannot be summed from daily counts
create table report_acceptance (
    state         varchar(60)      not null,
    day           date             not null,
    service_type  varchar(30)      not null,
    minutes       double precision not null
);
create index report_acceptance_idx on report_acceptance (state, day);

create table report_follow_up (
    state         varchar(60) not null,
    lead_agency   varchar(40) not null,
    day           date        not null,
    timeliness    varchar(10) not null,
    follow_ups    integer     not null
);
create index report_follow_up_idx on report_follow_up (state, day);

create table report_closure (
    state         varchar(60) not null,
    lead_agency   varchar(40) not null,
    day           date        not null,
    reason        varchar(20) not null,
    closures      integer     not null
);
create index report_closure_idx on report_closure (state, day);

-- client feedback answers are anonymous by design (all count), per state of the agency and month
create table report_feedback (
    state         varchar(60) not null,
    period        date        not null,
    section       varchar(30) not null,
    answer        varchar(20) not null,
    answers       integer     not null
);
create index report_feedback_idx on report_feedback (state, period);

create table report_refresh (
    id            smallint    primary key check (id = 1),
    refreshed_at  timestamptz not null
);

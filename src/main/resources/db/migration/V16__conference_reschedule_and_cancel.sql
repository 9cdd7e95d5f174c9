-- A conference can be rescheduled (date, time, place) and cancelled with a reason (README "Conferences, action plans,
-- follow-up, closure and client feedback"). A cancelled conference keeps when it was cancelled and why.
alter table conference drop constraint conference_status_check;
alter table conference add constraint conference_status_check check (status in ('SCHEDULED', 'HELD', 'CANCELLED'));
alter table conference add column cancelled_at timestamptz;
alter table conference add column cancellation_reason varchar(2000);
alter table conference add constraint conference_cancelled_check
    check ((status = 'CANCELLED') = (cancelled_at is not null and cancellation_reason is not null));

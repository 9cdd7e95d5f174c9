-- Grants by route (DESIGN rule 2, 4): a supervisor's sharing decision is made for one object (a referral or a
-- conference invitation) and one purpose, has an end, and can be withdrawn. It is never joined into a grant for the
-- whole case: the route's object points at its decision, and no two objects share one.
alter table sharing_decision
    add column purpose         varchar(20),
    add column made_for        varchar(30),
    add column object_id       uuid,
    add column valid_until     timestamptz,
    add column withdrawn_at    timestamptz,
    add column withdrawn_by_subject varchar(100),
    add column withdrawn_by_name    varchar(200),
    add column withdrawal_reason    varchar(2000);

update sharing_decision d set purpose = 'REFERRAL', made_for = 'Referral', object_id = r.id
from referral r where r.sharing_decision_id = d.id;
update sharing_decision d set purpose = 'CASE_CONFERENCE', made_for = 'ConferenceInvitation', object_id = v.id
from conference_invitation v where v.sharing_decision_id = d.id and d.object_id is null;
-- a decision no object points at was never used; it grants nothing
update sharing_decision set purpose = 'REFERRAL', made_for = 'Referral', object_id = id where object_id is null;
update sharing_decision set valid_until = decided_at + interval '30 days';

alter table sharing_decision
    alter column purpose set not null,
    alter column made_for set not null,
    alter column object_id set not null,
    alter column valid_until set not null,
    add constraint sharing_decision_purpose_check check (purpose in ('REFERRAL', 'CASE_CONFERENCE')),
    add constraint sharing_decision_made_for_check check (made_for in ('Referral', 'ConferenceInvitation')),
    add constraint sharing_decision_end_check check (valid_until > decided_at),
    add constraint sharing_decision_withdrawal_check check ((withdrawn_at is null) = (withdrawal_reason is null));

drop index sharing_decision_grant_idx;
create unique index sharing_decision_object_idx on sharing_decision (made_for, object_id);
create unique index referral_sharing_decision_idx on referral (sharing_decision_id) where sharing_decision_id is not null;
create unique index conference_invitation_sharing_decision_idx on conference_invitation (sharing_decision_id)
    where sharing_decision_id is not null;
create index sharing_decision_case_idx on sharing_decision (case_id);

-- A caseworker profile is one agency's: the same username may be registered by several agencies (each its own
-- profile), so no agency can claim a username away from another (README Decisions, "Caseworker profiles").
alter table caseworker_profile drop constraint caseworker_profile_username_key;
alter table caseworker_profile add constraint caseworker_profile_agency_username_key unique (agency_id, username);

-- People are their token's subject, not the username it carries (README Decisions, "People are subjects"). A
-- caseworker registered by username is bound to the subject of the first caseworker token of the agency carrying
-- that username; a note-taker named by username, to the first facilitator token of the facilitator's agency.
alter table caseworker_profile add column subject varchar(100);
create index caseworker_profile_subject_idx on caseworker_profile (subject);

alter table fg_session add column facilitator_agency varchar(40);
alter table fg_session add column note_taker_subject varchar(100);
create index fg_session_facilitator_subject_idx on fg_session (facilitator_subject);
create index fg_session_note_taker_subject_idx on fg_session (note_taker_subject);
-- Sessions planned before this migration: the facilitator's agency is in the audit entry of the planning.
update fg_session s set facilitator_agency = a.actor_agency
from audit_entry a where a.action = 'session.plan' and a.allowed and a.target_id = s.id;

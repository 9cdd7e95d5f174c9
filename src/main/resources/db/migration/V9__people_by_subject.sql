-- A caseworker profile is one agency's: the same username may be registered by several agencies (each its own
-- profile), so no agency can claim a username away from another (README Decisions, "Caseworker profiles").
alter table caseworker_profile drop constraint caseworker_profile_username_key;
alter table caseworker_profile add constraint caseworker_profile_agency_username_key unique (agency_id, username);

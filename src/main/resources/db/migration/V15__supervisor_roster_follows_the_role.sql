-- The roster follows the supervisor role (README Decisions, "The supervisor consulted"): a person seen acting without
-- the role of an agency, or with another agency's, has lost it there; only those seen as its supervisor recently count.
alter table agency_supervisor add column role_lost_at timestamptz;
create index agency_supervisor_subject_idx on agency_supervisor (subject);

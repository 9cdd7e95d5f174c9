-- The demo focus groups were planned by fac.borno of AMANI: their note-taker (fac2.borno) is matched within AMANI and
-- bound to her subject on first use, like any note-taker named by username (README Decisions, "People are subjects").
update fg_session set facilitator_agency = 'AMANI'
where facilitator_agency is null and facilitator_subject = 'b38312b5-b159-526b-aa56-0e8e957f96b0'
  and id::text like 'a1400000-0000-4000-8000-%';

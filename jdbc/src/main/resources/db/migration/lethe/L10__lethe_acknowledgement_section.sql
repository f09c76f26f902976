-- Access across services (Art. 15): a participant's report of the subject's data, kept with its
-- acknowledgement only until the coordinator assembles the subject's report, then set to null in
-- that transaction. The only personal data lethe_acknowledgement ever holds.
alter table lethe_acknowledgement add section text;

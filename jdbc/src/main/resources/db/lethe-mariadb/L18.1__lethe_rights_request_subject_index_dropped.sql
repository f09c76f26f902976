-- MariaDB and MySQL's form of L18.1 in db/lethe-standard (DROP INDEX needs its table here): the index on
-- (subject_type, identity_kind) served only the comparison L18 replaced, and a planner without statistics on a
-- freshly filled table preferred it to L18's index, reading every request of the subject type.
drop index lethe_rights_request_subject on lethe_rights_request;

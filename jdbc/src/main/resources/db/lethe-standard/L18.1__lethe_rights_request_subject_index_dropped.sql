-- PostgreSQL, H2 and every database but MariaDB and MySQL (LetheSchema adds this location for them; db/lethe-mariadb
-- holds MariaDB's form). The index on (subject_type, identity_kind) served only the comparison L18 replaced, and a
-- planner without statistics on a freshly filled table (PostgreSQL before autovacuum's analyze, H2) preferred it to
-- L18's index, reading every request of the subject type: with 100,000 requests a lookup took 17 ms on PostgreSQL
-- and 226 ms on H2, against 0.25 and 0.08 ms once it was gone.
drop index lethe_rights_request_subject;

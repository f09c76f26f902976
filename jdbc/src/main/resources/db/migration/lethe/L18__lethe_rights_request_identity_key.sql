-- The form of a request's identity that findBySubject compares, indexed: the value stripped of surrounding
-- white space and lower-cased, computed by JdbcRequestStore in Java (IdentityMatch.IGNORE_CASE_AND_SPACE),
-- so that every database compares alike. It replaces the comparison lower(trim(identity_value)), which no
-- index served: an erasure read every request of its subject type, and its cost grew with every request
-- Lethe had ever received. It holds nothing identity_value does not, and is replaced with it on erasure
-- and on clearing. Rows written before this version get the old comparison's form (trim removes spaces
-- only, lower follows the database), so they are found exactly as before.
alter table lethe_rights_request add column identity_key varchar(320);
update lethe_rights_request set identity_key = lower(trim(identity_value));
-- All three columns findBySubject compares. L18.1 drops the index on (subject_type, identity_kind), in a location
-- per database: DROP INDEX is written differently on MariaDB.
create index lethe_rights_request_identity on lethe_rights_request (identity_key, subject_type, identity_kind);

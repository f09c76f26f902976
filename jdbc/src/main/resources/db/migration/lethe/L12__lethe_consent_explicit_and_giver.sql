-- Whether a consent was explicit (Art. 9(2)(a)) and who gave it: the subject, or for a child below
-- the age of digital consent the holder of parental responsibility (Art. 8(1)). A child's date of
-- birth or age is never stored, only this answer. Earlier records were given by the subject and
-- not recorded as explicit.

alter table lethe_consent_record add column explicit_consent boolean default false not null;
alter table lethe_consent_record add column given_by varchar(40) default 'SUBJECT' not null;

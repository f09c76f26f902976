-- The day each version of the privacy notice applies from (Art. 7(1), 13(3)): the version is a
-- fingerprint of the notice's material content, and the first replica to start with a new one records
-- the day, which every replica and restart then reads. Holds no personal data.
create table lethe_notice_version (
  version      varchar(64) not null primary key,
  applies_from date        not null
);
